//! Importing an attendee list: the preview shows the rows exactly as they will be
//! stored, lets the user fix the sheet, encoding, delimiter and column mapping,
//! and choose what happens to duplicates. Reading and storing run in the background.

use std::path::PathBuf;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::import::{Duplicate, Encoding, Field, OnDuplicate, Plan, ReadOptions, Summary};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::{theme, widgets};

const PREVIEW_ROWS: usize = 200;
const SHOWN_ERRORS: usize = 100;

/// The import page's own state.
#[derive(Debug, Default)]
pub struct ImportPanel {
    pub path: Option<PathBuf>,
    pub options: ReadOptions,
    pub plan: Option<Plan>,
    pub on_duplicate: OnDuplicate,
    pub skip_invalid: bool,
    pub error: Option<String>,
    pub summary: Option<Summary>,
}

fn field_name(f: Field, s: &Strings) -> &'static str {
    match f {
        Field::FullName => s.f_full_name,
        Field::Gender => s.f_gender,
        Field::BirthYear => s.f_birth_year,
        Field::Rank => s.f_rank,
        Field::Position => s.f_position,
        Field::Unit => s.f_unit,
        Field::District => s.f_district,
        Field::Group => s.f_group,
        Field::Phone => s.f_phone,
        Field::Note => s.f_note,
    }
}

fn value(d: &crate::domain::AttendeeData, f: Field) -> String {
    match f {
        Field::FullName => d.full_name.clone(),
        Field::Gender => d.gender.clone(),
        Field::BirthYear => d.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        Field::Rank => d.rank.clone(),
        Field::Position => d.position.clone(),
        Field::Unit => d.unit.clone(),
        Field::District => d.district.clone(),
        Field::Group => d.group.clone(),
        Field::Phone => d.phone.clone(),
        Field::Note => d.note.clone(),
    }
}

impl ImportPanel {
    /// A new file was chosen: forget the last one's overrides.
    pub fn start(&mut self, path: PathBuf) {
        *self = Self {
            path: Some(path),
            ..Self::default()
        };
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
            ui.heading(s.import_title);
            if let Some(p) = &self.path {
                ui.label(theme::muted(p.display().to_string()));
            }
            ui.add_space(6.0);
            if let Some(progress) = running {
                widgets::import_progress(ui, progress, s, &mut actions);
                return;
            }
            if let Some(summary) = &self.summary {
                widgets::success_card(
                    ui,
                    format!(
                        "{}: {} {}, {} {}, {} {}, {} {}",
                        s.import_done,
                        summary.imported,
                        s.import_new,
                        summary.updated,
                        s.import_updated,
                        summary.skipped_duplicates,
                        s.import_skipped_dups,
                        summary.errors,
                        s.import_error_rows
                    ),
                );
                ui.horizontal(|ui| {
                    if ui.button(s.import_view_list).clicked() {
                        actions.push(Action::Navigate {
                            page: crate::ui::Page::Attendees,
                            new_record: false,
                        });
                    }
                    if ui.button(s.import_another).clicked() {
                        actions.push(Action::ImportChoose);
                    }
                });
                return;
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
                ui.add_space(6.0);
                if ui.button(s.import_another).clicked() {
                    actions.push(Action::ImportChoose);
                }
            }
            if self.plan.is_some() {
                self.preview_ui(ui, s, writable, &mut actions);
            } else if self.error.is_none() && ui.button(s.import_choose).clicked() {
                actions.push(Action::ImportChoose);
            }
        });
        actions
    }

    fn preview_ui(
        &mut self,
        ui: &mut Ui,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let Some(plan) = &self.plan else { return };
        let mut reread = false;
        ui.horizontal_wrapped(|ui| {
            if plan.grid.sheets.len() > 1 {
                let label = ui.label(s.import_sheet);
                let current = plan.grid.sheet.clone().unwrap_or_default();
                let mut chosen = current.clone();
                egui::ComboBox::from_id_salt("import_sheet")
                    .selected_text(&current)
                    .show_ui(ui, |ui| {
                        for sh in &plan.grid.sheets {
                            ui.selectable_value(&mut chosen, sh.clone(), sh);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != current {
                    self.options.sheet = Some(chosen);
                    reread = true;
                }
            }
            if let Some(enc) = plan.grid.encoding {
                let label = ui.label(s.import_encoding);
                let mut chosen = enc;
                egui::ComboBox::from_id_salt("import_encoding")
                    .selected_text(enc.name())
                    .show_ui(ui, |ui| {
                        for e in Encoding::ALL {
                            ui.selectable_value(&mut chosen, e, e.name());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != enc {
                    self.options.encoding = Some(chosen);
                    reread = true;
                }
            }
            if let Some(d) = plan.grid.delimiter {
                let label = ui.label(s.import_delimiter);
                let mut chosen = d;
                let name = |d: u8| match d {
                    b',' => ", (phẩy)",
                    b';' => "; (chấm phẩy)",
                    b'\t' => "Tab",
                    _ => "?",
                };
                egui::ComboBox::from_id_salt("import_delimiter")
                    .selected_text(name(d))
                    .show_ui(ui, |ui| {
                        for c in [b',', b';', b'\t'] {
                            ui.selectable_value(&mut chosen, c, name(c));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != d {
                    self.options.delimiter = Some(chosen);
                    reread = true;
                }
            }
        });
        if reread && let Some(path) = self.path.clone() {
            actions.push(Action::ImportPrepare {
                path,
                options: self.options.clone(),
            });
            return;
        }

        let skipped = plan.skipped_blank + plan.skipped_total + plan.skipped_no_name;
        ui.label(
            RichText::new(format!(
                "{} {} · {} {} · {} {} · {} {skipped} ({} {}, {} {}, {} {})",
                plan.rows.len(),
                s.import_rows,
                plan.duplicates(),
                s.import_dups,
                plan.errors.len(),
                s.import_error_rows,
                s.import_skipped,
                plan.skipped_blank,
                s.import_blank,
                plan.skipped_total,
                s.import_total_rows,
                plan.skipped_no_name,
                s.import_no_name,
            ))
            .strong(),
        );

        // Column mapping: one drop-down per column of the file.
        ui.label(s.import_mapping);
        let mut new_mapping = plan.mapping.clone();
        egui::ScrollArea::horizontal()
            .id_salt("mapping")
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (col, slot) in new_mapping.iter_mut().enumerate() {
                        ui.vertical(|ui| {
                            let label = ui.label(RichText::new(plan.column_name(col)).small());
                            let text = slot.map_or(s.import_ignore, |f| field_name(f, s));
                            egui::ComboBox::from_id_salt(("map", col))
                                .selected_text(text)
                                .width(120.0)
                                .show_ui(ui, |ui| {
                                    ui.selectable_value(slot, None, s.import_ignore);
                                    for f in Field::ALL {
                                        ui.selectable_value(slot, Some(f), field_name(f, s));
                                    }
                                })
                                .response
                                .labelled_by(label.id);
                        });
                    }
                });
            });
        if new_mapping != plan.mapping {
            actions.push(Action::ImportRemap(new_mapping));
            return;
        }

        ui.horizontal(|ui| {
            ui.label(s.import_on_dup);
            ui.radio_value(&mut self.on_duplicate, OnDuplicate::Skip, s.import_dup_skip);
            ui.radio_value(
                &mut self.on_duplicate,
                OnDuplicate::Update,
                s.import_dup_update,
            );
            if !plan.errors.is_empty() {
                ui.checkbox(&mut self.skip_invalid, s.import_skip_invalid);
            }
        });
        let can_import =
            writable && (plan.errors.is_empty() || self.skip_invalid) && !plan.rows.is_empty();
        ui.horizontal(|ui| {
            let button =
                egui::Button::new(RichText::new(s.import_go).strong()).fill(theme::SUCCESS_BG);
            if ui.add_enabled(can_import, button).clicked() {
                actions.push(Action::ImportApply);
            }
            if ui.button(s.cancel).clicked() {
                actions.push(Action::ImportClose);
            }
        });
        ui.add_space(4.0);

        if !plan.errors.is_empty() {
            egui::CollapsingHeader::new(
                RichText::new(format!("{} ({})", s.import_errors, plan.errors.len()))
                    .color(theme::ERROR),
            )
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("errors")
                    .max_height(110.0)
                    .show(ui, |ui| {
                        for e in plan.errors.iter().take(SHOWN_ERRORS) {
                            ui.label(
                                RichText::new(format!(
                                    "{} {}, {} \"{}\": {}",
                                    s.import_row,
                                    e.row,
                                    s.import_column,
                                    e.column,
                                    s.problem(e.problem)
                                ))
                                .color(theme::ERROR),
                            );
                        }
                    });
            });
        }

        // The rows exactly as they will be stored.
        let fields: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| plan.mapping.contains(&Some(*f)))
            .collect();
        let shown = plan.rows.len().min(PREVIEW_ROWS);
        ui.label(theme::muted(format!("{} {shown}/{}", s.import_preview, plan.rows.len())).small());
        let mut table = TableBuilder::new(ui)
            .id_salt("import_preview")
            .striped(true)
            .auto_shrink(false)
            .column(Column::exact(48.0))
            .column(Column::initial(110.0).clip(true));
        for _ in &fields {
            table = table.column(
                Column::initial(140.0)
                    .at_least(50.0)
                    .clip(true)
                    .resizable(true),
            );
        }
        table
            .header(theme::ROW_HEIGHT, |mut h| {
                h.col(|ui| {
                    ui.strong(s.import_row);
                });
                h.col(|ui| {
                    ui.strong(s.import_dup_col);
                });
                for f in &fields {
                    h.col(|ui| {
                        ui.strong(field_name(*f, s));
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, shown, |mut row| {
                    let Some(r) = plan.rows.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(r.row.to_string());
                    });
                    row.col(|ui| {
                        let text = match &r.duplicate {
                            None => String::new(),
                            Some(Duplicate::Existing(_)) => s.import_dup_existing.to_owned(),
                            Some(Duplicate::InFile(first)) => {
                                format!("{} {first}", s.import_dup_in_file)
                            }
                        };
                        ui.label(RichText::new(text).color(theme::ERROR));
                    });
                    for f in &fields {
                        row.col(|ui| {
                            ui.add(egui::Label::new(value(&r.data, *f)).truncate());
                        });
                    }
                });
            });
    }
}
