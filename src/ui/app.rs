//! The app: navigation, the open conference file, and actions applied after each frame.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use super::action::Action;
use super::data::Data;
use super::dialogs::FileDialogs;
use super::job::{Job, Outcome as JobOutcome};
use super::panels::attendees::AttendeesPanel;
use super::panels::backups::BackupsPanel;
use super::panels::commendations::CommendationsPanel;
use super::panels::desk::DeskPanel;
use super::panels::export::ExportPanel;
use super::panels::gifts::GiftsPanel;
use super::panels::history::HistoryPanel;
use super::panels::import::ImportPanel;
use super::panels::import_records::RecordImportPanel;
use super::panels::lists::ListsPanel;
use super::panels::overview::OverviewPanel;
use super::panels::questions::QuestionsPanel;
use super::{Page, Persisted, theme};
use crate::domain::date;
use crate::error::Result;
use crate::import::records::RecordKind;
use crate::store::backup::{self, Reason};
use crate::store::lock::{FileLock, Lock};
use crate::store::{Missing, Store};
use crate::ui::i18n::{Lang, Strings};

const MAX_RECENT: usize = 8;
/// Snapshots while editing are at least this far apart.
const BACKUP_EVERY: Duration = Duration::from_mins(5);
const TOAST_SECS: u64 = 4;

/// A short message in the corner.
struct Toast {
    text: String,
    is_error: bool,
    shown_at: Instant,
}

/// What an applied action did, so the panel that asked can move on.
enum Outcome {
    Added(String),
    Updated,
    Deleted,
    /// A record was changed by a merge or a move: reload it into its form.
    Reselect,
    /// A check-in desk action, with what to show in large type and what it changed.
    Desk(String, bool, DeskPatch),
    /// Undo or redo: any record may have changed; what to tell the user.
    History(String),
    Other,
}

/// Undo or redo of more rows than this runs in the background (a whole import).
const LARGE_CHANGE: i64 = 5_000;

/// What a desk action changed, so the window can patch its view instead of reading a
/// 100,000-person file again after every check-in.
enum DeskPatch {
    Nothing,
    /// The attendees whose check-in changed.
    CheckIns(Vec<String>),
    /// A walk-in, added and checked in.
    Added(String),
}

/// The whole window's state.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of the window, not a state machine"
)]
pub struct App {
    store: Option<Store>,
    open_error: Option<String>,
    data: Data,
    page: Page,
    lang: Lang,
    recent: Vec<PathBuf>,
    overview: OverviewPanel,
    pub desk: DeskPanel,
    pub import: ImportPanel,
    pub export: ExportPanel,
    /// The projector view is on.
    pub presenting: bool,
    pub lists: ListsPanel,
    pub backups: BackupsPanel,
    pub history: HistoryPanel,
    /// Where snapshots go (`<data folder>/backups`); tests point it elsewhere.
    pub backup_root: PathBuf,
    last_backup: Option<Instant>,
    edited_since_backup: bool,
    /// A snapshot is taken on the first frame after a file is opened.
    opened_snapshot_due: bool,
    /// Held while this window has its file open: one window per file.
    lock: Option<crate::store::lock::FileLock>,
    /// A file another window holds, offered read-only.
    locked_offer: Option<PathBuf>,
    /// Set when a frame panicked: the window then only says so.
    crashed: Option<String>,
    /// Makes the next frame panic (tests of the panic guard).
    #[doc(hidden)]
    pub panic_next_frame: bool,
    /// Set while the import page shows a file of questions, gifts or commendations.
    pub import_records: Option<RecordImportPanel>,
    /// The background job (import) running now, if any.
    job: Option<Job>,
    /// Kept from the last frame so actions can start jobs that wake the window.
    ctx: Option<egui::Context>,
    /// Check-ins made at this desk, newest last, for Ctrl+Z.
    checkin_log: Vec<String>,
    pub attendees: AttendeesPanel,
    pub questions: QuestionsPanel,
    pub gifts: GiftsPanel,
    pub commendations: CommendationsPanel,
    dialogs: Box<dyn FileDialogs>,
    toast: Option<Toast>,
    title: String,
}

impl App {
    /// Opens `path` (creating it when missing). A file that cannot be opened leaves
    /// the window on a page that says why and offers the other ways in.
    pub fn open(path: &Path, dialogs: Box<dyn FileDialogs>, persisted: Persisted) -> Self {
        let mut app = Self::empty(dialogs, persisted);
        app.open_path(path);
        app
    }

    /// An app on an already open store (tests).
    /// Its snapshots go beside the file, not into the user's data folder.
    pub fn with_store(store: Store, dialogs: Box<dyn FileDialogs>) -> Self {
        let mut app = Self::empty(dialogs, Persisted::default());
        if let Some(dir) = store.path().and_then(Path::parent) {
            app.backup_root = dir.join("backups");
        }
        app.set_store(store);
        app
    }

    fn empty(dialogs: Box<dyn FileDialogs>, persisted: Persisted) -> Self {
        Self {
            store: None,
            open_error: None,
            data: Data::default(),
            page: Page::Overview,
            lang: persisted.lang,
            recent: persisted.recent,
            overview: OverviewPanel::default(),
            desk: DeskPanel::default(),
            import: ImportPanel::default(),
            export: ExportPanel::default(),
            presenting: false,
            lists: ListsPanel::default(),
            backups: BackupsPanel::default(),
            history: HistoryPanel::default(),
            backup_root: crate::paths::data_dir().join("backups"),
            last_backup: None,
            edited_since_backup: false,
            opened_snapshot_due: false,
            lock: None,
            locked_offer: None,
            crashed: None,
            panic_next_frame: false,
            import_records: None,
            job: None,
            ctx: None,
            checkin_log: Vec::new(),
            attendees: AttendeesPanel::default(),
            questions: QuestionsPanel::default(),
            gifts: GiftsPanel::default(),
            commendations: CommendationsPanel::default(),
            dialogs,
            toast: None,
            title: String::new(),
        }
    }

    /// What is saved between runs.
    pub fn persisted(&self) -> Persisted {
        Persisted {
            lang: self.lang,
            recent: self.recent.clone(),
        }
    }

    pub fn data(&self) -> &Data {
        &self.data
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn open_error(&self) -> Option<&str> {
        self.open_error.as_deref()
    }

    fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    fn writable(&self) -> bool {
        self.store.as_ref().is_some_and(|s| !s.is_read_only())
    }

    fn open_path(&mut self, path: &Path) {
        if self.store.as_ref().and_then(Store::path) == Some(path) {
            return; // already open here (its lock is ours)
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            self.open_error = Some(format!("{}: {e}", dir.display()));
            return;
        }
        // A file the user may not write (read-only attribute or media) opens read-only.
        let read_only_file = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
        if read_only_file {
            match Store::open_read_only(path) {
                Ok(store) => {
                    self.set_store(store);
                    self.lock = None;
                }
                Err(e) => self.open_failed(&e),
            }
            return;
        }
        let lock = match FileLock::try_acquire(path) {
            Lock::Acquired(l) => Some(l),
            Lock::HeldElsewhere => {
                tracing::info!(file = %path.display(), "file held by another window; offering read-only");
                self.locked_offer = Some(path.to_owned());
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
                self.lock = lock;
            }
            Err(e) => self.open_failed(&e),
        }
    }

    /// Keeps the current file open if there is one; otherwise the page says why.
    fn open_failed(&mut self, e: &crate::Error) {
        tracing::warn!("open refused: {e}");
        if self.store.is_none() {
            self.open_error = Some(format!("{e:#}"));
        }
        self.show_error(format!("{e:#}"));
    }

    fn set_store(&mut self, store: Store) {
        // The previous file's lock goes with it; `open_path` sets the new one.
        self.lock = None;
        self.opened_snapshot_due = true;
        self.last_backup = None;
        self.edited_since_backup = false;
        self.backups = BackupsPanel::default();
        self.locked_offer = None;
        tracing::info!(
            file = %store.path().map(|p| p.display().to_string()).unwrap_or_default(),
            read_only = store.is_read_only(),
            "conference file opened"
        );
        if let Some(p) = store.path() {
            let p = p.to_owned();
            self.recent.retain(|r| r != &p);
            self.recent.insert(0, p);
            self.recent.truncate(MAX_RECENT);
        }
        self.store = Some(store);
        self.open_error = None;
        self.overview = OverviewPanel::default();
        self.desk = DeskPanel::default();
        self.import = ImportPanel::default();
        self.export = ExportPanel::default();
        self.import_records = None;
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
        self.checkin_log.clear();
        self.attendees = AttendeesPanel::default();
        self.questions = QuestionsPanel::default();
        self.gifts = GiftsPanel::default();
        self.commendations = CommendationsPanel::default();
        self.page = Page::Overview;
        self.reload();
        self.attendees.start_new(&self.data);
        self.questions.start_new(&self.data);
        self.gifts.start_new(&self.data);
        self.commendations.start_new(&self.data);
    }

    /// After an edit on `page`: only the attendee page changes attendees, so the others
    /// keep the (possibly 100,000) people read already and read the rest again.
    /// `attendee` names the one person an attendee edit touched, patched in place.
    fn reload_after(&mut self, page: Page, attendee: Option<&str>) {
        let Some(store) = &self.store else { return };
        let result = match (page, attendee) {
            (Page::Attendees, Some(id)) => self.data.patch_attendee(id, store),
            (Page::Attendees, None) => {
                self.reload();
                return;
            }
            _ => self.data.reload_except_attendees(store),
        };
        if let Err(e) = result {
            tracing::warn!("partial reload failed, reading everything: {e}");
            self.reload();
        }
    }

    /// Check-ins changed: patch the cached view, falling back to a full reload.
    fn patch_check_ins(&mut self, ids: &[String]) {
        let Some(store) = &self.store else { return };
        if let Err(e) = self.data.patch_check_ins(ids, store) {
            tracing::warn!("patching the view failed, reloading: {e}");
            self.reload();
        }
    }

    fn reload(&mut self) {
        let Some(store) = &self.store else { return };
        match Data::load(store, self.data.generation + 1) {
            Ok(d) => self.data = d,
            Err(e) => self.show_error(format!("{e:#}")),
        }
    }

    fn show_error(&mut self, text: String) {
        tracing::warn!("{text}");
        self.toast = Some(Toast {
            text,
            is_error: true,
            shown_at: Instant::now(),
        });
    }

    fn show_info(&mut self, text: String) {
        self.toast = Some(Toast {
            text,
            is_error: false,
            shown_at: Instant::now(),
        });
    }

    /// A frame that cannot take the window down: a panic is logged, the file stays
    /// consistent (an open transaction rolls back as it unwinds) and the window says so.
    pub fn guarded_frame_ui(&mut self, ui: &mut Ui) {
        if let Some(message) = &self.crashed {
            let s = self.s();
            egui::CentralPanel::default().show(ui, |ui| {
                ui.add_space(40.0);
                ui.heading(RichText::new(s.crashed_title).color(theme::ERROR));
                ui.label(s.crashed_body);
                ui.label(theme::muted(
                    crate::paths::data_dir().join("logs").display().to_string(),
                ));
                ui.label(theme::muted(message.as_str()));
                if ui.button(s.crashed_quit).clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
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
            if let Some(store) = &self.store {
                store.abandon_open_change();
            }
            // Let go of the file cleanly; nothing unsaved is lost, every edit was committed.
            self.job = None;
            self.crashed = Some(message);
        }
    }

    /// Whether a frame has panicked.
    pub fn crashed(&self) -> bool {
        self.crashed.is_some()
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
        self.backup_tick();
        let s = self.s();
        let mut actions = Vec::new();
        self.ctx = Some(ui.ctx().clone());
        self.poll_job();
        self.update_title(ui.ctx());
        if self.presenting && self.store.is_some() {
            self.presentation_ui(ui, s, &mut actions);
            self.toast_ui(ui.ctx());
            for action in actions {
                self.apply(action);
            }
            return;
        }
        self.history_keys(ui.ctx(), &mut actions);
        self.top_bar_ui(ui, s, &mut actions);
        if self.store.is_none() {
            self.no_file_ui(ui, s, &mut actions);
        } else {
            self.nav_ui(ui, s, &mut actions);
            let writable = self.writable();
            let page_actions = match self.page {
                Page::Overview => self.overview.ui(ui, &self.data, s, writable),
                Page::Desk => self.desk.ui(ui, &self.data, s, writable),
                Page::Import => {
                    let running = self.job.as_ref().map(|j| &*j.progress);
                    match &mut self.import_records {
                        Some(panel) => panel.ui(ui, s, running, writable),
                        None => self.import.ui(ui, s, running, writable),
                    }
                }
                Page::Attendees => self.attendees.ui(ui, &self.data, s, writable),
                Page::Questions => self.questions.ui(ui, &self.data, s, writable),
                Page::Gifts => self.gifts.ui(ui, &self.data, s, writable),
                Page::Commendations => self.commendations.ui(ui, &self.data, s, writable),
                Page::Lists => self.lists.ui(ui, &self.data, s, writable),
                Page::Backups => {
                    let folder = self.backup_folder();
                    if self.backups.listed_at != Some(self.data.generation) {
                        self.backups.snapshots =
                            folder.as_deref().map(backup::list).unwrap_or_default();
                        self.backups.listed_at = Some(self.data.generation);
                    }
                    self.backups.ui(ui, folder.as_deref(), s, writable)
                }
                Page::History => {
                    self.refresh_history();
                    let busy = self.is_busy();
                    self.history.ui(ui, &self.data, s, writable, busy)
                }
                Page::Export => {
                    let running = self.job.as_ref().map(|j| &*j.progress);
                    self.export.ui(ui, &self.data, s, running)
                }
            };
            actions.extend(page_actions);
        }
        self.locked_ui(ui.ctx(), s, &mut actions);
        self.toast_ui(ui.ctx());
        for action in actions {
            self.apply(action);
        }
    }

    /// Offers to open read-only a file another window holds.
    fn locked_ui(&self, ctx: &egui::Context, s: &Strings, actions: &mut Vec<Action>) {
        let Some(path) = &self.locked_offer else {
            return;
        };
        let choice = super::widgets::confirm_modal(
            ctx,
            egui::Id::unique("locked_offer"),
            |ui| {
                ui.heading(s.locked_title);
                ui.label(theme::muted(path.display().to_string()));
                ui.label(s.locked_body);
            },
            egui::Button::new(s.locked_read_only),
            s.locked_cancel,
        );
        match choice {
            Some(true) => actions.push(Action::OpenReadOnly(path.clone())),
            Some(false) => actions.push(Action::DismissLocked),
            None => {}
        }
    }

    /// The projector view: live figures in large type, nothing to edit. Esc leaves it.
    fn presentation_ui(&self, ui: &mut Ui, s: &'static Strings, actions: &mut Vec<Action>) {
        use super::panels::dashboard::{self, Scale};
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            actions.push(Action::Present(false));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let name = if self.data.conference.name.is_empty() {
                s.app_name
            } else {
                &self.data.conference.name
            };
            // The way out first, so a long conference name can never push it off screen.
            let bar = egui::vec2(ui.available_width(), 40.0);
            let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
            ui.allocate_ui_with_layout(bar, right_to_left, |ui| {
                if ui.button(s.present_exit).clicked() {
                    actions.push(Action::Present(false));
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(RichText::new(name).size(26.0).strong()).truncate());
                });
            });
            ui.add_space(theme::GAP);
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.columns(2, |cols| {
                        if let [left, right] = cols {
                            dashboard::attendance_ui(left, &self.data, s, Scale::PROJECTOR);
                            dashboard::waiting_units_ui(left, &self.data, s, Scale::PROJECTOR, 8);
                            dashboard::questions_ui(right, &self.data, s, Scale::PROJECTOR);
                            dashboard::gifts_and_commendations_ui(
                                right,
                                &self.data,
                                s,
                                Scale::PROJECTOR,
                            );
                        }
                    });
                });
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .store
            .as_ref()
            .and_then(|s| s.path())
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = if self.data.conference.name.is_empty() {
            self.s().app_name
        } else {
            &self.data.conference.name
        };
        let title = if file.is_empty() {
            "hoinghi".to_owned()
        } else {
            format!("{name} — {file} — hoinghi")
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    fn top_bar_ui(&mut self, ui: &mut Ui, s: &'static Strings, actions: &mut Vec<Action>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(s.menu_file, |ui| {
                    if ui.button(s.menu_new).clicked() {
                        actions.push(Action::NewConference);
                    }
                    if ui.button(s.menu_open).clicked() {
                        actions.push(Action::OpenConference);
                    }
                    ui.menu_button(s.menu_recent, |ui| {
                        if self.recent.is_empty() {
                            ui.label(s.menu_no_recent);
                        }
                        for p in &self.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                actions.push(Action::OpenPath(p.clone()));
                            }
                        }
                    });
                    if ui
                        .add_enabled(self.writable(), egui::Button::new(s.menu_import))
                        .clicked()
                    {
                        actions.push(Action::ImportChoose);
                    }
                    for (kind, label) in [
                        (RecordKind::Questions, s.menu_import_questions),
                        (RecordKind::Gifts, s.menu_import_gifts),
                        (RecordKind::Commendations, s.menu_import_commendations),
                    ] {
                        if ui
                            .add_enabled(self.writable(), egui::Button::new(label))
                            .clicked()
                        {
                            actions.push(Action::ImportRecordsChoose(kind));
                        }
                    }
                    if ui
                        .add_enabled(self.store.is_some(), egui::Button::new(s.menu_save_copy))
                        .clicked()
                    {
                        actions.push(Action::SaveCopy);
                    }
                    ui.separator();
                    if ui.button(s.menu_open_sample).clicked() {
                        actions.push(Action::OpenSample);
                    }
                    ui.separator();
                    if ui.button(s.menu_quit).clicked() {
                        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                let writable = self.writable() && !self.is_busy();
                for (label, text, action) in [
                    (&self.data.undo_label, s.hist_undo, Action::Undo),
                    (&self.data.redo_label, s.hist_redo, Action::Redo),
                ] {
                    let button = ui
                        .add_enabled(writable && label.is_some(), egui::Button::new(text))
                        .on_hover_text(label.as_deref().unwrap_or_default());
                    if button.clicked() {
                        actions.push(action);
                    }
                }
                if let Some(p) = self.store.as_ref().and_then(|st| st.path()) {
                    ui.label(theme::muted(p.display().to_string()).small());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for (lang, name) in [(Lang::En, "English"), (Lang::Vi, "Tiếng Việt")] {
                        if ui
                            .add(egui::Button::selectable(self.lang == lang, name))
                            .clicked()
                            && self.lang != lang
                        {
                            actions.push(Action::SetLanguage(lang));
                        }
                    }
                });
            });
            if self.store.as_ref().is_some_and(Store::is_read_only) {
                egui::Frame::new()
                    .fill(theme::WARNING_BG)
                    .inner_margin(4.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(s.read_only_banner);
                    });
            }
        });
    }

    fn nav_ui(&mut self, ui: &mut Ui, s: &Strings, actions: &mut Vec<Action>) {
        let st = &self.data.stats;
        let pages = [
            (Page::Overview, s.nav_overview.to_owned()),
            (Page::Desk, s.nav_desk.to_owned()),
            (
                Page::Attendees,
                format!("{}  {}/{}", s.nav_attendees, st.checked_in, st.attendees),
            ),
            (
                Page::Questions,
                format!("{}  {}", s.nav_questions, st.questions),
            ),
            (Page::Gifts, format!("{}  {}", s.nav_gifts, st.gifts)),
            (
                Page::Commendations,
                format!("{}  {}", s.nav_commendations, st.commendations),
            ),
            (Page::Lists, s.nav_lists.to_owned()),
            (Page::Export, s.nav_export.to_owned()),
            (Page::Backups, s.nav_backups.to_owned()),
            (Page::History, s.nav_history.to_owned()),
        ];
        egui::Panel::left("nav")
            .exact_size(theme::NAV_WIDTH)
            .frame(egui::Frame::new().fill(theme::NAV_BG).inner_margin(8.0))
            .show(ui, |ui| {
                ui.add_space(4.0);
                for (page, text) in pages {
                    let button =
                        egui::Button::selectable(self.page == page, RichText::new(text).size(15.5))
                            .min_size(egui::vec2(ui.available_width(), 34.0));
                    if ui.add(button).clicked() {
                        actions.push(Action::Navigate {
                            page,
                            new_record: false,
                        });
                    }
                }
            });
    }

    fn no_file_ui(&self, ui: &mut Ui, s: &Strings, actions: &mut Vec<Action>) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.heading(s.no_file_title);
                if let Some(e) = &self.open_error {
                    ui.add_space(8.0);
                    ui.label(RichText::new(e).color(theme::ERROR));
                }
                ui.add_space(16.0);
                if ui.button(s.menu_open).clicked() {
                    actions.push(Action::OpenConference);
                }
                if ui.button(s.menu_new).clicked() {
                    actions.push(Action::NewConference);
                }
                if ui.button(s.menu_open_sample).clicked() {
                    actions.push(Action::OpenSample);
                }
            });
        });
    }

    fn toast_ui(&mut self, ctx: &egui::Context) {
        let Some(t) = &self.toast else { return };
        let age = t.shown_at.elapsed();
        let limit = Duration::from_secs(if t.is_error {
            TOAST_SECS * 3
        } else {
            TOAST_SECS
        });
        if age > limit {
            self.toast = None;
            return;
        }
        ctx.request_repaint_after(limit.saturating_sub(age));
        let mut close = false;
        egui::Area::new(egui::Id::unique("toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                let fill = if t.is_error {
                    theme::WARNING_BG
                } else {
                    theme::SUCCESS_BG
                };
                egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                    ui.set_max_width(520.0);
                    let color = if t.is_error {
                        theme::ERROR
                    } else {
                        theme::SUCCESS
                    };
                    ui.label(RichText::new(&t.text).color(color));
                    if ui.small_button(self.s().close).clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.toast = None;
        }
    }

    /// Applies one action; data-changing actions are committed to the file at once.
    pub fn apply(&mut self, action: Action) {
        let page = action_page(&action);
        let touched = match &action {
            Action::UpdateAttendee(id, _) | Action::DeleteAttendee(id) => Some(id.clone()),
            _ => None,
        };
        match self.apply_recorded(action) {
            Ok(outcome) => {
                let s = self.s();
                if !matches!(outcome, Outcome::Other) {
                    self.edited_since_backup = true;
                }
                match outcome {
                    Outcome::Added(id) => {
                        self.reload_after(page, Some(&id));
                        let data = &self.data;
                        match page {
                            Page::Attendees => self.attendees.after_add(data, &id),
                            Page::Questions => self.questions.after_add(data, &id),
                            Page::Gifts => self.gifts.after_add(data, &id),
                            Page::Commendations => self.commendations.after_add(data, &id),
                            Page::Overview
                            | Page::Desk
                            | Page::Import
                            | Page::Export
                            | Page::Lists
                            | Page::Backups
                            | Page::History => {}
                        }
                        self.show_info(s.added.to_owned());
                    }
                    Outcome::Updated => {
                        self.reload_after(page, touched.as_deref());
                        match page {
                            Page::Attendees => self.attendees.after_update(),
                            Page::Questions => self.questions.after_update(),
                            Page::Gifts => self.gifts.after_update(),
                            Page::Commendations => self.commendations.after_update(),
                            Page::Overview
                            | Page::Desk
                            | Page::Import
                            | Page::Export
                            | Page::Lists
                            | Page::Backups
                            | Page::History => {}
                        }
                        self.show_info(s.saved.to_owned());
                    }
                    Outcome::Deleted => {
                        self.reload_after(page, touched.as_deref());
                        let data = &self.data;
                        match page {
                            Page::Attendees => self.attendees.after_delete(data),
                            Page::Questions => self.questions.after_delete(data),
                            Page::Gifts => self.gifts.after_delete(data),
                            Page::Commendations => self.commendations.after_delete(data),
                            Page::Overview
                            | Page::Desk
                            | Page::Import
                            | Page::Export
                            | Page::Lists
                            | Page::Backups
                            | Page::History => {}
                        }
                        self.show_info(s.deleted.to_owned());
                    }
                    Outcome::Reselect => {
                        self.reload_after(page, touched.as_deref());
                        let data = &self.data;
                        match page {
                            Page::Questions => self.questions.reselect(data),
                            Page::Commendations => self.commendations.reselect(data),
                            _ => {}
                        }
                        self.show_info(s.saved.to_owned());
                    }
                    Outcome::History(text) => self.after_replay(text),
                    Outcome::Desk(message, ok, patch) => {
                        match patch {
                            DeskPatch::Nothing => {}
                            DeskPatch::CheckIns(ids) => self.patch_check_ins(&ids),
                            DeskPatch::Added(id) => self.reload_after(Page::Attendees, Some(&id)),
                        }
                        self.desk.clear();
                        self.desk.message = Some((message, ok));
                    }
                    Outcome::Other => {}
                }
            }
            Err(e) => self.show_error(format!("{e:#}")),
        }
    }

    /// Applies an action that changes records as one change of the file's history.
    fn apply_recorded(&mut self, action: Action) -> Result<Outcome> {
        let label = super::change_label::change_label(&action, &self.data, self.s());
        let (Some(label), Some(store)) = (label, &self.store) else {
            return self.apply_inner(action);
        };
        store.begin_change(&label)?;
        let result = self.apply_inner(action);
        let finished = self
            .store
            .as_ref()
            .map_or(Ok(()), |st| st.finish_change(result.is_ok()));
        finished.and(result)
    }

    fn replayed_text(&self, redo: bool, label: Option<String>) -> String {
        let s = self.s();
        match (label, redo) {
            (Some(label), false) => format!("{}: {label}", s.hist_done_undo),
            (Some(label), true) => format!("{}: {label}", s.hist_done_redo),
            (None, false) => s.hist_nothing_undo.to_owned(),
            (None, true) => s.hist_nothing_redo.to_owned(),
        }
    }

    /// Undo or redo changed the file: read it again and show what happened.
    fn after_replay(&mut self, text: String) {
        self.reload();
        let data = &self.data;
        self.attendees.after_external_change(data);
        self.questions.after_external_change(data);
        self.gifts.after_external_change(data);
        self.commendations.after_external_change(data);
        self.show_info(text);
    }

    /// Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo, unless a text field has the
    /// keyboard (it undoes its own typing) or the desk is shown (its Ctrl+Z takes back
    /// the last check-in made there).
    fn history_keys(&self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if !self.writable()
            || self.is_busy()
            || self.page == Page::Desk
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

    /// Reads the history page's list (and the selected change's records) when stale.
    fn refresh_history(&mut self) {
        let Some(store) = &self.store else { return };
        let generation = self.data.generation;
        if self.history.listed_at != Some(generation) {
            match store.history(500) {
                Ok(changes) => self.history.changes = changes,
                Err(e) => tracing::warn!("history: {e}"),
            }
            self.history.listed_at = Some(generation);
        }
        if let Some(id) = self.history.selected
            && self.history.steps_for != Some((id, generation))
        {
            self.history.steps = store
                .change_steps(id, super::panels::history::STEPS_SHOWN)
                .unwrap_or_default();
            self.history.steps_for = Some((id, generation));
        }
    }

    fn apply_inner(&mut self, action: Action) -> Result<Outcome> {
        let store = || self.store.as_ref().ok_or(crate::Error::ReadOnly);
        Ok(match action {
            Action::SaveConference(c) => {
                store()?.set_conference(&c)?;
                Outcome::Updated
            }
            Action::AddAttendee(d) => Outcome::Added(store()?.add_attendee(&d)?),
            Action::UpdateAttendee(id, d) => {
                store()?.update_attendee(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteAttendee(id) => {
                store()?.delete_attendee(&id)?;
                Outcome::Deleted
            }
            Action::CheckIn(id) => {
                let st = store()?;
                let a = st.attendee(&id)?;
                if let Some(at) = a.checked_in_at {
                    let text = format!(
                        "{} — {} {}",
                        a.data.full_name,
                        self.s().desk_already,
                        date::display_time(&at)
                    );
                    return Ok(Outcome::Desk(text, false, DeskPatch::Nothing));
                }
                let now = date::now_stamp();
                st.set_checked_in(&id, Some(&now))?;
                self.checkin_log.push(id.clone());
                Outcome::Desk(
                    format!(
                        "{}: {} — {}",
                        self.s().desk_done,
                        a.data.full_name,
                        date::display_time(&now)
                    ),
                    true,
                    DeskPatch::CheckIns(vec![id]),
                )
            }
            Action::UndoCheckIn => {
                let Some(id) = self.checkin_log.pop() else {
                    return Ok(Outcome::Desk(
                        self.s().desk_nothing_to_undo.to_owned(),
                        false,
                        DeskPatch::Nothing,
                    ));
                };
                let st = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
                st.set_checked_in(&id, None)?;
                let name = st.attendee(&id)?.data.full_name;
                Outcome::Desk(
                    format!("{}: {name}", self.s().desk_undone),
                    true,
                    DeskPatch::CheckIns(vec![id]),
                )
            }
            Action::CheckInUnit(unit) => {
                let st = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
                let now = date::now_stamp();
                let ids: Vec<String> = self
                    .data
                    .attendees
                    .items
                    .iter()
                    .filter(|a| a.data.unit == unit && a.checked_in_at.is_none())
                    .map(|a| a.id.clone())
                    .collect();
                st.in_transaction(|s| {
                    ids.iter()
                        .try_for_each(|id| s.set_checked_in(id, Some(&now)))
                })?;
                let n = ids.len();
                self.checkin_log.extend(ids.iter().cloned());
                Outcome::Desk(
                    format!("{}: {unit} ({n})", self.s().desk_done),
                    true,
                    DeskPatch::CheckIns(ids),
                )
            }
            Action::AddWalkIn(d) => {
                let st = store()?;
                let now = date::now_stamp();
                let id = st.in_transaction(|s| {
                    let id = s.add_attendee(&d)?;
                    s.set_checked_in(&id, Some(&now))?;
                    Ok(id)
                })?;
                self.checkin_log.push(id.clone());
                Outcome::Desk(
                    format!(
                        "{}: {} — {}",
                        self.s().desk_done,
                        d.full_name,
                        date::display_time(&now)
                    ),
                    true,
                    DeskPatch::Added(id),
                )
            }
            Action::MergeQuestion { id, into_number } => {
                let st = store()?;
                let Some(main) = self
                    .data
                    .questions
                    .items
                    .iter()
                    .find(|q| q.data.number == into_number)
                else {
                    return Err(crate::Error::Invalid(format!(
                        "không có câu hỏi số {into_number}"
                    )));
                };
                st.merge_question(&id, &main.id)?;
                Outcome::Reselect
            }
            Action::UnmergeQuestion(id) => {
                store()?.unmerge_question(&id)?;
                Outcome::Reselect
            }
            Action::MoveCommendation { id, up } => {
                store()?.move_commendation(&id, up)?;
                Outcome::Reselect
            }
            Action::AddQuestion(d) => Outcome::Added(store()?.add_question(&d)?),
            Action::UpdateQuestion(id, d) => {
                store()?.update_question(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteQuestion(id) => {
                store()?.delete_question(&id)?;
                Outcome::Deleted
            }
            Action::AddGift(d) => Outcome::Added(store()?.add_gift(&d)?),
            Action::UpdateGift(id, d) => {
                store()?.update_gift(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteGift(id) => {
                store()?.delete_gift(&id)?;
                Outcome::Deleted
            }
            Action::AddCommendation(d) => Outcome::Added(store()?.add_commendation(&d)?),
            Action::UpdateCommendation(id, d) => {
                store()?.update_commendation(&id, &d)?;
                Outcome::Updated
            }
            Action::DeleteCommendation(id) => {
                store()?.delete_commendation(&id)?;
                Outcome::Deleted
            }
            Action::NewConference => {
                if let Some(path) = self.dialogs.new_conference() {
                    if path.exists() {
                        return Err(crate::Error::Invalid(format!(
                            "tệp {} đã tồn tại; hãy chọn tên khác hoặc dùng Mở…",
                            path.display()
                        )));
                    }
                    self.open_path(&path);
                }
                Outcome::Other
            }
            Action::OpenConference => {
                if let Some(path) = self.dialogs.open_conference() {
                    self.open_path(&path);
                }
                Outcome::Other
            }
            Action::OpenPath(path) => {
                self.open_path(&path);
                Outcome::Other
            }
            Action::OpenReadOnly(path) => {
                self.locked_offer = None;
                match Store::open_read_only(&path) {
                    Ok(store) => self.set_store(store),
                    Err(e) => self.open_failed(&e),
                }
                Outcome::Other
            }
            Action::DismissLocked => {
                self.locked_offer = None;
                Outcome::Other
            }
            Action::OpenSample => {
                let path = crate::paths::sample_conference_file();
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|source| crate::Error::Io {
                        path: dir.to_owned(),
                        source,
                    })?;
                }
                let sample = Store::open(&path, Missing::Create)?;
                if sample.record_count()? == 0 {
                    crate::demo::fill(&sample)?;
                }
                drop(sample);
                self.open_path(&path);
                Outcome::Other
            }
            Action::SaveCopy => {
                let name = suggested_copy_name(&self.data.conference.name);
                if let (Some(store), Some(dest)) =
                    (self.store.as_ref(), self.dialogs.save_copy(&name))
                {
                    store.save_copy(&dest)?;
                    let text = format!("{} {}", self.s().copy_saved, dest.display());
                    self.show_info(text);
                }
                Outcome::Other
            }
            Action::ImportRecordsChoose(kind) => {
                if let Some(path) = self.dialogs.import_file() {
                    self.import_records = Some(RecordImportPanel::new(kind, path.clone()));
                    self.page = Page::Import;
                    self.start_prepare_records(kind, path)?;
                }
                Outcome::Other
            }
            Action::ImportRecordsApply => {
                self.start_apply_records()?;
                Outcome::Other
            }
            Action::ImportChoose => {
                if let Some(path) = self.dialogs.import_file() {
                    self.import_records = None;
                    self.import.start(path.clone());
                    self.page = Page::Import;
                    self.start_prepare(path, crate::import::ReadOptions::default())?;
                }
                Outcome::Other
            }
            Action::ImportPrepare { path, options } => {
                self.import.options = options.clone();
                self.start_prepare(path, options)?;
                Outcome::Other
            }
            Action::ImportRemap(mapping) => {
                self.start_remap(mapping)?;
                Outcome::Other
            }
            Action::ImportApply => {
                self.start_apply()?;
                Outcome::Other
            }
            Action::ImportCancel | Action::ExportCancel => {
                if let Some(job) = &self.job {
                    job.progress.cancel();
                }
                Outcome::Other
            }
            Action::ImportClose => {
                if let Some(job) = self.job.take() {
                    job.progress.cancel();
                }
                self.import = ImportPanel::default();
                self.page = match self.import_records.take().map(|p| p.kind) {
                    Some(RecordKind::Questions) => Page::Questions,
                    Some(RecordKind::Gifts) => Page::Gifts,
                    Some(RecordKind::Commendations) => Page::Commendations,
                    None => Page::Attendees,
                };
                Outcome::Other
            }
            Action::ExportChoose {
                kind,
                options,
                format,
            } => {
                self.start_export(kind, options, format)?;
                Outcome::Other
            }
            Action::OpenExternal(path) => {
                opener::open(&path).map_err(|e| {
                    crate::Error::Invalid(format!("không mở được {}: {e}", path.display()))
                })?;
                Outcome::Other
            }
            Action::ListAdd { list, name } => {
                store()?.add_entry(list, &name)?;
                Outcome::Updated
            }
            Action::ListRename { list, id, name } => {
                store()?.rename_entry(list, &id, &name)?;
                Outcome::Updated
            }
            Action::ListMove { list, id, up } => {
                store()?.move_entry(list, &id, up)?;
                Outcome::Updated
            }
            Action::ListMerge { list, from, into } => {
                store()?.merge_entry(list, &from, &into)?;
                Outcome::Updated
            }
            Action::ListDelete { list, id } => {
                store()?.delete_entry(list, &id)?;
                Outcome::Updated
            }
            Action::OfficeAliases { id, aliases } => {
                store()?.set_office_aliases(&id, &aliases)?;
                Outcome::Updated
            }
            Action::Undo | Action::Redo => {
                let redo = action == Action::Redo;
                let st = store()?;
                // The desk's own undo list may name check-ins that are gone now.
                self.checkin_log.clear();
                if let Some(db) = st.path().map(ToOwned::to_owned)
                    && st.replay_rows(redo)? > LARGE_CHANGE
                {
                    self.spawn("history", move |_| JobOutcome::Replayed {
                        redo,
                        result: Store::open(&db, Missing::Refuse)
                            .and_then(|s| if redo { s.redo() } else { s.undo() }),
                    })?;
                    return Ok(Outcome::Other);
                }
                let done = if redo { st.redo()? } else { st.undo()? };
                Outcome::History(self.replayed_text(redo, done))
            }
            Action::BackupNow => {
                if self.take_snapshot(Reason::Manual).is_some() {
                    self.show_info(self.s().backup_done.to_owned());
                }
                self.backups.listed_at = None;
                Outcome::Other
            }
            Action::Restore(path) => {
                let folder = self.backup_folder().ok_or(crate::Error::ReadOnly)?;
                let store = self.store.as_mut().ok_or(crate::Error::ReadOnly)?;
                store.restore(&path, &folder)?;
                tracing::info!(snapshot = %path.display(), "restored");
                self.checkin_log.clear();
                self.reload();
                self.backups.listed_at = None;
                self.show_info(self.s().backup_restored.to_owned());
                Outcome::Other
            }
            Action::Present(on) => {
                self.presenting = on;
                if let Some(ctx) = &self.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                }
                Outcome::Other
            }
            Action::SetLanguage(lang) => {
                self.lang = lang;
                Outcome::Other
            }
            Action::Navigate { page, new_record } => {
                self.page = page;
                if new_record {
                    match page {
                        Page::Attendees => self.attendees.start_new(&self.data),
                        Page::Questions => self.questions.start_new(&self.data),
                        Page::Gifts => self.gifts.start_new(&self.data),
                        Page::Commendations => self.commendations.start_new(&self.data),
                        Page::Overview
                        | Page::Desk
                        | Page::Import
                        | Page::Export
                        | Page::Lists
                        | Page::Backups
                        | Page::History => {}
                    }
                }
                Outcome::Other
            }
        })
    }
}

impl App {
    fn spawn(
        &mut self,
        name: &str,
        work: impl FnOnce(&super::job::Progress) -> JobOutcome + Send + 'static,
    ) -> Result<()> {
        if self.job.is_some() {
            return Err(crate::Error::Invalid(
                "một tác vụ nhập hoặc xuất tệp đang chạy; hãy chờ xong".into(),
            ));
        }
        let ctx = self.ctx.clone().unwrap_or_default();
        let job = Job::spawn(name, &ctx, work).map_err(|source| crate::Error::Io {
            path: PathBuf::from(name),
            source,
        })?;
        self.job = Some(job);
        Ok(())
    }

    /// Existing attendees for duplicate marking, read here only for a file with no path.
    fn existing_source(&self) -> Result<(Option<PathBuf>, crate::import::Existing)> {
        let store = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
        Ok(match store.path() {
            Some(p) => (Some(p.to_owned()), crate::import::Existing::default()),
            None => (None, crate::import::Existing::load(store)?),
        })
    }

    fn start_prepare(&mut self, path: PathBuf, options: crate::import::ReadOptions) -> Result<()> {
        let (db, preloaded) = self.existing_source()?;
        self.import.plan = None;
        self.import.error = None;
        self.spawn("import-read", move |_| {
            let existing = match db {
                Some(db) => {
                    Store::open_read_only(&db).and_then(|s| crate::import::Existing::load(&s))
                }
                None => Ok(preloaded),
            };
            JobOutcome::Planned(Box::new(
                existing.and_then(|e| crate::import::prepare(&path, &options, &e)),
            ))
        })
    }

    fn start_remap(&mut self, mapping: Vec<Option<crate::import::Field>>) -> Result<()> {
        let Some(plan) = self.import.plan.take() else {
            return Ok(());
        };
        let (db, preloaded) = self.existing_source()?;
        self.spawn("import-map", move |_| {
            let existing = match db {
                Some(db) => {
                    Store::open_read_only(&db).and_then(|s| crate::import::Existing::load(&s))
                }
                None => Ok(preloaded),
            };
            JobOutcome::Planned(Box::new(existing.map(|e| {
                crate::import::plan(&plan.file, plan.grid, plan.header_row, mapping, &e)
            })))
        })
    }

    fn start_apply(&mut self) -> Result<()> {
        let Some(plan) = self.import.plan.clone() else {
            return Ok(());
        };
        self.take_snapshot(Reason::BeforeImport);
        let store = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
        let (on_dup, skip_invalid) = (self.import.on_duplicate, self.import.skip_invalid);
        let Some(db) = store.path().map(ToOwned::to_owned) else {
            // An in-memory conference (tests) has no second connection to hand a worker.
            let result = crate::import::apply(store, &plan, on_dup, skip_invalid, &mut |_, _| true);
            self.job = Some(Job::done(JobOutcome::Imported(result)));
            return Ok(());
        };
        // Its own connection on a worker thread; WAL lets the window keep reading.
        self.spawn("import-apply", move |progress| {
            let result = Store::open(&db, Missing::Refuse).and_then(|s| {
                crate::import::apply(&s, &plan, on_dup, skip_invalid, &mut |d, t| {
                    progress.set(d, t)
                })
            });
            JobOutcome::Imported(result)
        })
    }

    fn start_export(
        &mut self,
        kind: crate::export::ListKind,
        options: crate::export::Options,
        format: crate::export::Format,
    ) -> Result<()> {
        use crate::export::Source;
        let store = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
        let name =
            crate::export::suggested_file_name(&self.data.conference.name, kind, options, format);
        let Some(path) = self.dialogs.export_file(&name, format) else {
            return Ok(());
        };
        self.export.written = None;
        self.export.error = None;
        // Records are read by the worker from its own read-only connection; a file with
        // no path (tests) is read here.
        let (db, preloaded) = match store.path() {
            Some(p) => (Some(p.to_owned()), None),
            None => (None, Some(Source::load(store)?)),
        };
        self.spawn("export", move |progress| {
            let src = match (db, preloaded) {
                (_, Some(src)) => Ok(src),
                (Some(db), None) => Store::open_read_only(&db).and_then(|s| Source::load(&s)),
                (None, None) => Err(crate::Error::ReadOnly),
            };
            JobOutcome::Exported(src.and_then(|src| {
                crate::export::export(&src, kind, options, &path, &mut |d, t| progress.set(d, t))
            }))
        })
    }

    fn start_prepare_records(&mut self, kind: RecordKind, path: PathBuf) -> Result<()> {
        use crate::import::records::{Known, prepare};
        let store = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
        let (db, preloaded) = match store.path() {
            Some(p) => (Some(p.to_owned()), None),
            None => (None, Some(Known::load(store, kind)?)),
        };
        self.spawn("import-read", move |_| {
            let known = match (db, preloaded) {
                (_, Some(k)) => Ok(k),
                (Some(db), None) => Store::open_read_only(&db).and_then(|s| Known::load(&s, kind)),
                (None, None) => Err(crate::Error::ReadOnly),
            };
            JobOutcome::RecordsPlanned(Box::new(
                known
                    .and_then(|k| prepare(kind, &path, &crate::import::ReadOptions::default(), &k)),
            ))
        })
    }

    fn start_apply_records(&mut self) -> Result<()> {
        let Some(plan) = self.import_records.as_ref().and_then(|p| p.plan.clone()) else {
            return Ok(());
        };
        self.take_snapshot(Reason::BeforeImport);
        let store = self.store.as_ref().ok_or(crate::Error::ReadOnly)?;
        let Some(db) = store.path().map(ToOwned::to_owned) else {
            let result = crate::import::records::apply(store, &plan, &mut |_, _| true);
            self.job = Some(Job::done(JobOutcome::Imported(result)));
            return Ok(());
        };
        self.spawn("import-apply", move |progress| {
            JobOutcome::Imported(Store::open(&db, Missing::Refuse).and_then(|s| {
                crate::import::records::apply(&s, &plan, &mut |d, t| progress.set(d, t))
            }))
        })
    }

    /// The snapshot folder of the open file; none for a file with no path.
    fn backup_folder(&self) -> Option<PathBuf> {
        let db = self.store.as_ref()?.path()?;
        Some(backup::folder(&self.backup_root, db))
    }

    /// Takes the snapshots that are due: once after opening (a file with records), then
    /// every few minutes while it is being edited.
    fn backup_tick(&mut self) {
        let writable = self.writable();
        let Some(store) = &self.store else { return };
        if !writable || store.path().is_none() || self.job.is_some() {
            return;
        }
        if self.opened_snapshot_due {
            self.opened_snapshot_due = false;
            if store.record_count().unwrap_or(0) > 0 {
                self.take_snapshot(Reason::Opened);
            }
            self.last_backup.get_or_insert_with(Instant::now);
            return;
        }
        if self.edited_since_backup && self.last_backup.is_none_or(|t| t.elapsed() >= BACKUP_EVERY)
        {
            self.take_snapshot(Reason::Periodic);
        }
    }

    fn take_snapshot(&mut self, reason: Reason) -> Option<PathBuf> {
        let folder = self.backup_folder()?;
        let result = self.store.as_ref()?.snapshot(&folder, reason);
        self.last_backup = Some(Instant::now());
        self.edited_since_backup = false;
        self.backups.listed_at = None;
        match result {
            Ok(p) => {
                tracing::info!(snapshot = %p.display(), reason = reason.code(), "backup taken");
                Some(p)
            }
            Err(e) => {
                self.show_error(format!("{e:#}"));
                None
            }
        }
    }

    fn poll_job(&mut self) {
        let Some(job) = &self.job else { return };
        let Some(outcome) = job.poll() else {
            if let Some(ctx) = &self.ctx {
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            return;
        };
        self.job = None;
        let s = self.s();
        match outcome {
            JobOutcome::Planned(result) => match *result {
                Ok(plan) => self.import.plan = Some(plan),
                Err(e) => self.import.error = Some(format!("{e:#}")),
            },
            JobOutcome::RecordsPlanned(result) => {
                if let Some(panel) = &mut self.import_records {
                    match *result {
                        Ok(plan) => panel.plan = Some(plan),
                        Err(e) => panel.error = Some(format!("{e:#}")),
                    }
                }
            }
            JobOutcome::Imported(Ok(summary)) if self.import_records.is_some() => {
                self.reload();
                if let Some(panel) = &mut self.import_records {
                    panel.plan = None;
                    panel.summary = Some(summary);
                }
                self.show_info(summary.to_string());
            }
            JobOutcome::Imported(Err(e))
                if self.import_records.is_some() && !matches!(e, crate::Error::Cancelled) =>
            {
                if let Some(panel) = &mut self.import_records {
                    panel.error = Some(format!("{e:#}"));
                }
            }
            JobOutcome::Imported(Ok(summary)) => {
                self.reload();
                self.import.plan = None;
                self.import.summary = Some(summary);
                self.show_info(summary.to_string());
            }
            JobOutcome::Imported(Err(crate::Error::Cancelled)) => {
                self.show_info(s.import_cancelled.to_owned());
            }
            JobOutcome::Imported(Err(e)) => self.import.error = Some(format!("{e:#}")),
            JobOutcome::Exported(Ok(w)) => {
                tracing::info!(rows = w.rows, bytes = w.bytes, "list written");
                self.show_info(format!("{}: {}", s.export_done, w.path.display()));
                self.export.written = Some(w);
            }
            JobOutcome::Exported(Err(crate::Error::Cancelled)) => {
                self.show_info(s.export_cancelled.to_owned());
            }
            JobOutcome::Exported(Err(e)) => self.export.error = Some(format!("{e:#}")),
            JobOutcome::Replayed { redo, result } => match result {
                Ok(label) => {
                    let text = self.replayed_text(redo, label);
                    self.after_replay(text);
                }
                Err(e) => {
                    self.reload();
                    self.show_error(format!("{e:#}"));
                }
            },
        }
    }

    /// True while a background job runs (tests wait on it).
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }
}

/// The page whose panel asked for an action.
fn action_page(action: &Action) -> Page {
    match action {
        Action::AddAttendee(_) | Action::UpdateAttendee(..) | Action::DeleteAttendee(_) => {
            Page::Attendees
        }
        Action::AddQuestion(_)
        | Action::UpdateQuestion(..)
        | Action::DeleteQuestion(_)
        | Action::MergeQuestion { .. }
        | Action::UnmergeQuestion(_) => Page::Questions,
        Action::AddGift(_) | Action::UpdateGift(..) | Action::DeleteGift(_) => Page::Gifts,
        Action::AddCommendation(_)
        | Action::UpdateCommendation(..)
        | Action::DeleteCommendation(_)
        | Action::MoveCommendation { .. } => Page::Commendations,
        _ => Page::Overview,
    }
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
