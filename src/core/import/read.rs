//! Reading a file into a grid of cell texts: CSV (encoding and delimiter detected)
//! or a spreadsheet (.xlsx, .xls, .ods through calamine).

use std::borrow::Cow;
use std::path::Path;

use calamine::{Data, Reader as _};

use crate::error::{Error, Result};

/// How a CSV file was (or should be) decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// What Vietnamese Excel saves as plain "CSV"; tone marks come decomposed.
    Windows1258,
}

impl Encoding {
    pub const ALL: [Self; 4] = [Self::Utf8, Self::Utf16Le, Self::Utf16Be, Self::Windows1258];

    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Windows1258 => "Windows-1258",
        }
    }
}

/// What the user may override in the preview.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub sheet: Option<String>,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
}

/// A whole sheet as text, plus what was detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    /// Every sheet of a spreadsheet (empty for CSV).
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
}

fn is_spreadsheet(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

/// Reads one sheet of `path` (for a spreadsheet with no sheet chosen, `choose` picks one).
pub fn read(path: &Path, options: &ReadOptions, choose: impl Fn(&[Grid]) -> usize) -> Result<Grid> {
    if is_spreadsheet(path) {
        read_spreadsheet(path, options, choose)
    } else {
        read_csv(path, options)
    }
}

fn refused(path: &Path, reason: impl Into<String>) -> Error {
    Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason: reason.into(),
    }
}

fn read_spreadsheet(
    path: &Path,
    options: &ReadOptions,
    choose: impl Fn(&[Grid]) -> usize,
) -> Result<Grid> {
    let mut book = calamine::open_workbook_auto(path)
        .map_err(|e| refused(path, format!("không đọc được bảng tính ({e})")))?;
    let sheets = book.sheet_names();
    if sheets.is_empty() {
        return Err(refused(path, "bảng tính không có trang nào"));
    }
    let names: Vec<String> = match &options.sheet {
        Some(s) if sheets.contains(s) => vec![s.clone()],
        Some(s) => return Err(refused(path, format!("không có trang \"{s}\""))),
        None => sheets.clone(),
    };
    let mut grids = Vec::with_capacity(names.len());
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| refused(path, format!("không đọc được trang \"{name}\" ({e})")))?;
        let rows = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        grids.push(Grid {
            rows,
            sheets: sheets.clone(),
            sheet: Some(name),
            encoding: None,
            delimiter: None,
        });
    }
    let pick = if grids.len() == 1 { 0 } else { choose(&grids) };
    grids
        .into_iter()
        .nth(pick)
        .ok_or_else(|| refused(path, "không chọn được trang"))
}

/// A spreadsheet cell as the text a person sees; whole numbers lose their ".0".
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            if dt.is_datetime() && (1.0..2_958_466.0).contains(&serial) {
                excel_date(serial)
            } else {
                float_text(serial)
            }
        }
    }
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "checked to be a whole number in i64 range"
)]
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        (f as i64).to_string()
    } else {
        f.to_string()
    }
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "serial is below 2,958,466 (year 9999)"
)]
fn excel_date(serial: f64) -> String {
    let base = jiff::civil::date(1899, 12, 30);
    match base.checked_add(jiff::Span::new().days(serial.floor() as i64)) {
        Ok(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Err(_) => float_text(serial),
    }
}

/// Decodes CSV bytes: a BOM decides; else valid UTF-8 is UTF-8; else Windows-1258.
/// UTF-8 is borrowed, not copied: a 100,000-row file is 13 MB.
pub fn decode(bytes: &[u8], forced: Option<Encoding>) -> (Cow<'_, str>, Encoding) {
    let (enc, body) = match forced {
        Some(e) => (e, strip_bom(bytes, e)),
        None => {
            if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                (Encoding::Utf8, rest)
            } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
                (Encoding::Utf16Le, rest)
            } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
                (Encoding::Utf16Be, rest)
            } else if let Ok(text) = std::str::from_utf8(bytes) {
                return (Cow::Borrowed(text), Encoding::Utf8);
            } else {
                (Encoding::Windows1258, bytes)
            }
        }
    };
    let codec = match enc {
        Encoding::Utf8 => encoding_rs::UTF_8,
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258,
    };
    let (text, _) = codec.decode_without_bom_handling(body);
    (text, enc)
}

fn strip_bom(bytes: &[u8], enc: Encoding) -> &[u8] {
    let bom: &[u8] = match enc {
        Encoding::Utf8 => b"\xEF\xBB\xBF",
        Encoding::Utf16Le => b"\xFF\xFE",
        Encoding::Utf16Be => b"\xFE\xFF",
        Encoding::Windows1258 => b"",
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// Excel's `sep=;` first line, or the one of `,` `;` tab that splits the first lines most consistently.
pub fn detect_delimiter(text: &str) -> (u8, bool) {
    let first = text.lines().next().unwrap_or_default().trim();
    if let Some(sep) = first.strip_prefix("sep=").and_then(|s| s.bytes().next()) {
        return (sep, true);
    }
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        // Lines that have the most common non-zero count: the table's body.
        let mut freq = std::collections::BTreeMap::new();
        for c in counts.iter().filter(|c| **c > 0) {
            *freq.entry(*c).or_insert(0usize) += 1;
        }
        let consistent = freq.values().copied().max().unwrap_or(0);
        if consistent > best.1 {
            best = (d, consistent);
        }
    }
    (best.0, false)
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut inside = false;
    line.bytes()
        .filter(|b| {
            if *b == b'"' {
                inside = !inside;
            }
            !inside && *b == d
        })
        .count()
}

fn read_csv(path: &Path, options: &ReadOptions) -> Result<Grid> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused(path, "tệp trống"));
    }
    let (text, encoding) = decode(&bytes, options.encoding);
    let (detected, has_sep_line) = detect_delimiter(&text);
    let delimiter = options.delimiter.unwrap_or(detected);
    let body = if has_sep_line {
        text.split_once('\n').map_or("", |(_, rest)| rest)
    } else {
        &text
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    // Sized up front: growing a vector of 100,000 rows copies it into fresh memory again and again.
    let mut rows = Vec::with_capacity(memchr::memchr_iter(b'\n', body.as_bytes()).count() + 1);
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| Error::Import {
            file: path.to_owned(),
            row: Some(i + 1),
            field: None,
            reason: format!("dòng CSV không hợp lệ ({e})"),
        })?;
        let mut cells = Vec::with_capacity(record.len());
        cells.extend(record.iter().map(str::to_owned));
        rows.push(cells);
    }
    Ok(Grid {
        rows,
        sheets: Vec::new(),
        sheet: None,
        encoding: Some(encoding),
        delimiter: Some(delimiter),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_bom_utf8_and_1258() {
        assert_eq!(decode(b"\xEF\xBB\xBFa", None).1, Encoding::Utf8);
        assert_eq!(
            decode(b"\xFF\xFEa\0", None),
            ("a".into(), Encoding::Utf16Le)
        );
        // "Hồ" in Windows-1258: H, o-circumflex (0xF4), combining grave (0xCC).
        let (text, enc) = decode(b"H\xF4\xCC", None);
        assert_eq!(enc, Encoding::Windows1258);
        assert_eq!(crate::text::normalize(&text), "Hồ");
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("sep=;\na;b\n"), (b';', true));
        assert_eq!(
            detect_delimiter("Họ tên;Đơn vị\n\"A, B\";X\nC;Y\n"),
            (b';', false)
        );
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), (b'\t', false));
        assert_eq!(detect_delimiter("a,b\n1,2\n"), (b',', false));
    }

    #[test]
    fn excel_serial_dates_become_text() {
        assert_eq!(excel_date(33_970.0), "01/01/1993");
        assert_eq!(float_text(912_345_678.0), "912345678");
    }
}
