//! XLSX lists that open cleanly in Excel and print like the PDF: merged title rows, a
//! bold header repeated on every printed page and frozen on screen, column widths, fit
//! to the page width, numbers as numbers, dates as dates, phones as text.
//!
//! No cell is ever a formula: text is always written as a string, and text that Excel
//! would read as a formula once edited (= + - @, tab, CR) carries the quote prefix.

use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::sheet::{Align, Cell, Sheet};
use crate::domain::{Conference, date};
use crate::error::{Error, Result};

#[allow(clippy::needless_pass_by_value, reason = "used as map_err(err)")]
fn err(e: XlsxError) -> Error {
    Error::Write {
        format: "XLSX",
        detail: e.to_string(),
    }
}

/// True for text a spreadsheet could take for a formula.
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    band: Format,
    text: [Format; 3],
    formula_like: Format,
    money: Format,
    date: Format,
    time: Format,
    bold_text: Format,
    bold_int: Format,
    bold_money: Format,
    note: Format,
    /// A paragraph of a document, wrapped across the merged row.
    para: Format,
    /// An id an import matches on: text, not wrapped, greyed.
    id: Format,
}

impl Formats {
    fn new() -> Self {
        // Data cells carry no borders: the sheet prints its gridlines instead, and a
        // column format serves every plain cell, so 100,000 rows need no per-cell style.
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        let aligned = |a: FormatAlign| base.clone().set_align(a);
        Self {
            title: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(14)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            subtitle: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(13)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            header: base
                .clone()
                .set_border(FormatBorder::Thin)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0x00D9_E2F3),
            band: base.clone().set_bold(),
            text: [
                aligned(FormatAlign::Left),
                aligned(FormatAlign::Center),
                aligned(FormatAlign::Right),
            ],
            formula_like: base.clone().set_quote_prefix(),
            money: base.clone().set_num_format("#,##0"),
            date: base.clone().set_num_format("dd/mm/yyyy"),
            time: base.clone().set_num_format("hh:mm dd/mm/yyyy"),
            bold_text: base.clone().set_bold(),
            bold_int: base.clone().set_bold().set_align(FormatAlign::Center),
            bold_money: base.clone().set_bold().set_num_format("#,##0"),
            note: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
                .set_italic(),
            para: base.clone().set_align(FormatAlign::Left),
            id: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(10)
                .set_font_color(0x0080_8080)
                .set_align(FormatAlign::Top)
                .set_num_format("@"),
        }
    }
}

fn excel_date(iso: &str) -> Option<ExcelDateTime> {
    let d = date::parse(iso)?;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// A stored instant as local date and time, the way the desk showed it.
fn excel_time(stamp: &str) -> Option<ExcelDateTime> {
    let z = stamp
        .parse::<jiff::Timestamp>()
        .ok()?
        .to_zoned(jiff::tz::TimeZone::system());
    ExcelDateTime::from_ymd(
        u16::try_from(z.year()).ok()?,
        u8::try_from(z.month()).ok()?,
        u8::try_from(z.day()).ok()?,
    )
    .ok()?
    .and_hms(
        u16::try_from(z.hour()).ok()?,
        u8::try_from(z.minute()).ok()?,
        z.second(),
    )
    .ok()
}

#[allow(
    clippy::cast_precision_loss,
    reason = "row numbers and amounts far below 2^53"
)]
fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    cell: &Cell,
    align: Align,
    bold: bool,
) -> Result<(), XlsxError> {
    let text_format = if bold {
        &f.bold_text
    } else {
        &f.text[align as usize]
    };
    match cell {
        Cell::Text(s) | Cell::Phone(s) if looks_like_formula(s) => {
            ws.write_string_with_format(row, col, s, &f.formula_like)?;
        }
        Cell::Text(s) | Cell::Phone(s) if bold => {
            ws.write_string_with_format(row, col, s, &f.bold_text)?;
        }
        // The column's format applies.
        Cell::Text(s) | Cell::Phone(s) => {
            ws.write_string(row, col, s)?;
        }
        Cell::Int(n) if bold => {
            ws.write_number_with_format(row, col, *n as f64, &f.bold_int)?;
        }
        Cell::Int(n) => {
            ws.write_number(row, col, *n as f64)?;
        }
        Cell::Money(n) => {
            let fmt = if bold { &f.bold_money } else { &f.money };
            ws.write_number_with_format(row, col, *n as f64, fmt)?;
        }
        Cell::Date(d) => match excel_date(d) {
            Some(x) => {
                ws.write_datetime_with_format(row, col, &x, &f.date)?;
            }
            None => {
                ws.write_string_with_format(row, col, d, text_format)?;
            }
        },
        Cell::Time(t) => match excel_time(t) {
            Some(x) => {
                ws.write_datetime_with_format(row, col, &x, &f.time)?;
            }
            None => {
                ws.write_string_with_format(row, col, t, text_format)?;
            }
        },
        Cell::Blank if bold => {
            ws.write_blank(row, col, text_format)?;
        }
        Cell::Blank => {}
    }
    Ok(())
}

/// Writes `sheet` as an XLSX workbook. `progress(done, total)` returns false to cancel.
pub fn write(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    // Fast deflate: at 100,000 rows level 6 spent most of the time compressing.
    book.set_zip_compression_level(1);
    let f = Formats::new();
    if !sheet.blocks.is_empty() {
        document(book.add_worksheet(), &f, sheet, conference)?;
        progress(1, 1);
    } else if sheet.sheet_per_section {
        let mut names = Vec::new();
        let total = sheet.sections.len();
        for (i, section) in sheet.sections.iter().enumerate() {
            let ws = book.add_worksheet();
            per_section(ws, &f, sheet, section, conference, &mut names)?;
            if !progress(i + 1, total) {
                return Err(Error::Cancelled);
            }
        }
    } else {
        // Rows go straight to a temporary file as written, with inline strings: no
        // shared-string table to hash, and memory stays flat however long the list.
        let ws = book.add_worksheet_with_constant_memory().map_err(err)?;
        fill(ws, &f, sheet, conference, progress)?;
    }
    book.save_to_buffer().map_err(err)
}

/// A worksheet's name from `text`: without the characters Excel refuses, at most 31
/// long, unlike the names already given.
fn sheet_name(text: &str, taken: &mut Vec<String>) -> String {
    let clean: String = text.chars().filter(|c| !"[]:*?/\\".contains(*c)).collect();
    let clean = clean.trim().trim_matches('\'');
    let base = if clean.is_empty() { "Trang" } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let head: String = base.chars().take(31 - suffix.chars().count()).collect();
        let name = format!("{}{suffix}", head.trim_end());
        if !taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
        {
            taken.push(name.clone());
            return name;
        }
        n += 1;
    }
}

/// How tall a merged line of `chars` characters is across `width` characters of
/// columns, in points.
fn wrapped_height(chars: usize, width: f64) -> f64 {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a paragraph's length, far below 2^52"
    )]
    let lines = (chars as f64 / width.max(10.0)).ceil().max(1.0);
    16.0 * lines
}

/// Widths in characters of the sheet's columns, as the column formats are set.
/// The columns' headers on `row`, frozen and repeated on every printed page.
fn write_header(ws: &mut Worksheet, f: &Formats, sheet: &Sheet, row: u32) -> Result<()> {
    for (i, c) in sheet.columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        ws.write_string_with_format(row, col, c.header, &f.header)
            .map_err(err)?;
    }
    ws.set_freeze_panes(row + 1, 0).map_err(err)?;
    ws.set_repeat_rows(row, row).map_err(err)?;
    Ok(())
}

fn set_columns(ws: &mut Worksheet, f: &Formats, sheet: &Sheet) -> Result<f64> {
    let mut total = 0.0;
    for (i, c) in sheet.columns.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        let chars = column_chars(sheet, i, c);
        total += chars;
        ws.set_column_width(col, chars).map_err(err)?;
        let format = if c.data_only {
            &f.id
        } else {
            &f.text[c.align as usize]
        };
        ws.set_column_format(col, format).map_err(err)?;
    }
    Ok(total)
}

/// One section on a worksheet of its own, named after it (a unit's follow-up sheet).
/// The layout is fixed, as the import of answers reads it back: the issuing unit, the
/// title, the subtitle, the section's heading, the intro's lines, an empty row, then
/// the header row and one row per record; nothing below them.
fn per_section(
    ws: &mut Worksheet,
    f: &Formats,
    sheet: &Sheet,
    section: &super::sheet::Section,
    conference: &Conference,
    names: &mut Vec<String>,
) -> Result<()> {
    let heading = section.heading.as_deref().unwrap_or(&sheet.file_stem);
    // "Đơn vị chủ trì giải quyết: Phòng Hậu cần" is named "Phòng Hậu cần".
    let name = heading.rsplit(": ").next().unwrap_or(heading);
    ws.set_name(sheet_name(name, names)).map_err(err)?;
    page_setup(ws, sheet);
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
    let width = set_columns(ws, f, sheet)?;
    let line = |ws: &mut Worksheet, row: u32, text: &str, fmt: &Format| {
        ws.merge_range(row, 0, row, last_col, text, fmt)
            .map(|_| ())
            .map_err(err)
    };
    line(ws, 0, &conference.issuing_unit.to_uppercase(), &f.subtitle)?;
    line(ws, 1, &sheet.title.to_uppercase(), &f.title)?;
    ws.set_row_height(1, 24).map_err(err)?;
    line(ws, 2, &sheet.subtitle, &f.subtitle)?;
    line(ws, 3, heading, &f.subtitle)?;
    let mut row = 4;
    for p in &sheet.intro {
        line(ws, row, p, &f.para)?;
        ws.set_row_height(row, wrapped_height(p.chars().count(), width))
            .map_err(err)?;
        row += 1;
    }
    row += 1;
    let header_row = row;
    write_header(ws, f, sheet, header_row)?;
    row += 1;
    for r in &section.rows {
        for (i, cell) in r.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let column = sheet.columns.get(i);
            if column.is_some_and(|c| c.data_only)
                && let Cell::Text(id) = cell
            {
                ws.write_string_with_format(row, col, id, &f.id)
                    .map_err(err)?;
                continue;
            }
            let align = column.map_or(Align::Left, |c| c.align);
            write_cell(ws, f, row, col, cell, align, false).map_err(err)?;
        }
        row += 1;
    }
    if row > header_row + 1 {
        for (i, c) in sheet.columns.iter().enumerate() {
            if c.choices.is_empty() {
                continue;
            }
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let offered = rust_xlsxwriter::DataValidation::new()
                .allow_list_strings(c.choices)
                .map_err(err)?
                .set_error_style(rust_xlsxwriter::DataValidationErrorStyle::Warning);
            ws.add_data_validation(header_row + 1, col, row - 1, col, &offered)
                .map_err(err)?;
        }
    }
    Ok(())
}

/// A document's headings, paragraphs and tables one below the other (the report's
/// figures, to reuse); its tables' columns share the sheet's columns.
fn document(ws: &mut Worksheet, f: &Formats, sheet: &Sheet, conference: &Conference) -> Result<()> {
    use super::sheet::Block;
    let name: String = sheet
        .file_stem
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(name).map_err(err)?;
    page_setup(ws, sheet);
    let tables: Vec<Sheet> = sheet
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.sheet()),
            Block::Heading(_) | Block::Para(_) => None,
        })
        .collect();
    let columns = tables
        .iter()
        .map(|t| t.columns.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut width = 0.0;
    for i in 0..columns {
        let chars = tables
            .iter()
            .filter_map(|t| t.columns.get(i).map(|c| column_chars(t, i, c)))
            .fold(4.0f64, f64::max);
        width += chars;
        ws.set_column_width(u16::try_from(i).unwrap_or(u16::MAX), chars)
            .map_err(err)?;
    }
    let last_col = u16::try_from(columns - 1).unwrap_or(0);
    let line = |ws: &mut Worksheet, row: u32, text: &str, fmt: &Format| {
        if last_col == 0 {
            ws.write_string_with_format(row, 0, text, fmt).map(|_| ())
        } else {
            ws.merge_range(row, 0, row, last_col, text, fmt).map(|_| ())
        }
        .map_err(err)
    };
    let mut row: u32 = 0;
    if !conference.issuing_unit.is_empty() {
        line(
            ws,
            row,
            &conference.issuing_unit.to_uppercase(),
            &f.subtitle,
        )?;
        row += 1;
    }
    line(ws, row, &sheet.title.to_uppercase(), &f.title)?;
    ws.set_row_height(row, 24).map_err(err)?;
    row += 1;
    if !sheet.subtitle.is_empty() {
        line(ws, row, &sheet.subtitle, &f.subtitle)?;
        ws.set_row_height(row, wrapped_height(sheet.subtitle.chars().count(), width))
            .map_err(err)?;
        row += 1;
    }
    row += 1;
    let mut tables = tables.iter();
    for block in &sheet.blocks {
        match block {
            Block::Heading(text) => {
                line(ws, row, text, &f.band)?;
                row += 1;
            }
            Block::Para(p) => {
                line(ws, row, &p.text, &f.para)?;
                ws.set_row_height(row, wrapped_height(p.text.chars().count(), width))
                    .map_err(err)?;
                row += 1;
            }
            Block::Table(_) => {
                let Some(t) = tables.next() else { continue };
                for (i, c) in t.columns.iter().enumerate() {
                    let col = u16::try_from(i).unwrap_or(u16::MAX);
                    ws.write_string_with_format(row, col, c.header, &f.header)
                        .map_err(err)?;
                }
                row += 1;
                for s in &t.sections {
                    if let Some(h) = &s.heading {
                        line(ws, row, h, &f.band)?;
                        row += 1;
                    }
                    for (r, bold) in s
                        .rows
                        .iter()
                        .map(|r| (r, false))
                        .chain(s.total.iter().map(|r| (r, true)))
                    {
                        for (i, cell) in r.iter().enumerate() {
                            let col = u16::try_from(i).unwrap_or(u16::MAX);
                            let align = t.columns.get(i).map_or(Align::Left, |c| c.align);
                            // Columns differ from table to table: each cell carries its
                            // own format.
                            let plain = &f.text[align as usize];
                            match cell {
                                Cell::Text(text) if !bold && !looks_like_formula(text) => {
                                    ws.write_string_with_format(row, col, text, plain)
                                        .map_err(err)?;
                                }
                                Cell::Int(n) if !bold => {
                                    #[allow(
                                        clippy::cast_precision_loss,
                                        reason = "counts far below 2^52"
                                    )]
                                    let n = *n as f64;
                                    ws.write_number_with_format(row, col, n, plain)
                                        .map_err(err)?;
                                }
                                _ => {
                                    write_cell(ws, f, row, col, cell, align, bold).map_err(err)?;
                                }
                            }
                        }
                        row += 1;
                    }
                }
                row += 1;
            }
        }
    }
    Ok(())
}

/// A4, the orientation of the list, Decree 30 margins, fit to the page's width,
/// gridlines, page numbers in the footer.
fn page_setup(ws: &mut Worksheet, sheet: &Sheet) {
    ws.set_paper_size(9); // A4
    if sheet.landscape {
        ws.set_landscape();
    }
    ws.set_margins(1.18, 0.59, 0.79, 0.79, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_gridlines(true);
    ws.set_footer("&CTrang &P/&N");
}

fn fill(
    ws: &mut Worksheet,
    f: &Formats,
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<()> {
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
    // Sheet names cannot hold some characters and are at most 31 long.
    let name: String = sheet
        .file_stem
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(name).map_err(err)?;
    page_setup(ws, sheet);
    set_columns(ws, f, sheet)?;

    let mut row: u32 = 0;
    let line = |ws: &mut Worksheet, row: u32, text: &str, fmt: &Format| {
        if last_col == 0 {
            ws.write_string_with_format(row, 0, text, fmt).map(|_| ())
        } else {
            ws.merge_range(row, 0, row, last_col, text, fmt).map(|_| ())
        }
    };
    if !conference.issuing_unit.is_empty() {
        line(
            ws,
            row,
            &conference.issuing_unit.to_uppercase(),
            &f.subtitle,
        )
        .map_err(err)?;
        row += 1;
    }
    line(ws, row, &sheet.title.to_uppercase(), &f.title).map_err(err)?;
    ws.set_row_height(row, 24).map_err(err)?;
    row += 1;
    if !sheet.subtitle.is_empty() {
        line(ws, row, &sheet.subtitle, &f.subtitle).map_err(err)?;
        row += 1;
    }
    for p in &sheet.intro {
        line(ws, row, p, &f.note).map_err(err)?;
        row += 1;
    }
    row += 1;
    let header_row = row;
    write_header(ws, f, sheet, header_row)?;
    row += 1;

    let total = sheet.row_count();
    let mut done = 0;
    let single = sheet.sections.len() == 1 && sheet.sections[0].heading.is_none();
    for section in &sheet.sections {
        if let Some(h) = &section.heading {
            line(ws, row, h, &f.band).map_err(err)?;
            row += 1;
        }
        for r in &section.rows {
            for (i, cell) in r.iter().enumerate() {
                let col = u16::try_from(i).unwrap_or(u16::MAX);
                let align = sheet.columns.get(i).map_or(Align::Left, |c| c.align);
                write_cell(ws, f, row, col, cell, align, false).map_err(err)?;
            }
            row += 1;
            done += 1;
            if done % 1024 == 0 && !progress(done, total) {
                return Err(Error::Cancelled);
            }
        }
        if let Some(t) = &section.total {
            for (i, cell) in t.iter().enumerate() {
                let col = u16::try_from(i).unwrap_or(u16::MAX);
                write_cell(ws, f, row, col, cell, Align::Left, true).map_err(err)?;
            }
            row += 1;
        }
        if let Some(foot) = &section.footer {
            line(ws, row, foot, &f.note).map_err(err)?;
            row += 1;
        }
    }
    if single && row > header_row + 1 {
        ws.autofilter(header_row, 0, row - 1, last_col)
            .map_err(err)?;
    }
    row += 1;
    for p in &sheet.closing {
        line(ws, row, p, &f.note).map_err(err)?;
        row += 1;
    }
    progress(total, total);
    Ok(())
}

/// A column's width in characters, from its content as on paper: the longest cell on one
/// line up to 45 characters (longer text wraps), never less than the header's longest
/// word, short headers whole; a signature column as wide as 35 mm.
fn column_chars(sheet: &Sheet, i: usize, c: &super::sheet::Column) -> f64 {
    if c.xlsx_chars > 0 {
        return f64::from(c.xlsx_chars);
    }
    let words = |t: &str| {
        t.split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
    };
    let header = if c.header.chars().count() <= 12 {
        c.header.chars().count()
    } else {
        words(c.header)
    };
    let longest = sheet.longest_cells(i, 1).first().map_or(0, |t| {
        t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    });
    let cap = if c.whole { 60 } else { 45 };
    let signature = if c.min_mm > 0.0 { 18 } else { 0 };
    let chars = header.max(longest.min(cap)).max(signature).max(4) + 2;
    f64::from(u32::try_from(chars).unwrap_or(60))
}
