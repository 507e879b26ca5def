//! Importing the lists people really have, one pipeline for every kind of record:
//! read (the file's real type, every sheet) → choose the sheet → find the header row →
//! map columns to fields → convert columns typed in legacy fonts → plan (preview,
//! duplicates, row errors and warnings) → apply in one transaction, all or nothing.
//!
//! Each kind only declares its fields and header words (`fields`) and its row rules
//! (`people` for attendees, `records` for questions, gifts and commendations).

mod apply;
mod docx;
pub mod fields;
mod groups;
mod judge;
pub mod legacy;
mod legacy_tables;
pub mod people;
mod plan;
pub mod read;
pub mod records;

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

pub use apply::apply;
pub use fields::{Field, Kind};
pub use legacy::Legacy;
pub use plan::{parse_map, plan, prepare};
pub use read::{Encoding, FileType, ReadOptions, Workbook};
pub use records::{AnswerRow, Known, Record, Typed};

use crate::domain::Problem;

/// What to do with a row whose person is already in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnDuplicate {
    #[default]
    Skip,
    Update,
}

/// How the import treats text typed in legacy fonts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LegacyMode {
    /// Convert the columns detected as legacy, and only those.
    #[default]
    Auto,
    /// Convert nothing.
    Off,
    /// Convert every column with letters beyond ASCII from this encoding.
    Only(Legacy),
}

/// Where the header row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// This row of the sheet (an index into its rows) names the columns.
    Row(usize),
    /// The sheet has no header row: every row is data.
    None,
    /// No row names the columns and nobody has said which does: the preview shows the
    /// first rows and asks.
    NotFound,
}

/// What the user decided in the preview (or on the command line); `None` and `Auto`
/// leave it to detection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    pub sheet: Option<usize>,
    pub header: Option<Header>,
    pub mapping: Option<Vec<Option<Field>>>,
    pub legacy: LegacyMode,
    /// Per column (index into the sheet's row), the encoding to convert from, or none.
    pub column_legacy: Vec<(usize, Option<Legacy>)>,
    /// Rows (as the spreadsheet numbers them) the user keeps although they look like a
    /// person already in the file or above: namesakes.
    pub keep_both: std::collections::BTreeSet<usize>,
}

/// One column of the sheet as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The letter the spreadsheet shows ("D").
    pub letter: String,
    /// The header cell's text, empty without a header.
    pub header: String,
    /// What detection found typed in a legacy font.
    pub detected: Option<Legacy>,
    /// What is converted (detection, the mode, or the user's choice).
    pub legacy: Option<Legacy>,
}

impl Column {
    /// "cột D «Năm sinh»", as messages name a column.
    pub fn label(&self) -> String {
        if self.header.is_empty() {
            self.letter.clone()
        } else {
            format!("{} «{}»", self.letter, self.header)
        }
    }
}

/// Why a row is marked as a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// Already in the conference file (the attendee's id, empty for other records).
    Existing(String),
    /// Repeats an earlier row of the same file (its row number).
    InFile(usize),
}

/// A row ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The row number the spreadsheet shows.
    pub row: usize,
    pub record: Record,
    pub duplicate: Option<Duplicate>,
    /// The asker or recipient is linked to an attendee already in the file.
    pub linked: bool,
}

/// Something wrong with a cell: an error keeps the row out, a warning only its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The row number the spreadsheet shows.
    pub row: usize,
    /// The column as messages name it ("D «Năm sinh»").
    pub column: String,
    pub problem: Problem,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "dòng {}, cột {}: {}",
            self.row,
            self.column,
            self.problem.vi()
        )
    }
}

/// Everything the preview shows and the import would do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub kind: Kind,
    pub file: PathBuf,
    pub book: Arc<Workbook>,
    /// The sheet read (an index into `book.sheets`).
    pub sheet: usize,
    /// For each sheet, how many of its rows look like records of this kind.
    pub sheet_rows: Vec<usize>,
    pub header: Header,
    pub mapping: Vec<Option<Field>>,
    pub columns: Vec<Column>,
    /// What produced this plan, to plan again with one thing changed.
    pub choices: Choices,
    pub rows: Vec<PlanRow>,
    pub errors: Vec<RowError>,
    pub warnings: Vec<RowError>,
    pub skipped_blank: usize,
    pub skipped_total: usize,
    pub skipped_no_name: usize,
    /// Group headings, signature blocks and lines under the table.
    pub skipped_headings: usize,
    /// Attendees already in the file that rows repeat: id → how the preview shows them.
    pub existing: std::collections::HashMap<String, String>,
    /// Answers: the workbook's other sheets that answer something, with how many rows
    /// (each is imported in its turn).
    pub other_sheets: Vec<(String, usize)>,
}

impl Plan {
    pub fn duplicates(&self) -> usize {
        self.rows.iter().filter(|r| r.duplicate.is_some()).count()
    }

    pub fn linked(&self) -> usize {
        self.rows.iter().filter(|r| r.linked).count()
    }

    /// The sheet the plan reads.
    pub fn sheet(&self) -> &read::Sheet {
        &self.book.sheets[self.sheet]
    }

    /// The raw cells of a planned row (for the preview beside the stored values).
    pub fn raw(&self, row: usize) -> &[String] {
        let sheet = self.sheet();
        row.checked_sub(sheet.first_row + 1)
            .and_then(|i| sheet.rows.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// Columns converted from a legacy encoding.
    pub fn converted(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.legacy.is_some())
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub imported: usize,
    pub updated: usize,
    pub skipped_duplicates: usize,
    pub errors: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "imported {}, updated {}, skipped {} duplicates, {} rows with errors",
            self.imported, self.updated, self.skipped_duplicates, self.errors
        )
    }
}

/// The cells of one row as the plan's columns see them: mapped to fields, with text
/// typed in a legacy font converted.
pub(crate) struct Cells<'a> {
    kind: Kind,
    raw: &'a [String],
    mapping: &'a [Option<Field>],
    legacy: &'a [Option<Legacy>],
    /// Codes the workbook explains, and the columns that hold codes.
    codes: &'a judge::Codes,
    coded: &'a [bool],
    /// What the group headings above the row give to its empty fields.
    given: &'a [(Field, String)],
}

impl<'a> Cells<'a> {
    pub(crate) fn kind(&self) -> Kind {
        self.kind
    }

    /// Each mapped cell's field and text, then what the headings above give.
    pub(crate) fn mapped(&self) -> impl Iterator<Item = (Field, Cow<'a, str>)> + '_ {
        let given = self
            .given
            .iter()
            .map(|(f, v)| (*f, Cow::Borrowed(v.as_str())));
        self.raw
            .iter()
            .enumerate()
            .filter_map(|(col, cell)| {
                let field = (*self.mapping.get(col)?)?;
                let text = match self.legacy.get(col).copied().flatten() {
                    Some(l) if !cell.is_ascii() || l == Legacy::Viqr => Cow::Owned(l.decode(cell)),
                    _ if self.coded.get(col) == Some(&true) => self
                        .codes
                        .get(cell)
                        .map_or(Cow::Borrowed(cell.as_str()), |name| {
                            Cow::Owned(name.to_owned())
                        }),
                    _ => Cow::Borrowed(cell.as_str()),
                };
                Some((field, text))
            })
            .chain(given)
    }

    /// The text of `field`: its columns' cells joined by a space.
    pub(crate) fn value(&self, field: Field) -> String {
        let mut out = String::new();
        for (f, v) in self.mapped() {
            if f == field && !v.trim().is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&v);
            }
        }
        out
    }

    /// Whether a column of `field` is converted from a legacy font.
    pub(crate) fn converted(&self, field: Field) -> bool {
        self.mapping
            .iter()
            .zip(self.legacy)
            .any(|(f, l)| *f == Some(field) && l.is_some())
    }

    /// The first column mapped to `field` (0 when none is).
    pub(crate) fn column_of(&self, field: Field) -> usize {
        self.mapping
            .iter()
            .position(|f| *f == Some(field))
            .unwrap_or(0)
    }

    /// The column of a form field's error key (`birth_year`, `recipient_name`).
    pub(crate) fn column_of_key(&self, key: &str) -> usize {
        let field = match key {
            "full_name" | "asker_name" | "recipient_name" => Some(Field::FullName),
            "asker_unit" => Some(Field::Unit),
            "stage_order" => Some(Field::Number),
            other => Field::from_code(self.kind, other),
        };
        field.map_or(0, |f| self.column_of(f))
    }

    /// Cells right of the header's last column that hold something.
    pub(crate) fn extra(&self, width: usize) -> Option<usize> {
        self.raw
            .iter()
            .skip(width)
            .position(|c| !c.trim().is_empty())
            .map(|i| i + width)
    }
}

/// A warning on one cell of a row that is imported anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Warning {
    pub col: usize,
    pub problem: Problem,
}

/// What one row under the header turned out to be.
pub(crate) enum RowKind<T> {
    Blank,
    Total,
    NoName,
    /// A group heading or a line under the table (`groups`).
    Heading,
    Errors(Vec<(usize, Problem)>),
    Record(T, Vec<Warning>),
}

/// The file's name without its folder, for messages and the history.
pub(crate) fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
