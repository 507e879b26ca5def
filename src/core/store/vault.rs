//! Locking a conference file with a passphrase, changing it, and unlocking it.
//!
//! The engine is `SQLCipher` (AES-256 in CBC mode with an HMAC-SHA512 on every page, the
//! key derived from the passphrase by PBKDF2-HMAC-SHA512 with 256,000 rounds and a random
//! salt: its defaults, which are its recommended strength). hoinghi writes no crypto of its own.
//!
//! A conversion works as a backup does: `sqlcipher_export` writes a whole new file beside
//! the old one, the new file is opened with its new passphrase and checked (integrity,
//! schema version, the number of records and of history entries), flushed to disk, then
//! renamed over the old one. A crash at any moment leaves the old file or the new one.

use std::path::{Path, PathBuf};

use rusqlite::params;

use super::key::Passphrase;
use super::{Missing, Store, schema};
use crate::error::{Error, Result};

/// What a conversion did to the file's snapshots (backups) besides the file itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Converted {
    /// Snapshots now locked (or unlocked) like the file.
    pub snapshots: usize,
    /// Snapshots that could not be converted (made with another passphrase, or damaged):
    /// left as they were.
    pub snapshots_left: usize,
}

/// Whether a file that does not start like a `SQLite` file may be a locked one: a
/// `SQLCipher` file is random bytes from its first page on, a whole number of pages long.
/// Spreadsheets, Word, PDF and text files are told apart by their first bytes.
pub(crate) fn looks_locked(path: &Path, header: &[u8]) -> bool {
    const OTHER_FORMATS: [&[u8]; 5] = [
        b"PK\x03\x04",
        b"%PDF",
        b"\xD0\xCF\x11\xE0",
        b"{\\rtf",
        b"\xEF\xBB\xBF",
    ];
    let len = std::fs::metadata(path).map_or(0, |m| m.len());
    let text = header
        .iter()
        .all(|&b| b == b'\t' || b == b'\n' || b == b'\r' || (0x20..0x7F).contains(&b));
    len >= 1024
        && len.is_multiple_of(512)
        && !text
        && !OTHER_FORMATS.iter().any(|m| header.starts_with(m))
}

/// Locks an open (unlocked) file with `passphrase`, and its snapshots in `snapshots`.
///
/// # Errors
/// The file is locked already, cannot be read, or the new file could not be written and
/// checked (the old one is then untouched).
pub fn lock(path: &Path, passphrase: &Passphrase, snapshots: Option<&Path>) -> Result<Converted> {
    convert(path, None, Some(passphrase), snapshots)
}

/// Unlocks a locked file (and its snapshots): it opens again without a passphrase.
///
/// # Errors
/// As [`lock`]; also a wrong passphrase.
pub fn unlock(path: &Path, passphrase: &Passphrase, snapshots: Option<&Path>) -> Result<Converted> {
    convert(path, Some(passphrase), None, snapshots)
}

/// Changes the passphrase of a locked file (and of its snapshots).
///
/// # Errors
/// As [`unlock`].
pub fn rekey(
    path: &Path,
    old: &Passphrase,
    new: &Passphrase,
    snapshots: Option<&Path>,
) -> Result<Converted> {
    convert(path, Some(old), Some(new), snapshots)
}

fn convert(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    snapshots: Option<&Path>,
) -> Result<Converted> {
    convert_one(path, from, to, true)?;
    let mut done = Converted::default();
    let Some(dir) = snapshots else {
        return Ok(done);
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(done);
    };
    for snap in entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
    {
        match convert_one(&snap, from, to, false) {
            Ok(()) => done.snapshots += 1,
            Err(e) => {
                tracing::warn!(snapshot = %snap.display(), "snapshot not converted: {e}");
                done.snapshots_left += 1;
            }
        }
    }
    Ok(done)
}

/// The file a conversion writes before it takes the old one's place.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".converting");
    PathBuf::from(name)
}

/// What must be the same in the old file and the new one.
fn fingerprint(conn: &rusqlite::Connection) -> Result<(i64, i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM attendee) + (SELECT count(*) FROM question)
              + (SELECT count(*) FROM gift) + (SELECT count(*) FROM commendation),
                (SELECT count(*) FROM history_step),
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

fn convert_one(
    path: &Path,
    from: Option<&Passphrase>,
    to: Option<&Passphrase>,
    main_file: bool,
) -> Result<()> {
    let source = if main_file {
        Store::open_keyed(path, Missing::Refuse, from)?
    } else {
        // A snapshot is read as it is; an old one is brought up to date when restored.
        Store::open_snapshot(path, from)?
    };
    match (source.is_locked(), from.is_some()) {
        (true, false) => {
            return Err(Error::Locked {
                path: path.to_owned(),
            });
        }
        (false, true) => {
            return Err(Error::NotLocked {
                path: path.to_owned(),
            });
        }
        _ => {}
    }
    let conn = source.conn();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let before = fingerprint(conn)?;
    let tmp = partial_path(path);
    remove_with_journals(&tmp);
    let written = (|| -> Result<()> {
        let target = crate::paths::for_sqlite(&tmp);
        let target = target
            .to_str()
            .ok_or_else(|| Error::Invalid(format!("tên tệp {} không đọc được", path.display())))?;
        conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            params![target, to.map_or("", Passphrase::as_str)],
        )?;
        let exported = conn
            .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
            .map_err(Error::from)
            .and_then(|()| {
                conn.pragma_update(Some("converted"), "user_version", version)?;
                conn.pragma_update(Some("converted"), "application_id", schema::APPLICATION_ID)?;
                Ok(())
            });
        conn.execute("DETACH DATABASE converted", [])?;
        exported?;
        // Read back through the new passphrase, as the next start will.
        let check = Store::open_snapshot(&tmp, to)?;
        let after = fingerprint(check.conn())?;
        let check_version: i64 = check
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        drop(check);
        if after != before || check_version != version || to.is_some() == is_plain(&tmp)? {
            return Err(Error::Invalid(format!(
                "bản chuyển đổi của tệp {} không khớp với tệp gốc",
                path.display()
            )));
        }
        sync_file(&tmp)
    })();
    if let Err(e) = written {
        remove_with_journals(&tmp);
        return Err(e);
    }
    // Everything the write-ahead log held is in the new file; the old file's log must be
    // empty before the new file takes its name, or it would be replayed onto the new one.
    if main_file {
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        })?;
    }
    source.close()?;
    let wal = sidecar(path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        remove_with_journals(&tmp);
        return Err(Error::Invalid(format!(
            "tệp {} đang được một chương trình khác mở; hãy đóng nó rồi thử lại",
            path.display()
        )));
    }
    std::fs::rename(&tmp, path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    sync_dir(path);
    Ok(())
}

fn is_plain(path: &Path) -> Result<bool> {
    use std::io::Read as _;
    let mut header = [0u8; 16];
    let mut f = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    f.read_exact(&mut header).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(&header == super::SQLITE_MAGIC)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_with_journals(path: &Path) {
    for p in [
        path.to_owned(),
        sidecar(path, "-journal"),
        sidecar(path, "-wal"),
        sidecar(path, "-shm"),
    ] {
        let _ = std::fs::remove_file(p);
    }
}

/// Flushes a written file to disk. Opened for writing: Windows flushes only through a
/// handle that may write (a read-only one is refused with "access denied").
pub(crate) fn sync_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|f| f.sync_all())
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })
}

/// Makes the rename itself durable where the system allows it (not on Windows, where a
/// folder cannot be opened as a file; NTFS journals the rename).
fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    #[cfg(not(unix))]
    let _ = path;
}
