//! What the papers after the conference need beyond the conference details: the chair
//! and the secretary who sign the minutes, when the sitting began and ended, the chair's
//! concluding paragraphs and who receives the conclusion notice.

use serde::{Deserialize, Serialize};

use crate::text::{normalize, normalize_multiline};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperDetails {
    pub chair_name: String,
    /// "Phó Giám đốc Công an tỉnh".
    pub chair_title: String,
    pub secretary_name: String,
    pub secretary_title: String,
    /// "08:00", as typed; empty: the programme's first item.
    pub began_at: String,
    /// "11:30", as typed; empty: the programme's last item.
    pub ended_at: String,
    /// The chair's conclusions, one paragraph per line.
    pub conclusions: String,
    /// Who receives the conclusion notice, one per line ("Đồng chí Giám đốc (để b/c)").
    pub recipients: String,
}

impl PaperDetails {
    #[must_use]
    pub fn normalized(&self) -> Self {
        Self {
            chair_name: normalize(&self.chair_name),
            chair_title: normalize(&self.chair_title),
            secretary_name: normalize(&self.secretary_name),
            secretary_title: normalize(&self.secretary_title),
            began_at: normalize(&self.began_at),
            ended_at: normalize(&self.ended_at),
            conclusions: normalize_multiline(&self.conclusions),
            recipients: normalize_multiline(&self.recipients),
        }
    }

    /// The conclusions' paragraphs, blank lines dropped.
    pub fn conclusion_paragraphs(&self) -> Vec<&str> {
        lines(&self.conclusions)
    }

    /// The recipients, one per line, without the "- " or trailing ";" people type.
    pub fn recipient_lines(&self) -> Vec<&str> {
        lines(&self.recipients)
            .into_iter()
            .map(|l| {
                l.trim_start_matches(['-', '–', '•', ' '])
                    .trim_end_matches([';', '.', ' '])
            })
            .filter(|l| !l.is_empty())
            .collect()
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The follow-up's counts on a given day (the overview, `stats --json`, the report).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FollowUpCounts {
    /// Answered in the hall.
    pub answered_in_hall: i64,
    /// A written answer is owed (in writing, or sent to a unit).
    pub to_answer: i64,
    /// Of those, not done yet.
    pub open: i64,
    /// Of those, done.
    pub done: i64,
    /// Of the open ones, past their deadline.
    pub overdue: i64,
    /// Noted, taken on board.
    pub noted: i64,
}

impl FollowUpCounts {
    /// The counts of `questions` on `today`: merged and withdrawn opinions are not
    /// counted (a merged one follows its main one).
    pub fn of<'q>(
        questions: impl IntoIterator<Item = &'q super::Question>,
        today: jiff::civil::Date,
    ) -> Self {
        use super::{FollowStatus, Handling, Status};
        let mut c = Self::default();
        for q in questions {
            let d = &q.data;
            if d.merged_into.is_some() || d.status == Status::Withdrawn {
                continue;
            }
            match d.follow.handling {
                Handling::AnsweredInHall => c.answered_in_hall += 1,
                Handling::Noted => c.noted += 1,
                Handling::Undecided => {}
                Handling::InWriting | Handling::ToUnit => {
                    c.to_answer += 1;
                    if d.follow.status == FollowStatus::Done {
                        c.done += 1;
                    } else {
                        c.open += 1;
                        if d.follow.is_overdue(today) {
                            c.overdue += 1;
                        }
                    }
                }
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_lose_the_dashes_and_semicolons_people_type() {
        let p = PaperDetails {
            recipients: "- Đồng chí Giám đốc (để b/c);\n\n  - Các phòng nghiệp vụ;\n- Lưu: VT."
                .into(),
            ..PaperDetails::default()
        };
        assert_eq!(
            p.recipient_lines(),
            [
                "Đồng chí Giám đốc (để b/c)",
                "Các phòng nghiệp vụ",
                "Lưu: VT"
            ]
        );
    }
}
