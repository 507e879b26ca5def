//! Importing from the window: choose a file, see the preview, import, all off the UI thread.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/word.rs"]
mod word;

use common::{FakeDialogs, harness_with, wait_idle};
use egui_kittest::kittest::Queryable as _;
use hoinghi::import::{Choices, Field, Kind};
use hoinghi::store::{Missing, Store};
use hoinghi::ui::Page;
use hoinghi::ui::action::Action;

const LIST: &str = "DANH SÁCH ĐẠI BIỂU,,\n,,\nSTT,Họ và tên,Đơn vị,Ghi chú\n\
                    1,Nguyễn Văn An,Công an xã Long Trị,Tổ trưởng\n\
                    2,Lê Thị Bích,Công an phường I,\n\
                    3,NGUYỄN VĂN AN,Công an xã Long Trị,\n\
                    Tổng cộng: 3 đồng chí,,\n";

#[test]
fn choose_preview_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("danh-sach.csv");
    std::fs::write(&csv, LIST).unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    h.get_by_label("Nhập danh sách đại biểu (Excel, Word, CSV)…")
        .click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h.get_by_label_contains("3 dòng sẽ nhập · 1 trùng · 0 dòng lỗi");
    h.get_by_label("Nguyễn Văn An");
    h.get_by_label("trùng dòng 4");
    assert!(
        h.state().store().unwrap().attendees().unwrap().is_empty(),
        "the preview writes nothing"
    );

    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    // The page and the toast say it, in the window's language.
    assert_eq!(
        h.query_all_by_label_contains("Đã nhập xong: 2 mới").count(),
        2
    );
    let all = h.state().store().unwrap().attendees().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].data.note, "Tổ trưởng");
}

/// A list typed as a Word table: previewed as a sheet ("Bảng 1"), its group rows and
/// signatures left out, a column mapped by hand, then imported.
#[test]
fn a_word_table_is_previewed_mapped_and_imported() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("danh-sach.docx");
    word::write(&docx, word::attendee_list(&|s| s.to_owned()));
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![docx],
            ..FakeDialogs::default()
        },
    );
    h.get_by_label("Nhập danh sách đại biểu (Excel, Word, CSV)…")
        .click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h.get_by_label_contains("8 dòng sẽ nhập · 0 trùng · 0 dòng lỗi");
    h.get_by_label_contains("5 dòng nhóm, chữ ký");
    h.get_by_label("Nguyễn Thanh Tràng");
    assert!(
        h.query_by_label("Nguyễn Văn Lập").is_none(),
        "the signer is no person"
    );
    let plan = h.state().pages.import.plan.as_ref().unwrap();
    assert_eq!(plan.sheet().name, "Bảng 1");
    let mut mapping = plan.mapping.clone();
    assert_eq!(
        mapping,
        [
            None,
            Some(Field::FullName),
            Some(Field::BirthYear),
            Some(Field::Position),
            Some(Field::Unit),
            Some(Field::Note)
        ]
    );
    // Say the "Chức vụ" column (D) is only a note.
    mapping[3] = Some(Field::Note);
    let choices = plan.choices.clone();
    h.state_mut().apply(Action::ImportReplan(Choices {
        mapping: Some(mapping),
        ..choices
    }));
    wait_idle(&mut h);
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(
        h.query_all_by_label_contains("Đã nhập xong: 8 mới").count(),
        2
    );
    let all = h.state().store().unwrap().attendees().unwrap();
    assert_eq!(all.len(), 8);
    for expected in &word::PEOPLE {
        let a = all
            .iter()
            .find(|a| a.data.full_name == expected.name)
            .unwrap_or_else(|| panic!("{} missing", expected.name));
        assert_eq!(
            (a.data.unit.as_str(), a.data.group.as_str()),
            (expected.unit, expected.group)
        );
        assert!(a.data.position.is_empty());
    }
    let trang = all
        .iter()
        .find(|a| a.data.full_name == "Nguyễn Thanh Tràng")
        .unwrap();
    assert_eq!(trang.data.note, "Phó Giám đốc");
}

#[test]
fn correcting_the_mapping_changes_what_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(&csv, LIST).unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    // Say the "Ghi chú" column is really the position.
    let mut mapping = h
        .state()
        .pages
        .import
        .plan
        .as_ref()
        .unwrap()
        .mapping
        .clone();
    assert_eq!(
        mapping,
        [
            None,
            Some(Field::FullName),
            Some(Field::Unit),
            Some(Field::Note)
        ]
    );
    mapping[3] = Some(Field::Position);
    let choices = h
        .state()
        .pages
        .import
        .plan
        .as_ref()
        .unwrap()
        .choices
        .clone();
    h.state_mut().apply(Action::ImportReplan(Choices {
        mapping: Some(mapping),
        ..choices
    }));
    wait_idle(&mut h);
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    let all = h.state().store().unwrap().attendees().unwrap();
    assert_eq!(all[0].data.position, "Tổ trưởng");
    assert_eq!(all[0].data.note, "");
}

#[test]
fn a_bad_file_shows_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("rac.csv");
    std::fs::write(&bad, b"\x00\x01 garbage \xff\xfe").unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![bad],
            ..FakeDialogs::default()
        },
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label_contains("Không nhập được tệp");
    h.get_by_label_contains("Không có gì được nhập");
    assert!(
        h.get_all_by_label_contains("rac.csv").count() >= 2,
        "file named in the message and the header"
    );
    assert!(h.state().store().unwrap().attendees().unwrap().is_empty());
}

#[test]
fn gifts_are_imported_from_the_file_menu_with_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("qua.csv");
    std::fs::write(
        &csv,
        "DANH SÁCH TẶNG QUÀ,,,\nHọ và tên,Đơn vị,Hoàn cảnh,Giá trị\n\
         Phạm Văn Lâm,Công an xã Phú Tân,Ốm đau,2.000.000 đ\n\
         Lê Văn Tư,Công an xã Vị Bình,Nhà sập,1.000.000\n\
         Phạm Văn Lâm,Công an xã Phú Tân,Ốm đau,2.000.000 đ\n",
    )
    .unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    h.get_by_label("Tệp").click();
    h.run();
    h.get_by_label("Nhập danh sách quà tặng…").click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h.get_by_label_contains("3 dòng sẽ nhập · 1 trùng · 0 dòng lỗi");
    assert_eq!(
        h.get_all_by_label("2.000.000").count(),
        2,
        "both rows shown, value parsed"
    );
    h.get_by_label("1.000.000");
    assert!(h.state().store().unwrap().gifts().unwrap().is_empty());
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    // The page and the toast say it, in the window's language.
    assert_eq!(
        h.query_all_by_label_contains("Đã nhập xong: 2 mới").count(),
        2
    );
    assert_eq!(
        h.state()
            .store()
            .unwrap()
            .stats()
            .unwrap()
            .gift_value_total_vnd,
        3_000_000
    );
    h.get_by_label("Xem danh sách vừa nhập").click();
    h.run();
    assert_eq!(h.state().page(), Page::Gifts);
}

#[test]
fn every_empty_table_offers_to_import_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(&csv, LIST).unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    for (page, button) in [
        ("Câu hỏi", "Nhập câu hỏi, ý kiến…"),
        ("Quà tặng", "Nhập danh sách quà tặng…"),
        ("Khen thưởng", "Nhập danh sách khen thưởng…"),
    ] {
        common::go_to(&mut h, page);
        h.get_by_label_contains("hoặc nhập từ tệp");
        h.get_by_label(button);
    }
    // The attendee table's button opens the same preview as the welcome card's.
    common::go_to(&mut h, "Đại biểu");
    h.get_by_label_contains("hoặc nhập cả danh sách từ tệp");
    h.get_all_by_label("Nhập danh sách đại biểu (Excel, Word, CSV)…")
        .last()
        .unwrap()
        .click();
    h.step();
    wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h.get_by_label_contains("3 dòng sẽ nhập · 1 trùng · 0 dòng lỗi");
}

/// A list whose header row the importer cannot recognise: the window shows the first
/// rows, the user clicks the header row, then says which column is which.
#[test]
fn the_header_row_is_picked_and_columns_mapped_in_the_window() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("la.csv");
    std::fs::write(
        &csv,
        "Danh sách gửi kèm,,\nNgười,Nơi,Ghi\nTrần Văn Luân,Công an xã A,x\nLê Thị Hoa,Công an xã B,y\n",
    )
    .unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    h.get_by_label_contains("Không tìm thấy dòng tiêu đề");
    h.get_by_label("Trần Văn Luân");
    h.get_by_label("Dòng tiêu đề 2").click();
    h.step();
    wait_idle(&mut h);
    // Columns come with their letters and header words; none is mapped yet.
    for (label, field) in [("A · Người", "Họ và tên"), ("B · Nơi", "Đơn vị")] {
        h.get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some(label))
            .click();
        h.run();
        h.get_by(|n| n.label().as_deref() == Some(field) && n.role() != Role::ComboBox)
            .click();
        h.step();
        wait_idle(&mut h);
    }
    h.get_by_label_contains("2 dòng sẽ nhập");
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    wait_idle(&mut h);
    let all = h.state().store().unwrap().attendees().unwrap();
    let got: Vec<(&str, &str)> = all
        .iter()
        .map(|a| (a.data.full_name.as_str(), a.data.unit.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Trần Văn Luân", "Công an xã A"),
            ("Lê Thị Hoa", "Công an xã B")
        ]
    );
}

/// A wide list at 1366×768: each field choice sits over its own column, and every
/// header is readable on one line (the mapping row scrolls with the table).
#[test]
fn each_field_choice_sits_over_its_column_in_a_wide_preview() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rong.csv");
    let header = "STT,Họ và tên,Giới tính,Năm sinh,Cấp bậc,Chức vụ,Đơn vị công tác,Địa bàn,Nhóm,Số điện thoại,Ghi chú,Email";
    let row = "1,Trần Văn Luân,Nam,1994,Thượng úy,Cán bộ,Công an xã Long Trị,thị xã Long Mỹ,CBCS Công an xã,0912345678,,luan@example.vn";
    std::fs::write(&csv, format!("{header}\n{row}\n")).unwrap();
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let mut h = harness_with(
        store,
        FakeDialogs {
            answers: vec![csv],
            ..FakeDialogs::default()
        },
    );
    h.state_mut().apply(Action::ImportChoose(Kind::Attendees));
    wait_idle(&mut h);
    let combos: Vec<egui::Rect> = h
        .get_all_by(|n| n.role() == Role::ComboBox && n.label().is_some_and(|l| l.contains(" · ")))
        .map(|n| n.rect())
        .collect();
    assert_eq!(combos.len(), 12);
    let steps: Vec<f32> = combos
        .windows(2)
        .map(|p| p[1].left() - p[0].left())
        .collect();
    assert!(
        steps
            .iter()
            .all(|s| *s >= 150.0 && (s - steps[0]).abs() < 1.0),
        "one column width apart: {steps:?}"
    );
    // The value under the name column lines up with the name column's field choice.
    let name_cell = h.get_by_label("Trần Văn Luân").rect();
    assert!(
        (name_cell.left() - combos[1].left()).abs() < 12.0,
        "{name_cell:?} under {:?}",
        combos[1]
    );
    // One row of field choices at one height: no column head is drawn letter by letter.
    assert!(
        combos
            .iter()
            .all(|r| (r.top() - combos[0].top()).abs() < 0.5 && r.height() < 32.0),
        "{combos:?}"
    );
}

/// Names pasted from a `.VnTime` document: chosen in the attendee table and converted
/// as one change, which Ctrl+Z takes back.
#[test]
fn chosen_attendees_are_converted_from_an_old_font_and_undone() {
    use hoinghi::import::Legacy;
    let store = Store::open_in_memory().unwrap();
    let names = ["Nguyễn Thanh Hà", "Đặng Thị Hường", "Trần Văn Luân"];
    for name in names {
        store
            .add_attendee(&common::attendee(
                &Legacy::Tcvn3.encode(name),
                "C«ng an x· Long TrÞ",
            ))
            .unwrap();
    }
    store
        .add_attendee(&common::attendee("Lê Văn Tám", "Công an xã A"))
        .unwrap();
    let mut h = common::harness(store);
    common::go_to(&mut h, "Đại biểu");
    h.get_by_label("NguyÔn Thanh Hµ").click();
    h.run();
    h.get_by_label("§Æng ThÞ H\u{ad}êng")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    h.get_by_label("TrÇn V¨n Lu©n")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    h.get_by_label_contains("3 dòng đã chọn");
    h.get_by_label("Chuyển mã các dòng đã chọn… (3)").click();
    h.run();
    let dialog = h.state().pages.convert.clone().unwrap();
    assert_eq!(dialog.detected, Some(Legacy::Tcvn3), "found by itself");
    h.get_by_label("Nguyễn Thanh Hà");
    h.get_by_label("Chuyển mã").click();
    h.run();
    let stored: Vec<(String, String)> = h
        .state()
        .store()
        .unwrap()
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| (a.data.full_name, a.data.unit))
        .collect();
    assert_eq!(
        stored[..3],
        names.map(|n| (n.to_owned(), "Công an xã Long Trị".to_owned()))
    );
    assert_eq!(stored[3].0, "Lê Văn Tám", "a row not chosen is left alone");
    assert_eq!(
        h.state().data().undo_label.as_deref(),
        Some("Chuyển mã 3 đại biểu")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().store().unwrap().attendees().unwrap()[0]
            .data
            .full_name,
        "NguyÔn Thanh Hµ"
    );
}
