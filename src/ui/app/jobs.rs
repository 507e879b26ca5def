//! Long work off the window's thread: reading and storing imports, writing lists, and
//! undoing or redoing a whole import. One job at a time; each says what finished.

use std::path::PathBuf;
use std::time::Duration;

use super::App;
use crate::error::{Error, Result};
use crate::import::records::RecordKind;
use crate::store::backup::Reason;
use crate::store::{Missing, Store};
use crate::ui::job::{Job, Outcome, Progress};
use crate::ui::panels::import::ImportPanel;
use crate::ui::panels::import_records::RecordImportPanel;

/// The background job running now, if any.
#[derive(Default)]
pub struct Jobs {
    job: Option<Job>,
    /// Kept from the last frame so actions can start jobs that wake the window.
    pub ctx: Option<egui::Context>,
}

impl Jobs {
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    pub fn progress(&self) -> Option<&Progress> {
        self.job.as_ref().map(|j| &*j.progress)
    }

    /// Asks the running job to stop; it reports back as cancelled.
    pub fn cancel_running(&self) {
        if let Some(job) = &self.job {
            job.progress.cancel();
        }
    }

    /// Stops the running job and forgets it (another file was opened).
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
    }

    fn spawn(
        &mut self,
        name: &str,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) -> Result<()> {
        if self.job.is_some() {
            return Err(Error::Busy);
        }
        let ctx = self.ctx.clone().unwrap_or_default();
        let job = Job::spawn(name, &ctx, work).map_err(|source| Error::Io {
            path: PathBuf::from(name),
            source,
        })?;
        self.job = Some(job);
        Ok(())
    }

    /// Work that had to run here (an in-memory file has no second connection).
    fn finished_here(&mut self, outcome: Outcome) {
        self.job = Some(Job::done(outcome));
    }

    fn poll(&mut self) -> Option<Outcome> {
        let outcome = self.job.as_ref()?.poll();
        if outcome.is_some() {
            self.job = None;
        } else if let Some(ctx) = &self.ctx {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        outcome
    }
}

/// Where a worker reads the conference from: its own read-only connection to the
/// file, or, for a file with no path (tests), what was read here before it started.
enum Reader<T> {
    File(PathBuf),
    Read(T),
}

impl<T> Reader<T> {
    fn new(store: &Store, load: impl FnOnce(&Store) -> Result<T>) -> Result<Self> {
        Ok(match store.path() {
            Some(p) => Self::File(p.to_owned()),
            None => Self::Read(load(store)?),
        })
    }

    fn read(self, load: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        match self {
            Self::File(p) => Store::open_read_only(&p).and_then(|s| load(&s)),
            Self::Read(t) => Ok(t),
        }
    }
}

impl App {
    /// Reads a spreadsheet for the attendee import preview.
    pub(super) fn start_import(&mut self, path: PathBuf) -> Result<()> {
        self.pages.import_records = None;
        self.pages.import.start(path.clone());
        self.pages.page = crate::ui::Page::Import;
        self.start_prepare(path, crate::import::ReadOptions::default())
    }

    pub(super) fn start_prepare(
        &mut self,
        path: PathBuf,
        options: crate::import::ReadOptions,
    ) -> Result<()> {
        let reader = Reader::new(self.session.store()?, crate::import::Existing::load)?;
        self.pages.import.plan = None;
        self.pages.import.error = None;
        self.jobs.spawn("import-read", move |_| {
            let planned = reader
                .read(crate::import::Existing::load)
                .and_then(|e| crate::import::prepare(&path, &options, &e));
            Outcome::Planned(Box::new(planned))
        })
    }

    pub(super) fn start_remap(&mut self, mapping: Vec<Option<crate::import::Field>>) -> Result<()> {
        let reader = Reader::new(self.session.store()?, crate::import::Existing::load)?;
        let Some(plan) = self.pages.import.plan.take() else {
            return Ok(());
        };
        self.jobs.spawn("import-map", move |_| {
            let planned = reader
                .read(crate::import::Existing::load)
                .map(|e| crate::import::plan(&plan.file, plan.grid, plan.header_row, mapping, &e));
            Outcome::Planned(Box::new(planned))
        })
    }

    pub(super) fn start_apply(&mut self) -> Result<()> {
        let Some(plan) = self.pages.import.plan.clone() else {
            return Ok(());
        };
        self.take_snapshot(Reason::BeforeImport);
        let store = self.session.store()?;
        let (on_dup, skip_invalid) = (
            self.pages.import.on_duplicate,
            self.pages.import.skip_invalid,
        );
        let Some(db) = store.path().map(ToOwned::to_owned) else {
            let result = crate::import::apply(store, &plan, on_dup, skip_invalid, &mut |_, _| true);
            self.jobs.finished_here(Outcome::AttendeesImported(result));
            return Ok(());
        };
        // Its own connection on a worker thread; WAL lets the window keep reading.
        self.jobs.spawn("import-apply", move |progress| {
            let result = Store::open(&db, Missing::Refuse).and_then(|s| {
                crate::import::apply(&s, &plan, on_dup, skip_invalid, &mut |d, t| {
                    progress.set(d, t)
                })
            });
            Outcome::AttendeesImported(result)
        })
    }

    /// Reads a file of questions, gifts or commendations for its preview.
    pub(super) fn start_import_records(&mut self, kind: RecordKind, path: PathBuf) -> Result<()> {
        use crate::import::records::{Known, prepare};
        let reader = Reader::new(self.session.store()?, |s| Known::load(s, kind))?;
        self.pages.import_records = Some(RecordImportPanel::new(kind, path.clone()));
        self.pages.page = crate::ui::Page::Import;
        self.jobs.spawn("import-read", move |_| {
            let planned = reader
                .read(|s| Known::load(s, kind))
                .and_then(|k| prepare(kind, &path, &crate::import::ReadOptions::default(), &k));
            Outcome::RecordsPlanned(Box::new(planned))
        })
    }

    pub(super) fn start_apply_records(&mut self) -> Result<()> {
        let Some(plan) = self
            .pages
            .import_records
            .as_ref()
            .and_then(|p| p.plan.clone())
        else {
            return Ok(());
        };
        self.take_snapshot(Reason::BeforeImport);
        let store = self.session.store()?;
        let Some(db) = store.path().map(ToOwned::to_owned) else {
            let result = crate::import::records::apply(store, &plan, &mut |_, _| true);
            self.jobs.finished_here(Outcome::RecordsImported(result));
            return Ok(());
        };
        self.jobs.spawn("import-apply", move |progress| {
            Outcome::RecordsImported(Store::open(&db, Missing::Refuse).and_then(|s| {
                crate::import::records::apply(&s, &plan, &mut |d, t| progress.set(d, t))
            }))
        })
    }

    /// Asks where, then writes a list in the background.
    pub(super) fn start_export(
        &mut self,
        kind: crate::export::ListKind,
        options: crate::export::Options,
        format: crate::export::Format,
    ) -> Result<()> {
        use crate::export::Source;
        let reader = Reader::new(self.session.store()?, Source::load)?;
        let name = crate::export::suggested_file_name(
            &self.session.data.conference.name,
            kind,
            options,
            format,
        );
        let Some(path) = self.dialogs.export_file(&name, format) else {
            return Ok(());
        };
        self.pages.export.written = None;
        self.pages.export.error = None;
        self.jobs.spawn("export", move |progress| {
            Outcome::Exported(reader.read(Source::load).and_then(|src| {
                crate::export::export(&src, kind, options, &path, &mut |d, t| progress.set(d, t))
            }))
        })
    }

    /// Undoes or redoes a change of many rows (a whole import) in the background.
    pub(super) fn start_replay(&mut self, redo: bool) -> Result<()> {
        let db = self.session.path().ok_or(Error::NoFile)?.to_owned();
        self.jobs.spawn("history", move |_| Outcome::Replayed {
            redo,
            result: Store::open(&db, Missing::Refuse)
                .and_then(|s| if redo { s.redo() } else { s.undo() }),
        })
    }

    /// Takes in what a finished job hands back.
    pub(super) fn poll_job(&mut self) {
        let Some(outcome) = self.jobs.poll() else {
            return;
        };
        let s = self.s();
        match outcome {
            Outcome::Planned(result) => match *result {
                Ok(plan) => self.pages.import.plan = Some(plan),
                Err(e) => self.pages.import.error = Some(format!("{e:#}")),
            },
            Outcome::RecordsPlanned(result) => {
                if let Some(panel) = &mut self.pages.import_records {
                    match *result {
                        Ok(plan) => panel.plan = Some(plan),
                        Err(e) => panel.error = Some(format!("{e:#}")),
                    }
                }
            }
            Outcome::AttendeesImported(result) => self.imported(result, false),
            Outcome::RecordsImported(result) => self.imported(result, true),
            Outcome::Exported(Ok(w)) => {
                tracing::info!(rows = w.rows, bytes = w.bytes, "list written");
                self.chrome
                    .info(format!("{}: {}", s.export_done, w.path.display()));
                self.pages.export.written = Some(w);
            }
            Outcome::Exported(Err(Error::Cancelled)) => {
                self.chrome.info(s.export_cancelled.to_owned());
            }
            Outcome::Exported(Err(e)) => self.pages.export.error = Some(format!("{e:#}")),
            Outcome::Replayed { redo, result } => match result {
                Ok(label) => {
                    let text = self.replayed_text(redo, label);
                    self.after_external_change();
                    self.chrome.info(text);
                }
                Err(e) => {
                    self.reload();
                    self.chrome.error(format!("{e:#}"));
                }
            },
        }
    }

    /// An import was stored (or refused, or cancelled).
    fn imported(&mut self, result: Result<crate::import::Summary>, records: bool) {
        match result {
            Ok(summary) => {
                self.after_external_change();
                match &mut self.pages.import_records {
                    Some(panel) if records => {
                        panel.plan = None;
                        panel.summary = Some(summary);
                    }
                    _ => {
                        self.pages.import.plan = None;
                        self.pages.import.summary = Some(summary);
                    }
                }
                self.chrome.info(summary.to_string());
            }
            Err(Error::Cancelled) => self.chrome.info(self.s().import_cancelled.to_owned()),
            Err(e) => match &mut self.pages.import_records {
                Some(panel) if records => panel.error = Some(format!("{e:#}")),
                _ => self.pages.import.error = Some(format!("{e:#}")),
            },
        }
    }

    /// Leaves the import page for the page of what was imported.
    pub(super) fn close_import(&mut self) {
        self.jobs.cancel();
        self.pages.import = ImportPanel::default();
        self.pages.page = match self.pages.import_records.take().map(|p| p.kind) {
            Some(RecordKind::Questions) => crate::ui::Page::Questions,
            Some(RecordKind::Gifts) => crate::ui::Page::Gifts,
            Some(RecordKind::Commendations) => crate::ui::Page::Commendations,
            None => crate::ui::Page::Attendees,
        };
    }
}
