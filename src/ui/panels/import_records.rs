//! Importing questions, gifts or commendations: the preview shows the rows as they will
//! be stored, which are duplicates and which are linked to attendees, and every row error
//! with its row and column. Nothing is stored until the user says so, and then all of it.

use std::path::PathBuf;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::money;
use crate::import::Summary;
use crate::import::records::{Record, RecordKind, RecordPlan};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::{Page, theme, widgets};

const PREVIEW_ROWS: usize = 200;

/// The page's own state.
#[derive(Debug)]
pub struct RecordImportPanel {
    pub kind: RecordKind,
    pub path: PathBuf,
    pub plan: Option<RecordPlan>,
    pub error: Option<String>,
    pub summary: Option<Summary>,
}

impl RecordImportPanel {
    pub fn new(kind: RecordKind, path: PathBuf) -> Self {
        Self {
            kind,
            path,
            plan: None,
            error: None,
            summary: None,
        }
    }

    fn title(&self, s: &'static Strings) -> &'static str {
        match self.kind {
            RecordKind::Questions => s.import_questions,
            RecordKind::Gifts => s.import_gifts,
            RecordKind::Commendations => s.import_commendations,
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        s: &'static Strings,
        running: Option<&Progress>,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.title(s));
            ui.label(theme::muted(self.path.display().to_string()));
            ui.add_space(6.0);
            if let Some(p) = running {
                widgets::import_progress(ui, p, s, &mut actions);
                return;
            }
            if let Some(summary) = &self.summary {
                widgets::success_card(
                    ui,
                    format!(
                        "{}: {} {}, {} {}",
                        s.import_done,
                        summary.imported,
                        s.import_new,
                        summary.skipped_duplicates,
                        s.import_skipped_dups,
                    ),
                );
                let page = match self.kind {
                    RecordKind::Questions => Page::Questions,
                    RecordKind::Gifts => Page::Gifts,
                    RecordKind::Commendations => Page::Commendations,
                };
                if ui.button(s.import_view_records).clicked() {
                    actions.push(Action::Navigate {
                        page,
                        new_record: false,
                    });
                }
                return;
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
                ui.add_space(6.0);
                if ui.button(s.import_another).clicked() {
                    actions.push(Action::ImportRecordsChoose(self.kind));
                }
                return;
            }
            if let Some(plan) = &self.plan {
                preview_ui(ui, plan, s, writable, &mut actions);
            }
        });
        actions
    }
}

fn preview_ui(
    ui: &mut Ui,
    plan: &RecordPlan,
    s: &'static Strings,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    let linked = plan.rows.iter().filter(|r| r.linked).count();
    ui.label(
        RichText::new(format!(
            "{} {} · {} {} · {} {} · {} {} · {}: {} {}, {} {}",
            plan.rows.len() - plan.duplicates(),
            s.import_rows,
            plan.duplicates(),
            s.import_dups,
            plan.errors.len(),
            s.import_error_rows,
            linked,
            s.import_linked,
            s.import_skipped,
            plan.skipped_blank,
            s.import_blank,
            plan.skipped_total,
            s.import_total_rows,
        ))
        .strong(),
    );
    ui.horizontal(|ui| {
        let can = writable && plan.errors.is_empty() && plan.rows.len() > plan.duplicates();
        if ui
            .add_enabled(can, egui::Button::new(s.import_go))
            .clicked()
        {
            actions.push(Action::ImportRecordsApply);
        }
        if ui.button(s.import_another).clicked() {
            actions.push(Action::ImportRecordsChoose(plan.kind));
        }
        if ui.button(s.export_cancel).clicked() {
            actions.push(Action::ImportClose);
        }
    });
    if !plan.errors.is_empty() {
        ui.label(theme::error_text(s.import_records_fix));
        egui::ScrollArea::vertical()
            .id_salt("record_errors")
            .max_height(140.0)
            .show(ui, |ui| {
                for e in plan.errors.iter().take(100) {
                    ui.label(theme::error_text(format!(
                        "{} {}, {} \"{}\": {}",
                        s.import_row,
                        e.row,
                        s.import_column,
                        e.column,
                        s.problem(e.problem)
                    )));
                }
            });
    }
    ui.add_space(6.0);
    ui.label(s.import_preview);
    let headers = headers(plan.kind, s);
    TableBuilder::new(ui)
        .striped(true)
        .column(Column::exact(56.0))
        .columns(Column::remainder().at_least(80.0).clip(true), headers.len())
        .column(Column::exact(110.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            h.col(|ui| {
                ui.strong(s.import_row);
            });
            for t in &headers {
                h.col(|ui| {
                    ui.strong(*t);
                });
            }
            h.col(|ui| {
                ui.strong(s.import_dup_col);
            });
        })
        .body(|body| {
            let rows = &plan.rows[..plan.rows.len().min(PREVIEW_ROWS)];
            body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    ui.label(r.row.to_string());
                });
                for v in values(&r.record) {
                    row.col(|ui| {
                        ui.label(v.replace('\n', " "));
                    });
                }
                row.col(|ui| {
                    if r.duplicate {
                        ui.label(RichText::new(s.import_dup_existing).color(theme::ERROR));
                    }
                });
            });
        });
}

fn headers(kind: RecordKind, s: &'static Strings) -> Vec<&'static str> {
    match kind {
        RecordKind::Questions => vec![s.f_number, s.f_asker, s.f_unit, s.f_topic, s.f_content],
        RecordKind::Gifts => vec![s.f_recipient, s.f_unit, s.f_item, s.f_value],
        RecordKind::Commendations => vec![s.f_kind, s.f_recipient, s.f_unit, s.f_decision_number],
    }
}

fn values(r: &Record) -> Vec<String> {
    match r {
        Record::Question(d, topic) => vec![
            d.number.to_string(),
            d.asker_name.clone(),
            d.asker_unit.clone(),
            topic.clone(),
            d.content.clone(),
        ],
        Record::Gift(d) => vec![
            d.recipient_name.clone(),
            d.unit.clone(),
            d.item.clone(),
            money::format_vnd(d.value_vnd),
        ],
        Record::Commendation(d) => vec![
            d.kind.clone(),
            d.recipient_name.clone(),
            d.unit.clone(),
            d.decision_number.clone(),
        ],
    }
}
