//! Long work off the window's thread: reading and storing imports, writing lists, and
//! undoing or redoing a whole import. One job at a time; each says what finished.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::App;
use crate::error::{Error, Result};
use crate::import::{Choices, Kind, Known, ReadOptions};
use crate::store::backup::Reason;
use crate::store::{Missing, Store};
use crate::ui::job::{Job, Outcome, Progress};
use crate::ui::panels::import::ImportPanel;

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

    pub(super) fn spawn(
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
    /// Reads a file chosen for import, for its preview.
    pub(super) fn start_import(&mut self, kind: Kind, path: PathBuf) -> Result<()> {
        self.pages.import.start(kind, path);
        self.pages.page = crate::ui::Page::Import;
        self.start_read(ReadOptions::default())
    }

    /// Reads the chosen file (again, with another encoding or delimiter) and plans it.
    pub(super) fn start_read(&mut self, options: ReadOptions) -> Result<()> {
        let panel = &mut self.pages.import;
        let (Some(kind), Some(path)) = (panel.kind, panel.path.clone()) else {
            return Ok(());
        };
        panel.options = options.clone();
        panel.plan = None;
        panel.error = None;
        let reader = Reader::new(self.session.store()?, |s| Known::load(s, kind))?;
        self.jobs.spawn("import-read", move |_| {
            let planned = reader.read(|s| Known::load(s, kind)).and_then(|known| {
                crate::import::prepare(kind, &path, &options, &Choices::default(), &known)
            });
            Outcome::Planned(Box::new(planned))
        })
    }

    /// Plans the file already read again, with the user's choices from the preview.
    pub(super) fn start_replan(&mut self, choices: Choices) -> Result<()> {
        let Some(plan) = self.pages.import.plan.clone() else {
            return Ok(());
        };
        let (kind, book) = (plan.kind, Arc::clone(&plan.book));
        let reader = Reader::new(self.session.store()?, |s| Known::load(s, kind))?;
        self.jobs.spawn("import-plan", move |_| {
            let planned = reader
                .read(|s| Known::load(s, kind))
                .and_then(|known| crate::import::plan(kind, &book, choices, &known));
            Outcome::Planned(Box::new(planned))
        })
    }

    /// Stores the previewed rows, on a worker with its own connection (WAL lets the
    /// window keep reading meanwhile).
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
            self.jobs.finished_here(Outcome::Imported(result));
            return Ok(());
        };
        self.jobs.spawn("import-apply", move |progress| {
            let result = Store::open(&db, Missing::Refuse).and_then(|s| {
                crate::import::apply(&s, &plan, on_dup, skip_invalid, &mut |d, t| {
                    progress.set(d, t)
                })
            });
            Outcome::Imported(result)
        })
    }

    /// Asks where, then writes a list in the background.
    pub(super) fn start_export(
        &mut self,
        kind: crate::export::ListKind,
        options: crate::export::Options,
        format: crate::export::Format,
    ) -> Result<()> {
        self.session.store()?;
        let suggested = crate::export::suggested_file_name(
            &self.session.data.conference.name,
            kind,
            &options,
            format,
        );
        self.ask(crate::ui::dialogs::Ask::Export {
            kind,
            options,
            format,
            suggested,
        })
    }

    /// Writes a list to `path` (its format from the extension) in the background.
    pub(super) fn export_to(
        &mut self,
        kind: crate::export::ListKind,
        options: crate::export::Options,
        path: PathBuf,
    ) -> Result<()> {
        use crate::export::Source;
        let reader = Reader::new(self.session.store()?, Source::load)?;
        self.pages.export.written = None;
        self.pages.export.error = None;
        self.jobs.spawn("export", move |progress| {
            Outcome::Exported(reader.read(Source::load).and_then(|src| {
                crate::export::export(&src, kind, &options, &path, &mut |d, t| progress.set(d, t))
            }))
        })
    }

    /// Prints a list in the background: its PDF to a private file, then to the printer.
    pub(super) fn start_print(
        &mut self,
        kind: crate::export::ListKind,
        options: crate::export::Options,
        printer: Option<String>,
        copies: u32,
    ) -> Result<()> {
        use crate::export::{Format, Source};
        let reader = Reader::new(self.session.store()?, Source::load)?;
        self.jobs.spawn("print", move |progress| {
            Outcome::Printed(reader.read(Source::load).and_then(|src| {
                let (pdf, _) =
                    crate::export::render(&src, kind, &options, Format::Pdf, &mut |d, t| {
                        progress.set(d, t)
                    })?;
                let name = crate::export::suggested_file_name(
                    &src.conference.name,
                    kind,
                    &options,
                    Format::Pdf,
                );
                let dir =
                    std::env::temp_dir().join(format!("hoinghi-in-{}", crate::store::new_id()));
                std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
                    path: dir.clone(),
                    source,
                })?;
                // An ASCII file name: CUPS 2.4 crashes on a document named in Vietnamese.
                let path = dir.join("danh-sach.pdf");
                crate::export::write_atomically(&path, &pdf)?;
                let said = crate::print::print(&path, printer.as_deref(), copies, &name);
                let _ = std::fs::remove_dir_all(&dir);
                said
            }))
        })
    }

    /// Builds the export page's preview again when the list, its options or the data
    /// changed.
    pub(super) fn refresh_preview(&mut self, ctx: &egui::Context) {
        use crate::export::{Format, Source};
        let Some(store) = &self.session.store else {
            return;
        };
        let export = &self.pages.export;
        let key = crate::ui::preview::Key {
            kind: export.kind,
            options: export.options(),
            generation: self.session.data.generation,
        };
        if !export.preview.stale(&key) {
            return;
        }
        let Ok(reader) = Reader::new(store, Source::load) else {
            return;
        };
        let src = std::sync::Mutex::new(Some(reader));
        let loaded: std::sync::OnceLock<Result<Source>> = std::sync::OnceLock::new();
        let (kind, options) = (key.kind, key.options.clone());
        self.pages.export.preview.start(key, ctx, move |first| {
            let src = loaded.get_or_init(|| {
                let reader = src.lock().ok().and_then(|mut r| r.take());
                reader.map_or(Err(Error::NoFile), |r| r.read(Source::load))
            });
            let src = src.as_ref().map_err(|e| Error::Invalid(e.to_string()))?;
            crate::export::render_first(src, kind, &options, Format::Pdf, first)
        });
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
                Ok(plan) => self.pages.import.planned(plan),
                Err(e) => self.pages.import.error = Some(format!("{e:#}")),
            },
            Outcome::Imported(result) => self.imported(result),
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
            Outcome::Printed(Ok(sent)) => {
                tracing::info!(job = %sent.job, printer = %sent.printer, copies = sent.copies, "list printed");
                self.chrome.info(s.print_sent(sent.copies, &sent.printer));
            }
            Outcome::Printed(Err(e)) => self.chrome.error(format!("{e:#}")),
            Outcome::Opened {
                path,
                passphrase,
                result,
            } => self.opened(&path, passphrase, result),
            Outcome::Converted {
                kind,
                result,
                reopened,
            } => self.converted(kind, result, reopened),
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
    fn imported(&mut self, result: Result<crate::import::Summary>) {
        match result {
            Ok(summary) => {
                self.after_external_change();
                self.pages.import.plan = None;
                self.pages.import.summary = Some(summary);
                let text = crate::ui::panels::import::summary_text(&summary, self.s());
                self.chrome.info(text);
            }
            Err(Error::Cancelled) => self.chrome.info(self.s().import_cancelled.to_owned()),
            Err(e) => self.pages.import.error = Some(format!("{e:#}")),
        }
    }

    /// Leaves the import page for the page of what was imported.
    pub(super) fn close_import(&mut self) {
        self.jobs.cancel();
        let kind = self.pages.import.kind.unwrap_or(Kind::Attendees);
        self.pages.import = ImportPanel::default();
        self.pages.page = crate::ui::panels::import::page_of(kind);
    }
}
