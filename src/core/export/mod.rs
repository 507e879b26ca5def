//! Printed lists (PDF) and spreadsheet exports (XLSX, CSV).
//!
//! `build` turns records into a [`Sheet`]; `pdf`, `xlsx` and `csv` write a sheet. The
//! file is written beside its destination under a temporary name and renamed into
//! place, so a half-written list never replaces a good one.

mod build;
mod csv;
mod docx;
mod papers;
mod pdf;
mod sheet;
mod xlsx;

use std::path::{Path, PathBuf};

pub use build::{Source, build, head_table};
pub use papers::follow_up_units;
pub use sheet::{Align, Block, Cell, Column, Flow, Para, Section, Sheet, Signer, TableBlock};
pub use xlsx::looks_like_formula;

use crate::error::{Error, Result};

/// The lists the app prints and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    /// Sign-in sheet (danh sách ký nhận).
    Signin,
    /// Present or absent, with check-in times.
    Attendance,
    /// Attendance report for the opening remarks, by group and by unit.
    Report,
    /// Gift receipt list with totals in figures and words.
    Gifts,
    /// Commendations in stage order.
    Commendations,
    /// Opinions and answers grouped by topic.
    Questions,
    /// Name badges, ten per A4 page with cut marks.
    Badges,
    /// Every attendee with every field.
    Attendees,
    /// Folded name cards for the head table (bảng tên để bàn).
    PlaceCards,
    /// The programme on one page.
    Programme,
    /// The MC's script.
    Script,
    /// The minutes of the conference (biên bản), signed by the secretary and the chair.
    Minutes,
    /// The notice of the chair's conclusions, with the opinions given to units.
    Conclusion,
    /// The report on how the conference went: attendance, opinions, awards, follow-up.
    ResultsReport,
    /// The opinions each unit owes a written answer, one unit a page, with columns for
    /// its answer (sent out as a spreadsheet, read back by the import of answers).
    FollowUp,
}

impl ListKind {
    pub const ALL: [Self; 15] = [
        Self::Signin,
        Self::Attendance,
        Self::Report,
        Self::Gifts,
        Self::Commendations,
        Self::Questions,
        Self::Badges,
        Self::PlaceCards,
        Self::Attendees,
        Self::Programme,
        Self::Script,
        Self::Minutes,
        Self::Conclusion,
        Self::ResultsReport,
        Self::FollowUp,
    ];

    /// The papers written after the conference (not lists of the day).
    pub fn is_paper(self) -> bool {
        matches!(
            self,
            Self::Minutes | Self::Conclusion | Self::ResultsReport | Self::FollowUp
        )
    }

    /// The formats the list is written in. Minutes and the conclusion notice are papers
    /// to sign and file: PDF and Word only; the report's tables may go to a spreadsheet.
    pub fn formats(self) -> &'static [Format] {
        match self {
            Self::Minutes | Self::Conclusion => &[Format::Pdf, Format::Docx],
            Self::ResultsReport => &[Format::Pdf, Format::Docx, Format::Xlsx],
            _ => &Format::ALL,
        }
    }

    /// Lists of attendees can be grouped by unit and sorted.
    pub fn is_people(self) -> bool {
        matches!(
            self,
            Self::Signin | Self::Attendance | Self::Badges | Self::Attendees
        )
    }

    /// The order the list comes out in when none is chosen: name order for lists of
    /// people, unit order for badges (handed out by unit), entry order otherwise.
    pub fn default_sort(self) -> Option<Sort> {
        match self {
            Self::Badges => Some(Sort::Unit),
            k if k.is_people() => Some(Sort::Name),
            _ => None,
        }
    }
}

/// Order of a list of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Vietnamese name order: given name, then middle and family names.
    Name,
    /// Protocol order: office on the ladder, level of unit, rank, name.
    Protocol,
    /// By unit, then name.
    Unit,
}

/// How a list is grouped, ordered and filtered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// One unit per page (sign-in, attendance, attendees).
    pub group_by_unit: bool,
    /// `None`: the list's natural order (name order for people, entry order for gifts).
    pub sort: Option<Sort>,
    /// The follow-up sheet of this unit only (as the follow-up names it; case, spacing
    /// and tone placement aside). `None`: every unit.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Pdf,
    Xlsx,
    Csv,
    /// Word, for a last edit in the office.
    Docx,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Pdf, Self::Docx, Self::Xlsx, Self::Csv];

    /// The extension with its dot, as people say it (".pdf").
    pub fn dotted(self) -> &'static str {
        match self {
            Self::Pdf => ".pdf",
            Self::Xlsx => ".xlsx",
            Self::Csv => ".csv",
            Self::Docx => ".docx",
        }
    }

    /// The format a file name asks for.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Self::Pdf),
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            "docx" => Some(Self::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
            Self::Docx => "docx",
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    /// Rows of a table, or items of the script when `items`.
    pub rows: usize,
    pub bytes: usize,
    /// The count is of items (the script's), not rows.
    pub items: bool,
}

/// The bytes of a list in `format`. `progress(done, total)` returns false to cancel.
pub fn render(
    src: &Source,
    kind: ListKind,
    opts: &Options,
    format: Format,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, usize)> {
    let sheet = prepare(src, kind, opts, format)?;
    let bytes = write(&sheet, src, format, progress)?;
    Ok((bytes, sheet.row_count()))
}

/// The sheet of a list as `format` holds it, or why it cannot be written so.
fn prepare(src: &Source, kind: ListKind, opts: &Options, format: Format) -> Result<Sheet> {
    if !kind.formats().contains(&format) {
        return Err(Error::FormatNotFor {
            list: build::stem(kind, &Options::default()),
            allowed: {
                let mut names: Vec<&str> = kind.formats().iter().map(|f| f.dotted()).collect();
                let last = names.pop().unwrap_or_default();
                if names.is_empty() {
                    last.to_owned()
                } else {
                    format!("{} hoặc {last}", names.join(", "))
                }
            },
        });
    }
    if kind == ListKind::FollowUp
        && let Some(unit) = &opts.unit
    {
        papers::check_unit(src, unit)?;
    }
    Ok(for_format(build(src, kind, opts), format))
}

fn write(
    sheet: &Sheet,
    src: &Source,
    format: Format,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    match format {
        Format::Pdf => pdf::write(sheet, &src.conference, progress),
        Format::Xlsx => xlsx::write(sheet, &src.conference, progress),
        Format::Csv => csv::write(sheet, progress),
        Format::Docx => docx::write(sheet, &src.conference, progress),
    }
}

/// Paper leaves off the columns meant for spreadsheets; a spreadsheet holds the
/// script's paragraphs one to a row.
fn for_format(mut sheet: Sheet, format: Format) -> Sheet {
    if matches!(format, Format::Pdf | Format::Docx) {
        return sheet.for_paper();
    }
    if sheet.prose.is_empty() {
        return sheet;
    }
    sheet.columns = vec![Column {
        header: "Nội dung",
        width: 100.0,
        align: Align::Left,
        min_mm: 0.0,
        whole: false,
        data_only: false,
        xlsx_chars: 0,
        choices: &[],
    }];
    sheet.sections = vec![Section {
        rows: std::mem::take(&mut sheet.prose)
            .into_iter()
            .map(|(_, text)| vec![Cell::text(text)])
            .collect(),
        ..Section::default()
    }];
    sheet
}

/// How a list prints: landscape or not, and its columns' widths in millimetres, from
/// the content (the longest names, a signature's room, headers whole).
pub fn layout(sheet: &Sheet) -> Result<(bool, Vec<f32>)> {
    let (landscape, widths, _) = pdf::column_widths(&sheet.clone().for_paper())?;
    Ok((landscape, widths.iter().map(|w| w * 25.4 / 72.0).collect()))
}

/// The widths in millimetres of a table inside a document (a paper after the
/// conference), as it prints across a portrait page.
pub fn document_table_layout(table: &TableBlock) -> Result<Vec<f32>> {
    let (widths, _) = pdf::document_table_widths(&table.sheet().for_paper())?;
    Ok(widths.iter().map(|w| w * 25.4 / 72.0).collect())
}

/// Like [`render`], of the first `rows` rows only when given (a preview's first pages).
pub fn render_first(
    src: &Source,
    kind: ListKind,
    opts: &Options,
    format: Format,
    rows: Option<usize>,
) -> Result<(Vec<u8>, usize)> {
    let mut sheet = prepare(src, kind, opts, format)?;
    let all = sheet.row_count();
    if let Some(n) = rows {
        let mut left = n;
        for s in &mut sheet.sections {
            s.rows.truncate(left);
            left -= s.rows.len();
        }
        sheet
            .sections
            .retain(|s| !s.rows.is_empty() || s.total.is_some());
    }
    let bytes = write(&sheet, src, format, &mut |_, _| true)?;
    Ok((bytes, all))
}

/// Writes a list to `path`, its format taken from the extension.
pub fn export(
    src: &Source,
    kind: ListKind,
    opts: &Options,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Written> {
    let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat {
        path: path.to_owned(),
    })?;
    let (bytes, rows) = render(src, kind, opts, format, progress)?;
    write_atomically(path, &bytes)?;
    Ok(Written {
        path: path.to_owned(),
        rows,
        bytes: bytes.len(),
        items: kind == ListKind::Script,
    })
}

/// Writes to a temporary file beside `path`, flushes it to disk, then renames it over
/// `path`: readers see the old file or the whole new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        std::fs::remove_file(&tmp).ok();
    }
    result.map_err(io)
}

/// A file name for a list: "Danh sách ký nhận đại biểu - Hội nghị … .pdf", without
/// characters Windows refuses.
pub fn suggested_file_name(
    conference_name: &str,
    kind: ListKind,
    opts: &Options,
    format: Format,
) -> String {
    let sheet_stem = build::stem(kind, opts);
    let conf = conference_name.trim();
    let stem = if conf.is_empty() {
        sheet_stem
    } else {
        format!("{sheet_stem} - {conf}")
    };
    let clean: String = stem
        .chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{}", cut_at_word(&clean, NAME_CHARS), format.extension())
}

/// Longest file name the app suggests, in characters: well inside Windows' 255 per
/// name, and short enough for a folder path to stay under its 260 for the whole path.
const NAME_CHARS: usize = 100;

/// `text` cut to at most `max` characters at the end of a word, never inside one, and
/// without the dots and spaces Windows drops from the end of a name.
fn cut_at_word(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.trim_end_matches(['.', ' ', '-']).to_owned();
    }
    let head: String = text.chars().take(max + 1).collect();
    // The last space within the limit ends the last whole word.
    let cut = head
        .char_indices()
        .filter(|(i, c)| c.is_whitespace() && head[..*i].chars().count() <= max)
        .map(|(i, _)| i)
        .next_back()
        .unwrap_or_else(|| head.char_indices().nth(max).map_or(head.len(), |(i, _)| i));
    head[..cut]
        .trim_end_matches(['.', ' ', '-', ','])
        .to_owned()
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn suggested_names_end_at_a_word_and_fit_windows() {
        let long = "Hội nghị đối thoại giữa Đảng ủy, Ban Giám đốc Công an tỉnh với CBCS Công an cấp xã, đoàn viên, hội viên năm 2022";
        let name = suggested_file_name(long, ListKind::Signin, &Options::default(), Format::Pdf);
        let stem = name.strip_suffix(".pdf").unwrap_or_default();
        assert!(stem.chars().count() <= NAME_CHARS, "{name}");
        assert!(
            long.contains(stem.split(" - ").nth(1).unwrap_or_default()),
            "{name}"
        );
        // It ends with a whole word of the conference's name.
        let last = stem.rsplit(' ').next().unwrap_or_default();
        assert!(
            long.split([' ', ',']).any(|w| w == last),
            "{name} ends inside a word"
        );
        assert!(!stem.ends_with(['.', ' ', ',', '-']));
        assert_eq!(cut_at_word("một hai ba", 7), "một hai");
        assert_eq!(
            cut_at_word("mộthaiba", 4),
            "mộth",
            "one long word is cut where it must"
        );
        assert_eq!(cut_at_word("a b.", 10), "a b");
    }
}
