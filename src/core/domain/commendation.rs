//! Commendations (khen thưởng): Giấy khen, Bằng khen … to people or collectives.

use serde::{Deserialize, Serialize};

use super::{FieldError, Problem, block, date, line, non_empty};

/// The kinds offered by default; the list is editable data.
pub const DEFAULT_KINDS: [&str; 2] = ["Giấy khen", "Bằng khen"];

/// What is recorded about a commendation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationData {
    pub kind: String,
    /// A collective ("Tập thể Công an xã Long Trị") rather than one person.
    pub collective: bool,
    pub recipient_id: Option<String>,
    pub recipient_name: String,
    pub rank: String,
    pub position: String,
    pub unit: String,
    pub achievement: String,
    pub decision_number: String,
    /// ISO date (yyyy-mm-dd) of the decision.
    pub decision_date: Option<String>,
    pub issuer: String,
    /// Order of calling on stage, 1 first.
    pub stage_order: i64,
}

impl CommendationData {
    pub fn search_key(&self) -> String {
        crate::text::fold(&format!(
            "{} {} {} {} {}",
            self.kind, self.recipient_name, self.unit, self.decision_number, self.achievement
        ))
    }
}

/// A stored commendation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commendation {
    pub id: String,
    #[serde(flatten)]
    pub data: CommendationData,
    pub created_at: String,
    pub updated_at: String,
}

/// A commendation as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommendationDraft {
    pub kind: String,
    pub collective: bool,
    pub recipient_id: Option<String>,
    pub recipient_name: String,
    pub rank: String,
    pub position: String,
    pub unit: String,
    pub achievement: String,
    pub decision_number: String,
    pub decision_date: String,
    pub issuer: String,
    pub stage_order: i64,
}

impl CommendationDraft {
    pub fn from_data(d: &CommendationData) -> Self {
        Self {
            kind: d.kind.clone(),
            collective: d.collective,
            recipient_id: d.recipient_id.clone(),
            recipient_name: d.recipient_name.clone(),
            rank: d.rank.clone(),
            position: d.position.clone(),
            unit: d.unit.clone(),
            achievement: d.achievement.clone(),
            decision_number: d.decision_number.clone(),
            decision_date: d
                .decision_date
                .as_deref()
                .map(date::display)
                .unwrap_or_default(),
            issuer: d.issuer.clone(),
            stage_order: d.stage_order,
        }
    }

    pub fn validate(&self) -> Result<CommendationData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = line("kind", &self.kind, &mut errors);
        if kind.is_empty() {
            errors.push(FieldError::new("kind", Problem::Required));
        }
        let recipient_name = line("recipient_name", &self.recipient_name, &mut errors);
        if recipient_name.is_empty() {
            errors.push(FieldError::new("recipient_name", Problem::Required));
        }
        let decision_date = if self.decision_date.trim().is_empty() {
            None
        } else if let Some(d) = date::parse(&self.decision_date) {
            Some(d.to_string())
        } else {
            errors.push(FieldError::new("decision_date", Problem::BadDate));
            None
        };
        let data = CommendationData {
            kind,
            collective: self.collective,
            recipient_id: if self.collective {
                None
            } else {
                self.recipient_id.clone().and_then(non_empty)
            },
            recipient_name,
            rank: super::rank::canonical(&line("rank", &self.rank, &mut errors)),
            position: line("position", &self.position, &mut errors),
            unit: line("unit", &self.unit, &mut errors),
            achievement: block("achievement", &self.achievement, &mut errors),
            decision_number: line("decision_number", &self.decision_number, &mut errors),
            decision_date,
            issuer: line("issuer", &self.issuer, &mut errors),
            stage_order: self.stage_order,
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
    fn decision_date_is_stored_iso() {
        let d = CommendationDraft {
            kind: "Giấy khen".into(),
            recipient_name: "Trần Văn Luân".into(),
            decision_date: "14/11/2022".into(),
            ..Default::default()
        };
        assert_eq!(
            d.validate().map(|c| c.decision_date),
            Ok(Some("2022-11-14".into()))
        );
        let bad = CommendationDraft {
            decision_date: "32/13/2022".into(),
            ..d
        };
        assert!(bad.validate().is_err());
    }
}
