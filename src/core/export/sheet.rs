//! A list before it is laid out. One model feeds the PDF, XLSX and CSV writers, so the
//! three always hold the same rows in the same order.

use crate::domain::{date, money};

/// One value, typed so each writer can store it properly (money as a number in XLSX,
/// dates as dates, phones as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Whole đồng.
    Money(i64),
    /// ISO date (yyyy-mm-dd), or text that did not parse as one.
    Date(String),
    /// A stored instant (RFC 3339).
    Time(String),
    /// Digits that must stay text (leading zero).
    Phone(String),
    /// Left empty for a signature or a handwritten note.
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    /// The value as printed and as written to CSV.
    pub fn display(&self) -> String {
        match self {
            Self::Text(s) | Self::Phone(s) => s.clone(),
            Self::Int(n) => n.to_string(),
            Self::Money(n) => money::format_vnd(*n),
            Self::Date(d) => date::display(d),
            Self::Time(t) => date::display_time(t),
            Self::Blank => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A column: its printed header, its width on paper and how its cells line up.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: &'static str,
    /// Share of the table width; the PDF writer scales the shares to the page.
    pub width: f32,
    pub align: Align,
}

pub const fn col(header: &'static str, width: f32, align: Align) -> Column {
    Column {
        header,
        width,
        align,
    }
}

/// Rows under one optional heading (a unit, a topic). A total row is printed bold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub heading: Option<String>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Option<Vec<Cell>>,
    /// A line printed under the section ("Đơn vị có 12 đồng chí.").
    pub footer: Option<String>,
}

/// A whole list.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Bold, centred, upper case ("DANH SÁCH ĐẠI BIỂU KÝ NHẬN").
    pub title: String,
    /// Under the title, bold (the conference's name).
    pub subtitle: String,
    pub landscape: bool,
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
    /// Each section starts a new page (one unit per page).
    pub page_per_section: bool,
    /// Paragraphs before the table.
    pub intro: Vec<String>,
    /// Paragraphs after the table (count line, totals in words).
    pub closing: Vec<String>,
    /// Row height on paper at least this many millimetres (room to sign).
    pub min_row_mm: f32,
    /// Name tags instead of a table.
    pub badges: bool,
    /// Without extension, in Vietnamese ("Danh sách ký nhận").
    pub file_stem: String,
}

impl Sheet {
    /// Data rows, totals excluded.
    pub fn row_count(&self) -> usize {
        self.sections.iter().map(|s| s.rows.len()).sum()
    }
}
