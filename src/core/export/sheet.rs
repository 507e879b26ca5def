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

/// A column: its printed header, how it shares room left over, how its cells line up.
/// Widths on paper come from the content (`pdf::fit`): each column gets what its longest
/// word needs at least, what its longest cell needs when the page allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: &'static str,
    /// Share of the room left once every column has what its content needs.
    pub width: f32,
    pub align: Align,
    /// At least this wide on paper (a signature needs 35 mm).
    pub min_mm: f32,
    /// Its cells never break (names on a sign-in sheet).
    pub whole: bool,
}

pub const fn col(header: &'static str, width: f32, align: Align) -> Column {
    Column {
        header,
        width,
        align,
        min_mm: 0.0,
        whole: false,
    }
}

impl Column {
    /// Room for a signature: at least 35 mm.
    #[must_use]
    pub const fn signature(mut self) -> Self {
        self.min_mm = 35.0;
        self
    }

    /// Cells kept on one line whenever the page allows.
    #[must_use]
    pub const fn whole(mut self) -> Self {
        self.whole = true;
        self
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
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of one list's layout"
)]
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
    /// Folded place cards for the head table instead of a table.
    pub place_cards: bool,
    /// Paragraphs instead of a table (the MC's script): bold ones are headings.
    pub prose: Vec<(bool, String)>,
    /// Without extension, in Vietnamese ("Danh sách ký nhận").
    pub file_stem: String,
}

impl Sheet {
    /// The `n` longest texts of column `i` (by characters), totals included: widths
    /// follow length closely enough to measure only these.
    pub fn longest_cells(&self, i: usize, n: usize) -> Vec<String> {
        let mut texts: Vec<String> = self
            .sections
            .iter()
            .flat_map(|s| s.rows.iter().chain(s.total.iter()))
            .filter_map(|row| row.get(i))
            .map(Cell::display)
            .collect();
        texts.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        texts.truncate(n);
        texts
    }

    /// Data rows, totals excluded.
    pub fn row_count(&self) -> usize {
        if self.prose.is_empty() {
            self.sections.iter().map(|s| s.rows.len()).sum()
        } else {
            // A document of paragraphs counts its items (the bold headings), not rows.
            self.prose.iter().filter(|(bold, _)| *bold).count()
        }
    }
}
