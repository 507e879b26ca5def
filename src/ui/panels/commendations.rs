//! Commendations (Khen thưởng): kind, person or collective, decision, stage order.

use egui::Ui;

use super::{impl_form, validated};
use crate::domain::{Commendation, CommendationDraft, FieldError, date};
use crate::ui::action::Action;
use crate::ui::data::{Data, Rows};
use crate::ui::i18n::Strings;
use crate::ui::record::{ColumnSpec, RecordKind, RecordPanel, SortValue};
use crate::ui::widgets::FormUi;

/// The commendation form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CommendationForm {
    pub draft: CommendationDraft,
    /// The stage order as typed.
    pub stage_order: String,
    pub errors: Vec<FieldError>,
}
impl_form!(CommendationForm);

/// The commendation record kind.
pub struct Commendations;

/// The commendations page.
pub type CommendationsPanel = RecordPanel<Commendations>;

impl RecordKind for Commendations {
    type Record = Commendation;
    type Form = CommendationForm;
    type Filter = ();
    const SALT: &'static str = "commendations";

    fn rows(data: &Data) -> &Rows<Commendation> {
        &data.commendations
    }

    fn id(r: &Commendation) -> &str {
        &r.id
    }

    fn columns(s: &Strings) -> Vec<ColumnSpec> {
        vec![
            ColumnSpec {
                title: s.col_no,
                width: 40.0,
            },
            ColumnSpec {
                title: s.f_kind,
                width: 90.0,
            },
            ColumnSpec {
                title: s.f_recipient,
                width: 170.0,
            },
            ColumnSpec {
                title: s.f_unit,
                width: 160.0,
            },
            ColumnSpec {
                title: s.f_decision_number,
                width: 140.0,
            },
            ColumnSpec {
                title: s.f_decision_date,
                width: 90.0,
            },
        ]
    }

    fn cell(r: &Commendation, col: usize, _s: &Strings) -> String {
        let d = &r.data;
        match col {
            0 => d.stage_order.to_string(),
            1 => d.kind.clone(),
            2 => d.recipient_name.clone(),
            3 => d.unit.clone(),
            4 => d.decision_number.clone(),
            _ => d
                .decision_date
                .as_deref()
                .map(date::display)
                .unwrap_or_default(),
        }
    }

    fn sort_value(r: &Commendation, col: usize, s: &Strings, _data: &Data) -> SortValue {
        match col {
            0 => SortValue::Number(r.data.stage_order),
            5 => SortValue::Text(
                r.data
                    .decision_date
                    .clone()
                    .unwrap_or_default()
                    .into_bytes(),
            ),
            _ => SortValue::Text(crate::text::sort_key(&Self::cell(r, col, s))),
        }
    }

    fn empty_text(s: &Strings) -> &'static str {
        s.empty_commendations
    }

    fn empty_import(s: &'static Strings) -> (&'static str, Action) {
        (
            s.menu_import_commendations,
            Action::ImportChoose(crate::import::Kind::Commendations),
        )
    }

    fn describe(r: &Commendation) -> String {
        format!("{} — {}", r.data.kind, r.data.recipient_name)
    }

    fn new_form(data: &Data) -> CommendationForm {
        let next = data
            .commendations
            .items
            .iter()
            .map(|c| c.data.stage_order)
            .max()
            .unwrap_or(0)
            + 1;
        CommendationForm {
            draft: CommendationDraft {
                kind: data.commendation_kinds.first().cloned().unwrap_or_default(),
                stage_order: next,
                ..Default::default()
            },
            stage_order: next.to_string(),
            errors: Vec::new(),
        }
    }

    fn form_for(r: &Commendation, _data: &Data) -> CommendationForm {
        CommendationForm {
            draft: CommendationDraft::from_data(&r.data),
            stage_order: r.data.stage_order.to_string(),
            errors: Vec::new(),
        }
    }

    fn form_ui(
        form: &mut CommendationForm,
        ui: &mut Ui,
        f: &mut FormUi<'_>,
        data: &Data,
        editing: Option<&str>,
    ) {
        let s = f.s;
        let d = &mut form.draft;
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                kind_choice(left, f, &mut d.kind, data, s);
                right.add_space(18.0);
                f.checkbox(right, s.f_collective, &mut d.collective);
            }
        });
        if d.collective {
            f.text(ui, "recipient_name", s.f_recipient, &mut d.recipient_name);
            d.recipient_id = None;
        } else {
            let (name, id) = (&mut d.recipient_name, &mut d.recipient_id);
            if let Some(a) = f.attendee(ui, "recipient_name", s.f_recipient, name, id, data) {
                d.rank.clone_from(&a.data.rank);
                d.position.clone_from(&a.data.position);
                d.unit.clone_from(&a.data.unit);
            }
            ui.columns(2, |cols| {
                if let [left, right] = cols {
                    f.text(left, "rank", s.f_rank, &mut d.rank);
                    f.text(right, "position", s.f_position, &mut d.position);
                }
            });
        }
        f.text(ui, "unit", s.f_unit, &mut d.unit);
        f.multiline(ui, "achievement", s.f_achievement, &mut d.achievement, 3);
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                f.text(
                    left,
                    "decision_number",
                    s.f_decision_number,
                    &mut d.decision_number,
                );
                f.text(
                    right,
                    "decision_date",
                    s.f_decision_date,
                    &mut d.decision_date,
                );
            }
        });
        f.text(ui, "issuer", s.f_issuer, &mut d.issuer);
        f.text(ui, "stage_order", s.f_stage_order, &mut form.stage_order);
        if let Some(id) = editing {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(f.enabled, egui::Button::new(s.move_up))
                    .clicked()
                {
                    f.actions.push(Action::MoveCommendation {
                        id: id.to_owned(),
                        up: true,
                    });
                }
                if ui
                    .add_enabled(f.enabled, egui::Button::new(s.move_down))
                    .clicked()
                {
                    f.actions.push(Action::MoveCommendation {
                        id: id.to_owned(),
                        up: false,
                    });
                }
            });
        }
    }

    fn save_action(
        form: &mut CommendationForm,
        editing: Option<&str>,
        _data: &Data,
    ) -> Option<Action> {
        let order = form
            .stage_order
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0);
        form.draft.stage_order = order.unwrap_or(0);
        let result = form.draft.validate();
        let mut value = validated(result, &mut form.errors);
        if order.is_none() {
            form.errors.push(FieldError::new(
                "stage_order",
                crate::domain::Problem::BadNumber,
            ));
            value = None;
        }
        let data = value?;
        Some(match editing {
            Some(id) => Action::UpdateCommendation(id.to_owned(), data),
            None => Action::AddCommendation(data),
        })
    }

    fn delete_action(id: &str) -> Action {
        Action::DeleteCommendation(id.to_owned())
    }

    fn linked(form: &Self::Form) -> bool {
        form.draft.recipient_id.is_some()
    }
}

fn kind_choice(ui: &mut Ui, f: &mut FormUi<'_>, value: &mut String, data: &Data, s: &Strings) {
    let current = value.clone();
    f.combo(ui, s.f_kind, value, &current, |ui, value| {
        for k in &data.commendation_kinds {
            ui.selectable_value(value, k.clone(), k);
        }
    });
}
