//! The host's page of desks (address, pairing code, who is connected, clashes) and the
//! dialog a desk connects with.

use std::time::Duration;

use egui::{RichText, Ui};

use crate::domain::date;
use crate::net::discovery::Found;
use crate::net::host::{FailedPairing, Refusal};
use crate::sync::{Clash, DeskRow};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// A desk on the host's list.
#[derive(Debug, Clone)]
pub struct DeskLine {
    pub desk_id: String,
    pub name: String,
    pub online: bool,
    /// Seconds since it was last heard from, while it is connected.
    pub heard: Option<Duration>,
    pub check_ins: i64,
}

/// What the host's page shows, gathered by the app once a second.
#[derive(Debug, Clone, Default)]
pub struct HostView {
    pub addresses: Vec<String>,
    pub code: Option<(String, Duration)>,
    /// The desk PIN ("1234-5678") while the file is locked.
    pub desk_pin: Option<String>,
    pub desks: Vec<DeskLine>,
    /// Pairing tries refused since the host started, newest first.
    pub failed: Vec<FailedPairing>,
    pub clashes: Vec<Clash>,
}

impl HostView {
    /// Desks paired with the file, merged with what the host knows of them now.
    pub fn desks_from(paired: &[DeskRow], live: &[crate::net::host::LiveDesk]) -> Vec<DeskLine> {
        paired
            .iter()
            .filter(|d| !d.revoked)
            .map(|d| {
                let now = live.iter().find(|l| l.desk_id == d.desk_id);
                DeskLine {
                    desk_id: d.desk_id.clone(),
                    name: now.map_or_else(|| d.name.clone(), |l| l.name.clone()),
                    online: now.is_some_and(|l| l.online),
                    heard: now.map(|l| l.last_contact.elapsed()),
                    check_ins: d.check_ins,
                }
            })
            .collect()
    }
}

/// The host's page.
#[derive(Debug, Default)]
pub struct HostPanel;

impl HostPanel {
    pub fn ui(&mut self, ui: &mut Ui, view: &HostView, s: &Strings) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(s.host_title);
                ui.label(theme::muted(s.host_hint));
                ui.add_space(theme::GAP);
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(s.host_address).strong());
                    for a in &view.addresses {
                        ui.label(
                            RichText::new(a)
                                .size(theme::HEADING_SIZE)
                                .color(theme::ACCENT),
                        );
                    }
                });
                ui.horizontal(|ui| {
                    ui.label(RichText::new(s.host_code).strong());
                    match &view.code {
                        Some((code, left)) => {
                            ui.label(
                                RichText::new(code)
                                    .size(theme::BIG_NUMBER_SIZE)
                                    .strong()
                                    .color(theme::ACCENT),
                            );
                            ui.label(theme::muted(format!(
                                "{} {} {}",
                                s.host_code_left,
                                left.as_secs().div_ceil(60),
                                s.host_minutes
                            )));
                        }
                        None => {
                            ui.label(theme::muted(s.host_code_none));
                        }
                    }
                    if ui.button(s.host_new_code).clicked() {
                        actions.push(Action::NewPairingCode);
                    }
                });
                if let Some(pin) = &view.desk_pin {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(s.host_desk_pin).strong());
                        ui.label(
                            RichText::new(pin)
                                .size(theme::BIG_NUMBER_SIZE)
                                .strong()
                                .color(theme::ACCENT),
                        );
                    });
                    ui.label(theme::muted(s.host_desk_pin_hint));
                }
                ui.add_space(theme::GAP);
                desks_table(ui, view, s, &mut actions);
                ui.add_space(theme::GAP);
                failed_table(ui, view, s);
                clashes_table(ui, view, s);
                ui.add_space(theme::GAP);
                ui.horizontal(|ui| {
                    if ui.button(s.host_take_file).clicked() {
                        actions.push(Action::DeskFileOpen);
                    }
                    if ui.button(s.host_stop).clicked() {
                        actions.push(Action::StopHosting);
                    }
                });
            });
        });
        actions
    }
}

fn desks_table(ui: &mut Ui, view: &HostView, s: &Strings, actions: &mut Vec<Action>) {
    ui.label(
        RichText::new(s.host_desks)
            .strong()
            .size(theme::HEADING_SIZE),
    );
    if view.desks.is_empty() {
        ui.label(theme::muted(s.host_no_desks));
        return;
    }
    egui::Grid::new("host_desks")
        .striped(true)
        .num_columns(5)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for h in [
                s.host_col_desk,
                s.host_col_state,
                s.host_col_heard,
                s.host_col_check_ins,
                "",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for d in &view.desks {
                ui.label(&d.name);
                if d.online {
                    ui.label(RichText::new(s.host_online).color(theme::SUCCESS));
                } else {
                    ui.label(RichText::new(s.host_offline).color(theme::WARNING));
                }
                ui.label(d.heard.map_or_else(String::new, |h| {
                    format!("{} {}", h.as_secs(), s.host_seconds_ago)
                }));
                ui.label(d.check_ins.to_string());
                if ui.button(s.host_remove).clicked() {
                    actions.push(Action::RevokeDesk(d.desk_id.clone()));
                }
                ui.end_row();
            }
        });
}

/// Refused pairing tries: someone typing a wrong code, or a stranger trying codes.
fn failed_table(ui: &mut Ui, view: &HostView, s: &Strings) {
    if view.failed.is_empty() {
        return;
    }
    ui.label(
        RichText::new(format!("{} ({})", s.host_failed, view.failed.len()))
            .strong()
            .size(theme::HEADING_SIZE)
            .color(theme::WARNING),
    );
    egui::Grid::new("host_failed_pairings")
        .striped(true)
        .num_columns(4)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for h in [
                s.host_col_when,
                s.host_col_desk,
                s.host_col_from,
                s.host_col_reason,
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for f in &view.failed {
                ui.label(date::display_time(&f.at));
                ui.label(&f.name);
                ui.label(f.addr.ip().to_string());
                ui.label(match f.reason {
                    Refusal::NoCode => s.host_failed_no_code,
                    Refusal::WrongCode => s.host_failed_wrong_code,
                    Refusal::WrongPin => s.host_failed_wrong_pin,
                });
                ui.end_row();
            }
        });
    ui.add_space(theme::GAP);
}

fn clashes_table(ui: &mut Ui, view: &HostView, s: &Strings) {
    ui.label(
        RichText::new(format!("{} ({})", s.host_clashes, view.clashes.len()))
            .strong()
            .size(theme::HEADING_SIZE),
    );
    if view.clashes.is_empty() {
        ui.label(theme::muted(s.host_no_clashes));
        return;
    }
    ui.label(theme::muted(s.host_clash_rule));
    egui::Grid::new("host_clashes")
        .striped(true)
        .num_columns(3)
        .spacing([24.0, 6.0])
        .show(ui, |ui| {
            for h in [s.f_full_name, s.host_col_kept, s.host_col_other] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for c in &view.clashes {
                ui.label(&c.full_name);
                ui.label(format!(
                    "{} · {}",
                    c.kept_desk,
                    date::display_time(&c.kept_at)
                ));
                ui.label(format!(
                    "{} · {}",
                    c.other_desk,
                    date::display_time(&c.other_at)
                ));
                ui.end_row();
            }
        });
}

/// The dialog a laptop becomes a desk with: a host found on the network or an address
/// typed, the code the host shows, and the desk's name.
#[derive(Debug, Default)]
pub struct ConnectDialog {
    pub address: String,
    pub code: String,
    pub name: String,
    /// Pairing runs; the dialog waits.
    pub busy: bool,
    pub error: Option<String>,
    /// A host this laptop is already a desk of: (desk name, conference).
    pub resume: Option<(String, String)>,
}

impl ConnectDialog {
    /// Draws the dialog; returns what it asks and whether it stays open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        found: &[Found],
        s: &Strings,
    ) -> (Option<Action>, bool) {
        let mut action = None;
        let mut open = true;
        egui::Modal::new(egui::Id::unique("connect_dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(s.connect_title);
            if let Some((name, conference)) = &self.resume {
                ui.label(format!(
                    "{} «{name}» — «{conference}»",
                    s.connect_resume_hint
                ));
                if ui
                    .add_enabled(!self.busy, egui::Button::new(s.connect_resume))
                    .clicked()
                {
                    action = Some(Action::ResumeDesk);
                }
                ui.separator();
            }
            ui.label(RichText::new(s.connect_found).strong());
            if found.is_empty() {
                ui.label(theme::muted(s.connect_none_found));
            }
            for f in found {
                let addr = f.addrs.first().map(ToString::to_string).unwrap_or_default();
                if ui.button(format!("{} — {addr}", f.conference)).clicked() {
                    self.address = addr;
                }
            }
            ui.add_space(theme::GAP);
            for (label, value, hint) in [
                (s.connect_address, &mut self.address, "192.168.1.5:47650"),
                (s.connect_code, &mut self.code, "1234-5678"),
                (s.connect_name, &mut self.name, s.connect_name_hint),
            ] {
                let l = ui.label(label);
                ui.add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
            }
            ui.horizontal(|ui| {
                let ready =
                    !self.busy && !self.address.trim().is_empty() && !self.code.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(s.connect_go))
                    .clicked()
                {
                    self.busy = true;
                    self.error = None;
                    action = Some(Action::PairDesk {
                        address: self.address.trim().to_owned(),
                        code: self.code.trim().to_owned(),
                        name: self.name.trim().to_owned(),
                    });
                }
                if self.busy {
                    ui.spinner();
                    ui.label(s.connect_busy);
                }
                if ui.button(s.cancel).clicked() {
                    open = false;
                }
            });
        });
        (action, open)
    }
}
