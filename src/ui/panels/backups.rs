//! Backups (Sao lưu): the automatic snapshots of the open file with what each holds, a
//! button to take one now, and restore — which first snapshots the current state, so a
//! restore can be undone by restoring that one.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::store::backup::{Reason, Snapshot};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// The page's own state: the listed snapshots and the one asked to restore.
#[derive(Debug, Default)]
pub struct BackupsPanel {
    pub snapshots: Vec<Snapshot>,
    /// The data generation the list was read at.
    pub listed_at: Option<u64>,
    confirm: Option<Snapshot>,
}

fn reason_text(r: Option<Reason>, s: &Strings) -> &'static str {
    match r {
        Some(Reason::Opened) => s.backup_opened,
        Some(Reason::Periodic) => s.backup_periodic,
        Some(Reason::BeforeImport) => s.backup_before_import,
        Some(Reason::BeforeRestore) => s.backup_before_restore,
        Some(Reason::Manual) | None => s.backup_manual,
    }
}

impl BackupsPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        folder: Option<&std::path::Path>,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(s.backup_title);
            ui.label(theme::muted(s.backup_hint));
            if let Some(f) = folder {
                ui.label(theme::muted(f.display().to_string()).small());
            }
            ui.add_space(theme::GAP);
            ui.add_enabled_ui(writable, |ui| {
                if ui.button(s.backup_now).clicked() {
                    actions.push(Action::BackupNow);
                }
            });
            ui.add_space(theme::GAP);
            if self.snapshots.is_empty() {
                ui.label(theme::muted(s.backup_none));
                return;
            }
            let mut restore = None;
            TableBuilder::new(ui)
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(170.0))
                .column(Column::exact(190.0))
                // "100000 (99999 có mặt)" fits whole.
                .column(Column::exact(190.0))
                .columns(Column::exact(100.0), 3)
                .column(Column::remainder())
                .header(theme::ROW_HEIGHT, |mut h| {
                    for t in [
                        s.backup_time,
                        s.backup_reason,
                        s.nav_attendees,
                        s.nav_questions,
                        s.nav_gifts,
                        s.nav_commendations,
                        "",
                    ] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|body| {
                    body.rows(theme::ROW_HEIGHT + 6.0, self.snapshots.len(), |mut row| {
                        let snap = &self.snapshots[row.index()];
                        row.col(|ui| {
                            ui.label(&snap.taken);
                        });
                        row.col(|ui| {
                            ui.label(reason_text(snap.reason, s));
                        });
                        for text in [
                            format!(
                                "{} ({} {})",
                                snap.attendees,
                                snap.checked_in,
                                s.present.to_lowercase()
                            ),
                            snap.questions.to_string(),
                            snap.gifts.to_string(),
                            snap.commendations.to_string(),
                        ] {
                            row.col(|ui| {
                                ui.label(text);
                            });
                        }
                        row.col(|ui| {
                            if ui
                                .add_enabled(writable, egui::Button::new(s.backup_restore))
                                .clicked()
                            {
                                restore = Some(snap.clone());
                            }
                        });
                    });
                });
            if restore.is_some() {
                self.confirm = restore;
            }
        });
        if let Some(snap) = &self.confirm {
            let choice = crate::ui::widgets::confirm_modal(
                ui.ctx(),
                egui::Id::unique("confirm_restore"),
                |ui| {
                    ui.heading(s.backup_restore_title);
                    ui.label(RichText::new(format!(
                        "{} — {} {}, {} {}",
                        snap.taken,
                        snap.attendees,
                        s.nav_attendees,
                        snap.questions,
                        s.nav_questions
                    )));
                    ui.label(s.backup_restore_body);
                },
                egui::Button::new(s.backup_restore),
                s.cancel,
            );
            match choice {
                Some(true) => {
                    actions.push(Action::Restore(snap.path.clone()));
                    self.confirm = None;
                }
                Some(false) => self.confirm = None,
                None => {}
            }
        }
        actions
    }
}
