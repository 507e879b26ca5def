//! History (Lịch sử): every change kept in the file, newest first, with Undo and Redo
//! and the records the selected change touched.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::date;
use crate::store::history::{Change, Op, Step, StepCount};
use crate::ui::action::Action;
use crate::ui::change_label::say;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// How many records of the selected change are listed.
pub const STEPS_SHOWN: usize = 300;

/// The page's own state; the app fills `changes` and `steps` from the file.
#[derive(Debug, Default)]
pub struct HistoryPanel {
    pub changes: Vec<Change>,
    /// The data generation `changes` was read at.
    pub listed_at: Option<u64>,
    pub selected: Option<i64>,
    pub steps: Vec<Step>,
    /// (change, generation) `steps` was read for.
    pub steps_for: Option<(i64, u64)>,
}

fn table_noun(table: &str, s: &Strings) -> &'static str {
    match table {
        "attendee" => s.noun_attendee,
        "question" => s.noun_question,
        "gift" => s.noun_gift,
        "commendation" => s.noun_commendation,
        "topic" => s.noun_topic,
        "commendation_kind" => s.noun_kind,
        "office" => s.noun_office,
        _ => s.noun_conference,
    }
}

/// The plural of [`table_noun`] ("2 attendees"); Vietnamese nouns do not change.
fn table_nouns(table: &str, s: &Strings) -> &'static str {
    match table {
        "attendee" => s.nouns_attendee,
        "question" => s.nouns_question,
        "gift" => s.nouns_gift,
        "commendation" => s.nouns_commendation,
        "topic" => s.nouns_topic,
        "commendation_kind" => s.nouns_kind,
        "office" => s.nouns_office,
        _ => s.noun_conference,
    }
}

fn op_text(op: Op, s: &Strings) -> &'static str {
    match op {
        Op::Add => s.op_add,
        Op::Edit => s.op_edit,
        Op::Delete => s.op_delete,
    }
}

/// "thêm 520 đại biểu · sửa 3 câu hỏi", "added 520 attendees · edited 1 question".
fn summary(counts: &[StepCount], s: &Strings) -> String {
    counts
        .iter()
        .map(|c| {
            let noun = if c.rows == 1 {
                table_noun(&c.table, s)
            } else {
                table_nouns(&c.table, s)
            };
            format!("{} {} {noun}", op_text(c.op, s), c.rows)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

impl HistoryPanel {
    /// Reads the list (and the selected change's records) again when the file changed
    /// since they were read; called before drawing, never while.
    pub fn refresh(&mut self, store: &crate::store::Store, generation: u64) {
        if self.listed_at != Some(generation) {
            match store.history(500) {
                Ok(changes) => self.changes = changes,
                Err(e) => tracing::warn!("history: {e}"),
            }
            self.listed_at = Some(generation);
        }
        if let Some(id) = self.selected
            && self.steps_for != Some((id, generation))
        {
            self.steps = store.change_steps(id, STEPS_SHOWN).unwrap_or_default();
            self.steps_for = Some((id, generation));
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        busy: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let writable = writable && !busy;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(s.hist_title);
            ui.label(theme::muted(s.hist_hint));
            ui.add_space(theme::GAP);
            if busy {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(s.hist_working);
                });
            }
            ui.horizontal(|ui| {
                for (label, name, keys, action) in [
                    (&data.undo_label, s.hist_undo, "Ctrl+Z", Action::Undo),
                    (&data.redo_label, s.hist_redo, "Ctrl+Y", Action::Redo),
                ] {
                    let text = match label {
                        Some(l) => format!("{name} ({keys}): {}", say(l, s)),
                        None => format!("{name} ({keys})"),
                    };
                    let button = egui::Button::new(text).truncate();
                    if ui
                        .add_enabled(writable && label.is_some(), button)
                        .clicked()
                    {
                        actions.push(action);
                    }
                }
            });
            ui.add_space(theme::GAP);
            if self.changes.is_empty() {
                ui.label(theme::muted(s.hist_none));
                return;
            }
            let list_height = (ui.available_height() * 0.6).max(160.0);
            ui.push_id("changes", |ui| {
                self.changes_table(ui, s, list_height);
            });
            ui.add_space(theme::GAP);
            ui.separator();
            self.steps_ui(ui, s);
        });
        actions
    }

    fn changes_table(&mut self, ui: &mut Ui, s: &Strings, height: f32) {
        let mut clicked = None;
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .max_scroll_height(height)
            .auto_shrink([false, true])
            .column(Column::exact(150.0))
            .column(Column::remainder().at_least(260.0).clip(true))
            .column(Column::exact(300.0).clip(true))
            .column(Column::exact(110.0))
            .header(26.0, |mut h| {
                for t in [s.hist_time, s.hist_change, s.hist_rows, s.hist_state] {
                    h.col(|ui| {
                        ui.strong(t);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, self.changes.len(), |mut row| {
                    let c = &self.changes[row.index()];
                    row.set_selected(self.selected == Some(c.id));
                    let text = |t: String| {
                        if c.undone {
                            RichText::new(t).strikethrough().color(theme::MUTED)
                        } else {
                            RichText::new(t)
                        }
                    };
                    // Not selectable, so a click on the text selects the row.
                    let cell = |ui: &mut Ui, t: RichText| {
                        ui.add(egui::Label::new(t).truncate().selectable(false));
                    };
                    row.col(|ui| cell(ui, text(date::display_time(&c.at))));
                    row.col(|ui| cell(ui, text(say(&c.label, s))));
                    row.col(|ui| cell(ui, text(summary(&c.counts, s))));
                    row.col(|ui| {
                        cell(
                            ui,
                            if c.undone {
                                theme::muted(s.hist_undone)
                            } else {
                                RichText::new(s.hist_in_effect)
                            },
                        );
                    });
                    if row.response().clicked() {
                        clicked = Some(c.id);
                    }
                });
            });
        if let Some(id) = clicked {
            self.selected = Some(id);
            // The app reads the change's records before the next frame: ask for it.
            ui.ctx().request_repaint();
        }
    }

    fn steps_ui(&self, ui: &mut Ui, s: &Strings) {
        let Some(change) = self
            .selected
            .and_then(|id| self.changes.iter().find(|c| c.id == id))
        else {
            ui.label(theme::muted(s.hist_pick));
            return;
        };
        ui.strong(format!("{}: {}", s.hist_details, say(&change.label, s)));
        egui::ScrollArea::vertical()
            .id_salt("history_steps")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for step in &self.steps {
                    let verb = match step.op {
                        Op::Add => s.verb_add,
                        Op::Edit => s.verb_edit,
                        Op::Delete => s.verb_delete,
                    };
                    ui.label(format!(
                        "{verb} {}: {}",
                        table_noun(&step.table, s),
                        step.what
                    ));
                }
                let total: i64 = change.counts.iter().map(|c| c.rows).sum();
                let listed: i64 = self.steps.iter().map(|s| s.rows).sum();
                if total > listed {
                    ui.label(theme::muted(s.hist_more));
                }
            });
    }
}
