//! Word documents (.docx): every table of the document read as a sheet ("Bảng 1", …),
//! so a list typed as a Word table goes through the same preview, mapping, legacy-font
//! detection and row/column numbers as a spreadsheet. Rows are the table's rows and
//! columns its grid columns: a cell spanning columns (`w:gridSpan`) keeps its text in
//! its first column and leaves the others empty; a cell merged down (`w:vMerge`) gives
//! its text to every row it spans. Paragraphs, breaks and tabs inside a cell become
//! spaces; text inside hyperlinks, content controls, smart tags, fields and insertions
//! is kept, deleted text is dropped; a table inside a cell becomes text of that cell.
//! Paragraphs outside tables (the title, the signatures) are not read.

use std::io::Read as _;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::read::{Sheet, Workbook};
use crate::error::{Error, Result};

/// A document part larger than this is refused rather than read into memory.
const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;
/// Grid columns beyond this (spans that add up to more) are dropped: no list is that
/// wide, and a damaged file must not make a row of millions of cells.
const MAX_COLUMNS: usize = 1_000;

/// What the user is told when the file is not a Word document we can open; the
/// library's own words go to the log.
const BROKEN: &str = "tệp Word bị hỏng hoặc không phải tệp .docx; hãy mở bằng Word hoặc \
                      LibreOffice, lưu lại thành .docx rồi nhập lại";

fn refused(path: &Path, reason: impl Into<String>) -> Error {
    Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason: reason.into(),
    }
}

/// Reads every table of a .docx as a sheet.
pub(super) fn read_docx(path: &Path) -> Result<Workbook> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let broken = |what: &str, e: &dyn std::fmt::Display| {
        tracing::warn!(file = %path.display(), error = %e, "docx: {what}");
        refused(path, BROKEN)
    };
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| broken("not a zip archive", &e))?;
    let part = main_part(&mut zip);
    let xml = read_part(&mut zip, &part).map_err(|e| broken("main part unreadable", &e))?;
    let tables = tables(&xml).map_err(|e| broken("main part is not well-formed XML", &e))?;
    let sheets: Vec<Sheet> = tables
        .into_iter()
        .filter(|(_, rows)| rows.iter().flatten().any(|c| !c.is_empty()))
        .map(|(n, rows)| Sheet {
            name: format!("Bảng {n}"),
            rows,
            first_row: 0,
            first_col: 0,
        })
        .collect();
    if sheets.is_empty() {
        return Err(refused(
            path,
            "tài liệu Word không có bảng nào; danh sách cần nằm trong một bảng (mỗi người \
             một dòng), hoặc chép sang Excel rồi nhập tệp Excel",
        ));
    }
    Ok(Workbook {
        path: path.to_owned(),
        file_type: None,
        sheets,
        encoding: None,
        delimiter: None,
    })
}

/// The document's main part, as its package relationships name it; Word's usual name
/// when they do not.
fn main_part<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> String {
    const USUAL: &str = "word/document.xml";
    let Ok(rels) = read_part(zip, "_rels/.rels") else {
        return USUAL.into();
    };
    let mut reader = Reader::from_str(&rels);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let is_main = attribute(&e, "Type").is_some_and(|t| t.ends_with("/officeDocument"));
                if let Some(target) = attribute(&e, "Target").filter(|_| is_main) {
                    let target = target.trim_start_matches('/').to_owned();
                    if zip.index_for_name(&target).is_some() {
                        return target;
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => return USUAL.into(),
            Ok(_) => {}
        }
    }
}

/// A part of the package as text (UTF-8, or UTF-16 with its byte-order mark).
fn read_part<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> std::result::Result<String, Box<dyn std::error::Error>> {
    let file = zip.by_name(name)?;
    if file.size() > MAX_PART_BYTES {
        return Err(format!("{name} is {} bytes", file.size()).into());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
    file.take(MAX_PART_BYTES).read_to_end(&mut bytes)?;
    let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
    Ok(text.into_owned())
}

/// The value of the attribute whose local name is `name` (`w:val` → "val").
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// `w:val` as a number of grid columns.
fn count(e: &BytesStart<'_>) -> usize {
    attribute(e, "val")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .min(1_000)
}

/// A cell merged down: the first cell of the merge or one under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    Restart,
    Continue,
}

#[derive(Debug, Default)]
struct Cell {
    /// The grid column it starts at.
    col: usize,
    span: usize,
    vmerge: Option<VMerge>,
    /// Covered by the cell on its left (the old `w:hMerge`): its text is that cell's.
    hmerge_continue: bool,
    paragraphs: Vec<String>,
    paragraph: String,
}

impl Cell {
    fn end_paragraph(&mut self) {
        if !self.paragraph.trim().is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.paragraph));
        }
        self.paragraph.clear();
    }
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    /// A row deleted with changes tracked.
    deleted: bool,
}

#[derive(Debug, Default)]
struct Table {
    /// Columns of the table's grid (`w:gridCol`).
    grid: usize,
    rows: Vec<Vec<String>>,
    row: Option<Row>,
    cell: Option<Cell>,
    /// For each grid column in a vertical merge, the text of the merge's first cell.
    carry: Vec<Option<String>>,
}

impl Table {
    fn end_cell(&mut self) {
        let (Some(mut cell), Some(row)) = (self.cell.take(), self.row.as_mut()) else {
            return;
        };
        cell.end_paragraph();
        let text = crate::text::normalize(&symbol_font(&cell.paragraphs.join(" ")));
        let col = cell.col;
        if col >= MAX_COLUMNS {
            return;
        }
        cell.span = cell.span.min(MAX_COLUMNS - col);
        if self.carry.len() < col + cell.span {
            self.carry.resize(col + cell.span, None);
        }
        let value = match cell.vmerge {
            Some(VMerge::Restart) => {
                self.carry[col] = Some(text.clone());
                text
            }
            Some(VMerge::Continue) => self.carry[col].clone().unwrap_or(text),
            None => {
                for c in &mut self.carry[col..col + cell.span] {
                    *c = None;
                }
                if cell.hmerge_continue {
                    String::new()
                } else {
                    text
                }
            }
        };
        row.cells.push(value);
        row.cells
            .extend(std::iter::repeat_n(String::new(), cell.span - 1));
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(mut row) = self.row.take()
            && !row.deleted
        {
            if row.cells.len() < self.grid {
                row.cells.resize(self.grid, String::new());
            }
            self.rows.push(row.cells);
        }
    }

    /// All rows as wide as the widest.
    fn finish(mut self) -> Vec<Vec<String>> {
        self.end_row();
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        for r in &mut self.rows {
            r.resize(width, String::new());
        }
        self.rows
    }
}

/// Text typed in a symbol-charset font is stored in the private-use area (U+F020 …
/// U+F0FF): Word's own mapping; the legacy-font detection reads the byte it stands for.
fn symbol_font(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(|c| ('\u{f020}'..='\u{f0ff}').contains(&c)) {
        text.chars()
            .map(|c| {
                if ('\u{f020}'..='\u{f0ff}').contains(&c) {
                    char::from_u32(u32::from(c) - 0xF000).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// A table's number in the document (1-based) and its rows of cell texts.
pub(super) type Numbered = (usize, Vec<Vec<String>>);

/// Every top-level table of a document part, numbered in document order (1-based), as
/// rows of cell texts.
pub(super) fn tables(xml: &str) -> std::result::Result<Vec<Numbered>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut numbered = 0usize;
    // Open tables, outermost first; a table inside a cell is pushed on top.
    let mut open: Vec<Table> = Vec::new();
    let mut in_text = false;
    // Inside deleted text (`w:del`, `w:moveFrom`) or a content control showing its
    // placeholder: no text is taken.
    let mut dropped = 0usize;
    // For each open content control, whether it shows its placeholder.
    let mut controls: Vec<bool> = Vec::new();
    loop {
        let event = reader.read_event()?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "tbl" => open.push(Table::default()),
                    "tr" => {
                        if let Some(t) = open.last_mut() {
                            t.end_row();
                            t.row = Some(Row::default());
                        }
                    }
                    "tc" => {
                        if let Some(t) = open.last_mut() {
                            t.end_cell();
                            let col = t.row.as_ref().map_or(0, |r| r.cells.len());
                            if t.row.is_none() {
                                t.row = Some(Row::default());
                            }
                            t.cell = Some(Cell {
                                col,
                                span: 1,
                                ..Cell::default()
                            });
                        }
                    }
                    "t" => in_text = true,
                    "del" | "moveFrom" => dropped += 1,
                    "sdt" => controls.push(false),
                    "sdtContent" if controls.last() == Some(&true) => dropped += 1,
                    // The picture a newer Word draws in place of the choice it also
                    // wrote: the same text twice.
                    "Fallback" => {
                        reader.read_to_end(e.name())?;
                    }
                    "vMerge" | "gridSpan" | "hMerge" | "gridBefore" | "gridAfter" | "gridCol"
                    | "showingPlcHdr" => property(&mut open, &mut controls, &e),
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" | "br" | "cr" if dropped == 0 => push_text(&mut open, " "),
                "noBreakHyphen" if dropped == 0 => push_text(&mut open, "-"),
                "del" => {
                    // In a row's properties: the row was deleted with changes tracked.
                    if let Some(row) = open
                        .last_mut()
                        .filter(|t| t.cell.is_none())
                        .and_then(|t| t.row.as_mut())
                    {
                        row.deleted = true;
                    }
                }
                _ => property(&mut open, &mut controls, &e),
            },
            Event::Text(t) if in_text && dropped == 0 => {
                push_text(&mut open, &t.xml10_content());
            }
            Event::GeneralRef(r) if in_text && dropped == 0 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    Ok(None) => match &*r {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                    Err(_) => None,
                };
                if let Some(c) = c {
                    push_text(&mut open, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.end_paragraph();
                    }
                }
                "tc" => {
                    if let Some(t) = open.last_mut() {
                        t.end_cell();
                    }
                }
                "tr" => {
                    if let Some(t) = open.last_mut() {
                        t.end_row();
                    }
                }
                "tbl" => {
                    let Some(table) = open.pop() else {
                        continue;
                    };
                    let rows = table.finish();
                    // A table inside a cell: its text belongs to that cell.
                    if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
                        cell.end_paragraph();
                        let text: Vec<&str> = rows
                            .iter()
                            .flatten()
                            .map(String::as_str)
                            .filter(|c| !c.is_empty())
                            .collect();
                        cell.paragraph = text.join(" ");
                        cell.end_paragraph();
                    } else {
                        // At the top, or (malformed) outside any cell of another: a
                        // table of its own.
                        numbered += 1;
                        out.push((numbered, rows));
                    }
                }
                "del" | "moveFrom" => dropped = dropped.saturating_sub(1),
                "sdtContent" if controls.last() == Some(&true) => {
                    dropped = dropped.saturating_sub(1);
                }
                "sdt" => {
                    controls.pop();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    // A document cut short: what was read so far still counts.
    while let Some(table) = open.pop() {
        numbered += 1;
        out.push((numbered, table.finish()));
    }
    Ok(out)
}

fn push_text(open: &mut [Table], text: &str) {
    if let Some(cell) = open.last_mut().and_then(|t| t.cell.as_mut()) {
        cell.paragraph.push_str(text);
    }
}

/// A table, row or cell property, or a content control's placeholder flag.
fn property(open: &mut [Table], controls: &mut [bool], e: &BytesStart<'_>) {
    let name = e.local_name();
    if name.as_ref() == "showingPlcHdr" {
        if let Some(c) = controls.last_mut() {
            *c = true;
        }
        return;
    }
    let Some(t) = open.last_mut() else {
        return;
    };
    match name.as_ref() {
        "gridCol" => t.grid += 1,
        "gridBefore" => {
            if t.cell.is_none()
                && let Some(row) = t.row.as_mut()
            {
                let n = count(e).min(MAX_COLUMNS.saturating_sub(row.cells.len()));
                row.cells.extend(std::iter::repeat_n(String::new(), n));
            }
        }
        "gridSpan" => {
            if let Some(cell) = t.cell.as_mut() {
                cell.span = count(e).max(1);
            }
        }
        "vMerge" => {
            if let Some(cell) = t.cell.as_mut() {
                cell.vmerge = Some(match attribute(e, "val").as_deref() {
                    Some("restart") => VMerge::Restart,
                    _ => VMerge::Continue,
                });
            }
        }
        "hMerge" => {
            if let Some(cell) = t.cell.as_mut() {
                cell.hmerge_continue = attribute(e, "val").as_deref() != Some("restart");
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn doc(body: &str) -> String {
        format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>")
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn tc(props: &str, content: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
    }

    fn rows(xml: &str) -> Vec<Vec<String>> {
        let mut t = tables(&doc(xml)).expect("well-formed");
        assert_eq!(t.len(), 1, "{t:?}");
        t.remove(0).1
    }

    #[test]
    fn merged_cells_fill_their_rows_and_spans_keep_columns() {
        let grid = "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>";
        let xml = format!(
            "{}<w:tbl>{grid}\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr>\
             </w:tbl>{}",
            p("DANH SÁCH"),
            tc("", &p("STT")),
            tc("", &p("Họ và tên")),
            tc("", &p("Đơn vị")),
            tc("<w:gridSpan w:val=\"3\"/>", &p("I. Lãnh đạo")),
            tc("", &p("1")),
            tc("", &p("Nguyễn Văn An")),
            tc(
                "<w:vMerge w:val=\"restart\"/>",
                &(p("Công an") + &p("xã Long Trị"))
            ),
            tc("", &p("2")),
            tc("", &p("Lê Thị Bích")),
            tc("<w:vMerge/>", "<w:p/>"),
            tc("", &p("Trần Văn Luân")),
            tc("", &p("Công an phường I")),
            p("Người lập biểu"),
        );
        assert_eq!(
            rows(&xml),
            [
                ["STT", "Họ và tên", "Đơn vị"],
                ["I. Lãnh đạo", "", ""],
                ["1", "Nguyễn Văn An", "Công an xã Long Trị"],
                ["2", "Lê Thị Bích", "Công an xã Long Trị"],
                ["", "Trần Văn Luân", "Công an phường I"],
            ]
        );
    }

    #[test]
    fn text_as_word_stores_it() {
        let cell = "<w:p><w:hyperlink r:id=\"x\"><w:r><w:t>Nguyễn</w:t></w:r></w:hyperlink>\
                    <w:r><w:tab/><w:t>Văn</w:t></w:r><w:del><w:r><w:delText>Xoá</w:delText></w:r></w:del>\
                    <w:ins><w:r><w:t> An</w:t></w:r></w:ins>\
                    <w:smartTag><w:r><w:t xml:space=\"preserve\"> &amp;&#x20;Cộng</w:t></w:r></w:smartTag></w:p>\
                    <w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>sự</w:t></w:r></w:p></w:sdtContent></w:sdt>\
                    <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click here</w:t></w:r></w:p></w:sdtContent></w:sdt>\
                    <w:p><w:fldSimple w:instr=\"PAGE\"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p><w:p>\
                    <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK x</w:instrText></w:r>\
                    <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>kết</w:t></w:r>\
                    <w:r><w:br/><w:t>quả</w:t></w:r></w:p>";
        let nested = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            tc("", &p("trong")),
            tc("", &p("bảng")),
            tc("", &p("con"))
        );
        let xml = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("", cell),
            tc("", &p("B")),
            tc("", &(p("ngoài") + &nested + "<w:p/>")),
            tc("", &p("D"))
        );
        assert_eq!(
            rows(&xml),
            [
                ["Nguyễn Văn An & Cộng sự 7 kết quả", "B"],
                ["ngoài trong bảng con", "D"]
            ]
        );
    }

    #[test]
    fn deleted_rows_and_fallback_pictures_are_not_read() {
        let xml = format!(
            "<w:tbl><w:tr><w:trPr><w:del w:id=\"1\"/></w:trPr>{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            tc("", &p("gone")),
            tc(
                "",
                "<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>x</w:t></mc:Choice>\
                 <mc:Fallback><w:t>x</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
            ),
        );
        assert_eq!(rows(&xml), [["x"]]);
    }

    proptest::proptest! {
        /// Any nesting of the parts of a table, closed or not, in any order, reads
        /// without a panic, and every row of a table is as wide as the widest.
        #[test]
        fn damaged_tables_never_panic(parts in proptest::collection::vec(0..16_usize, 0..60)) {
            const PARTS: [&str; 16] = [
                "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>",
                "<w:p>", "</w:p>", "<w:t>x</w:t>", "<w:vMerge/>",
                "<w:vMerge w:val=\"restart\"/>", "<w:gridSpan w:val=\"900\"/>",
                "<w:gridBefore w:val=\"3\"/>", "<w:hMerge/>", "<w:del/>",
                "<w:tblGrid><w:gridCol/></w:tblGrid>",
            ];
            let body: String = parts.iter().map(|i| PARTS[*i]).collect();
            if let Ok(found) = tables(&doc(&body)) {
                for (_, rows) in found {
                    let width = rows.first().map_or(0, Vec::len);
                    proptest::prop_assert!(rows.iter().all(|r| r.len() == width));
                    proptest::prop_assert!(width <= MAX_COLUMNS);
                }
            }
        }
    }

    #[test]
    fn every_table_is_numbered_in_document_order() {
        let t = |s: &str| format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("", &p(s)));
        let found = tables(&doc(&format!("{}{}{}", t("a"), p("x"), t("b")))).expect("well-formed");
        assert_eq!(found.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(found[1].1, [["b"]]);
    }
}
