//! Long work (imports, exports) on a named background thread. Progress goes through atomics,
//! the result through a channel the app polls each frame; the window never waits.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::error::Result;
use crate::import::{Plan, Summary};

/// Shared between the window and the worker.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancel: AtomicBool,
}

impl Progress {
    /// Records progress; returns false once the user has cancelled.
    pub fn set(&self, done: usize, total: usize) -> bool {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        !self.is_cancelled()
    }

    /// Done as a fraction, `None` while the total is unknown.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed);
        #[allow(
            clippy::cast_precision_loss,
            reason = "a progress bar needs no more precision"
        )]
        (total > 0).then(|| done as f32 / total as f32)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What a finished job hands back.
#[derive(Debug)]
pub enum Outcome {
    /// A file was read and planned, or planned again (the preview).
    Planned(Box<Result<Plan>>),
    /// An import was stored (or refused, or cancelled).
    Imported(Result<Summary>),
    /// A list was written.
    Exported(Result<crate::export::Written>),
    /// A list went to the printer: what the system said of the job.
    Printed(Result<crate::print::Sent>),
    /// A large change was undone (`redo` false) or made again: its label.
    Replayed {
        redo: bool,
        result: Result<Option<String>>,
    },
    /// A file was opened or created with a passphrase (deriving its key takes a moment).
    Opened {
        path: std::path::PathBuf,
        passphrase: Option<crate::store::key::Passphrase>,
        result: Result<Opened>,
    },
    /// The open file was locked, unlocked or given another passphrase, then opened again
    /// (the old file when the conversion failed).
    Converted {
        kind: crate::ui::passphrase::Conversion,
        result: Result<crate::store::vault::Converted>,
        reopened: Result<Opened>,
    },
}

/// A conference file a worker opened, handed to the window.
pub struct Opened(pub crate::store::Store);

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opened(…)")
    }
}

/// A running job.
pub struct Job {
    pub progress: Arc<Progress>,
    rx: mpsc::Receiver<Outcome>,
}

impl Job {
    /// Starts `work` on a thread called `name`; the window is woken when it ends.
    pub fn spawn(
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) -> std::io::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let (p, ctx) = (Arc::clone(&progress), ctx.clone());
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let outcome = work(&p);
                // The window may have closed meanwhile; then nobody needs the result.
                if tx.send(outcome).is_ok() {
                    ctx.request_repaint();
                }
            })?;
        Ok(Self { progress, rx })
    }

    /// A job already finished (work that had to run here, e.g. on an in-memory file).
    pub fn done(outcome: Outcome) -> Self {
        let (tx, rx) = mpsc::channel();
        tx.send(outcome).ok();
        Self {
            progress: Arc::new(Progress::default()),
            rx,
        }
    }

    /// The result, once the job has finished.
    pub fn poll(&self) -> Option<Outcome> {
        self.rx.try_recv().ok()
    }
}
