//! Word files of the papers after the conference: the heading blocks and the title as
//! every list has them, the body justified with its first lines indented, tables with
//! the PDF's column widths (their header rows repeated on each page), the signatures
//! and "Nơi nhận".

use docx_rs::{AlignmentType, LineSpacing, Paragraph, SpecialIndentType};

use super::{
    TEXT, TITLE, bold_para, data_table, heading, pack, page, para, run, signatures, twips_pt,
};
use crate::domain::Conference;
use crate::error::{Error, Result};
use crate::export::sheet::{Block, Flow, Para, Sheet};

/// A body paragraph's first-line indent, in twips (1 cm).
const INDENT: i32 = 567;
/// Space after a paragraph, in twips (6 pt).
const AFTER: u32 = 120;

fn flow(f: Flow) -> AlignmentType {
    match f {
        Flow::Justify => AlignmentType::Both,
        Flow::Left => AlignmentType::Left,
        Flow::Center => AlignmentType::Center,
        Flow::Right => AlignmentType::Right,
    }
}

/// Each line of `p` as a Word paragraph.
fn paragraphs(p: &Para, keep_next: bool) -> Vec<Paragraph> {
    p.text
        .split('\n')
        .map(|line| {
            let mut r = run(line, TEXT);
            if p.bold {
                r = r.bold();
            }
            if p.italic {
                r = r.italic();
            }
            let mut out = Paragraph::new()
                .align(flow(p.flow))
                .line_spacing(LineSpacing::new().before(0).after(AFTER))
                .keep_next(keep_next)
                .add_run(r);
            if p.indent {
                out = out.indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None);
            }
            out
        })
        .collect()
}

/// Writes a document as a Word file, portrait.
pub(super) fn write(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    let width = twips_pt(crate::export::pdf::portrait_width());
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
    doc = doc.add_paragraph(para("", TEXT, AlignmentType::Center));
    let total = sheet.blocks.len();
    for (i, block) in sheet.blocks.iter().enumerate() {
        match block {
            Block::Heading(text) => {
                let h = Para {
                    text: text.clone(),
                    bold: true,
                    indent: true,
                    flow: Flow::Left,
                    ..Para::default()
                };
                for p in paragraphs(&h, true) {
                    doc = doc.add_paragraph(p.line_spacing(LineSpacing::new().before(120)));
                }
            }
            Block::Para(p) => {
                for p in paragraphs(p, false) {
                    doc = doc.add_paragraph(p);
                }
            }
            Block::Table(t) => {
                let s = t.sheet();
                let (widths_pt, size) = crate::export::pdf::document_table_widths(&s)?;
                let widths: Vec<usize> = widths_pt.iter().map(|w| twips_pt(*w)).collect();
                let sections: Vec<&crate::export::sheet::Section> = s.sections.iter().collect();
                let half_points = (size * 2.0).round() as usize;
                doc = doc
                    .add_table(data_table(&s, &widths, &sections, true, half_points))
                    .add_paragraph(
                        para("", TEXT, AlignmentType::Left)
                            .line_spacing(LineSpacing::new().before(0).after(0)),
                    );
            }
        }
        if !progress(i + 1, total) {
            return Err(Error::Cancelled);
        }
    }
    doc = doc.add_paragraph(para("", TEXT, AlignmentType::Left));
    if let Some(t) = signatures(conference, sheet, width) {
        doc = doc.add_table(t);
    }
    pack(doc)
}
