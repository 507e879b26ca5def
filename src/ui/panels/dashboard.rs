//! The live figures: attendance (overall, by group, units still waiting), questions by
//! topic and status, gifts and commendations. Drawn on the overview and, in large type,
//! full screen for the projector; both update as the desk checks people in.
#![allow(
    clippy::cast_precision_loss,
    reason = "counts far below 2^52 become chart lengths"
)]

use egui::{Align2, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, Text};

use crate::domain::{Status, money};
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// Text sizes of one rendering: the overview's, or the projector's.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub title: f32,
    pub big: f32,
    pub body: f32,
    pub row: f32,
}

impl Scale {
    pub const NORMAL: Self = Self {
        title: theme::BODY_SIZE,
        big: theme::BIG_NUMBER_SIZE,
        body: theme::BODY_SIZE,
        row: 26.0,
    };
    pub const PROJECTOR: Self = Self {
        title: 26.0,
        big: 64.0,
        body: 22.0,
        row: 40.0,
    };
}

fn percent(part: i64, whole: i64) -> String {
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    crate::domain::money::percent(n(part), n(whole))
}

/// Attendance: the big count, a bar, and attendance by group.
pub fn attendance_ui(ui: &mut Ui, data: &Data, s: &Strings, k: Scale) {
    let st = &data.stats;
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.nav_attendees).strong().size(k.title));
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} {}/{}", s.present, st.checked_in, st.attendees))
                    .size(k.big)
                    .strong()
                    .color(theme::ACCENT),
            );
            ui.label(
                RichText::new(percent(st.checked_in, st.attendees))
                    .size(k.body)
                    .color(theme::MUTED),
            );
        });
        #[allow(clippy::cast_possible_truncation, reason = "a fraction for a bar")]
        let fraction = if st.attendees > 0 {
            (st.checked_in as f64 / st.attendees as f64) as f32
        } else {
            0.0
        };
        ui.add(egui::ProgressBar::new(fraction).desired_height(k.body * 0.8));
        if !data.group_attendance.is_empty() {
            ui.add_space(4.0);
            ui.label(RichText::new(s.by_group).size(k.body));
            let rows: Vec<(String, f64, f64)> = data
                .group_attendance
                .iter()
                .map(|(g, here, all)| {
                    let g = if g.is_empty() { s.no_group } else { g.as_str() };
                    (format!("{g}: {here}/{all}"), *here as f64, *all as f64)
                })
                .collect();
            bars(ui, "attendance_by_group", &rows, k, s.present, s.registered);
        }
    });
}

/// Units with people still to come, fewest present first.
pub fn waiting_units_ui(ui: &mut Ui, data: &Data, s: &Strings, k: Scale, max: usize) {
    let waiting: Vec<&(String, usize, usize)> = data
        .unit_attendance
        .iter()
        .filter(|(_, here, all)| here < all)
        .take(max)
        .collect();
    if waiting.is_empty() {
        return;
    }
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.units_waiting).strong().size(k.title));
        for (unit, here, all) in waiting {
            ui.label(RichText::new(format!("{unit}: {here}/{all}")).size(k.body));
        }
    });
}

/// Questions by topic (a chart) and by status.
pub fn questions_ui(ui: &mut Ui, data: &Data, s: &Strings, k: Scale) {
    let st = &data.stats;
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.nav_questions).strong().size(k.title));
        ui.label(
            RichText::new(st.questions.to_string())
                .size(k.big)
                .strong()
                .color(theme::ACCENT),
        );
        // Topics in the conference's own order, empty ones left out.
        let rows: Vec<(String, f64, f64)> = data
            .topics
            .iter()
            .filter_map(|t| {
                let n = st.questions_by_topic.get(&t.name).copied().unwrap_or(0);
                (n > 0).then(|| (format!("{}: {n}", t.name), n as f64, 0.0))
            })
            .collect();
        if !rows.is_empty() {
            bars(ui, "questions_by_topic", &rows, k, s.nav_questions, "");
        }
        let statuses: Vec<String> = Status::ALL
            .iter()
            .filter_map(|status| {
                let n = st
                    .questions_by_status
                    .get(status.code())
                    .copied()
                    .unwrap_or(0);
                (n > 0).then(|| format!("{}: {n}", s.status(*status)))
            })
            .collect();
        ui.label(
            RichText::new(statuses.join(" · "))
                .size(k.body)
                .color(theme::MUTED),
        );
    });
}

/// Gifts (count, handed over, total in figures and words) and commendations.
pub fn gifts_and_commendations_ui(ui: &mut Ui, data: &Data, s: &Strings, k: Scale) {
    let st = &data.stats;
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.nav_gifts).strong().size(k.title));
        ui.label(
            RichText::new(format!(
                "{} ({} {})",
                st.gifts, st.gifts_handed_over, s.handed_over
            ))
            .size(k.big)
            .strong()
            .color(theme::ACCENT),
        );
        ui.label(
            RichText::new(format!(
                "{}: {} đ — {}",
                s.gifts_total,
                money::format_vnd(st.gift_value_total_vnd),
                money::vnd_in_words(st.gift_value_total_vnd)
            ))
            .size(k.body),
        );
    });
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.nav_commendations).strong().size(k.title));
        let mut by_kind: Vec<(String, usize)> = Vec::new();
        for c in &data.commendations.items {
            match by_kind.iter_mut().find(|(kind, _)| *kind == c.data.kind) {
                Some(e) => e.1 += 1,
                None => by_kind.push((c.data.kind.clone(), 1)),
            }
        }
        ui.label(
            RichText::new(st.commendations.to_string())
                .size(k.big)
                .strong()
                .color(theme::ACCENT),
        );
        let text: Vec<String> = by_kind
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        ui.label(
            RichText::new(text.join(" · "))
                .size(k.body)
                .color(theme::MUTED),
        );
    });
}

/// Horizontal bars, one per row: `(label, value, total)`. A total draws a pale bar behind
/// the value (registered behind present). Labels sit above their bars, so long
/// Vietnamese names need no axis room. The chart does not pan or zoom.
fn bars(
    ui: &mut Ui,
    id: &str,
    rows: &[(String, f64, f64)],
    k: Scale,
    name: &str,
    total_name: &str,
) {
    let n = rows.len();
    let max = rows.iter().map(|r| r.1.max(r.2)).fold(1.0, f64::max);
    // Each row is a label with its bar under it, measured in points so a label's tone
    // marks never run into the bar above: one row is one unit of the plot's y axis.
    let label_h = k.body * 0.85 * 1.4;
    let bar_h = k.body * 0.7;
    let unit = label_h + bar_h + 8.0;
    let bar = f64::from(bar_h / unit);
    let label_at = bar / 2.0 + f64::from(2.0 / unit);
    let below = bar / 2.0 + f64::from(2.0 / unit);
    let above = label_at + f64::from(label_h / unit);
    #[allow(clippy::cast_possible_truncation, reason = "a few hundred points")]
    let height = ((n as f64 - 1.0 + below + above) * f64::from(unit)) as f32;
    let place = |i: usize| (n - 1 - i) as f64;
    let totals: Vec<Bar> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.2 > 0.0)
        .map(|(i, r)| Bar::new(place(i), r.2).width(bar).name(&r.0))
        .collect();
    let values: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar::new(place(i), r.1).width(bar).name(&r.0))
        .collect();
    Plot::new(id)
        .height(height)
        .show_axes(false)
        .show_grid(false)
        .show_background(false)
        .show_x(false)
        .show_y(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_x(0.0)
        .include_x(max * 1.02)
        .include_y(-below)
        .include_y(n as f64 - 1.0 + above)
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .show(ui, |p| {
            if !totals.is_empty() {
                p.bar_chart(
                    BarChart::new(total_name, totals)
                        .horizontal()
                        .color(theme::BAR_TOTAL),
                );
            }
            p.bar_chart(
                BarChart::new(name, values)
                    .horizontal()
                    .color(theme::ACCENT),
            );
            for (i, r) in rows.iter().enumerate() {
                p.text(
                    Text::new(
                        "",
                        PlotPoint::new(0.0, place(i) + label_at),
                        RichText::new(&r.0).size(k.body * 0.85).color(theme::TEXT),
                    )
                    .anchor(Align2::LEFT_BOTTOM),
                );
            }
        });
}
