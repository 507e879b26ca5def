//! Printed lists and exports, checked the way an office would: the PDF's text through
//! `pdftotext`, its structure through `qpdf --check`, the XLSX read back with calamine,
//! the CSV's bytes. Under Wine (the Windows build in CI) the tests that read PDFs back are
//! ignored, as pdftotext and qpdf are Linux tools; `windows_cases` checks the PDFs written there.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader as _};
use hoinghi::domain::{AttendeeData, AttendeeDraft};
use hoinghi::export::{ListKind, Options, Sort, Source, export};
use hoinghi::store::Store;

fn demo() -> Store {
    common::demo_store()
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed; .ci/run installs it");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

fn qpdf_check(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf must be installed; .ci/run installs it");
    assert!(
        out.status.success(),
        "qpdf --check {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}

fn write(store: &Store, kind: ListKind, opts: &Options, path: &Path) -> usize {
    let src = Source::load(store).unwrap();
    export(&src, kind, opts, path, &mut |_, _| true)
        .unwrap()
        .rows
}

/// Text without line breaks or repeated spaces: wrapped cells come out as lines.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn every_pdf_list_is_valid_and_has_the_administrative_heading() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    for kind in ListKind::ALL {
        let path = dir.path().join(format!("{kind:?}.pdf"));
        write(&store, kind, &Options::default(), &path);
        qpdf_check(&path);
        let text = pdf_text(&path);
        if kind == ListKind::Badges {
            assert!(text.contains("ĐẠI BIỂU"), "{kind:?}");
            assert!(text.contains("Nguyễn Thanh Tràng"), "{kind:?}");
            continue;
        }
        if kind == ListKind::PlaceCards {
            // A card for the head table carries a name, not a heading.
            assert!(text.contains("Đại tá Nguyễn Thanh Tràng"), "{kind:?}");
            continue;
        }
        for needle in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "CÔNG AN TỈNH HẬU GIANG",
            "Hậu Giang, ngày",
        ] {
            assert!(text.contains(needle), "{kind:?} lacks {needle}");
        }
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn signin_sheet_has_every_name_page_numbers_and_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    let path = dir.path().join("signin.pdf");
    assert_eq!(
        write(&store, ListKind::Signin, &Options::default(), &path),
        520
    );
    let text = pdf_text(&path);
    let all = flat(&text);
    assert!(all.contains("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ"));
    assert!(all.contains("Danh sách có 520 đồng chí."));
    assert!(all.contains("NGƯỜI LẬP DANH SÁCH"));
    for a in store.attendees().unwrap() {
        assert!(
            all.contains(&a.data.full_name),
            "{} missing from the sign-in sheet",
            a.data.full_name
        );
    }
    // Pages after the first start with their number (Decree 30: top centre).
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() > 10, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert_eq!(page.split_whitespace().next(), Some(&*(i + 1).to_string()));
    }
    // Every page with rows repeats the table header (the last may hold only signatures).
    for page in &pages[..pages.len() - 1] {
        assert!(page.contains("Họ và tên"));
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn names_typed_decomposed_print_composed_and_long_cells_wrap_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ha\u{300}";
    let long_unit = "Phòng Cảnh sát quản lý hành chính về trật tự xã hội và đăng ký quản lý cư trú \
                     Công an tỉnh Hậu Giang kiêm nhiệm Đội Cảnh sát phòng cháy chữa cháy khu vực";
    // As a form or an import hands it to the store: through the draft's rules.
    let data = AttendeeDraft {
        full_name: nfd.into(),
        unit: long_unit.into(),
        rank: "Thượng úy".into(),
        ..AttendeeDraft::default()
    }
    .validate()
    .unwrap();
    assert_eq!(data.full_name, "Nguyễn Thị Hà");
    store.add_attendee(&data).unwrap();
    let path = dir.path().join("one.pdf");
    write(&store, ListKind::Signin, &Options::default(), &path);
    let text = flat(&pdf_text(&path));
    assert!(text.contains("Nguyễn Thị Hà"), "{text}");
    assert!(!text.contains('\u{302}'), "decomposed marks leaked");
    assert!(text.contains(&flat(long_unit)), "the long unit lost words");
    assert!(text.contains("Danh sách có 1 đồng chí."));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn gift_list_totals_in_figures_and_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gifts.pdf");
    assert_eq!(
        write(&demo(), ListKind::Gifts, &Options::default(), &path),
        10
    );
    let text = flat(&pdf_text(&path));
    assert!(text.contains("DANH SÁCH KÝ NHẬN QUÀ TẶNG"));
    assert!(text.contains("20.000.000"));
    assert!(text.contains("Bằng chữ: Hai mươi triệu đồng."));
    assert!(text.contains("Ký nhận"));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn opinions_summary_groups_by_topic_and_report_counts_attendance() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    let q = dir.path().join("q.pdf");
    write(&store, ListKind::Questions, &Options::default(), &q);
    let text = flat(&pdf_text(&q));
    assert!(
        text.contains("1. Tổ chức, biên chế Công an xã (12 ý kiến)"),
        "{text}"
    );
    assert!(text.contains("Tổng cộng: 60 ý kiến"));
    let r = dir.path().join("r.pdf");
    write(&store, ListKind::Report, &Options::default(), &r);
    let stats = store.stats().unwrap();
    let text = flat(&pdf_text(&r));
    assert!(text.contains(&format!("có mặt: {} đồng chí", stats.checked_in)));
    assert!(text.contains("II. Theo đơn vị"));
}

#[test]
#[cfg_attr(
    windows,
    ignore = "reads PDFs with poppler's pdftotext and qpdf, Linux tools"
)]
fn one_unit_per_page_starts_each_unit_on_its_own_page() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    let path = dir.path().join("units.pdf");
    let opts = Options {
        group_by_unit: true,
        sort: Some(Sort::Protocol),
        unit: None,
    };
    write(&store, ListKind::Signin, &opts, &path);
    let text = pdf_text(&path);
    let units: std::collections::BTreeSet<String> = store
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| a.data.unit)
        .collect();
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let starts = pages
        .iter()
        .filter(|p| flat(p).contains("Đơn vị: ") && p.contains("CỘNG HÒA"))
        .count();
    assert_eq!(starts, units.len());
}

#[test]
fn xlsx_keeps_types_and_stores_formula_payloads_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo();
    store
        .add_attendee(&AttendeeData {
            full_name: "=HYPERLINK(\"http://x\",\"A\")".into(),
            unit: "+cmd|' /C calc'!A0".into(),
            position: "@SUM(1+1)".into(),
            note: "-2+3".into(),
            phone: "0912345678".into(),
            ..AttendeeData::default()
        })
        .unwrap();
    let path = dir.path().join("a.xlsx");
    assert_eq!(
        write(&store, ListKind::Attendees, &Options::default(), &path),
        521
    );
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no exported cell may be a formula"
    );
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let header = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("STT".into())))
        .unwrap();
    assert_eq!(rows[header][1], Data::String("Họ và tên".into()));
    let payload = rows
        .iter()
        .find(|r| r.get(1) == Some(&Data::String("=HYPERLINK(\"http://x\",\"A\")".into())))
        .expect("payload row stored as text");
    assert_eq!(payload[6], Data::String("+cmd|' /C calc'!A0".into()));
    assert_eq!(
        payload[9],
        Data::String("0912345678".into()),
        "phone as text"
    );
    assert!(
        matches!(rows[header + 1][0], Data::Float(_) | Data::Int(_)),
        "STT is a number"
    );
}

#[test]
fn gift_xlsx_values_are_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.xlsx");
    write(&demo(), ListKind::Gifts, &Options::default(), &path);
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let total = range
        .rows()
        .find(|r| r.get(1) == Some(&Data::String("Tổng cộng".into())))
        .unwrap()
        .to_vec();
    assert_eq!(total[5], Data::Float(20_000_000.0));
}

#[test]
fn csv_has_a_bom_crlf_and_neutralised_payloads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    store
        .add_attendee(&AttendeeData {
            full_name: "=1+1".into(),
            unit: "Công an xã Long Trị".into(),
            phone: "0912345678".into(),
            ..AttendeeData::default()
        })
        .unwrap();
    let path = dir.path().join("a.csv");
    write(&store, ListKind::Attendees, &Options::default(), &path);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("STT,Họ và tên,"));
    assert!(text.contains("\r\n"));
    assert!(text.contains(",'=1+1,"), "{text}");
    assert!(text.contains(",0912345678,"));
    // No temporary file is left beside the export.
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn cli_export_writes_by_extension_and_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .output()
            .unwrap()
    };
    let d = db.to_str().unwrap();
    assert_eq!(run(&["demo", "--db", d]).status.code(), Some(0));
    let out = dir.path().join("ky-nhan.pdf");
    let o = run(&[
        "export",
        "signin",
        "--db",
        d,
        "--out",
        out.to_str().unwrap(),
        "--group-by",
        "unit",
        "--sort",
        "rank",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty(), "messages go to stderr");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));

    let missing = dir.path().join("none.sqlite");
    let o = run(&[
        "export",
        "gifts",
        "--db",
        missing.to_str().unwrap(),
        "--out",
        dir.path().join("x.csv").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!missing.exists(), "a read-only command creates no file");
    assert!(!dir.path().join("x.csv").exists());

    let o = run(&[
        "export",
        "gifts",
        "--db",
        d,
        "--out",
        dir.path().join("x.doc").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".pdf, .xlsx hoặc .csv"));
}
