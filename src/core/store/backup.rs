//! Rotating snapshots of a conference file, taken with `SQLite`'s backup API (consistent
//! while the file is open): `<data folder>/backups/<file name>/<time>-<reason>.sqlite`.
//! Restoring copies a snapshot into the open file through the same API, after taking a
//! snapshot of the current state, so a restore can itself be undone.
//!
//! The snapshots of a locked file are locked with its passphrase. Beside each one a small
//! `.json` file keeps its counts (numbers only, no names), so the list of snapshots is
//! drawn without deriving a key for every one of them.

use std::path::{Path, PathBuf};

use super::{Passphrase, Store};
use crate::error::{Error, Result};

/// How many snapshots of one file are kept; the oldest go first.
pub const KEEP: usize = 30;

/// Why a snapshot was taken (part of its file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Opened,
    Periodic,
    BeforeImport,
    BeforeRestore,
    Manual,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Self::Opened => "mo-tep",
            Self::Periodic => "dinh-ky",
            Self::BeforeImport => "truoc-khi-nhap",
            Self::BeforeRestore => "truoc-khi-khoi-phuc",
            Self::Manual => "thu-cong",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Opened,
            Self::Periodic,
            Self::BeforeImport,
            Self::BeforeRestore,
            Self::Manual,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

/// A snapshot on disk with what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub path: PathBuf,
    /// "2026-11-26 23:59:59", local time, from the file name.
    pub taken: String,
    pub reason: Option<Reason>,
    pub attendees: i64,
    pub checked_in: i64,
    pub questions: i64,
    pub gifts: i64,
    pub commendations: i64,
}

/// The folder of one conference file's snapshots.
pub fn folder(root: &Path, db: &Path) -> PathBuf {
    let name = db.file_name().map_or_else(
        || "hoi-nghi".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    root.join(name)
}

/// The counts a snapshot holds, kept beside it.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Counts {
    attendees: i64,
    checked_in: i64,
    questions: i64,
    gifts: i64,
    commendations: i64,
}

fn counts_path(snapshot: &Path) -> PathBuf {
    snapshot.with_extension("json")
}

fn counts_of(path: &Path, key: Option<&Passphrase>) -> Option<Counts> {
    if let Some(c) = std::fs::read(counts_path(path))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
    {
        return Some(c);
    }
    let st = Store::open_read_only_keyed(path, key).ok()?.stats().ok()?;
    Some(Counts {
        attendees: st.attendees,
        checked_in: st.checked_in,
        questions: st.questions,
        gifts: st.gifts,
        commendations: st.commendations,
    })
}

/// Snapshots in `dir`, newest first, read with `key` where they are locked. Files that
/// cannot be read are left out.
pub fn list(dir: &Path, key: Option<&Passphrase>) -> Vec<Snapshot> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .collect();
    names.sort();
    names.reverse();
    names
        .into_iter()
        .filter_map(|path| {
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            // "20261126-235959-mo-tep"
            let (stamp, reason) = (stem.get(..15)?, stem.get(16..).unwrap_or_default());
            let taken = format!(
                "{}-{}-{} {}:{}:{}",
                stamp.get(..4)?,
                stamp.get(4..6)?,
                stamp.get(6..8)?,
                stamp.get(9..11)?,
                stamp.get(11..13)?,
                stamp.get(13..15)?
            );
            let st = counts_of(&path, key)?;
            Some(Snapshot {
                path,
                taken,
                reason: Reason::from_code(reason),
                attendees: st.attendees,
                checked_in: st.checked_in,
                questions: st.questions,
                gifts: st.gifts,
                commendations: st.commendations,
            })
        })
        .collect()
}

impl Store {
    /// Writes a snapshot into `dir` and keeps only the newest [`KEEP`].
    pub fn snapshot(&self, dir: &Path, reason: Reason) -> Result<PathBuf> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_owned(),
            source,
        })?;
        let stamp = jiff::Zoned::now().strftime("%Y%m%d-%H%M%S").to_string();
        let mut path = dir.join(format!("{stamp}-{}.sqlite", reason.code()));
        // Two snapshots in one second (open, then import at once) must not collide.
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = dir.join(format!("{stamp}-{}-{n}.sqlite", reason.code()));
        }
        self.save_copy(&path)?;
        let st = self.stats()?;
        let counts = Counts {
            attendees: st.attendees,
            checked_in: st.checked_in,
            questions: st.questions,
            gifts: st.gifts,
            commendations: st.commendations,
        };
        if let Ok(bytes) = serde_json::to_vec(&counts) {
            let _ = std::fs::write(counts_path(&path), bytes);
        }
        let mut all: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
                    .collect()
            })
            .unwrap_or_default();
        all.sort();
        let excess = all.len().saturating_sub(KEEP);
        for old in all.into_iter().take(excess) {
            std::fs::remove_file(&old).ok();
            std::fs::remove_file(counts_path(&old)).ok();
        }
        Ok(path)
    }

    /// Replaces the open file's contents with `snapshot`'s, after snapshotting the
    /// current state into `dir`. The snapshot must be a hoinghi file this app can read.
    pub fn restore(&mut self, snapshot: &Path, dir: &Path) -> Result<PathBuf> {
        self.writable()?;
        let source = Store::open_read_only_keyed(snapshot, self.key.as_ref())?;
        if source.is_locked() != self.is_locked() {
            return Err(Error::Invalid(format!(
                "bản sao lưu {} {} mật khẩu, còn tệp đang mở thì {}; không khôi phục được",
                snapshot.display(),
                if source.is_locked() {
                    "được khoá bằng"
                } else {
                    "không có"
                },
                if self.is_locked() { "có" } else { "không" },
            )));
        }
        let undo = self.snapshot(dir, Reason::BeforeRestore)?;
        let backup = rusqlite::backup::Backup::new(&source.conn, &mut self.conn)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
        Ok(undo)
    }
}
