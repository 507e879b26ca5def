//! A conference file locked by a passphrase: nothing of it is readable without the
//! passphrase, a wrong one changes nothing, every copy (snapshots, "save a copy") is
//! locked with it, and locking, unlocking and changing it keep every record and the
//! undo history.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hoinghi::Error;
use hoinghi::store::backup::{self, Reason};
use hoinghi::store::key::{self, Passphrase};
use hoinghi::store::{Missing, Store, vault};

const PASS: &str = "Hội nghị đối thoại 2026";

fn pass() -> Passphrase {
    Passphrase::new(PASS).unwrap()
}

fn sha(path: &Path) -> Vec<u8> {
    // Content, not metadata: a refused open must leave every byte as it was.
    std::fs::read(path).unwrap()
}

/// A name every demo file holds, in the UTF-8 `SQLite` stores it as.
fn holds_a_name(bytes: &[u8]) -> bool {
    let needle = "Công an".as_bytes();
    bytes.windows(needle.len()).any(|w| w == needle)
}

fn locked_demo(dir: &Path) -> PathBuf {
    let db = dir.join("hội nghị khoá.sqlite");
    let store = Store::open_keyed(&db, Missing::Create, Some(&pass())).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    assert!(store.is_locked());
    store.close().unwrap();
    db
}

#[test]
fn a_locked_file_reads_as_noise_and_opens_only_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let db = locked_demo(dir.path());
    let bytes = sha(&db);
    assert_ne!(&bytes[..16], b"SQLite format 3\0");
    assert!(!holds_a_name(&bytes), "no name in clear in the file");
    for side in ["-wal", "-shm", "-journal"] {
        let p = PathBuf::from(format!("{}{side}", db.display()));
        assert!(!p.exists() || !holds_a_name(&std::fs::read(&p).unwrap()));
    }

    let e = Store::open_keyed(&db, Missing::Refuse, None).err().unwrap();
    assert!(matches!(e, Error::Locked { .. }), "{e}");
    assert!(e.to_string().contains("mật khẩu"), "{e}");
    let wrong = Passphrase::new("không phải mật khẩu").unwrap();
    let e = Store::open_keyed(&db, Missing::Refuse, Some(&wrong))
        .err()
        .unwrap();
    assert!(matches!(e, Error::WrongPassphrase { .. }), "{e}");
    let e = Store::open_read_only_keyed(&db, Some(&wrong))
        .err()
        .unwrap();
    assert!(matches!(e, Error::WrongPassphrase { .. }), "{e}");
    assert_eq!(sha(&db), bytes, "refused opens wrote nothing");

    // The passphrase typed in decomposed Unicode (another keyboard setting) is the same.
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(PASS).collect();
    let st = Store::open_read_only_keyed(&db, Some(&Passphrase::new(&nfd).unwrap()))
        .unwrap()
        .stats()
        .unwrap();
    assert_eq!((st.attendees, st.questions), (520, 60));
}

#[test]
fn a_wrong_passphrase_leaves_a_file_with_a_full_write_ahead_log_as_it_was() {
    // A laptop that lost power: the file and its log, the last changes still in the log.
    let dir = tempfile::tempdir().unwrap();
    let db = locked_demo(dir.path());
    let live = Store::open_keyed(&db, Missing::Refuse, Some(&pass())).unwrap();
    live.conn().execute("DELETE FROM gift", []).unwrap();
    let crashed = dir.path().join("mất điện.sqlite");
    std::fs::copy(&db, &crashed).unwrap();
    std::fs::copy(
        format!("{}-wal", db.display()),
        format!("{}-wal", crashed.display()),
    )
    .unwrap();
    drop(live);
    let bytes = sha(&crashed);
    let wrong = Passphrase::new("không phải mật khẩu").unwrap();
    let e = Store::open_keyed(&crashed, Missing::Refuse, Some(&wrong))
        .err()
        .unwrap();
    assert!(matches!(e, Error::WrongPassphrase { .. }), "{e}");
    assert_eq!(
        sha(&crashed),
        bytes,
        "the log was not written into the file"
    );
    let store = Store::open_keyed(&crashed, Missing::Refuse, Some(&pass())).unwrap();
    assert_eq!(
        store.stats().unwrap().gifts,
        0,
        "the log's changes are there"
    );
}

#[test]
fn the_keyring_opens_a_locked_file_for_every_part_that_asks() {
    let dir = tempfile::tempdir().unwrap();
    let db = locked_demo(dir.path());
    assert!(matches!(
        Store::open(&db, Missing::Refuse).err().unwrap(),
        Error::Locked { .. }
    ));
    key::remember(&db, pass());
    assert_eq!(
        Store::open(&db, Missing::Refuse)
            .unwrap()
            .record_count()
            .unwrap(),
        520 + 60 + 10 + 2
    );
    assert!(Store::open_read_only(&db).unwrap().is_locked());
    key::forget(&db);
}

#[test]
fn copies_and_snapshots_of_a_locked_file_are_locked_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = locked_demo(dir.path());
    let mut store = Store::open_keyed(&db, Missing::Refuse, Some(&pass())).unwrap();

    let copy = dir.path().join("bản sao.sqlite");
    store.save_copy(&copy).unwrap();
    assert!(!holds_a_name(&sha(&copy)));
    assert!(matches!(
        Store::open_read_only_keyed(&copy, None).err().unwrap(),
        Error::Locked { .. }
    ));
    assert_eq!(
        Store::open_read_only_keyed(&copy, Some(&pass()))
            .unwrap()
            .stats()
            .unwrap()
            .attendees,
        520
    );

    let snaps = dir.path().join("backups");
    let snap = store.snapshot(&snaps, Reason::Manual).unwrap();
    assert!(!holds_a_name(&sha(&snap)));
    // Listed without deriving a key: the counts beside it say what it holds.
    let listed = backup::list(&snaps, None);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].attendees, 520);

    store
        .conn()
        .execute("DELETE FROM gift", [])
        .expect("a change to undo by restoring");
    store.restore(&snap, &snaps).unwrap();
    assert_eq!(store.stats().unwrap().gifts, 10);
}

#[test]
fn lock_rekey_unlock_keep_every_record_the_history_and_the_snapshots_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mở.sqlite");
    let snaps = dir.path().join("backups");
    {
        let store = Store::open_keyed(&db, Missing::Create, None).unwrap();
        hoinghi::demo::fill(&store).unwrap();
        store
            .change("Xoá quà tặng", |s| {
                s.conn().execute("DELETE FROM gift", [])?;
                Ok(())
            })
            .unwrap();
        store.snapshot(&snaps, Reason::Opened).unwrap();
        store.snapshot(&snaps, Reason::Manual).unwrap();
    }
    let history = |s: &Store| -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM history_step", [], |r| r.get(0))
            .unwrap()
    };
    let before = Store::open_read_only(&db).unwrap();
    let (stats, steps) = (before.stats().unwrap(), history(&before));
    drop(before);

    let done = vault::lock(&db, &pass(), Some(&snaps)).unwrap();
    assert_eq!((done.snapshots, done.snapshots_left), (2, 0));
    assert!(!holds_a_name(&sha(&db)));
    assert!(!vault::partial_path(&db).exists());
    let locked = Store::open_keyed(&db, Missing::Refuse, Some(&pass())).unwrap();
    assert_eq!(locked.stats().unwrap(), stats);
    assert_eq!(history(&locked), steps);
    // Undo still works after the conversion: the history came along.
    assert!(locked.undo().unwrap().is_some());
    assert_eq!(locked.stats().unwrap().gifts, 10);
    drop(locked);
    for s in backup::list(&snaps, None) {
        assert!(!holds_a_name(&sha(&s.path)), "{}", s.path.display());
    }
    assert!(matches!(
        vault::lock(&db, &pass(), None).err().unwrap(),
        Error::Locked { .. }
    ));

    let new = Passphrase::new("mật khẩu mới của ban tổ chức").unwrap();
    vault::rekey(&db, &pass(), &new, Some(&snaps)).unwrap();
    assert!(matches!(
        Store::open_read_only_keyed(&db, Some(&pass()))
            .err()
            .unwrap(),
        Error::WrongPassphrase { .. }
    ));
    let snap = &backup::list(&snaps, None)[0].path;
    assert!(Store::open_read_only_keyed(snap, Some(&pass())).is_err());
    assert!(Store::open_read_only_keyed(snap, Some(&new)).is_ok());

    vault::unlock(&db, &new, Some(&snaps)).unwrap();
    let open = Store::open_keyed(&db, Missing::Refuse, None).unwrap();
    assert!(!open.is_locked());
    assert_eq!(open.stats().unwrap().attendees, stats.attendees);
    assert!(holds_a_name(&sha(snap)), "snapshots unlocked with the file");
    assert!(matches!(
        vault::unlock(&db, &new, None).err().unwrap(),
        Error::NotLocked { .. }
    ));
}

#[test]
fn files_that_are_not_locked_conference_files_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("danh-sach.sqlite");
    std::fs::write(&csv, "STT,Họ và tên\n".repeat(200)).unwrap();
    assert!(matches!(
        Store::open_keyed(&csv, Missing::Refuse, None)
            .err()
            .unwrap(),
        Error::NotHoinghi { .. }
    ));
    // Random pages look like a locked file; a passphrase then finds they are not one.
    let noise = dir.path().join("nhieu.sqlite");
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap())
        .collect();
    std::fs::write(&noise, &bytes).unwrap();
    assert!(matches!(
        Store::open_keyed(&noise, Missing::Refuse, None)
            .err()
            .unwrap(),
        Error::Locked { .. }
    ));
    assert!(matches!(
        Store::open_keyed(&noise, Missing::Refuse, Some(&pass()))
            .err()
            .unwrap(),
        Error::WrongPassphrase { .. }
    ));
    assert_eq!(sha(&noise), bytes);
}

// ---- the command line ----

fn hoinghi(args: &[&str], env: &[(&str, &str)], data: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoinghi"));
    cmd.args(args)
        .env_remove("HOINGHI_PASSPHRASE")
        .env_remove("HOINGHI_NEW_PASSPHRASE")
        .env("HOINGHI_DATA_DIR", data);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_command_line_takes_the_passphrase_from_a_variable_or_a_file_never_an_argument() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let db = dir.path().join("khoá.sqlite");
    let db = db.to_str().unwrap();
    let with = [("HOINGHI_PASSPHRASE", PASS)];

    let out = hoinghi(&["demo", "--db", db, "--encrypt"], &[], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("HOINGHI_PASSPHRASE"), "{}", err(&out));
    let out = hoinghi(&["demo", "--db", db, "--encrypt"], &with, &data);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(err(&out).contains("khoá bằng mật khẩu"), "{}", err(&out));
    let bytes = sha(Path::new(db));
    assert!(!holds_a_name(&bytes));

    // Without the passphrase: exit 1, a message, nothing touched.
    for args in [
        vec!["stats", "--db", db],
        vec!["list", "attendees", "--db", db],
        vec!["unlock", "--db", db],
    ] {
        let out = hoinghi(&args, &[], &data);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(err(&out).contains("mật khẩu"), "{args:?}: {}", err(&out));
    }
    let out = hoinghi(
        &["stats", "--db", db],
        &[("HOINGHI_PASSPHRASE", "một mật khẩu sai")],
        &data,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("Mật khẩu không đúng"), "{}", err(&out));
    assert_eq!(sha(Path::new(db)), bytes);

    let out = hoinghi(&["stats", "--db", db, "--json"], &with, &data);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attendees"], 520);

    let file = dir.path().join("mat-khau.txt");
    std::fs::write(&file, format!("{PASS}\n")).unwrap();
    let file = file.to_str().unwrap();
    let csv = dir.path().join("ds.csv");
    let out = hoinghi(
        &[
            "export",
            "attendees",
            "--db",
            db,
            "--out",
            csv.to_str().unwrap(),
            "--passphrase-file",
            file,
        ],
        &[],
        &data,
    );
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(
        holds_a_name(&std::fs::read(&csv).unwrap()),
        "exports stay open"
    );

    let out = hoinghi(&["stats", "--db", db, "--passphrase", PASS], &[], &data);
    assert_eq!(out.status.code(), Some(2), "no such argument");
}

#[test]
fn the_command_line_locks_changes_and_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let db = dir.path().join("ds.sqlite");
    let db = db.to_str().unwrap();
    let old = [("HOINGHI_PASSPHRASE", PASS)];
    assert!(hoinghi(&["demo", "--db", db], &[], &data).status.success());
    let out = hoinghi(&["lock", "--db", db], &[], &data);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        holds_a_name(&sha(Path::new(db))),
        "nothing done without one"
    );

    let out = hoinghi(&["lock", "--db", db], &old, &data);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(err(&out).contains("Đã khoá"), "{}", err(&out));
    assert!(!holds_a_name(&sha(Path::new(db))));

    let new = [
        ("HOINGHI_PASSPHRASE", PASS),
        ("HOINGHI_NEW_PASSPHRASE", "mật khẩu thứ hai 2026"),
    ];
    let out = hoinghi(&["rekey", "--db", db], &old, &data);
    assert_eq!(out.status.code(), Some(1), "no new passphrase");
    assert!(err(&out).contains("HOINGHI_NEW_PASSPHRASE"));
    let out = hoinghi(&["rekey", "--db", db], &new, &data);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert_eq!(
        hoinghi(&["stats", "--db", db], &old, &data).status.code(),
        Some(1)
    );
    let second = [("HOINGHI_PASSPHRASE", "mật khẩu thứ hai 2026")];
    assert!(
        hoinghi(&["stats", "--db", db], &second, &data)
            .status
            .success()
    );
    let out = hoinghi(&["unlock", "--db", db], &second, &data);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    assert!(holds_a_name(&sha(Path::new(db))));
    assert!(hoinghi(&["stats", "--db", db], &[], &data).status.success());
}
