//! The attendee list (Đại biểu): table, search and the attendee form.

use egui::Ui;

use super::{impl_form, validated};
use crate::domain::protocol::Person;
use crate::domain::{Attendee, AttendeeDraft, FieldError, date, rank};
use crate::text::{name_sort_key, sort_key};
use crate::ui::action::Action;
use crate::ui::data::{Data, Rows};
use crate::ui::i18n::Strings;
use crate::ui::record::{ColumnSpec, RecordKind, RecordPanel, SortValue};
use crate::ui::widgets::FormUi;

/// The attendee form: the draft and its errors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttendeeForm {
    pub draft: AttendeeDraft,
    pub errors: Vec<FieldError>,
}
impl_form!(AttendeeForm);

/// Filters above the attendee table; `None` keeps everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendeeFilter {
    pub group: Option<String>,
    pub unit: Option<String>,
    pub district: Option<String>,
    pub checked_in: Option<bool>,
}

/// One filter drop-down over the distinct values of a column.
pub(crate) fn pick(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<String>,
    options: &[String],
    s: &Strings,
) {
    let label_id = crate::ui::widgets::filter_label(ui, label, 130.0).id;
    let text = value.clone().unwrap_or_else(|| s.filter_all.to_owned());
    egui::ComboBox::from_id_salt(("filter", label))
        .selected_text(text)
        .width(130.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, s.filter_all);
            for o in options {
                ui.selectable_value(
                    value,
                    Some(o.clone()),
                    if o.is_empty() { "—" } else { o.as_str() },
                );
            }
        })
        .response
        .labelled_by(label_id);
}

/// The attendee record kind.
pub struct Attendees;

/// The attendees page.
pub type AttendeesPanel = RecordPanel<Attendees>;

impl RecordKind for Attendees {
    type Record = Attendee;
    type Form = AttendeeForm;
    type Filter = AttendeeFilter;
    const SALT: &'static str = "attendees";

    fn rows(data: &Data) -> &Rows<Attendee> {
        &data.attendees
    }

    fn id(r: &Attendee) -> &str {
        &r.id
    }

    fn columns(s: &Strings) -> Vec<ColumnSpec> {
        vec![
            ColumnSpec {
                title: s.f_full_name,
                width: 175.0,
            },
            ColumnSpec {
                title: s.f_rank,
                width: 80.0,
            },
            ColumnSpec {
                title: s.f_position,
                width: 135.0,
            },
            ColumnSpec {
                title: s.f_unit,
                width: 175.0,
            },
            ColumnSpec {
                title: s.f_group,
                width: 115.0,
            },
            ColumnSpec {
                title: s.f_checked_in,
                width: 80.0,
            },
        ]
    }

    fn cell(r: &Attendee, col: usize, _s: &Strings) -> String {
        let d = &r.data;
        match col {
            0 => d.full_name.clone(),
            1 => d.rank.clone(),
            2 => d.position.clone(),
            3 => d.unit.clone(),
            4 => d.group.clone(),
            _ => r
                .checked_in_at
                .as_deref()
                .map(date::display_time)
                .unwrap_or_default(),
        }
    }

    fn sort_value(r: &Attendee, col: usize, s: &Strings, data: &Data) -> SortValue {
        match col {
            0 => SortValue::Text(name_sort_key(&r.data.full_name)),
            // Rank and position both sort in protocol order, as the printed lists do.
            1 | 2 => SortValue::Protocol(data.ladder.key(&Person::of(&r.data))),
            5 => SortValue::Text(r.checked_in_at.clone().unwrap_or_default().into_bytes()),
            _ => SortValue::Text(sort_key(&Self::cell(r, col, s))),
        }
    }

    fn filter_ui(filter: &mut AttendeeFilter, ui: &mut Ui, data: &Data, s: &Strings) {
        ui.horizontal_wrapped(|ui| {
            pick(ui, s.f_group, &mut filter.group, &data.attendee_groups, s);
            pick(ui, s.f_unit, &mut filter.unit, &data.attendee_units, s);
            pick(
                ui,
                s.f_district,
                &mut filter.district,
                &data.attendee_districts,
                s,
            );
            let label = crate::ui::widgets::filter_label(ui, s.f_checked_in, 90.0);
            let text = match filter.checked_in {
                None => s.filter_all,
                Some(true) => s.filter_present,
                Some(false) => s.filter_absent,
            };
            egui::ComboBox::from_id_salt("filter_checked_in")
                .selected_text(text)
                .width(90.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.checked_in, None, s.filter_all);
                    ui.selectable_value(&mut filter.checked_in, Some(true), s.filter_present);
                    ui.selectable_value(&mut filter.checked_in, Some(false), s.filter_absent);
                })
                .response
                .labelled_by(label.id);
            if *filter != AttendeeFilter::default() && ui.small_button(s.filter_clear).clicked() {
                *filter = AttendeeFilter::default();
            }
        });
    }

    fn filter_keeps(f: &AttendeeFilter, r: &Attendee) -> bool {
        let d = &r.data;
        f.group.as_ref().is_none_or(|g| *g == d.group)
            && f.unit.as_ref().is_none_or(|u| *u == d.unit)
            && f.district.as_ref().is_none_or(|x| *x == d.district)
            && f.checked_in.is_none_or(|c| c == r.checked_in_at.is_some())
    }

    fn cell_is_success(r: &Attendee, col: usize) -> bool {
        col == 5 && r.checked_in_at.is_some()
    }

    fn empty_text(s: &Strings) -> &'static str {
        s.empty_attendees
    }

    fn empty_import(s: &'static Strings) -> (&'static str, Action) {
        (
            s.welcome_import,
            Action::ImportChoose(crate::import::Kind::Attendees),
        )
    }

    fn describe(r: &Attendee) -> String {
        format!("{} — {}", r.data.full_name, r.data.unit)
    }

    fn new_form(_data: &Data) -> AttendeeForm {
        AttendeeForm::default()
    }

    fn form_for(r: &Attendee, _data: &Data) -> AttendeeForm {
        AttendeeForm {
            draft: AttendeeDraft::from_data(&r.data),
            errors: Vec::new(),
        }
    }

    fn form_ui(
        form: &mut AttendeeForm,
        ui: &mut Ui,
        f: &mut FormUi<'_>,
        data: &Data,
        editing: Option<&str>,
    ) {
        let s = f.s;
        let d = &mut form.draft;
        f.text(ui, "full_name", s.f_full_name, &mut d.full_name);
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                let before: &str = match d.gender.as_str() {
                    "Nam" => "Nam",
                    "Nữ" => "Nữ",
                    _ => "",
                };
                let mut g = before;
                f.choice(
                    left,
                    s.f_gender,
                    &mut g,
                    &[("", "—"), ("Nam", s.gender_male), ("Nữ", s.gender_female)],
                );
                if g != before {
                    g.clone_into(&mut d.gender);
                }
                f.text(right, "birth_year", s.f_birth_year, &mut d.birth_year);
            }
        });
        rank_choice(ui, f, &mut d.rank, s);
        f.text(ui, "position", s.f_position, &mut d.position);
        if let Some(office) = data
            .ladder
            .office_of(&d.position)
            .and_then(|i| data.ladder.name(i))
        {
            ui.label(crate::ui::theme::muted(format!("{} {office}", s.protocol_office)).small());
        }
        f.text(ui, "unit", s.f_unit, &mut d.unit);
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                f.text(left, "district", s.f_district, &mut d.district);
                f.text(right, "group", s.f_group, &mut d.group);
            }
        });
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                f.text(left, "phone", s.f_phone, &mut d.phone);
                f.text(
                    right,
                    "protocol_order",
                    s.f_protocol_order,
                    &mut d.protocol_order,
                )
                .on_hover_text(s.f_protocol_order_hint);
            }
        });
        f.text(ui, "note", s.f_note, &mut d.note);
        ui.horizontal(|ui| {
            let before = d.excused;
            ui.add_enabled(f.enabled, egui::Checkbox::new(&mut d.excused, s.excused));
            if d.excused != before {
                f.commit = true;
            }
        });
        if d.excused || !d.absence_reason.is_empty() {
            f.text(
                ui,
                "absence_reason",
                s.absence_reason,
                &mut d.absence_reason,
            );
        }
        if let Some(a) = editing.and_then(|id| data.attendee(id)) {
            ui.add_space(4.0);
            match &a.checked_in_at {
                Some(at) => ui.label(
                    egui::RichText::new(format!("• {} {}", s.f_checked_in, date::display_time(at)))
                        .color(crate::ui::theme::SUCCESS),
                ),
                None => ui.label(crate::ui::theme::muted(format!("{}: —", s.f_checked_in))),
            };
        }
    }

    fn save_action(form: &mut AttendeeForm, editing: Option<&str>, _data: &Data) -> Option<Action> {
        let data = validated(form.draft.validate(), &mut form.errors)?;
        Some(match editing {
            Some(id) => Action::UpdateAttendee(id.to_owned(), data),
            None => Action::AddAttendee(data),
        })
    }

    fn delete_action(id: &str) -> Action {
        Action::DeleteAttendee(id.to_owned())
    }

    fn chosen_ui(ui: &mut Ui, chosen: &[String], s: &Strings) -> Option<Action> {
        let text = format!("{} ({})", s.convert_chosen, chosen.len());
        ui.small_button(text)
            .clicked()
            .then(|| Action::ConvertChosen(chosen.to_vec()))
    }
}

/// Rank as a drop-down of the known ranks, highest first.
fn rank_choice(ui: &mut Ui, f: &mut FormUi<'_>, value: &mut String, s: &Strings) {
    let current = if value.is_empty() {
        "—".to_owned()
    } else {
        value.clone()
    };
    f.combo(ui, s.f_rank, value, &current, |ui, value| {
        ui.selectable_value(value, String::new(), "—");
        for r in rank::RANKS.iter().rev() {
            ui.selectable_value(value, (*r).to_owned(), *r);
        }
    });
}
