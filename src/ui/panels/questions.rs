//! Questions and opinions (Câu hỏi): slip intake form, table and search.

use egui::Ui;

use super::{impl_form, validated};
use crate::domain::{Channel, FieldError, Question, QuestionDraft, Status};
use crate::ui::action::Action;
use crate::ui::data::{Data, Rows};
use crate::ui::i18n::Strings;
use crate::ui::record::{ColumnSpec, RecordKind, RecordPanel, SortValue};
use crate::ui::widgets::FormUi;

/// The slip form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionForm {
    pub draft: QuestionDraft,
    pub errors: Vec<FieldError>,
}
impl_form!(QuestionForm);

/// Filters above the question table; `None` keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionFilter {
    pub topic_id: Option<String>,
    pub status: Option<Status>,
    pub responder: Option<String>,
    pub unit: Option<String>,
}

/// The question record kind.
pub struct Questions;

/// The questions page.
pub type QuestionsPanel = RecordPanel<Questions>;

impl RecordKind for Questions {
    type Record = Question;
    type Form = QuestionForm;
    type Filter = QuestionFilter;
    const SALT: &'static str = "questions";

    fn rows(data: &Data) -> &Rows<Question> {
        &data.questions
    }

    fn id(r: &Question) -> &str {
        &r.id
    }

    fn columns(s: &Strings) -> Vec<ColumnSpec> {
        vec![
            ColumnSpec {
                title: s.col_no,
                width: 40.0,
            },
            ColumnSpec {
                title: s.f_asker,
                width: 150.0,
            },
            ColumnSpec {
                title: s.f_topic,
                width: 150.0,
            },
            ColumnSpec {
                title: s.f_status,
                width: 130.0,
            },
            ColumnSpec {
                title: s.f_content,
                width: 300.0,
            },
        ]
    }

    fn cell(r: &Question, col: usize, s: &Strings) -> String {
        let d = &r.data;
        match col {
            0 => d.number.to_string(),
            1 if d.anonymous => s.f_anonymous.to_owned(),
            1 if d.asker_unit.is_empty() => d.asker_name.clone(),
            1 => format!("{} ({})", d.asker_name, d.asker_unit),
            2 => r.topic.clone(),
            3 => s.status(d.status).to_owned(),
            _ => d.content.replace('\n', " "),
        }
    }

    fn sort_value(r: &Question, col: usize, s: &Strings, _data: &Data) -> SortValue {
        match col {
            0 => SortValue::Number(r.data.number),
            _ => SortValue::Text(crate::text::sort_key(&Self::cell(r, col, s))),
        }
    }

    fn filter_ui(filter: &mut QuestionFilter, ui: &mut Ui, data: &Data, s: &Strings) {
        ui.horizontal_wrapped(|ui| {
            let label = crate::ui::widgets::filter_label(ui, s.f_topic, 150.0);
            let current = filter
                .topic_id
                .as_ref()
                .and_then(|id| data.topics.iter().find(|t| &t.id == id))
                .map_or(s.filter_all, |t| t.name.as_str());
            egui::ComboBox::from_id_salt("filter_topic")
                .selected_text(current)
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.topic_id, None, s.filter_all);
                    for t in &data.topics {
                        ui.selectable_value(&mut filter.topic_id, Some(t.id.clone()), &t.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = crate::ui::widgets::filter_label(ui, s.f_status, 140.0);
            egui::ComboBox::from_id_salt("filter_status")
                .selected_text(filter.status.map_or(s.filter_all, |st| s.status(st)))
                .width(140.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.status, None, s.filter_all);
                    for st in Status::ALL {
                        ui.selectable_value(&mut filter.status, Some(st), s.status(st));
                    }
                })
                .response
                .labelled_by(label.id);
            super::attendees::pick(
                ui,
                s.f_responder,
                &mut filter.responder,
                &data.question_responders,
                s,
            );
            super::attendees::pick(
                ui,
                s.f_asker_unit,
                &mut filter.unit,
                &data.question_units,
                s,
            );
            if *filter != QuestionFilter::default() && ui.small_button(s.filter_clear).clicked() {
                *filter = QuestionFilter::default();
            }
        });
    }

    fn filter_keeps(f: &QuestionFilter, r: &Question) -> bool {
        let d = &r.data;
        f.topic_id
            .as_ref()
            .is_none_or(|t| d.topic_id.as_ref() == Some(t))
            && f.status.is_none_or(|st| st == d.status)
            && f.responder.as_ref().is_none_or(|x| *x == d.responder)
            && f.unit.as_ref().is_none_or(|x| *x == d.asker_unit)
    }

    fn cell_is_success(r: &Question, col: usize) -> bool {
        col == 3 && r.data.status == Status::AnsweredAtConference
    }

    fn empty_text(s: &Strings) -> &'static str {
        s.empty_questions
    }

    fn empty_import(s: &'static Strings) -> (&'static str, Action) {
        (
            s.menu_import_questions,
            Action::ImportChoose(crate::import::Kind::Questions),
        )
    }

    fn describe(r: &Question) -> String {
        let mut text: String = r.data.content.chars().take(80).collect();
        if r.data.content.chars().count() > 80 {
            text.push('…');
        }
        format!("{}. {text}", r.data.number)
    }

    fn new_form(data: &Data) -> QuestionForm {
        QuestionForm {
            draft: QuestionDraft {
                number: data.next_question_number.to_string(),
                ..Default::default()
            },
            errors: Vec::new(),
        }
    }

    fn form_for(r: &Question, _data: &Data) -> QuestionForm {
        QuestionForm {
            draft: QuestionDraft::from_data(&r.data),
            errors: Vec::new(),
        }
    }

    fn form_ui(
        form: &mut QuestionForm,
        ui: &mut Ui,
        f: &mut FormUi<'_>,
        data: &Data,
        editing: Option<&str>,
    ) {
        let s = f.s;
        let d = &mut form.draft;
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                f.text(left, "number", s.f_number, &mut d.number);
                right.add_space(18.0);
                f.checkbox(right, s.f_anonymous, &mut d.anonymous);
            }
        });
        if !d.anonymous {
            let (name, id) = (&mut d.asker_name, &mut d.asker_id);
            if let Some(a) = f.attendee(ui, "asker_name", s.f_asker, name, id, data) {
                d.asker_unit.clone_from(&a.data.unit);
            }
            f.text(ui, "asker_unit", s.f_asker_unit, &mut d.asker_unit);
        }
        let channels: Vec<(Channel, &str)> =
            Channel::ALL.iter().map(|c| (*c, s.channel(*c))).collect();
        f.choice(ui, s.f_channel, &mut d.channel, &channels);
        topic_choice(ui, f, &mut d.topic_id, data, s);
        f.multiline(ui, "content", s.f_content, &mut d.content, 4);
        f.text(ui, "responder", s.f_responder, &mut d.responder);
        let statuses: Vec<(Status, &str)> =
            Status::ALL.iter().map(|c| (*c, s.status(*c))).collect();
        f.choice(ui, s.f_status, &mut d.status, &statuses);
        f.multiline(ui, "answer", s.f_answer, &mut d.answer, 3);
        if let Some(id) = editing {
            merge_ui(ui, f, form_number(d), d.merged_into.as_deref(), id, data, s);
        }
    }

    fn save_action(form: &mut QuestionForm, editing: Option<&str>, _data: &Data) -> Option<Action> {
        let data = validated(form.draft.validate(), &mut form.errors)?;
        Some(match editing {
            Some(id) => Action::UpdateQuestion(id.to_owned(), data),
            None => Action::AddQuestion(data),
        })
    }

    fn delete_action(id: &str) -> Action {
        Action::DeleteQuestion(id.to_owned())
    }

    fn linked(form: &Self::Form) -> bool {
        form.draft.asker_id.is_some()
    }
}

fn topic_choice(
    ui: &mut Ui,
    f: &mut FormUi<'_>,
    value: &mut Option<String>,
    data: &Data,
    s: &Strings,
) {
    let current = value
        .as_ref()
        .and_then(|id| data.topics.iter().find(|t| &t.id == id))
        .map_or(s.no_topic, |t| t.name.as_str());
    f.combo(ui, s.f_topic, value, current, |ui, value| {
        ui.selectable_value(value, None, s.no_topic);
        for t in &data.topics {
            ui.selectable_value(value, Some(t.id.clone()), &t.name);
        }
    });
}

fn form_number(d: &QuestionDraft) -> i64 {
    d.number.trim().parse().unwrap_or(0)
}

/// Merging: a merged question names its main one; a main one lists every asker.
fn merge_ui(
    ui: &mut Ui,
    f: &mut FormUi<'_>,
    number: i64,
    merged: Option<&str>,
    id: &str,
    data: &Data,
    s: &Strings,
) {
    ui.separator();
    if let Some(main) = merged.and_then(|m| data.questions.items.iter().find(|q| q.id == m)) {
        ui.horizontal(|ui| {
            ui.label(format!("{} {}", s.merged_into_label, main.data.number));
            if ui
                .add_enabled(f.enabled, egui::Button::new(s.unmerge))
                .clicked()
            {
                f.actions.push(Action::UnmergeQuestion(id.to_owned()));
            }
        });
        return;
    }
    let children: Vec<_> = data
        .questions
        .items
        .iter()
        .filter(|q| q.data.merged_into.as_deref() == Some(id))
        .collect();
    if !children.is_empty() {
        ui.label(egui::RichText::new(s.merged_askers).strong());
        for c in children {
            let who = if c.data.anonymous {
                s.f_anonymous.to_owned()
            } else {
                format!("{} ({})", c.data.asker_name, c.data.asker_unit)
            };
            ui.label(format!("{}. {who}", c.data.number));
        }
    }
    let memory_id = egui::Id::unique(("merge_into", id));
    let mut target: String = ui.data_mut(|m| m.get_temp(memory_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(s.merge_into);
        ui.add_enabled(
            f.enabled,
            egui::TextEdit::singleline(&mut target).desired_width(60.0),
        )
        .labelled_by(label.id);
        let into = target.trim().parse::<i64>().ok().filter(|n| *n != number);
        if ui
            .add_enabled(f.enabled && into.is_some(), egui::Button::new(s.merge))
            .clicked()
            && let Some(into_number) = into
        {
            f.actions.push(Action::MergeQuestion {
                id: id.to_owned(),
                into_number,
            });
            target.clear();
        }
    });
    ui.data_mut(|m| m.insert_temp(memory_id, target));
}
