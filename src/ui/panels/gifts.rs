//! Gifts (Quà tặng): recipients picked from attendees, values in đồng, totals in words.

use egui::Ui;

use super::{impl_form, validated};
use crate::domain::{FieldError, Gift, GiftData, GiftDraft, Problem, date, gift, money};
use crate::ui::action::Action;
use crate::ui::data::{Data, Rows};
use crate::ui::i18n::Strings;
use crate::ui::record::{ColumnSpec, RecordKind, RecordPanel, SortValue};
use crate::ui::theme;
use crate::ui::widgets::FormUi;

/// The gift form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GiftForm {
    pub draft: GiftDraft,
    pub errors: Vec<FieldError>,
}
impl_form!(GiftForm);

/// The gift record kind.
pub struct Gifts;

/// The gifts page.
pub type GiftsPanel = RecordPanel<Gifts>;

/// Another gift already recorded for the person the form names, by the store's own rule.
fn earlier<'d>(data: &'d Data, d: &GiftDraft, editing: Option<&str>) -> Option<&'d Gift> {
    if d.recipient_name.trim().is_empty() {
        return None;
    }
    let probe = GiftData {
        recipient_id: d.recipient_id.clone(),
        recipient_name: d.recipient_name.clone(),
        unit: d.unit.clone(),
        ..GiftData::default()
    };
    gift::earlier_gift(&data.gifts.items, &probe, editing)
}

impl RecordKind for Gifts {
    type Record = Gift;
    type Form = GiftForm;
    type Filter = ();
    const SALT: &'static str = "gifts";

    fn rows(data: &Data) -> &Rows<Gift> {
        &data.gifts
    }

    fn id(r: &Gift) -> &str {
        &r.id
    }

    fn columns(s: &Strings) -> Vec<ColumnSpec> {
        vec![
            ColumnSpec {
                title: s.f_recipient,
                width: 165.0,
            },
            ColumnSpec {
                title: s.f_unit,
                width: 165.0,
            },
            ColumnSpec {
                title: s.f_item,
                width: 130.0,
            },
            ColumnSpec {
                title: s.f_value,
                width: 105.0,
            },
            ColumnSpec {
                title: s.f_handed_over,
                width: 100.0,
            },
        ]
    }

    fn cell(r: &Gift, col: usize, _s: &Strings) -> String {
        let d = &r.data;
        match col {
            0 => d.recipient_name.clone(),
            1 => d.unit.clone(),
            2 => d.item.clone(),
            3 => money::format_vnd(d.value_vnd),
            _ => d
                .handed_over_at
                .as_deref()
                .map(date::display_time)
                .unwrap_or_default(),
        }
    }

    fn sort_value(r: &Gift, col: usize, s: &Strings, _data: &Data) -> SortValue {
        match col {
            0 => SortValue::Text(crate::text::name_sort_key(&r.data.recipient_name)),
            3 => SortValue::Number(r.data.value_vnd),
            _ => SortValue::Text(crate::text::sort_key(&Self::cell(r, col, s))),
        }
    }

    fn cell_is_success(r: &Gift, col: usize) -> bool {
        col == 4 && r.data.handed_over_at.is_some()
    }

    fn empty_text(s: &Strings) -> &'static str {
        s.empty_gifts
    }

    fn empty_import(s: &'static Strings) -> (&'static str, Action) {
        (
            s.menu_import_gifts,
            Action::ImportChoose(crate::import::Kind::Gifts),
        )
    }

    fn describe(r: &Gift) -> String {
        format!(
            "{} — {} đ",
            r.data.recipient_name,
            money::format_vnd(r.data.value_vnd)
        )
    }

    fn new_form(_data: &Data) -> GiftForm {
        GiftForm::default()
    }

    fn form_for(r: &Gift, _data: &Data) -> GiftForm {
        GiftForm {
            draft: GiftDraft::from_data(&r.data),
            errors: Vec::new(),
        }
    }

    fn form_ui(
        form: &mut GiftForm,
        ui: &mut Ui,
        f: &mut FormUi<'_>,
        data: &Data,
        editing: Option<&str>,
    ) {
        let s = f.s;
        let d = &mut form.draft;
        let (name, id) = (&mut d.recipient_name, &mut d.recipient_id);
        if let Some(a) = f.attendee(ui, "recipient_name", s.f_recipient, name, id, data) {
            d.unit.clone_from(&a.data.unit);
        }
        f.text(ui, "unit", s.f_unit, &mut d.unit);
        f.multiline(
            ui,
            "circumstances",
            s.f_circumstances,
            &mut d.circumstances,
            3,
        );
        f.text(ui, "item", s.f_item, &mut d.item);
        f.text(ui, "value", s.f_value, &mut d.value);
        if let Some(v) = money::parse_vnd(&d.value).filter(|v| *v > 0) {
            ui.label(theme::muted(money::vnd_in_words(v)).small().italics());
        }
        let mut handed = d.handed_over_at.is_some();
        if f.checkbox(ui, s.f_handed_over, &mut handed).changed() {
            d.handed_over_at = handed.then(date::now_stamp);
        }
        if let Some(at) = &d.handed_over_at {
            ui.label(
                egui::RichText::new(format!("• {}", date::display_time(at))).color(theme::SUCCESS),
            );
        }
        f.text(
            ui,
            "handed_over_by",
            s.f_handed_over_by,
            &mut d.handed_over_by,
        );
        if earlier(data, d, editing).is_some() {
            ui.add_space(4.0);
            egui::Frame::new()
                .fill(theme::WARNING_BG)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(s.second_gift_warning);
                });
            f.text(ui, "override_reason", s.f_override, &mut d.override_reason);
        }
    }

    fn save_action(form: &mut GiftForm, editing: Option<&str>, data: &Data) -> Option<Action> {
        // The store refuses a second gift without a reason; asking here first keeps the
        // form open on the field to fill in.
        let gift = validated(form.draft.validate(), &mut form.errors)?;
        if gift::earlier_gift(&data.gifts.items, &gift, editing).is_some()
            && gift.override_reason.is_empty()
        {
            form.errors = vec![FieldError::new("override_reason", Problem::Required)];
            return None;
        }
        Some(match editing {
            Some(id) => Action::UpdateGift(id.to_owned(), gift),
            None => Action::AddGift(gift),
        })
    }

    fn delete_action(id: &str) -> Action {
        Action::DeleteGift(id.to_owned())
    }

    fn linked(form: &Self::Form) -> bool {
        form.draft.recipient_id.is_some()
    }

    fn footer_ui(ui: &mut Ui, data: &Data, s: &Strings) {
        let st = &data.stats;
        ui.label(format!(
            "{}: {} · {} {} · {}: {} đ ({})",
            s.nav_gifts,
            st.gifts,
            st.gifts_handed_over,
            s.handed_over,
            s.gifts_total,
            money::format_vnd(st.gift_value_total_vnd),
            money::vnd_in_words(st.gift_value_total_vnd)
        ));
    }
}
