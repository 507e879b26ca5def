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
    /// Put the cursor in the next field drawn (a person was just picked).
    focus_next: bool,
    /// Put the cursor in the first field drawn that has an error (a save was refused).
    focus_error: bool,
    /// A multi-line field has the keyboard: Enter makes a new line there.
    pub in_multiline: bool,
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
            focus_next: false,
            focus_error: false,
            in_multiline: false,
            enabled,
            actions: Vec::new(),
        }
    }

    /// The cursor goes to the first field with an error, for the form whose save was
    /// just refused.
    #[must_use]
    pub fn focus_error(mut self, on: bool) -> Self {
        self.focus_error = on;
        self
    }

    fn finish(&mut self, ui: &Ui, key: &str, resp: &Response, multiline: bool) {
        if resp.changed() {
            super::autosave::typed(ui.ctx());
        }
        if multiline && resp.has_focus() {
            self.in_multiline = true;
        }
        if self.focus_error && self.errors.iter().any(|e| e.field == key) {
            resp.request_focus();
            self.focus_error = false;
            return;
        }
        if self.focus_first || self.focus_next {
            resp.request_focus();
            self.focus_first = false;
            self.focus_next = false;
            return;
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
        // A stable id per field: an error or a hint appearing above must not take the
        // keyboard away from the field being typed in.
        let resp = ui
            .add_enabled(
                self.enabled,
                TextEdit::singleline(value)
                    .id_salt(("form_field", key))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.finish(ui, key, &resp, false);
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
                    .id_salt(("form_field", key))
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.finish(ui, key, &resp, true);
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
            // The id egui gives the drop-down's button (`from_id_salt` in this `Ui`).
            let button = ui.make_persistent_id(egui::IdSalt::new(label));
            let open = egui::ComboBox::is_open(ui.ctx(), button);
            let (tab, enter, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Tab),
                    i.key_pressed(Key::Enter),
                    i.key_pressed(Key::Escape),
                )
            });
            if open && tab {
                // Tab leaves the list for the next field: closed before its options
                // take the keyboard, and Tab moves on from the drop-down itself.
                egui::Popup::close_all(ui.ctx());
                ui.memory_mut(|m| m.request_focus(button));
            }
            let combo = egui::ComboBox::from_id_salt(label)
                .selected_text(selected_text)
                .width(ui.available_width() - 8.0)
                .height(340.0)
                .show_ui(ui, |ui| add_options(ui, &mut *value));
            let response = combo.response.labelled_by(label_id);
            // Enter takes the option and closes the list; Esc closes it. Either way the
            // keyboard stays on the drop-down, not on the first widget of the window.
            if open && !tab && (enter || escape || *value != before) {
                egui::Popup::close_all(ui.ctx());
                response.request_focus();
            }
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

/// The attendees whose name, unit or phone match `text`, best first: ranked by
/// [`crate::text::NameRank`], then in name order (given name first), then by unit.
pub fn matching_attendees<'d>(data: &'d Data, text: &str) -> Vec<&'d Attendee> {
    matching_places(data, text)
        .into_iter()
        .filter_map(|i| data.attendees.items.get(i))
        .collect()
}

/// [`matching_attendees`] as places in the attendee list.
fn matching_places(data: &Data, text: &str) -> Vec<usize> {
    let q = Query::new(text);
    if q.is_empty() {
        return Vec::new();
    }
    let rank = crate::text::NameRank::new(text);
    let mut found: Vec<(u8, Vec<u8>, Vec<u8>, usize)> = data
        .attendees
        .items
        .iter()
        .zip(&data.attendees.keys)
        .enumerate()
        .filter(|(_, (_, k))| q.matches(k))
        .map(|(i, (a, _))| {
            (
                rank.of(&a.data.full_name),
                crate::text::name_sort_key(&a.data.full_name),
                crate::text::sort_key(&a.data.unit),
                i,
            )
        })
        .collect();
    found.sort();
    found.into_iter().map(|(.., i)| i).collect()
}

/// The picker's state between frames, kept in egui's memory under the field's id.
#[derive(Debug, Clone, Default)]
struct PickerState {
    highlighted: usize,
    /// Esc was pressed: the typed name stands as someone not on the list.
    dismissed: bool,
    /// The highlight moved with the keyboard: the list scrolls to it.
    moved: bool,
    /// The matches (places in the attendee list) found for a text in a version of the data.
    found: Option<(u64, String, Vec<usize>)>,
}

/// Rows of the picker's list in sight at once; the others scroll.
const PICKER_ROWS: u8 = 6;

impl PickerState {
    /// The matches for `name`, found again only when the text or the data changed.
    fn matches<'d>(&mut self, data: &'d Data, name: &str) -> Vec<&'d Attendee> {
        let fresh = self
            .found
            .as_ref()
            .is_some_and(|(g, t, _)| *g == data.generation && t == name);
        if !fresh {
            let places = matching_places(data, name);
            self.found = Some((data.generation, name.to_owned(), places));
        }
        self.found.as_ref().map_or_else(Vec::new, |(_, _, places)| {
            places
                .iter()
                .filter_map(|&i| data.attendees.items.get(i))
                .collect()
        })
    }
}

impl FormUi<'_> {
    /// A name field that links the record to an attendee: typing lists the matching
    /// people, best first, with their count; Up/Down move through all of them (the list
    /// scrolls), Enter or Tab takes the highlighted one and moves to the next field, a
    /// click takes one too, Esc keeps the typed text as a name not on the list.
    /// `linked` is the attendee's id once one is taken, and is cleared when the name is
    /// typed again. Returns the attendee taken this frame, for the caller to copy the
    /// unit (and rank, position) from.
    pub fn attendee<'d>(
        &mut self,
        ui: &mut Ui,
        key: &str,
        label: &str,
        name: &mut String,
        linked: &mut Option<String>,
        data: &'d Data,
    ) -> Option<&'d Attendee> {
        let label = ui.label(label);
        let id = ui.make_persistent_id(("attendee_picker", key));
        let mut state: PickerState = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let open = self.enabled && linked.is_none() && !state.dismissed;
        let matches = if open {
            state.matches(data, name)
        } else {
            Vec::new()
        };
        state.highlighted = state.highlighted.min(matches.len().saturating_sub(1));
        let focused = ui.memory(|m| m.has_focus(id));
        let mut picked = None;
        // The keys are taken before the field sees them: Enter would otherwise end the
        // field (and submit the form), Esc drop the focus, Tab move on without a pick.
        if focused && !matches.is_empty() {
            use egui::Modifiers as M;
            ui.input_mut(|i| {
                // Every press counts, also several arriving in one frame.
                while i.consume_key(M::NONE, Key::ArrowDown) {
                    state.highlighted = (state.highlighted + 1).min(matches.len() - 1);
                    state.moved = true;
                }
                while i.consume_key(M::NONE, Key::ArrowUp) {
                    state.highlighted = state.highlighted.saturating_sub(1);
                    state.moved = true;
                }
                if i.consume_key(M::NONE, Key::Enter) || i.consume_key(M::NONE, Key::Tab) {
                    picked = matches.get(state.highlighted).copied();
                }
                if i.consume_key(M::NONE, Key::Escape) {
                    state.dismissed = true;
                }
            });
        }
        let before = name.clone();
        // While the list is open, Tab and Esc stay with the field (egui would otherwise
        // move or drop the focus before this code sees them), as egui's own completion
        // popup does.
        let listing = !matches.is_empty();
        let filter = egui::EventFilter {
            tab: listing,
            escape: listing,
            horizontal_arrows: true,
            vertical_arrows: true,
        };
        let resp = ui
            .add_enabled(
                self.enabled,
                TextEdit::singleline(name)
                    .id(id)
                    .event_filter(filter)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        self.finish(ui, key, &resp, false);
        self.error(ui, key);
        // Taken from the keyboard: on to the next field of the form, as Tab would.
        if picked.is_some() {
            self.focus_next = true;
        }
        if *name != before {
            *linked = None;
            state = PickerState::default();
        }
        if picked.is_none() && !matches.is_empty() && !state.dismissed && *name == before {
            picked = picker_list_ui(ui, &matches, &mut state, self.s);
        } else if linked.is_some() {
            ui.label(theme::muted(format!("• {}", self.s.linked_attendee)).small());
        }
        if let Some(a) = picked {
            *linked = Some(a.id.clone());
            name.clone_from(&a.data.full_name);
            state = PickerState::default();
            self.commit = true;
        }
        ui.data_mut(|d| d.insert_temp(id, state));
        picked
    }
}

/// The picker's matches under its field: how many, and a list that scrolls through
/// all of them with the highlighted one kept in sight. Returns the one clicked.
fn picker_list_ui<'d>(
    ui: &mut Ui,
    matches: &[&'d Attendee],
    state: &mut PickerState,
    s: &Strings,
) -> Option<&'d Attendee> {
    ui.label(
        theme::muted(format!(
            "{} {} {}",
            s.pick_attendee,
            matches.len(),
            s.pick_count
        ))
        .small(),
    );
    let row_height = ui.spacing().interact_size.y;
    let spacing = ui.spacing().item_spacing.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("picker_list")
        .max_height(f32::from(PICKER_ROWS) * (row_height + spacing))
        .auto_shrink([false, true]);
    if std::mem::take(&mut state.moved) {
        // The highlighted row at the bottom of the rows in sight, or the top.
        let first = state
            .highlighted
            .saturating_sub(usize::from(PICKER_ROWS) - 1);
        #[allow(
            clippy::cast_precision_loss,
            reason = "a place in a list of people, far below 2^23"
        )]
        let offset = first as f32 * (row_height + spacing);
        area = area.vertical_scroll_offset(offset);
    }
    let mut clicked = None;
    area.show_rows(ui, row_height, matches.len(), |ui, range| {
        for i in range {
            let Some(a) = matches.get(i) else { continue };
            let text = [
                a.data.full_name.as_str(),
                a.data.rank.as_str(),
                a.data.unit.as_str(),
            ]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
            let row = egui::Button::selectable(i == state.highlighted, text)
                .small()
                .truncate()
                .min_size(egui::vec2(ui.available_width(), row_height));
            if ui.add(row).clicked() {
                clicked = Some(*a);
            }
        }
    });
    clicked
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
