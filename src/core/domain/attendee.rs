//! An attendee (đại biểu) and the rules that turn typed text into one.

use serde::{Deserialize, Serialize};

use super::{FieldError, Problem, line, rank};

/// The groups of the founding case, offered as suggestions (any text is allowed).
pub const GROUPS: [&str; 5] = [
    "CBCS Công an xã",
    "Đoàn viên",
    "Hội viên",
    "Khách mời",
    "Lãnh đạo",
];

/// What an organiser records about an attendee; every string is normalised.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeData {
    pub full_name: String,
    /// "Nam", "Nữ" or empty.
    pub gender: String,
    pub birth_year: Option<i32>,
    pub rank: String,
    pub position: String,
    pub unit: String,
    pub district: String,
    pub group: String,
    pub phone: String,
    pub note: String,
    /// A place in protocol order fixed by hand (1 = first; the head table).
    pub protocol_order: Option<i64>,
    /// The badge's code, digits only (a scanner types it; typing tools leave digits
    /// alone). Given by the file when empty; kept when a list brings one.
    #[serde(default, rename = "code")]
    pub badge_code: String,
    /// Absent with a reason (excused): counted apart in the attendance.
    #[serde(default)]
    pub excused: bool,
    /// Why, when given ("Đi công tác", "Ốm").
    #[serde(default)]
    pub absence_reason: String,
}

/// A stored attendee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub id: String,
    #[serde(flatten)]
    pub data: AttendeeData,
    /// When the attendee was checked in at the door (RFC 3339), if they were.
    pub checked_in_at: Option<String>,
    /// The desk that checked them in, when it was not this window.
    #[serde(default)]
    pub checked_in_desk: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl AttendeeData {
    /// The folded text the search box looks in: name, unit, position, phone, rank, district.
    pub fn search_key(&self) -> String {
        self.keys().0
    }

    /// The search key, the folded name and the folded unit, folded in one pass: the
    /// name and unit are the search key's first two fields.
    pub fn keys(&self) -> (String, String, String) {
        let (search, [name, unit, ..]) = crate::text::fold_fields([
            &self.full_name,
            &self.unit,
            &self.position,
            &self.phone,
            &self.rank,
            &self.district,
            &self.group,
        ]);
        let name = search[name].to_owned();
        let unit = search[unit].to_owned();
        (search, name, unit)
    }
}

/// An attendee as typed into a form or read from a spreadsheet row: raw strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttendeeDraft {
    pub full_name: String,
    pub gender: String,
    pub birth_year: String,
    pub rank: String,
    pub position: String,
    pub unit: String,
    pub district: String,
    pub group: String,
    pub phone: String,
    pub note: String,
    pub protocol_order: String,
    pub badge_code: String,
    pub excused: bool,
    pub absence_reason: String,
}

impl AttendeeDraft {
    /// The form for editing a stored attendee.
    pub fn from_data(d: &AttendeeData) -> Self {
        Self {
            full_name: d.full_name.clone(),
            gender: d.gender.clone(),
            birth_year: d.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            rank: d.rank.clone(),
            position: d.position.clone(),
            unit: d.unit.clone(),
            district: d.district.clone(),
            group: d.group.clone(),
            phone: d.phone.clone(),
            note: d.note.clone(),
            protocol_order: d.protocol_order.map(|n| n.to_string()).unwrap_or_default(),
            badge_code: d.badge_code.clone(),
            excused: d.excused,
            absence_reason: d.absence_reason.clone(),
        }
    }

    /// Parse, don't validate: either clean data or every field's problem.
    pub fn validate(&self) -> Result<AttendeeData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name = line("full_name", &self.full_name, &mut errors);
        if full_name.is_empty() {
            errors.push(FieldError::new("full_name", Problem::Required));
        }
        let gender = parse_gender(&line("gender", &self.gender, &mut errors));
        let birth_year = match parse_birth_year(&self.birth_year) {
            Ok(y) => y,
            Err(p) => {
                errors.push(FieldError::new("birth_year", p));
                None
            }
        };
        let phone = match parse_phone(&self.phone) {
            Ok(p) => p,
            Err(p) => {
                errors.push(FieldError::new("phone", p));
                String::new()
            }
        };
        let protocol_order = match self.protocol_order.trim() {
            "" => None,
            t => match t.parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    errors.push(FieldError::new("protocol_order", Problem::BadNumber));
                    None
                }
            },
        };
        let badge_code: String = self
            .badge_code
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let badge_code = if badge_code.is_empty() || is_badge_code(&badge_code) {
            badge_code
        } else {
            errors.push(FieldError::new("badge_code", Problem::BadNumber));
            String::new()
        };
        let absence_reason = line("absence_reason", &self.absence_reason, &mut errors);
        let data = AttendeeData {
            // A reason given means excused.
            excused: self.excused || !absence_reason.is_empty(),
            absence_reason,
            badge_code,
            full_name,
            protocol_order,
            gender,
            birth_year,
            rank: rank::canonical(&line("rank", &self.rank, &mut errors)),
            position: line("position", &self.position, &mut errors),
            unit: line("unit", &self.unit, &mut errors),
            district: line("district", &self.district, &mut errors),
            group: line("group", &self.group, &mut errors),
            phone,
            note: line("note", &self.note, &mut errors),
        };
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors)
        }
    }
}

/// Digits of a badge's code: 10 when the file makes one; 6 to 16 accepted from a list.
pub const BADGE_DIGITS: usize = 10;

pub fn is_badge_code(text: &str) -> bool {
    (6..=16).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// A fresh badge code: 10 random digits, never starting with 0 (a spreadsheet would
/// drop it). Whether it is free is the store's to check.
pub fn new_badge_code() -> String {
    let n = uuid::Uuid::new_v4().as_u128() % 9_000_000_000 + 1_000_000_000;
    n.to_string()
}

/// "nam", "Nữ", "nu", "male", "F" … → "Nam" / "Nữ"; anything else kept as typed.
pub fn parse_gender(text: &str) -> String {
    match crate::text::fold(text).as_str() {
        "nam" | "male" | "m" => "Nam".to_owned(),
        "nu" | "female" | "f" => "Nữ".to_owned(),
        _ => text.to_owned(),
    }
}

/// A birth year, or the year of a birth date in any shape people write one:
/// "1990", "1990.0" (a year typed as a number), "12/03/1990", "10/20/1959" (month
/// first), "1959-10-20". The year is all that is stored, so the order of day and month
/// does not matter.
pub fn parse_birth_year(text: &str) -> Result<Option<i32>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.strip_suffix(".0").unwrap_or(t);
    let this_year = super::date::this_year();
    // The one four-digit run among the digits; a date has exactly one.
    let runs: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    let years: Vec<i32> = runs
        .iter()
        .filter(|r| r.len() == 4)
        .filter_map(|r| r.parse().ok())
        .collect();
    let date_shaped = runs.len() == 1 || (runs.len() == 3 && runs.iter().all(|r| r.len() <= 4));
    match years.as_slice() {
        [y] if date_shaped && (1900..=this_year).contains(y) => Ok(Some(*y)),
        _ => Err(Problem::BadYear),
    }
}

/// Keeps digits and a leading +; gives back a leading zero a spreadsheet dropped.
pub fn parse_phone(text: &str) -> Result<String, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let t = t.strip_suffix(".0").unwrap_or(t);
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '+' if i == 0 => out.push(c),
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return Err(Problem::BadPhone),
        }
    }
    let digits = out.trim_start_matches('+').len();
    if !(9..=12).contains(&digits) {
        return Err(Problem::BadPhone);
    }
    if digits == 9 && !out.starts_with('0') && !out.starts_with('+') {
        out.insert(0, '0');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_validates_and_normalises() {
        let draft = AttendeeDraft {
            full_name: "  Nguye\u{302}\u{303}n  Văn An ".into(),
            gender: "nu".into(),
            birth_year: "1990".into(),
            rank: "đại úy".into(),
            phone: "912 345 678".into(),
            ..Default::default()
        };
        let data = draft.validate().expect("valid");
        assert_eq!(data.full_name, "Nguyễn Văn An");
        assert_eq!(data.gender, "Nữ");
        assert_eq!(data.rank, "Đại úy");
        assert_eq!(data.phone, "0912345678");
        assert_eq!(data.birth_year, Some(1990));
    }

    #[test]
    fn draft_reports_every_bad_field() {
        let draft = AttendeeDraft {
            birth_year: "abc".into(),
            phone: "12ab".into(),
            ..Default::default()
        };
        let errors = draft.validate().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["full_name", "birth_year", "phone"]);
    }
}

#[cfg(test)]
mod birth_year_tests {
    use super::*;

    #[test]
    fn birth_year_from_any_date_shape() {
        for (text, year) in [
            ("1959", 1959),
            ("1959.0", 1959),
            ("10/20/1959", 1959),
            ("21/09/1996", 1996),
            ("1996-09-21", 1996),
            ("21.9.1996", 1996),
            (" 1/1/1980 ", 1980),
        ] {
            assert_eq!(parse_birth_year(text), Ok(Some(year)), "{text}");
        }
        assert_eq!(parse_birth_year(""), Ok(None));
        for bad in [
            "abc",
            "1850",
            "3000",
            "12/1959/1960",
            "10/20/59",
            "21845",
            "số 1990 đường 5",
        ] {
            assert_eq!(parse_birth_year(bad), Err(Problem::BadYear), "{bad}");
        }
    }
}
