//! One window per conference file: an exclusive lock on a small file beside it
//! (`hoi-nghi.sqlite.lock`), held while the window has the file open. The operating
//! system drops the lock when the process ends, so a crash never leaves a file locked.
//! The lock is on a separate file because `SQLite` locks byte ranges of the database itself.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

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
