//! Print and export: pick a list, its grouping, order and format, then save. The file
//! is written in the background; when it is done the panel offers to open it.

use egui::{RichText, Ui};

use crate::export::{Format, ListKind, Options, Sort, Written};
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::theme;

/// The export page's own state.
#[derive(Debug)]
pub struct ExportPanel {
    pub kind: ListKind,
    pub format: Format,
    pub group_by_unit: bool,
    pub sort: Option<Sort>,
    /// The last file written, offered for opening.
    pub written: Option<Written>,
    pub error: Option<String>,
}

impl Default for ExportPanel {
    fn default() -> Self {
        Self {
            kind: ListKind::Signin,
            format: Format::Pdf,
            group_by_unit: false,
            sort: None,
            written: None,
            error: None,
        }
    }
}

/// How many rows a list will have, from the live counts.
fn rows(kind: ListKind, data: &Data) -> i64 {
    let st = &data.stats;
    match kind {
        ListKind::Signin | ListKind::Attendance | ListKind::Badges | ListKind::Attendees => {
            st.attendees
        }
        ListKind::Report => i64::from(st.attendees > 0),
        ListKind::Gifts => st.gifts,
        ListKind::Commendations => st.commendations,
        ListKind::Questions => st.questions,
    }
}

impl ExportPanel {
    pub fn options(&self) -> Options {
        Options {
            group_by_unit: self.group_by_unit
                && self.kind.is_people()
                && self.kind != ListKind::Badges,
            sort: self.sort,
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        running: Option<&Progress>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(s.export_title);
            ui.label(theme::muted(s.export_heading_hint));
            ui.add_space(theme::GAP);
            ui.columns(2, |cols| {
                self.list_ui(&mut cols[0], data, s);
                self.options_ui(&mut cols[1], data, s, running, &mut actions);
            });
        });
        actions
    }

    fn list_ui(&mut self, ui: &mut Ui, data: &Data, s: &Strings) {
        ui.label(RichText::new(s.export_list).strong());
        for kind in ListKind::ALL {
            let n = rows(kind, data);
            let text = if kind == ListKind::Report {
                s.list(kind).to_owned()
            } else {
                format!("{}  ({n})", s.list(kind))
            };
            let button =
                egui::Button::selectable(self.kind == kind, RichText::new(text).size(15.0))
                    .min_size(egui::vec2(ui.available_width(), 32.0));
            if ui.add(button).clicked() && self.kind != kind {
                self.kind = kind;
                self.sort = None;
                self.written = None;
            }
        }
    }

    fn options_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        running: Option<&Progress>,
        actions: &mut Vec<Action>,
    ) {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(s.export_format).strong());
            for (f, label) in [
                (Format::Pdf, s.export_pdf),
                (Format::Xlsx, s.export_xlsx),
                (Format::Csv, s.export_csv),
            ] {
                ui.radio_value(&mut self.format, f, label);
            }
            let people = self.kind.is_people();
            if people || self.kind == ListKind::Gifts {
                ui.add_space(theme::GAP);
                ui.label(RichText::new(s.export_sort).strong());
                let mut choices = vec![
                    (Some(Sort::Name), s.export_sort_name),
                    (Some(Sort::Unit), s.export_sort_unit),
                ];
                if people {
                    choices.insert(1, (Some(Sort::Protocol), s.export_sort_rank));
                } else {
                    choices.insert(0, (None, s.export_sort_entry));
                }
                // People default to name order; show it chosen when nothing is.
                let mut current = self.sort.or(people.then_some(Sort::Name));
                for (value, label) in choices {
                    if ui.radio_value(&mut current, value, label).changed() {
                        self.sort = current;
                    }
                }
            }
            if people && self.kind != ListKind::Badges {
                ui.add_space(theme::GAP);
                ui.checkbox(&mut self.group_by_unit, s.export_group_unit);
            }
            ui.add_space(theme::GAP * 2.0);
            if rows(self.kind, data) == 0 {
                ui.label(theme::muted(s.export_empty));
            }
            if let Some(p) = running {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(s.export_running);
                });
                ui.add(egui::ProgressBar::new(p.fraction().unwrap_or(0.0)).show_percentage());
                if ui.button(s.export_cancel).clicked() {
                    actions.push(Action::ExportCancel);
                }
            } else {
                let save = egui::Button::new(RichText::new(s.export_save).size(16.0))
                    .min_size(egui::vec2(160.0, 36.0));
                if ui.add(save).clicked() {
                    self.error = None;
                    actions.push(Action::ExportChoose {
                        kind: self.kind,
                        options: self.options(),
                        format: self.format,
                    });
                }
            }
            if let Some(e) = &self.error {
                ui.add_space(theme::GAP);
                ui.label(theme::error_text(e));
            }
            if let Some(w) = &self.written {
                ui.add_space(theme::GAP);
                ui.label(
                    RichText::new(format!(
                        "{}: {} ({} {})",
                        s.export_done,
                        w.path.display(),
                        w.rows,
                        s.export_rows
                    ))
                    .color(theme::SUCCESS),
                );
                ui.horizontal(|ui| {
                    if ui.button(s.export_open_file).clicked() {
                        actions.push(Action::OpenExternal(w.path.clone()));
                    }
                    if let Some(dir) = w.path.parent()
                        && ui.button(s.export_open_folder).clicked()
                    {
                        actions.push(Action::OpenExternal(dir.to_owned()));
                    }
                });
            }
        });
    }
}
