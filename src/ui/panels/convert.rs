//! Converting attendees already in the file from an old Vietnamese font: a list pasted
//! from a `.VnTime` document arrives as `NguyÔn Thanh Hµ`. The dialog names the
//! encoding detection found, shows what the first rows would become, and converts them
//! all as one change, undone with Ctrl+Z.

use egui::RichText;

use crate::domain::AttendeeData;
use crate::import::Legacy;
use crate::import::legacy::{convert_attendee, detect_people};
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// Rows the dialog shows before and after.
const EXAMPLES: usize = 6;

/// The open dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertDialog {
    pub ids: Vec<String>,
    pub legacy: Legacy,
    pub detected: Option<Legacy>,
}

impl ConvertDialog {
    /// Opens on `ids`, with the encoding detection finds in their text (TCVN3 if none).
    pub fn new(ids: Vec<String>, data: &Data) -> Self {
        let people = people(&ids, data);
        let detected = detect_people(&people);
        Self {
            ids,
            legacy: detected.unwrap_or(Legacy::Tcvn3),
            detected,
        }
    }

    /// Draws the dialog; `Some(false)` once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, data: &Data, s: &Strings) -> (Option<Action>, bool) {
        let people = people(&self.ids, data);
        let changes: Vec<(&AttendeeData, AttendeeData)> = people
            .iter()
            .map(|d| (*d, convert_attendee(d, self.legacy)))
            .filter(|(d, c)| *d != c)
            .collect();
        let mut action = None;
        let mut open = true;
        let legacy = &mut self.legacy;
        let detected = self.detected;
        let ids = &self.ids;
        let confirm =
            egui::Button::new(RichText::new(s.convert_go).strong()).fill(theme::SUCCESS_BG);
        let choice = crate::ui::widgets::confirm_modal(
            ctx,
            egui::Id::unique("convert_legacy"),
            |ui| {
                ui.heading(s.convert_title);
                ui.label(s.convert_body);
                ui.horizontal(|ui| {
                    let label = ui.label(s.convert_encoding);
                    let name = |l: Legacy| {
                        if Some(l) == detected {
                            format!("{} ({})", l.name(), s.convert_detected)
                        } else {
                            l.name().to_owned()
                        }
                    };
                    egui::ComboBox::from_id_salt("convert_encoding")
                        .selected_text(name(*legacy))
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for l in Legacy::ALL {
                                ui.selectable_value(legacy, l, name(l));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.add_space(6.0);
                if changes.is_empty() {
                    ui.label(RichText::new(s.convert_nothing).color(theme::ERROR));
                }
                egui::Grid::new("convert_examples")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.strong(s.convert_before);
                        ui.strong(s.convert_after);
                        ui.end_row();
                        for (before, after) in changes.iter().take(EXAMPLES) {
                            ui.label(&before.full_name);
                            ui.label(&after.full_name);
                            ui.end_row();
                        }
                    });
                if changes.len() > EXAMPLES {
                    ui.label(theme::muted(format!("… {}/{}", changes.len(), ids.len())));
                }
            },
            confirm,
            s.cancel,
        );
        match choice {
            Some(true) if !changes.is_empty() => {
                action = Some(Action::ConvertLegacy {
                    ids: self.ids.clone(),
                    legacy: self.legacy,
                });
                open = false;
            }
            Some(_) => open = false,
            None => {}
        }
        (action, open)
    }
}

fn people<'d>(ids: &[String], data: &'d Data) -> Vec<&'d AttendeeData> {
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    data.attendees
        .items
        .iter()
        .filter(|a| wanted.contains(a.id.as_str()))
        .map(|a| &a.data)
        .collect()
}
