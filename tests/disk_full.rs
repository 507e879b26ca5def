//! A full disk, for real: the conference file on a small tmpfs filled to the last byte.
//! Needs root to mount (CI runs as root and sets `HOINGHI_REQUIRE_DISK_FULL_TEST=1`, so
//! there the test cannot quietly skip).
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{go_to, harness, type_into};
use egui_kittest::kittest::Queryable as _;
use hoinghi::store::{Missing, Store};

const FULL: &str = "Ổ đĩa chứa tệp hội nghị đã đầy";

/// A tmpfs of `mib` MiB, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(mib: u32) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(Self { dir });
        }
        assert!(
            std::env::var_os("HOINGHI_REQUIRE_DISK_FULL_TEST").is_none(),
            "could not mount a tmpfs (run as root)"
        );
        eprintln!("skipped: mounting a tmpfs needs root");
        None
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a filler file until the disk refuses another byte.
    fn fill(&self) -> PathBuf {
        let filler = self.path().join("filler.bin");
        let mut f = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0x55u8; 64 * 1024];
        loop {
            if f.write_all(&chunk).is_err() {
                break;
            }
        }
        // The last partial chunk may still fit: fill byte by byte until refused.
        while f.write_all(&[0]).is_ok() && f.flush().is_ok() {}
        drop(f);
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn conference_on(disk: &SmallDisk) -> PathBuf {
    let db = disk.path().join("hoi-nghi.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    // An empty WAL: the next write must find new room on the disk.
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    db
}

fn integrity_and_count(store: &Store) -> i64 {
    let ok: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    store.stats().unwrap().attendees
}

fn import(csv: &Path, db: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(["import", "attendees"])
        .arg(csv)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

#[test]
fn an_import_onto_a_full_disk_is_refused_whole_with_a_clear_message() {
    let Some(disk) = SmallDisk::mount(12) else {
        return;
    };
    let db = conference_on(&disk);
    let elsewhere = tempfile::tempdir().unwrap();
    let csv = elsewhere.path().join("ds.csv");
    let mut text = String::from("STT,Họ và tên,Đơn vị\n");
    for i in 0..20_000 {
        writeln!(text, "{},Cán Bộ Số {i},Đội {}", i + 1, i % 40).unwrap();
    }
    std::fs::write(&csv, text).unwrap();
    let bytes = std::fs::read(&db).unwrap();
    let filler = disk.fill();

    // Closed everywhere, the file cannot even get its shared-memory index: refused,
    // the message says the disk may be full (never that the file is bad), bytes unchanged.
    let out = import(&csv, &db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("ổ đĩa có thể đã đầy"), "{stderr}");
    assert!(!stderr.contains("bị hỏng"), "{stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&db).unwrap(), bytes);

    // Open in a window (as at the venue), the import gets as far as writing, and fails
    // whole: the window's connection still sees 520 people and a sound file.
    std::fs::remove_file(&filler).unwrap();
    let window = Store::open(&db, Missing::Refuse).unwrap();
    window
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let filler = disk.fill();
    let out = import(&csv, &db);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains(FULL), "{stderr}");
    assert_eq!(integrity_and_count(&window), 520);

    // A single edit fails the same way, and leaves no trace in the history.
    let before = window.undo_label().unwrap();
    let d = hoinghi::domain::AttendeeDraft {
        full_name: "Người Đến Sau".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let err = window
        .change("Thêm đại biểu", |s| s.add_attendee(&d))
        .unwrap_err();
    assert!(err.to_string().contains(FULL), "{err}");
    assert_eq!(window.undo_label().unwrap(), before);
    assert_eq!(integrity_and_count(&window), 520);

    // With room again, the same import goes through.
    std::fs::remove_file(filler).unwrap();
    let out = import(&csv, &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(integrity_and_count(&window), 20_520);
}

#[test]
fn the_window_keeps_working_on_a_full_disk_and_keeps_what_was_typed() {
    let Some(disk) = SmallDisk::mount(12) else {
        return;
    };
    let db = conference_on(&disk);
    let mut h = harness(Store::open(&db, Missing::Refuse).unwrap());
    let filler = disk.fill();

    go_to(&mut h, "Đại biểu");
    type_into(&mut h, "Họ và tên", "Trần Thị Mai");
    type_into(&mut h, "Đơn vị", "Phòng PC06");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label_contains(FULL);
    assert_eq!(h.state().store().unwrap().stats().unwrap().attendees, 520);
    // The form still holds the person, so nothing typed is lost.
    let name = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Họ và tên");
    assert_eq!(name.value().as_deref(), Some("Trần Thị Mai"));

    // The window still answers: another page, and back.
    go_to(&mut h, "Tổng quan");
    assert_eq!(h.state().page(), hoinghi::ui::Page::Overview);
    go_to(&mut h, "Đại biểu");

    // Room again: the same form saves.
    std::fs::remove_file(filler).unwrap();
    h.get_by_label("Thêm").click();
    h.run();
    assert_eq!(integrity_and_count(h.state().store().unwrap()), 521);
}
