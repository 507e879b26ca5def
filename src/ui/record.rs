//! The shared shape of a record panel: a searchable, sortable table on the left,
//! a form on the right, delete with confirmation, and the keyboard shortcuts.
//! Each record kind fills in a [`RecordKind`]; the panel logic lives here once.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use super::action::Action;
use super::data::{Data, Rows};
use super::theme;
use super::widgets::FormUi;
use crate::domain::FieldError;
use crate::text::Query;
use crate::ui::i18n::Strings;

/// A table column.
pub struct ColumnSpec {
    pub title: &'static str,
    pub width: f32,
}

/// How a column sorts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortValue {
    Number(i64),
    Text(Vec<u8>),
    /// Protocol order (office, level of unit, rank, name), the one rule of the domain.
    Protocol(crate::domain::protocol::Key),
}

/// A form's draft plus its validation errors.
pub trait Form: Clone + PartialEq + Default {
    fn errors(&self) -> &[FieldError];
    fn set_errors(&mut self, errors: Vec<FieldError>);
}

/// Everything that differs between the attendee, question, gift and commendation panels.
pub trait RecordKind {
    type Record: 'static;
    type Form: Form;
    /// Extra filters above the table (`()` for none).
    type Filter: Default + Clone + PartialEq;

    /// Id salt of the table and widgets.
    const SALT: &'static str;

    fn rows(data: &Data) -> &Rows<Self::Record>;
    fn id(r: &Self::Record) -> &str;
    fn columns(s: &Strings) -> Vec<ColumnSpec>;
    fn cell(r: &Self::Record, col: usize, s: &Strings) -> String;
    /// Sort value of a cell; text columns sort in Vietnamese letter order.
    fn sort_value(r: &Self::Record, col: usize, s: &Strings, _data: &Data) -> SortValue {
        SortValue::Text(crate::text::sort_key(&Self::cell(r, col, s)))
    }
    /// A cell drawn in the success colour (checked in, handed over).
    fn cell_is_success(_r: &Self::Record, _col: usize) -> bool {
        false
    }
    fn empty_text(s: &Strings) -> &'static str;
    /// The button an empty table offers besides the form: importing a file.
    fn empty_import(s: &'static Strings) -> (&'static str, Action);
    /// A short description for the delete confirmation.
    fn describe(r: &Self::Record) -> String;
    fn new_form(data: &Data) -> Self::Form;
    fn form_for(r: &Self::Record, data: &Data) -> Self::Form;
    /// Draws the fields.
    fn form_ui(
        form: &mut Self::Form,
        ui: &mut Ui,
        f: &mut FormUi<'_>,
        data: &Data,
        editing: Option<&str>,
    );
    /// Validates the form into the action that saves it, or records its errors.
    fn save_action(form: &mut Self::Form, editing: Option<&str>, data: &Data) -> Option<Action>;
    fn delete_action(id: &str) -> Action;
    /// Whether the form's person is linked to an attendee (askers and recipients).
    fn linked(_form: &Self::Form) -> bool {
        false
    }
    /// Actions on the rows chosen (marked, or the one selected), drawn above the table.
    fn chosen_ui(_ui: &mut Ui, _chosen: &[String], _s: &Strings) -> Option<Action> {
        None
    }
    /// Extra lines under the table (totals).
    fn footer_ui(_ui: &mut Ui, _data: &Data, _s: &Strings) {}
    /// Draws the filters; the table shows only records they keep.
    fn filter_ui(_filter: &mut Self::Filter, _ui: &mut Ui, _data: &Data, _s: &Strings) {}
    fn filter_keeps(_filter: &Self::Filter, _r: &Self::Record) -> bool {
        true
    }
}

/// What a filtered, sorted view was built from: data generation, search text, sort.
type ViewKey = (u64, String, Option<(usize, bool)>);

/// One record panel's own state.
pub struct RecordPanel<K: RecordKind> {
    pub search: String,
    sort: Option<(usize, bool)>,
    pub selected: Option<String>,
    editing: Option<String>,
    form: K::Form,
    original: K::Form,
    focus_first: bool,
    /// A save was refused: the cursor goes to the first field with an error.
    focus_error: bool,
    /// The height the buttons and hints under the fields took last frame.
    footer_height: f32,
    focus_search: bool,
    confirm_delete: Option<String>,
    notice: Option<String>,
    view: Vec<usize>,
    view_key: Option<ViewKey>,
    pub filter: K::Filter,
    view_filter: K::Filter,
    scroll_to: Option<usize>,
    /// Rows chosen with Ctrl+click and Shift+click, for an action on several at once.
    pub marked: std::collections::BTreeSet<String>,
    /// Where a Shift+click range starts (a place in the view).
    anchor: Option<usize>,
}

impl<K: RecordKind> Default for RecordPanel<K> {
    fn default() -> Self {
        Self {
            search: String::new(),
            sort: None,
            selected: None,
            editing: None,
            form: K::Form::default(),
            original: K::Form::default(),
            focus_first: false,
            focus_error: false,
            footer_height: 72.0,
            focus_search: false,
            confirm_delete: None,
            notice: None,
            view: Vec::new(),
            view_key: None,
            filter: K::Filter::default(),
            view_filter: K::Filter::default(),
            scroll_to: None,
            marked: std::collections::BTreeSet::new(),
            anchor: None,
        }
    }
}

impl<K: RecordKind> RecordPanel<K> {
    /// Starts a blank form with the cursor in its first field.
    pub fn start_new(&mut self, data: &Data) {
        self.editing = None;
        self.selected = None;
        self.form = K::new_form(data);
        self.original = self.form.clone();
        self.focus_first = true;
        self.notice = None;
    }

    /// The app applied this panel's add: open the next blank form.
    pub fn after_add(&mut self, data: &Data, id: &str) {
        self.start_new(data);
        self.selected = Some(id.to_owned());
        self.scroll_to_selected(data);
    }

    /// The app applied this panel's update: the saved form is now the original.
    pub fn after_update(&mut self) {
        self.original = self.form.clone();
    }

    /// The edits of the record in the form that are not in the file yet (typing paused,
    /// the window is closing). A new record's form gives nothing: it is added on purpose.
    pub fn unsaved(&mut self, data: &Data) -> Option<Action> {
        let editing = self.editing.as_deref()?;
        if self.form == self.original {
            return None;
        }
        K::save_action(&mut self.form, Some(editing), data)
    }

    /// The record changed elsewhere (merge, reorder): load it into the form again.
    pub fn reselect(&mut self, data: &Data) {
        if let Some(id) = self.editing.clone() {
            self.select(data, &id);
        }
    }

    /// Undo or redo changed the file: show the record being edited as it is now, or a
    /// blank form when it no longer exists.
    pub fn after_external_change(&mut self, data: &Data) {
        let Some(id) = self.editing.clone() else {
            return;
        };
        if K::rows(data).items.iter().any(|r| K::id(r) == id) {
            self.select(data, &id);
        } else {
            self.start_new(data);
            self.focus_first = false;
        }
    }

    /// The app applied this panel's delete.
    pub fn after_delete(&mut self, data: &Data) {
        self.start_new(data);
        self.focus_first = false;
    }

    /// Loads a record into the form.
    pub fn select(&mut self, data: &Data, id: &str) {
        let Some(r) = K::rows(data).items.iter().find(|r| K::id(r) == id) else {
            return;
        };
        self.selected = Some(id.to_owned());
        self.editing = Some(id.to_owned());
        self.form = K::form_for(r, data);
        self.original = self.form.clone();
        self.notice = None;
    }

    /// The rows an action on several applies to: those marked, else the one selected.
    pub fn chosen(&self) -> Vec<String> {
        if self.marked.is_empty() {
            self.selected.iter().cloned().collect()
        } else {
            self.marked.iter().cloned().collect()
        }
    }

    /// A click on the row at `place` in the view: Ctrl adds or removes it, Shift takes
    /// the range from the last click, a plain click selects it alone.
    fn click_row(&mut self, data: &Data, place: usize, id: &str, mods: egui::Modifiers) -> bool {
        if mods.command {
            if self.marked.is_empty()
                && let Some(sel) = &self.selected
            {
                self.marked.insert(sel.clone());
            }
            if !self.marked.remove(id) {
                self.marked.insert(id.to_owned());
            }
            self.anchor = Some(place);
            return false;
        }
        if mods.shift
            && let Some(from) = self.anchor.or_else(|| self.selected_place(data))
        {
            let rows = K::rows(data);
            let (a, b) = (from.min(place), from.max(place));
            self.marked = self.view[a..=b.min(self.view.len().saturating_sub(1))]
                .iter()
                .filter_map(|&i| rows.items.get(i))
                .map(|r| K::id(r).to_owned())
                .collect();
            return false;
        }
        self.marked.clear();
        self.anchor = Some(place);
        true
    }

    fn selected_place(&self, data: &Data) -> Option<usize> {
        let sel = self.selected.as_deref()?;
        let rows = K::rows(data);
        self.view
            .iter()
            .position(|&i| rows.items.get(i).is_some_and(|r| K::id(r) == sel))
    }

    /// Whether the form's person is linked to an attendee (tests, status lines).
    pub fn draft_linked(&self) -> bool {
        K::linked(&self.form)
    }

    pub fn visible_ids<'d>(&mut self, data: &'d Data, s: &Strings) -> Vec<&'d str> {
        self.refresh_view(data, s);
        let rows = K::rows(data);
        self.view
            .iter()
            .filter_map(|&i| rows.items.get(i))
            .map(K::id)
            .collect()
    }

    fn scroll_to_selected(&mut self, data: &Data) {
        let Some(sel) = &self.selected else { return };
        let rows = K::rows(data);
        self.view_key = None;
        self.scroll_to = rows.items.iter().position(|r| K::id(r) == sel);
    }

    fn refresh_view(&mut self, data: &Data, s: &Strings) {
        let key = (data.generation, self.search.clone(), self.sort);
        if self.view_key.as_ref() == Some(&key) && self.view_filter == self.filter {
            return;
        }
        let rows = K::rows(data);
        let q = Query::new(&self.search);
        // Typing one more letter can only narrow the rows shown: filter the last view
        // (already sorted) instead of every row.
        let narrowing = self
            .view_key
            .as_ref()
            .is_some_and(|(generation, search, sort)| {
                *generation == data.generation
                    && *sort == self.sort
                    && !search.is_empty()
                    && self.search.starts_with(search.as_str())
                    && self.view_filter == self.filter
                    && self.scroll_to.is_none()
            });
        if narrowing {
            self.view
                .retain(|&i| rows.keys.get(i).is_some_and(|k| q.matches(k)));
            self.view_key = Some(key);
            return;
        }
        let mut view: Vec<usize> = rows
            .keys
            .iter()
            .zip(&rows.items)
            .enumerate()
            .filter(|(_, (k, r))| q.matches(k) && K::filter_keeps(&self.filter, r))
            .map(|(i, _)| i)
            .collect();
        if let Some((col, ascending)) = self.sort {
            let mut keyed: Vec<(SortValue, usize)> = view
                .iter()
                .filter_map(|&i| {
                    rows.items
                        .get(i)
                        .map(|r| (K::sort_value(r, col, s, data), i))
                })
                .collect();
            keyed.sort();
            if !ascending {
                keyed.reverse();
            }
            view = keyed.into_iter().map(|(_, i)| i).collect();
        }
        // Keep the editing record's row in sight after a reload.
        if let Some(target) = self.scroll_to.take() {
            self.scroll_to = view.iter().position(|&i| i == target);
        }
        self.view = view;
        self.view_key = Some(key);
        self.view_filter = self.filter.clone();
    }

    fn shortcuts(&mut self, ui: &Ui, data: &Data) {
        let (new, find) = ui.input_mut(|i| {
            (
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)),
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)),
            )
        });
        if new {
            self.start_new(data);
        }
        if find {
            self.focus_search = true;
        }
        let typing = ui.ctx().text_edit_focused();
        if !typing && self.selected.is_some() && ui.input(|i| i.key_pressed(Key::Delete)) {
            self.confirm_delete.clone_from(&self.selected);
        }
    }

    /// Draws the panel and returns what the user asked for.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        self.shortcuts(ui, data);
        if let Some(id) = &self.editing
            && !K::rows(data).items.iter().any(|r| K::id(r) == id)
        {
            self.start_new(data);
            self.focus_first = false;
        }

        egui::Panel::right(format!("{}_form", K::SALT))
            .exact_size(theme::FORM_WIDTH)
            .show(ui, |ui| {
                self.form_ui(ui, data, s, writable, &mut actions);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.table_ui(ui, data, s, writable, &mut actions);
        });
        self.confirm_ui(ui, data, s, &mut actions);
        actions
    }

    fn form_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.add_space(4.0);
        let editing = self.editing.clone();
        ui.heading(if editing.is_some() {
            s.form_edit
        } else {
            s.form_new
        });
        ui.add_space(4.0);
        let errors = self.form.errors().to_vec();
        let mut f = FormUi::new(s, &errors, std::mem::take(&mut self.focus_first), writable)
            .focus_error(std::mem::take(&mut self.focus_error));
        // The fields scroll; the buttons and hints under them stay in sight at 1366×768,
        // with the room they took last frame (a hint may wrap, a notice appear).
        egui::ScrollArea::vertical()
            .max_height((ui.available_height() - self.footer_height).max(120.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                K::form_ui(&mut self.form, ui, &mut f, data, editing.as_deref());
            });
        actions.append(&mut f.actions);
        let footer_top = ui.cursor().top();
        ui.separator();
        let mut submit = f.submit;
        ui.horizontal(|ui| {
            if editing.is_some() {
                if ui.button(s.new_record).clicked() {
                    self.start_new(data);
                }
                if ui
                    .add_enabled(writable, egui::Button::new(s.delete))
                    .clicked()
                {
                    self.confirm_delete.clone_from(&editing);
                }
            } else {
                let add = egui::Button::new(RichText::new(s.add).strong()).fill(theme::SUCCESS_BG);
                if ui.add_enabled(writable, add).clicked() {
                    submit = true;
                }
                if ui.button(s.cancel).clicked() {
                    self.start_new(data);
                    self.focus_first = false;
                }
            }
        });
        let hint = match (editing.is_some(), f.in_multiline) {
            (true, false) => s.autosaved,
            (true, true) => s.autosaved_multiline,
            (false, false) => s.enter_to_add,
            (false, true) => s.enter_new_line,
        };
        ui.label(theme::muted(hint).small());
        if let Some(n) = &self.notice {
            ui.label(theme::error_text(n.clone()));
        }
        self.footer_height = ui.cursor().top() - footer_top + ui.spacing().item_spacing.y;
        let changed = self.form != self.original;
        let wants_save = match &editing {
            Some(_) => (f.commit || submit) && changed,
            None => submit,
        };
        if wants_save && writable {
            match K::save_action(&mut self.form, editing.as_deref(), data) {
                Some(a) => actions.push(a),
                None => self.focus_error = !self.form.errors().is_empty(),
            }
        }
    }

    /// Search, filters, and what to do with the rows chosen.
    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let total = K::rows(data).items.len();
        ui.horizontal(|ui| {
            let label = ui.label(s.search);
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text(s.search_hint)
                        .desired_width(300.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_search) {
                resp.request_focus();
            }
            if !self.search.is_empty() && ui.small_button("×").on_hover_text(s.cancel).clicked() {
                self.search.clear();
            }
            self.refresh_view(data, s);
            ui.label(theme::muted(format!(
                "{} {} {} {total}",
                s.shown_of,
                self.view.len(),
                s.of,
            )));
        });
        K::filter_ui(&mut self.filter, ui, data, s);
        self.refresh_view(data, s);
        let chosen = self.chosen();
        if !chosen.is_empty() {
            ui.horizontal_wrapped(|ui| {
                if !self.marked.is_empty() {
                    ui.label(format!("{} {}", self.marked.len(), s.marked_rows));
                    if ui.small_button(s.unmark).clicked() {
                        self.marked.clear();
                    }
                }
                if writable && let Some(a) = K::chosen_ui(ui, &chosen, s) {
                    actions.push(a);
                }
            });
        }
    }

    fn table_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let rows = K::rows(data);
        self.toolbar_ui(ui, data, s, writable, actions);
        K::footer_ui(ui, data, s);
        ui.add_space(4.0);
        if rows.items.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(K::empty_text(s))
                        .size(16.0)
                        .color(theme::MUTED),
                );
                ui.add_space(theme::GAP);
                let (label, action) = K::empty_import(s);
                if ui.add_enabled(writable, egui::Button::new(label)).clicked() {
                    actions.push(action);
                }
            });
            return;
        }
        if self.view.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.label(theme::muted(s.no_match)));
            return;
        }
        let columns = K::columns(s);
        let mut table = TableBuilder::new(ui)
            .id_salt(K::SALT)
            .striped(true)
            .sense(Sense::click())
            .auto_shrink(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        let last = columns.len().saturating_sub(1);
        for (i, c) in columns.iter().enumerate() {
            let col = if i == last {
                Column::remainder()
            } else {
                Column::initial(c.width)
            };
            table = table.column(col.at_least(40.0).resizable(true).clip(true));
        }
        if let Some(row) = self.scroll_to.take() {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        let mut clicked = None;
        table
            .header(theme::ROW_HEIGHT + 4.0, |mut header| {
                for (i, c) in columns.iter().enumerate() {
                    header.col(|ui| {
                        let arrow = match self.sort {
                            Some((col, true)) if col == i => " ˄",
                            Some((col, false)) if col == i => " ˅",
                            _ => "",
                        };
                        let text = RichText::new(format!("{}{arrow}", c.title)).strong();
                        if ui
                            .add(egui::Button::new(text).frame(false).truncate())
                            .clicked()
                        {
                            self.sort = match self.sort {
                                Some((col, true)) if col == i => Some((i, false)),
                                Some((col, false)) if col == i => None,
                                _ => Some((i, true)),
                            };
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, self.view.len(), |mut row| {
                    let Some(r) = self.view.get(row.index()).and_then(|&i| rows.items.get(i))
                    else {
                        return;
                    };
                    let id = K::id(r);
                    row.set_selected(
                        self.selected.as_deref() == Some(id) || self.marked.contains(id),
                    );
                    for col in 0..columns.len() {
                        row.col(|ui| {
                            let text = K::cell(r, col, s);
                            let rich = if K::cell_is_success(r, col) {
                                RichText::new(text).color(theme::SUCCESS).strong()
                            } else {
                                RichText::new(text)
                            };
                            ui.add(egui::Label::new(rich).truncate().selectable(false));
                        });
                    }
                    if row.response().clicked() {
                        clicked = Some((row.index(), id.to_owned()));
                    }
                });
            });
        let mods = ui.input(|i| i.modifiers);
        if let Some((place, id)) = clicked
            && self.click_row(data, place, &id, mods)
        {
            let dirty_new = self.editing.is_none() && self.form != K::new_form(data);
            if dirty_new && writable {
                self.notice = Some(s.unsaved_new.to_owned());
            } else {
                self.select(data, &id);
            }
        }
        self.refresh_view(data, s);
    }

    fn confirm_ui(&mut self, ui: &Ui, data: &Data, s: &Strings, actions: &mut Vec<Action>) {
        let Some(id) = self.confirm_delete.clone() else {
            return;
        };
        let Some(r) = K::rows(data).items.iter().find(|r| K::id(r) == id) else {
            self.confirm_delete = None;
            return;
        };
        let delete = egui::Button::new(RichText::new(s.delete).color(egui::Color32::WHITE))
            .fill(theme::ERROR);
        let choice = super::widgets::confirm_modal(
            ui.ctx(),
            egui::Id::unique((K::SALT, "confirm_delete")),
            |ui| {
                ui.heading(s.confirm_delete_title);
                ui.label(s.confirm_delete_body);
                ui.label(RichText::new(K::describe(r)).strong());
            },
            delete,
            s.cancel,
        );
        match choice {
            Some(true) => {
                actions.push(K::delete_action(&id));
                self.confirm_delete = None;
            }
            Some(false) => self.confirm_delete = None,
            None => {}
        }
    }
}

/// A record page as the app sees it: drawn, and told what happened to its records. The
/// app holds the four pages behind this one trait instead of matching on each.
pub trait RecordPage {
    fn ui(&mut self, ui: &mut Ui, data: &Data, s: &'static Strings, writable: bool) -> Vec<Action>;
    /// A blank form with the cursor in its first field.
    fn start_new(&mut self, data: &Data);
    /// This page's add was stored.
    fn after_add(&mut self, data: &Data, id: &str);
    /// This page's edit was stored.
    fn after_update(&mut self);
    /// This page's delete was stored.
    fn after_delete(&mut self, data: &Data);
    /// The record in the form changed elsewhere (a merge, a move).
    fn reselect(&mut self, data: &Data);
    /// Undo, redo or another program changed the file.
    fn after_external_change(&mut self, data: &Data);
    /// The form's edits not written yet ([`RecordPanel::unsaved`]).
    fn unsaved(&mut self, data: &Data) -> Option<Action>;
}

impl<K: RecordKind> RecordPage for RecordPanel<K> {
    fn ui(&mut self, ui: &mut Ui, data: &Data, s: &'static Strings, writable: bool) -> Vec<Action> {
        Self::ui(self, ui, data, s, writable)
    }
    fn start_new(&mut self, data: &Data) {
        Self::start_new(self, data);
    }
    fn after_add(&mut self, data: &Data, id: &str) {
        Self::after_add(self, data, id);
    }
    fn after_update(&mut self) {
        Self::after_update(self);
    }
    fn after_delete(&mut self, data: &Data) {
        Self::after_delete(self, data);
    }
    fn reselect(&mut self, data: &Data) {
        Self::reselect(self, data);
    }
    fn after_external_change(&mut self, data: &Data) {
        Self::after_external_change(self, data);
    }
    fn unsaved(&mut self, data: &Data) -> Option<Action> {
        Self::unsaved(self, data)
    }
}
