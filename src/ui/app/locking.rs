//! The passphrase of the open file: the dialog's answers, and locking, unlocking or
//! changing the passphrase of the open file on a worker.
//!
//! A conversion writes a new file and renames it over the open one, so the window lets
//! go of its connection first (what was typed is written before) and keeps the file's
//! lock, so no other window takes the file meanwhile. The worker converts the file and
//! its snapshots, updates the keyring, and opens the file again: the new one, or the old
//! one when the conversion failed (it is then untouched).

use super::App;
use crate::error::{Error, Result};
use crate::store::key::{self, Passphrase};
use crate::store::{Missing, Store, vault};
use crate::ui::action::Action;
use crate::ui::job::{Opened, Outcome};
use crate::ui::passphrase::{Conversion, Field, Given, PassphraseDialog};

impl App {
    /// The passphrase dialog's actions.
    pub(super) fn run_passphrase(&mut self, action: Action) -> Result<()> {
        match action {
            Action::AskPassphrase(purpose) => {
                self.session.store()?;
                self.session.passphrase = Some(PassphraseDialog::new(purpose));
            }
            Action::PassphraseCancel => self.passphrase_cancelled(),
            Action::PassphraseGiven(given) => {
                let result = self.passphrase_given(given);
                if result.is_err() {
                    // The dialog can be used again (or closed).
                    if let Some(dialog) = &mut self.session.passphrase {
                        dialog.working = false;
                    }
                }
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    fn passphrase_given(&mut self, given: Given) -> Result<()> {
        match given {
            Given::Open {
                path,
                read_only,
                passphrase,
            } => self.start_opening(path, read_only, Missing::Refuse, Some(passphrase)),
            Given::New { path, passphrase } => {
                if path.exists() {
                    self.session.passphrase = None;
                    return Err(Error::Exists { path });
                }
                self.start_opening(path, false, Missing::Create, passphrase)
            }
            Given::Lock(new) => self.start_conversion(Conversion::Lock, None, Some(new)),
            Given::Change { old, new } => {
                self.start_conversion(Conversion::Change, Some(old), Some(new))
            }
            Given::Unlock(old) => self.start_conversion(Conversion::Unlock, Some(old), None),
        }
    }

    /// Closes the open file and converts it on a worker.
    fn start_conversion(
        &mut self,
        kind: Conversion,
        old: Option<Passphrase>,
        new: Option<Passphrase>,
    ) -> Result<()> {
        if self.is_busy() {
            return Err(Error::Busy);
        }
        let store = self.session.store()?;
        let path = store.path().ok_or(Error::NoFile)?.to_owned();
        if store.is_read_only() {
            return Err(Error::ReadOnly);
        }
        if old.is_some() && store.passphrase() != old.as_ref() {
            // The file is open with its passphrase: a wrong one is told at once.
            let s = self.s();
            if let Some(dialog) = &mut self.session.passphrase {
                dialog.refuse(Field::Current, s.pass_wrong.to_owned());
            }
            return Ok(());
        }
        // What was typed in a form goes into the file before it is converted.
        self.write_unsaved();
        let folder = self.snapshots.folder(&self.session);
        let Some(store) = self.detach() else {
            return Err(Error::NoFile);
        };
        if let Err(e) = store.close() {
            tracing::warn!("closing before the conversion: {e}");
        }
        tracing::info!(file = %path.display(), ?kind, "converting the open file");
        self.session.passphrase = None;
        self.session.converting = Some(kind);
        let worker_path = path.clone();
        let spawned = self.jobs.spawn("convert", move |_| {
            let path = worker_path;
            let dir = folder.as_deref();
            let result = match (&old, &new) {
                (None, Some(new)) => vault::lock(&path, new, dir),
                (Some(old), Some(new)) => vault::rekey(&path, old, new, dir),
                (Some(old), None) => vault::unlock(&path, old, dir),
                (None, None) => Err(Error::NotLocked { path: path.clone() }),
            };
            if result.is_ok() {
                match new {
                    Some(new) => key::remember(&path, new),
                    None => key::forget(&path),
                }
            }
            Outcome::Converted {
                kind,
                result,
                reopened: Store::open(&path, Missing::Refuse).map(Opened),
            }
        });
        if let Err(e) = spawned {
            self.session.converting = None;
            match Store::open(&path, Missing::Refuse) {
                Ok(store) => self.reattach(store),
                Err(e) => self.lost_file(&e),
            }
            return Err(e);
        }
        Ok(())
    }

    /// A conversion ended: the file is open again, and the corner says what was done.
    pub(super) fn converted(
        &mut self,
        kind: Conversion,
        result: Result<vault::Converted>,
        reopened: Result<Opened>,
    ) {
        self.session.converting = None;
        self.pages.backups.listed_at = None;
        match reopened {
            Ok(Opened(store)) => self.reattach(store),
            Err(e) => {
                self.lost_file(&e);
                return;
            }
        }
        let s = self.s();
        match result {
            Ok(done) => {
                tracing::info!(
                    ?kind,
                    snapshots = done.snapshots,
                    left = done.snapshots_left,
                    "file converted"
                );
                let said = match kind {
                    Conversion::Lock => s.lock_done,
                    Conversion::Change => s.rekey_done,
                    Conversion::Unlock => s.unlock_done,
                };
                let mut text = said.replace("{n}", &done.snapshots.to_string());
                if done.snapshots_left > 0 {
                    text.push_str("; ");
                    text.push_str(
                        &s.convert_left
                            .replace("{n}", &done.snapshots_left.to_string()),
                    );
                }
                self.chrome.info(text);
            }
            Err(e) => self.chrome.error(format!("{}: {e:#}", s.convert_failed)),
        }
    }
}
