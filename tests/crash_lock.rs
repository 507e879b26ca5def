//! Kill the real binary while it locks, unlocks or changes the passphrase of a file of
//! 10,000 people, at moments spread over the whole conversion, and check after every
//! kill that the file is whole: the old one or the new one, every record there, never
//! neither and never a mix.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

use hoinghi::import::{self, Choices, Kind, Known, OnDuplicate, ReadOptions};
use hoinghi::store::key::Passphrase;
use hoinghi::store::{Missing, Store, vault};

const PEOPLE: usize = 10_000;
/// Fewer under Wine, where each start of the binary takes a second or more.
const KILLS: u32 = if cfg!(windows) { 6 } else { 16 };
const FIRST: &str = "mật khẩu thứ nhất";
const SECOND: &str = "mật khẩu thứ hai";

fn make_file(dir: &Path) -> std::path::PathBuf {
    let mut csv = String::from("STT,Họ và tên,Đơn vị,Số điện thoại\n");
    for i in 0..PEOPLE {
        writeln!(
            csv,
            "{},Nguyễn Văn Người {i},Công an xã số {},09{:08}",
            i + 1,
            i % 80,
            i
        )
        .unwrap();
    }
    let path = dir.join("ds.csv");
    std::fs::write(&path, csv).unwrap();
    let db = dir.join("hội nghị.sqlite");
    let store = Store::open_keyed(&db, Missing::Create, None).unwrap();
    let plan = import::prepare(
        Kind::Attendees,
        &path,
        &ReadOptions::default(),
        &Choices::default(),
        &Known::default(),
    )
    .unwrap();
    import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
    db
}

/// What the file is now: open (`None`) or locked with one of the two passphrases.
fn state(db: &Path) -> Option<&'static str> {
    for (pass, name) in [
        (None, None),
        (Some(FIRST), Some(FIRST)),
        (Some(SECOND), Some(SECOND)),
    ] {
        let key = pass.map(|p| Passphrase::new(p).unwrap());
        if let Ok(store) = Store::open_read_only_keyed(db, key.as_ref()) {
            assert_eq!(store.is_locked(), key.is_some());
            assert_eq!(
                store.stats().unwrap().attendees,
                i64::try_from(PEOPLE).unwrap(),
                "every person is in the file after a kill"
            );
            return name;
        }
    }
    panic!("after a kill the file opens neither as it was nor as it was to become");
}

/// The next conversion from where the file is, with the passphrases it needs.
fn next(db: &Path, now: Option<&str>, round: u32) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hoinghi"));
    cmd.env_remove("HOINGHI_PASSPHRASE")
        .env_remove("HOINGHI_NEW_PASSPHRASE")
        .env("HOINGHI_DATA_DIR", db.parent().unwrap().join("data"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    match now {
        None => cmd.arg("lock").env("HOINGHI_PASSPHRASE", FIRST),
        Some(old) if round.is_multiple_of(2) => {
            let new = if old == FIRST { SECOND } else { FIRST };
            cmd.arg("rekey")
                .env("HOINGHI_PASSPHRASE", old)
                .env("HOINGHI_NEW_PASSPHRASE", new)
        }
        Some(old) => cmd.arg("unlock").env("HOINGHI_PASSPHRASE", old),
    };
    cmd.arg("--db").arg(db);
    cmd
}

fn run_for(mut cmd: Command, at_most: Option<Duration>) -> (ExitStatus, Duration) {
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap();
    if let Some(wait) = at_most {
        std::thread::sleep(wait);
        // SIGKILL on Unix, TerminateProcess on Windows: no chance to tidy up.
        let _ = child.kill();
    }
    let status = child.wait().unwrap();
    (status, started.elapsed())
}

#[test]
fn a_conversion_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = make_file(dir.path());
    // One whole conversion first, to know how long one takes here.
    let (status, whole) = run_for(next(&db, None, 0), None);
    assert!(status.success());
    assert_eq!(state(&db), Some(FIRST));
    let mut now = Some(FIRST);
    let (mut killed, mut old_kept, mut new_in_place) = (0, 0, 0);
    for round in 1..=KILLS {
        // Spread over the whole run, process start included.
        let at = whole * round / (KILLS + 1);
        let before = now;
        let (status, _) = run_for(next(&db, now, round), Some(at));
        // Killed, or finished: a conversion that failed on its own is a bug. (Windows
        // reports a killed process as exit code 1, so only Unix can tell the two apart.)
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt as _;
            assert!(
                status.success() || status.signal().is_some(),
                "round {round}: the conversion failed by itself ({status})"
            );
        }
        killed += u32::from(!status.success());
        now = state(&db);
        if now == before {
            old_kept += 1;
        } else {
            new_in_place += 1;
        }
    }
    eprintln!(
        "one conversion of {PEOPLE} people: {whole:?}; {KILLS} kills: {killed} mid-way, \
         {old_kept} left the old file, {new_in_place} the new one"
    );
    assert!(killed > 0, "at least one run was killed before it ended");
    // A leftover half-written file is cleared by the next conversion.
    let first = Passphrase::new(FIRST).unwrap();
    if let Some(p) = now {
        vault::unlock(&db, &Passphrase::new(p).unwrap(), None).unwrap();
    } else {
        vault::lock(&db, &first, None).unwrap();
        vault::unlock(&db, &first, None).unwrap();
    }
    assert!(!vault::partial_path(&db).exists());
    assert_eq!(state(&db), None);
}
