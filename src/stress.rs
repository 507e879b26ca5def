//! The worker the crash tests kill: real check-ins and real imports on a conference
//! file, each acknowledged on stdout only after its transaction has committed.
//!
//! `check-in <id>` and `import <batch> <rows>` lines are promises: whatever the worker
//! printed before it was killed must be in the file afterwards.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use rusqlite::OptionalExtension as _;

use crate::error::{Error, Result};
use crate::import::{Choices, Kind, Known, OnDuplicate, ReadOptions};
use crate::store::{Missing, Store};

/// The unit that marks the attendees of import batch `k`.
pub fn batch_unit(k: i64) -> String {
    format!("Đợt nhập {k}")
}

/// Checks people in one change at a time; every 25th step imports `batch` new people
/// from a CSV file in one change. Runs until killed, or for `steps` steps.
pub fn run(db: &Path, batch: usize, steps: Option<usize>) -> Result<()> {
    let store = Store::open(db, Missing::Create)?;
    let mut out = std::io::stdout().lock();
    let io = |source| Error::Io {
        path: "stdout".into(),
        source,
    };
    for step in 0.. {
        if steps.is_some_and(|n| step >= n) {
            return Ok(());
        }
        let next: Option<String> = store
            .conn()
            .query_row(
                "SELECT id FROM attendee WHERE checked_in_at IS NULL LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match next {
            Some(id) if step % 25 != 0 => {
                let stamp = crate::domain::date::now_stamp();
                store.change("Điểm danh", |s| s.set_checked_in(&id, Some(&stamp)))?;
                writeln!(out, "check-in {id}").map_err(io)?;
            }
            _ => {
                let k = import_batch(&store, db, batch)?;
                writeln!(out, "import {k} {batch}").map_err(io)?;
            }
        }
        out.flush().map_err(io)?;
    }
    Ok(())
}

fn import_batch(store: &Store, db: &Path, batch: usize) -> Result<i64> {
    let k: i64 = store.conn().query_row(
        "SELECT count(DISTINCT unit) + 1 FROM attendee WHERE unit LIKE 'Đợt nhập %'",
        [],
        |r| r.get(0),
    )?;
    let unit = batch_unit(k);
    let mut csv = String::from("STT;Họ và tên;Cấp bậc;Đơn vị;Số điện thoại\n");
    for i in 0..batch {
        let _ = writeln!(csv, "{};Cán Bộ {k} Số {i};Đại úy;{unit};", i + 1);
    }
    let file = db.with_extension(format!("batch{k}.csv"));
    std::fs::write(&file, csv).map_err(|source| Error::Io {
        path: file.clone(),
        source,
    })?;
    let known = Known::load(store, Kind::Attendees)?;
    let result = crate::import::prepare(
        Kind::Attendees,
        &file,
        &ReadOptions::default(),
        &Choices::default(),
        &known,
    )
    .and_then(|plan| {
        crate::import::apply(store, &plan, OnDuplicate::Skip, false, &mut |_, _| true)
    });
    let _ = std::fs::remove_file(&file);
    let summary = result?;
    if summary.imported != batch {
        return Err(Error::Invalid(format!(
            "đợt {k}: nhập {} dòng thay vì {batch}",
            summary.imported
        )));
    }
    Ok(k)
}
