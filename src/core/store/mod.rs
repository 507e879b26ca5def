//! The conference file: one `SQLite` database per conference.
//!
//! Opening inspects the file read-only first, so that a file which is not ours,
//! is corrupt or is newer than this build is refused without a single byte written.

mod attendees;
pub mod backup;
mod commendations;
mod conference;
mod gifts;
pub mod history;
mod lists;
pub mod lock;
mod programme;
mod questions;
pub mod schema;
mod stats;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use attendees::BulkAttendees;
pub use lists::{List, ListEntry};
pub use stats::Stats;

use crate::error::{Error, Result};

/// An open conference file.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
}

/// How to treat a path that does not exist yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Create a new, empty conference file.
    Create,
    /// Refuse: the caller only reads.
    Refuse,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A fresh id for a record: a UUID (v7: time-ordered, with 74 random bits), so files
/// from several laptops can be merged, and a bulk import appends to the index in order.
/// Adds an attendee under an id chosen elsewhere (a desk's walk-in).
pub(crate) fn insert_attendee(
    conn: &Connection,
    id: &str,
    d: &crate::domain::AttendeeData,
) -> crate::error::Result<()> {
    attendees::insert(conn, id, d, &now())
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn now() -> String {
    crate::domain::date::now_stamp()
}

impl Store {
    /// Opens (or with [`Missing::Create`], creates) a conference file for reading and writing.
    pub fn open(path: &Path, missing: Missing) -> Result<Self> {
        let exists = path.exists();
        if !exists && missing == Missing::Refuse {
            return Err(Error::Missing {
                path: path.to_owned(),
            });
        }
        if exists {
            inspect(path)?;
        }
        let conn = Connection::open(crate::paths::for_sqlite(path))?;
        let mut store = Self {
            conn,
            path: Some(path.to_owned()),
            read_only: false,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing conference file without ever writing to it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_owned(),
            });
        }
        let version = inspect(path)?;
        if version < schema::latest_version() {
            return Err(Error::NeedsUpgrade {
                path: path.to_owned(),
            });
        }
        let conn = Connection::open_with_flags(
            crate::paths::for_sqlite(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            read_only: true,
        })
    }

    /// A conference held only in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            read_only: false,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// The file this store reads, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The underlying connection, for the import and export layers.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn writable(&self) -> Result<()> {
        if self.read_only {
            Err(Error::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// PRAGMAs are set outside any transaction. WAL with synchronous=FULL: every
    /// acknowledged edit is on disk even if the laptop loses power a moment later.
    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if self.path.is_some() {
            let mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Invalid(format!(
                    "không bật được chế độ WAL (được {mode})"
                )));
            }
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        // 64 MiB of page cache: a 100,000-person import keeps its indexes in memory.
        self.conn.pragma_update(None, "cache_size", -65_536)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// Brings the schema to the latest version, step by step, in one IMMEDIATE transaction.
    fn migrate(&mut self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let latest = schema::latest_version();
        if version > latest {
            return Err(Error::TooNew {
                path: self.path.clone().unwrap_or_default(),
                found: version,
                supported: latest,
            });
        }
        if version == latest {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (i, step) in schema::MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(version).unwrap_or(0))
        {
            tx.execute_batch(step)?;
            tx.pragma_update(
                None,
                "user_version",
                i64::try_from(i + 1).unwrap_or(i64::MAX),
            )?;
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            seed(&tx)?;
        }
        // Data a step's new table starts with, for new files and upgraded ones alike.
        if version < 4 {
            seed_offices(&tx)?;
        }
        if version < 6 {
            attendees::fill_badge_codes(&tx)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Number of records of every kind (attendees, questions, gifts, commendations).
    pub fn record_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM attendee) + (SELECT count(*) FROM question)
                  + (SELECT count(*) FROM gift) + (SELECT count(*) FROM commendation)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Writes a consistent copy of the open file to `dest` with `SQLite`'s backup API.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        let tmp = dest.with_extension("sqlite.partial");
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .backup(
                rusqlite::MAIN_DB,
                crate::paths::for_sqlite(&tmp),
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(Error::from)
            .and_then(|()| {
                std::fs::rename(&tmp, dest).map_err(|source| Error::Io {
                    path: dest.to_owned(),
                    source,
                })
            })
            .inspect_err(|_| {
                let _ = std::fs::remove_file(&tmp);
            })
    }
}

/// What a brand-new file starts with: the conference row, topics and commendation kinds.
fn seed(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let now = now();
    let c = crate::domain::Conference::new_file_defaults();
    tx.execute(
        "INSERT INTO conference (id, signer_left_title, signer_right_title, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?3)",
        (&c.signer_left_title, &c.signer_right_title, &now),
    )?;
    for (i, name) in crate::domain::question::DEFAULT_TOPICS.iter().enumerate() {
        tx.execute(
            "INSERT INTO topic (id, name, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            (new_id(), name, i64::try_from(i).unwrap_or(0), &now),
        )?;
    }
    for (i, name) in crate::domain::commendation::DEFAULT_KINDS
        .iter()
        .enumerate()
    {
        tx.execute(
            "INSERT INTO commendation_kind (id, name, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            (new_id(), name, i64::try_from(i).unwrap_or(0), &now),
        )?;
    }
    Ok(())
}

/// The ladder of offices a file starts with (protocol order).
fn seed_offices(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let now = now();
    for (i, (name, aliases)) in crate::domain::protocol::SEED.iter().enumerate() {
        tx.execute(
            "INSERT INTO office (id, name, aliases, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            (new_id(), name, aliases, i64::try_from(i).unwrap_or(0), &now),
        )?;
    }
    Ok(())
}

/// Looks at an existing file without writing to it and returns its schema version.
/// Refuses anything that is not an empty file, an empty `SQLite` database or a hoinghi file.
fn inspect(path: &Path) -> Result<i64> {
    let io_err = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io_err)?;
    let mut header = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(io_err)?;
    drop(file);
    if header.is_empty() {
        return Ok(0);
    }
    if header.as_slice() != SQLITE_MAGIC {
        return Err(Error::NotHoinghi {
            path: path.to_owned(),
            detail: "đây không phải là tệp cơ sở dữ liệu SQLite".into(),
        });
    }
    // Only SQLite's own verdict makes a file "corrupt"; a disk that is full or gone
    // is said to be so, since the file itself may be fine.
    let corrupt = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => Error::Sqlite(e),
        Some(rusqlite::ErrorCode::SystemIoFailure | rusqlite::ErrorCode::CannotOpen) => {
            Error::Disk {
                path: path.to_owned(),
                detail: e.to_string(),
            }
        }
        _ => Error::Corrupt {
            path: path.to_owned(),
            detail: e.to_string(),
        },
    };
    let conn = Connection::open_with_flags(
        crate::paths::for_sqlite(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(corrupt)?;
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(corrupt)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(corrupt)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(corrupt)?;
    if app_id != schema::APPLICATION_ID {
        if app_id == 0 && objects == 0 {
            return Ok(0);
        }
        return Err(Error::NotHoinghi {
            path: path.to_owned(),
            detail: "đây là cơ sở dữ liệu của một ứng dụng khác".into(),
        });
    }
    if version > schema::latest_version() {
        return Err(Error::TooNew {
            path: path.to_owned(),
            found: version,
            supported: schema::latest_version(),
        });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(corrupt)?;
    if check != "ok" {
        return Err(Error::Corrupt {
            path: path.to_owned(),
            detail: check,
        });
    }
    Ok(version)
}

impl Store {
    /// Runs `f` inside one read transaction, so what it reads is one moment of the file
    /// even while another connection writes (an export reads every table this way).
    /// Inside a transaction already open it joins that one.
    pub fn read_snapshot<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let out = f(self)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in one IMMEDIATE transaction: all of it is committed, or none of it.
    /// Inside a change already open (see [`Store::change`]) it joins that one.
    pub fn in_transaction<T>(&self, f: impl FnOnce(&Self) -> Result<T>) -> Result<T> {
        self.writable()?;
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let out = f(self)?;
        tx.commit()?;
        Ok(out)
    }
}
