//! The app: it only routes. Each job of the window has its own room:
//!
//! - `files`: the open conference file, its lock, and the view read from it;
//! - `pages`: every page's own state, and drawing the page shown;
//! - `chrome`: the top bar, navigation, toast, projector view and modals;
//! - `dispatch`: applying the actions the panels ask for, after the frame;
//! - `desk`: the check-in desk's controller (its check-ins and their messages);
//! - `desks`: hosting the file for desks on the network, or being one of a host's desks;
//! - `jobs`: imports, exports and large undos on background threads;
//! - `locking`: the passphrase dialog's answers, locking and unlocking the open file;
//! - `snapshots`: the automatic backups of the open file.

mod chrome;
mod desk;
mod desks;
mod dispatch;
mod files;
mod jobs;
mod locking;
mod pages;
mod snapshots;

use std::path::{Path, PathBuf};

use egui::Ui;

pub use pages::Pages;

use super::action::Action;
use super::data::Data;
use super::dialogs::FileDialogs;
use super::i18n::Strings;
use super::{Page, Persisted};
use crate::store::Store;
use chrome::Chrome;
use desk::DeskController;
use files::Session;
use jobs::Jobs;
use snapshots::Snapshots;

/// The whole window's state, one field per room.
pub struct App {
    session: Session,
    /// Every page's own state and the page shown.
    pub pages: Pages,
    chrome: Chrome,
    desk: DeskController,
    desks: desks::Desks,
    jobs: Jobs,
    snapshots: Snapshots,
    dialogs: Box<dyn FileDialogs>,
    /// Makes the next frame panic (tests of the panic guard).
    #[doc(hidden)]
    pub panic_next_frame: bool,
}

impl App {
    /// Opens `path` (creating it when missing). A file that cannot be opened leaves
    /// the window on a page that says why and offers the other ways in.
    pub fn open(path: &Path, dialogs: Box<dyn FileDialogs>, persisted: Persisted) -> Self {
        let desk_mode = persisted.desk_mode;
        let mut app = Self::empty(dialogs, persisted);
        // A laptop that was sharing its file with desks shares it again (as a desk
        // becomes the desk again): the desks wait for it.
        let sharing = if desk_mode {
            None
        } else {
            app.file_to_resume_sharing(path)
        };
        app.open_path(sharing.as_ref().map_or(path, |s| s.file.as_path()));
        if desk_mode {
            app.resume_desk_on_start();
        } else if let Some(sharing) = sharing {
            app.resume_sharing(&sharing);
        }
        app
    }

    /// An app on an already open store (tests).
    /// Its snapshots go beside the file, not into the user's data folder.
    pub fn with_store(store: Store, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut app = Self::empty(dialogs, Persisted::default());
        if let Some(dir) = store.path().and_then(Path::parent) {
            app.snapshots.root = dir.join("backups");
        }
        app.set_store(store);
        app
    }

    fn empty(dialogs: Box<dyn FileDialogs>, persisted: Persisted) -> Self {
        Self {
            session: Session::new(persisted.recent, persisted.last_dir),
            pages: Pages::default(),
            chrome: Chrome::new(persisted.lang, persisted.typing).with_mc_size(persisted.mc_size),
            desk: DeskController::default(),
            desks: desks::Desks::new(crate::paths::data_dir()),
            jobs: Jobs::default(),
            snapshots: Snapshots::new(crate::paths::backups_dir()),
            dialogs,
            panic_next_frame: false,
        }
    }

    /// What is saved between runs.
    pub fn persisted(&self) -> Persisted {
        Persisted {
            lang: self.chrome.lang,
            recent: self.session.recent.clone(),
            last_dir: self.session.last_dir.clone(),
            typing: self.chrome.typing.settings,
            // A desk waiting for its PIN is still the desk at the next start.
            desk_mode: self.desks.is_desk() || self.desks.pin_prompt.is_some(),
            mc_size: Some(self.chrome.mc_size),
        }
    }

    pub fn data(&self) -> &Data {
        &self.session.data
    }

    pub fn store(&self) -> Option<&Store> {
        self.session.store.as_ref()
    }

    pub fn page(&self) -> Page {
        self.pages.page
    }

    /// The passphrase dialog, while it asks.
    pub fn passphrase_dialog(&self) -> Option<&crate::ui::passphrase::PassphraseDialog> {
        self.session.passphrase.as_ref()
    }

    pub fn open_error(&self) -> Option<&str> {
        self.session.open_error.as_deref()
    }

    /// The projector view is on.
    pub fn presenting(&self) -> bool {
        self.chrome.presenting
    }

    /// Where snapshots of the open file go (`<folder>/<file name>/`).
    pub fn set_backup_root(&mut self, root: PathBuf) {
        self.snapshots.root = root;
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.chrome.title
    }

    /// Whether a frame has panicked.
    pub fn crashed(&self) -> bool {
        self.chrome.crashed.is_some()
    }

    /// True while a background job runs (tests wait on it).
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    fn s(&self) -> &'static Strings {
        self.chrome.lang.strings()
    }

    fn writable(&self) -> bool {
        self.session.writable()
    }

    /// A frame that cannot take the window down: a panic is logged, the file stays
    /// consistent (an open transaction rolls back as it unwinds) and the window says so.
    pub fn guarded_frame_ui(&mut self, ui: &mut Ui) {
        if let Some(message) = &self.chrome.crashed {
            chrome::crashed_ui(ui, message, self.s());
            return;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.frame_ui(ui)));
        if let Err(payload) = result {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!("frame panicked: {message}");
            if let Some(store) = &self.session.store {
                store.abandon_open_change();
            }
            // Let go of the file cleanly; nothing unsaved is lost, every edit was committed.
            self.jobs = Jobs::default();
            self.chrome.crashed = Some(message);
        }
    }

    /// Draws one frame and then applies what the user asked for.
    ///
    /// # Panics
    /// Only when a test asked for it with `panic_next_frame`.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        assert!(
            !std::mem::take(&mut self.panic_next_frame),
            "test panic requested"
        );
        // Before any widget reads this frame's keys.
        self.chrome.typing.preprocess(ui.ctx());
        self.jobs.ctx = Some(ui.ctx().clone());
        if std::mem::take(&mut self.desks.focus_window) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Focus);
        }
        self.snapshot_tick();
        self.poll_job();
        self.poll_pairing();
        self.poll_desk_relock();
        self.watch_file(ui.ctx());
        self.gather_host_view();
        if self.pages.page == Page::Export {
            self.refresh_preview(ui.ctx());
        }
        let s = self.s();
        let mut actions = Vec::new();
        self.chrome.update_title(ui.ctx(), &self.session, s);
        if self.chrome.mc_view && self.session.store.is_some() {
            let sections = self.pages.programme.script(&self.session.data).to_vec();
            crate::ui::panels::programme::mc_view_ui(
                ui,
                &sections,
                self.chrome.current_item,
                &mut self.chrome.mc_scrolled,
                &mut self.chrome.mc_size,
                s,
                &mut actions,
            );
        } else if self.chrome.presenting && self.session.store.is_some() {
            chrome::presentation_ui(
                ui,
                &self.session.data,
                self.chrome.current_item,
                s,
                &mut actions,
            );
        } else {
            self.window_ui(ui, s, &mut actions);
        }
        self.chrome.toast_ui(ui.ctx(), s);
        for action in actions {
            self.apply(action);
        }
        // After the frame's own saves, so a field left this frame is not written twice.
        if crate::ui::autosave::due(ui.ctx()) {
            self.write_unsaved();
        }
    }

    /// Writes what was typed into any form and is not in the file yet: typing paused,
    /// or the window is closing (also when it closes hidden, without a frame drawn).
    pub fn write_unsaved(&mut self) {
        if self.session.store.is_none() || !self.writable() || self.crashed() {
            return;
        }
        for action in self.pages.unsaved(&self.session.data) {
            self.apply(action);
        }
    }

    /// The ordinary window: top bar, navigation and the page shown.
    fn window_ui(&mut self, ui: &mut Ui, s: &'static Strings, actions: &mut Vec<Action>) {
        let busy = self.is_busy();
        let writable = self.writable();
        self.history_keys(ui.ctx(), actions);
        let role = chrome::RoleLine {
            desk: self.desk_banner(),
            hosting: self
                .desks
                .host()
                .map(|h| h.live_desks().iter().filter(|d| d.online).count()),
        };
        self.chrome
            .top_bar_ui(ui, &self.session, &role, busy, s, actions);
        if let Some(kind) = self.session.converting {
            chrome::converting_ui(ui, kind, s);
        } else if self.session.store.is_none() {
            chrome::no_file_ui(ui, self.session.open_error.as_deref(), s, actions);
        } else {
            chrome::nav_ui(ui, self.pages.page, &self.session.data, &role, s, actions);
            let backups = self.snapshots.folder(&self.session);
            let view = pages::View {
                data: &self.session.data,
                store: self.session.store.as_ref(),
                backups: backups.as_deref(),
                running: self.jobs.progress(),
                busy,
                writable,
                hosting: self.desks.view.as_ref(),
            };
            actions.extend(self.pages.ui(ui, &view, s));
        }
        if let Some(path) = &self.session.locked_offer {
            chrome::locked_ui(ui.ctx(), path, s, actions);
        }
        if let Some(dialog) = &mut self.session.passphrase {
            actions.extend(dialog.ui(ui.ctx(), s));
        }
        self.chrome.own_dialog_ui(ui.ctx(), s, actions);
        let found = self.found_hosts();
        if let Some(dialog) = &mut self.desks.connect {
            let (action, open) = dialog.ui(ui.ctx(), &found, s);
            actions.extend(action);
            if !open {
                actions.push(Action::CloseConnect);
            }
        }
        if let Some(prompt) = &mut self.desks.pin_prompt {
            actions.extend(prompt.dialog.ui(ui.ctx(), &prompt.link.name, s));
        }
    }

    /// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo, unless a text field has the
    /// keyboard (it undoes its own typing) or the desk is shown (its Ctrl+Z takes back
    /// the last check-in made there).
    fn history_keys(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if !self.writable()
            || self.is_busy()
            || self.desks.is_desk()
            || self.pages.page == Page::Desk
            || ctx.egui_wants_keyboard_input()
        {
            return;
        }
        ctx.input_mut(|i| {
            let redo_shift = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
            if i.consume_shortcut(&redo_shift)
                || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y))
            {
                actions.push(Action::Redo);
            } else if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Action::Undo);
            }
        });
    }
}
