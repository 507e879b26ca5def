//! The keyboard in forms (issue 21, §5): the topic drop-down is left with Enter, Tab and
//! Esc as a list is; the hint under a multi-line field says what Enter does there and is
//! in sight at 1366×768; a refused save puts the cursor in the field to fill; the toasts
//! keep off the form they speak of.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness, type_into};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use egui_kittest::{Harness, Node};
use hoinghi::ui::App;

/// Where the record forms begin: they are `FORM_WIDTH` wide on the right.
const FORM_LEFT: f32 = 1366.0 - hoinghi::ui::theme::FORM_WIDTH;

fn press(h: &mut Harness<'static, App>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The question form's topic drop-down (the table's filter has the same label).
fn topic_combo<'h>(h: &'h Harness<'static, App>) -> Node<'h> {
    h.get_all_by_role_and_label(Role::ComboBox, "Chủ đề")
        .find(|n| n.rect().left() >= FORM_LEFT)
        .expect("the form's topic drop-down")
}

fn list_open(h: &Harness<'static, App>) -> bool {
    h.query_by(|n| n.role() == Role::ListBox).is_some()
}

fn open_topics(h: &mut Harness<'static, App>) {
    topic_combo(h).focus();
    h.run();
    press(h, Key::Enter);
    assert!(list_open(h), "Enter on the drop-down opens its list");
    press(h, Key::ArrowDown);
    press(h, Key::ArrowDown);
}

#[test]
fn enter_takes_a_topic_and_closes_the_list_tab_moves_on() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Câu hỏi");
    let before = topic_combo(&h).value().unwrap_or_default();
    open_topics(&mut h);
    press(&mut h, Key::Enter);
    assert!(!list_open(&h), "Enter closes the list");
    let combo = topic_combo(&h);
    assert_ne!(
        combo.value().unwrap_or_default(),
        before,
        "a topic was taken"
    );
    assert!(combo.is_focused(), "the keyboard stays on the drop-down");
    press(&mut h, Key::Tab);
    let content = h.get_by_role_and_label(Role::MultilineTextInput, "Nội dung");
    assert!(content.is_focused(), "Tab goes on to the next field");
}

#[test]
fn tab_in_the_open_list_leaves_it_for_the_next_field() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Câu hỏi");
    open_topics(&mut h);
    press(&mut h, Key::Tab);
    assert!(!list_open(&h), "Tab closes the list");
    let content = h.get_by_role_and_label(Role::MultilineTextInput, "Nội dung");
    assert!(content.is_focused(), "and moves to the next field");
}

#[test]
fn escape_closes_the_list_and_keeps_the_keyboard_on_it() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Câu hỏi");
    let before = topic_combo(&h).value().unwrap_or_default();
    open_topics(&mut h);
    press(&mut h, Key::Escape);
    assert!(!list_open(&h), "Esc closes the list");
    let combo = topic_combo(&h);
    assert!(combo.is_focused(), "the drop-down keeps the keyboard");
    assert_eq!(combo.value().unwrap_or_default(), before, "nothing chosen");
    #[allow(
        clippy::redundant_closure_for_method_calls,
        reason = "the method itself is not general enough over the tree's lifetime"
    )]
    let focused: Vec<String> = h
        .query_all_by(|n| n.is_focused())
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(
        !focused.iter().any(|l| l == "Tệp"),
        "not the File menu: {focused:?}"
    );
}

#[test]
fn the_content_hint_says_enter_is_a_new_line_and_is_in_sight() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Câu hỏi");
    type_into(&mut h, "Nội dung", "Đề nghị");
    let hint = h.get_by_label("Enter: xuống dòng · Ctrl+Enter: thêm");
    let rect = hint.rect();
    assert!(rect.left() >= FORM_LEFT, "under the form: {rect:?}");
    assert!(
        rect.bottom() <= 768.0,
        "not cut off at the bottom: {rect:?}"
    );
    // Enter makes a new line, Ctrl+Enter adds the question.
    press(&mut h, Key::Enter);
    h.event(egui::Event::Text("thêm xe.".into()));
    h.run();
    let count = h.state().store().unwrap().questions().unwrap().len();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Enter);
    h.run();
    let questions = h.state().store().unwrap().questions().unwrap();
    assert_eq!(questions.len(), count + 1);
    assert!(
        questions
            .iter()
            .any(|q| q.data.content == "Đề nghị\nthêm xe.")
    );
    // In a one-line field the hint is the other one.
    type_into(&mut h, "Đơn vị / người trả lời", "Đại tá");
    h.get_by_label("Enter: thêm · Tab: sang ô sau");
}

#[test]
fn a_second_gift_without_its_reason_puts_the_cursor_there() {
    let store = hoinghi::store::Store::open_in_memory().unwrap();
    let id = store
        .add_attendee(&common::attendee("Nguyễn Văn Nghèo", "Công an xã Long Trị"))
        .unwrap();
    let first = hoinghi::domain::GiftDraft {
        recipient_id: Some(id),
        recipient_name: "Nguyễn Văn Nghèo".into(),
        item: "Sổ tiết kiệm".into(),
        value: "2.000.000".into(),
        ..Default::default()
    };
    store.add_gift(&first.validate().unwrap()).unwrap();
    let mut h = harness(store);
    go_to(&mut h, "Quà tặng");
    type_into(&mut h, "Người nhận", "nguyen van ngheo");
    press(&mut h, Key::Enter);
    type_into(&mut h, "Hình thức quà", "Quà");
    h.get_by_label("Thêm").click();
    h.run();
    h.get_by_label("Bắt buộc nhập");
    let reason = h.get_by_role_and_label(Role::TextInput, "Lý do tặng quà lần hai");
    assert!(reason.is_focused(), "the field to fill has the cursor");
    assert_eq!(h.state().store().unwrap().gifts().unwrap().len(), 1);
    // Typing goes there at once, and Enter adds the gift.
    h.event(egui::Event::Text("Nhà bị sập".into()));
    h.run();
    press(&mut h, Key::Enter);
    let gifts = h.state().store().unwrap().gifts().unwrap();
    assert_eq!(gifts.len(), 2);
    assert_eq!(gifts[1].data.override_reason, "Nhà bị sập");
}

#[test]
fn the_saved_and_added_toasts_keep_off_the_form() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Đại biểu");
    type_into(&mut h, "Họ và tên", "Nguyễn Văn Mới");
    press(&mut h, Key::Enter);
    // At the foot of the navigation: neither on the form nor on the table's rows.
    let nav = hoinghi::ui::theme::NAV_WIDTH;
    let added = h.get_by_label("Đã thêm").rect();
    assert!(added.right() <= nav, "{added:?} covers the page");
    h.get_by_label("Nguyễn Văn Mới").click();
    h.run();
    type_into(&mut h, "Chức vụ", "Cán bộ");
    press(&mut h, Key::Tab);
    let saved = h.get_by_label("Đã lưu").rect();
    assert!(saved.right() <= nav, "{saved:?} covers the page");
    let position = h.get_by_role_and_label(Role::TextInput, "Chức vụ").rect();
    assert!(
        !saved.intersects(position),
        "the toast covers the field saved"
    );
}
