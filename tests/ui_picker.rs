//! The one attendee picker of the question, gift and commendation forms, driven from
//! the keyboard as a paper slip is typed in: type, Down, Enter (or Tab), go on typing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness, type_into};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use hoinghi::ui::App;

fn press(h: &mut Harness<'static, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// Typing into whichever field has the keyboard, as a person at the keyboard does.
fn type_here(h: &mut Harness<'static, App>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

fn field_value(h: &Harness<'static, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

#[test]
fn a_question_s_asker_is_picked_with_enter_and_the_slip_goes_on() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Câu hỏi");
    type_into(&mut h, "Người hỏi", "tran van luan");
    h.get_by_label_contains("Trần Văn Luân · Thượng úy · Công an xã Long Trị");
    // Enter takes the highlighted person: it does not submit the form.
    press(&mut h, Key::Enter);
    assert_eq!(field_value(&h, "Người hỏi"), "Trần Văn Luân");
    assert_eq!(field_value(&h, "Đơn vị người hỏi"), "Công an xã Long Trị");
    assert!(
        h.query_by_label_contains("Bắt buộc nhập").is_none(),
        "the form was not submitted"
    );
    let store = h.state().store().unwrap();
    assert_eq!(store.questions().unwrap().len(), 60, "nothing added yet");
    // The keyboard moved on: typing goes into the next field, the unit.
    type_here(&mut h, " (Long Mỹ)");
    assert_eq!(
        field_value(&h, "Đơn vị người hỏi"),
        "Công an xã Long Trị (Long Mỹ)"
    );
    type_into(&mut h, "Nội dung", "Đề nghị cấp thêm xe máy tuần tra.");
    h.get_by_label("Thêm").click();
    h.run();
    let q = h
        .state()
        .store()
        .unwrap()
        .search_questions("xe may tuan tra")
        .unwrap();
    assert_eq!(q.len(), 1);
    assert!(q[0].data.asker_id.is_some(), "linked to the attendee");
    assert_eq!(q[0].data.asker_name, "Trần Văn Luân");
}

#[test]
fn a_gift_s_recipient_is_picked_with_down_and_tab() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Quà tặng");
    // Two people share "Long Trị" as unit in the demo; the second one is wanted.
    type_into(&mut h, "Người nhận", "long tri");
    let rows: Vec<String> = h
        .get_all_by(|n| {
            n.label()
                .is_some_and(|l| l.contains(" · Công an xã Long Trị"))
        })
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(rows.len() >= 2, "several matches listed: {rows:?}");
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::Tab);
    let second = rows[1].split(" · ").next().unwrap().to_owned();
    assert_eq!(field_value(&h, "Người nhận"), second);
    assert_eq!(field_value(&h, "Đơn vị"), "Công an xã Long Trị");
    let form = &h.state().pages.gifts;
    assert!(form.draft_linked(), "linked to an attendee");
}

#[test]
fn escape_keeps_a_typed_name_that_is_not_on_the_list() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Khen thưởng");
    type_into(&mut h, "Người nhận", "Nguyễn");
    assert!(h.query_by_label_contains("Chọn từ danh sách").is_some());
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label_contains("Chọn từ danh sách").is_none(),
        "the list is closed"
    );
    // The field keeps the keyboard and the text; typing goes on.
    type_here(&mut h, " Văn Khách");
    assert_eq!(field_value(&h, "Người nhận"), "Nguyễn Văn Khách");
    assert!(!h.state().pages.commendations.draft_linked());
    // Enter now is an ordinary Enter: it adds the commendation, to a name not on the list.
    press(&mut h, Key::Enter);
    let c = h.state().store().unwrap().commendations().unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c[2].data.recipient_name, "Nguyễn Văn Khách");
    assert_eq!(c[2].data.recipient_id, None);
}

#[test]
fn a_commendation_s_recipient_brings_rank_position_and_unit() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Khen thưởng");
    type_into(&mut h, "Người nhận", "nguyen thanh trang");
    press(&mut h, Key::Enter);
    assert_eq!(field_value(&h, "Người nhận"), "Nguyễn Thanh Tràng");
    assert_eq!(field_value(&h, "Cấp bậc"), "Đại tá");
    assert_eq!(field_value(&h, "Chức vụ"), "Phó Giám đốc Công an tỉnh");
    assert_eq!(field_value(&h, "Đơn vị"), "Ban Giám đốc Công an tỉnh");
    assert!(h.state().pages.commendations.draft_linked());
}

/// A conference where "bich" finds thirteen people: middle names first in the file, three
/// people of a unit called Phú Bích, and Châu Ngọc Bích last; and people of Châu Thành
/// whose names hold "ng", and Nguyễn Thị Châu, whose name has both words the other way.
fn many_bich() -> hoinghi::store::Store {
    let store = hoinghi::store::Store::open_in_memory().unwrap();
    let people = [
        ("Trương Thị Bích Liên", "Công an xã Vĩnh Thuận Đông"),
        ("Nguyễn Bích Thủy", "Công an phường Trà Lồng"),
        ("Trần Thị Bích Thảo", "Công an xã Hiệp Hưng"),
        ("Nguyễn Bích Hòa", "Công an phường Trà Lồng"),
        ("Tô Bích Vân", "Công an huyện Châu Thành"),
        ("Lê Thị Bích Hà", "Phòng Cảnh sát phòng cháy"),
        ("Phan Văn An", "Công an xã Phú Bích"),
        ("Lý Văn Bé", "Công an xã Phú Bích"),
        ("Đỗ Văn Yên", "Công an xã Phú Bích"),
        ("Nguyễn Văn Khang", "Công an huyện Châu Thành"),
        ("Nguyễn Văn Tân", "Công an huyện Châu Thành"),
        ("Lương Văn Huy", "Công an huyện Châu Thành"),
        ("Hồ Hoàng Tuyền", "Công an huyện Châu Thành"),
        ("Nguyễn Thị Châu", "Công an xã Vị Bình"),
        ("Lê Thị Bích Bích", "Phòng Cảnh sát điều tra"),
        ("Dương Thị Ngọc Bích", "Công an phường III"),
        ("Nguyễn Thị Bích Ngọc", "Công an xã Long Trị"),
        ("Châu Ngọc Bích", "Công an xã Long Trị"),
    ];
    for (name, unit) in people {
        store.add_attendee(&common::attendee(name, unit)).unwrap();
    }
    store
}

/// The rows of the picker's list, top to bottom.
fn picker_rows(h: &Harness<'static, App>) -> Vec<String> {
    let mut rows: Vec<(f32, String)> = h
        .get_all_by(|n| {
            n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| l.contains(" · Công an") || l.contains(" · Phòng"))
        })
        .map(|n| {
            (
                n.rect().min.y,
                n.accesskit_node().label().unwrap_or_default(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, l)| l).collect()
}

#[test]
fn the_picker_ranks_names_first_counts_them_and_scrolls_through_all() {
    let mut h = harness(many_bich());
    go_to(&mut h, "Quà tặng");
    type_into(&mut h, "Người nhận", "bich");
    let rows = picker_rows(&h);
    assert!(
        rows.first()
            .is_some_and(|r| r.starts_with("Châu Ngọc Bích ·")),
        "the given name first: {rows:?}"
    );
    assert!(
        rows.get(1)
            .is_some_and(|r| r.starts_with("Dương Thị Ngọc Bích ·")),
        "{rows:?}"
    );
    h.get_by_label_contains("13 người");
    // The people found only through their unit come last; the list scrolls to them.
    for _ in 0..12 {
        press(&mut h, Key::ArrowDown);
    }
    let rows = picker_rows(&h);
    assert!(
        rows.last().is_some_and(|r| r.starts_with("Đỗ Văn Yên ·")),
        "scrolled to the last: {rows:?}"
    );
    press(&mut h, Key::Enter);
    assert_eq!(field_value(&h, "Người nhận"), "Đỗ Văn Yên");
    assert_eq!(field_value(&h, "Đơn vị"), "Công an xã Phú Bích");
}

#[test]
fn chau_ng_finds_chau_ngoc_bich_before_the_people_of_chau_thanh() {
    let mut h = harness(many_bich());
    go_to(&mut h, "Câu hỏi");
    type_into(&mut h, "Người hỏi", "chau ng");
    let rows = picker_rows(&h);
    assert!(
        rows.first()
            .is_some_and(|r| r.starts_with("Châu Ngọc Bích ·")),
        "{rows:?}"
    );
    press(&mut h, Key::Enter);
    assert_eq!(field_value(&h, "Người hỏi"), "Châu Ngọc Bích");
}
