//! The lists offices really send: names typed in old fonts next to Unicode columns,
//! headers from other programs, names only, the people on a later sheet, data that does
//! not start at row 1, dates either way round, a spreadsheet with the wrong extension.
//! Every file is built here, the way such files are made.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoinghi::import::{self, Header, Kind, Legacy, OnDuplicate, PlanRow, Record};
use hoinghi::store::Store;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn person(r: &PlanRow) -> &hoinghi::domain::AttendeeData {
    match &r.record {
        Record::Attendee(d, _) => d,
        other => panic!("not an attendee: {other:?}"),
    }
}

fn names(plan: &import::Plan) -> Vec<String> {
    plan.rows
        .iter()
        .map(|r| person(r).full_name.clone())
        .collect()
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(args)
        .output()
        .unwrap()
}

const NAMES: [&str; 4] = [
    "Nguyễn Thanh Hà",
    "Trần Văn Luân",
    "Đặng Thị Hường",
    "Phan Nguyễn Ngọc Thảo",
];

/// A TCVN3 name column and a VNI position column beside Unicode units and English notes:
/// each column is read for what it is.
#[test]
fn legacy_columns_next_to_unicode_ones_are_converted_and_the_others_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("STT,Họ và tên,Chức vụ,Đơn vị,Ghi chú\n");
    let positions = [
        "Trưởng Công an xã",
        "Phó Trưởng Công an xã",
        "Cán bộ",
        "Thượng úy",
    ];
    let notes = ["Hélène's café", "Müller, Köln", "naïve", "coût du voyage"];
    for (i, name) in NAMES.iter().enumerate() {
        writeln!(
            csv,
            "{},{},{},Công an xã Long Trị,\"{}\"",
            i + 1,
            Legacy::Tcvn3.encode(name),
            Legacy::Vni.encode(positions[i]),
            notes[i]
        )
        .unwrap();
    }
    assert!(csv.contains("NguyÔn Thanh Hµ"), "the issue's own example");
    let path = write(dir.path(), "legacy.csv", csv.as_bytes());
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let legacy: Vec<Option<Legacy>> = plan.columns.iter().map(|c| c.legacy).collect();
    assert_eq!(
        legacy,
        [None, Some(Legacy::Tcvn3), Some(Legacy::Vni), None, None]
    );
    assert_eq!(names(&plan), NAMES);
    assert_eq!(person(&plan.rows[1]).position, "Phó Trưởng Công an xã");
    assert_eq!(person(&plan.rows[0]).unit, "Công an xã Long Trị");
    assert_eq!(
        person(&plan.rows[0]).note,
        "Hélène's café",
        "French kept as typed"
    );
    assert_eq!(person(&plan.rows[1]).note, "Müller, Köln");

    // The user can switch a column off, or read it as another encoding.
    let mut choices = plan.choices.clone();
    choices.column_legacy = vec![(1, None)];
    let off = import::plan(
        Kind::Attendees,
        &plan.book,
        choices,
        &import::Known::default(),
    )
    .unwrap();
    assert_eq!(person(&off.rows[0]).full_name, "NguyÔn Thanh Hµ");
}

#[test]
fn the_command_line_says_what_it_converted_and_takes_an_override() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Họ và tên,Đơn vị\n");
    for name in NAMES {
        writeln!(csv, "{},Công an xã A", Legacy::Tcvn3.encode(name)).unwrap();
    }
    let path = write(dir.path(), "tcvn3.csv", csv.as_bytes());
    let db = dir.path().join("hn.sqlite");
    let (p, d) = (path.to_str().unwrap(), db.to_str().unwrap());
    let out = cli(&["import", "attendees", p, "--db", d, "--dry-run"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("Cột A «Họ và tên»: chuyển mã từ TCVN3"),
        "{err}"
    );
    // Off: nothing converted, nothing said.
    let out = cli(&["import", "attendees", p, "--db", d, "--legacy", "off"]);
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("chuyển mã"));
    let store = Store::open_read_only(&db).unwrap();
    assert_eq!(
        store.attendees().unwrap()[0].data.full_name,
        "NguyÔn Thanh Hµ"
    );
    drop(store);
    // Forced on a new file: every column with accented letters converted from VNI.
    let vni = write(
        dir.path(),
        "vni.csv",
        format!(
            "Họ và tên,Đơn vị\n{},X\n",
            Legacy::Vni.encode("Trần Văn Luân")
        )
        .as_bytes(),
    );
    let db2 = dir.path().join("hn2.sqlite");
    let out = cli(&[
        "import",
        "attendees",
        vni.to_str().unwrap(),
        "--db",
        db2.to_str().unwrap(),
        "--legacy",
        "vni",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open_read_only(&db2).unwrap();
    assert_eq!(
        store.attendees().unwrap()[0].data.full_name,
        "Trần Văn Luân"
    );
}

/// An export from another program: `hoTen`, `donVi`, `capBac`, `soDienThoai`.
#[test]
fn camel_case_and_ascii_headers_are_understood() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "export.csv",
        "id,hoTen,donVi,capBac,chucVu,soDienThoai,ngaySinh\n\
         17,Trần Văn Luân,Công an xã Long Trị,Thượng úy,Cán bộ,0912345678,1994-03-02\n\
         18,Lê Thị Hoa,Công an phường I,Đại úy,Cán bộ,0987654321,1990-12-30\n"
            .as_bytes(),
    );
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.header, Header::Row(0));
    let a = person(&plan.rows[0]);
    assert_eq!(a.full_name, "Trần Văn Luân");
    assert_eq!(a.unit, "Công an xã Long Trị");
    assert_eq!(a.rank, "Thượng úy");
    assert_eq!(a.phone, "0912345678");
    assert_eq!(a.birth_year, Some(1994));
    let upper = write(
        dir.path(),
        "upper.csv",
        "HO_TEN;DON_VI\nNguyễn Văn An;Công an xã A\n".as_bytes(),
    );
    let plan = common::plan_file(&store, Kind::Attendees, &upper).unwrap();
    assert_eq!(names(&plan), ["Nguyễn Văn An"]);
}

/// Excel's "CSV UTF-8" with a BOM and semicolons, STT and names only.
#[test]
fn a_list_of_names_is_a_list_of_attendees() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBFSTT;H\xE1\xBB\x8D t\xC3\xAAn\r\n".to_vec();
    for i in 1..=12 {
        bytes.extend(format!("{i};Nguyễn Văn Số {i}\r\n").as_bytes());
    }
    let path = write(dir.path(), "names.csv", &bytes);
    let db = dir.path().join("hn.sqlite");
    let out = cli(&[
        "import",
        "attendees",
        path.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("imported 12,"));
}

/// Payroll systems save xlsx content under a `.xls` name; web systems save HTML tables.
#[test]
fn the_file_type_comes_from_the_content_not_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("luong.xls");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Họ và tên").unwrap();
    sheet.write_string(0, 1, "Đơn vị").unwrap();
    sheet.write_string(1, 0, "Trần Văn Luân").unwrap();
    sheet.write_string(1, 1, "Công an xã Long Trị").unwrap();
    book.save(&path).unwrap();
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.book.file_type, Some(import::FileType::Xlsx));
    assert_eq!(names(&plan), ["Trần Văn Luân"]);

    let html = write(
        dir.path(),
        "web.xls",
        "<html><body><table border=1><tr><td>STT</td><td>Họ và tên</td><td>Đơn vị</td></tr>\
         <tr><td>1</td><td>Lê&nbsp;Thị Hoa</td><td>Công an phường I</td></tr></table></body></html>"
            .as_bytes(),
    );
    let plan = common::plan_file(&store, Kind::Attendees, &html).unwrap();
    assert_eq!(plan.book.file_type, Some(import::FileType::Html));
    assert_eq!(names(&plan), ["Lê Thị Hoa"]);
}

/// An old workbook: a numbered empty template first, an empty sheet, the people third.
#[test]
fn the_sheet_with_people_is_chosen_over_a_numbered_template() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let template = book.add_worksheet().set_name("Mẫu").unwrap();
    template.write_string(0, 0, "STT").unwrap();
    template.write_string(0, 1, "Họ và tên").unwrap();
    template.write_string(0, 2, "Đơn vị").unwrap();
    for i in 1..=10u32 {
        template.write_number(i, 0, f64::from(i)).unwrap();
    }
    book.add_worksheet().set_name("Trống").unwrap();
    let people = book.add_worksheet().set_name("Danh sách").unwrap();
    people.write_string(0, 0, "Họ tên").unwrap();
    people.write_string(0, 1, "Cơ quan").unwrap();
    for (i, name) in NAMES.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap();
        people.write_string(r, 0, *name).unwrap();
        people.write_string(r, 1, "Công an tỉnh").unwrap();
    }
    book.save(&path).unwrap();
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.sheet().name, "Danh sách");
    assert_eq!(
        plan.sheet_rows,
        [0, 0, 4],
        "counts per sheet for the preview"
    );
    assert_eq!(names(&plan), NAMES);
}

/// Data from row 5: the messages name the rows and column letters Excel shows; a birth
/// date either way round gives its year, one that gives none is a warning.
#[test]
fn messages_name_the_spreadsheet_s_row_and_column_and_years_come_from_any_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tu-dong-5.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 4]; 4] = [
        ["Họ và tên", "Đơn vị", "Ngày sinh", "Số điện thoại"],
        ["Trần Văn Luân", "Công an xã A", "10/20/1959", "0912345678"],
        ["Lê Thị Hoa", "Công an xã B", "21/09/1996", "gọi sau"],
        ["K' Brểm", "Công an xã C", "không rõ", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (u32::try_from(r + 4).unwrap(), u16::try_from(c).unwrap());
            sheet.write_string(r, c, *cell).unwrap();
        }
    }
    sheet.write_string(8, 0, "H’Noel").unwrap();
    sheet.write_string(8, 1, "Công an xã D").unwrap();
    sheet.write_string(8, 2, "21/09/1996").unwrap();
    book.save(&path).unwrap();
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.sheet().first_row, 4);
    assert_eq!(plan.header, Header::Row(0));
    assert_eq!(plan.errors.len(), 1);
    let e = &plan.errors[0];
    assert_eq!((e.row, e.column.as_str()), (7, "D «Số điện thoại»"));
    assert_eq!(
        e.to_string(),
        "dòng 7, cột D «Số điện thoại»: Số điện thoại không hợp lệ (9–12 chữ số)"
    );
    assert_eq!(plan.warnings.len(), 1, "{:?}", plan.warnings);
    let w = &plan.warnings[0];
    assert_eq!((w.row, w.column.as_str()), (8, "C «Ngày sinh»"));
    // Apostrophes of ethnic-minority names are kept as typed.
    assert_eq!(names(&plan), ["Trần Văn Luân", "K' Brểm", "H’Noel"]);
    let years: Vec<Option<i32>> = plan.rows.iter().map(|r| person(r).birth_year).collect();
    assert_eq!(years, [Some(1959), None, Some(1996)]);
    // The refusal names the same row and column.
    let err = import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true)
        .unwrap_err()
        .to_string();
    assert!(err.contains("dòng 7, cột D «Số điện thoại»"), "{err}");
    let s = import::apply(&store, &plan, OnDuplicate::Skip, true, &mut |_, _| true).unwrap();
    assert_eq!(s.imported, 3);
}

/// No row names the columns: the command line is told which row does, or that none
/// does, and which column holds what.
#[test]
fn the_command_line_takes_a_header_row_and_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "khong-tieu-de.csv",
        "Danh sách gửi kèm công văn,,\n\
         Người,Nơi,Ghi\n\
         Trần Văn Luân,Công an xã A,x\n\
         Lê Thị Hoa,Công an xã B,y\n"
            .as_bytes(),
    );
    let db = dir.path().join("hn.sqlite");
    let (p, d) = (path.to_str().unwrap(), db.to_str().unwrap());
    let out = cli(&["import", "attendees", p, "--db", d]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--header-row"), "{err}");
    assert!(!db.exists(), "nothing created");
    let out = cli(&[
        "import",
        "attendees",
        p,
        "--db",
        d,
        "--header-row",
        "2",
        "--map",
        "A=name,B=unit",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open_read_only(&db).unwrap();
    let a = store.attendees().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(
        (a[1].data.full_name.as_str(), a[1].data.unit.as_str()),
        ("Lê Thị Hoa", "Công an xã B")
    );
    drop(store);
    // No header at all: every row is data.
    let bare = write(
        dir.path(),
        "bare.csv",
        "Võ Minh Khoa,Công an xã C\n".as_bytes(),
    );
    let out = cli(&[
        "import",
        "attendees",
        bare.to_str().unwrap(),
        "--db",
        d,
        "--header-row",
        "0",
        "--map",
        "A=name,B=unit",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("imported 1,"));
    // A field the kind does not have is refused with the ones it has.
    let out = cli(&[
        "import",
        "attendees",
        p,
        "--db",
        d,
        "--header-row",
        "2",
        "--map",
        "A=content",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name, gender"));
}

/// The same pipeline for the other kinds: a gift list typed in TCVN3 with a camelCase header.
#[test]
fn record_imports_get_the_same_reading() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("hoTen,donVi,giaTri\n");
    for name in &NAMES[..3] {
        writeln!(csv, "{},Công an xã A,1.000.000", Legacy::Tcvn3.encode(name)).unwrap();
    }
    let path = write(dir.path(), "qua.csv", csv.as_bytes());
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Gifts, &path).unwrap();
    assert_eq!(plan.columns[0].legacy, Some(Legacy::Tcvn3));
    let names: Vec<String> = plan
        .rows
        .iter()
        .map(|r| r.record.value(import::Field::FullName))
        .collect();
    assert_eq!(names, NAMES[..3]);
}
