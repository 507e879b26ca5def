//! Lists as offices send them, round two: nobody lost as a "duplicate" (Thúy is not
//! Thủy; namesakes in two classes are two people), award lists from the emulation and
//! commendation software (a title, a header on row 3, a code sheet, collectives,
//! individuals and households, titles in the names), the sheet chosen by its header,
//! columns judged by their values, and capitals after an old font.
//! Every file but one is built here; `fixtures/lookup-first.xls` was made by `LibreOffice`
//! from `fixtures/lookup-first.fods` (an old binary workbook cannot be written in Rust).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use hoinghi::domain::{AttendeeData, CommendationData};
use hoinghi::import::{self, Choices, Duplicate, Field, Kind, Legacy, OnDuplicate, Record};
use hoinghi::store::Store;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn people(plan: &import::Plan) -> Vec<&AttendeeData> {
    plan.rows
        .iter()
        .map(|r| match &r.record {
            Record::Attendee(d, _) => d,
            other => panic!("not an attendee: {other:?}"),
        })
        .collect()
}

fn store_plan(store: &Store, plan: &import::Plan) -> import::Summary {
    import::apply(store, plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap()
}

/// The staff list in an old font: "Nguyễn Thanh Thúy" and "Nguyễn Thanh Thủy"
/// are two people, and both reach the file. The same name with its tone placed the old
/// way ("Thuỷ") is the same person.
#[test]
fn thuy_and_thuy_with_another_tone_are_two_people() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("STT,Họ và tên,Đơn vị\n");
    for (i, name) in ["Nguyễn Thanh Thúy", "Nguyễn Thanh Thủy", "Lê Văn Hòa"]
        .iter()
        .enumerate()
    {
        writeln!(
            csv,
            "{},{},Phòng Hậu cần",
            i + 1,
            Legacy::Tcvn3.encode(name)
        )
        .unwrap();
    }
    let path = write(dir.path(), "tcvn3.csv", &csv);
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.duplicates(), 0, "{:?}", plan.rows);
    let summary = store_plan(&store, &plan);
    assert_eq!(summary.imported, 3);
    let stored: Vec<String> = store
        .attendees()
        .unwrap()
        .into_iter()
        .map(|a| a.data.full_name)
        .collect();
    assert!(
        stored.contains(&"Nguyễn Thanh Thúy".to_owned()),
        "{stored:?}"
    );
    assert!(
        stored.contains(&"Nguyễn Thanh Thủy".to_owned()),
        "{stored:?}"
    );

    // Typed again with the old tone placement and in capitals: the same people.
    let again = write(
        dir.path(),
        "again.csv",
        "Họ và tên,Đơn vị\nNGUYỄN THANH THUỶ,Phòng Hậu cần\nLê Văn Hoà,Phòng Hậu cần\n",
    );
    let plan = common::plan_file(&store, Kind::Attendees, &again).unwrap();
    assert_eq!(plan.duplicates(), 2, "{:?}", plan.rows);
    assert!(
        plan.rows
            .iter()
            .all(|r| matches!(r.duplicate, Some(Duplicate::Existing(_))))
    );
    // The preview names the attendee each row repeats.
    assert!(
        plan.existing
            .values()
            .any(|l| l.starts_with("Nguyễn Thanh Thủy · Phòng Hậu cần")),
        "{:?}",
        plan.existing
    );
}

/// An invitation list with the same name in two classes (`lop`): namesakes, both kept.
/// A row that repeats one of them in the same class is a duplicate, and the user may
/// still keep it.
#[test]
fn namesakes_in_two_classes_are_both_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "moi.csv",
        "stt,hoTen,lop,namSinh\n\
         1,Trần Văn Hùng,10A1,2008\n\
         2,Trần Văn Hùng,11B2,2007\n\
         3,Lê Thị Mai,10A1,2008\n\
         4,Trần Văn Hùng,10A1,\n",
    );
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.mapping[2], Some(Field::Group), "lop is the class");
    let dups: Vec<(usize, Option<Duplicate>)> = plan
        .rows
        .iter()
        .map(|r| (r.row, r.duplicate.clone()))
        .collect();
    assert_eq!(
        dups,
        [
            (2, None),
            (3, None),
            (4, None),
            (5, Some(Duplicate::InFile(2)))
        ]
    );
    assert_eq!(people(&plan)[1].group, "11B2");

    // Keep both: row 5 is a third Trần Văn Hùng.
    let known = import::Known::load(&store, Kind::Attendees).unwrap();
    let mut choices = plan.choices.clone();
    choices.keep_both.insert(5);
    let kept = import::plan(Kind::Attendees, &plan.book, choices, &known).unwrap();
    assert_eq!(kept.duplicates(), 0);
    assert_eq!(store_plan(&store, &kept).imported, 4);
}

/// A duplicate is not "the same letters without marks": rows that differ in a filled
/// unit, birth year or phone are namesakes.
#[test]
fn rows_that_differ_in_a_filled_field_are_namesakes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "namesakes.csv",
        "Họ và tên,Đơn vị,Năm sinh,Số điện thoại\n\
         Nguyễn Văn An,Công an xã A,1980,0912000001\n\
         Nguyễn Văn An,Công an xã A,1991,\n\
         Nguyễn Văn An,Công an xã A,1980,0912000002\n\
         Nguyễn Văn Ân,Công an xã A,1980,0912000001\n\
         nguyễn văn  an,công an xã a,1980,\n",
    );
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let dups: Vec<Option<Duplicate>> = plan.rows.iter().map(|r| r.duplicate.clone()).collect();
    assert_eq!(
        dups,
        [None, None, None, None, Some(Duplicate::InFile(2))],
        "only the last row (same name, unit, year; no phone) is the first person again"
    );
}

/// Builds an award workbook as the provincial emulation and commendation software
/// exports it: a title, the header on row 3, a code sheet first with more rows than
/// the list, rows of collectives, individuals (titles in their names) and a household.
fn award_workbook(dir: &Path) -> PathBuf {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let codes = book.add_worksheet().set_name("DANHMUC").unwrap();
    for (r, (code, name)) in [
        ("TAPTHE", "Khen thưởng tập thể"),
        ("CANHAN", "Khen thưởng cá nhân"),
        ("HOGIADINH", "Khen thưởng hộ gia đình"),
        ("LDTT", "Lao động tiên tiến"),
        ("TTLDTT", "Tập thể lao động tiên tiến"),
        ("GKCT", "Giấy khen của Chủ tịch UBND tỉnh"),
        ("BKCT", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("CSTD", "Chiến sĩ thi đua cơ sở"),
        ("CTD", "Cờ thi đua của UBND tỉnh"),
        ("HCLD3", "Huân chương Lao động hạng Ba"),
        ("GKGD", "Giấy khen của Giám đốc Công an tỉnh"),
        ("DVQT", "Đơn vị quyết thắng"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = u32::try_from(r).unwrap();
        codes.write(r, 0, code).unwrap();
        codes.write(r, 1, name).unwrap();
    }
    let list = book.add_worksheet().set_name("Danh sách").unwrap();
    list.write(0, 0, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2026")
        .unwrap();
    list.write(1, 0, "(Kèm theo Tờ trình số 12/TTr-CAT ngày 10/11/2026)")
        .unwrap();
    for (c, h) in [
        "STT",
        "Tên tập thể/cá nhân/hộ gia đình",
        "Chức vụ",
        "Đơn vị",
        "Phân loại khen thưởng",
        "Danh hiệu thi đua/Hình thức khen thưởng",
        "Phân loại đối tượng",
        "Thành tích",
    ]
    .iter()
    .enumerate()
    {
        list.write(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let rows: [[&str; 7]; 6] = [
        [
            "Phòng Cảnh sát hình sự",
            "",
            "Công an tỉnh Hậu Giang",
            "TAPTHE",
            "TTLDTT",
            "",
            "Hoàn thành xuất sắc nhiệm vụ",
        ],
        [
            "Công an xã Long Trị",
            "",
            "Công an thị xã Long Mỹ",
            "Khen thưởng tập thể",
            "Cờ thi đua của UBND tỉnh",
            "",
            "Dẫn đầu phong trào",
        ],
        [
            "Ông Trương Quang Sáng",
            "Trưởng ấp",
            "Xã Long Trị",
            "CANHAN",
            "GKCT",
            "",
            "Tích cực tham gia",
        ],
        [
            "Đại tá Lê Văn Tiến",
            "Phó Giám đốc",
            "Công an tỉnh Hậu Giang",
            "CANHAN",
            "CSTD",
            "",
            "Hoàn thành xuất sắc nhiệm vụ",
        ],
        [
            "Hộ ông Nguyễn Văn Tư",
            "",
            "Ấp 3, xã Long Trị",
            "HOGIADINH",
            "GKCT",
            "",
            "Hiến đất làm đường",
        ],
        [
            "Trường THCS Vị Thanh",
            "",
            "Thành phố Vị Thanh",
            "TAPTHE",
            "XYZ9",
            "",
            "Hoàn thành xuất sắc nhiệm vụ",
        ],
    ];
    for (i, row) in rows.iter().enumerate() {
        let r = u32::try_from(i).unwrap() + 3;
        list.write(r, 0, u32::try_from(i).unwrap() + 1).unwrap();
        for (c, v) in row.iter().enumerate() {
            list.write(r, u16::try_from(c).unwrap() + 1, *v).unwrap();
        }
    }
    let path = dir.join("khen-thuong.xlsx");
    book.save(&path).unwrap();
    path
}

fn commendations(plan: &import::Plan) -> Vec<&CommendationData> {
    plan.rows
        .iter()
        .map(|r| match &r.record {
            Record::Commendation(d) => &**d,
            other => panic!("not a commendation: {other:?}"),
        })
        .collect()
}

#[test]
fn award_lists_read_the_list_sheet_its_codes_and_who_is_a_collective() {
    let dir = tempfile::tempdir().unwrap();
    let path = award_workbook(dir.path());
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Commendations, &path).unwrap();
    assert_eq!(plan.sheet().name, "Danh sách", "never the code sheet");
    assert_eq!(
        plan.header,
        import::Header::Row(2),
        "the header is on row 3"
    );
    let c = commendations(&plan);
    let who: Vec<(&str, bool, &str, &str)> = c
        .iter()
        .map(|d| {
            (
                d.recipient_name.as_str(),
                d.collective,
                d.rank.as_str(),
                d.kind.as_str(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            (
                "Phòng Cảnh sát hình sự",
                true,
                "",
                "Tập thể lao động tiên tiến"
            ),
            ("Công an xã Long Trị", true, "", "Cờ thi đua của UBND tỉnh"),
            (
                "Trương Quang Sáng",
                false,
                "",
                "Giấy khen của Chủ tịch UBND tỉnh"
            ),
            ("Lê Văn Tiến", false, "Đại tá", "Chiến sĩ thi đua cơ sở"),
            (
                "Hộ ông Nguyễn Văn Tư",
                true,
                "",
                "Giấy khen của Chủ tịch UBND tỉnh"
            ),
            ("Trường THCS Vị Thanh", true, "", "XYZ9"),
        ]
    );
    // A code no sheet explains is kept as typed, with a warning naming its cell.
    let unknown: Vec<(usize, &str)> = plan
        .warnings
        .iter()
        .map(|w| (w.row, w.column.as_str()))
        .collect();
    assert_eq!(
        unknown,
        [(9, "F «Danh hiệu thi đua/Hình thức khen thưởng»")]
    );
}

/// A collective's list with no classification column: the form of commendation and the
/// names tell collectives from people (386 collectives were stored as 370 persons).
#[test]
fn collectives_without_a_classification_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "tap-the.csv",
        "STT,Tên tập thể,Hình thức khen thưởng,Thành tích,Số quyết định\n\
         1,Phòng Tham mưu,Tập thể lao động tiên tiến,Hoàn thành tốt,12/QĐ-CAT\n\
         2,Công an huyện Châu Thành,Tập thể lao động tiên tiến,Hoàn thành tốt,12/QĐ-CAT\n\
         3,Đội Cảnh sát giao thông,Giấy khen,Hoàn thành tốt,12/QĐ-CAT\n\
         4,Đoàn Văn Bình,Giấy khen,Hoàn thành tốt,12/QĐ-CAT\n",
    );
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Commendations, &path).unwrap();
    let collective: Vec<bool> = commendations(&plan).iter().map(|d| d.collective).collect();
    assert_eq!(collective, [true, true, true, false]);
}

/// The `.xls` whose people are on its third sheet, behind a lookup sheet with more rows:
/// the sheet whose header the kind needs is read. Its "Cấp bậc chức vụ" column holds
/// offices, so it goes to the position, not the rank.
#[test]
fn the_sheet_with_the_header_beats_a_longer_lookup_sheet() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lookup-first.xls");
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    assert_eq!(plan.book.file_type, Some(import::FileType::Xls));
    assert_eq!(plan.sheet().name, "Danh sách");
    assert!(
        plan.sheet_rows[1] > plan.sheet_rows[2],
        "the lookup sheet is the longer one: {:?}",
        plan.sheet_rows
    );
    assert_eq!(plan.mapping[2], Some(Field::Position), "{:?}", plan.mapping);
    let p = people(&plan);
    assert_eq!(p.len(), 8);
    assert_eq!(p[0].full_name, "Trần Thị Ánh Nguyệt");
    assert_eq!(p[0].position, "Hiệu trưởng");
    assert_eq!(p[0].rank, "");
    assert_eq!(plan.skipped_total, 1, "the total line is not a person");
}

/// Titles and ranks in the name go where they belong; a position that starts with a
/// rank gives the rank; a name converted from `.VnTime` gets its capitals.
#[test]
fn titles_ranks_and_capitals() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("Họ và tên,Cấp bậc chức vụ,Đơn vị\n");
    writeln!(csv, "Đại tá Lê Văn Tiến,Phó Giám đốc,Công an tỉnh").unwrap();
    writeln!(csv, "Ông Trương Quang Sáng,Trưởng ấp,Xã Long Trị").unwrap();
    writeln!(
        csv,
        "Phạm Văn Tâm,\"Đại úy, Trưởng Công an xã\",Công an xã A"
    )
    .unwrap();
    let path = write(dir.path(), "titles.csv", &csv);
    let store = Store::open_in_memory().unwrap();
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let got: Vec<(&str, &str, &str)> = people(&plan)
        .iter()
        .map(|p| (p.full_name.as_str(), p.rank.as_str(), p.position.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Lê Văn Tiến", "Đại tá", "Phó Giám đốc"),
            ("Trương Quang Sáng", "", "Trưởng ấp"),
            ("Phạm Văn Tâm", "Đại úy", "Trưởng Công an xã"),
        ]
    );

    // .VnTime has no capital Á: the office typed "ánh" and meant "Ánh".
    let mut legacy = String::from("STT,Họ và tên,Đơn vị\n");
    for (i, n) in ["Nguyễn Thị ánh Liên", "Trần Văn ơn", "Lê Thị Hà"]
        .iter()
        .enumerate()
    {
        writeln!(
            legacy,
            "{},{},Phòng Hậu cần",
            i + 1,
            Legacy::Tcvn3.encode(n)
        )
        .unwrap();
    }
    let path = write(dir.path(), "vntime.csv", &legacy);
    let plan = common::plan_file(&store, Kind::Attendees, &path).unwrap();
    let names: Vec<&str> = people(&plan).iter().map(|p| p.full_name.as_str()).collect();
    assert_eq!(names, ["Nguyễn Thị Ánh Liên", "Trần Văn Ơn", "Lê Thị Hà"]);
}

/// "Tệp không có dòng tiêu đề": the columns are guessed from their values, so the
/// preview shows the people at once instead of 0/0 rows.
#[test]
fn a_file_without_header_is_mapped_from_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "no-header.csv",
        "1,Nguyễn Văn An,Đại úy,Công an xã Long Trị,0912345678\n\
         2,Trần Thị Bích,Thiếu tá,Công an xã Long Bình,0987654321\n\
         3,Lê Văn Cường,Trung úy,Công an phường 1,\n",
    );
    let store = Store::open_in_memory().unwrap();
    let known = import::Known::load(&store, Kind::Attendees).unwrap();
    let book =
        std::sync::Arc::new(import::read::read(&path, &import::ReadOptions::default()).unwrap());
    let choices = Choices {
        header: Some(import::Header::None),
        ..Choices::default()
    };
    let plan = import::plan(Kind::Attendees, &book, choices, &known).unwrap();
    assert_eq!(
        plan.mapping,
        [
            None,
            Some(Field::FullName),
            Some(Field::Rank),
            Some(Field::Unit),
            Some(Field::Phone)
        ]
    );
    assert_eq!(people(&plan).len(), 3);
    assert_eq!(people(&plan)[1].unit, "Công an xã Long Bình");
}
