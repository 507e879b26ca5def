//! The check-in desk (Bàn đón tiếp): type a few letters, Enter checks in.
//! Made for the door: the search box keeps focus, arrows move, one key undoes.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::domain::protocol::Person;
use crate::domain::{AttendeeDraft, date};
use crate::text::Query;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;
use crate::ui::widgets::FormUi;

const MAX_MATCHES: usize = 12;
/// Matches looked at for ranking; beyond this the typed text is too short to mean anyone.
const MAX_CANDIDATES: usize = 400;

/// The desk's own state.
#[derive(Debug, Default)]
pub struct DeskPanel {
    query: String,
    highlighted: usize,
    matches: Vec<usize>,
    matches_key: Option<(u64, String)>,
    walk_in: Option<AttendeeDraft>,
    walk_in_errors: Vec<crate::domain::FieldError>,
    confirm_unit: Option<String>,
    /// An absence with a reason being recorded: (attendee, name, reason).
    excuse: Option<(String, String, String)>,
    /// What the last key press did, shown in large type.
    pub message: Option<(String, bool)>,
}

impl DeskPanel {
    fn refresh(&mut self, data: &Data) {
        let key = (data.generation, self.query.clone());
        if self.matches_key.as_ref() == Some(&key) {
            return;
        }
        let q = Query::new(&self.query);
        self.matches = if self.query.trim().chars().count() < 2 {
            Vec::new()
        } else {
            // People whose name holds the words come before matches on unit or phone;
            // among them, protocol order: the leaders and guests are found first.
            let items = &data.attendees.items;
            let mut found: Vec<(bool, usize)> = data
                .attendees
                .keys
                .iter()
                .enumerate()
                .filter(|(_, k)| q.matches(k))
                .take(MAX_CANDIDATES)
                .map(|(i, _)| {
                    let name = items.get(i).map(|a| crate::text::fold(&a.data.full_name));
                    (!name.is_some_and(|n| q.matches(&n)), i)
                })
                .collect();
            data.ladder.sort(&mut found, |&(_, i)| {
                items
                    .get(i)
                    .map(|a| Person::of(&a.data))
                    .unwrap_or_default()
            });
            found.sort_by_key(|(other, _)| *other);
            found
                .into_iter()
                .map(|(_, i)| i)
                .take(MAX_MATCHES)
                .collect()
        };
        self.highlighted = self.highlighted.min(self.matches.len().saturating_sub(1));
        self.matches_key = Some(key);
    }

    /// After a check-in: empty box, ready for the next person.
    pub fn clear(&mut self) {
        self.query.clear();
        self.highlighted = 0;
        self.walk_in = None;
        self.walk_in_errors.clear();
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        self.refresh(data);
        egui::Panel::right("desk_units")
            .exact_size(330.0)
            .show(ui, |ui| units_ui(ui, data, s));
        egui::CentralPanel::default().show(ui, |ui| {
            let st = &data.stats;
            ui.horizontal(|ui| {
                ui.label(theme::big_number(format!(
                    "{} {}/{}",
                    s.present, st.checked_in, st.attendees
                )));
            });
            ui.add_space(6.0);
            if self.walk_in.is_some() {
                self.walk_in_ui(ui, s, writable, &mut actions);
            } else {
                self.search_ui(ui, data, s, writable, &mut actions);
            }
            if let Some((text, ok)) = &self.message {
                ui.add_space(8.0);
                let fill = if *ok {
                    theme::SUCCESS_BG
                } else {
                    theme::WARNING_BG
                };
                egui::Frame::new()
                    .fill(fill)
                    .inner_margin(10.0)
                    .corner_radius(6.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let color = if *ok { theme::SUCCESS } else { theme::ERROR };
                        ui.label(RichText::new(text).size(20.0).color(color).strong());
                    });
            }
            ui.add_space(6.0);
            ui.label(theme::muted(s.desk_help).small());
        });
        self.confirm_unit_ui(ui, data, s, &mut actions);
        self.excuse_ui(ui.ctx(), s, &mut actions);
        actions
    }

    fn search_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let label = ui.label(RichText::new(s.desk_search).strong());
        let modal_open = self.confirm_unit.is_some() || self.excuse.is_some();
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .id(crate::ui::typing::untouched_field())
                    .font(egui::FontId::proportional(26.0))
                    .hint_text(s.desk_hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        // The box keeps the keyboard. Asked by the widget's own focus, not
        // `Response::has_focus`, which is also false while the window itself is in the
        // background: asking every frame then made egui restart the input method every
        // frame, each restart woke the window again, and a desk left unfocused (or
        // started before its window was) repainted flat out and took its keys minutes
        // late (issue 21).
        if !modal_open && !ui.memory(|m| m.has_focus(resp.id)) {
            resp.request_focus();
        }
        if resp.changed() {
            self.highlighted = 0;
            self.message = None;
            self.refresh(data);
        }
        let (down, up, enter, undo, new, unit) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.key_pressed(Key::Enter),
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)),
                i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::U)),
            )
        });
        if down && self.highlighted + 1 < self.matches.len() {
            self.highlighted += 1;
        }
        if up {
            self.highlighted = self.highlighted.saturating_sub(1);
        }
        if undo && writable {
            actions.push(Action::UndoCheckIn);
        }
        if new && writable {
            self.start_walk_in();
        }
        let highlighted = self
            .matches
            .get(self.highlighted)
            .and_then(|&i| data.attendees.items.get(i));
        if unit && let Some(a) = highlighted {
            self.confirm_unit = Some(a.data.unit.clone());
        }
        // A badge scanned: the scanner typed its code and Enter. The code decides, whatever
        // the list shows.
        let scanned = scanned_code(&self.query, data);
        if enter
            && writable
            && !modal_open
            && let Some(scanned) = scanned
        {
            match data
                .attendees
                .items
                .iter()
                .find(|a| a.data.badge_code == scanned)
            {
                Some(a) => actions.push(Action::CheckIn(a.id.clone())),
                None => self.message = Some((format!("{} {scanned}", s.desk_unknown_code), false)),
            }
            self.query.clear();
            self.refresh(data);
        } else if enter && writable && !modal_open {
            match highlighted {
                Some(a) if a.checked_in_at.is_some() => {
                    let at = a
                        .checked_in_at
                        .as_deref()
                        .map(date::display_time)
                        .unwrap_or_default();
                    self.message = Some((
                        format!("{} — {} {at}", a.data.full_name, s.desk_already),
                        false,
                    ));
                }
                Some(a) => actions.push(Action::CheckIn(a.id.clone())),
                None if self.query.trim().chars().count() >= 2 => self.start_walk_in(),
                None => {}
            }
        }
        ui.add_space(6.0);
        if self.query.trim().chars().count() >= 2 && self.matches.is_empty() {
            ui.label(RichText::new(s.desk_no_match).size(17.0));
        }
        for (n, &i) in self.matches.iter().enumerate() {
            let Some(a) = data.attendees.items.get(i) else {
                continue;
            };
            if match_row_ui(ui, a, n == self.highlighted, s).clicked() {
                self.highlighted = n;
            }
        }
        if let Some(a) = highlighted {
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        writable,
                        egui::Button::new(format!("{} {}", s.desk_check_in_unit, a.data.unit)),
                    )
                    .clicked()
                {
                    self.confirm_unit = Some(a.data.unit.clone());
                }
                if ui
                    .add_enabled(writable, egui::Button::new(s.desk_walk_in))
                    .clicked()
                {
                    self.start_walk_in();
                }
                if a.checked_in_at.is_none()
                    && ui
                        .add_enabled(writable, egui::Button::new(s.desk_excuse))
                        .clicked()
                {
                    self.excuse = Some((
                        a.id.clone(),
                        a.data.full_name.clone(),
                        a.data.absence_reason.clone(),
                    ));
                }
            });
        } else if writable && ui.button(s.desk_walk_in).clicked() {
            self.start_walk_in();
        }
    }

    fn start_walk_in(&mut self) {
        self.walk_in = Some(AttendeeDraft {
            full_name: self.query.trim().to_owned(),
            group: "Khách mời".into(),
            ..Default::default()
        });
        self.walk_in_errors.clear();
    }

    fn walk_in_ui(
        &mut self,
        ui: &mut Ui,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let Some(draft) = self.walk_in.as_mut() else {
            return;
        };
        ui.heading(s.desk_walk_in);
        let errors = self.walk_in_errors.clone();
        let mut f = FormUi::new(s, &errors, false, writable);
        let name = f.text(ui, "full_name", s.f_full_name, &mut draft.full_name);
        // Once, not every frame (see the search box).
        let (focused, nothing) = ui.memory(|m| (m.has_focus(name.id), m.focused().is_none()));
        if !focused && (draft.full_name.is_empty() || nothing) {
            name.request_focus();
        }
        f.text(ui, "unit", s.f_unit, &mut draft.unit);
        f.text(ui, "rank", s.f_rank, &mut draft.rank);
        f.text(ui, "position", s.f_position, &mut draft.position);
        let mut submit = f.submit;
        let mut cancel = ui.input(|i| i.key_pressed(Key::Escape));
        ui.horizontal(|ui| {
            if ui
                .add(
                    egui::Button::new(RichText::new(s.desk_add_and_check_in).strong())
                        .fill(theme::SUCCESS_BG),
                )
                .clicked()
            {
                submit = true;
            }
            if ui.button(s.cancel).clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.walk_in = None;
            return;
        }
        if submit && writable {
            match draft.validate() {
                Ok(d) => actions.push(Action::AddWalkIn(d)),
                Err(e) => self.walk_in_errors = e,
            }
        }
    }

    fn excuse_ui(&mut self, ctx: &egui::Context, s: &Strings, actions: &mut Vec<Action>) {
        let Some((id, name, reason)) = &mut self.excuse else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("desk_excuse")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading(format!("{}: {name}", s.excused));
            let label = ui.label(s.absence_reason);
            ui.add(egui::TextEdit::singleline(reason).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button(s.desk_excuse_save).clicked() {
                    actions.push(Action::SetExcused {
                        id: id.clone(),
                        excused: true,
                        reason: reason.trim().to_owned(),
                    });
                    close = true;
                }
                if ui.button(s.cancel).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.excuse = None;
        }
    }

    fn confirm_unit_ui(&mut self, ui: &Ui, data: &Data, s: &Strings, actions: &mut Vec<Action>) {
        let Some(unit) = self.confirm_unit.clone() else {
            return;
        };
        let waiting = data
            .attendees
            .items
            .iter()
            .filter(|a| a.data.unit == unit && a.checked_in_at.is_none())
            .count();
        let confirm =
            egui::Button::new(RichText::new(s.desk_confirm).strong()).fill(theme::SUCCESS_BG);
        let choice = crate::ui::widgets::confirm_modal(
            ui.ctx(),
            egui::Id::unique("desk_unit"),
            |ui| {
                ui.heading(format!("{} {unit}", s.desk_check_in_unit));
                ui.label(format!("{waiting} {}", s.desk_unit_waiting));
            },
            confirm,
            s.cancel,
        );
        match choice {
            Some(true) => {
                actions.push(Action::CheckInUnit(unit));
                self.confirm_unit = None;
            }
            Some(false) => self.confirm_unit = None,
            None => {}
        }
    }
}

/// The desk PIN asked of a desk whose copy of the list is locked (it started again, or
/// its window did): Vietnamese text, Enter opens, a wrong PIN says so.
#[derive(Debug, Default)]
pub struct DeskPinDialog {
    /// What is typed; emptied as soon as it is tried, and wiped from memory (as the
    /// passphrase dialog's fields are).
    pub typed: zeroize::Zeroizing<String>,
    /// Why the last try did not open the list.
    pub error: Option<String>,
}

impl DeskPinDialog {
    pub fn ui(&mut self, ctx: &egui::Context, desk: &str, s: &Strings) -> Option<Action> {
        let mut action = None;
        egui::Modal::new(egui::Id::unique("desk_pin_dialog")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(s.desk_pin_title);
            ui.label(theme::muted(format!("{} «{desk}»", s.connect_name)));
            ui.label(s.desk_pin_body);
            ui.add_space(theme::GAP);
            let label = ui.label(RichText::new(s.desk_pin_label).strong());
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut *self.typed)
                        .password(true)
                        .font(egui::FontId::proportional(24.0))
                        .hint_text("1234-5678")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if !ui.memory(|m| m.has_focus(resp.id)) && ui.memory(|m| m.focused().is_none()) {
                resp.request_focus();
            }
            // The dialog is modal: Enter anywhere in it opens.
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
            }
            ui.horizontal(|ui| {
                if ui.button(RichText::new(s.desk_pin_open).strong()).clicked() || enter {
                    action = Some(Action::UnlockDesk);
                }
                if ui.button(s.cancel).clicked() {
                    action = Some(Action::CancelDeskPin);
                }
            });
        });
        action
    }
}

/// One person found: name large, rank · position · unit, and the time if already in.
fn match_row_ui(
    ui: &mut Ui,
    a: &crate::domain::Attendee,
    selected: bool,
    s: &Strings,
) -> egui::Response {
    let fill = if a.checked_in_at.is_some() {
        theme::SUCCESS_BG
    } else if selected {
        ui.visuals().selection.bg_fill
    } else {
        ui.visuals().faint_bg_color
    };
    let stroke = if selected {
        egui::Stroke::new(2.0, theme::ACCENT)
    } else {
        egui::Stroke::NONE
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(stroke)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(&a.data.full_name).size(18.0).strong());
                let about = details(&a.data);
                if !about.is_empty() {
                    ui.label(RichText::new(about).size(15.0));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if let Some(at) = &a.checked_in_at {
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                s.desk_checked_in,
                                date::display_time(at)
                            ))
                            .color(theme::SUCCESS)
                            .strong(),
                        );
                    }
                });
            });
        })
        .response
        .interact(egui::Sense::click())
}

/// Rank · position · unit, leaving out what is empty: a walk-in with only a name has no
/// stray "· ·" beside it.
fn details(d: &crate::domain::AttendeeData) -> String {
    [d.rank.as_str(), d.position.as_str(), d.unit.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Attendance by unit, the units with people still to come first (computed at reload).
fn units_ui(ui: &mut Ui, data: &Data, s: &Strings) {
    ui.heading(s.desk_by_unit);
    let units = &data.unit_attendance;
    egui_extras::TableBuilder::new(ui)
        .id_salt("desk_units_table")
        .striped(true)
        .column(egui_extras::Column::remainder().clip(true))
        .column(egui_extras::Column::exact(70.0))
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, units.len(), |mut row| {
                let Some((unit, present, total)) = units.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(if unit.is_empty() {
                            "—"
                        } else {
                            unit.as_str()
                        })
                        .truncate(),
                    );
                });
                row.col(|ui| {
                    let text = RichText::new(format!("{present}/{total}"));
                    ui.label(if present == total {
                        text.color(theme::SUCCESS).strong()
                    } else {
                        text
                    });
                });
            });
        });
}

/// The badge code a scanner typed at the end of the box, even after letters someone had
/// typed: ten digits not starting with 0 (a phone number starts with 0); or the whole box
/// when it is someone's code brought by an imported list.
fn scanned_code(query: &str, data: &Data) -> Option<String> {
    use crate::domain::attendee::{BADGE_DIGITS, is_badge_code};
    let q = query.trim();
    let start = q
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map_or(q.len(), |(i, _)| i);
    let digits = &q[start..];
    if digits.len() == BADGE_DIGITS && !digits.starts_with('0') {
        return Some(digits.to_owned());
    }
    (start == 0
        && is_badge_code(digits)
        && data
            .attendees
            .items
            .iter()
            .any(|a| a.data.badge_code == digits))
    .then(|| digits.to_owned())
}
