//! Documents of headings, paragraphs and tables (the papers after the conference): the
//! heading blocks and the title as every list has them, the body justified with its
//! first lines indented, tables laid out as the lists' are (the header repeated on each
//! page, rows never split), then the signatures and the "Nơi nhận" block.

use std::ops::Range;
use std::sync::Arc;

use super::{
    Align, Fit, LEADING, Line, MM, Op, Style, TEXT_SIZE, Table, Typesetter, Writer, fit_portrait,
    render,
};
use crate::domain::Conference;
use crate::error::{Error, Result};
use crate::export::sheet::{Block, Flow, Para, Sheet};

/// A body paragraph's first-line indent (1 cm).
const INDENT: f32 = 10.0 * MM;
/// Space after a paragraph (6 pt).
const AFTER: f32 = 6.0;
/// Space before a heading of the body.
const BEFORE_HEADING: f32 = 2.0 * MM;

/// Writes a document as a PDF, portrait. `progress(done, total)` counts blocks.
pub(super) fn write(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    // Tables' widths first, from their content, as the lists' are.
    let mut ts = Typesetter::new()?;
    let tables: Vec<Option<(Sheet, Fit)>> = sheet
        .blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => {
                let s = t.sheet();
                let fit = fit_portrait(&s, &mut ts);
                Some((s, fit))
            }
            Block::Heading(_) | Block::Para(_) => None,
        })
        .collect();
    let total = sheet.blocks.len();
    render(false, &sheet.title, |w| {
        w.new_page();
        w.heading(conference, sheet);
        w.title(&sheet.title, &sheet.subtitle, None);
        for (i, (block, table)) in sheet.blocks.iter().zip(&tables).enumerate() {
            match (block, table) {
                (Block::Heading(text), _) => heading(w, text),
                (Block::Para(p), _) => paragraph(w, p),
                (Block::Table(_), Some((s, fit))) => draw_table(w, s, fit),
                (Block::Table(_), None) => {}
            }
            if !progress(i + 1, total) {
                return Err(Error::Cancelled);
            }
        }
        w.signatures(conference, sheet);
        Ok(())
    })
}

/// A heading of the body: bold, indented as a paragraph, never alone at a page's foot.
fn heading(w: &mut Writer, text: &str) {
    w.y += BEFORE_HEADING;
    if w.y + 4.0 * TEXT_SIZE * LEADING > w.bottom() {
        w.new_page();
    }
    paragraph(
        w,
        &Para {
            text: text.to_owned(),
            bold: true,
            indent: true,
            flow: Flow::Left,
            ..Para::default()
        },
    );
}

fn style(p: &Para) -> Style {
    match (p.bold, p.italic) {
        (false, false) => Style::Regular,
        (true, false) => Style::Bold,
        (false, true) => Style::Italic,
        (true, true) => Style::BoldItalic,
    }
}

/// A paragraph at the cursor, line by line across pages; each line of a justified
/// paragraph but its last spans the text block.
fn paragraph(w: &mut Writer, p: &Para) {
    let (x0, cw) = (w.left(), w.content_width());
    let size = TEXT_SIZE;
    let indent = if p.indent { INDENT } else { 0.0 };
    let style = style(p);
    for part in p.text.split('\n') {
        let lines = w.ts.wrap_indented(style, size, part, cw, indent);
        let last = lines.len().saturating_sub(1);
        for (k, line) in lines.into_iter().enumerate() {
            if w.y + size * LEADING > w.bottom() {
                w.new_page();
            }
            let shift = if k == 0 { indent } else { 0.0 };
            let (x, width) = (x0 + shift, cw - shift);
            let top = w.y;
            match p.flow {
                Flow::Justify if k < last => justified(w, &line, x, width, top, size),
                Flow::Justify | Flow::Left => {
                    w.lines_at(&[line], x, width, top, size, Align::Left);
                }
                Flow::Center => w.lines_at(&[line], x, width, top, size, Align::Center),
                Flow::Right => w.lines_at(&[line], x, width, top, size, Align::Right),
            }
            w.y += size * LEADING;
        }
    }
    w.y += AFTER;
}

/// One line spread across `width`: its words drawn apart, the room left shared out
/// between the spaces.
fn justified(w: &mut Writer, line: &Line, x: f32, width: f32, top: f32, size: f32) {
    let shaped = &line.shaped;
    let spaces = line.range.clone().filter(|&i| shaped.space[i]).count();
    if spaces == 0 {
        w.lines_at(std::slice::from_ref(line), x, width, top, size, Align::Left);
        return;
    }
    let extra = (width - line.width_em * size).max(0.0) / spaces as f32;
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = line.range.start;
    for i in line.range.clone() {
        if shaped.space[i] {
            if i > start {
                words.push(start..i);
            }
            start = i + 1;
        }
    }
    if start < line.range.end {
        words.push(start..line.range.end);
    }
    let baseline = top + size * super::BASELINE;
    for range in words {
        let before: f32 = shaped.advance[line.range.start..range.start].iter().sum();
        let gaps = (line.range.start..range.start)
            .filter(|&i| shaped.space[i])
            .count();
        let word = Line {
            width_em: shaped.advance[range.clone()].iter().sum(),
            shaped: Arc::clone(shaped),
            range,
            style: line.style,
        };
        w.ops.push(Op::Text {
            x: x + before * size + extra * gaps as f32,
            baseline,
            size,
            line: word,
            flip: false,
        });
    }
}

/// A table inside the document: its header repeated on each page it runs onto, a band
/// for each section's heading, totals in bold.
fn draw_table(w: &mut Writer, sheet: &Sheet, fit: &Fit) {
    let table = Table::new(w, sheet, &fit.widths, fit.size);
    w.y += 1.0 * MM;
    if w.y + table.header_h + 2.0 * table.size * LEADING > w.bottom() {
        w.new_page();
    }
    table.draw_header(w);
    for section in &sheet.sections {
        if let Some(h) = &section.heading {
            table.band(w, h);
        }
        for row in &section.rows {
            let cells = table.cells(w, row, false);
            table.row(w, &cells);
        }
        if let Some(t) = &section.total {
            let cells = table.cells(w, t, true);
            table.row(w, &cells);
        }
    }
    w.y += AFTER + 1.0 * MM;
}
