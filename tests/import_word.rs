//! Attendee lists sent as a table in a Word document, and the documents that cannot be
//! read as a list (an old .doc, RTF, PDF) refused with what to do instead. One fixture
//! is built here with docx-rs; one was made by `LibreOffice` from
//! `tests/fixtures/danh-sach-dai-bieu.html` (`soffice --headless --infilter="HTML
//! (StarWriter)" --convert-to docx danh-sach-dai-bieu.html`, and `--convert-to doc` for
//! the old Word file), as an office's own program writes them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/word.rs"]
mod word;

use std::path::{Path, PathBuf};
use std::process::Command;

use hoinghi::import::{FileType, Kind, Legacy, PlanRow, Record};
use hoinghi::store::{Missing, Store};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn person(r: &PlanRow) -> &hoinghi::domain::AttendeeData {
    match &r.record {
        Record::Attendee(d, _) => d,
        other => panic!("not an attendee: {other:?}"),
    }
}

/// Name, unit, group and table row of every planned person.
fn people(plan: &hoinghi::import::Plan) -> Vec<(String, String, String, usize)> {
    plan.rows
        .iter()
        .map(|r| {
            let p = person(r);
            (p.full_name.clone(), p.unit.clone(), p.group.clone(), r.row)
        })
        .collect()
}

fn expected() -> Vec<(String, String, String, usize)> {
    word::PEOPLE
        .iter()
        .map(|e| (e.name.into(), e.unit.into(), e.group.into(), e.row))
        .collect()
}

#[test]
fn a_word_table_with_merged_units_and_group_rows_brings_every_person_with_unit_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.docx");
    word::write(&path, word::attendee_list(&|s| s.to_owned()));
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.book.file_type, Some(FileType::Docx));
    assert_eq!(plan.sheet().name, "Bảng 1", "the list, not the signatures");
    assert_eq!(plan.book.sheets.len(), 2);
    assert_eq!(people(&plan), expected());
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    // Five group rows (three groups, two units); the count row is a total.
    assert_eq!(plan.skipped_headings, 5);
    assert_eq!(plan.skipped_total, 1);
    // The mistyped year is named by the table's own row and column.
    let warnings: Vec<String> = plan.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("dòng 14, cột C «Năm sinh»"),
        "{warnings:?}"
    );

    let summary = common::import_attendees(&store, &path);
    assert_eq!(summary.imported, 8);
    let stored = store.attendees().unwrap();
    let mut names: Vec<&str> = stored.iter().map(|a| a.data.full_name.as_str()).collect();
    names.sort_unstable();
    for nobody in [
        "NGƯỜI LẬP BIỂU",
        "Nguyễn Văn Lập",
        "Đại tá Trần Văn Bình",
        "Lãnh đạo",
    ] {
        assert!(!names.contains(&nobody), "{nobody} stored as a person");
    }
    let mai = stored
        .iter()
        .find(|a| a.data.full_name == "Trần Thị Mai")
        .unwrap();
    assert_eq!(mai.data.unit, "Phòng Tham mưu", "the merged unit cell");
    assert_eq!(mai.data.group, "Lãnh đạo");
}

#[test]
fn a_list_libreoffice_wrote_reads_the_same() {
    let store = Store::open_in_memory().unwrap();
    let path = fixture("danh-sach-dai-bieu.docx");
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    // The same people; LibreOffice keeps the signatures inside the table, and the
    // ranks in their own column.
    let found = people(&plan);
    let want: Vec<(String, String, String)> = [
        ("Nguyễn Thanh Tràng", "Công an tỉnh Hậu Giang", "Lãnh đạo"),
        ("Lê Văn Hùng", "Phòng Tham mưu", "Lãnh đạo"),
        ("Trần Thị Mai", "Phòng Tham mưu", "Lãnh đạo"),
        ("Phạm Văn Lâm", "Đảng ủy xã Long Trị", "Khách mời"),
        ("Huỳnh Thị Thu", "Đảng ủy xã Long Trị", "Khách mời"),
        ("Đặng Thị Hường", "Công an xã Long Trị", "CBCS Công an xã"),
        ("Võ Văn Tâm", "Công an xã Long Trị", "CBCS Công an xã"),
        ("Nguyễn Thanh Thúy", "Công an xã Vị Bình", "CBCS Công an xã"),
    ]
    .iter()
    .map(|(n, u, g)| ((*n).into(), (*u).into(), (*g).into()))
    .collect();
    let got: Vec<(String, String, String)> = found
        .iter()
        .map(|(n, u, g, _)| (n.clone(), u.clone(), g.clone()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(person(&plan.rows[0]).rank, "Đại tá");
    assert_eq!(person(&plan.rows[2]).note, "Dự thay");
    // Table rows: the header is row 1, "I. Lãnh đạo" row 2.
    assert_eq!(plan.rows[0].row, 3);
    assert_eq!(plan.rows[7].row, 14);
    assert_eq!(plan.skipped_total, 1);
    // Six group rows, three signature rows.
    assert_eq!(plan.skipped_headings, 5 + 3);
}

#[test]
fn a_word_list_typed_in_an_old_font_is_converted_headings_included() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tcvn3.docx");
    word::write(&path, word::attendee_list(&|s| Legacy::Tcvn3.encode(s)));
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.columns[1].legacy, Some(Legacy::Tcvn3));
    assert_eq!(people(&plan), expected());
}

#[test]
fn group_rows_in_a_spreadsheet_give_their_group_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.csv");
    std::fs::write(
        &path,
        "DANH SÁCH ĐẠI BIỂU,,,\nSTT,Họ và tên,Chức vụ,Đơn vị\n\
         I. Lãnh đạo,,,\n1,Nguyễn Văn An,Giám đốc,Công an tỉnh\n\
         II,Khách mời,,\n2,Lê Thị Bích,Chủ tịch,UBND xã Long Trị\n\
         ,Công an huyện Châu Thành,,\n3,Trần Văn Luân,Cán bộ,\n4,Phan Văn Tư,,Công an xã Phú Hữu\n\
         Tổng cộng: 4 đồng chí,,,\n,,,\"Hậu Giang, ngày 26 tháng 11 năm 2026\"\n,,,THỦ TRƯỞNG ĐƠN VỊ\n,,,Nguyễn Văn Ký\n",
    )
    .unwrap();
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let got: Vec<(String, String, String, usize)> = people(&plan);
    let want = [
        ("Nguyễn Văn An", "Công an tỉnh", "Lãnh đạo", 4),
        ("Lê Thị Bích", "UBND xã Long Trị", "Khách mời", 6),
        ("Trần Văn Luân", "Công an huyện Châu Thành", "Khách mời", 8),
        ("Phan Văn Tư", "Công an xã Phú Hữu", "Khách mời", 9),
    ];
    let want: Vec<(String, String, String, usize)> = want
        .iter()
        .map(|(n, u, g, r)| ((*n).into(), (*u).into(), (*g).into(), *r))
        .collect();
    assert_eq!(got, want);
    assert_eq!(plan.skipped_headings, 3 + 3);
}

/// What the window and the command line say about a file that cannot be read.
fn refusal(path: &Path) -> String {
    let store = Store::open_in_memory().unwrap();
    common::plan_file(&store, Kind::Attendees, path)
        .unwrap_err()
        .to_string()
}

fn says(path: &Path, reason: &str) -> String {
    format!(
        "Không nhập được tệp {}: {reason}. Không có gì được nhập.",
        path.display()
    )
}

/// No user message carries a library's own words.
fn no_library_words(message: &str) {
    for words in [
        "Xlsx error",
        "Xls error",
        "Cfb error",
        "Zip",
        "zip",
        "xml",
        "XML",
        "Invalid",
        "invalid",
        "EOF",
        "error",
    ] {
        assert!(!message.contains(words), "{words:?} in {message}");
    }
}

#[test]
fn an_old_doc_rtf_and_pdf_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // The old Word file LibreOffice wrote, under its own name and under a spreadsheet's.
    let doc = fixture("danh-sach-dai-bieu.doc");
    let as_xls = dir.path().join("danh-sach.xls");
    std::fs::copy(&doc, &as_xls).unwrap();
    for path in [&doc, &as_xls] {
        let message = refusal(path);
        assert_eq!(
            message,
            says(
                path,
                "Tệp Word cũ (.doc): mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập lại"
            )
        );
        no_library_words(&message);
    }
    let rtf = dir.path().join("ds.rtf");
    std::fs::write(
        &rtf,
        "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 STT\\par }",
    )
    .unwrap();
    assert_eq!(
        refusal(&rtf),
        says(
            &rtf,
            "Tệp RTF: mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập lại"
        )
    );
    let pdf = dir.path().join("ds.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    )
    .unwrap();
    assert_eq!(
        refusal(&pdf),
        says(
            &pdf,
            "Tệp PDF không nhập được: hãy xin tệp Word hoặc Excel gốc của danh sách, \
             hoặc mở tệp PDF bằng Word, lưu thành .docx rồi nhập lại"
        )
    );
}

#[test]
fn a_broken_docx_or_xlsx_is_refused_in_vietnamese_without_the_library_words() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.docx");
    word::write(&whole, word::attendee_list(&|s| s.to_owned()));
    let bytes = std::fs::read(&whole).unwrap();
    // Cut short in the middle, as a download that did not finish.
    let cut = dir.path().join("cut.docx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let message = refusal(&cut);
    assert!(
        message.contains("tệp Word bị hỏng hoặc không phải tệp .docx")
            || message.contains("tệp bị hỏng hoặc không phải bảng tính"),
        "{message}"
    );
    assert!(message.contains("cut.docx"), "{message}");
    no_library_words(&message);
    // The spreadsheet reader's own words ("Xlsx error: …") stay in the log.
    let xlsx = dir.path().join("hong.xlsx");
    std::fs::write(&xlsx, b"PK\x03\x04 not really a workbook").unwrap();
    let message = refusal(&xlsx);
    assert_eq!(
        message,
        says(
            &xlsx,
            "tệp bị hỏng hoặc không phải bảng tính Excel/OpenDocument; hãy mở bằng Excel \
             hoặc LibreOffice, lưu lại thành .xlsx rồi nhập lại"
        )
    );
    no_library_words(&message);
    // A Word document without a table.
    let prose = dir.path().join("van-ban.docx");
    word::write(
        &prose,
        docx_rs::Docx::new().add_paragraph(word::para("Kính gửi các đồng chí")),
    );
    let message = refusal(&prose);
    assert!(
        message.contains("tài liệu Word không có bảng nào"),
        "{message}"
    );
}

#[test]
fn the_command_line_imports_a_word_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.docx");
    word::write(&path, word::attendee_list(&|s| s.to_owned()));
    let db = dir.path().join("hn.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args([
            "import",
            "attendees",
            path.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("imported 8"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(err.contains("5 dòng nhóm và chữ ký"), "{err}");
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(store.attendees().unwrap().len(), 8);
    drop(store);
    // An old .doc on the command line: the same words, and a failure.
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args([
            "import",
            "attendees",
            fixture("danh-sach-dai-bieu.doc").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Tệp Word cũ (.doc)"), "{err}");
    no_library_words(&err);
}
