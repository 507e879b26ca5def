//! Reading a file into sheets of cell texts. The kind of file comes from its content,
//! not its name: payroll systems save xlsx as `.xls`, web systems save HTML tables as
//! `.xls`. CSV text has its encoding and delimiter detected. Every sheet keeps where its
//! used range starts, so a message names the row and column the spreadsheet shows.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

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

/// What the content says the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Csv,
    Xlsx,
    Xlsb,
    /// The old binary Excel format (OLE2).
    Xls,
    Ods,
    /// An HTML table saved with a spreadsheet's name.
    Html,
    /// A Word document: each of its tables is a sheet.
    Docx,
}

impl FileType {
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Xlsx => "Excel (.xlsx)",
            Self::Xlsb => "Excel (.xlsb)",
            Self::Xls => "Excel 97-2003 (.xls)",
            Self::Ods => "OpenDocument (.ods)",
            Self::Html => "HTML",
            Self::Docx => "Word (.docx)",
        }
    }
}

/// What the user may override before the file is read again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
}

/// One sheet as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
    /// Where the used range starts (0-based), so `rows[0][0]` is the spreadsheet's
    /// cell at (`first_row`, `first_col`).
    pub first_row: usize,
    pub first_col: usize,
}

impl Sheet {
    /// The row number the spreadsheet shows for `rows[index]` (1-based).
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index + 1
    }

    /// The column letter the spreadsheet shows for `rows[..][col]` ("A", "AB").
    pub fn column_letter(&self, col: usize) -> String {
        column_letter(self.first_col + col)
    }

    /// The widest row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// "A" for 0, "Z" for 25, "AA" for 26.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(index % 26).unwrap_or(0));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// 0 for "A", 27 for "AB"; `None` for anything that is not column letters.
pub fn column_index(letters: &str) -> Option<usize> {
    let mut n = 0usize;
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    for c in letters.chars() {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + usize::from(c as u8 - b'A') + 1;
    }
    Some(n - 1)
}

/// A whole file: every sheet, and what was detected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workbook {
    pub path: PathBuf,
    pub file_type: Option<FileType>,
    pub sheets: Vec<Sheet>,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<u8>,
}

fn refused(path: &Path, reason: impl Into<String>) -> Error {
    Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason: reason.into(),
    }
}

/// An old binary Word document.
pub const OLD_WORD: &str =
    "Tệp Word cũ (.doc): mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập lại";
/// A Rich Text document.
pub const RTF: &str = "Tệp RTF: mở bằng Word hoặc LibreOffice, lưu thành .docx rồi nhập lại";
/// A PDF: its tables are drawings of text, not rows.
pub const PDF: &str = "Tệp PDF không nhập được: hãy xin tệp Word hoặc Excel gốc của danh sách, \
                       hoặc mở tệp PDF bằng Word, lưu thành .docx rồi nhập lại";
/// A file encrypted with a password (Office keeps it in an OLE2 container).
pub const PASSWORD: &str = "Tệp có đặt mật khẩu: mở bằng Excel hoặc Word, bỏ mật khẩu, lưu lại \
                            rồi nhập lại";
/// A text document from `LibreOffice` or `OpenOffice`.
pub const ODT: &str =
    "Tệp văn bản OpenDocument (.odt): mở bằng LibreOffice, lưu thành .docx rồi nhập lại";
/// What the user reads when a spreadsheet library cannot open a file; its own words go
/// to the log.
const BROKEN_SHEET: &str = "tệp bị hỏng hoặc không phải bảng tính Excel/OpenDocument; hãy mở \
                            bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi nhập lại";

/// The kind of file its first bytes say it is. Documents that hold no rows to read (an
/// old `.doc`, RTF, PDF, a password-protected file) are refused here, each with what
/// to do instead.
pub fn sniff(path: &Path) -> Result<FileType> {
    use std::io::Read as _;
    let mut head = [0u8; 600];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
    let head = &head[..n];
    let text_start = {
        let t = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let blank = t.iter().take_while(|b| b.is_ascii_whitespace()).count();
        &t[blank..]
    };
    Ok(if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        let bytes = read_bytes(path)?;
        let has = |name: &str| ole_has_stream(&bytes, name);
        if has("EncryptedPackage") {
            return Err(refused(path, PASSWORD));
        }
        if has("WordDocument") && !has("Workbook") && !has("Book") {
            return Err(refused(path, OLD_WORD));
        }
        FileType::Xls
    } else if head.starts_with(b"PK\x03\x04") {
        if memchr::memmem::find(head, b"opendocument.spreadsheet").is_some() {
            FileType::Ods
        } else if memchr::memmem::find(head, b"opendocument.text").is_some() {
            return Err(refused(path, ODT));
        } else {
            // Part names are stored uncompressed in the zip's directory.
            let bytes = read_bytes(path)?;
            let has = |name: &[u8]| memchr::memmem::find(&bytes, name).is_some();
            if has(b"xl/workbook.bin") {
                FileType::Xlsb
            } else if !has(b"xl/workbook.xml") && has(b"word/") {
                FileType::Docx
            } else {
                FileType::Xlsx
            }
        }
    } else if text_start.starts_with(b"{\\rtf") {
        return Err(refused(path, RTF));
    } else if text_start.starts_with(b"%PDF") {
        return Err(refused(path, PDF));
    } else if looks_html(head) {
        FileType::Html
    } else {
        FileType::Csv
    })
}

/// Whether an OLE2 compound file has a stream named `name`. Directory entries are 128
/// bytes at 128-byte boundaries after the 512-byte header: a UTF-16 name, its length
/// in bytes (with the final NUL) at offset 64, the entry's type (2: stream) at 66.
/// Reading the entries where they lie, rather than the text anywhere, keeps a `.doc`
/// that mentions "Workbook" in its text a `.doc`.
fn ole_has_stream(bytes: &[u8], name: &str) -> bool {
    let wanted: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let len = wanted.len() + 2;
    bytes
        .get(512..)
        .unwrap_or_default()
        .chunks_exact(128)
        .any(|entry| {
            entry.starts_with(&wanted)
                && entry.get(wanted.len()..len) == Some(&[0, 0][..])
                && entry.get(64..66) == Some(&u16::try_from(len).unwrap_or(0).to_le_bytes()[..])
                && entry.get(66) == Some(&2)
        })
}

fn looks_html(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = text.trim_start_matches(['\u{feff}', ' ', '\r', '\n', '\t']);
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<table")
        || (start.starts_with('<') && text.contains("<table"))
}

/// Reads every sheet of `path`.
pub fn read(path: &Path, options: &ReadOptions) -> Result<Workbook> {
    let file_type = sniff(path)?;
    let mut book = match file_type {
        FileType::Csv => read_csv(path, options)?,
        FileType::Html => read_html(path)?,
        FileType::Docx => super::docx::read_docx(path)?,
        _ => read_spreadsheet(path, file_type)?,
    };
    book.file_type = Some(file_type);
    Ok(book)
}

fn read_spreadsheet(path: &Path, file_type: FileType) -> Result<Workbook> {
    use calamine::{Ods, Sheets, Xls, Xlsb, Xlsx, open_workbook};
    let bad = |e: calamine::Error| {
        tracing::warn!(file = %path.display(), error = %e, "spreadsheet unreadable");
        refused(path, BROKEN_SHEET)
    };
    let mut book: Sheets<_> = match file_type {
        FileType::Xls => Sheets::Xls(open_workbook::<Xls<_>, _>(path).map_err(|e| bad(e.into()))?),
        FileType::Xlsb => {
            Sheets::Xlsb(open_workbook::<Xlsb<_>, _>(path).map_err(|e| bad(e.into()))?)
        }
        FileType::Ods => Sheets::Ods(open_workbook::<Ods<_>, _>(path).map_err(|e| bad(e.into()))?),
        _ => Sheets::Xlsx(open_workbook::<Xlsx<_>, _>(path).map_err(|e| bad(e.into()))?),
    };
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(refused(path, "bảng tính không có trang nào"));
    }
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| {
            tracing::warn!(file = %path.display(), sheet = %name, error = %e, "sheet unreadable");
            refused(
                path,
                format!(
                    "không đọc được trang \"{name}\": trang bị hỏng; hãy mở bằng Excel hoặc \
                     LibreOffice, lưu lại thành .xlsx rồi nhập lại"
                ),
            )
        })?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        sheets.push(Sheet {
            name,
            rows,
            first_row: first_row as usize,
            first_col: first_col as usize,
        });
    }
    Ok(Workbook {
        path: path.to_owned(),
        file_type: None,
        sheets,
        encoding: None,
        delimiter: None,
    })
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

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

fn read_csv(path: &Path, options: &ReadOptions) -> Result<Workbook> {
    let bytes = read_bytes(path)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refused(path, "tệp trống"));
    }
    let (text, encoding) = decode(&bytes, options.encoding);
    // NUL bytes and other control characters mean a binary file, not a list.
    let controls = text
        .chars()
        .take(100_000)
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if text.contains('\0') || controls > 20 {
        return Err(refused(
            path,
            "tệp không phải là danh sách (có dữ liệu nhị phân); hãy chọn tệp Excel, Word (.docx) hoặc CSV",
        ));
    }
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
        let record = record.map_err(|e| {
            tracing::warn!(file = %path.display(), row = i + 1, error = %e, "CSV row unreadable");
            Error::Import {
                file: path.to_owned(),
                row: Some(i + 1),
                field: None,
                reason: "dòng CSV không đọc được (dấu ngoặc kép hoặc mã chữ không hợp lệ)".into(),
            }
        })?;
        let mut cells = Vec::with_capacity(record.len());
        cells.extend(record.iter().map(str::to_owned));
        rows.push(cells);
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Workbook {
        path: path.to_owned(),
        file_type: None,
        sheets: vec![Sheet {
            name,
            rows,
            first_row: 0,
            first_col: 0,
        }],
        encoding: Some(encoding),
        delimiter: Some(delimiter),
    })
}

/// An HTML page's tables, each one sheet: rows of `<tr>`, cells of `<td>`/`<th>`, tags
/// dropped and entities decoded. Enough for the "Excel" files web systems export.
fn read_html(path: &Path) -> Result<Workbook> {
    let bytes = read_bytes(path)?;
    let (text, encoding) = decode(&bytes, None);
    let lower = text.to_ascii_lowercase();
    let mut sheets = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<table").map(|i| i + at) {
        let end = lower[start..]
            .find("</table")
            .map_or(lower.len(), |i| i + start);
        let rows = html_rows(&text[start..end], &lower[start..end]);
        if !rows.is_empty() {
            sheets.push(Sheet {
                name: format!("Bảng {}", sheets.len() + 1),
                rows,
                first_row: 0,
                first_col: 0,
            });
        }
        at = end + 1;
        if at >= lower.len() {
            break;
        }
    }
    if sheets.is_empty() {
        return Err(refused(path, "trang HTML không có bảng nào"));
    }
    Ok(Workbook {
        path: path.to_owned(),
        file_type: None,
        sheets,
        encoding: Some(encoding),
        delimiter: None,
    })
}

fn html_rows(text: &str, lower: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (i, _) in lower.match_indices("<tr") {
        let end = lower[i + 3..]
            .find("<tr")
            .map_or(lower.len(), |j| j + i + 3);
        let (row, row_lower) = (&text[i..end], &lower[i..end]);
        let mut cells = Vec::new();
        let starts: Vec<usize> = row_lower
            .match_indices("<td")
            .chain(row_lower.match_indices("<th"))
            .map(|(j, _)| j)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for (n, &s) in starts.iter().enumerate() {
            let stop = starts.get(n + 1).copied().unwrap_or(row.len());
            let Some(open_end) = row[s..stop].find('>') else {
                continue;
            };
            cells.push(html_text(&row[s + open_end + 1..stop]));
        }
        rows.push(cells);
    }
    rows
}

/// The text of an HTML fragment: tags dropped, `<br>` a space, entities decoded.
fn html_text(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut text = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find('&') {
        text.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        if let (Some(e), Some(c)) = (end, decoded) {
            text.push(c);
            rest = &rest[e + 1..];
        } else {
            text.push('&');
            rest = &rest[1..];
        }
    }
    text.push_str(rest);
    crate::text::normalize(&text)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "nbsp" => Some(' '),
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
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

    #[test]
    fn column_letters_both_ways() {
        for (i, l) in [
            (0, "A"),
            (3, "D"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letter(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("b"), Some(1));
        assert_eq!(column_index("1"), None);
    }

    #[test]
    fn html_tables_read_as_sheets() {
        let html = "<table><tr><th>Họ và tên</th><th>Đơn vị</th></tr><tr><td>Trần&nbsp;Văn <b>Luân</b></td><td>CA x&#227; A</td></tr></table>";
        let rows = html_rows(html, &html.to_ascii_lowercase());
        assert_eq!(
            rows,
            [["Họ và tên", "Đơn vị"], ["Trần Văn Luân", "CA xã A"]]
        );
    }
}
