//! When no native file dialog can be shown, the window asks with its own: folders and
//! files with Vietnamese names, a name to type, Open or Save — never nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{FakeDialogs, demo_store, harness_with, wait_idle};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use hoinghi::import::Kind;
use hoinghi::ui::Page;
use hoinghi::ui::action::Action;

fn no_native_dialog() -> FakeDialogs {
    FakeDialogs {
        unavailable: true,
        ..FakeDialogs::default()
    }
}

/// Runs frames until the window stops repainting: the dialog's scroll area and the
/// preview behind it may take a few more frames than `run` allows.
fn settle(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>) {
    for _ in 0..50 {
        if h.run_ok().is_some() {
            return;
        }
    }
    panic!("the window kept repainting");
}

fn go_to_folder(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, dir: &std::path::Path) {
    let folder = h.get_by_role_and_label(Role::TextInput, "Thư mục");
    folder.focus();
    settle(h);
    // Replace what is there: select all, then type.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Thư mục")
        .type_text(&dir.display().to_string());
    settle(h);
    h.key_press(egui::Key::Tab);
    settle(h);
}

#[test]
fn an_import_is_chosen_in_the_window_s_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("Hội nghị 2026");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("danh sách đại biểu.csv"),
        "Họ và tên,Đơn vị\nTrần Văn Luân,Công an xã Long Trị\n",
    )
    .unwrap();
    std::fs::write(sub.join("ghi chú.pptx"), "x").unwrap();
    let mut h = harness_with(demo_store(), no_native_dialog());
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    settle(&mut h);
    h.get_by_label_contains("hộp chọn tệp của ứng dụng");
    go_to_folder(&mut h, dir.path());
    // Folders are listed and entered with a click; names with marks read as typed.
    h.get_by_label("Hội nghị 2026  [thư mục]").click();
    settle(&mut h);
    h.get_by_label("danh sách đại biểu.csv").click();
    settle(&mut h);
    assert!(
        h.query_by_label("ghi chú.pptx").is_none(),
        "only the files the question is about"
    );
    h.get_by_label("Mở").click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h.get_by_label_contains("1 dòng sẽ nhập");
    // The next question starts in the folder used.
    let persisted = h.state().persisted();
    assert_eq!(persisted.last_dir.as_deref(), Some(sub.as_path()));
}

#[test]
fn a_list_is_saved_through_the_window_s_own_dialog_with_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with(demo_store(), no_native_dialog());
    common::go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    h.get_by_label("Lưu tệp…").click();
    settle(&mut h);
    go_to_folder(&mut h, dir.path());
    let name = h.get_by_role_and_label(Role::TextInput, "Tên tệp");
    assert!(
        name.value()
            .unwrap_or_default()
            .starts_with("Danh sách ký nhận đại biểu"),
        "the suggested name is offered"
    );
    name.focus();
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Tên tệp")
        .type_text("ký nhận");
    settle(&mut h);
    h.get_by_label("Lưu").click();
    h.step();
    wait_idle(&mut h);
    let written = dir.path().join("ký nhận.pdf");
    assert!(written.exists(), "the extension is added");
    // Escape closes the dialog without doing anything.
    h.get_by_label("Lưu tệp…").click();
    settle(&mut h);
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Tên tệp").is_none());
}
