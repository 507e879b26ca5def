//! One window per conference file: an exclusive lock on a small file beside it
//! (`hoi-nghi.sqlite.lock`), held while the window has the file open. The operating
//! system drops the lock when the process ends, so a crash never leaves a file locked.
//! The lock is on a separate file because `SQLite` locks byte ranges of the database itself.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use super::{Missing, Store};
use crate::error::{Error, Result};

/// The held lock; dropping it releases the file.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

/// What trying to take the lock found.
#[derive(Debug)]
pub enum Lock {
    Acquired(FileLock),
    /// Another hoinghi window has the file open.
    HeldElsewhere,
    /// No lock file can be made here (read-only folder or media); go on without one.
    Unavailable(std::io::Error),
}

impl FileLock {
    /// The lock file of a conference file.
    pub fn path_for(db: &Path) -> PathBuf {
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        PathBuf::from(name)
    }

    pub fn try_acquire(db: &Path) -> Lock {
        let path = Self::path_for(db);
        let file = match OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) => return Lock::Unavailable(e),
        };
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => Lock::Acquired(Self { _file: file, path }),
            Err(fs4::TryLockError::WouldBlock) => Lock::HeldElsewhere,
            Err(fs4::TryLockError::Error(e)) => Lock::Unavailable(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Opens a conference file to write, refusing one a window or a host holds: two writers
/// would each think their view of the file current. Where no lock file can be made
/// (read-only folder) `SQLite`'s own locking is all there is, as in the window. The
/// command line's writers (`import`, `demo`, `desk-file`) and `serve` open files so.
///
/// # Errors
/// The folder cannot be made, another window or host holds the file, or it cannot be
/// opened.
pub fn open_to_write(db: &Path) -> Result<(Store, Option<FileLock>)> {
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?;
    }
    let lock = match FileLock::try_acquire(db) {
        Lock::Acquired(lock) => Some(lock),
        Lock::HeldElsewhere => {
            return Err(Error::HeldElsewhere {
                path: db.to_owned(),
            });
        }
        Lock::Unavailable(_) => None,
    };
    Ok((Store::open(db, Missing::Create)?, lock))
}
