//! Automatic snapshots of the open file: once after opening it, then every few minutes
//! while it is being edited, and before imports and restores.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::App;
use super::files::Session;
use crate::store::backup::{self, Reason};

/// Snapshots while editing are at least this far apart.
const EVERY: Duration = Duration::from_mins(5);

/// When the last snapshot was taken and whether one is due.
pub struct Snapshots {
    /// Where snapshots go (`<data folder>/backups`); tests point it elsewhere.
    pub root: PathBuf,
    last: Option<Instant>,
    edited_since: bool,
    /// A snapshot is taken on the first frame after a file is opened.
    opened_due: bool,
}

impl Snapshots {
    pub fn new(root: PathBuf) -> Self {
        Self {
            root,
            last: None,
            edited_since: false,
            opened_due: false,
        }
    }

    pub fn file_opened(&mut self) {
        self.last = None;
        self.edited_since = false;
        self.opened_due = true;
    }

    /// The file changed: a snapshot becomes due in a while.
    pub fn edited(&mut self) {
        self.edited_since = true;
    }

    /// The snapshot folder of the open file; none for a file with no path.
    pub fn folder(&self, session: &Session) -> Option<PathBuf> {
        Some(backup::folder(&self.root, session.path()?))
    }
}

impl App {
    /// Takes the snapshots that are due.
    pub(super) fn snapshot_tick(&mut self) {
        let Some(store) = &self.session.store else {
            return;
        };
        if !self.session.writable() || store.path().is_none() || self.jobs.is_busy() {
            return;
        }
        if std::mem::take(&mut self.snapshots.opened_due) {
            if store.record_count().unwrap_or(0) > 0 {
                self.take_snapshot(Reason::Opened);
            }
            self.snapshots.last.get_or_insert_with(Instant::now);
            return;
        }
        let snaps = &self.snapshots;
        if snaps.edited_since && snaps.last.is_none_or(|t| t.elapsed() >= EVERY) {
            self.take_snapshot(Reason::Periodic);
        }
    }

    pub(super) fn take_snapshot(&mut self, reason: Reason) -> Option<PathBuf> {
        let folder = self.snapshots.folder(&self.session)?;
        let result = self.session.store.as_ref()?.snapshot(&folder, reason);
        self.snapshots.last = Some(Instant::now());
        self.snapshots.edited_since = false;
        self.pages.backups.listed_at = None;
        match result {
            Ok(p) => {
                tracing::info!(snapshot = %p.display(), reason = reason.code(), "backup taken");
                Some(p)
            }
            Err(e) => {
                self.chrome.error(format!("{e:#}"));
                None
            }
        }
    }

    /// Replaces the open file's contents with a snapshot, after snapshotting them.
    pub(super) fn restore(&mut self, snapshot: &std::path::Path) -> crate::Result<()> {
        let folder = self
            .snapshots
            .folder(&self.session)
            .ok_or(crate::Error::NoFile)?;
        let store = self.session.store.as_mut().ok_or(crate::Error::NoFile)?;
        store.restore(snapshot, &folder)?;
        tracing::info!(snapshot = %snapshot.display(), "restored");
        self.desk.forget();
        self.after_external_change();
        self.pages.backups.listed_at = None;
        self.chrome.info(self.s().backup_restored.to_owned());
        Ok(())
    }
}
