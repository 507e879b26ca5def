//! Small reusable widgets: labelled form fields with inline errors, the attendee picker.

use egui::{Key, Response, TextEdit, Ui};

use super::data::Data;
use super::theme;
use crate::domain::{Attendee, FieldError};
use crate::text::Query;
use crate::ui::i18n::Strings;

/// Draws the fields of one form and collects what happened to them this frame.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent per-frame flags, not a state machine"
)]
pub struct FormUi<'a> {
    pub s: &'static Strings,
    errors: &'a [FieldError],
    /// Enter was pressed in a single-line field (or Ctrl+Enter in a multi-line one).
    pub submit: bool,
    /// A field lost focus: an existing record's edit is committed then.
    pub commit: bool,
    /// Put the cursor in the first field drawn.
    focus_first: bool,
    /// Read-only file: fields are shown but cannot be changed.
    pub enabled: bool,
    /// Commands a form asks for besides saving (merge, move).
    pub actions: Vec<super::action::Action>,
}

impl<'a> FormUi<'a> {
    pub fn new(
        s: &'static Strings,
        errors: &'a [FieldError],
        focus_first: bool,
        enabled: bool,
    ) -> Self {
        Self {
            s,
            errors,
            submit: false,
            commit: false,
            focus_first,
            enabled,
            actions: Vec::new(),
        }
    }

    fn finish(&mut self, ui: &Ui, resp: &Response, multiline: bool) {
        if self.focus_first {
            resp.request_focus();
            self.focus_first = false;
        }
        if resp.lost_focus() {
            self.commit = true;
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            let ctrl_enter = ui.input(|i| i.modifiers.command);
            if enter && (!multiline || ctrl_enter) {
                self.submit = true;
            }
        }
        if multiline
            && resp.has_focus()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::Enter))
        {
            self.submit = true;
            self.commit = true;
        }
    }

    /// The error under a field, if any.
    pub fn error(&self, ui: &mut Ui, key: &str) {
        if let Some(e) = self.errors.iter().find(|e| e.field == key) {
            ui.label(theme::error_text(self.s.problem(e.problem)));
        }
    }

    /// A labelled single-line text field.
    pub fn text(&mut self, ui: &mut Ui, key: &str, label: &str, value: &mut String) -> Response {
        let label = ui.label(label);
        let resp = ui
            .add_enabled(
                self.enabled,
                TextEdit::singleline(value).desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.finish(ui, &resp, false);
        self.error(ui, key);
        resp
    }

    /// A labelled multi-line text field (Enter makes a new line, Ctrl+Enter saves).
    pub fn multiline(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        value: &mut String,
        rows: usize,
    ) -> Response {
        let label = ui.label(label);
        let resp = ui
            .add_enabled(
                self.enabled,
                TextEdit::multiline(value)
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.finish(ui, &resp, true);
        self.error(ui, key);
        resp
    }

    /// A labelled checkbox; toggling it counts as a commit.
    pub fn checkbox(&mut self, ui: &mut Ui, label: &str, value: &mut bool) -> Response {
        let resp = ui.add_enabled(self.enabled, egui::Checkbox::new(value, label));
        if resp.changed() {
            self.commit = true;
        }
        resp
    }

    /// A drop-down under its label, as wide as the form; choosing counts as a commit.
    pub fn combo<T: PartialEq + Clone>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        selected_text: &str,
        add_options: impl FnOnce(&mut Ui, &mut T),
    ) {
        let before = value.clone();
        let label_id = ui.label(label).id;
        ui.add_enabled_ui(self.enabled, |ui| {
            let combo = egui::ComboBox::from_id_salt(label)
                .selected_text(selected_text)
                .width(ui.available_width() - 8.0)
                .height(340.0)
                .show_ui(ui, |ui| add_options(ui, value));
            combo.response.labelled_by(label_id);
        });
        if *value != before {
            self.commit = true;
        }
    }

    /// A drop-down of fixed `options`.
    pub fn choice<T: PartialEq + Copy>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        options: &[(T, &str)],
    ) {
        let current = options
            .iter()
            .find(|(v, _)| v == value)
            .map_or("", |(_, t)| *t);
        self.combo(ui, label, value, current, |ui, value| {
            for (v, text) in options {
                ui.selectable_value(value, *v, *text);
            }
        });
    }
}

/// Up to `limit` attendees whose name, unit or phone match `text`, for picking a person.
pub fn matching_attendees<'d>(data: &'d Data, text: &str, limit: usize) -> Vec<&'d Attendee> {
    let q = Query::new(text);
    if q.is_empty() {
        return Vec::new();
    }
    data.attendees
        .items
        .iter()
        .zip(&data.attendees.keys)
        .filter(|(_, k)| q.matches(k))
        .map(|(a, _)| a)
        .take(limit)
        .collect()
}

/// Suggestions under a name field: click one to link the record to that attendee.
/// Shown only while the typed name is not yet linked.
pub fn attendee_suggestions<'d>(
    ui: &mut Ui,
    data: &'d Data,
    typed: &str,
    s: &Strings,
) -> Option<&'d Attendee> {
    let matches = matching_attendees(data, typed, 6);
    if matches.is_empty() {
        return None;
    }
    let mut picked = None;
    ui.label(theme::muted(s.pick_attendee).small());
    for a in matches {
        let text = format!("{} · {} · {}", a.data.full_name, a.data.rank, a.data.unit);
        if ui.add(egui::Button::new(text).small().truncate()).clicked() {
            picked = Some(a);
        }
    }
    picked
}

/// A modal question with a confirm and a cancel button. Enter confirms, Escape or a
/// click outside cancels. `Some(true)` once confirmed, `Some(false)` once cancelled.
pub fn confirm_modal(
    ctx: &egui::Context,
    id: egui::Id,
    body: impl FnOnce(&mut Ui),
    confirm: egui::Button<'_>,
    cancel_text: &str,
) -> Option<bool> {
    let modal = egui::Modal::new(id).show(ctx, |ui| {
        ui.set_width(440.0);
        body(ui);
        ui.add_space(8.0);
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui.add(confirm).clicked() || ui.input(|i| i.key_pressed(Key::Enter)) {
                choice = Some(true);
            }
            if ui.button(cancel_text).clicked() {
                choice = Some(false);
            }
        });
        choice
    });
    if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    }
}

/// A running import: its bar (a spinner while the file is still being read) and Cancel.
pub fn import_progress(
    ui: &mut egui::Ui,
    progress: &crate::ui::job::Progress,
    s: &crate::ui::i18n::Strings,
    actions: &mut Vec<crate::ui::action::Action>,
) {
    match progress.fraction() {
        Some(f) => {
            ui.add(
                egui::ProgressBar::new(f)
                    .show_percentage()
                    .desired_width(500.0),
            );
        }
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(s.import_reading);
            });
        }
    }
    if ui.button(s.cancel).clicked() {
        actions.push(crate::ui::action::Action::ImportCancel);
    }
}

/// The green card that reports a finished import.
pub fn success_card(ui: &mut egui::Ui, text: String) {
    theme::card().fill(theme::SUCCESS_BG).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(egui::RichText::new(text).size(17.0).color(theme::SUCCESS));
    });
}

/// In a wrapped row of filters, starts a new line unless a label and its drop-down of
/// `combo_width` fit on this one, so a label never ends a line with its list on the next.
pub fn filter_label(ui: &mut Ui, text: &str, combo_width: f32) -> Response {
    let label = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let spacing = ui.spacing();
    let combo = combo_width + spacing.icon_width + 2.0 * spacing.button_padding.x;
    let needed = label.size().x + spacing.item_spacing.x + combo;
    // In a wrapping layout `available_width` is the whole row; what is left is measured.
    let left = ui.max_rect().right() - ui.cursor().min.x;
    if left < needed {
        ui.end_row();
    }
    ui.label(label)
}
