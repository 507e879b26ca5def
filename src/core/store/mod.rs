//! The conference file: one `SQLite` database per conference.
//!
//! Opening inspects the file read-only first, so that a file which is not ours,
//! is corrupt or is newer than this build is refused without a single byte written.

mod attendees;
pub mod backup;
mod commendations;
mod conference;
pub(crate) mod connect;
mod follow_up;
mod gifts;
pub mod history;
pub mod key;
mod lists;
pub mod lock;
mod programme;
mod questions;
pub mod schema;
mod stats;
pub mod vault;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

pub use attendees::BulkAttendees;
pub use follow_up::DEPARTMENTS;
pub use key::Passphrase;
pub use lists::{List, ListEntry};
pub use stats::Stats;

use crate::error::{Error, Result};

/// An open conference file.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
    /// The passphrase the file is locked with; `None` for an open (unlocked) file.
    key: Option<Passphrase>,
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
    /// A locked file is opened with the passphrase the keyring holds for it; a new file
    /// is created locked when a passphrase was kept for its own path.
    pub fn open(path: &Path, missing: Missing) -> Result<Self> {
        let key = if path.exists() {
            key::for_existing(path)
        } else {
            key::for_new(path)
        };
        Self::open_keyed(path, missing, key.as_ref())
    }

    /// Opens (or creates) a conference file with this passphrase. An open (unlocked)
    /// file ignores it; a new or empty file is created locked with it.
    pub fn open_keyed(path: &Path, missing: Missing, key: Option<&Passphrase>) -> Result<Self> {
        let exists = path.exists();
        if !exists && missing == Missing::Refuse {
            return Err(Error::Missing {
                path: path.to_owned(),
            });
        }
        let (key, looked) = if exists {
            let (found, conn) = inspect(path, key, Use::Write)?;
            (found.locked.then(|| key.cloned()).flatten(), conn)
        } else {
            (key.cloned(), None)
        };
        let conn = writer(path, looked, key.as_ref())?;
        let mut store = Self {
            conn,
            path: Some(path.to_owned()),
            read_only: false,
            key,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing conference file without ever writing to it.
    pub fn open_read_only(path: &Path) -> Result<Self> {
        Self::open_read_only_keyed(path, key::for_existing(path).as_ref())
    }

    /// Opens an existing conference file read-only, with this passphrase if it is locked.
    pub fn open_read_only_keyed(path: &Path, key: Option<&Passphrase>) -> Result<Self> {
        if !path.exists() {
            return Err(Error::Missing {
                path: path.to_owned(),
            });
        }
        let (found, looked) = inspect(path, key, Use::Read)?;
        if found.version < schema::latest_version() {
            return Err(Error::NeedsUpgrade {
                path: path.to_owned(),
            });
        }
        let key = found.locked.then(|| key.cloned()).flatten();
        let conn = match looked {
            Some(conn) => conn,
            None => connect::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX
                    | OpenFlags::SQLITE_OPEN_URI,
            )?,
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            read_only: true,
            key,
        })
    }

    /// Opens a file as it is, read and write, with no upgrade and no change of journal:
    /// a snapshot, or a file a conversion just wrote.
    pub(crate) fn open_snapshot(path: &Path, key: Option<&Passphrase>) -> Result<Self> {
        let (found, looked) = inspect(path, key, Use::Write)?;
        let key = found.locked.then(|| key.cloned()).flatten();
        let conn = writer(path, looked, key.as_ref())?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Self {
            conn,
            path: Some(path.to_owned()),
            read_only: false,
            key,
        })
    }

    /// Closes the file now, reporting what closing found (the last connection to a
    /// file checkpoints its write-ahead log and removes it).
    pub fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| Error::from(e))
    }

    /// A conference held only in memory (tests, benchmarks).
    pub fn open_in_memory() -> Result<Self> {
        let conn = connect::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            read_only: false,
            key: None,
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

    /// Whether the file is locked by a passphrase.
    pub fn is_locked(&self) -> bool {
        self.key.is_some()
    }

    /// The passphrase the file is locked with (copies of it are locked with it too).
    pub fn passphrase(&self) -> Option<&Passphrase> {
        self.key.as_ref()
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
    /// The copy of a locked file is locked with the same passphrase.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        // Its own name: two copies to one place at once (two windows, a snapshot in the
        // same second) must not write into, or delete, each other's.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dest.with_extension(format!("sqlite.{}-{n}.partial", std::process::id()));
        let _ = std::fs::remove_file(&tmp);
        let copy = || -> Result<()> {
            let mut out = connect::open(&tmp)?;
            apply_key(&out, self.key.as_ref())?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            backup.run_to_completion(1024, std::time::Duration::ZERO, None)?;
            drop(backup);
            out.close().map_err(|(_, e)| e)?;
            std::fs::rename(&tmp, dest).map_err(|source| Error::Io {
                path: dest.to_owned(),
                source,
            })
        };
        copy().inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

/// The connection to write through: the one that inspected a locked file, or a new one
/// (given its passphrase when the file is new and to be locked).
fn writer(path: &Path, looked: Option<Connection>, key: Option<&Passphrase>) -> Result<Connection> {
    if let Some(conn) = looked {
        return Ok(conn);
    }
    let conn = connect::open(path)?;
    apply_key(&conn, key)?;
    Ok(conn)
}

/// Gives a connection its passphrase before anything else reads the file.
pub(crate) fn apply_key(conn: &Connection, key: Option<&Passphrase>) -> Result<()> {
    if let Some(key) = key {
        // SQLCipher writes its errors (a wrong passphrase is one) to stderr, in English,
        // where the command line's messages go; hoinghi says what happened itself.
        conn.pragma_update(None, "cipher_log_level", "NONE")?;
        conn.pragma_update(None, "key", key.as_str())?;
    }
    Ok(())
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

/// What looking at a file found.
#[derive(Debug, Clone, Copy)]
struct Found {
    version: i64,
    /// Locked by a passphrase (and the one given opens it).
    locked: bool,
}

/// How the caller goes on to use a file it inspects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Read,
    Write,
}

/// Looks at an existing file without writing to it: its schema version, and whether it
/// is locked. Refuses anything that is not an empty file, an empty `SQLite` database or
/// a hoinghi file; a locked file without its passphrase, or with a wrong one.
///
/// A locked file is looked at through the connection the caller then keeps (opened for
/// `usage`, nothing written while looking), so its key is derived once, not twice: the
/// derivation is the slow part of opening it.
fn inspect(
    path: &Path,
    key: Option<&Passphrase>,
    usage: Use,
) -> Result<(Found, Option<Connection>)> {
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
        // An empty file becomes a new conference, locked when a passphrase is given.
        let found = Found {
            version: 0,
            locked: key.is_some(),
        };
        return Ok((found, None));
    }
    let locked = header.as_slice() != SQLITE_MAGIC;
    if locked {
        if !vault::looks_locked(path, &header) {
            return Err(Error::NotHoinghi {
                path: path.to_owned(),
                detail: "đây không phải là tệp cơ sở dữ liệu SQLite".into(),
            });
        }
        if key.is_none() {
            return Err(Error::Locked {
                path: path.to_owned(),
            });
        }
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
        // A locked file read with a wrong passphrase looks like no database at all.
        Some(rusqlite::ErrorCode::NotADatabase) if locked => Error::WrongPassphrase {
            path: path.to_owned(),
        },
        _ => Error::Corrupt {
            path: path.to_owned(),
            detail: e.to_string(),
        },
    };
    let flags = match (locked, usage) {
        // CREATE as `Connection::open` has it: the file exists, but a database attached
        // later (a conversion's new file) is created with the main one's flags.
        (true, Use::Write) => {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI
        }
        (true, Use::Read) => {
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI
        }
        (false, _) => OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    };
    let conn = connect::open_with_flags(path, flags).map_err(corrupt)?;
    // A connection that may write checkpoints the write-ahead log into the file when it
    // closes, and a refused file must keep its bytes: no checkpoint until it is accepted.
    let writes = locked && usage == Use::Write;
    if writes {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(corrupt)?;
    }
    let keep = |conn: Connection| -> Result<Option<Connection>> {
        if writes {
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        }
        Ok(locked.then_some(conn))
    };
    if locked {
        apply_key(&conn, key).map_err(|e| match e {
            Error::Sqlite(e) => corrupt(e),
            e => e,
        })?;
        // The check below decrypts every page; the cache the kept connection will have
        // keeps them, so loading the file afterwards does not decrypt them again.
        conn.pragma_update(None, "cache_size", -65_536)
            .map_err(corrupt)?;
    }
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
            return Ok((Found { version: 0, locked }, keep(conn)?));
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
    Ok((Found { version, locked }, keep(conn)?))
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
