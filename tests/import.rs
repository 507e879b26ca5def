//! Importing attendee lists as they arrive: messy, in several encodings, all or nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use hoinghi::import::{self, Header, Kind, OnDuplicate, PlanRow, Record};
use hoinghi::store::{Missing, Store};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn import_file(store: &Store, path: &Path) -> hoinghi::Result<import::Summary> {
    let plan = common::plan_file(store, Kind::Attendees, path)?;
    import::apply(store, &plan, OnDuplicate::Skip, false, &mut |_, _| true)
}

/// The attendee a planned row will store.
fn person(r: &PlanRow) -> &hoinghi::domain::AttendeeData {
    match &r.record {
        Record::Attendee(d, _) => d,
        other => panic!("not an attendee: {other:?}"),
    }
}

#[test]
fn sample_file_imports_503_people_and_marks_17_duplicates() {
    let store = Store::open_in_memory().unwrap();
    let Some(dir) = common::sample_data() else {
        return;
    };
    let sample = dir.join("attendees_520.csv");
    let s = import_file(&store, &sample).unwrap();
    assert_eq!((s.imported, s.skipped_duplicates, s.errors), (503, 17, 0));
    // A second import finds everyone already there.
    let again = import_file(&store, &sample).unwrap();
    assert_eq!((again.imported, again.skipped_duplicates), (0, 520));
}

#[test]
fn messy_csv_with_titles_blank_and_total_rows_nfd_and_nbsp() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "CÔNG AN TỈNH HẬU GIANG,,,,\n\
               DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ,,,,\n\
               ,,,,\n\
               STT,Họ tên,CB,Đơn vị công tác,SĐT\n\
               1,Nguye\u{302}\u{303}n\u{a0}Văn  An,Đại úy,Công an xã Long Trị,912345678\n\
               ,,,,\n\
               2,\"Trần Thị \"\"Bé\"\" Ba\",Thiếu úy,\"Công an phường I, Vị Thanh\",0987654321\n\
               3,NGUYỄN VĂN AN ,Đại úy,Công an xã Long Trị,0912345678\n\
               4,Nguyễn Văn An,Trung úy,Công an xã Vị Trung,0900000001\n\
               Tổng cộng: 4 đồng chí,,,,\n";
    let path = write(dir.path(), "ds.csv", csv.as_bytes());
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.header, Header::Row(3));
    assert_eq!(plan.skipped_blank, 1);
    assert_eq!(plan.skipped_total, 1);
    assert_eq!(plan.rows.len(), 4);
    assert_eq!(person(&plan.rows[0]).full_name, "Nguyễn Văn An");
    assert_eq!(
        person(&plan.rows[0]).phone,
        "0912345678",
        "leading zero restored"
    );
    assert_eq!(plan.rows[0].row, 5, "row numbers as in the sheet");
    assert_eq!(person(&plan.rows[1]).full_name, "Trần Thị \"Bé\" Ba");
    assert_eq!(person(&plan.rows[1]).unit, "Công an phường I, Vị Thanh");
    assert_eq!(
        plan.rows[2].duplicate,
        Some(import::Duplicate::InFile(5)),
        "same person typed in caps"
    );
    assert_eq!(
        plan.rows[3].duplicate, None,
        "a namesake in another unit is not a duplicate"
    );
    let s = import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
    assert_eq!((s.imported, s.skipped_duplicates), (3, 1));
}

#[test]
fn windows_1258_with_semicolons_and_utf16_with_bom() {
    let dir = tempfile::tempdir().unwrap();
    // "Họ và tên;Đơn vị\nHồ Văn Út;Công an xã Tân Phú" as Vietnamese Excel saves it:
    // Windows-1258 with the tone marks as separate combining bytes.
    let bytes: &[u8] = b"Ho\xF2 va\xCC t\xEAn;\xD0\xF5n vi\xF2\r\nH\xF4\xCC V\xE3n U\xECt;C\xF4ng an xa\xDE T\xE2n Phu\xEC\r\n";
    let p1258 = write(dir.path(), "cp1258.csv", bytes);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Họ và tên\tĐơn vị\r\nLê Thị Mỹ\t\"Công an\nphường V\"\r\n".encode_utf16()
    {
        utf16.extend(u.to_le_bytes());
    }
    let p16 = write(dir.path(), "unicode.txt", &utf16);
    let store = Store::open_in_memory().unwrap();
    import_file(&store, &p1258).unwrap();
    import_file(&store, &p16).unwrap();
    let names: Vec<_> = store
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| (a.data.full_name, a.data.unit))
        .collect();
    assert_eq!(
        names,
        [
            ("Hồ Văn Út".to_owned(), "Công an xã Tân Phú".to_owned()),
            (
                "Lê Thị Mỹ".to_owned(),
                "Công an\nphường V".replace('\n', " ")
            )
        ]
    );
}

#[test]
fn update_replaces_existing_people() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    import_file(
        &store,
        &write(
            dir.path(),
            "a.csv",
            "Họ và tên,Đơn vị,Chức vụ\nA B,X,Cán bộ\n".as_bytes(),
        ),
    )
    .unwrap();
    let path = write(
        dir.path(),
        "b.csv",
        "Họ và tên,Đơn vị,Chức vụ\nA  b,X,Trưởng\n".as_bytes(),
    );
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let s = import::apply(&store, &plan, OnDuplicate::Update, false, &mut |_, _| true).unwrap();
    assert_eq!((s.imported, s.updated), (0, 1));
    assert_eq!(store.attendees().unwrap()[0].data.position, "Trưởng");
}

fn assert_refused_and_unchanged(bytes: &[u8], name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    let store = Store::open(&dir.path().join("hn.sqlite"), Missing::Create).unwrap();
    import_file(
        &store,
        &write(
            dir.path(),
            "ok.csv",
            "Họ và tên,Đơn vị\nTrước Đó,X\n".as_bytes(),
        ),
    )
    .unwrap();
    let before = store.attendees().unwrap();
    let err = import_file(&store, &path).expect_err(name);
    let msg = err.to_string();
    assert!(msg.contains(name), "names the file: {msg}");
    assert!(msg.contains("Không có gì được nhập"), "{msg}");
    assert_eq!(
        store.attendees().unwrap(),
        before,
        "{name}: nothing changed"
    );
}

#[test]
fn bad_files_are_refused_whole() {
    assert_refused_and_unchanged(b"", "empty.csv");
    assert_refused_and_unchanged("Họ và tên,Đơn vị\n".as_bytes(), "header-only.csv");
    let noise: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect();
    assert_refused_and_unchanged(&noise, "random.csv");
    assert_refused_and_unchanged(b"PK\x03\x04\x14\x00\x00\x00truncated", "broken.xlsx");
    assert_refused_and_unchanged(
        "Họ và tên,Đơn vị\nA,X\nB,Y,extra,cells\n".as_bytes(),
        "ragged.csv",
    );
    assert_refused_and_unchanged(
        "Họ và tên,Đơn vị,Số điện thoại\nA,X,gọi sau\n".as_bytes(),
        "bad-phone.csv",
    );
    let mut long = "Họ và tên,Đơn vị\n".to_owned();
    long.push_str(&"x".repeat(200_000));
    long.push_str(",Y\n");
    assert_refused_and_unchanged(long.as_bytes(), "enormous-line.csv");
}

#[test]
fn cancelling_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Họ và tên,Đơn vị\n");
    for i in 0..2500 {
        writeln!(csv, "Người {i},Đơn vị {i}").unwrap();
    }
    let path = write(dir.path(), "big.csv", csv.as_bytes());
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let err = import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |done, _| {
        done < 2000
    })
    .unwrap_err();
    assert!(matches!(err, hoinghi::Error::Cancelled));
    assert!(store.attendees().unwrap().is_empty());
}

#[test]
fn cli_import_prints_one_summary_line_and_refuses_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "ok.csv",
        "Họ và tên,Đơn vị\nA,X\nA,X\nB,Y\n".as_bytes(),
    );
    let bad = write(dir.path(), "bad.csv", b"\x00\x01\x02 not a list");
    let db = dir.path().join("hn.sqlite");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .output()
            .unwrap()
    };

    let out = run(&[
        "import",
        "attendees",
        bad.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.csv"));
    assert!(
        !db.exists(),
        "a refused import does not create the conference file"
    );

    let out = run(&[
        "import",
        "attendees",
        good.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "imported 2, updated 0, skipped 1 duplicates, 0 rows with errors\n"
    );
    assert!(!db.exists(), "dry run writes nothing");

    let out = run(&[
        "import",
        "attendees",
        good.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "imported 2, updated 0, skipped 1 duplicates, 0 rows with errors\n"
    );
    assert_eq!(
        Store::open_read_only(&db)
            .unwrap()
            .attendees()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn xlsx_with_merged_title_stt_numbers_and_two_sheets() {
    use rust_xlsxwriter::{Format, FormatBorder, Workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.xlsx");
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes
        .write_string(0, 0, "Danh sách gửi kèm công văn số 12")
        .unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("DS đại biểu").unwrap();
    let bold = Format::new().set_bold().set_border(FormatBorder::Thin);
    sheet
        .merge_range(
            0,
            0,
            0,
            5,
            "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ ĐỐI THOẠI",
            &bold,
        )
        .unwrap();
    sheet
        .write_string(1, 0, "(Kèm theo Kế hoạch số 45/KH-CAT)")
        .unwrap();
    for (c, h) in ["STT", "Họ tên", "Năm sinh", "CB", "Đơn vị công tác", "SĐT"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string_with_format(3, u16::try_from(c).unwrap(), *h, &bold)
            .unwrap();
    }
    let people = [
        (
            "Tra\u{302}\u{300}n Văn Luân",
            1994.0,
            "Thượng úy",
            "Công an xã Long Trị",
            912_345_678.0,
        ),
        (
            "Phan\u{a0}Nguyễn Ngọc Thảo",
            1990.0,
            "Đại úy",
            "Công an xã Long Trị",
            987_654_321.0,
        ),
    ];
    for (i, (name, year, rank, unit, phone)) in people.iter().enumerate() {
        let r = u32::try_from(4 + i).unwrap();
        sheet
            .write_number(r, 0, f64::from(u32::try_from(i + 1).unwrap()))
            .unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_number(r, 2, *year).unwrap();
        sheet.write_string(r, 3, *rank).unwrap();
        sheet.write_string(r, 4, *unit).unwrap();
        sheet.write_number(r, 5, *phone).unwrap();
    }
    sheet.write_string(7, 0, "Tổng cộng: 2 đồng chí").unwrap();
    book.save(&path).unwrap();

    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(
        plan.sheet().name,
        "DS đại biểu",
        "the sheet with the list is guessed"
    );
    assert_eq!(plan.book.sheets.len(), 2);
    assert_eq!(plan.header, Header::Row(3));
    assert_eq!(plan.skipped_total, 1);
    let s = import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
    assert_eq!(s.imported, 2);
    let a = store.attendees().unwrap();
    assert_eq!(a[0].data.full_name, "Trần Văn Luân");
    assert_eq!(a[0].data.birth_year, Some(1994));
    assert_eq!(
        a[0].data.phone, "0912345678",
        "phone stored as a number gets its zero back"
    );
    assert_eq!(a[1].data.full_name, "Phan Nguyễn Ngọc Thảo");
    assert_eq!(a[1].data.rank, "Đại úy");
}

#[test]
fn utf8_bom_with_crlf_and_a_quoted_newline() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend("Họ và tên,Đơn vị,Ghi chú\r\nĐỗ Văn Hải,Công an xã Hỏa Lựu,\"Đến muộn\r\nxin phép trước\"\r\n".as_bytes());
    let path = write(dir.path(), "bom.csv", &bytes);
    let store = Store::open_in_memory().unwrap();
    let plan =
        common::plan_file(&Store::open_in_memory().unwrap(), Kind::Attendees, &path).unwrap();
    assert_eq!(plan.book.encoding, Some(import::Encoding::Utf8));
    assert_eq!(plan.rows.len(), 1);
    import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
    let a = &store.attendees().unwrap()[0];
    assert_eq!(
        a.data.full_name, "Đỗ Văn Hải",
        "the BOM is not part of the first header"
    );
    assert_eq!(a.data.note, "Đến muộn xin phép trước");
}

#[test]
fn a_header_repeated_at_a_page_break_is_skipped_not_imported_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Printed lists repeat the header on each page; "Năm sinh" under itself is no year,
    // so the second copy fails validation while the third (no year) would pass it.
    let csv = "STT,Họ và tên,Đơn vị,Năm sinh\n\
               1,Lê Văn Tám,Công an xã A,1980\n\
               STT,Họ và tên,Đơn vị,Năm sinh\n\
               2,Trần Thị Hoa,Công an xã B,1990\n\
               ,HỌ VÀ TÊN,Đơn vị,\n\
               3,Phạm Văn Đồng,Công an xã C,\n";
    let path = write(dir.path(), "paged.csv", csv.as_bytes());
    let plan =
        common::plan_file(&Store::open_in_memory().unwrap(), Kind::Attendees, &path).unwrap();
    let names: Vec<&str> = plan
        .rows
        .iter()
        .map(|r| person(r).full_name.as_str())
        .collect();
    assert_eq!(names, ["Lê Văn Tám", "Trần Thị Hoa", "Phạm Văn Đồng"]);
    assert_eq!(plan.skipped_blank, 2, "both repeated headers are skipped");
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
}
