//! Nothing typed is lost (issue 21, §0): text typed into a form reaches the file when
//! the window is asked to close (the title bar's ×, Alt+F4, a shutdown) with the cursor
//! still in the field, and after a pause of about a second in typing — one change in the
//! history per pause, none when nothing was typed.
//!
//! The harness advances egui's clock by a quarter of a second per frame, so the frames
//! stepped here are the time that passes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hoinghi::ui::App;

/// Puts the cursor in the field labelled `label` and types `text` there, in one frame
/// after the one that gave it the focus: half a second in all, less than the pause.
fn type_in(h: &mut Harness<'static, App>, label: &str, text: &str) {
    let field = h.get_by(|n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.label().as_deref() == Some(label)
    });
    field.focus();
    h.step();
    type_at_end(h, text);
}

/// Types `text` at the end of the field that has the cursor.
fn type_at_end(h: &mut Harness<'static, App>, text: &str) {
    h.event(egui::Event::Key {
        key: egui::Key::End,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::Text(text.to_owned()));
    h.step();
}

/// The window manager asks the window to close, as `WM_DELETE_WINDOW` does.
fn close_window(h: &mut Harness<'static, App>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

fn changes(h: &Harness<'static, App>) -> usize {
    h.state().store().unwrap().history(500).unwrap().len()
}

fn note_of(h: &Harness<'static, App>, name: &str) -> String {
    let all = h.state().store().unwrap().attendees().unwrap();
    all.into_iter()
        .find(|a| a.data.full_name == name)
        .unwrap()
        .data
        .note
}

fn open_attendee(h: &mut Harness<'static, App>, name: &str) {
    go_to(h, "Đại biểu");
    common::type_into(h, "Tìm kiếm", name);
    h.get_by_label(name).click();
    h.run();
    h.get_by_label("Sửa bản ghi");
}

#[test]
fn a_note_typed_then_the_window_closed_is_in_the_file() {
    let mut h = harness(demo_store());
    open_attendee(&mut h, "Trần Văn Luân");
    type_in(&mut h, "Ghi chú", "Can xe lan");
    assert_eq!(note_of(&h, "Trần Văn Luân"), "", "not written while typing");
    close_window(&mut h);
    assert_eq!(note_of(&h, "Trần Văn Luân"), "Can xe lan");
}

#[test]
fn a_signer_s_title_typed_on_the_overview_then_closed_is_in_the_file() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Tổng quan");
    let before = h
        .state()
        .store()
        .unwrap()
        .conference()
        .unwrap()
        .signer_left_title;
    type_in(&mut h, "Chức danh ký bên trái", " ABC");
    close_window(&mut h);
    let after = h
        .state()
        .store()
        .unwrap()
        .conference()
        .unwrap()
        .signer_left_title;
    assert_eq!(after, format!("{before} ABC"));
}

#[test]
fn a_programme_item_and_a_script_paragraph_typed_then_closed_are_in_the_file() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Chương trình");
    let item = h.state().data().programme.first().unwrap().clone();
    h.get_by_label(&item.data.title).click();
    h.run();
    type_in(&mut h, "Ghi chú", "Mời đại biểu ổn định chỗ ngồi");
    close_window(&mut h);
    let stored = h.state().store().unwrap().programme().unwrap();
    assert_eq!(stored[0].data.notes, "Mời đại biểu ổn định chỗ ngồi");

    // A paragraph being rewritten, its Save not clicked.
    let mut h = harness(demo_store());
    go_to(&mut h, "Chương trình");
    h.get_all_by_label("Sửa").next().unwrap().click();
    h.run();
    let editor = h.get_by(|n| n.role() == Role::MultilineTextInput);
    editor.focus();
    h.step();
    type_at_end(&mut h, " Xin cảm ơn!");
    close_window(&mut h);
    let script = h.state().data().script();
    let rewritten = script
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.edited)
        .expect("the rewrite is in the file");
    assert!(
        rewritten.text.contains(" Xin cảm ơn!"),
        "{}",
        rewritten.text
    );
}

#[test]
fn a_pause_in_typing_writes_the_field_once() {
    let mut h = harness(demo_store());
    open_attendee(&mut h, "Trần Văn Luân");
    let before = changes(&h);
    // Typed in three bursts a quarter of a second apart: no pause yet.
    type_in(&mut h, "Ghi chú", "Can");
    h.event(egui::Event::Text(" xe".into()));
    h.step();
    h.event(egui::Event::Text(" lan".into()));
    h.step();
    assert_eq!(note_of(&h, "Trần Văn Luân"), "", "not written between keys");
    assert_eq!(changes(&h), before);
    // About a second without typing, the cursor still in the field.
    h.run_steps(5);
    assert_eq!(note_of(&h, "Trần Văn Luân"), "Can xe lan");
    assert_eq!(changes(&h), before + 1, "one change for the pause");
    let field = h.get_by_role_and_label(Role::TextInput, "Ghi chú");
    assert!(field.is_focused(), "the field keeps the cursor");
    // More seconds with nothing typed write nothing more, and closing adds nothing.
    h.run_steps(8);
    close_window(&mut h);
    assert_eq!(changes(&h), before + 1);
    // The typing goes on where it was, and the next pause writes it too.
    h.event(egui::Event::Text(" 2".into()));
    h.step();
    h.run_steps(5);
    assert_eq!(note_of(&h, "Trần Văn Luân"), "Can xe lan 2");
    assert_eq!(changes(&h), before + 2);
}

#[test]
fn a_new_record_s_form_is_not_added_by_a_pause() {
    let mut h = harness(demo_store());
    go_to(&mut h, "Đại biểu");
    let count = h.state().store().unwrap().attendees().unwrap().len();
    type_in(&mut h, "Họ và tên", "Nguyễn Văn Mới");
    h.run_steps(8);
    close_window(&mut h);
    assert_eq!(
        h.state().store().unwrap().attendees().unwrap().len(),
        count,
        "a new person is added with Enter or Thêm, not by waiting"
    );
}
