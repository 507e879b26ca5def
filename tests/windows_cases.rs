//! What organisers' Windows laptops bring: a user folder and file names with Vietnamese
//! letters and spaces, paths longer than Windows' old 260-character limit, the file held
//! by another program, and CRLF line ends. They run on Linux too, and in CI under Wine
//! against the Windows build (`.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoinghi::store::lock::{FileLock, Lock};
use hoinghi::store::{Missing, Store};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    stderr
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn attendees(db: &Path) -> i64 {
    let out = cli(&["stats", "--db", arg(db), "--json"]);
    ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["attendees"].as_i64().unwrap()
}

const CSV: &str = "STT,Họ và tên,Cấp bậc,Chức vụ,Đơn vị\r\n\
    1,Nguyễn Thanh Hà,Thiếu tá,Trưởng Công an xã,Công an xã Long Trị\r\n\
    2,Đặng Thị Hường,Trung úy,Cán bộ,\"Công an xã Vĩnh Viễn\r\nhuyện Long Mỹ\"\r\n\
    3,Trần Văn Luân,Thượng úy,Phó Trưởng Công an xã,Công an xã Long Bình\r\n";

/// `C:\Users\Nguyễn Văn A\Tài liệu\Hội nghị.sqlite`: created, filled, read, exported to
/// and imported from, through the command line as a shortcut or a script would.
#[test]
fn a_vietnamese_user_folder_with_spaces() {
    let root = tempfile::tempdir().unwrap();
    let docs = root
        .path()
        .join("Users")
        .join("Nguyễn Văn A")
        .join("Tài liệu");
    let db = docs.join("Hội nghị.sqlite");
    let said = ok(&cli(&["demo", "--db", arg(&db)]));
    assert!(said.contains("Hội nghị.sqlite"), "{said}");
    assert_eq!(attendees(&db), 520);
    for ext in ["pdf", "xlsx", "csv"] {
        let out = docs.join(format!("Danh sách ký nhận đại biểu.{ext}"));
        ok(&cli(&[
            "export",
            "signin",
            "--db",
            arg(&db),
            "--out",
            arg(&out),
        ]));
        assert!(std::fs::metadata(&out).unwrap().len() > 1000, "{ext}");
    }
    let pdf = std::fs::read(docs.join("Danh sách ký nhận đại biểu.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "written whole");
    let list = docs.join("Danh sách đơn vị gửi.csv");
    std::fs::write(&list, CSV).unwrap();
    let second = docs.join("Hội nghị 2.sqlite");
    ok(&cli(&[
        "import",
        "attendees",
        arg(&list),
        "--db",
        arg(&second),
    ]));
    assert_eq!(attendees(&second), 3);
    // A snapshot taken into the user's own folder.
    let store = Store::open(&db, Missing::Refuse).unwrap();
    let snap = store
        .snapshot(
            &docs.join("Sao lưu"),
            hoinghi::store::backup::Reason::Manual,
        )
        .unwrap();
    assert!(snap.starts_with(docs.join("Sao lưu")));
    assert!(Store::open_read_only(&snap).is_ok());
}

/// A path beyond 260 characters: Windows refuses it unless every call is made for
/// long paths (Rust's standard library does; `SQLite` is given one it can open).
#[test]
fn a_path_longer_than_260_characters() {
    let root = tempfile::tempdir().unwrap();
    let mut dir: PathBuf = root.path().to_owned();
    for i in 0..5 {
        dir.push(format!("Hội nghị đối thoại Công an tỉnh năm 2026 phần {i}"));
    }
    let db = dir.join("Danh sách đại biểu dự hội nghị đối thoại.sqlite");
    // Over Windows' limit, under SQLite's 512 bytes on Linux.
    let chars = arg(&db).chars().count();
    assert!(chars > 260, "{chars} characters");
    ok(&cli(&["demo", "--db", arg(&db)]));
    assert_eq!(attendees(&db), 520);
    let pdf = dir.join("Danh sách ký nhận.pdf");
    ok(&cli(&[
        "export",
        "signin",
        "--db",
        arg(&db),
        "--out",
        arg(&pdf),
    ]));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let list = dir.join("Danh sách.csv");
    std::fs::write(&list, CSV).unwrap();
    ok(&cli(&["import", "attendees", arg(&list), "--db", arg(&db)]));
    assert_eq!(attendees(&db), 523);
    let store = Store::open(&db, Missing::Refuse).unwrap();
    let copy = dir.join("Bản sao.sqlite");
    store.save_copy(&copy).unwrap();
    assert_eq!(
        Store::open_read_only(&copy)
            .unwrap()
            .stats()
            .unwrap()
            .attendees,
        523
    );
}

/// While a window (here: this test process) holds a conference file, the command line
/// does not write to it behind the window's back; reading it is fine.
#[test]
fn a_file_held_by_another_process_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Hội nghị.sqlite");
    ok(&cli(&["demo", "--db", arg(&db)]));
    let Lock::Acquired(lock) = FileLock::try_acquire(&db) else {
        panic!("the lock is free once the command has ended");
    };
    let list = dir.path().join("Danh sách.csv");
    std::fs::write(&list, CSV).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = cli(&["import", "attendees", arg(&list), "--db", arg(&db)]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("đang được mở"), "{said}");
    assert!(said.contains("Hội nghị.sqlite"), "names the file: {said}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "not touched");
    assert_eq!(attendees(&db), 520, "reading goes on");
    drop(lock);
    ok(&cli(&["import", "attendees", arg(&list), "--db", arg(&db)]));
    assert_eq!(attendees(&db), 523);
}

/// Windows' line ends: CRLF rows, and a CRLF inside a quoted cell, come in without a
/// stray carriage return.
#[test]
fn crlf_files_import_without_stray_returns() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("Danh sách.csv");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(CSV.as_bytes());
    std::fs::write(&list, bytes).unwrap();
    let db = dir.path().join("Hội nghị.sqlite");
    ok(&cli(&["import", "attendees", arg(&list), "--db", arg(&db)]));
    let store = Store::open_read_only(&db).unwrap();
    let people = store.attendees().unwrap();
    assert_eq!(people.len(), 3);
    for p in &people {
        let d = &p.data;
        for field in [&d.full_name, &d.rank, &d.position, &d.unit] {
            assert!(!field.contains('\r'), "{field:?}");
        }
    }
    let unit = people
        .iter()
        .find(|p| p.data.full_name == "Đặng Thị Hường")
        .map(|p| p.data.unit.clone())
        .unwrap();
    assert_eq!(unit, "Công an xã Vĩnh Viễn huyện Long Mỹ");
    // A CSV written on Windows reads back the same, CRLF and all.
    let out = dir.path().join("Xuất.csv");
    ok(&cli(&[
        "export",
        "attendees",
        "--db",
        arg(&db),
        "--out",
        arg(&out),
    ]));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Nguyễn Thanh Hà"));
}
