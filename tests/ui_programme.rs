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
    assert_eq!(h.state().data().programme.len(), 10);
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
    h.get_by_label_contains("Lê Văn Bình, Chủ tịch Ủy ban nhân dân xã Long Trị [chưa đến]");
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
    h.get_by_label_contains("Lê Văn Bình, Chủ tịch Ủy ban nhân dân xã Long Trị;");
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
    h.get_by_label("07:33  Nghi thức chào cờ");
}

#[test]
fn gaps_are_marked_ctrl_enter_keeps_a_rewrite_and_the_mc_reads_large_with_times() {
    use hoinghi::domain::programme::{ItemData, Part};
    // The sample with its dialogue's chair not chosen.
    let store = demo_store();
    let dialogue = store
        .programme()
        .unwrap()
        .into_iter()
        .find(|i| i.data.part == Part::Dialogue)
        .unwrap();
    store
        .update_item(
            &dialogue.id,
            &ItemData {
                lead_id: None,
                ..dialogue.data
            },
        )
        .unwrap();
    let mut h = harness(store);
    go_to(&mut h, "Chương trình");
    // Said once at the top and marked where it stands; never a bare "…".
    h.get_by_label("Chỗ trống chưa chọn người (tô màu trong kịch bản): 2");
    h.get_by_label_contains(
        "Trân trọng kính mời [chưa chọn người chủ trì] chủ trì phần đối thoại.",
    );
    assert!(h.query_by_label_contains("…").is_none());
    // Ctrl+Enter keeps a rewritten paragraph.
    h.get_all_by_label("Sửa").next().unwrap().click();
    h.run();
    h.get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput)
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(
        "Xin mời các đồng chí ổn định chỗ ngồi.".into(),
    ));
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
    h.run();
    h.run();
    assert!(
        h.state()
            .data()
            .script_edits
            .values()
            .any(|t| t == "Xin mời các đồng chí ổn định chỗ ngồi."),
        "kept, without a line break"
    );
    h.get_by_label("đã sửa tay");
    // The organiser moves the host's departments before its leadership, then back.
    h.get_by_label("Sắp xếp thứ tự giới thiệu").scroll_to_me();
    h.run();
    h.get_by_label("Sắp xếp thứ tự giới thiệu").click();
    h.run();
    h.get_all_by_label("Khối xuống")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    h.get_all_by_label("Khối xuống").next().unwrap().click();
    h.run();
    let intro_item = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>| {
        h.state()
            .data()
            .programme
            .iter()
            .find(|i| i.data.part == Part::Introduction)
            .unwrap()
            .clone()
    };
    assert!(!intro_item(&h).arrangement.is_empty(), "kept in the file");
    let intro = h
        .state()
        .data()
        .script()
        .into_iter()
        .find(|s| s.item.data.part == Part::Introduction)
        .unwrap()
        .paragraphs[1]
        .text
        .clone();
    assert!(
        intro.find("Về phía lãnh đạo các phòng").unwrap()
            < intro.find("Về phía lãnh đạo Công an tỉnh").unwrap(),
        "{intro}"
    );
    h.get_by_label("thứ tự do ban tổ chức sắp");
    h.get_by_label("Về thứ tự nghi thức").scroll_to_me();
    h.run();
    h.get_by_label("Về thứ tự nghi thức").click();
    h.run();
    assert!(intro_item(&h).arrangement.is_empty());
    // The MC's view: each item with its time, type at least twice the window's, bigger
    // with Ctrl+plus and kept.
    h.get_by_label("Chế độ MC (chữ lớn)").click();
    h.run();
    h.get_by_label("07:30  1. Ổn định tổ chức");
    h.get_by_label("07:33  2. Nghi thức chào cờ");
    let before = h.state().persisted().mc_size.unwrap();
    assert!(before >= 2.0 * 14.5, "{before}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    h.run();
    let after = h.state().persisted().mc_size.unwrap();
    assert!(after > before, "{before} → {after}");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Minus);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!(h.state().persisted().mc_size.unwrap() < after);
    h.key_press(Key::Escape);
    h.run();
}
