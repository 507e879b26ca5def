//! Plain types and rules for the records of a conference. Knows neither the window nor `SQLite`.

pub mod attendee;
pub mod commendation;
pub mod conference;
pub mod date;
pub mod gift;
pub mod money;
pub mod name;
pub mod papers;
pub mod programme;
pub mod protocol;
pub mod question;
pub mod rank;

pub use attendee::{Attendee, AttendeeData, AttendeeDraft};
pub use commendation::{Commendation, CommendationData, CommendationDraft};
pub use conference::Conference;
pub use gift::{Gift, GiftData, GiftDraft};
pub use papers::{FollowUpCounts, PaperDetails};
pub use question::{
    Channel, FollowStatus, FollowUp, Handling, Question, QuestionData, QuestionDraft, Status, Topic,
};

/// What is wrong with one field of a form or an imported row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The field must be filled in.
    Required,
    /// Not a year between 1900 and this year.
    BadYear,
    /// Not a phone number (digits, 9 to 11 of them).
    BadPhone,
    /// Not an amount of money in đồng.
    BadMoney,
    /// Not a date (dd/mm/yyyy).
    BadDate,
    /// Not a time of day (7:30).
    BadTime,
    /// Not a whole positive number.
    BadNumber,
    /// Longer than any real value (10,000 characters).
    TooLong,
    /// A spreadsheet row with more cells than its header has columns.
    ExtraCells,
    /// A code no code sheet of the workbook explains; kept as typed.
    UnknownCode,
    /// An opinion's id (a follow-up sheet's "Mã") that no question of the file has.
    UnknownQuestion,
    /// A follow-up status that is none of chưa / đang / đã giải quyết.
    BadStatus,
    /// An opinion a row above in the same sheet answers otherwise.
    AnsweredTwice,
}

impl Problem {
    /// What is wrong, in Vietnamese, for messages of the import, the CLI and the window.
    pub fn vi(self) -> &'static str {
        match self {
            Self::Required => "Bắt buộc nhập",
            Self::BadYear => "Năm sinh không hợp lệ (1900 đến năm nay)",
            Self::BadPhone => "Số điện thoại không hợp lệ (9–12 chữ số)",
            Self::BadMoney => "Giá trị không hợp lệ (ví dụ 2.000.000)",
            Self::BadDate => "Ngày không hợp lệ (dd/mm/yyyy)",
            Self::BadTime => "Giờ không hợp lệ (ví dụ 7:30)",
            Self::BadNumber => "Phải là số nguyên dương",
            Self::TooLong => "Quá dài",
            Self::ExtraCells => "Dòng có nhiều ô hơn dòng tiêu đề",
            Self::UnknownCode => "Mã chưa có trong trang danh mục của tệp, giữ nguyên như đã gõ",
            Self::UnknownQuestion => {
                "Mã ý kiến không có trong tệp hội nghị (phiếu của hội nghị khác, hoặc mã bị sửa)"
            }
            Self::BadStatus => {
                "Tình trạng không đọc được (Chưa giải quyết, Đang giải quyết, Đã giải quyết)"
            }
            Self::AnsweredTwice => {
                "Ý kiến này đã được trả lời ở một dòng trên, khác với dòng này: giữ lại một dòng"
            }
        }
    }
}

/// A problem tied to the field it concerns, by the field's stable key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// The longest text any field accepts; guards against pasted garbage.
pub const MAX_FIELD_CHARS: usize = 10_000;

/// Normalises a one-line field and records a problem if it is too long.
pub(crate) fn line(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> String {
    let v = crate::text::normalize(raw);
    if v.chars().count() > MAX_FIELD_CHARS {
        errors.push(FieldError::new(field, Problem::TooLong));
    }
    v
}

/// Normalises a multi-line field (content, answer, circumstances).
pub(crate) fn block(field: &'static str, raw: &str, errors: &mut Vec<FieldError>) -> String {
    let v = crate::text::normalize_multiline(raw);
    if v.chars().count() > MAX_FIELD_CHARS {
        errors.push(FieldError::new(field, Problem::TooLong));
    }
    v
}

/// Turns an empty string into `None`.
pub(crate) fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}
