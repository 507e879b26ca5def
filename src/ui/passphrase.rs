//! The passphrase dialog: a locked file asks for its passphrase before it opens, a new
//! conference may be given one, and the open file is locked, has its passphrase changed
//! or is unlocked. The dialog only checks what was typed (long enough, typed the same
//! twice); whether a passphrase is right is the file's to say, and the app writes the
//! answer back here.
//!
//! The fields are masked, with a switch to show them. The window's own Telex and VNI
//! typing rewrites their keys as in any field. A system input method composes in them
//! too: the field tells it that it is ordinary text, not a password, because on Wayland
//! the Vietnamese input methods (fcitx5-unikey, ibus-bamboo) stop composing in a password
//! field, and a passphrase here is Vietnamese words.

use std::path::{Path, PathBuf};

use egui::{Key, RichText, TextEdit, Ui};
use zeroize::Zeroizing;

use crate::store::key::{MIN_CHARS, Passphrase};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// What the dialog asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// The passphrase of a locked file, before it opens (read-only, or for writing).
    Open { path: PathBuf, read_only: bool },
    /// A new conference file: a passphrase may be set before it is created.
    New { path: PathBuf },
    /// A passphrase for the open file, which is not locked yet.
    Lock,
    /// The open file's passphrase, and a new one.
    Change,
    /// The open file's passphrase, to take it off.
    Unlock,
}

/// What a conversion of the open file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Lock,
    Change,
    Unlock,
}

/// What was typed, checked as far as the dialog can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    Open {
        path: PathBuf,
        read_only: bool,
        passphrase: Passphrase,
    },
    New {
        path: PathBuf,
        passphrase: Option<Passphrase>,
    },
    Lock(Passphrase),
    Change {
        old: Passphrase,
        new: Passphrase,
    },
    Unlock(Passphrase),
}

/// The field a message belongs under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Current,
    New,
    Repeat,
}

/// The dialog while it is open.
#[allow(
    clippy::struct_excessive_bools,
    reason = "four switches of one dialog, not a state machine"
)]
pub struct PassphraseDialog {
    pub purpose: Purpose,
    current: Zeroizing<String>,
    new: Zeroizing<String>,
    repeat: Zeroizing<String>,
    show: bool,
    /// A new conference: whether it gets a passphrase.
    set: bool,
    /// What is wrong, under the field it is about.
    error: Option<(Field, String)>,
    /// The file is being opened (or created) with what was typed.
    pub working: bool,
    /// The first field takes the keyboard on the next frame.
    focus: bool,
}

impl PassphraseDialog {
    pub fn new(purpose: Purpose) -> Self {
        Self {
            purpose,
            current: Zeroizing::default(),
            new: Zeroizing::default(),
            repeat: Zeroizing::default(),
            show: false,
            set: false,
            error: None,
            working: false,
            focus: true,
        }
    }

    /// The file said the passphrase typed is wrong: the field is emptied for another try.
    pub fn wrong(&mut self, s: &Strings) {
        self.working = false;
        self.current.clear();
        self.error = Some((Field::Current, s.pass_wrong.to_owned()));
        self.focus = true;
    }

    /// A message from the app under `field`; the dialog can be used again.
    pub fn refuse(&mut self, field: Field, text: String) {
        self.working = false;
        self.error = Some((field, text));
    }

    /// The file the dialog is about, when it is not the open one.
    pub fn path(&self) -> Option<&Path> {
        match &self.purpose {
            Purpose::Open { path, .. } | Purpose::New { path } => Some(path),
            Purpose::Lock | Purpose::Change | Purpose::Unlock => None,
        }
    }

    fn asks_current(&self) -> bool {
        matches!(
            self.purpose,
            Purpose::Open { .. } | Purpose::Change | Purpose::Unlock
        )
    }

    fn asks_new(&self) -> bool {
        match self.purpose {
            Purpose::New { .. } => self.set,
            Purpose::Lock | Purpose::Change => true,
            Purpose::Open { .. } | Purpose::Unlock => false,
        }
    }

    /// Checks what was typed; on a problem, says it under its field.
    fn check(&mut self, s: &Strings) -> Option<Given> {
        self.error = None;
        let current = if self.asks_current() {
            // Shorter than any passphrase can be: it is not this file's.
            let Ok(p) = Passphrase::new(&self.current) else {
                self.error = Some((Field::Current, s.pass_wrong.to_owned()));
                return None;
            };
            Some(p)
        } else {
            None
        };
        let new = if self.asks_new() {
            let Ok(p) = Passphrase::new(&self.new) else {
                let text = s.pass_too_short.replace("{min}", &MIN_CHARS.to_string());
                self.error = Some((Field::New, text));
                return None;
            };
            if Passphrase::new(&self.repeat).ok().as_ref() != Some(&p) {
                self.error = Some((Field::Repeat, s.pass_mismatch.to_owned()));
                return None;
            }
            Some(p)
        } else {
            None
        };
        Some(match (&self.purpose, current, new) {
            (Purpose::Open { path, read_only }, Some(passphrase), _) => Given::Open {
                path: path.clone(),
                read_only: *read_only,
                passphrase,
            },
            (Purpose::New { path }, _, passphrase) => Given::New {
                path: path.clone(),
                passphrase,
            },
            (Purpose::Lock, _, Some(new)) => Given::Lock(new),
            (Purpose::Change, Some(old), Some(new)) => Given::Change { old, new },
            (Purpose::Unlock, Some(old), _) => Given::Unlock(old),
            _ => return None,
        })
    }

    /// Draws the dialog; Enter gives what was typed, Esc cancels.
    pub fn ui(&mut self, ctx: &egui::Context, s: &Strings) -> Option<Action> {
        let modal = egui::Modal::new(egui::Id::unique("passphrase_dialog")).show(ctx, |ui| {
            ui.set_width(460.0);
            self.body_ui(ui, s)
        });
        if modal.inner.is_some() {
            return modal.inner;
        }
        (modal.should_close() && !self.working).then_some(Action::PassphraseCancel)
    }

    fn body_ui(&mut self, ui: &mut Ui, s: &Strings) -> Option<Action> {
        let (title, body, go) = match self.purpose {
            Purpose::Open { .. } => (s.pass_open_title, s.pass_open_body, s.pass_open_go),
            Purpose::New { .. } => (s.new_title, "", s.new_create),
            Purpose::Lock => (s.lock_title, s.lock_body, s.lock_go),
            Purpose::Change => (s.rekey_title, "", s.rekey_go),
            Purpose::Unlock => (s.unlock_title, s.unlock_body, s.unlock_go),
        };
        ui.heading(title);
        if let Some(path) = self.path() {
            ui.label(theme::muted(path.display().to_string()));
        }
        if !body.is_empty() {
            ui.label(body);
        }
        ui.add_space(theme::GAP);
        if matches!(self.purpose, Purpose::New { .. }) {
            if ui.checkbox(&mut self.set, s.new_set_pass).changed() {
                self.error = None;
                self.focus = self.set;
            }
            ui.label(theme::muted(s.new_set_pass_hint).small());
        }
        let mut focus = std::mem::take(&mut self.focus);
        let enabled = !self.working;
        ui.add_enabled_ui(enabled, |ui| {
            if self.asks_current() {
                let label = if matches!(self.purpose, Purpose::Open { .. }) {
                    s.pass_field
                } else {
                    s.pass_current
                };
                field_ui(
                    ui,
                    Field::Current,
                    label,
                    &mut self.current,
                    self.show,
                    focus,
                );
                focus = false;
                self.error_ui(ui, Field::Current);
            }
            if self.asks_new() {
                let label = if self.asks_current() {
                    s.pass_new
                } else {
                    s.pass_field
                };
                field_ui(ui, Field::New, label, &mut self.new, self.show, focus);
                self.error_ui(ui, Field::New);
                field_ui(
                    ui,
                    Field::Repeat,
                    s.pass_repeat,
                    &mut self.repeat,
                    self.show,
                    false,
                );
                self.error_ui(ui, Field::Repeat);
                ui.label(theme::muted(
                    s.pass_hint.replace("{min}", &MIN_CHARS.to_string()),
                ));
            }
            if self.asks_current() || self.asks_new() {
                ui.checkbox(&mut self.show, s.pass_show);
            }
        });
        if self.asks_new() {
            ui.add_space(theme::GAP);
            egui::Frame::new()
                .fill(theme::WARNING_BG)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(s.pass_warning).color(theme::WARNING).strong());
                });
        }
        ui.add_space(theme::GAP);
        let mut action = None;
        ui.horizontal(|ui| {
            let go = ui.add_enabled(enabled, egui::Button::new(go));
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            if enabled && (go.clicked() || enter) {
                action = self.check(s).map(Action::PassphraseGiven);
                if action.is_some() {
                    self.working = true;
                }
            }
            if ui
                .add_enabled(enabled, egui::Button::new(s.cancel))
                .clicked()
            {
                action = Some(Action::PassphraseCancel);
            }
            if self.working {
                ui.spinner();
                ui.label(theme::muted(s.pass_opening));
            }
        });
        action
    }

    fn error_ui(&self, ui: &mut Ui, field: Field) {
        if let Some((f, text)) = &self.error
            && *f == field
        {
            ui.label(RichText::new(text).color(theme::ERROR));
        }
    }
}

/// A labelled passphrase field, masked unless `show`.
fn field_ui(ui: &mut Ui, key: Field, label: &str, text: &mut String, show: bool, focus: bool) {
    let label = ui.label(label);
    let field = ui
        .add(
            TextEdit::singleline(text)
                .password(!show)
                .id_salt(("passphrase", key))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if focus {
        field.request_focus();
    }
    if field.has_focus() {
        // Ordinary text to the input method, so that it keeps composing Vietnamese.
        ui.output_mut(|o| {
            if let Some(ime) = &mut o.ime {
                ime.purpose = egui::IMEPurpose::Normal;
            }
        });
    }
}
