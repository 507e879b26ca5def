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
    /// Written to spreadsheets and CSV only, left off paper (an id an import matches on).
    pub data_only: bool,
    /// Its width in a spreadsheet, in characters; 0: from the content.
    pub xlsx_chars: u16,
    /// The values a spreadsheet offers in a drop-down (others are allowed, with a
    /// warning).
    pub choices: &'static [&'static str],
}

pub const fn col(header: &'static str, width: f32, align: Align) -> Column {
    Column {
        header,
        width,
        align,
        min_mm: 0.0,
        whole: false,
        data_only: false,
        xlsx_chars: 0,
        choices: &[],
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

    /// At least `mm` wide on paper: room for a unit to write in by hand.
    #[must_use]
    pub const fn room(mut self, mm: f32) -> Self {
        self.min_mm = mm;
        self
    }

    /// In spreadsheets only, never on paper.
    #[must_use]
    pub const fn data_only(mut self) -> Self {
        self.data_only = true;
        self
    }

    /// Offered as a drop-down of `choices` in a spreadsheet.
    #[must_use]
    pub const fn choices(mut self, choices: &'static [&'static str]) -> Self {
        self.choices = choices;
        self
    }

    /// `chars` wide in a spreadsheet.
    #[must_use]
    pub const fn xlsx_chars(mut self, chars: u16) -> Self {
        self.xlsx_chars = chars;
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

/// How a paragraph's lines sit across the text block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Flow {
    /// Both edges straight, as official documents are set (the last line left).
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

/// A paragraph of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub flow: Flow,
    /// The first line indented (1 cm), as body paragraphs are.
    pub indent: bool,
}

impl Para {
    /// A body paragraph: justified, its first line indented.
    pub fn body(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            flow: Flow::Justify,
            indent: true,
            ..Self::default()
        }
    }

    #[must_use]
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    #[must_use]
    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }

    #[must_use]
    pub fn flow(mut self, flow: Flow) -> Self {
        self.flow = flow;
        self
    }
}

/// A table inside a document: its columns and its rows under optional headings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableBlock {
    pub columns: Vec<Column>,
    pub sections: Vec<Section>,
}

impl TableBlock {
    /// The table as a sheet of its own, for the writers that lay tables out.
    pub fn sheet(&self) -> Sheet {
        Sheet {
            columns: self.columns.clone(),
            sections: self.sections.clone(),
            ..Sheet::default()
        }
    }
}

/// A part of a document (the papers after the conference).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of the body, bold, kept with what follows ("I. THỜI GIAN, ĐỊA ĐIỂM").
    Heading(String),
    Para(Para),
    Table(TableBlock),
}

/// A signature block: the capacity in which one signs (upper case, may be two lines:
/// "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC") and the name under the signing space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signer {
    pub title: String,
    pub name: String,
}

impl Signer {
    /// The capacity's lines, upper case. Typed on one line (the conference's details keep
    /// one), "TM. BAN GIÁM ĐỐC PHÓ GIÁM ĐỐC" breaks where Decree 30 breaks it: after the
    /// body signed for, before the signer's own office.
    pub fn title_lines(&self) -> Vec<String> {
        let title = self.title.to_uppercase();
        if title.contains('\n') {
            return title.lines().map(|l| l.trim().to_owned()).collect();
        }
        let on_behalf = ["TM. ", "KT. ", "TL. ", "TUQ. ", "Q. "]
            .iter()
            .any(|p| title.starts_with(p));
        let split = [" PHÓ ", " CHÁNH ", " TRƯỞNG "]
            .iter()
            .filter_map(|m| title.find(m))
            .min();
        match split {
            Some(at) if on_behalf => vec![title[..at].to_owned(), title[at + 1..].to_owned()],
            _ => vec![title],
        }
    }
}

/// A whole list.
#[derive(Debug, Clone, Default, PartialEq)]
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
    /// Paragraphs, headings and tables instead of one table (the papers after the
    /// conference).
    pub blocks: Vec<Block>,
    /// Who signs, left and right, instead of the conference's signers (an empty one is
    /// left out).
    pub signers: Option<[Signer; 2]>,
    /// The "Nơi nhận:" block at the bottom left, in place of a left signature; its
    /// lines as written ("- Đồng chí Giám đốc (để báo cáo);").
    pub recipients: Vec<String>,
    /// The document's number under the issuing unit ("Số:        /BB").
    pub number: Option<String>,
    /// The date of the place-and-date line (ISO), when not the conference's first day.
    pub dated: Option<String>,
    /// In a spreadsheet, each section on a worksheet of its own named after it.
    pub sheet_per_section: bool,
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

    /// Each section is printed on pages of its own under the title, its heading the
    /// title's third line: a unit per page with more than one unit, and always for a
    /// sheet made of sections sent out one by one (a unit's follow-up sheet).
    pub fn per_page(&self) -> bool {
        self.page_per_section && (self.sections.len() > 1 || self.sheet_per_section)
    }

    /// The signers of the list: its own, else the conference's.
    pub fn signers_or(&self, c: &crate::domain::Conference) -> [Signer; 2] {
        self.signers.clone().unwrap_or_else(|| {
            [
                Signer {
                    title: c.signer_left_title.clone(),
                    name: c.signer_left_name.clone(),
                },
                Signer {
                    title: c.signer_right_title.clone(),
                    name: c.signer_right_name.clone(),
                },
            ]
        })
    }

    /// The sheet as printed: columns for spreadsheets only left off.
    #[must_use]
    pub fn for_paper(mut self) -> Self {
        let keep: Vec<bool> = self.columns.iter().map(|c| !c.data_only).collect();
        if keep.iter().all(|k| *k) {
            return self;
        }
        let strip = |row: &mut Vec<Cell>| {
            let mut i = 0;
            row.retain(|_| {
                i += 1;
                keep.get(i - 1).copied().unwrap_or(true)
            });
        };
        self.columns.retain(|c| !c.data_only);
        for s in &mut self.sections {
            s.rows.iter_mut().for_each(strip);
            if let Some(t) = &mut s.total {
                strip(t);
            }
        }
        self
    }

    /// Data rows, totals excluded.
    pub fn row_count(&self) -> usize {
        if !self.blocks.is_empty() {
            return self
                .blocks
                .iter()
                .map(|b| match b {
                    Block::Table(t) => t.sections.iter().map(|s| s.rows.len()).sum(),
                    _ => 0,
                })
                .sum();
        }
        if self.prose.is_empty() {
            self.sections.iter().map(|s| s.rows.len()).sum()
        } else {
            // A document of paragraphs counts its items (the bold headings), not rows.
            self.prose.iter().filter(|(bold, _)| *bold).count()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capacity_typed_on_one_line_breaks_before_the_signer_s_office() {
        let lines = |title: &str| {
            Signer {
                title: title.into(),
                name: String::new(),
            }
            .title_lines()
        };
        assert_eq!(
            lines("TM. Ban Giám đốc Phó Giám đốc"),
            ["TM. BAN GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        );
        assert_eq!(
            lines("TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG"),
            ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]
        );
        assert_eq!(lines("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC").len(), 2);
        // Not signed on behalf of anyone: one line, whatever it holds.
        assert_eq!(
            lines("Trưởng phòng Tổ chức cán bộ"),
            ["TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ"]
        );
        assert_eq!(lines("THỦ TRƯỞNG ĐƠN VỊ"), ["THỦ TRƯỞNG ĐƠN VỊ"]);
    }

    #[test]
    fn paper_leaves_off_the_columns_for_spreadsheets_only() {
        let sheet = Sheet {
            columns: vec![
                col("Mã", 1.0, Align::Left).data_only(),
                col("Số", 1.0, Align::Center),
            ],
            sections: vec![Section {
                rows: vec![vec![Cell::text("id-1"), Cell::Int(3)]],
                total: Some(vec![Cell::Blank, Cell::Int(1)]),
                ..Section::default()
            }],
            ..Sheet::default()
        };
        let paper = sheet.for_paper();
        assert_eq!(paper.columns.len(), 1);
        assert_eq!(paper.columns[0].header, "Số");
        assert_eq!(paper.sections[0].rows[0], [Cell::Int(3)]);
        assert_eq!(paper.sections[0].total, Some(vec![Cell::Int(1)]));
    }
}
