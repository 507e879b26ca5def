//! The import preview, round two: possible duplicates side by side with "keep both",
//! a file without a header row mapped while its rows stay in view, and what an import
//! says in the window's own language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{FakeDialogs, harness_with, wait_idle};
use egui_kittest::kittest::Queryable as _;
use hoinghi::import::Kind;
use hoinghi::store::{Missing, Store};
use hoinghi::ui::action::Action;
use hoinghi::ui::i18n::Lang;

fn window_on(
    dir: &std::path::Path,
    name: &str,
    text: &str,
) -> egui_kittest::Harness<'static, hoinghi::ui::App> {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    let store = Store::open(&dir.join("hn.sqlite"), Missing::Create).unwrap();
    harness_with(
        store,
        FakeDialogs {
            answers: vec![file],
            ..FakeDialogs::default()
        },
    )
}

/// Two Trần Văn Hùng in one class look like one person; the organiser sees both rows
/// side by side, keeps both, and both are stored.
#[test]
fn a_possible_duplicate_is_shown_beside_its_match_and_both_can_be_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_on(
        dir.path(),
        "lop.csv",
        "STT,Họ và tên,Lớp\n1,Trần Văn Hùng,10A1\n2,Lê Thị Mai,10A1\n3,Trần Văn Hùng,10A1\n",
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label_contains("Có thể trùng người (1)");
    h.get_by_label("Dòng 4: Trần Văn Hùng · 10A1");
    h.get_by_label("Dòng 2: Trần Văn Hùng · 10A1");
    h.get_by_label("Giữ cả hai").click();
    h.step();
    wait_idle(&mut h);
    h.get_by_label_contains("3 dòng sẽ nhập · 0 trùng");
    h.get_by_label("Chỉ giữ một");
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    let all = h.state().store().unwrap().attendees().unwrap();
    assert_eq!(all.len(), 3);
}

/// "Tệp không có dòng tiêu đề": the rows show at once, mapped from their values.
#[test]
fn without_a_header_the_rows_stay_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_on(
        dir.path(),
        "khong-tieu-de.csv",
        "1,Nguyễn Văn An,Đại úy,Công an xã Long Trị\n\
         2,Trần Thị Bích,Thiếu tá,Công an xã Long Bình\n",
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label_contains("Không tìm thấy dòng tiêu đề");
    h.get_by_label("Tệp không có dòng tiêu đề — mọi dòng là dữ liệu")
        .click();
    h.step();
    wait_idle(&mut h);
    h.get_by_label_contains("2 dòng sẽ nhập");
    h.get_by_label("Trần Thị Bích");
    h.get_by_label("Công an xã Long Bình");
}

/// With no column that can be a name, the file's rows stay in view while mapping.
#[test]
fn while_no_column_is_the_name_the_raw_rows_show() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_on(
        dir.path(),
        "so.csv",
        "1,Đại úy,0912345678\n2,Thiếu tá,0987654321\n",
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label("Tệp không có dòng tiêu đề — mọi dòng là dữ liệu")
        .click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().pages.import.error, None);
    h.get_by_label_contains("Chưa có cột nào là Họ và tên");
    h.get_by_label("0987654321");
    h.get_by_label("Thiếu tá");
}

/// The toast and the page after an import speak the window's language.
#[test]
fn an_import_reports_in_the_windows_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_on(
        dir.path(),
        "ds.csv",
        "Họ và tên,Đơn vị\nNguyễn Văn An,Công an xã A\nLê Văn B,Công an xã B\n",
    );
    h.state_mut().apply(Action::SetLanguage(Lang::En));
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label("Import").click();
    h.step();
    wait_idle(&mut h);
    assert!(
        h.query_all_by_label_contains("Import finished: 2 new")
            .count()
            >= 2,
        "the page and the toast"
    );
    assert!(h.query_by_label_contains("imported 2").is_none());

    // And in Vietnamese, no English words.
    let dir = tempfile::tempdir().unwrap();
    let mut h = window_on(dir.path(), "ds.csv", "Họ và tên\nNguyễn Văn An\n");
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    assert!(h.query_all_by_label_contains("Đã nhập xong: 1 mới").count() >= 2);
    assert!(h.query_by_label_contains("imported").is_none());
}
