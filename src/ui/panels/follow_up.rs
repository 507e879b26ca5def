//! After the conference (Theo dõi ý kiến): the opinions owed a written answer, overdue
//! first; several given to a unit at once; one opinion's follow-up edited beside the
//! list; and the details the papers need (chair, secretary, conclusions, recipients).
//! Every edit is written when typing pauses, as in every other form.

use std::collections::BTreeSet;

use egui::{RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::domain::date::Date;
use crate::domain::{
    FieldError, FollowStatus, FollowUp, Handling, PaperDetails, Problem, Question, date,
};
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;
use crate::ui::widgets::FormUi;

/// Which opinions the list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    /// Owed a written answer (in writing, or sent to a unit).
    #[default]
    Owed,
    /// Every opinion not merged into another.
    All,
}

/// The status filter; overdue is computed, so it is a filter of its own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Any,
    Is(FollowStatus),
    Overdue,
}

/// One opinion's follow-up as typed (dates as people type them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowDraft {
    pub handling: Handling,
    pub responsible_unit: String,
    pub deadline: String,
    pub answer_doc_no: String,
    pub answer_doc_date: String,
    pub written_answer: String,
    pub answered_by: String,
    pub status: FollowStatus,
}

impl FollowDraft {
    pub fn from_follow(f: &FollowUp) -> Self {
        let shown = |d: &Option<String>| d.as_deref().map(date::display).unwrap_or_default();
        Self {
            handling: f.handling,
            responsible_unit: f.responsible_unit.clone(),
            deadline: shown(&f.deadline),
            answer_doc_no: f.answer_doc_no.clone(),
            answer_doc_date: shown(&f.answer_doc_date),
            written_answer: f.written_answer.clone(),
            answered_by: f.answered_by.clone(),
            status: f.status,
        }
    }

    pub fn validate(&self) -> Result<FollowUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut day = |key: &'static str, text: &str| {
            let t = text.trim();
            if t.is_empty() {
                return None;
            }
            if let Some(d) = date::parse(t) {
                Some(d.to_string())
            } else {
                errors.push(FieldError::new(key, Problem::BadDate));
                None
            }
        };
        let deadline = day("deadline", &self.deadline);
        let answer_doc_date = day("answer_doc_date", &self.answer_doc_date);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(FollowUp {
            handling: self.handling,
            responsible_unit: crate::text::normalize(&self.responsible_unit),
            deadline,
            answer_doc_no: crate::text::normalize(&self.answer_doc_no),
            answer_doc_date,
            written_answer: crate::text::normalize_multiline(&self.written_answer),
            answered_by: crate::text::normalize(&self.answered_by),
            status: self.status,
        })
    }
}

/// What the right-hand side shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    Nothing,
    /// One opinion's follow-up (its id).
    Opinion(String),
    /// The chair, secretary, conclusions and recipients of the papers.
    Papers,
}

/// The page's own state.
#[derive(Debug, Default)]
pub struct FollowUpPanel {
    pub scope: Scope,
    pub unit: Option<String>,
    pub status: StatusFilter,
    /// Ticked opinions, for assigning several at once.
    pub ticked: BTreeSet<String>,
    pub assign_unit: String,
    pub assign_deadline: String,
    assign_error: Option<String>,
    pub side: Side,
    pub draft: FollowDraft,
    /// The opinion's follow-up as the file holds it, as loaded or last written from the
    /// draft: the file differing from it means someone else changed it (undo, an import).
    shown: Option<FollowUp>,
    pub errors: Vec<FieldError>,
    pub papers: PaperDetails,
    /// The papers' details as the file holds them (normalised), loaded or last written.
    papers_shown: Option<PaperDetails>,
    /// The filters the ticks were made under: ticks never outlive the rows they were made on.
    ticked_under: Option<(Scope, Option<String>, StatusFilter)>,
    /// The day overdue is counted on; `None`: the computer's (tests give one).
    pub today: Option<Date>,
}

impl crate::ui::autosave::Unsaved for FollowUpPanel {
    fn unsaved(&mut self, _data: &Data) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Side::Opinion(id) = &self.side {
            match self.draft.validate() {
                Ok(f) => {
                    self.errors.clear();
                    if self.shown.as_ref() != Some(&f) {
                        actions.push(Action::SetFollowUp(id.clone(), f.clone()));
                        self.shown = Some(f);
                    }
                }
                Err(e) => self.errors = e,
            }
        }
        // Whatever the side shows now: typed, then closed within the pause, still written.
        if let Some(shown) = &self.papers_shown {
            let typed = self.papers.normalized();
            if typed != *shown {
                actions.push(Action::SavePaperDetails(typed.clone()));
                self.papers_shown = Some(typed);
            }
        }
        actions
    }
}

/// Where an opinion goes in the list: overdue first (longest first), then those nobody
/// has decided on, then open and in progress by deadline, those without a deadline, then
/// the done and the noted ones; by number within.
fn order_key(q: &Question, today: Date) -> (u8, i64, String, i64) {
    let f = &q.data.follow;
    let deadline = f.deadline.clone().unwrap_or_else(|| "9999".into());
    let n = q.data.number;
    if q.data.is_overdue(today) {
        (0, -f.days_overdue(today), deadline, n)
    } else if f.handling == Handling::Undecided {
        (1, 0, String::new(), n)
    } else if f.status == FollowStatus::Done || f.handling == Handling::Noted {
        (4, 0, String::new(), n)
    } else if f.deadline.is_some() {
        (2, 0, deadline, n)
    } else {
        (3, 0, String::new(), n)
    }
}

impl FollowUpPanel {
    fn today(&self) -> Date {
        self.today.unwrap_or_else(date::today)
    }

    /// The opinions the filters keep, in the list's order.
    pub fn rows<'d>(&self, data: &'d Data) -> Vec<&'d Question> {
        let today = self.today();
        let unit = self.unit.as_deref().map(crate::text::fold);
        let mut rows: Vec<&Question> = data
            .questions
            .items
            .iter()
            .filter(|q| match self.scope {
                Scope::Owed => q.data.is_followed_up(),
                Scope::All => q.data.merged_into.is_none(),
            })
            .filter(|q| {
                unit.as_ref()
                    .is_none_or(|u| crate::text::fold(&q.data.follow.responsible_unit) == *u)
            })
            .filter(|q| match self.status {
                StatusFilter::Any => true,
                StatusFilter::Is(st) => q.data.follow.status == st,
                StatusFilter::Overdue => q.data.is_overdue(today),
            })
            .collect();
        rows.sort_by_cached_key(|q| order_key(q, today));
        rows
    }

    /// Opens one opinion's follow-up beside the list, once what was typed in the one
    /// shown is written.
    fn open(&mut self, q: &Question, data: &Data, actions: &mut Vec<Action>) {
        use crate::ui::autosave::Unsaved as _;
        actions.extend(self.unsaved(data));
        self.draft = FollowDraft::from_follow(&q.data.follow);
        self.shown = Some(q.data.follow.clone());
        self.errors.clear();
        self.side = Side::Opinion(q.id.clone());
    }

    /// Shows another side (or none), once what was typed is written.
    fn switch_side(&mut self, side: Side, data: &Data, actions: &mut Vec<Action>) {
        use crate::ui::autosave::Unsaved as _;
        actions.extend(self.unsaved(data));
        self.side = side;
    }

    /// The file changed other than through this page's forms (undo, redo, an import, an
    /// assignment): the forms show what it holds now.
    fn follow_the_file(&mut self, data: &Data) {
        if let Side::Opinion(id) = &self.side {
            match data.questions.items.iter().find(|q| &q.id == id) {
                None => {
                    self.side = Side::Nothing;
                    self.shown = None;
                }
                Some(q) if self.shown.as_ref() != Some(&q.data.follow) => {
                    self.draft = FollowDraft::from_follow(&q.data.follow);
                    self.shown = Some(q.data.follow.clone());
                    self.errors.clear();
                }
                Some(_) => {}
            }
        }
        if self.papers_shown.as_ref() != Some(&data.paper_details) {
            self.papers = data.paper_details.clone();
            self.papers_shown = Some(data.paper_details.clone());
        }
        let known: BTreeSet<&str> = data.questions.items.iter().map(|q| q.id.as_str()).collect();
        self.ticked.retain(|id| known.contains(id.as_str()));
        let under = (self.scope, self.unit.clone(), self.status);
        if self.ticked_under.as_ref() != Some(&under) {
            self.ticked.clear();
            self.ticked_under = Some(under);
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        self.follow_the_file(data);
        let mut actions = Vec::new();
        if self.side != Side::Nothing {
            egui::Panel::right("follow_up_side")
                .exact_size(theme::FORM_WIDTH + 40.0)
                .resizable(false)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("follow_up_side_scroll")
                        .show(ui, |ui| match self.side.clone() {
                            Side::Opinion(id) => {
                                self.opinion_ui(ui, data, &id, s, writable, &mut actions);
                            }
                            Side::Papers => {
                                self.papers_ui(ui, data, s, writable, &mut actions);
                            }
                            Side::Nothing => {}
                        });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            self.main_ui(ui, data, s, writable, &mut actions);
        });
        actions
    }

    fn main_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let today = self.today();
        ui.horizontal(|ui| {
            ui.heading(s.fu_heading);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.buttons_ui(ui, data, s, actions, writable);
            });
        });
        ui.horizontal_wrapped(|ui| counts_ui(ui, data, today, s));
        ui.add_space(theme::GAP / 2.0);
        self.filters_ui(ui, s, data);
        ui.add_space(theme::GAP / 2.0);
        if writable {
            self.assign_ui(ui, data, s, actions);
            ui.add_space(theme::GAP / 2.0);
        }
        let rows = self.rows(data);
        if rows.is_empty() {
            ui.add_space(theme::GAP * 2.0);
            let text = if data.questions.items.is_empty() {
                s.fu_empty
            } else {
                s.fu_empty_filtered
            };
            ui.label(theme::muted(text));
            if data.questions.items.is_empty() && ui.button(s.fu_go_questions).clicked() {
                actions.push(Action::Navigate {
                    page: crate::ui::Page::Questions,
                    new_record: false,
                });
            }
            return;
        }
        self.table_ui(ui, &rows, data, s, writable, actions);
    }

    fn filters_ui(&mut self, ui: &mut Ui, s: &'static Strings, data: &Data) {
        ui.horizontal_wrapped(|ui| {
            let label = crate::ui::widgets::filter_label(ui, s.fu_show, 150.0);
            egui::ComboBox::from_id_salt("fu_scope")
                .selected_text(match self.scope {
                    Scope::Owed => s.fu_scope_owed,
                    Scope::All => s.fu_scope_all,
                })
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.scope, Scope::Owed, s.fu_scope_owed);
                    ui.selectable_value(&mut self.scope, Scope::All, s.fu_scope_all);
                })
                .response
                .labelled_by(label.id);
            let label = crate::ui::widgets::filter_label(ui, s.f_responsible_unit, 160.0);
            egui::ComboBox::from_id_salt("fu_unit")
                .selected_text(self.unit.as_deref().unwrap_or(s.filter_all))
                .width(160.0)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.unit, None, s.filter_all);
                    for u in units_in_use(data) {
                        ui.selectable_value(&mut self.unit, Some(u.clone()), u);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = crate::ui::widgets::filter_label(ui, s.fu_status_filter, 130.0);
            let shown = match self.status {
                StatusFilter::Any => s.filter_all,
                StatusFilter::Is(st) => s.follow_status(st),
                StatusFilter::Overdue => s.fu_overdue,
            };
            egui::ComboBox::from_id_salt("fu_status")
                .selected_text(shown)
                .width(130.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.status, StatusFilter::Any, s.filter_all);
                    for st in FollowStatus::ALL {
                        ui.selectable_value(
                            &mut self.status,
                            StatusFilter::Is(st),
                            s.follow_status(st),
                        );
                    }
                    ui.selectable_value(&mut self.status, StatusFilter::Overdue, s.fu_overdue);
                })
                .response
                .labelled_by(label.id);
        });
    }

    /// Import answers, the papers' details, printing: right of the heading.
    fn buttons_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        actions: &mut Vec<Action>,
        writable: bool,
    ) {
        // Right to left: the last is leftmost.
        ui.menu_button(s.fu_print, |ui| {
            use crate::export::ListKind as L;
            for (kind, text) in [
                (L::Minutes, s.fu_print_minutes),
                (L::Conclusion, s.fu_print_conclusion),
                (L::ResultsReport, s.fu_print_report),
                (L::FollowUp, s.fu_print_sheets),
            ] {
                if ui.button(text).clicked() {
                    let unit = (kind == L::FollowUp).then(|| self.unit.clone()).flatten();
                    actions.push(Action::OpenList { kind, unit });
                }
            }
        });
        if ui
            .button(s.fu_papers)
            .on_hover_text(s.fu_papers_hint)
            .clicked()
        {
            self.switch_side(Side::Papers, data, actions);
        }
        if ui
            .add_enabled(writable, egui::Button::new(s.fu_import_answers))
            .on_hover_text(s.fu_import_answers_hint)
            .clicked()
        {
            actions.push(Action::ImportChoose(crate::import::Kind::Answers));
        }
    }

    fn assign_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        actions: &mut Vec<Action>,
    ) {
        theme::card().inner_margin(6.0).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let n = self.ticked.len();
                ui.label(RichText::new(s.fu_ticked.replace("{}", &n.to_string())).strong());
                let label = ui.label(s.fu_assign_unit);
                ui.add(
                    egui::TextEdit::singleline(&mut self.assign_unit)
                        .id_salt("fu_assign_unit")
                        .desired_width(200.0)
                        .hint_text(s.fu_assign_unit_hint),
                )
                .labelled_by(label.id);
                let pick = egui::ComboBox::from_id_salt("fu_assign_pick")
                    .selected_text("")
                    .width(24.0)
                    .height(340.0)
                    .show_ui(ui, |ui| {
                        for u in &data.follow_units {
                            if ui.selectable_label(self.assign_unit == *u, u).clicked() {
                                self.assign_unit.clone_from(u);
                            }
                        }
                    });
                pick.response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.fu_pick_unit)
                });
                let label = ui.label(s.f_deadline);
                ui.add(
                    egui::TextEdit::singleline(&mut self.assign_deadline)
                        .id_salt("fu_assign_deadline")
                        .desired_width(90.0)
                        .hint_text("dd/mm/yyyy"),
                )
                .labelled_by(label.id);
                for days in [15, 30] {
                    if ui
                        .small_button(s.fu_in_days.replace("{}", &days.to_string()))
                        .clicked()
                    {
                        let d = date::add_days(self.today(), days);
                        self.assign_deadline = date::display(&d.to_string());
                    }
                }
                let ready = n > 0 && !self.assign_unit.trim().is_empty();
                if ui
                    .add_enabled(
                        ready,
                        egui::Button::new(RichText::new(s.fu_assign).strong()),
                    )
                    .clicked()
                {
                    let deadline = self.assign_deadline.trim();
                    if !deadline.is_empty() && date::parse(deadline).is_none() {
                        self.assign_error = Some(s.problem(Problem::BadDate).to_owned());
                    } else {
                        self.assign_error = None;
                        actions.push(Action::AssignQuestions {
                            ids: self.ticked.iter().cloned().collect(),
                            unit: self.assign_unit.trim().to_owned(),
                            deadline: (!deadline.is_empty()).then(|| deadline.to_owned()),
                        });
                        self.ticked.clear();
                    }
                }
                if n > 0 && ui.small_button(s.fu_untick).clicked() {
                    self.ticked.clear();
                }
            });
            if let Some(e) = &self.assign_error {
                ui.label(theme::error_text(e));
            }
        });
    }

    fn table_ui(
        &mut self,
        ui: &mut Ui,
        rows: &[&Question],
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let today = self.today();
        let all_ticked = rows.iter().all(|q| self.ticked.contains(&q.id));
        let mut clicked: Option<&Question> = None;
        let open_id = match &self.side {
            Side::Opinion(id) => Some(id.clone()),
            _ => None,
        };
        TableBuilder::new(ui)
            .id_salt("follow_up_table")
            .striped(true)
            .sense(Sense::click())
            .auto_shrink(false)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(64.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .column(
                Column::initial(190.0)
                    .at_least(80.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(Column::initial(88.0).at_least(70.0))
            .column(Column::initial(150.0).at_least(90.0).clip(true))
            .header(theme::ROW_HEIGHT + 4.0, |mut header| {
                header.col(|ui| {
                    let mut all = all_ticked;
                    if ui
                        .add_enabled(writable, egui::Checkbox::new(&mut all, s.col_no))
                        .on_hover_text(s.fu_tick_all)
                        .changed()
                    {
                        for q in rows {
                            if all {
                                self.ticked.insert(q.id.clone());
                            } else {
                                self.ticked.remove(&q.id);
                            }
                        }
                    }
                });
                for title in [
                    s.f_content,
                    s.f_responsible_unit,
                    s.f_deadline,
                    s.f_follow_status,
                ] {
                    header.col(|ui| {
                        ui.label(RichText::new(title).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                    let Some(q) = rows.get(row.index()) else {
                        return;
                    };
                    let f = &q.data.follow;
                    row.set_selected(open_id.as_deref() == Some(q.id.as_str()));
                    row.col(|ui| {
                        let mut on = self.ticked.contains(&q.id);
                        let tick = egui::Checkbox::new(&mut on, q.data.number.to_string());
                        if ui.add_enabled(writable, tick).changed() {
                            if on {
                                self.ticked.insert(q.id.clone());
                            } else {
                                self.ticked.remove(&q.id);
                            }
                        }
                    });
                    row.col(|ui| {
                        let text = q.data.content.replace('\n', " ");
                        ui.add(egui::Label::new(text).truncate().selectable(false));
                    });
                    row.col(|ui| {
                        let unit = if f.responsible_unit.is_empty() {
                            theme::muted(s.handling(f.handling))
                        } else {
                            RichText::new(&f.responsible_unit)
                        };
                        ui.add(egui::Label::new(unit).truncate().selectable(false));
                    });
                    row.col(|ui| {
                        let day = f.deadline.as_deref().map(date::display).unwrap_or_default();
                        ui.add(egui::Label::new(day).selectable(false));
                    });
                    row.col(|ui| {
                        let text = if q.data.is_overdue(today) {
                            RichText::new(
                                s.fu_overdue_days
                                    .replace("{}", &f.days_overdue(today).to_string()),
                            )
                            .color(theme::ERROR)
                            .strong()
                        } else if f.status == FollowStatus::Done {
                            RichText::new(s.follow_status(f.status)).color(theme::SUCCESS)
                        } else {
                            RichText::new(s.follow_status(f.status))
                        };
                        ui.add(egui::Label::new(text).truncate().selectable(false));
                    });
                    if row.response().clicked() {
                        clicked = Some(q);
                    }
                });
            });
        if let Some(q) = clicked {
            self.open(q, data, actions);
        }
    }

    fn opinion_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        id: &str,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let Some(q) = data.questions.items.iter().find(|q| q.id == id) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(s.fu_opinion.replace("{}", &q.data.number.to_string()));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(s.close).clicked() {
                    self.switch_side(Side::Nothing, data, actions);
                }
            });
        });
        let asker = if q.data.anonymous {
            s.f_anonymous.to_owned()
        } else {
            format!("{} ({})", q.data.asker_name, q.data.asker_unit)
        };
        ui.label(theme::muted(format!("{asker} · {}", q.topic)));
        egui::ScrollArea::vertical()
            .id_salt("fu_content")
            .max_height(90.0)
            .show(ui, |ui| {
                ui.label(&q.data.content);
            });
        if !q.data.answer.is_empty() {
            ui.label(theme::muted(format!(
                "{}: {}",
                s.fu_hall_answer, q.data.answer
            )));
        }
        if q.data.is_overdue(self.today()) {
            ui.label(
                RichText::new(
                    s.fu_overdue_days
                        .replace("{}", &q.data.follow.days_overdue(self.today()).to_string()),
                )
                .color(theme::ERROR)
                .strong(),
            );
        }
        ui.separator();
        let mut form = FormUi::new(s, &self.errors, false, writable);
        let handlings: Vec<(Handling, &str)> =
            Handling::ALL.iter().map(|h| (*h, s.handling(*h))).collect();
        let was_owed = self.draft.handling.needs_answer();
        form.choice(ui, s.f_handling, &mut self.draft.handling, &handlings);
        let answered = !self.draft.written_answer.trim().is_empty()
            || !self.draft.answer_doc_no.trim().is_empty();
        if !was_owed && self.draft.handling.needs_answer() && !answered {
            // "Done" meant the hall's answer: a written one is owed now.
            self.draft.status = FollowStatus::Open;
        }
        form.text(
            ui,
            "responsible_unit",
            s.f_responsible_unit,
            &mut self.draft.responsible_unit,
        );
        ui.add_enabled_ui(writable, |ui| {
            let pick = egui::ComboBox::from_id_salt("fu_side_pick")
                .selected_text(s.fu_pick_unit)
                .width(ui.available_width() - 8.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for u in &data.follow_units {
                        if ui
                            .selectable_label(self.draft.responsible_unit == *u, u)
                            .clicked()
                        {
                            self.draft.responsible_unit.clone_from(u);
                            crate::ui::autosave::typed(ui.ctx());
                        }
                    }
                });
            pick.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, s.fu_pick_unit)
            });
        });
        form.text(
            ui,
            "deadline",
            &format!("{} (dd/mm/yyyy)", s.f_deadline),
            &mut self.draft.deadline,
        );
        let statuses: Vec<(FollowStatus, &str)> = FollowStatus::ALL
            .iter()
            .map(|st| (*st, s.follow_status(*st)))
            .collect();
        form.choice(ui, s.f_follow_status, &mut self.draft.status, &statuses);
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width() / 2.0 - 4.0);
                form.text(
                    ui,
                    "answer_doc_no",
                    s.f_doc_no,
                    &mut self.draft.answer_doc_no,
                );
            });
            ui.vertical(|ui| {
                form.text(
                    ui,
                    "answer_doc_date",
                    s.f_doc_date,
                    &mut self.draft.answer_doc_date,
                );
            });
        });
        form.text(
            ui,
            "answered_by",
            s.f_answered_by,
            &mut self.draft.answered_by,
        );
        form.multiline(
            ui,
            "written_answer",
            s.f_written_answer,
            &mut self.draft.written_answer,
            4,
        );
        if form.commit {
            crate::ui::autosave::typed(ui.ctx());
        }
        if form.submit || form.commit {
            // Written now rather than after the pause: a choice, Enter, or leaving a field.
            use crate::ui::autosave::Unsaved as _;
            actions.extend(self.unsaved(data));
        }
        ui.label(theme::muted(s.fu_autosaved));
    }

    fn papers_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            ui.heading(s.fu_papers);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(s.close).clicked() {
                    self.switch_side(Side::Nothing, data, actions);
                }
            });
        });
        ui.label(theme::muted(s.fu_papers_hint));
        let mut form = FormUi::new(s, &[], false, writable);
        let p = &mut self.papers;
        form.text(ui, "chair_name", s.fu_chair_name, &mut p.chair_name);
        form.text(ui, "chair_title", s.fu_chair_title, &mut p.chair_title);
        form.text(
            ui,
            "secretary_name",
            s.fu_secretary_name,
            &mut p.secretary_name,
        );
        form.text(
            ui,
            "secretary_title",
            s.fu_secretary_title,
            &mut p.secretary_title,
        );
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width() / 2.0 - 4.0);
                form.text(ui, "began_at", s.fu_began_at, &mut p.began_at);
            });
            ui.vertical(|ui| {
                form.text(ui, "ended_at", s.fu_ended_at, &mut p.ended_at);
            });
        });
        form.multiline(ui, "conclusions", s.fu_conclusions, &mut p.conclusions, 6);
        form.multiline(ui, "recipients", s.fu_recipients, &mut p.recipients, 4);
        if form.commit {
            crate::ui::autosave::typed(ui.ctx());
        }
        ui.label(theme::muted(s.fu_autosaved));
    }
}

/// The units given opinions to answer, for the filter: the units that have a sheet to
/// print (printing the filtered unit's sheet must not fall back to every unit's).
fn units_in_use(data: &Data) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out: Vec<String> = data
        .questions
        .items
        .iter()
        .filter(|q| q.data.is_followed_up())
        .map(|q| q.data.follow.responsible_unit.clone())
        .filter(|u| !u.is_empty() && seen.insert(crate::text::fold(u)))
        .collect();
    out.sort_by(|a, b| crate::text::compare_vi(a, b));
    out
}

/// Answered in the hall, owed in writing, done, overdue: the follow-up at a glance.
pub fn counts_ui(ui: &mut Ui, data: &Data, today: Date, s: &Strings) {
    let c = counts(data, today);
    let chip = |ui: &mut Ui, label: &str, n: i64, color: egui::Color32| {
        ui.label(RichText::new(format!("{label}: {n}")).color(color).strong());
    };
    chip(ui, s.fu_in_hall, c.answered_in_hall, theme::TEXT);
    ui.label("·");
    chip(ui, s.fu_to_answer, c.to_answer, theme::TEXT);
    ui.label("·");
    chip(ui, s.fu_done, c.done, theme::SUCCESS);
    ui.label("·");
    chip(
        ui,
        s.fu_overdue,
        c.overdue,
        if c.overdue > 0 {
            theme::ERROR
        } else {
            theme::TEXT
        },
    );
}

/// The follow-up's counts on `today`, from what the window holds.
pub fn counts(data: &Data, today: Date) -> crate::domain::FollowUpCounts {
    crate::domain::FollowUpCounts::of(&data.questions.items, today)
}
