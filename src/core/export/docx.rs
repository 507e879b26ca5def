//! Word files of every list, for the office that finishes a list in Word at the last
//! minute: the PDF's layout in Decree 30 format — heading blocks as a borderless table,
//! the title, a table whose header row repeats on every page and whose rows never split,
//! the count line and the signature blocks — in Times New Roman, with the PDF's column
//! widths and orientation.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "page geometry in twips, far below 2^23"
)]

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, HeightRule, LineSpacing, LineSpacingType,
    PageMargin, PageNum, PageOrientationType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, Table, TableBorder, TableBorderPosition, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::sheet::{Align, Cell, Sheet};
use crate::domain::Conference;
use crate::error::{Error, Result};

mod document;

const FONT: &str = "Times New Roman";
/// Sizes in half-points.
const TEXT: usize = 26;
const TABLE: usize = 24;
const TITLE: usize = 28;
/// Space before each item of the script, in twips (12 pt).
const ITEM_GAP: u32 = 240;
/// The header row's height, in twips: a value no other row has, turned into
/// `<w:tblHeader />` once written (docx-rs has no call for a repeated header row).
const HEADER_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

fn twips_mm(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

fn twips_pt(pt: f32) -> usize {
    (pt * 20.0).round().max(0.0) as usize
}

fn fonts() -> RunFonts {
    // Vietnamese letters (U+1Exx) take the hAnsi font: all four are set.
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).fonts(fonts()).size(size)
}

fn para(text: &str, size: usize, align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).add_run(run(text, size))
}

fn bold_para(text: &str, size: usize, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .align(align)
        .add_run(run(text, size).bold())
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

fn borderless_cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

/// The two heading blocks: agency and issuing unit on the left, the nation and motto
/// with the place and date on the right, with the PDF's widths; each rule a solid line
/// below its text (Decree 30), not an underline on the letters.
fn heading(c: &Conference, sheet: &Sheet, width: usize) -> Result<Table> {
    let g = super::pdf::heading_layout(c, width as f32 / 20.0)?;
    let left_w = twips_pt(g.left).min(width);
    let right_w = width - left_w;
    let mut left = borderless_cell(left_w);
    if !c.superior_agency.is_empty() {
        left = left.add_paragraph(para(
            &c.superior_agency.to_uppercase(),
            TEXT,
            AlignmentType::Center,
        ));
    }
    if !c.issuing_unit.is_empty() {
        left = left
            .add_paragraph(bold_para(
                &c.issuing_unit.to_uppercase(),
                TEXT,
                AlignmentType::Center,
            ))
            .add_paragraph(rule_para(twips_pt(g.unit_rule), left_w));
    }
    if let Some(number) = &sheet.number {
        left = left.add_paragraph(
            para(number, TEXT, AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(120).after(0)),
        );
    }
    let right =
        borderless_cell(right_w)
            .add_paragraph(bold_para(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                (g.nation_size * 2.0).round() as usize,
                AlignmentType::Center,
            ))
            .add_paragraph(bold_para(super::pdf::MOTTO, TEXT, AlignmentType::Center))
            .add_paragraph(rule_para(twips_pt(g.motto_rule), right_w))
            .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(
                run(&super::pdf::place_and_date(c, sheet.dated.as_deref()), TEXT).italic(),
            ));
    // No cell margins: the blocks' widths are the text's, as in the PDF.
    Ok(
        Table::without_borders(vec![TableRow::new(vec![left, right])])
            .set_grid(vec![left_w, right_w])
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(docx_rs::TableCellMargins::new().margin(0, 0, 0, 0)),
    )
}

/// Between the line of text above and a rule below it, in twips (the PDF's 1.5 mm).
const RULE_BEFORE: u32 = 85;

/// A solid line `len` twips long, centred in a block `block` twips wide: an empty
/// paragraph whose top border is the line, indented to its length.
fn rule_para(len: usize, block: usize) -> Paragraph {
    let side = i32::try_from(block.saturating_sub(len) / 2).unwrap_or(0);
    let mut p = Paragraph::new()
        .align(AlignmentType::Center)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(RULE_BEFORE)
                .after(0)
                .line(60)
                .line_rule(LineSpacingType::Exact),
        )
        .size(2);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6)
                .space(0),
        ),
    );
    p
}

/// The signature blocks side by side: the list's own signers, else the conference's;
/// a "Nơi nhận:" block in the left half's place when the paper has recipients.
fn signatures(c: &Conference, sheet: &Sheet, width: usize) -> Option<Table> {
    let blocks = sheet.signers_or(c);
    let recipients = &sheet.recipients;
    if recipients.is_empty()
        && blocks
            .iter()
            .all(|b| b.title.is_empty() && b.name.is_empty())
    {
        return None;
    }
    let half = width / 2;
    let cells = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 && !recipients.is_empty() {
                return recipients_cell(recipients, half);
            }
            let mut cell = borderless_cell(half);
            for line in b.title_lines() {
                cell = cell.add_paragraph(bold_para(&line, TEXT, AlignmentType::Center));
            }
            for _ in 0..4 {
                cell = cell.add_paragraph(para("", TEXT, AlignmentType::Center));
            }
            cell.add_paragraph(bold_para(&b.name, TEXT, AlignmentType::Center))
        })
        .collect();
    Some(
        Table::without_borders(vec![TableRow::new(cells).cant_split()])
            .set_grid(vec![half, half])
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed),
    )
}

/// "Nơi nhận:" in 12 pt bold italic, each recipient below it in 11 pt (Decree 30).
fn recipients_cell(lines: &[String], width: usize) -> TableCell {
    let tight = || LineSpacing::new().before(0).after(0);
    let mut cell = borderless_cell(width).add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Left)
            .line_spacing(tight())
            .add_run(run("Nơi nhận:", 24).bold().italic()),
    );
    for l in lines {
        cell = cell.add_paragraph(para(l, 22, AlignmentType::Left).line_spacing(tight()));
    }
    cell
}

fn cell(text: &str, width: usize, a: Align, bold: bool, size: usize) -> TableCell {
    let mut p = Paragraph::new().align(align(a));
    for (i, line) in text.split('\n').enumerate() {
        let mut r = run(line, size);
        if bold {
            r = r.bold();
        }
        if i > 0 {
            r = Run::new()
                .add_break(BreakType::TextWrapping)
                .fonts(fonts())
                .size(size);
            p = p.add_run(r);
            let mut line_run = run(line, size);
            if bold {
                line_run = line_run.bold();
            }
            p = p.add_run(line_run);
            continue;
        }
        p = p.add_run(r);
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(p)
}

fn data_table(
    sheet: &Sheet,
    widths: &[usize],
    sections: &[&super::sheet::Section],
    bands: bool,
    size: usize,
) -> Table {
    let header = TableRow::new(
        sheet
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| cell(c.header, *w, Align::Center, true, size))
            .collect(),
    )
    .cant_split()
    .row_height(1.0)
    .height_rule(HeightRule::AtLeast);
    let min_row = twips_mm(sheet.min_row_mm) as f32;
    let mut rows = vec![header];
    let all: usize = widths.iter().sum();
    for section in sections {
        if bands && let Some(h) = &section.heading {
            rows.push(
                TableRow::new(vec![
                    cell(h, all, Align::Left, true, size).grid_span(widths.len()),
                ])
                .cant_split(),
            );
        }
        if section.rows.is_empty() && section.total.is_none() {
            rows.push(TableRow::new(vec![
                cell("(Không có dòng nào)", all, Align::Left, false, size).grid_span(widths.len()),
            ]));
        }
        for (row, bold) in section
            .rows
            .iter()
            .map(|r| (r, false))
            .chain(section.total.iter().map(|t| (t, true)))
        {
            let mut tr = TableRow::new(
                row.iter()
                    .zip(widths)
                    .zip(&sheet.columns)
                    .map(|((c, w), col)| cell(&c.display(), *w, col.align, bold, size))
                    .collect(),
            )
            .cant_split();
            if min_row > 0.0 {
                tr = tr.row_height(min_row).height_rule(HeightRule::AtLeast);
            }
            rows.push(tr);
        }
    }
    // A little less than the PDF's cell padding (1 mm): Word's and LibreOffice's own are wider, and would
    // break the words the widths were made for.
    let pad = twips_mm(0.75) as usize;
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(all, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(docx_rs::TableCellMargins::new().margin(0, pad, 0, pad))
        .set_border(
            TableBorder::new(TableBorderPosition::InsideH)
                .size(4)
                .border_type(BorderType::Single),
        )
}

/// The list as a Word document.
pub fn write(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    if sheet.badges {
        return badges(sheet, progress);
    }
    if !sheet.blocks.is_empty() {
        return document::write(sheet, conference, progress);
    }
    if !sheet.prose.is_empty() {
        let width = twips_pt(super::pdf::portrait_width());
        let mut doc = page(false)
            .add_table(heading(conference, sheet, width)?)
            .add_paragraph(para("", TEXT, AlignmentType::Center))
            .add_paragraph(bold_para(
                &sheet.title.to_uppercase(),
                TITLE,
                AlignmentType::Center,
            ));
        if !sheet.subtitle.is_empty() {
            doc = doc.add_paragraph(bold_para(&sheet.subtitle, TEXT, AlignmentType::Center));
        }
        // Room between items (as the PDF leaves), a little after each paragraph.
        for (bold, text) in &sheet.prose {
            let lines: Vec<&str> = text.split('\n').collect();
            for (i, part) in lines.iter().enumerate() {
                doc = doc.add_paragraph(if *bold {
                    bold_para(part, TEXT, AlignmentType::Left)
                        .keep_next(true)
                        .line_spacing(LineSpacing::new().before(ITEM_GAP).after(60))
                } else {
                    let after = if i + 1 == lines.len() { 80 } else { 0 };
                    para(part, TEXT, AlignmentType::Both)
                        .line_spacing(LineSpacing::new().before(0).after(after))
                });
            }
        }
        progress(1, 1);
        return pack(doc);
    }
    let (landscape, widths_pt, size) = super::pdf::column_widths(sheet)?;
    // The PDF's table size, in half-points.
    let table = (size * 2.0).round() as usize;
    let widths: Vec<usize> = widths_pt.iter().map(|w| twips_pt(*w)).collect();
    let width: usize = widths.iter().sum();
    let mut doc = page(landscape);
    let per_page = sheet.per_page();
    let groups: Vec<Vec<&super::sheet::Section>> = if per_page {
        sheet.sections.iter().map(|s| vec![s]).collect()
    } else {
        vec![sheet.sections.iter().collect()]
    };
    let total = sheet.row_count();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            doc =
                doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        doc = doc
            .add_table(heading(conference, sheet, width)?)
            .add_paragraph(para("", TEXT, AlignmentType::Center))
            .add_paragraph(bold_para(
                &sheet.title.to_uppercase(),
                TITLE,
                AlignmentType::Center,
            ));
        if !sheet.subtitle.is_empty() {
            doc = doc.add_paragraph(bold_para(&sheet.subtitle, TEXT, AlignmentType::Center));
        }
        if per_page && let Some(h) = &group[0].heading {
            doc = doc.add_paragraph(bold_para(h, TEXT, AlignmentType::Center));
        }
        for p in &sheet.intro {
            doc = doc.add_paragraph(para(p, TEXT, AlignmentType::Both));
        }
        doc = doc.add_table(data_table(sheet, &widths, group, !per_page, table));
        for s in group {
            if let Some(f) = &s.footer {
                doc = doc.add_paragraph(Paragraph::new().add_run(run(f, TEXT).italic()));
            }
        }
        if !per_page {
            for p in &sheet.closing {
                doc = doc.add_paragraph(para(p, TEXT, AlignmentType::Left));
            }
        }
        doc = doc.add_paragraph(para("", TEXT, AlignmentType::Left));
        if let Some(t) = signatures(conference, sheet, width) {
            doc = doc.add_table(t);
        }
        if !progress(0, total.max(1)) {
            return Err(Error::Cancelled);
        }
    }
    progress(total, total);
    pack(doc)
}

/// A4 in the orientation the PDF uses, Decree 30 margins, page numbers at the top.
fn page(landscape: bool) -> Docx {
    let (w, h, orient) = if landscape {
        (16_838, 11_906, PageOrientationType::Landscape)
    } else {
        (11_906, 16_838, PageOrientationType::Portrait)
    };
    let numbers = docx_rs::Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    // Decree 30 numbers pages from the second: the first page's header is empty.
    let first = docx_rs::Header::new().add_paragraph(Paragraph::new());
    Docx::new()
        .page_size(w, h)
        .page_orient(orient)
        .page_margin(
            PageMargin::new()
                .top(twips_mm(20.0))
                .bottom(twips_mm(20.0))
                .left(twips_mm(30.0))
                .right(twips_mm(15.0))
                .header(twips_mm(10.0))
                .footer(twips_mm(10.0)),
        )
        .default_fonts(fonts())
        .default_size(TEXT)
        .header(numbers)
        .first_header(first)
}

/// Writes the document, turning the header rows' mark into a repeated header row.
fn pack(doc: Docx) -> Result<Vec<u8>> {
    let mut xml = doc.build();
    let text = String::from_utf8(std::mem::take(&mut xml.document)).map_err(|e| Error::Write {
        format: "DOCX",
        detail: e.to_string(),
    })?;
    xml.document = text.replace(HEADER_MARK, "<w:tblHeader />").into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Write {
        format: "DOCX",
        detail: e.to_string(),
    })?;
    deflate(&out.into_inner())
}

/// The same zip with every part compressed: docx-rs stores them as they are (1.4 MB for
/// 520 rows, where the spreadsheet is 36 KB).
fn deflate(stored: &[u8]) -> Result<Vec<u8>> {
    use std::io::Cursor;
    use zip::write::SimpleFileOptions;
    let bad = |e: &dyn std::fmt::Display| Error::Write {
        format: "DOCX",
        detail: e.to_string(),
    };
    let mut parts = zip::ZipArchive::new(Cursor::new(stored)).map_err(|e| bad(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..parts.len() {
        let mut part = parts.by_index(i).map_err(|e| bad(&e))?;
        let name = part.name().map_err(|e| bad(&e))?.into_owned();
        if part.is_dir() {
            out.add_directory(name, options).map_err(|e| bad(&e))?;
            continue;
        }
        out.start_file(name, options).map_err(|e| bad(&e))?;
        std::io::copy(&mut part, &mut out).map_err(|e| bad(&e))?;
    }
    Ok(out.finish().map_err(|e| bad(&e))?.into_inner())
}

/// Name badges as a table of cut-out cells, two across, with each person's badge code.
fn badges(sheet: &Sheet, progress: &mut dyn FnMut(usize, usize) -> bool) -> Result<Vec<u8>> {
    let w = twips_mm(90.0) as usize;
    let h = twips_mm(54.0) as f32;
    let people: Vec<&Vec<Cell>> = sheet.sections.iter().flat_map(|s| &s.rows).collect();
    let cells: Vec<TableCell> = people
        .iter()
        .map(|row| {
            let text = |i: usize| row.get(i).map(Cell::display).unwrap_or_default();
            let mut c = TableCell::new()
                .width(w, WidthType::Dxa)
                .add_paragraph(bold_para("ĐẠI BIỂU", TEXT, AlignmentType::Center))
                .add_paragraph(bold_para(&text(0), 32, AlignmentType::Center));
            for i in 1..row.len() {
                let t = text(i);
                if !t.is_empty() {
                    c = c.add_paragraph(para(&t, TABLE, AlignmentType::Center));
                }
            }
            c
        })
        .collect();
    let mut rows = Vec::new();
    let mut it = cells.into_iter();
    while let Some(first) = it.next() {
        let second = it.next().unwrap_or_else(|| {
            TableCell::new()
                .width(w, WidthType::Dxa)
                .add_paragraph(Paragraph::new())
        });
        rows.push(
            TableRow::new(vec![first, second])
                .cant_split()
                .row_height(h)
                .height_rule(HeightRule::Exact),
        );
    }
    let table = Table::new(rows)
        .set_grid(vec![w, w])
        .layout(TableLayoutType::Fixed)
        .align(docx_rs::TableAlignmentType::Center);
    progress(people.len(), people.len());
    pack(page(false).add_table(table))
}
