//! The overview (Tổng quan): conference details, live figures and the first-start guide.

use egui::{RichText, Ui};

use crate::domain::Conference;
use crate::ui::Page;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;
use crate::ui::widgets::FormUi;

/// The overview page's own state: the details being edited.
#[derive(Debug, Default)]
pub struct OverviewPanel {
    draft: Conference,
    /// The details as loaded into the draft (or last written from it); `None` until
    /// the page was first drawn.
    original: Option<Conference>,
    loaded: Option<u64>,
    focus_details: bool,
}

impl crate::ui::autosave::Unsaved for OverviewPanel {
    fn unsaved(&mut self, data: &Data) -> Vec<Action> {
        let edited = self.original.as_ref().is_some_and(|o| *o != self.draft);
        let draft = self.draft.normalized();
        if !edited || draft == data.conference {
            return Vec::new();
        }
        self.original = Some(self.draft.clone());
        vec![Action::SaveConference(draft)]
    }
}

impl OverviewPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.loaded != Some(data.generation) && !ui.ctx().text_edit_focused() {
            self.draft = data.conference.clone();
            self.original = Some(self.draft.clone());
            self.loaded = Some(data.generation);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    if data.is_blank() {
                        self.welcome_ui(ui, s, writable, &mut actions);
                        ui.add_space(theme::GAP);
                    }
                    ui.columns(2, |cols| {
                        if let [left, right] = cols {
                            self.details_ui(left, data, s, writable, &mut actions);
                            figures_ui(right, data, s, &mut actions);
                        }
                    });
                });
        });
        actions
    }

    fn welcome_ui(&mut self, ui: &mut Ui, s: &Strings, writable: bool, actions: &mut Vec<Action>) {
        theme::card().fill(theme::SUCCESS_BG).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading(s.welcome_title);
            ui.label(s.welcome_body);
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(writable, egui::Button::new(s.welcome_details))
                    .clicked()
                {
                    self.focus_details = true;
                }
                if ui
                    .add_enabled(writable, egui::Button::new(s.welcome_import))
                    .clicked()
                {
                    actions.push(Action::ImportChoose(crate::import::Kind::Attendees));
                }
                if ui
                    .add_enabled(writable, egui::Button::new(s.welcome_add_attendee))
                    .clicked()
                {
                    actions.push(Action::Navigate {
                        page: Page::Attendees,
                        new_record: true,
                    });
                }
                if ui.button(s.welcome_sample).clicked() {
                    actions.push(Action::OpenSample);
                }
            });
        });
    }

    fn details_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading(s.conference_details);
            let mut f = FormUi::new(s, &[], std::mem::take(&mut self.focus_details), writable);
            let c = &mut self.draft;
            f.text(ui, "name", s.c_name, &mut c.name);
            ui.columns(2, |cols| {
                if let [left, right] = cols {
                    f.text(left, "start_date", s.c_start_date, &mut c.start_date);
                    f.text(right, "end_date", s.c_end_date, &mut c.end_date);
                }
            });
            f.text(ui, "venue", s.c_venue, &mut c.venue);
            f.text(ui, "organiser", s.c_organiser, &mut c.organiser);
            ui.add_space(6.0);
            ui.label(RichText::new(s.print_heading).strong());
            f.text(
                ui,
                "superior_agency",
                s.c_superior_agency,
                &mut c.superior_agency,
            );
            f.text(ui, "issuing_unit", s.c_issuing_unit, &mut c.issuing_unit);
            f.text(ui, "place_name", s.c_place_name, &mut c.place_name);
            ui.columns(2, |cols| {
                if let [left, right] = cols {
                    f.text(
                        left,
                        "signer_left_title",
                        s.c_signer_left_title,
                        &mut c.signer_left_title,
                    );
                    f.text(
                        left,
                        "signer_left_name",
                        s.c_signer_left_name,
                        &mut c.signer_left_name,
                    );
                    f.text(
                        right,
                        "signer_right_title",
                        s.c_signer_right_title,
                        &mut c.signer_right_title,
                    );
                    f.text(
                        right,
                        "signer_right_name",
                        s.c_signer_right_name,
                        &mut c.signer_right_name,
                    );
                }
            });
            ui.label(theme::muted(s.autosaved).small());
            if (f.commit || f.submit) && writable && self.draft.normalized() != data.conference {
                self.original = Some(self.draft.clone());
                actions.push(Action::SaveConference(self.draft.normalized()));
            }
        });
    }
}

fn figures_ui(ui: &mut Ui, data: &Data, s: &Strings, actions: &mut Vec<Action>) {
    use super::dashboard::{self, Scale};
    ui.horizontal(|ui| {
        ui.heading(s.counts);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(s.present_mode).clicked() {
                actions.push(Action::Present(true));
            }
        });
    });
    dashboard::attendance_ui(ui, data, s, Scale::NORMAL);
    dashboard::questions_ui(ui, data, s, Scale::NORMAL);
    follow_up_ui(ui, data, s, actions);
    dashboard::gifts_and_commendations_ui(ui, data, s, Scale::NORMAL);
}

/// The follow-up after the conference, for the organiser only: the projector's view
/// leaves it out (overdue answers are not for the hall's screen).
fn follow_up_ui(ui: &mut Ui, data: &Data, s: &Strings, actions: &mut Vec<Action>) {
    // Counted when the file was last read, not every frame.
    let c = &data.stats.follow_up;
    if c.answered_in_hall + c.to_answer == 0 {
        return;
    }
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(s.fu_heading).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(s.fu_open).clicked() {
                    actions.push(Action::Navigate {
                        page: crate::ui::Page::FollowUp,
                        new_record: false,
                    });
                }
            });
        });
        egui::Grid::new("overview_follow_up")
            .num_columns(4)
            .spacing([18.0, 2.0])
            .show(ui, |ui| {
                for label in [s.fu_in_hall, s.fu_to_answer, s.fu_done, s.fu_overdue] {
                    ui.label(theme::muted(label));
                }
                ui.end_row();
                let late = if c.overdue > 0 {
                    theme::ERROR
                } else {
                    theme::ACCENT
                };
                for (n, color) in [
                    (c.answered_in_hall, theme::ACCENT),
                    (c.to_answer, theme::ACCENT),
                    (c.done, theme::SUCCESS),
                    (c.overdue, late),
                ] {
                    ui.label(theme::big_number(n.to_string()).color(color));
                }
                ui.end_row();
            });
    });
    ui.add_space(theme::GAP);
}
