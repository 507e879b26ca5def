//! Questions and opinions (Câu hỏi): slip intake form, table and search.

use egui::Ui;

use super::{impl_form, validated};
use crate::domain::{Channel, FieldError, Question, QuestionDraft, Status};
use crate::i18n::Strings;
use crate::ui::action::Action;
use crate::ui::data::{Data, Rows};
use crate::ui::record::{ColumnSpec, RecordKind, RecordPanel, SortValue};
use crate::ui::theme;
use crate::ui::widgets::{FormUi, attendee_suggestions};

/// The slip form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionForm {
    pub draft: QuestionDraft,
    pub errors: Vec<FieldError>,
}
impl_form!(QuestionForm);

/// The question record kind.
pub struct Questions;

/// The questions page.
pub type QuestionsPanel = RecordPanel<Questions>;

impl RecordKind for Questions {
    type Record = Question;
    type Form = QuestionForm;
    type Filter = ();
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

    fn sort_value(r: &Question, col: usize, s: &Strings) -> SortValue {
        match col {
            0 => SortValue::Number(r.data.number),
            _ => SortValue::Text(crate::text::sort_key(&Self::cell(r, col, s))),
        }
    }

    fn cell_is_success(r: &Question, col: usize) -> bool {
        col == 3 && r.data.status == Status::AnsweredAtConference
    }

    fn empty_text(s: &Strings) -> &'static str {
        s.empty_questions
    }

    fn describe(r: &Question) -> String {
        let mut text: String = r.data.content.chars().take(80).collect();
        if r.data.content.chars().count() > 80 {
            text.push('…');
        }
        format!("{}. {text}", r.data.number)
    }

    fn new_form(data: &Data) -> QuestionForm {
        let next = data
            .questions
            .items
            .iter()
            .map(|q| q.data.number)
            .max()
            .unwrap_or(0)
            + 1;
        QuestionForm {
            draft: QuestionDraft {
                number: next.to_string(),
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
        _editing: Option<&str>,
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
            let before = d.asker_name.clone();
            f.text(ui, "asker_name", s.f_asker, &mut d.asker_name);
            if d.asker_name != before {
                d.asker_id = None;
            }
            if d.asker_id.is_none() && f.enabled {
                if let Some(a) = attendee_suggestions(ui, data, &d.asker_name, s) {
                    d.asker_id = Some(a.id.clone());
                    d.asker_name.clone_from(&a.data.full_name);
                    d.asker_unit.clone_from(&a.data.unit);
                    f.commit = true;
                }
            } else if d.asker_id.is_some() {
                ui.label(theme::muted(format!("• {}", s.linked_attendee)).small());
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
