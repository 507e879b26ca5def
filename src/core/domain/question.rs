//! Questions and opinions (ý kiến, kiến nghị) raised at the conference, and their topics.

use serde::{Deserialize, Serialize};

use super::{FieldError, Problem, block, line, non_empty};

/// The topics of the founding case, seeded into every new conference file.
pub const DEFAULT_TOPICS: [&str; 6] = [
    "Tổ chức, biên chế Công an xã",
    "Chế độ chính sách",
    "Học tập, đào tạo, bồi dưỡng chính trị, nghiệp vụ",
    "Thực hiện chỉ tiêu, nhiệm vụ công tác",
    "Phong trào đoàn, hội",
    "Khác",
];

/// A topic from the conference's editable list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub position: i64,
}

/// How a question came in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A written slip handed in at the conference.
    #[default]
    Written,
    /// Spoken from the floor.
    Spoken,
    /// Sent before the conference.
    Before,
}

impl Channel {
    pub const ALL: [Self; 3] = [Self::Written, Self::Spoken, Self::Before];

    /// The code stored in the file.
    pub fn code(self) -> &'static str {
        match self {
            Self::Written => "written",
            Self::Spoken => "spoken",
            Self::Before => "before",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// How it came in, in Vietnamese (lists, the window).
    pub fn vi(self) -> &'static str {
        match self {
            Self::Written => "Phiếu viết",
            Self::Spoken => "Phát biểu trực tiếp",
            Self::Before => "Gửi trước hội nghị",
        }
    }
}

/// Where a question stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Received,
    AnsweredAtConference,
    InWriting,
    Forwarded,
    Withdrawn,
}

impl Status {
    pub const ALL: [Self; 5] = [
        Self::Received,
        Self::AnsweredAtConference,
        Self::InWriting,
        Self::Forwarded,
        Self::Withdrawn,
    ];

    /// The code stored in the file and printed by `stats --json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::AnsweredAtConference => "answered_at_conference",
            Self::InWriting => "to_answer_in_writing",
            Self::Forwarded => "forwarded",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
    /// The status as printed on Vietnamese lists and shown in the window.
    pub fn vi(self) -> &'static str {
        match self {
            Self::Received => "Đã tiếp nhận",
            Self::AnsweredAtConference => "Đã trả lời tại hội nghị",
            Self::InWriting => "Trả lời bằng văn bản",
            Self::Forwarded => "Chuyển đơn vị chức năng",
            Self::Withdrawn => "Rút / gộp",
        }
    }
}

/// How an opinion was dealt with (cách xử lý).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handling {
    /// Not decided yet.
    #[default]
    Undecided,
    /// Trả lời trực tiếp tại hội nghị.
    AnsweredInHall,
    /// Trả lời bằng văn bản.
    InWriting,
    /// Chuyển đơn vị giải quyết.
    ToUnit,
    /// Ghi nhận, tiếp thu.
    Noted,
}

impl Handling {
    pub const ALL: [Self; 5] = [
        Self::Undecided,
        Self::AnsweredInHall,
        Self::InWriting,
        Self::ToUnit,
        Self::Noted,
    ];

    /// The code stored in the file and printed by `list questions --json`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Undecided => "",
            Self::AnsweredInHall => "answered_in_hall",
            Self::InWriting => "in_writing",
            Self::ToUnit => "to_unit",
            Self::Noted => "noted",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn vi(self) -> &'static str {
        match self {
            Self::Undecided => "Chưa xác định",
            Self::AnsweredInHall => "Trả lời trực tiếp tại hội nghị",
            Self::InWriting => "Trả lời bằng văn bản",
            Self::ToUnit => "Chuyển đơn vị giải quyết",
            Self::Noted => "Ghi nhận, tiếp thu",
        }
    }

    /// A written answer is owed: these are followed up until done.
    pub fn needs_answer(self) -> bool {
        matches!(self, Self::InWriting | Self::ToUnit)
    }
}

/// Where the follow-up of an opinion stands (tình trạng giải quyết).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowStatus {
    /// Chưa giải quyết.
    #[default]
    Open,
    /// Đang giải quyết.
    InProgress,
    /// Đã giải quyết.
    Done,
}

impl FollowStatus {
    pub const ALL: [Self; 3] = [Self::Open, Self::InProgress, Self::Done];

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    pub const fn vi(self) -> &'static str {
        match self {
            Self::Open => "Chưa giải quyết",
            Self::InProgress => "Đang giải quyết",
            Self::Done => "Đã giải quyết",
        }
    }

    /// Reads what a unit types in its sheet's status column, accents and case aside: the
    /// first word decides ("Đã có văn bản trả lời", "Đã giải quyết xong" are done; "Đang
    /// xem xét" in progress; "Chưa" open). What could mean another thing is not guessed
    /// at: "đã chuyển" (sent elsewhere, not answered), "sắp xong".
    pub fn parse(text: &str) -> Option<Self> {
        let key = crate::text::fold(text);
        let key = key.trim().trim_end_matches(['.', ';', '!', ',']).trim();
        if let Some(s) = Self::from_code(key) {
            return Some(s);
        }
        let words: Vec<&str> = key.split_whitespace().collect();
        let sent_on = key.contains("chuyen");
        match words.as_slice() {
            ["chua", ..] if !sent_on => Some(Self::Open),
            ["dang", ..] if !sent_on => Some(Self::InProgress),
            ["da", ..] if !sent_on => Some(Self::Done),
            ["xong" | "done"] | ["hoan", "thanh", ..] => Some(Self::Done),
            _ => None,
        }
    }
}

/// The follow-up of one opinion after the conference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub handling: Handling,
    /// The unit that answers it (picked from the file's units, or typed).
    pub responsible_unit: String,
    /// ISO date (yyyy-mm-dd).
    pub deadline: Option<String>,
    /// The written answer's document number ("125/CAT-PX01").
    pub answer_doc_no: String,
    /// The written answer's date, ISO.
    pub answer_doc_date: Option<String>,
    pub written_answer: String,
    /// Who answered (a leader, a department).
    pub answered_by: String,
    #[serde(rename = "follow_up_status")]
    pub status: FollowStatus,
}

impl FollowUp {
    /// Owed a written answer, past its deadline on `today` and not done. Computed, never
    /// stored. A noted opinion keeps its old deadline but owes nothing.
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.handling.needs_answer()
            && self.status != FollowStatus::Done
            && self
                .deadline
                .as_deref()
                .and_then(super::date::parse)
                .is_some_and(|d| d < today)
    }

    /// An opinion that owed nothing (answered in the hall, noted) now owes a written
    /// answer: "done" meant the hall's answer, so it is open again unless a written
    /// answer is already recorded. `was_owed`: it owed one before.
    pub fn owe_again(&mut self, was_owed: bool) {
        let answered = !self.written_answer.is_empty() || !self.answer_doc_no.is_empty();
        if !was_owed && self.handling.needs_answer() && !answered {
            self.status = FollowStatus::Open;
        }
    }

    /// Days past the deadline on `today` (0 when not overdue).
    pub fn days_overdue(&self, today: jiff::civil::Date) -> i64 {
        if !self.is_overdue(today) {
            return 0;
        }
        self.deadline
            .as_deref()
            .and_then(super::date::parse)
            .and_then(|d| d.until(today).ok())
            .map_or(0, |span| i64::from(span.get_days()))
    }
}

/// What is recorded about a question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionData {
    /// The running number written on the slip (1, 2, 3 …).
    pub number: i64,
    /// The attendee who raised it, when known.
    pub asker_id: Option<String>,
    /// The asker's name as shown (copied from the attendee, or typed free).
    pub asker_name: String,
    pub asker_unit: String,
    pub anonymous: bool,
    pub channel: Channel,
    pub topic_id: Option<String>,
    pub content: String,
    /// Who answers it (a leader or a department).
    pub responder: String,
    pub status: Status,
    pub answer: String,
    /// The main question this one was merged into.
    pub merged_into: Option<String>,
    /// What happens to it after the conference.
    #[serde(flatten)]
    pub follow: FollowUp,
}

impl QuestionData {
    /// Counted in the follow-up: a written answer is owed, and the question is neither
    /// merged into another (it follows its main one) nor withdrawn.
    pub fn is_followed_up(&self) -> bool {
        self.follow.handling.needs_answer()
            && self.merged_into.is_none()
            && self.status != Status::Withdrawn
    }

    /// Followed up and past its deadline on `today` (a merged copy is not counted twice).
    pub fn is_overdue(&self, today: jiff::civil::Date) -> bool {
        self.is_followed_up() && self.follow.is_overdue(today)
    }

    /// The hall's status sets the handling while nobody chose another one, so questions
    /// answered or sent on during the conference arrive in the follow-up already sorted.
    /// `before`: the question as it was stored (None for a new one).
    pub fn settle_handling(&mut self, before: Option<&Self>) {
        let implied = |s: Status| match s {
            Status::AnsweredAtConference => Some(Handling::AnsweredInHall),
            Status::InWriting => Some(Handling::InWriting),
            Status::Forwarded => Some(Handling::ToUnit),
            Status::Received | Status::Withdrawn => None,
        };
        // The unit follows the responder while it is the responder the hall typed.
        if let Some(b) = before
            && b.responder != self.responder
            && self.follow.responsible_unit == b.responder
            && self.follow.handling.needs_answer()
        {
            self.follow.responsible_unit.clone_from(&self.responder);
        }
        if before.is_some_and(|b| b.status == self.status) {
            return;
        }
        // Still what the hall's status implied (or nothing): the status decides again.
        let from_status = self.follow.handling == Handling::Undecided
            || before.is_some_and(|b| implied(b.status) == Some(self.follow.handling));
        if !from_status {
            return;
        }
        let answered =
            !self.follow.written_answer.is_empty() || !self.follow.answer_doc_no.is_empty();
        match implied(self.status) {
            // Back to "received": the status had decided it, so it is undecided again.
            None => {
                self.follow.handling = Handling::Undecided;
                if !answered {
                    self.follow.status = FollowStatus::Open;
                }
            }
            Some(Handling::AnsweredInHall) => {
                self.follow.handling = Handling::AnsweredInHall;
                self.follow.status = FollowStatus::Done;
            }
            Some(handling) => {
                let was_owed = self.follow.handling.needs_answer();
                self.follow.handling = handling;
                if self.follow.responsible_unit.is_empty() {
                    self.follow.responsible_unit.clone_from(&self.responder);
                }
                self.follow.owe_again(was_owed);
            }
        }
    }

    pub fn search_key(&self) -> String {
        crate::text::fold(&format!(
            "{} {} {} {} {}",
            self.number, self.asker_name, self.asker_unit, self.content, self.responder
        ))
    }
}

/// A stored question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    #[serde(flatten)]
    pub data: QuestionData,
    /// The topic's name, joined in for display and listing.
    pub topic: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A question as typed into the slip form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDraft {
    pub number: String,
    pub asker_id: Option<String>,
    pub asker_name: String,
    pub asker_unit: String,
    pub anonymous: bool,
    pub channel: Channel,
    pub topic_id: Option<String>,
    pub content: String,
    pub responder: String,
    pub status: Status,
    pub answer: String,
    pub merged_into: Option<String>,
    /// Carried through the slip form unchanged; the follow-up view edits it.
    pub follow: FollowUp,
}

impl QuestionDraft {
    pub fn from_data(d: &QuestionData) -> Self {
        Self {
            number: d.number.to_string(),
            asker_id: d.asker_id.clone(),
            asker_name: d.asker_name.clone(),
            asker_unit: d.asker_unit.clone(),
            anonymous: d.anonymous,
            channel: d.channel,
            topic_id: d.topic_id.clone(),
            content: d.content.clone(),
            responder: d.responder.clone(),
            status: d.status,
            answer: d.answer.clone(),
            merged_into: d.merged_into.clone(),
            follow: d.follow.clone(),
        }
    }

    pub fn validate(&self) -> Result<QuestionData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let number = match self.number.trim().parse::<i64>() {
            Ok(n) if n > 0 => n,
            _ => {
                errors.push(FieldError::new("number", Problem::BadNumber));
                0
            }
        };
        let content = block("content", &self.content, &mut errors);
        if content.is_empty() {
            errors.push(FieldError::new("content", Problem::Required));
        }
        let (asker_id, asker_name, asker_unit) = if self.anonymous {
            (None, String::new(), String::new())
        } else {
            (
                self.asker_id.clone(),
                line("asker_name", &self.asker_name, &mut errors),
                line("asker_unit", &self.asker_unit, &mut errors),
            )
        };
        let data = QuestionData {
            number,
            asker_id,
            asker_name,
            asker_unit,
            anonymous: self.anonymous,
            channel: self.channel,
            topic_id: self.topic_id.clone().and_then(non_empty),
            content,
            responder: line("responder", &self.responder, &mut errors),
            status: self.status,
            answer: block("answer", &self.answer, &mut errors),
            merged_into: self.merged_into.clone(),
            follow: self.follow.clone(),
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
    fn anonymous_question_drops_asker() {
        let d = QuestionDraft {
            number: "3".into(),
            asker_name: "X".into(),
            anonymous: true,
            content: " Nội dung \n\n dòng hai ".into(),
            ..Default::default()
        };
        let q = d.validate().expect("valid");
        assert_eq!(q.asker_name, "");
        assert_eq!(q.content, "Nội dung\n\ndòng hai");
        assert!(QuestionDraft::default().validate().is_err());
    }

    #[test]
    fn a_unit_s_status_is_read_as_typed_and_not_guessed() {
        for (typed, want) in [
            ("Đã giải quyết", Some(FollowStatus::Done)),
            ("đã xong.", Some(FollowStatus::Done)),
            ("DA GIAI QUYET", Some(FollowStatus::Done)),
            ("Hoàn thành", Some(FollowStatus::Done)),
            ("Đang xử lý", Some(FollowStatus::InProgress)),
            ("Đang xem xét", Some(FollowStatus::InProgress)),
            ("chưa", Some(FollowStatus::Open)),
            ("Chưa giải quyết xong;", Some(FollowStatus::Open)),
            ("Đã có văn bản trả lời", Some(FollowStatus::Done)),
            ("Đã giải quyết xong", Some(FollowStatus::Done)),
            ("in_progress", Some(FollowStatus::InProgress)),
            ("sắp xong", None),
            ("đã chuyển", None),
            ("Đã chuyển Phòng Hậu cần", None),
            ("", None),
        ] {
            assert_eq!(FollowStatus::parse(typed), want, "{typed}");
        }
    }

    #[test]
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(c));
        }
    }
}
