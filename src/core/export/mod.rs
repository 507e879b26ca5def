//! Printed lists (PDF) and spreadsheet exports (XLSX, CSV).
//!
//! `build` turns records into a [`Sheet`]; `pdf`, `xlsx` and `csv` write a sheet. The
//! file is written beside its destination under a temporary name and renamed into
//! place, so a half-written list never replaces a good one.

mod build;
mod csv;
mod docx;
mod pdf;
mod sheet;
mod xlsx;

use std::path::{Path, PathBuf};

pub use build::{Source, build, head_table};
pub use sheet::{Align, Cell, Column, Section, Sheet};
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
}

impl ListKind {
    pub const ALL: [Self; 11] = [
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
    ];

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

/// How a list is grouped and ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// One unit per page (sign-in, attendance, attendees).
    pub group_by_unit: bool,
    /// `None`: the list's natural order (name order for people, entry order for gifts).
    pub sort: Option<Sort>,
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
    opts: Options,
    format: Format,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(Vec<u8>, usize)> {
    let sheet = tabular(build(src, kind, opts), format);
    let bytes = match format {
        Format::Pdf => pdf::write(&sheet, &src.conference, progress)?,
        Format::Xlsx => xlsx::write(&sheet, &src.conference, progress)?,
        Format::Csv => csv::write(&sheet, progress)?,
        Format::Docx => docx::write(&sheet, &src.conference, progress)?,
    };
    Ok((bytes, sheet.row_count()))
}

/// A spreadsheet holds the script's paragraphs one to a row.
fn tabular(mut sheet: Sheet, format: Format) -> Sheet {
    if sheet.prose.is_empty() || matches!(format, Format::Pdf | Format::Docx) {
        return sheet;
    }
    sheet.columns = vec![Column {
        header: "Nội dung",
        width: 100.0,
        align: Align::Left,
        min_mm: 0.0,
        whole: false,
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
    let (landscape, widths, _) = pdf::column_widths(sheet)?;
    Ok((landscape, widths.iter().map(|w| w * 25.4 / 72.0).collect()))
}

/// Like [`render`], of the first `rows` rows only when given (a preview's first pages).
pub fn render_first(
    src: &Source,
    kind: ListKind,
    opts: Options,
    format: Format,
    rows: Option<usize>,
) -> Result<(Vec<u8>, usize)> {
    let mut sheet = tabular(build(src, kind, opts), format);
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
    let progress = &mut |_, _| true;
    let bytes = match format {
        Format::Pdf => pdf::write(&sheet, &src.conference, progress)?,
        Format::Xlsx => xlsx::write(&sheet, &src.conference, progress)?,
        Format::Csv => csv::write(&sheet, progress)?,
        Format::Docx => docx::write(&sheet, &src.conference, progress)?,
    };
    Ok((bytes, all))
}

/// Writes a list to `path`, its format taken from the extension.
pub fn export(
    src: &Source,
    kind: ListKind,
    opts: Options,
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
    opts: Options,
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
        let name = suggested_file_name(long, ListKind::Signin, Options::default(), Format::Pdf);
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
