//! Gifts (quà tặng) to members in difficult circumstances.

use serde::{Deserialize, Serialize};

use super::{FieldError, Problem, block, line, money, non_empty};

/// What is recorded about a gift.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiftData {
    /// The attendee who receives it, when on the list.
    pub recipient_id: Option<String>,
    pub recipient_name: String,
    pub unit: String,
    /// The hardship (hoàn cảnh khó khăn).
    pub circumstances: String,
    pub item: String,
    pub value_vnd: i64,
    /// When it was handed over (RFC 3339); `None` while not yet handed over.
    pub handed_over_at: Option<String>,
    pub handed_over_by: String,
    /// Why a second gift to the same person was allowed; empty for a first gift.
    pub override_reason: String,
}

impl GiftData {
    /// The one definition of "the same person" for the one-gift rule: the same attendee
    /// when both gifts are linked to one, else the same name (its identity: tones kept,
    /// case, spacing and tone placement aside) and the same unit.
    pub fn same_recipient(&self, other: &Self) -> bool {
        match (&self.recipient_id, &other.recipient_id) {
            (Some(a), Some(b)) => a == b,
            _ => {
                crate::text::identity(&self.recipient_name)
                    == crate::text::identity(&other.recipient_name)
                    && crate::text::fold(&self.unit) == crate::text::fold(&other.unit)
            }
        }
    }

    pub fn search_key(&self) -> String {
        crate::text::fold(&format!(
            "{} {} {} {}",
            self.recipient_name, self.unit, self.item, self.circumstances
        ))
    }
}

/// A stored gift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gift {
    pub id: String,
    #[serde(flatten)]
    pub data: GiftData,
    pub created_at: String,
    pub updated_at: String,
}

/// The rule "one gift per person per conference": among `gifts`, the first other gift
/// (not `editing`) to the same person as `new`. A second one needs an override reason.
pub fn earlier_gift<'g>(
    gifts: &'g [Gift],
    new: &GiftData,
    editing: Option<&str>,
) -> Option<&'g Gift> {
    gifts
        .iter()
        .find(|g| Some(g.id.as_str()) != editing && g.data.same_recipient(new))
}

/// A gift as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GiftDraft {
    pub recipient_id: Option<String>,
    pub recipient_name: String,
    pub unit: String,
    pub circumstances: String,
    pub item: String,
    pub value: String,
    pub handed_over_at: Option<String>,
    pub handed_over_by: String,
    pub override_reason: String,
}

impl GiftDraft {
    pub fn from_data(d: &GiftData) -> Self {
        Self {
            recipient_id: d.recipient_id.clone(),
            recipient_name: d.recipient_name.clone(),
            unit: d.unit.clone(),
            circumstances: d.circumstances.clone(),
            item: d.item.clone(),
            value: money::format_vnd(d.value_vnd),
            handed_over_at: d.handed_over_at.clone(),
            handed_over_by: d.handed_over_by.clone(),
            override_reason: d.override_reason.clone(),
        }
    }

    pub fn validate(&self) -> Result<GiftData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let recipient_name = line("recipient_name", &self.recipient_name, &mut errors);
        if recipient_name.is_empty() {
            errors.push(FieldError::new("recipient_name", Problem::Required));
        }
        let item = line("item", &self.item, &mut errors);
        if item.is_empty() {
            errors.push(FieldError::new("item", Problem::Required));
        }
        let value_vnd = if self.value.trim().is_empty() {
            0
        } else if let Some(v) = money::parse_vnd(&self.value) {
            v
        } else {
            errors.push(FieldError::new("value", Problem::BadMoney));
            0
        };
        let data = GiftData {
            recipient_id: self.recipient_id.clone().and_then(non_empty),
            recipient_name,
            unit: line("unit", &self.unit, &mut errors),
            circumstances: block("circumstances", &self.circumstances, &mut errors),
            item,
            value_vnd,
            handed_over_at: self.handed_over_at.clone(),
            handed_over_by: line("handed_over_by", &self.handed_over_by, &mut errors),
            override_reason: line("override_reason", &self.override_reason, &mut errors),
        };
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_parsed_from_vietnamese_format() {
        let d = GiftDraft {
            recipient_name: "Phạm Văn Lâm".into(),
            item: "Quà".into(),
            value: "2.000.000 đ".into(),
            ..Default::default()
        };
        assert_eq!(d.validate().map(|g| g.value_vnd), Ok(2_000_000));
        let bad = GiftDraft {
            value: "hai triệu".into(),
            ..d
        };
        let errors = bad.validate().expect_err("bad value");
        assert_eq!(errors, [FieldError::new("value", Problem::BadMoney)]);
    }
}
