//! The conference's programme (chương trình): its items in order, each with a start time,
//! a title, who leads it and what kind of item it is — the kind decides what the MC's
//! script says for it.

use serde::{Deserialize, Serialize};

use super::{FieldError, Problem, line};

/// What an item is, for the script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    /// Ổn định tổ chức: seating, the opening words.
    Opening,
    /// Nghi thức chào cờ: the flag salute and the national anthem.
    FlagSalute,
    /// Tuyên bố lý do, giới thiệu đại biểu: the reason, the leaders and guests present,
    /// the attendance.
    Introduction,
    /// A speech (khai mạc, kết luận): the MC invites who leads it.
    Speech,
    /// A report read by who leads it.
    Report,
    /// The dialogue: questions raised, answers.
    Dialogue,
    /// Reading the commendation decisions and calling the recipients on stage.
    Commendations,
    /// Handing over the gifts.
    Gifts,
    /// Bế mạc.
    Closing,
    /// Anything else; its words are the organiser's.
    #[default]
    Other,
}

impl Part {
    pub const ALL: [Self; 10] = [
        Self::Opening,
        Self::FlagSalute,
        Self::Introduction,
        Self::Speech,
        Self::Report,
        Self::Dialogue,
        Self::Commendations,
        Self::Gifts,
        Self::Closing,
        Self::Other,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Opening => "opening",
            Self::FlagSalute => "flag",
            Self::Introduction => "introduction",
            Self::Speech => "speech",
            Self::Report => "report",
            Self::Dialogue => "dialogue",
            Self::Commendations => "commendations",
            Self::Gifts => "gifts",
            Self::Closing => "closing",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|p| p.code() == code)
            .unwrap_or_default()
    }

    /// How the programme names the kind (Vietnamese; the script is Vietnamese).
    pub fn vi(self) -> &'static str {
        match self {
            Self::Opening => "Ổn định tổ chức",
            Self::FlagSalute => "Chào cờ",
            Self::Introduction => "Tuyên bố lý do, giới thiệu đại biểu",
            Self::Speech => "Phát biểu",
            Self::Report => "Báo cáo",
            Self::Dialogue => "Đối thoại",
            Self::Commendations => "Khen thưởng",
            Self::Gifts => "Trao quà",
            Self::Closing => "Bế mạc",
            Self::Other => "Nội dung khác",
        }
    }
}

/// What is recorded about an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemData {
    /// "07:30", or empty.
    pub start_time: String,
    pub title: String,
    pub part: Part,
    /// Who leads or speaks: an attendee, when picked from the list.
    pub lead_id: Option<String>,
    /// Who leads or speaks, as written ("Đại tá Nguyễn Thanh Tràng, Phó Giám đốc").
    pub lead_name: String,
    pub notes: String,
    /// Who presents the awards or gifts, when another reads the decision: an attendee.
    #[serde(default)]
    pub presenter_id: Option<String>,
    /// Who presents, as written.
    #[serde(default)]
    pub presenter_name: String,
}

impl Part {
    /// Whether an item of this kind names who presents besides who leads it: the
    /// awards, when the lead reads the decisions (who leads the gifts presents them).
    pub fn has_presenter(self) -> bool {
        self == Self::Commendations
    }
}

/// A stored item, in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(flatten)]
    pub data: ItemData,
    /// Place in the programme, 1 first.
    pub position: i64,
    /// The organiser's own order of the introduction's blocks and people (JSON of
    /// [`crate::script::Arrangement`]), empty for protocol order.
    #[serde(default)]
    pub arrangement: String,
}

/// The usual order of a dialogue conference, seeded on request. The flag salute is
/// part of it; an organiser who holds none deletes the item.
pub const SEED: [(&str, &str, Part); 10] = [
    ("07:30", "Ổn định tổ chức", Part::Opening),
    ("07:33", "Nghi thức chào cờ", Part::FlagSalute),
    (
        "07:35",
        "Tuyên bố lý do, giới thiệu đại biểu",
        Part::Introduction,
    ),
    ("07:45", "Phát biểu khai mạc hội nghị", Part::Speech),
    (
        "07:55",
        "Báo cáo kết quả công tác và tổng hợp ý kiến",
        Part::Report,
    ),
    (
        "08:15",
        "Đối thoại giữa lãnh đạo và cán bộ, chiến sĩ",
        Part::Dialogue,
    ),
    (
        "10:00",
        "Công bố quyết định khen thưởng",
        Part::Commendations,
    ),
    (
        "10:15",
        "Trao quà cho cán bộ, chiến sĩ có hoàn cảnh khó khăn",
        Part::Gifts,
    ),
    ("10:25", "Phát biểu kết luận hội nghị", Part::Speech),
    ("10:45", "Bế mạc hội nghị", Part::Closing),
];

/// An item as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemDraft {
    pub start_time: String,
    pub title: String,
    pub part: Part,
    pub lead_id: Option<String>,
    pub lead_name: String,
    pub notes: String,
    pub presenter_id: Option<String>,
    pub presenter_name: String,
}

impl ItemDraft {
    pub fn from_data(d: &ItemData) -> Self {
        Self {
            start_time: d.start_time.clone(),
            title: d.title.clone(),
            part: d.part,
            lead_id: d.lead_id.clone(),
            lead_name: d.lead_name.clone(),
            notes: d.notes.clone(),
            presenter_id: d.presenter_id.clone(),
            presenter_name: d.presenter_name.clone(),
        }
    }

    /// "7h30", "7:30", "07.30" → "07:30"; a title is required.
    pub fn validate(&self) -> Result<ItemData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = line("title", &self.title, &mut errors);
        if title.is_empty() {
            errors.push(FieldError::new("title", Problem::Required));
        }
        let start_time = match parse_time(&self.start_time) {
            Ok(t) => t,
            Err(p) => {
                errors.push(FieldError::new("start_time", p));
                String::new()
            }
        };
        let data = ItemData {
            start_time,
            title,
            part: self.part,
            lead_id: self.lead_id.clone(),
            lead_name: line("lead_name", &self.lead_name, &mut errors),
            notes: line("notes", &self.notes, &mut errors),
            presenter_id: self.presenter_id.clone(),
            presenter_name: line("presenter_name", &self.presenter_name, &mut errors),
        };
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}

/// A time of day as people write it: "7:30", "07.30", "7h30", "7h" → "07:30", "07:00".
pub fn parse_time(text: &str) -> Result<String, Problem> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(String::new());
    }
    let (h, m) = t
        .split_once([':', '.', 'h', 'g'])
        .map_or((t.as_str(), ""), |(h, m)| {
            (h, m.trim_end_matches(['p', '\'']))
        });
    let hour: u32 = h.trim().parse().map_err(|_| Problem::BadTime)?;
    let minute: u32 = if m.trim().is_empty() {
        0
    } else {
        m.trim().parse().map_err(|_| Problem::BadTime)?
    };
    if hour > 23 || minute > 59 {
        return Err(Problem::BadTime);
    }
    Ok(format!("{hour:02}:{minute:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_people_write_them() {
        assert_eq!(parse_time("7:30").expect("a time"), "07:30");
        assert_eq!(parse_time("7h30").expect("a time"), "07:30");
        assert_eq!(parse_time("14.05").expect("a time"), "14:05");
        assert_eq!(parse_time("8h").expect("a time"), "08:00");
        assert_eq!(parse_time("").expect("empty"), "");
        assert!(parse_time("25:00").is_err());
        assert!(parse_time("sáng").is_err());
    }
}
