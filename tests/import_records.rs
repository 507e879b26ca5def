//! Importing questions, gifts and commendations: same detection, all or nothing,
//! duplicates skipped, people linked to attendees by name and unit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use hoinghi::domain::AttendeeData;
use hoinghi::import::{Kind as RecordKind, OnDuplicate, Summary, apply};
use hoinghi::store::Store;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn import(store: &Store, kind: RecordKind, path: &Path) -> hoinghi::Result<Summary> {
    let plan = common::plan_file(store, kind, path)?;
    apply(store, &plan, OnDuplicate::Skip, false, &mut |_, _| true)
}

fn with_attendees() -> Store {
    let store = Store::open_in_memory().unwrap();
    for (name, unit) in [
        ("Trần Văn Luân", "Công an xã Long Trị"),
        ("Phạm Văn Lâm", "Công an xã Phú Tân"),
        ("Phạm Văn Lâm", "Công an xã Vị Bình"),
    ] {
        store
            .add_attendee(&AttendeeData {
                full_name: name.into(),
                unit: unit.into(),
                ..AttendeeData::default()
            })
            .unwrap();
    }
    store
}

#[test]
fn questions_keep_topics_channels_and_anonymity() {
    let dir = tempfile::tempdir().unwrap();
    let store = with_attendees();
    let f = write(
        dir.path(),
        "q.csv",
        "TỔNG HỢP Ý KIẾN,,,,,,\n\
         STT,Họ và tên,Đơn vị,Chủ đề,Nội dung,Hình thức,Đơn vị trả lời\n\
         1,Trần Văn Luân,Công an xã Long Trị,Chế độ chính sách,\"Đề nghị \"\"hỗ trợ\"\" tiền trọ\",Phát biểu trực tiếp tại hội nghị,Phòng Tổ chức cán bộ\n\
         2,Ẩn danh,,Chủ đề mới,Xin hỏi về trang phục,Phiếu viết,\n\
         ,,,,,,\n\
         Tổng cộng: 2 ý kiến,,,,,,\n",
    );
    let s = import(&store, RecordKind::Questions, &f).unwrap();
    assert_eq!((s.imported, s.skipped_duplicates), (2, 0));
    let qs = store.questions().unwrap();
    let first = qs.iter().find(|q| q.data.number == 1).unwrap();
    assert_eq!(first.data.content, "Đề nghị \"hỗ trợ\" tiền trọ");
    assert!(first.data.asker_id.is_some(), "linked to the attendee");
    assert_eq!(first.topic, "Chế độ chính sách");
    assert_eq!(first.data.channel, hoinghi::domain::Channel::Spoken);
    assert_eq!(first.data.responder, "Phòng Tổ chức cán bộ");
    let second = qs.iter().find(|q| q.data.number == 2).unwrap();
    assert!(second.data.anonymous);
    assert_eq!(
        second.topic, "Chủ đề mới",
        "an unknown topic is added to the list"
    );
    // The same file again: both are duplicates, nothing added.
    let again = import(&store, RecordKind::Questions, &f).unwrap();
    assert_eq!((again.imported, again.skipped_duplicates), (0, 2));
    assert_eq!(store.questions().unwrap().len(), 2);
}

#[test]
fn gifts_understand_vietnamese_money_and_link_namesakes_by_unit() {
    let dir = tempfile::tempdir().unwrap();
    let store = with_attendees();
    let f = write(
        dir.path(),
        "g.csv",
        "STT;Họ và tên;Đơn vị;Hoàn cảnh;Hình thức;Giá trị\n\
         1;Phạm Văn Lâm;Công an xã Vị Bình;Nhà bị sạt lở;Quà;2.000.000 đ\n\
         2;Nguyễn Thị Mới;Công an xã X;Ốm đau;Quà;1500000\n",
    );
    let s = import(&store, RecordKind::Gifts, &f).unwrap();
    assert_eq!(s.imported, 2);
    let gifts = store.gifts().unwrap();
    let lam = gifts
        .iter()
        .find(|g| g.data.recipient_name == "Phạm Văn Lâm")
        .unwrap();
    assert_eq!(lam.data.value_vnd, 2_000_000);
    let vi_binh = store
        .attendees()
        .unwrap()
        .into_iter()
        .find(|a| a.data.unit == "Công an xã Vị Bình")
        .unwrap();
    assert_eq!(lam.data.recipient_id.as_deref(), Some(vi_binh.id.as_str()));
    assert_eq!(store.stats().unwrap().gift_value_total_vnd, 3_500_000);
}

#[test]
fn a_bad_value_refuses_the_whole_file_naming_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let store = with_attendees();
    let f = write(
        dir.path(),
        "g.csv",
        "Họ và tên,Đơn vị,Giá trị\n\
         Phạm Văn Lâm,Công an xã Phú Tân,2.000.000 đ\n\
         Trần Văn Luân,Công an xã Long Trị,hai triệu\n",
    );
    let e = import(&store, RecordKind::Gifts, &f)
        .unwrap_err()
        .to_string();
    assert!(e.contains("dòng 3"), "{e}");
    assert!(e.contains("cột C «Giá trị»"), "{e}");
    assert!(e.contains("Không có gì được nhập"), "{e}");
    assert!(store.gifts().unwrap().is_empty());
}

#[test]
fn commendations_from_xlsx_with_title_rows_dates_and_collectives() {
    use rust_xlsxwriter::Workbook;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write(0, 0, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG").unwrap();
    let header = [
        "STT",
        "Hình thức khen thưởng",
        "Đối tượng",
        "Họ và tên / Tập thể",
        "Cấp bậc",
        "Đơn vị",
        "Thành tích",
        "Số quyết định",
        "Ngày quyết định",
        "Cấp khen thưởng",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(2, u16::try_from(c).unwrap(), *h).unwrap();
    }
    let rows = [
        [
            "1",
            "Giấy khen",
            "Cá nhân",
            "Trần Văn Luân",
            "Thượng úy",
            "Công an xã Long Trị",
            "Bắt giữ đối tượng trộm cắp",
            "2776/QĐ-CAT-PX01",
            "14/11/2022",
            "Giám đốc Công an tỉnh",
        ],
        [
            "2",
            "Bằng khen",
            "Tập thể",
            "Công an xã Vị Trung",
            "",
            "Công an xã Vị Trung",
            "Hoàn thành xuất sắc nhiệm vụ",
            "15/QĐ-UBND",
            "01/02/2022",
            "Chủ tịch UBND tỉnh",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(u32::try_from(r + 3).unwrap(), u16::try_from(c).unwrap(), *v)
                .unwrap();
        }
    }
    book.save(&path).unwrap();
    let store = with_attendees();
    let s = import(&store, RecordKind::Commendations, &path).unwrap();
    assert_eq!(s.imported, 2);
    let cs = store.commendations().unwrap();
    let luan = &cs[0].data;
    assert_eq!(luan.decision_date.as_deref(), Some("2022-11-14"));
    assert!(luan.recipient_id.is_some());
    assert_eq!(luan.stage_order, 1);
    let collective = cs.iter().find(|c| c.data.collective).unwrap();
    assert_eq!(collective.data.kind, "Bằng khen");
    assert_eq!(collective.data.stage_order, 2);
}

#[test]
fn sample_files_import_completely() {
    let Some(base) = common::sample_data() else {
        return;
    };
    let store = Store::open_in_memory().unwrap();
    common::import_attendees(&store, &base.join("attendees_520.csv"));
    for (kind, file, n) in [
        (RecordKind::Questions, "questions_60.csv", 60),
        (RecordKind::Gifts, "gifts_10.csv", 10),
        (RecordKind::Commendations, "commendations_2.csv", 2),
    ] {
        let s = import(&store, kind, &base.join(file)).unwrap();
        assert_eq!((s.imported, s.errors), (n, 0), "{file}");
    }
    let st = store.stats().unwrap();
    assert_eq!(st.questions_by_topic["Chế độ chính sách"], 15);
    assert_eq!(st.questions_by_topic["Tổ chức, biên chế Công an xã"], 12);
    assert!(
        store
            .gifts()
            .unwrap()
            .iter()
            .all(|g| g.data.recipient_id.is_some())
    );
    let c = &store.commendations().unwrap()[0].data;
    assert_eq!(c.decision_number, "2776/QĐ-CAT-PX01");
}

#[test]
fn cli_dry_run_creates_nothing_and_a_wrong_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hn.sqlite");
    let f = write(
        dir.path(),
        "g.csv",
        "Họ và tên,Đơn vị,Giá trị\nA,B,100.000\nA,B,100.000\n",
    );
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .output()
            .unwrap()
    };
    let (fs, ds) = (f.to_str().unwrap(), db.to_str().unwrap());
    let o = run(&["import", "gifts", fs, "--db", ds, "--dry-run"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "imported 1, updated 0, skipped 1 duplicates, 0 rows with errors"
    );
    assert!(!db.exists());
    let o = run(&["import", "commendations", fs, "--db", ds]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!db.exists(), "a refused import creates no file");
    let o = run(&["import", "gifts", fs, "--db", ds]);
    assert_eq!(o.status.code(), Some(0));
    assert!(db.exists());
}
