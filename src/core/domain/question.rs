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
}

impl QuestionData {
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
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_code(c.code()), Some(c));
        }
    }
}
