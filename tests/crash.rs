//! Kill the real binary while it checks people in and imports, over and over, and check
//! after every kill that the file is whole, every acknowledged write is there and every
//! import is there entirely or not at all.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use hoinghi::store::{Missing, Store};

/// Fewer under Wine, where each start of the worker takes a second or more.
const KILLS: usize = if cfg!(windows) { 20 } else { 60 };
const BATCH: usize = 2000;

/// A small xorshift, so each run kills at other moments without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[derive(Default)]
struct Acked {
    check_ins: HashSet<String>,
    imports: HashSet<i64>,
}

/// Starts the worker, lets it run for `ms` after its first acknowledged write, kills it
/// (SIGKILL on Unix, `TerminateProcess` on Windows) and returns what it acknowledged.
/// The clock starts at the first write because starting a process takes 10 ms on Linux
/// and 300 ms under Wine.
fn run_and_kill(db: &Path, ms: u64, acked: &mut Acked) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(["stress", "--batch", &BATCH.to_string(), "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut stdout = BufReader::new(stdout);
        let mut line = Vec::new();
        // A last line cut by the kill before its newline is not acknowledged.
        while stdout.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) && line.ends_with(b"\n") {
            let _ = tx.send(String::from_utf8_lossy(&line).trim_end().to_owned());
            line.clear();
        }
    });
    let first = rx.recv_timeout(Duration::from_mins(1));
    std::thread::sleep(Duration::from_millis(ms));
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    let lines: Vec<String> = first.into_iter().chain(rx.try_iter()).collect();
    for line in lines {
        let parts: Vec<&str> = line.split(' ').collect();
        match parts.as_slice() {
            ["check-in", id] => {
                acked.check_ins.insert((*id).to_owned());
            }
            ["import", k, _] => {
                acked.imports.insert(k.parse().unwrap());
            }
            _ => {}
        }
    }
}

/// Checks the file after a kill; returns how many records it looked at.
fn check(db: &Path, acked: &Acked) -> usize {
    let store = Store::open(db, Missing::Refuse).expect("the file opens after a kill");
    let conn = store.conn();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let open_change: Option<i64> = conn
        .query_row("SELECT change_id FROM history_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(open_change, None, "no half-recorded change left behind");
    // An import sets the attendee insert trigger aside inside its transaction.
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'attendee_history_insert'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        triggers, 1,
        "the attendee insert trigger survives a kill mid-import"
    );

    let mut checked = 0;
    for id in &acked.check_ins {
        let at: Option<String> = conn
            .query_row(
                "SELECT checked_in_at FROM attendee WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(at.is_some(), "acknowledged check-in {id} is in the file");
        checked += 1;
    }
    let mut batches: BTreeMap<String, usize> = BTreeMap::new();
    let mut st = conn
        .prepare("SELECT unit, count(*) FROM attendee WHERE unit LIKE 'Đợt nhập %' GROUP BY unit")
        .unwrap();
    for row in st
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .unwrap()
    {
        let (unit, n) = row.unwrap();
        let n = usize::try_from(n).unwrap();
        assert_eq!(n, BATCH, "{unit} is all there or not at all");
        batches.insert(unit, n);
        checked += n;
    }
    for k in &acked.imports {
        assert!(
            batches.contains_key(&hoinghi::stress::batch_unit(*k)),
            "acknowledged import {k} is in the file"
        );
    }
    checked
}

#[test]
fn kills_lose_no_acknowledged_write_and_no_half_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hoi-nghi.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    drop(store);

    // A failure is replayed with HOINGHI_CRASH_SEED set to the seed it printed.
    let seed = std::env::var("HOINGHI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            u64::try_from(nanos % u128::from(u64::MAX)).unwrap()
        });
    eprintln!("crash test seed: {seed} (HOINGHI_CRASH_SEED={seed} replays it)");
    let mut rng = Rng(seed | 1);
    let mut acked = Acked::default();
    let mut records_checked = 0;
    for _ in 0..KILLS {
        run_and_kill(&db, 5 + rng.below(300), &mut acked);
        records_checked += check(&db, &acked);
    }
    // The kills landed while there was work going on, of both kinds.
    assert!(
        acked.check_ins.len() > KILLS,
        "check-ins: {}",
        acked.check_ins.len()
    );
    assert!(acked.imports.len() > 2, "imports: {}", acked.imports.len());
    // And the file still works as it should: the last change can be undone.
    let store = Store::open(&db, Missing::Refuse).unwrap();
    assert!(store.undo().unwrap().is_some());
    eprintln!(
        "{KILLS} kills survived; {} acknowledged check-ins and {} imports of {BATCH}; \
         {records_checked} record checks",
        acked.check_ins.len(),
        acked.imports.len()
    );
}
