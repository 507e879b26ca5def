//! The open conference file: opening it (one window per file, read-only when it must
//! be), its lock, the recent files, and the cached view the panels draw from.

use std::path::{Path, PathBuf};

use super::App;
use crate::error::{Error, Result};
use crate::store::key::{self, Passphrase};
use crate::store::lock::{FileLock, Lock};
use crate::store::{Missing, Store};
use crate::ui::data::Data;
use crate::ui::dialogs::{Answer, Ask};
use crate::ui::file_dialog::{self, OwnFileDialog};
use crate::ui::job::{Opened, Outcome};
use crate::ui::passphrase::{Conversion, PassphraseDialog, Purpose};

const MAX_RECENT: usize = 8;

/// The file open in the window and what was read from it.
pub struct Session {
    pub store: Option<Store>,
    /// Why the last file could not be opened, while no file is open.
    pub open_error: Option<String>,
    pub data: Data,
    /// Held while this window has its file open: one window per file.
    lock: Option<FileLock>,
    /// A file another window holds, offered read-only.
    pub locked_offer: Option<PathBuf>,
    /// The passphrase dialog, while it asks.
    pub passphrase: Option<PassphraseDialog>,
    /// The lock of the file the passphrase dialog is about: held while it asks, so no
    /// other window takes the file meanwhile.
    opening_lock: Option<FileLock>,
    /// The open file is being locked, unlocked or given another passphrase.
    pub converting: Option<Conversion>,
    pub recent: Vec<PathBuf>,
    /// The folder of the last file chosen, where the next question starts.
    pub last_dir: Option<PathBuf>,
    /// What the window last saw of other connections' writes.
    watch: Watch,
}

/// Other writers (a host's desks, the command line): when the file last was looked at,
/// its `data_version` then and the change feed entry the view stands at.
#[derive(Debug, Default)]
struct Watch {
    at: Option<std::time::Instant>,
    version: Option<i64>,
    seq: i64,
}

impl Session {
    pub fn new(recent: Vec<PathBuf>, last_dir: Option<PathBuf>) -> Self {
        Self {
            last_dir,
            store: None,
            open_error: None,
            data: Data::default(),
            lock: None,
            locked_offer: None,
            passphrase: None,
            opening_lock: None,
            converting: None,
            recent,
            watch: Watch::default(),
        }
    }

    pub fn writable(&self) -> bool {
        self.store.as_ref().is_some_and(|s| !s.is_read_only())
    }

    /// The open store, or the error that says none is open.
    pub fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(Error::NoFile)
    }

    pub fn path(&self) -> Option<&Path> {
        self.store.as_ref().and_then(Store::path)
    }

    /// The open file is locked with a passphrase.
    pub fn is_locked(&self) -> bool {
        self.store.as_ref().is_some_and(Store::is_locked)
    }
}

impl App {
    pub(super) fn open_path(&mut self, path: &Path) {
        if self.session.path() == Some(path) {
            return; // already open here (its lock is ours)
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            self.session.open_error = Some(format!("{}: {e}", dir.display()));
            return;
        }
        // A file the user may not write (read-only attribute or media) opens read-only.
        let read_only_file = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        if read_only_file {
            match Store::open_read_only(path) {
                Ok(store) => self.set_store(store),
                Err(e) if needs_passphrase(&e) => self.ask_passphrase(path, true, None),
                Err(e) => self.open_failed(&e),
            }
            return;
        }
        let lock = match FileLock::try_acquire(path) {
            Lock::Acquired(l) => Some(l),
            Lock::HeldElsewhere => {
                tracing::info!(file = %path.display(), "file held by another window; offering read-only");
                self.session.locked_offer = Some(path.to_owned());
                return;
            }
            Lock::Unavailable(e) => {
                tracing::warn!(file = %path.display(), "no lock file: {e}");
                None
            }
        };
        match Store::open(path, Missing::Create) {
            Ok(store) => {
                self.set_store(store);
                self.session.lock = lock;
            }
            Err(e) if needs_passphrase(&e) => self.ask_passphrase(path, false, lock),
            Err(e) => self.open_failed(&e),
        }
    }

    /// A locked file asks for its passphrase; its lock (if taken) is held meanwhile.
    fn ask_passphrase(&mut self, path: &Path, read_only: bool, lock: Option<FileLock>) {
        tracing::info!(file = %path.display(), "locked file; asking for its passphrase");
        // A passphrase kept for it that no longer opens it (changed elsewhere) is dropped.
        key::forget(path);
        self.session.locked_offer = None;
        self.session.opening_lock = lock;
        self.session.passphrase = Some(PassphraseDialog::new(Purpose::Open {
            path: path.to_owned(),
            read_only,
        }));
    }

    /// Opens (or creates) `path` with a passphrase on a worker: deriving the key takes
    /// a moment the window does not wait for. The passphrase dialog stays until it ends.
    pub(super) fn start_opening(
        &mut self,
        path: PathBuf,
        read_only: bool,
        missing: Missing,
        passphrase: Option<Passphrase>,
    ) -> Result<()> {
        if !read_only && self.session.opening_lock.is_none() {
            match FileLock::try_acquire(&path) {
                Lock::Acquired(l) => self.session.opening_lock = Some(l),
                Lock::HeldElsewhere => {
                    self.session.passphrase = None;
                    self.session.locked_offer = Some(path);
                    return Ok(());
                }
                Lock::Unavailable(e) => tracing::warn!(file = %path.display(), "no lock file: {e}"),
            }
        }
        self.jobs.spawn("open", move |_| {
            let key = passphrase.as_ref();
            let result = if read_only {
                Store::open_read_only_keyed(&path, key)
            } else {
                Store::open_keyed(&path, missing, key)
            };
            Outcome::Opened {
                path,
                passphrase,
                result: result.map(Opened),
            }
        })
    }

    /// A file opened on a worker: it becomes the open file, or the dialog says why not.
    pub(super) fn opened(
        &mut self,
        path: &Path,
        passphrase: Option<Passphrase>,
        result: Result<Opened>,
    ) {
        match result {
            Ok(Opened(store)) => {
                if let Some(p) = passphrase.filter(|_| store.is_locked()) {
                    // Background work (exports, imports, backups) reopens the file by path.
                    key::remember(path, p);
                }
                let lock = self.session.opening_lock.take();
                self.session.passphrase = None;
                self.set_store(store);
                self.session.lock = lock;
            }
            Err(Error::WrongPassphrase { .. }) => {
                let s = self.s();
                if let Some(dialog) = &mut self.session.passphrase {
                    dialog.wrong(s);
                }
            }
            Err(e) => {
                self.session.passphrase = None;
                self.session.opening_lock = None;
                self.open_failed(&e);
            }
        }
    }

    /// The passphrase dialog was closed: the file it asked about stays closed.
    pub(super) fn passphrase_cancelled(&mut self) {
        self.session.passphrase = None;
        self.session.opening_lock = None;
    }

    /// Puts the open file back after it was converted: the pages stay where they were.
    pub(super) fn reattach(&mut self, store: Store) {
        self.session.watch = Watch::default();
        self.session.store = Some(store);
        self.session.open_error = None;
        self.reload();
    }

    /// The open file must be closed (a conversion renames a new file over it); its lock
    /// stays held, so no other window takes it meanwhile.
    pub(super) fn detach(&mut self) -> Option<Store> {
        self.session.store.take()
    }

    /// The open file could not be reopened after a conversion: its lock goes too.
    pub(super) fn lost_file(&mut self, e: &Error) {
        self.session.lock = None;
        self.session.data = Data::default();
        self.open_failed(e);
    }

    /// Keeps the current file open if there is one; otherwise the page says why.
    fn open_failed(&mut self, e: &Error) {
        tracing::warn!("open refused: {e}");
        if self.session.store.is_none() {
            self.session.open_error = Some(format!("{e:#}"));
        }
        self.chrome.error(format!("{e:#}"));
    }

    /// Makes `store` the open file: every page starts afresh on it.
    pub(super) fn set_store(&mut self, store: Store) {
        // The previous file's lock goes with it; `open_path` sets the new one.
        self.session.lock = None;
        self.session.locked_offer = None;
        self.session.watch = Watch::default();
        tracing::info!(
            file = %store.path().map(|p| p.display().to_string()).unwrap_or_default(),
            read_only = store.is_read_only(),
            "conference file opened"
        );
        if let Some(p) = store.path() {
            let p = p.to_owned();
            self.session.recent.retain(|r| r != &p);
            self.session.recent.insert(0, p);
            self.session.recent.truncate(MAX_RECENT);
        }
        self.session.store = Some(store);
        self.session.open_error = None;
        self.snapshots.file_opened();
        self.jobs.cancel();
        self.desk.forget();
        self.pages = super::Pages::default();
        self.reload();
        for page in self.pages.records() {
            page.start_new(&self.session.data);
        }
    }

    /// Reads the whole view again (opening a file, after an undo or an import).
    pub(super) fn reload(&mut self) {
        let Some(store) = &self.session.store else {
            return;
        };
        match Data::load(store, self.session.data.generation + 1) {
            Ok(d) => self.session.data = d,
            Err(e) => self.chrome.error(format!("{e:#}")),
        }
    }

    /// After an edit: an attendee edit patches that one person into the view; other
    /// edits keep the (possibly 100,000) people read already and read the rest again.
    pub(super) fn reload_after(&mut self, attendee: Option<&str>) {
        let Some(store) = &self.session.store else {
            return;
        };
        let data = &mut self.session.data;
        let result = match attendee {
            Some(id) => data.patch_attendee(id, store),
            None => data.reload_except_attendees(store),
        };
        if let Err(e) = result {
            tracing::warn!("partial reload failed, reading everything: {e}");
            self.reload();
        }
    }

    /// Check-ins changed: patch the cached view, falling back to a full reload.
    pub(super) fn patch_check_ins(&mut self, ids: &[String]) {
        let Some(store) = &self.session.store else {
            return;
        };
        if let Err(e) = self.session.data.patch_check_ins(ids, store) {
            tracing::warn!("patching the view failed, reloading: {e}");
            self.reload();
        }
    }

    /// Undo, redo, a restore or an import changed the file: read it again and let the
    /// record pages show their records as they are now.
    pub(super) fn after_external_change(&mut self) {
        self.reload();
        let data = &self.session.data;
        for page in self.pages.records() {
            page.after_external_change(data);
        }
    }

    /// Asks a file question: the platform's dialog answers at once, or the window's own
    /// opens and answers in a later frame.
    pub(super) fn ask(&mut self, ask: Ask) -> Result<()> {
        match self.dialogs.ask(&ask, self.session.last_dir.as_deref()) {
            Answer::Chosen(path) => self.answered(&ask, path),
            Answer::Cancelled => Ok(()),
            Answer::Unavailable => {
                let start = file_dialog::start_folder(self.session.last_dir.as_deref());
                self.chrome.own_dialog = Some(OwnFileDialog::new(ask, &start));
                Ok(())
            }
        }
    }

    /// Carries on with what the file was asked for.
    pub(super) fn answered(&mut self, ask: &Ask, path: PathBuf) -> Result<()> {
        self.session.last_dir = path.parent().map(Path::to_path_buf);
        match *ask {
            Ask::OpenConference => self.open_path(&path),
            Ask::NewConference => {
                if path.exists() {
                    return Err(Error::Exists { path });
                }
                // It may be given a passphrase before it is made.
                self.session.passphrase = Some(PassphraseDialog::new(Purpose::New { path }));
            }
            Ask::Import(kind) => self.start_import(kind, path)?,
            Ask::SaveCopy { .. } => {
                self.session.store()?.save_copy(&path)?;
                let text = format!("{} {}", self.s().copy_saved, path.display());
                self.chrome.info(text);
            }
            Ask::Export {
                kind, ref options, ..
            } => self.export_to(kind, options.clone(), path)?,
            Ask::DeskFileOpen => self.take_desk_file(&path)?,
            Ask::DeskFileSave { .. } => self.save_desk_file(&path)?,
        }
        Ok(())
    }

    pub(super) fn open_read_only(&mut self, path: &Path) {
        self.session.locked_offer = None;
        match Store::open_read_only(path) {
            Ok(store) => self.set_store(store),
            Err(e) if needs_passphrase(&e) => self.ask_passphrase(path, true, None),
            Err(e) => self.open_failed(&e),
        }
    }

    /// Creates the sample conference once, in the data folder, and opens it.
    pub(super) fn open_sample(&mut self) -> Result<()> {
        let path = crate::paths::sample_conference_file();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        // A sample someone locked asks for its passphrase as any file does.
        match Store::open(&path, Missing::Create) {
            Ok(sample) => {
                if sample.record_count()? == 0 {
                    crate::demo::fill(&sample)?;
                }
                drop(sample);
            }
            Err(e) if needs_passphrase(&e) => {}
            Err(e) => return Err(e),
        }
        self.open_path(&path);
        Ok(())
    }

    pub(super) fn save_copy(&mut self) -> Result<()> {
        self.session.store()?;
        let suggested = suggested_copy_name(&self.session.data.conference.name);
        self.ask(Ask::SaveCopy { suggested })
    }
}

/// The file is locked and no passphrase (or a wrong one) is known for it: ask.
fn needs_passphrase(e: &Error) -> bool {
    matches!(e, Error::Locked { .. } | Error::WrongPassphrase { .. })
}

/// "Hội nghị đối thoại 2022" → "hoi-nghi-doi-thoai-2022-ban-sao.sqlite".
fn suggested_copy_name(conference: &str) -> String {
    let base: String = crate::text::fold(conference)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let base: Vec<&str> = base.split('-').filter(|p| !p.is_empty()).take(8).collect();
    let base = if base.is_empty() {
        "hoi-nghi".to_owned()
    } else {
        base.join("-")
    };
    format!("{base}-ban-sao.sqlite")
}

impl App {
    /// Keeps the lock of the file just opened some other way (a desk's copy).
    pub(super) fn hold_lock(&mut self, lock: Option<FileLock>) {
        self.session.lock = lock;
    }

    /// Notices what other connections wrote (desks through the host, the command line)
    /// and brings the view up to date: the people the change feed names are patched in,
    /// anything else is read again. Looked at twice a second, off any work in progress.
    pub(super) fn watch_file(&mut self, ctx: &egui::Context) {
        const EVERY: std::time::Duration = std::time::Duration::from_millis(500);
        ctx.request_repaint_after(EVERY);
        let watch = &self.session.watch;
        if self.is_busy() || watch.at.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        let Some(store) = &self.session.store else {
            return;
        };
        let (Ok(version), Ok(newest)) = (store.data_version(), store.change_seq()) else {
            return;
        };
        let seen = self.session.watch.version.replace(version);
        self.session.watch.at = Some(std::time::Instant::now());
        if seen.is_none() || seen == Some(version) {
            if seen.is_none() {
                self.session.watch.seq = newest;
            }
            return;
        }
        let since = std::mem::replace(&mut self.session.watch.seq, newest);
        let changed = store.changed_since(since).map(|(c, _)| c);
        match changed {
            Ok(crate::sync::Changed::Some { upserts, deleted })
                if deleted.is_empty()
                    && upserts
                        .iter()
                        .all(|a| self.session.data.attendee(&a.id).is_some()) =>
            {
                let ids: Vec<String> = upserts.into_iter().map(|a| a.id).collect();
                self.patch_check_ins(&ids);
            }
            Ok(crate::sync::Changed::Nothing) => self.reload_after(None),
            _ => self.reload(),
        }
    }
}
