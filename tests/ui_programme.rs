//! The programme page and the MC: seeding and editing the programme, rewriting a
//! paragraph and taking it back, the script following a check-in, the MC's large-type
//! view and the projector's current item.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness};
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use hoinghi::domain::AttendeeDraft;

#[test]
fn the_programme_is_seeded_edited_and_its_script_rewritten_and_restored() {
    // A conference without a programme yet: the page offers the usual one.
    let store = demo_store();
    for item in store.programme().unwrap() {
        store.delete_item(&item.id).unwrap();
    }
    let mut h = harness(store);
    go_to(&mut h, "Chương trình");
    h.get_by_label_contains("Kịch bản được viết cho từng mục");
    h.get_by_label("Tạo chương trình mẫu").click();
    h.run();
    assert_eq!(h.state().data().programme.len(), 9);
    h.get_by_label("Bế mạc hội nghị").click();
    h.run();
    assert!(h.state().pages.programme.selected.is_some(), "chosen");
    common::type_into(&mut h, "Giờ", "");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    common::type_into(&mut h, "Giờ", "11h");
    h.key_press(Key::Tab);
    h.run();
    let last = h.state().data().programme.last().unwrap().clone();
    assert_eq!(last.data.start_time, "11:00");
    // The closing paragraph, rewritten and restored.
    let closing = "Kính thưa các đồng chí! Hội nghị đối thoại";
    h.get_by_label_contains(closing);
    let edits = h.get_all_by_label("Sửa").count();
    assert!(edits >= 9, "{edits} paragraphs");
    h.get_all_by_label("Sửa").last().unwrap().scroll_to_me();
    h.run();
    h.get_all_by_label("Sửa").last().unwrap().click();
    h.run();
    h.get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput)
        .focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("Xin cảm ơn và hẹn gặp lại!".into()));
    h.run();
    h.get_by_label("Lưu đoạn này").scroll_to_me();
    h.run();
    h.get_by_label("Lưu đoạn này").click();
    h.run();
    h.get_by_label("Xin cảm ơn và hẹn gặp lại!");
    h.get_by_label("đã sửa tay");
    h.get_by_label("Về văn bản tự động").scroll_to_me();
    h.run();
    h.get_by_label("Về văn bản tự động").click();
    h.run();
    assert!(h.query_by_label("Xin cảm ơn và hẹn gặp lại!").is_none());
    h.get_by_label_contains(closing);
}

#[test]
fn the_script_follows_the_desk_and_the_mc_reads_it_large() {
    let store = demo_store();
    store
        .add_attendee(
            &AttendeeDraft {
                full_name: "Lê Văn Bình".into(),
                position: "Chủ tịch UBND xã".into(),
                unit: "Xã Long Trị".into(),
                group: "Khách mời".into(),
                ..AttendeeDraft::default()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    let mut h = harness(store);
    go_to(&mut h, "Chương trình");
    h.get_by_label_contains("Lê Văn Bình, Chủ tịch UBND Xã Long Trị [chưa đến]");
    go_to(&mut h, "Bàn đón tiếp");
    common::type_into(
        &mut h,
        "Gõ vài chữ của họ tên, đơn vị hoặc số điện thoại",
        "le van binh",
    );
    h.key_press(Key::Enter);
    h.run();
    go_to(&mut h, "Chương trình");
    assert!(
        h.query_by_label_contains("[chưa đến]").is_none(),
        "arrived: no mark"
    );
    h.get_by_label_contains("Lê Văn Bình, Chủ tịch UBND Xã Long Trị;");
    // The MC's view, then back with Esc.
    h.get_by_label("Chế độ MC (chữ lớn)").click();
    h.run();
    h.get_by_label("Thoát chế độ MC (Esc)");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Thoát chế độ MC (Esc)").is_none());
    // The projector shows the item on now and the next; one key moves on.
    h.get_by_label("Tổng quan").click();
    h.run();
    h.get_by_label("Trình chiếu").click();
    h.run();
    h.get_by_label("07:30  Ổn định tổ chức");
    h.key_press(Key::ArrowRight);
    h.run();
    h.get_by_label("07:35  Tuyên bố lý do, giới thiệu đại biểu");
}
