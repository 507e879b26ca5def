//! PDF lists in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP): the two
//! heading blocks, the place-and-date line, a bold centred title, a table whose header
//! repeats on every page and whose rows never split, page numbers, signature blocks.
//!
//! Text is turned into glyphs once per distinct string, by the font's character map
//! for composed Vietnamese and by rustybuzz (the shaper krilla itself uses) for anything
//! else, and drawn as glyphs: krilla's `draw_text` re-parses the font on every call,
//! which made 20,000 rows take seconds. Lines break at spaces, and inside a word only
//! when the word alone is wider than its cell, so nothing is ever cut or dropped.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "page geometry in f32 points; counts are far below 2^24"
)]

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender};

use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::sheet::{Align, Cell, Sheet};
use crate::domain::{Conference, date};
use crate::error::{Error, Result};

mod document;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
const A4: (f32, f32) = (210.0 * MM, 297.0 * MM);
/// Decree 30 margins: top and bottom 20 mm, left 30 mm (binding), right 15 mm.
const MARGIN_TOP: f32 = 20.0 * MM;
const MARGIN_BOTTOM: f32 = 20.0 * MM;
const MARGIN_LEFT: f32 = 30.0 * MM;
const MARGIN_RIGHT: f32 = 15.0 * MM;
const LEADING: f32 = 1.2;
/// Baseline below the top of a line, in ems (Tinos: ascent 0.891, descent 0.216).
const BASELINE: f32 = 0.9375;
const TEXT_SIZE: f32 = 13.0;
const TABLE_SIZE: f32 = 12.0;
const SMALL_TABLE_SIZE: f32 = 11.0;
const PAD_X: f32 = 1.0 * MM;
const PAD_Y: f32 = 1.2 * MM;
const RULE: f32 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    /// "Nơi nhận:" above the recipients.
    BoldItalic = 3,
}

static FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/Tinos-Regular.ttf"),
    include_bytes!("../../../assets/fonts/Tinos-Bold.ttf"),
    include_bytes!("../../../assets/fonts/Tinos-Italic.ttf"),
    include_bytes!("../../../assets/fonts/Tinos-BoldItalic.ttf"),
];

/// One paragraph shaped: glyphs with advances in ems, and where it may break.
struct Shaped {
    text: String,
    glyphs: Vec<KrillaGlyph>,
    advance: Vec<f32>,
    space: Vec<bool>,
}

/// A line of a shaped paragraph.
#[derive(Clone)]
struct Line {
    shaped: Arc<Shaped>,
    range: Range<usize>,
    width_em: f32,
    style: Style,
}

/// Shapes and measures text with one parsed face per style, caching the strings of the
/// current page (units, ranks and positions repeat from row to row).
struct Typesetter {
    faces: Vec<rustybuzz::Face<'static>>,
    /// Per style, the strings shaped on the current page.
    cache: [HashMap<String, Arc<Shaped>>; 4],
    /// Per style, each character below [`MEMO_CHARS`] as the font maps it, looked up once:
    /// the cmap search took as long as the rest of the shaping.
    chars: [Vec<CharGlyph>; 4],
}

/// Every Latin and Vietnamese letter lies below U+2000.
const MEMO_CHARS: usize = 0x2000;

#[derive(Clone, Copy)]
enum CharGlyph {
    NotLookedUp,
    /// A combining mark or a character the font lacks: the full shaper handles it.
    NeedsShaping,
    Found(u16, f32),
}

/// The glyph and advance (in ems) of a character on the fast path.
fn char_glyph(face: &rustybuzz::Face<'_>, c: char) -> CharGlyph {
    if unicode_normalization::char::is_combining_mark(c) {
        return CharGlyph::NeedsShaping;
    }
    let upem = face.units_per_em() as f32;
    face.glyph_index(c)
        .and_then(|g| Some((g, face.glyph_hor_advance(g)?)))
        .map_or(CharGlyph::NeedsShaping, |(g, adv)| {
            CharGlyph::Found(g.0, f32::from(adv) / upem)
        })
}

impl Typesetter {
    fn new() -> Result<Self> {
        let bad = || Error::Write {
            format: "PDF",
            detail: "phông chữ Tinos đi kèm bị hỏng".into(),
        };
        let mut faces = Vec::new();
        for data in FONT_FILES {
            faces.push(rustybuzz::Face::from_slice(data, 0).ok_or_else(bad)?);
        }
        Ok(Self {
            faces,
            cache: Default::default(),
            chars: std::array::from_fn(|_| vec![CharGlyph::NotLookedUp; MEMO_CHARS]),
        })
    }

    fn shape(&mut self, style: Style, text: &str) -> Arc<Shaped> {
        if let Some(s) = self.cache[style as usize].get(text) {
            return Arc::clone(s);
        }
        let shaped = Arc::new(
            self.map_chars(style, text)
                .unwrap_or_else(|| self.shape_full(style, text)),
        );
        self.cache[style as usize].insert(text.to_owned(), Arc::clone(&shaped));
        shaped
    }

    /// The fast path: one glyph per character from the font's cmap, advances from hmtx,
    /// no kerning (office programs do not kern Times either). NFC Vietnamese always
    /// takes it, since Tinos has every precomposed letter; anything else (a combining
    /// mark, a character the font lacks) goes through the full shaper.
    fn map_chars(&mut self, style: Style, text: &str) -> Option<Shaped> {
        let face = &self.faces[style as usize];
        let memo = &mut self.chars[style as usize];
        let n = text.chars().count();
        let mut shaped = Shaped {
            text: text.to_owned(),
            glyphs: Vec::with_capacity(n),
            advance: Vec::with_capacity(n),
            space: Vec::with_capacity(n),
        };
        for (i, c) in text.char_indices() {
            let found = match memo.get_mut(c as usize) {
                Some(slot) => {
                    if let CharGlyph::NotLookedUp = slot {
                        *slot = char_glyph(face, c);
                    }
                    *slot
                }
                None => char_glyph(face, c),
            };
            let CharGlyph::Found(g, adv) = found else {
                return None;
            };
            shaped.glyphs.push(KrillaGlyph::new(
                GlyphId::new(u32::from(g)),
                adv,
                0.0,
                0.0,
                0.0,
                i..i + c.len_utf8(),
                None,
            ));
            shaped.advance.push(adv);
            shaped.space.push(c == ' ');
        }
        Some(shaped)
    }

    fn shape_full(&self, style: Style, text: &str) -> Shaped {
        let face = &self.faces[style as usize];
        let upem = face.units_per_em() as f32;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let out = rustybuzz::shape(face, &[], buffer);
        let (infos, positions) = (out.glyph_infos(), out.glyph_positions());
        let n = infos.len();
        let mut shaped = Shaped {
            text: text.to_owned(),
            glyphs: Vec::with_capacity(n),
            advance: Vec::with_capacity(n),
            space: Vec::with_capacity(n),
        };
        for i in 0..n {
            let start = infos[i].cluster as usize;
            let end = infos[i + 1..]
                .iter()
                .find(|g| g.cluster as usize != start)
                .map_or(text.len(), |g| g.cluster as usize);
            let p = positions[i];
            let adv = p.x_advance as f32 / upem;
            shaped.glyphs.push(KrillaGlyph::new(
                GlyphId::new(infos[i].glyph_id),
                adv,
                p.x_offset as f32 / upem,
                p.y_offset as f32 / upem,
                p.y_advance as f32 / upem,
                start..end,
                None,
            ));
            shaped.advance.push(adv);
            shaped.space.push(text.get(start..end) == Some(" "));
        }
        shaped
    }

    /// Width of a one-line text in points.
    fn width(&mut self, style: Style, size: f32, text: &str) -> f32 {
        self.shape(style, text).advance.iter().sum::<f32>() * size
    }

    /// Breaks `text` into lines no wider than `max` points. Paragraphs (`\n`) always
    /// start a line; a word wider than `max` is broken between letters.
    fn wrap(&mut self, style: Style, size: f32, text: &str, max: f32) -> Vec<Line> {
        self.wrap_indented(style, size, text, max, 0.0)
    }

    /// Like [`Self::wrap`], the first line of each paragraph `indent` points narrower
    /// (a body paragraph's first-line indent).
    fn wrap_indented(
        &mut self,
        style: Style,
        size: f32,
        text: &str,
        max: f32,
        indent: f32,
    ) -> Vec<Line> {
        let full_em = (max / size).max(0.5);
        let first_em = ((max - indent) / size).max(0.5);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let para_start = lines.len();
            let shaped = self.shape(style, para.trim_end_matches('\r'));
            let line = |range: Range<usize>| Line {
                width_em: shaped.advance[range.clone()].iter().sum(),
                shaped: Arc::clone(&shaped),
                range,
                style,
            };
            let (mut start, mut width) = (0usize, 0f32);
            let mut last_space: Option<usize> = None;
            let mut i = 0;
            while i < shaped.glyphs.len() {
                let adv = shaped.advance[i];
                let max_em = if lines.len() == para_start {
                    first_em
                } else {
                    full_em
                };
                if shaped.space[i] {
                    last_space = Some(i);
                } else if width + adv > max_em && i > start {
                    if let Some(sp) = last_space.filter(|s| *s > start) {
                        lines.push(line(start..sp));
                        start = sp + 1;
                    } else {
                        lines.push(line(start..i));
                        start = i;
                    }
                    width = shaped.advance[start..i].iter().sum();
                    last_space = None;
                }
                width += adv;
                i += 1;
            }
            lines.push(line(start..shaped.glyphs.len()));
        }
        lines
    }
}

enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        line: Line,
        /// Drawn turned half a turn about the page's centre (a place card's far face).
        flip: bool,
    },
    Rule([f32; 4]),
    /// A filled black box: x, y, width, height (a QR code's modules).
    Box([f32; 4]),
}

/// A laid-out page on its way to the drawing thread.
struct PageOps {
    width: f32,
    height: f32,
    runs: Vec<GlyphRun>,
    /// Rules as [x1, y1, x2, y2], already joined.
    rules: Vec<[f32; 4]>,
    boxes: Vec<[f32; 4]>,
}

/// Glyphs on one baseline in one style and size, with the text they show.
struct GlyphRun {
    x: f32,
    baseline: f32,
    size: f32,
    style: Style,
    flip: bool,
    glyphs: Vec<KrillaGlyph>,
    text: String,
}

/// Page geometry and the page being filled; finished pages go to [`draw_pages`].
struct Writer {
    pages_out: SyncSender<PageOps>,
    ts: Typesetter,
    ops: Vec<Op>,
    width: f32,
    height: f32,
    /// Cursor: the top of the next thing to draw, in points from the page top.
    y: f32,
    pages: usize,
    /// Text from now on is drawn half a turn round (a place card's far face).
    flip: bool,
    /// Pages after the first carry their number at the top (not place cards).
    numbered: bool,
}

impl Writer {
    fn new(landscape: bool, pages_out: SyncSender<PageOps>) -> Result<Self> {
        let (width, height) = if landscape { (A4.1, A4.0) } else { A4 };
        Ok(Self {
            pages_out,
            ts: Typesetter::new()?,
            ops: Vec::new(),
            width,
            height,
            y: MARGIN_TOP,
            pages: 0,
            flip: false,
            numbered: true,
        })
    }

    #[allow(
        clippy::unused_self,
        reason = "margins may differ by page later; callers ask the writer"
    )]
    fn left(&self) -> f32 {
        MARGIN_LEFT
    }

    fn content_width(&self) -> f32 {
        self.width - MARGIN_LEFT - MARGIN_RIGHT
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    /// Ends the current page (if any) and starts the next; pages after the first carry
    /// their number at the top centre, as Decree 30 wants.
    fn new_page(&mut self) {
        self.flush();
        // Repeats (units, ranks) matter within a page; across pages the cache would
        // only keep every unique name alive.
        for cache in &mut self.ts.cache {
            cache.clear();
        }
        self.pages += 1;
        self.y = MARGIN_TOP;
        if self.pages > 1 && self.numbered {
            let n = self.pages.to_string();
            let w = self.ts.width(Style::Regular, TEXT_SIZE, &n);
            let line = self
                .ts
                .wrap(Style::Regular, TEXT_SIZE, &n, f32::MAX)
                .remove(0);
            self.ops.push(Op::Text {
                x: (self.width - w) / 2.0,
                baseline: 12.0 * MM,
                size: TEXT_SIZE,
                line,
                flip: false,
            });
        }
    }

    fn flush(&mut self) {
        if self.pages == 0 {
            return;
        }
        let page = prepare_page(self.width, self.height, std::mem::take(&mut self.ops));
        // A drawing thread that stopped has failed; joining it says why.
        self.pages_out.send(page).ok();
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops.push(Op::Rule([x1, y1, x2, y2]));
    }

    /// Draws wrapped lines in a box starting at `top`; returns the height used.
    fn lines_at(&mut self, lines: &[Line], x: f32, width: f32, top: f32, size: f32, align: Align) {
        for (i, line) in lines.iter().enumerate() {
            let w = line.width_em * size;
            let dx = match align {
                Align::Left => 0.0,
                Align::Center => (width - w) / 2.0,
                Align::Right => width - w,
            };
            self.ops.push(Op::Text {
                x: x + dx,
                baseline: top + i as f32 * size * LEADING + size * BASELINE,
                size,
                line: line.clone(),
                flip: self.flip,
            });
        }
    }

    /// A wrapped paragraph across `width` from `x` at the cursor; moves the cursor down.
    fn paragraph(&mut self, text: &str, style: Style, size: f32, x: f32, width: f32, align: Align) {
        let lines = self.ts.wrap(style, size, text, width);
        let h = lines.len() as f32 * size * LEADING;
        if self.y + h > self.bottom() {
            self.new_page();
        }
        let y = self.y;
        self.lines_at(&lines, x, width, y, size, align);
        self.y += h;
    }

    /// The two heading blocks, the document's number under the issuing unit when it
    /// has one, and the place-and-date line.
    fn heading(&mut self, c: &Conference, sheet: &Sheet) {
        let x0 = self.left();
        let total = self.content_width();
        let g = heading_geometry(&mut self.ts, c, total);
        let left_w = g.left;
        let (right_x, right_w) = (x0 + left_w, total - left_w);
        let top = self.y;

        let mut y = top;
        for (text, style) in [
            (c.superior_agency.to_uppercase(), Style::Regular),
            (c.issuing_unit.to_uppercase(), Style::Bold),
        ] {
            if text.is_empty() {
                continue;
            }
            let lines = self.ts.wrap(style, TEXT_SIZE, &text, left_w);
            self.lines_at(&lines, x0, left_w, y, TEXT_SIZE, Align::Center);
            y += lines.len() as f32 * TEXT_SIZE * LEADING;
        }
        if g.unit_rule > 0.0 {
            // A solid line below the issuing unit, clear of its letters, 2/5 of its length.
            let cx = x0 + left_w / 2.0;
            let at = y + RULE_GAP;
            self.rule(cx - g.unit_rule / 2.0, at, cx + g.unit_rule / 2.0, at);
            y = at;
        }
        if let Some(number) = &sheet.number {
            y += 3.0 * MM;
            let lines = self.ts.wrap(Style::Regular, TEXT_SIZE, number, left_w);
            self.lines_at(&lines, x0, left_w, y, TEXT_SIZE, Align::Center);
            y += lines.len() as f32 * TEXT_SIZE * LEADING;
        }
        let left_bottom = y;

        let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let size = g.nation_size;
        let mut y = top;
        let lines = self.ts.wrap(Style::Bold, size, nation, right_w);
        self.lines_at(&lines, right_x, right_w, y, size, Align::Center);
        y += lines.len() as f32 * size * LEADING;
        let lines = self.ts.wrap(Style::Bold, TEXT_SIZE, MOTTO, right_w);
        self.lines_at(&lines, right_x, right_w, y, TEXT_SIZE, Align::Center);
        y += lines.len() as f32 * TEXT_SIZE * LEADING;
        // A solid line below the motto, as long as the motto, clear of its letters.
        let cx = right_x + right_w / 2.0;
        let w = g.motto_rule;
        y += RULE_GAP;
        self.rule(cx - w / 2.0, y, cx + w / 2.0, y);
        y += 3.0 * MM;
        let place_line = place_and_date(c, sheet.dated.as_deref());
        let lines = self.ts.wrap(Style::Italic, TEXT_SIZE, &place_line, right_w);
        self.lines_at(&lines, right_x, right_w, y, TEXT_SIZE, Align::Center);
        y += lines.len() as f32 * TEXT_SIZE * LEADING;
        self.y = y.max(left_bottom) + 7.0 * MM;
    }

    /// Title, subtitle and an optional third line, centred.
    fn title(&mut self, title: &str, subtitle: &str, third: Option<&str>) {
        let (x, w) = (self.left(), self.content_width());
        self.paragraph(
            &title.to_uppercase(),
            Style::Bold,
            14.0,
            x,
            w,
            Align::Center,
        );
        if !subtitle.is_empty() {
            self.paragraph(subtitle, Style::Bold, TEXT_SIZE, x, w, Align::Center);
        }
        if let Some(t) = third {
            self.paragraph(t, Style::Bold, TEXT_SIZE, x, w, Align::Center);
        }
        self.y += 4.0 * MM;
    }

    /// "NGƯỜI LẬP DANH SÁCH" and "THỦ TRƯỞNG ĐƠN VỊ", names below the signing space;
    /// the list's own signers when it has them. A "Nơi nhận:" block takes the left
    /// half's place, beside the right signature, as Decree 30 lays it out.
    fn signatures(&mut self, c: &Conference, sheet: &Sheet) {
        let blocks = sheet.signers_or(c);
        let recipients = &sheet.recipients;
        if recipients.is_empty()
            && blocks
                .iter()
                .all(|b| b.title.is_empty() && b.name.is_empty())
        {
            return;
        }
        let half = self.content_width() / 2.0;
        let titles: Vec<String> = blocks.iter().map(|b| b.title_lines().join("\n")).collect();
        // What the tallest block takes: its lines and the room to sign.
        let mut needed = RECIPIENT_TITLE * LEADING * (recipients.len() as f32 + 1.5);
        for (b, title) in blocks.iter().zip(&titles) {
            let lines = self.ts.wrap(Style::Bold, TEXT_SIZE, title, half).len()
                + self.ts.wrap(Style::Bold, TEXT_SIZE, &b.name, half).len();
            needed = needed.max(lines as f32 * TEXT_SIZE * LEADING + 25.0 * MM);
        }
        self.y += 6.0 * MM;
        if self.y + needed > self.bottom() {
            self.new_page();
        }
        let top = self.y;
        let mut bottom = top;
        if !recipients.is_empty() {
            // Left-aligned at the margin, the title in bold italic, the lines smaller.
            let x = self.left();
            let width = half - 4.0 * MM;
            let mut y = top + 1.0 * MM;
            let lines = self
                .ts
                .wrap(Style::BoldItalic, RECIPIENT_TITLE, "Nơi nhận:", width);
            self.lines_at(&lines, x, width, y, RECIPIENT_TITLE, Align::Left);
            y += lines.len() as f32 * RECIPIENT_TITLE * LEADING;
            for r in recipients {
                let lines = self.ts.wrap(Style::Regular, RECIPIENT_SIZE, r, width);
                self.lines_at(&lines, x, width, y, RECIPIENT_SIZE, Align::Left);
                y += lines.len() as f32 * RECIPIENT_SIZE * LEADING;
            }
            bottom = bottom.max(y);
        }
        for (i, (b, title)) in blocks.iter().zip(&titles).enumerate() {
            if (i == 0 && !recipients.is_empty()) || (b.title.is_empty() && b.name.is_empty()) {
                continue;
            }
            let x = self.left() + half * i as f32;
            let lines = self.ts.wrap(Style::Bold, TEXT_SIZE, title, half);
            self.lines_at(&lines, x, half, top, TEXT_SIZE, Align::Center);
            let y = top + lines.len() as f32 * TEXT_SIZE * LEADING + 25.0 * MM;
            let lines = self.ts.wrap(Style::Bold, TEXT_SIZE, &b.name, half);
            self.lines_at(&lines, x, half, y, TEXT_SIZE, Align::Center);
            bottom = bottom.max(y + lines.len() as f32 * TEXT_SIZE * LEADING);
        }
        self.y = bottom;
    }
}

/// "Nơi nhận:" is set in 12 pt, the recipients in 11 pt (Decree 30).
const RECIPIENT_TITLE: f32 = 12.0;
const RECIPIENT_SIZE: f32 = 11.0;

/// The motto under the nation's name.
pub(super) const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// Between a heading line's box (its descenders) and the solid line below it: Decree 30
/// draws a line below the text, not an underline through the letters.
const RULE_GAP: f32 = 1.5 * MM;

/// Where the heading's parts go, in points: shared by the PDF and the Word file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct HeadingGeometry {
    /// The left block's width (superior agency, issuing unit).
    pub left: f32,
    /// The line below the issuing unit (2/5 of its longest line; 0 without a unit).
    pub unit_rule: f32,
    /// The line below the motto (its whole length).
    pub motto_rule: f32,
    /// The nation's name's size, shrunk to fit its block on one line.
    pub nation_size: f32,
}

/// The heading's geometry across `total` points: the left block is its usual share, or
/// wider when the agency's or the unit's name would otherwise break (Word and
/// `LibreOffice` broke "CÔNG AN TỈNH HẬU / GIANG" in a block the PDF held on one line).
fn heading_geometry(ts: &mut Typesetter, c: &Conference, total: f32) -> HeadingGeometry {
    let usual = if total > 200.0 * MM {
        110.0 * MM
    } else {
        68.0 * MM
    };
    let agency = c.superior_agency.to_uppercase();
    let unit = c.issuing_unit.to_uppercase();
    // Room for a word processor's rounding on each side of the longest line.
    let slack = 4.0 * MM;
    let widest =
        ts.width(Style::Regular, TEXT_SIZE, &agency)
            .max(ts.width(Style::Bold, TEXT_SIZE, &unit))
            + slack;
    let left = usual.max(widest.min(total / 2.0));
    let unit_rule = if unit.is_empty() {
        0.0
    } else {
        let lines = ts.wrap(Style::Bold, TEXT_SIZE, &unit, left);
        let longest = lines
            .iter()
            .map(|l| l.width_em * TEXT_SIZE)
            .fold(0.0f32, f32::max);
        longest * 0.4
    };
    let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let mut nation_size = 13.0;
    while nation_size > 10.0 && ts.width(Style::Bold, nation_size, nation) > total - left {
        nation_size -= 0.5;
    }
    HeadingGeometry {
        left,
        unit_rule,
        motto_rule: ts.width(Style::Bold, TEXT_SIZE, MOTTO),
        nation_size,
    }
}

/// The heading's geometry on a page `total` points wide, for the Word file.
pub(super) fn heading_layout(c: &Conference, total: f32) -> Result<HeadingGeometry> {
    Ok(heading_geometry(&mut Typesetter::new()?, c, total))
}

/// "Hậu Giang, ngày 05 tháng 02 năm 2026" (Decree 30 pads days below 10 and months
/// below 3). On `dated` when given (a paper written after the conference), else the
/// conference's first day when known, else today.
pub(super) fn place_and_date(c: &Conference, dated: Option<&str>) -> String {
    let d = dated
        .and_then(date::parse)
        .or_else(|| date::parse(&c.start_date))
        .unwrap_or_else(date::today);
    let place = if c.place_name.is_empty() {
        "……………"
    } else {
        c.place_name.as_str()
    };
    let month = if d.month() < 3 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        d.day(),
        d.year()
    )
}

/// Lays pages out on this thread while another draws the finished ones with krilla and
/// writes the document: drawing is most of the time, and on two cores the two overlap.
fn render(
    landscape: bool,
    title: &str,
    lay_out: impl FnOnce(&mut Writer) -> Result<()>,
) -> Result<Vec<u8>> {
    // A few pages of slack keep both threads busy without holding the whole list.
    let (pages_out, pages_in) = std::sync::mpsc::sync_channel(8);
    std::thread::scope(|scope| {
        let drawer = scope.spawn(|| draw_pages(title, pages_in));
        let laid = Writer::new(landscape, pages_out).and_then(|mut w| {
            lay_out(&mut w)?;
            w.flush();
            Ok(())
        });
        // The writer, and with it the sender, is gone: the drawer finishes the document.
        let drawn = drawer.join().unwrap_or_else(|_| {
            Err(Error::Write {
                format: "PDF",
                detail: "lỗi khi vẽ trang".into(),
            })
        });
        laid?;
        drawn
    })
}

fn draw_pages(title: &str, pages: Receiver<PageOps>) -> Result<Vec<u8>> {
    let bad = || Error::Write {
        format: "PDF",
        detail: "phông chữ Tinos đi kèm bị hỏng".into(),
    };
    let fonts = FONT_FILES
        .iter()
        .map(|data| Font::new((*data).into(), 0).ok_or_else(bad))
        .collect::<Result<Vec<_>>>()?;
    // No tag tree is built, so krilla need not track marked content for one.
    let mut doc = Document::new_with(krilla::SerializeSettings {
        enable_tagging: false,
        ..krilla::SerializeSettings::default()
    });
    doc.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("vi".to_owned())
            .creator("hoinghi".to_owned()),
    );
    for page in pages {
        draw_page(&mut doc, &fonts, page);
    }
    doc.finish().map_err(|e| Error::Write {
        format: "PDF",
        detail: format!("{e:?}"),
    })
}

/// Groups a page's texts into glyph runs and joins its rules, on the layout thread, so
/// that the drawing thread, the slower of the two, only calls krilla.
fn prepare_page(width: f32, height: f32, ops: Vec<Op>) -> PageOps {
    let mut rules: Vec<[f32; 4]> = Vec::new();
    let mut boxes: Vec<[f32; 4]> = Vec::new();
    // Text on one baseline in one style (the cells of a table row) becomes one glyph
    // run: krilla's cost is per call, and a row drawn cell by cell made seven.
    let mut grouped: Vec<Run> = Vec::new();
    for op in ops {
        match op {
            Op::Text {
                x,
                baseline,
                size,
                line,
                flip,
            } => {
                let key = (baseline.to_bits(), line.style, size.to_bits(), flip);
                // The same row's runs are the latest ones.
                match grouped
                    .iter_mut()
                    .rev()
                    .find(|r| (r.0, r.1, r.2, r.3) == key)
                {
                    Some(r) => r.4.push((x, line)),
                    None => grouped.push((key.0, key.1, key.2, key.3, vec![(x, line)])),
                }
            }
            Op::Rule(r) => rules.push(r),
            Op::Box(b) => boxes.push(b),
        }
    }
    let mut runs = Vec::with_capacity(grouped.len());
    for (baseline, style, size, flip, mut parts) in grouped {
        let (baseline, size) = (f32::from_bits(baseline), f32::from_bits(size));
        // An empty part has no glyph to carry the jump past it.
        parts.retain(|p| !p.1.range.is_empty());
        if parts.is_empty() {
            continue;
        }
        parts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (glyphs, text) = join_run(&parts, size);
        runs.push(GlyphRun {
            x: parts[0].0,
            baseline,
            size,
            style,
            flip,
            glyphs,
            text,
        });
    }
    PageOps {
        width,
        height,
        runs,
        rules: merge_rules(rules),
        boxes,
    }
}

fn draw_page(doc: &mut Document, fonts: &[Font], page: PageOps) {
    let Some(settings) = PageSettings::from_wh(page.width, page.height) else {
        return;
    };
    let mut surface_page = doc.start_page_with(settings);
    let mut surface = surface_page.surface();
    surface.set_fill(Some(Fill::default()));
    for flipped in [false, true] {
        if flipped {
            if !page.runs.iter().any(|r| r.flip) {
                break;
            }
            // Half a turn about the page's centre.
            surface.push_transform(&krilla::geom::Transform::from_row(
                -1.0,
                0.0,
                0.0,
                -1.0,
                page.width,
                page.height,
            ));
        }
        for run in page.runs.iter().filter(|r| r.flip == flipped) {
            surface.draw_glyphs(
                Point::from_xy(run.x, run.baseline),
                &run.glyphs,
                fonts[run.style as usize].clone(),
                &run.text,
                run.size,
                false,
            );
        }
        if flipped {
            surface.pop();
        }
    }
    if !page.boxes.is_empty() {
        let mut boxes = PathBuilder::new();
        for [x, y, w, h] in &page.boxes {
            if let Some(r) = krilla::geom::Rect::from_xywh(*x, *y, *w, *h) {
                boxes.push_rect(r);
            }
        }
        if let Some(path) = boxes.finish() {
            surface.set_fill(Some(Fill::default()));
            surface.set_stroke(None);
            surface.draw_path(&path);
        }
    }
    let mut path = PathBuilder::new();
    for [x1, y1, x2, y2] in page.rules {
        path.move_to(x1, y1);
        path.line_to(x2, y2);
    }
    if let Some(path) = path.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            width: RULE,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
    }
    surface.finish();
    surface_page.finish();
}

/// Joins rules that continue one another on one line: each table row draws its own
/// borders, and a page of rows as separate segments cost a tenth of the PDF's time.
fn merge_rules(mut rules: Vec<[f32; 4]>) -> Vec<[f32; 4]> {
    const NEAR: f32 = 0.01;
    // Both kinds as (fixed coordinate, from, to, vertical), from <= to.
    let mut lines: Vec<(f32, f32, f32, bool)> = Vec::with_capacity(rules.len());
    rules.retain(|&[x1, y1, x2, y2]| {
        if (x1 - x2).abs() < NEAR {
            lines.push((x1, y1.min(y2), y1.max(y2), true));
            false
        } else if (y1 - y2).abs() < NEAR {
            lines.push((y1, x1.min(x2), x1.max(x2), false));
            false
        } else {
            true
        }
    });
    lines.sort_by(|a, b| {
        a.3.cmp(&b.3)
            .then(a.0.total_cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
    });
    let mut merged: Vec<(f32, f32, f32, bool)> = Vec::with_capacity(lines.len());
    for l in lines {
        match merged.last_mut() {
            Some(m) if m.3 == l.3 && (m.0 - l.0).abs() < NEAR && l.1 <= m.2 + NEAR => {
                m.2 = m.2.max(l.2);
            }
            _ => merged.push(l),
        }
    }
    rules.extend(merged.into_iter().map(|(at, from, to, vertical)| {
        if vertical {
            [at, from, at, to]
        } else {
            [from, at, to, at]
        }
    }));
    rules
}

/// Lines sharing a baseline (bits), style and size (bits), with their x.
type Run = (u32, Style, u32, bool, Vec<(f32, Line)>);

/// Glyphs of lines on one baseline as one run: the last glyph of each (non-empty) part
/// advances to where the next part starts; text ranges point into the parts' texts joined.
fn join_run(parts: &[(f32, Line)], size: f32) -> (Vec<KrillaGlyph>, String) {
    use krilla::text::Glyph as _;
    let mut glyphs = Vec::new();
    let mut text = String::new();
    for (i, (x, line)) in parts.iter().enumerate() {
        let s = &line.shaped;
        let base = text.len();
        text.push_str(&s.text);
        let next = parts.get(i + 1).map(|p| p.0);
        let n = line.range.len();
        for (j, g) in s.glyphs[line.range.clone()].iter().enumerate() {
            let mut advance = g.x_advance(1.0);
            if j + 1 == n
                && let Some(next_x) = next
            {
                // Jump to the next part; never backwards.
                advance += ((next_x - x) / size - line.width_em).max(0.0);
            }
            let r = g.text_range();
            glyphs.push(KrillaGlyph::new(
                g.glyph_id(),
                advance,
                g.x_offset(1.0),
                g.y_offset(1.0),
                g.y_advance(1.0),
                base + r.start..base + r.end,
                None,
            ));
        }
    }
    (glyphs, text)
}

/// Column widths on paper, and the page's orientation, from the content.
struct Fit {
    landscape: bool,
    widths: Vec<f32>,
    /// The table's text size, in points.
    size: f32,
}

/// Rows may grow to this many lines when no page keeps them to two; a try with this
/// many takes any layout the minimums allow.
const MAX_LINES: usize = 12;
/// Breaking between words leaves part of each line empty: a column meant to hold its
/// longest cell in k lines gets this much more than a k-th of it.
const WRAP_SLACK: f32 = 1.15;
/// A column this close to holding its longest cell on one line is given the line.
const CHEAP: f32 = 6.0 * MM;
/// Measuring and wrapping may round differently: a word measured to fit gets this much
/// more, so it is never broken at its last letter ("ST/T").
const ROUNDING: f32 = 0.5;
/// How many of a column's longest cells are measured.
const MEASURED: usize = 24;
/// A header this short stays on one line ("Ghi chú"); a longer one breaks between words.
const SHORT_HEADER: f32 = 24.0 * MM;

/// What each column needs: at least its longest word (headers break only between words,
/// short headers not at all), a signature's 35 mm, a whole name; at best its longest cell
/// on one line. Portrait when the minimums fit (unless the list is wide by nature), then
/// the room left goes where it shortens lines most.
fn fit(sheet: &Sheet, ts: &mut Typesetter) -> Fit {
    let portrait = A4.0 - MARGIN_LEFT - MARGIN_RIGHT;
    let landscape = A4.1 - MARGIN_LEFT - MARGIN_RIGHT;
    let first = |ts: &mut Typesetter, turned: bool, tries: &[(f32, usize)]| {
        let room = if turned { landscape } else { portrait };
        tries.iter().find_map(|&(size, lines)| {
            fit_at(sheet, ts, size, room, lines).map(|widths| Fit {
                landscape: turned,
                widths,
                size,
            })
        })
    };
    // Landscape: rows of two lines at most (a size smaller if it must), or as many as it
    // takes.
    let turned = first(
        ts,
        true,
        &[
            (TABLE_SIZE, 2),
            (SMALL_TABLE_SIZE, 2),
            (TABLE_SIZE, MAX_LINES),
            (SMALL_TABLE_SIZE, MAX_LINES),
        ],
    );
    if sheet.landscape {
        // Wide by nature.
        if let Some(f) = turned {
            return f;
        }
    } else {
        // Portrait, as offices file their lists: at the usual size, then a size smaller
        // (Decree 30 allows 11 to 13 pt in tables), rows of two lines, then of three, then
        // as tall as they must be. It stays portrait unless turning the page saves paper: the sample's sign-in sheet
        // (rank, position, unit beside the name) took 42 portrait pages of units broken a
        // word a line, against 30 landscape pages of one line per person.
        let upright = first(
            ts,
            false,
            &[
                (TABLE_SIZE, 2),
                (SMALL_TABLE_SIZE, 2),
                (TABLE_SIZE, 3),
                (SMALL_TABLE_SIZE, MAX_LINES),
            ],
        );
        match (upright, turned) {
            (Some(p), Some(l)) => {
                return if pages(sheet, ts, &p) <= pages(sheet, ts, &l) * PORTRAIT_BIAS {
                    p
                } else {
                    l
                };
            }
            (Some(f), None) | (None, Some(f)) => return f,
            (None, None) => {}
        }
    }
    // Not even landscape holds every longest word: shrink the minimums alike.
    let (min, _, _) = needs(sheet, ts, TABLE_SIZE);
    let scale = landscape / min.iter().sum::<f32>();
    Fit {
        landscape: true,
        widths: min.iter().map(|w| w * scale).collect(),
        size: TABLE_SIZE,
    }
}

/// Portrait is kept while it takes at most this many times the landscape pages.
const PORTRAIT_BIAS: f32 = 1.1;
/// Rows wrapped to estimate a layout's length.
const SAMPLED_ROWS: usize = 200;

/// About how many pages the table takes with `fit`, from rows spread over the list (a
/// short list is one page either way, and stays portrait).
fn pages(sheet: &Sheet, ts: &mut Typesetter, fit: &Fit) -> f32 {
    let rows: Vec<&Vec<Cell>> = sheet.sections.iter().flat_map(|s| &s.rows).collect();
    if rows.is_empty() {
        return 1.0;
    }
    let step = rows.len().div_ceil(SAMPLED_ROWS).max(1);
    let (mut sampled, mut height_sum) = (0usize, 0.0f32);
    for row in rows.iter().step_by(step) {
        let cells: Vec<Vec<Line>> = row
            .iter()
            .zip(&fit.widths)
            .map(|(c, w)| ts.wrap(Style::Regular, fit.size, &c.display(), w - 2.0 * PAD_X))
            .collect();
        height_sum += height(&cells, fit.size, sheet.min_row_mm * MM);
        sampled += 1;
    }
    #[allow(clippy::cast_precision_loss)]
    let rows_height = height_sum / sampled as f32 * rows.len() as f32;
    let body = if fit.landscape { A4.0 } else { A4.1 } - MARGIN_TOP - MARGIN_BOTTOM;
    (rows_height / body).ceil()
}

/// What each column needs at `size`: at least, at best (its longest cell on one line) and
/// usually (the cell longer than 95% of the column's on one line).
fn needs(sheet: &Sheet, ts: &mut Typesetter, size: f32) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let pad = 2.0 * PAD_X;
    let widest = |ts: &mut Typesetter, style: Style, text: &str| {
        text.split_whitespace()
            .map(|w| ts.width(style, size, w))
            .fold(0.0f32, f32::max)
    };
    let mut min = Vec::with_capacity(sheet.columns.len());
    let mut want = Vec::with_capacity(sheet.columns.len());
    let mut usual = Vec::with_capacity(sheet.columns.len());
    let usual_at = sheet.row_count() / 20;
    for (i, c) in sheet.columns.iter().enumerate() {
        let header_full = ts.width(Style::Bold, size, c.header);
        let header_min = if header_full <= SHORT_HEADER {
            header_full
        } else {
            widest(ts, Style::Bold, c.header)
        };
        let (mut cell_full, mut cell_word, mut cell_usual) = (0.0f32, 0.0f32, 0.0f32);
        let longest = sheet.longest_cells(i, MEASURED);
        let usual_at = usual_at.min(longest.len().saturating_sub(1));
        for (n, text) in longest.iter().enumerate() {
            for line in text.lines() {
                let w = ts.width(Style::Regular, size, line);
                cell_full = cell_full.max(w);
                if n >= usual_at {
                    cell_usual = cell_usual.max(w);
                }
            }
            cell_word = cell_word.max(widest(ts, Style::Regular, text));
        }
        let mut lo = header_min.max(cell_word) + pad;
        if c.whole {
            lo = lo.max(cell_full + pad);
        }
        lo = lo.max(c.min_mm * MM) + ROUNDING;
        min.push(lo);
        want.push((header_full.max(cell_full) + pad + ROUNDING).max(lo));
        usual.push((header_full.max(cell_usual) + pad + ROUNDING).max(lo));
    }
    (min, want, usual)
}

/// Widths across `room` at `size` whose longest cells take at most `lines` lines, when
/// every column gets at least what it needs.
fn fit_at(
    sheet: &Sheet,
    ts: &mut Typesetter,
    size: f32,
    room: f32,
    lines: usize,
) -> Option<Vec<f32>> {
    let (min, want, usual) = needs(sheet, ts, size);
    let (needed, wanted) = (min.iter().sum::<f32>(), want.iter().sum::<f32>());
    if needed > room + 0.01 {
        return None;
    }
    if wanted <= room {
        // Everything fits on one line: the room left goes to the text columns.
        let text = |c: &super::sheet::Column| c.align == Align::Left;
        let shares: f32 = sheet
            .columns
            .iter()
            .filter(|c| text(c))
            .map(|c| c.width)
            .sum();
        let extra = room - wanted;
        return Some(
            sheet
                .columns
                .iter()
                .zip(&want)
                .map(|(c, w)| {
                    if text(c) && shares > 0.0 {
                        w + extra * c.width / shares
                    } else {
                        *w
                    }
                })
                .collect(),
        );
    }
    // Rows of k lines: a long column gets a k-th of its usual cell (with some slack, as
    // lines break between words; the few longer cells take a line more); a column a few
    // millimetres short of one line ("Thượng úy") gets its line, which costs little. The
    // fewest lines that fit win, and what is left goes where lines are still broken.
    for k in 2..=lines {
        #[allow(clippy::cast_precision_loss)]
        let part =
            |lo: f32, hi: f32| lo.max((hi - 2.0 * PAD_X) * WRAP_SLACK / k as f32 + 2.0 * PAD_X);
        let cheap = |lo: f32, hi: f32| hi - lo <= CHEAP;
        let mut widths: Vec<f32> = (0..min.len())
            .map(|i| {
                if cheap(min[i], want[i]) {
                    want[i]
                } else {
                    part(min[i], usual[i])
                }
            })
            .collect();
        if widths.iter().sum::<f32>() > room {
            widths = (0..min.len()).map(|i| part(min[i], usual[i])).collect();
        }
        let used = widths.iter().sum::<f32>();
        if used > room {
            continue;
        }
        // The columns nearest their usual line get it first (a unit, a gift's item), so
        // the breaks left are in the long columns; the rest goes where lines are longest.
        let mut spare = room - used;
        let mut order: Vec<usize> = (0..widths.len()).collect();
        order.sort_by(|&a, &b| (usual[a] - widths[a]).total_cmp(&(usual[b] - widths[b])));
        for i in order {
            let gap = (usual[i] - widths[i]).max(0.0);
            if gap <= spare {
                widths[i] += gap;
                spare -= gap;
            }
        }
        let short: f32 = widths
            .iter()
            .zip(&want)
            .map(|(w, hi)| (hi - w).max(0.0))
            .sum();
        if short > 0.0 {
            for (w, hi) in widths.iter_mut().zip(&want) {
                *w += spare * (hi - *w).max(0.0) / short;
            }
        }
        return Some(widths);
    }
    // As tall as it takes: the room beyond the minimums goes where lines are longest,
    // first towards each column's usual line, then towards its longest; never past that
    // while another column still breaks (the table still spans the text block: had
    // everything fit on one line, the first branch would have taken it).
    if lines >= MAX_LINES {
        let mut widths = min.clone();
        let mut spare = room - needed;
        for goal in [&usual, &want] {
            let ask: f32 = widths
                .iter()
                .zip(goal)
                .map(|(w, hi)| (hi - w).max(0.0))
                .sum();
            if ask <= 0.0 {
                continue;
            }
            let give = spare.min(ask);
            for (w, hi) in widths.iter_mut().zip(goal) {
                *w += give * (hi - *w).max(0.0) / ask;
            }
            spare -= give;
        }
        if spare > 0.0 {
            // Only rounding is left; the widest column takes it.
            if let Some(w) = widths.iter_mut().max_by(|a, b| a.total_cmp(b)) {
                *w += spare;
            }
        }
        return Some(widths);
    }
    None
}

/// Column widths of a table inside a document, across a portrait page: at the usual
/// size, rows as tall as they must be; a size smaller only when the longest words need it.
fn fit_portrait(sheet: &Sheet, ts: &mut Typesetter) -> Fit {
    let room = portrait_width();
    for (size, lines) in [
        (TABLE_SIZE, 2),
        (TABLE_SIZE, 3),
        (TABLE_SIZE, MAX_LINES),
        (SMALL_TABLE_SIZE, MAX_LINES),
    ] {
        if let Some(widths) = fit_at(sheet, ts, size, room, lines) {
            return Fit {
                landscape: false,
                widths,
                size,
            };
        }
    }
    let (min, _, _) = needs(sheet, ts, SMALL_TABLE_SIZE);
    let scale = room / min.iter().sum::<f32>().max(1.0);
    Fit {
        landscape: false,
        widths: min.iter().map(|w| w * scale).collect(),
        size: SMALL_TABLE_SIZE,
    }
}

/// The column widths (points) and text size of a table inside a document; the Word
/// file uses the same.
pub(super) fn document_table_widths(sheet: &Sheet) -> Result<(Vec<f32>, f32)> {
    let f = fit_portrait(sheet, &mut Typesetter::new()?);
    Ok((f.widths, f.size))
}

/// The width of a portrait page's text, in points.
pub(super) fn portrait_width() -> f32 {
    A4.0 - MARGIN_LEFT - MARGIN_RIGHT
}

/// The orientation and column widths (points) a list prints with; the Word file uses
/// the same.
pub(super) fn column_widths(sheet: &Sheet) -> Result<(bool, Vec<f32>, f32)> {
    let f = fit(sheet, &mut Typesetter::new()?);
    Ok((f.landscape, f.widths, f.size))
}

/// Lays one table out: column edges, the header's lines, cell padding.
struct Table {
    /// Text size of the cells, in points.
    size: f32,
    xs: Vec<f32>,
    aligns: Vec<Align>,
    header: Vec<Vec<Line>>,
    header_h: f32,
    min_row: f32,
}

impl Table {
    fn new(w: &mut Writer, sheet: &Sheet, widths: &[f32], size: f32) -> Self {
        let mut xs = vec![w.left()];
        for width in widths {
            let last = *xs.last().unwrap_or(&0.0);
            xs.push(last + width);
        }
        let header: Vec<Vec<Line>> = sheet
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                w.ts.wrap(Style::Bold, size, c.header, xs[i + 1] - xs[i] - 2.0 * PAD_X)
            })
            .collect();
        let header_h = height(&header, size, 0.0);
        Self {
            size,
            xs,
            aligns: sheet.columns.iter().map(|c| c.align).collect(),
            header,
            header_h,
            min_row: sheet.min_row_mm * MM,
        }
    }

    fn right(&self) -> f32 {
        *self.xs.last().unwrap_or(&0.0)
    }

    fn grid(&self, w: &mut Writer, top: f32, h: f32) {
        let (l, r) = (self.xs[0], self.right());
        w.rule(l, top, r, top);
        w.rule(l, top + h, r, top + h);
        for x in &self.xs {
            w.rule(*x, top, *x, top + h);
        }
    }

    fn draw_header(&self, w: &mut Writer) {
        let top = w.y;
        for (i, lines) in self.header.iter().enumerate() {
            let inner = self.xs[i + 1] - self.xs[i] - 2.0 * PAD_X;
            let used = lines.len() as f32 * self.size * LEADING;
            let dy = (self.header_h - 2.0 * PAD_Y - used) / 2.0;
            w.lines_at(
                lines,
                self.xs[i] + PAD_X,
                inner,
                top + PAD_Y + dy,
                self.size,
                Align::Center,
            );
        }
        self.grid(w, top, self.header_h);
        w.y += self.header_h;
    }

    /// Starts a page that continues the table.
    fn continue_on_new_page(&self, w: &mut Writer) {
        w.new_page();
        self.draw_header(w);
    }

    fn cells(&self, w: &mut Writer, row: &[Cell], bold: bool) -> Vec<Vec<Line>> {
        let style = if bold { Style::Bold } else { Style::Regular };
        row.iter()
            .enumerate()
            .map(|(i, c)| {
                let inner = self.xs[i + 1] - self.xs[i] - 2.0 * PAD_X;
                w.ts.wrap(style, self.size, &c.display(), inner)
            })
            .collect()
    }

    /// One row, moved whole to the next page when it does not fit; only a row taller
    /// than a whole page is continued across pages.
    fn row(&self, w: &mut Writer, cells: &[Vec<Line>]) {
        let h = height(cells, self.size, self.min_row);
        let body = w.bottom() - MARGIN_TOP - self.header_h;
        if w.y + h > w.bottom() {
            if h <= body {
                self.continue_on_new_page(w);
            } else {
                return self.tall_row(w, cells);
            }
        }
        let top = w.y;
        for (i, lines) in cells.iter().enumerate() {
            let inner = self.xs[i + 1] - self.xs[i] - 2.0 * PAD_X;
            w.lines_at(
                lines,
                self.xs[i] + PAD_X,
                inner,
                top + PAD_Y,
                self.size,
                self.aligns[i],
            );
        }
        self.grid(w, top, h);
        w.y += h;
    }

    fn tall_row(&self, w: &mut Writer, cells: &[Vec<Line>]) {
        let lh = self.size * LEADING;
        let mut from = 0;
        let most = cells.iter().map(Vec::len).max().unwrap_or(0);
        while from < most {
            let room = ((w.bottom() - w.y - 2.0 * PAD_Y) / lh).floor().max(0.0) as usize;
            if room == 0 {
                self.continue_on_new_page(w);
                continue;
            }
            let to = (from + room).min(most);
            let part: Vec<Vec<Line>> = cells
                .iter()
                .map(|c| c[from.min(c.len())..to.min(c.len())].to_vec())
                .collect();
            self.row(w, &part);
            from = to;
        }
    }

    /// A bold line across the whole table (a unit or a topic).
    fn band(&self, w: &mut Writer, text: &str) {
        let (l, r) = (self.xs[0], self.right());
        let lines = w.ts.wrap(Style::Bold, self.size, text, r - l - 2.0 * PAD_X);
        let h = height(std::slice::from_ref(&lines), self.size, 0.0);
        // Keep the band with at least one row under it.
        if w.y + h + self.size * LEADING * 2.0 > w.bottom() {
            self.continue_on_new_page(w);
        }
        let top = w.y;
        w.lines_at(
            &lines,
            l + PAD_X,
            r - l,
            top + PAD_Y,
            self.size,
            Align::Left,
        );
        w.rule(l, top, r, top);
        w.rule(l, top + h, r, top + h);
        w.rule(l, top, l, top + h);
        w.rule(r, top, r, top + h);
        w.y += h;
    }
}

fn height(cells: &[Vec<Line>], size: f32, min: f32) -> f32 {
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (lines as f32 * size * LEADING + 2.0 * PAD_Y).max(min)
}

/// Progress is reported every this many rows.
const STEP: usize = 64;

/// Writes `sheet` as a PDF. `progress(done, total)` returns false to cancel.
pub fn write(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    if sheet.badges {
        return badges(sheet, conference, progress);
    }
    if sheet.place_cards {
        return place_cards(sheet, progress);
    }
    if !sheet.prose.is_empty() {
        return prose(sheet, conference, progress);
    }
    if !sheet.blocks.is_empty() {
        return document::write(sheet, conference, progress);
    }
    let fit = fit(sheet, &mut Typesetter::new()?);
    render(fit.landscape, &sheet.title, |w| {
        let table = Table::new(w, sheet, &fit.widths, fit.size);
        let total = sheet.row_count();
        let mut done = 0;
        let (x, cw) = (w.left(), w.content_width());
        let per_page = sheet.per_page();
        for (si, section) in sheet.sections.iter().enumerate() {
            if si == 0 || per_page {
                w.new_page();
                w.heading(conference, sheet);
                let third = if per_page {
                    section.heading.as_deref()
                } else {
                    None
                };
                w.title(&sheet.title, &sheet.subtitle, third);
                for p in &sheet.intro {
                    w.paragraph(p, Style::Regular, TEXT_SIZE, x, cw, Align::Left);
                }
                if !sheet.intro.is_empty() {
                    w.y += 3.0 * MM;
                }
                if w.y + table.header_h + 2.0 * table.size * LEADING > w.bottom() {
                    w.new_page();
                }
                table.draw_header(w);
            }
            if !per_page && let Some(h) = &section.heading {
                table.band(w, h);
            }
            if section.rows.is_empty() && section.total.is_none() {
                let cells = vec![w.ts.wrap(
                    Style::Italic,
                    table.size,
                    "(Không có dòng nào)",
                    table.right() - x,
                )];
                let h = height(&cells, table.size, 0.0);
                let top = w.y;
                w.lines_at(
                    &cells[0],
                    x + PAD_X,
                    cw,
                    top + PAD_Y,
                    table.size,
                    Align::Left,
                );
                table.grid(w, top, h);
                w.y += h;
            }
            for row in &section.rows {
                let cells = table.cells(w, row, false);
                table.row(w, &cells);
                done += 1;
                if done % STEP == 0 && !progress(done, total) {
                    return Err(Error::Cancelled);
                }
            }
            if let Some(t) = &section.total {
                let cells = table.cells(w, t, true);
                table.row(w, &cells);
            }
            if let Some(f) = &section.footer {
                w.y += 2.0 * MM;
                w.paragraph(f, Style::Italic, TEXT_SIZE, x, cw, Align::Left);
            }
            if per_page {
                w.signatures(conference, sheet);
            }
        }
        if !per_page {
            w.y += 3.0 * MM;
            for p in &sheet.closing {
                w.paragraph(p, Style::Regular, TEXT_SIZE, x, cw, Align::Left);
            }
            w.signatures(conference, sheet);
        }
        progress(total, total);
        Ok(())
    })
}

/// Name badges, 2 × 5 per A4 page (90 × 54 mm) with cut marks at every corner.
fn badges(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    const BW: f32 = 90.0 * MM;
    const BH: f32 = 54.0 * MM;
    const COLS: usize = 2;
    const ROWS: usize = 5;
    render(false, &sheet.title, |w| {
        let x0 = (w.width - BW * COLS as f32) / 2.0;
        let y0 = (w.height - BH * ROWS as f32) / 2.0;
        let rows: Vec<&Vec<Cell>> = sheet.sections.iter().flat_map(|s| &s.rows).collect();
        let total = rows.len();
        let inner = BW - 10.0 * MM;
        for (i, row) in rows.iter().enumerate() {
            let slot = i % (COLS * ROWS);
            if slot == 0 {
                w.new_page();
                cut_marks(w, x0, y0, BW, BH, COLS, ROWS);
            }
            let (bx, by) = (
                x0 + (slot % COLS) as f32 * BW + 5.0 * MM,
                y0 + (slot / COLS) as f32 * BH + BADGE_TOP,
            );
            let field = |k: usize| row.get(k).map(Cell::display).unwrap_or_default();
            let mut y = by;
            let put =
                |w: &mut Writer, y: &mut f32, text: &str, style: Style, size: f32, lines: usize| {
                    badge_line(w, y, (bx, inner), text, (style, size), lines);
                };
            put(
                w,
                &mut y,
                &conference.name.to_uppercase(),
                Style::Bold,
                8.5,
                2,
            );
            y += 1.0 * MM;
            w.rule(bx + inner / 3.0, y, bx + inner * 2.0 / 3.0, y);
            y += 1.0 * MM;
            put(w, &mut y, "ĐẠI BIỂU", Style::Bold, 11.0, 1);
            y += 1.0 * MM;
            put(w, &mut y, &field(0), Style::Bold, 17.0, 1);
            y += 1.0 * MM;
            let role: Vec<String> = [field(1), field(2)]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            // The code's QR at the bottom right, its quiet zone reaching into the badge's
            // margin; the lines beside it keep out of the quiet zone, and the code's
            // digits go under them.
            let code = field(5);
            let qr_code = (!code.is_empty())
                .then(|| qrcode::QrCode::with_error_correction_level(&code, qrcode::EcLevel::M))
                .and_then(std::result::Result::ok);
            let bottom = by - BADGE_TOP + BH;
            // Codes one above the other down a column made zbar, reading the whole page,
            // miss one of ten: every other row's code sits further left.
            let stagger = if (slot / COLS) % 2 == 1 {
                QR_STAGGER
            } else {
                0.0
            };
            let placed = qr_code.map(|c| {
                let side = qr_side(&c);
                let qx = bx + inner + 4.5 * MM - side - stagger;
                let qy = bottom - 0.5 * MM - side;
                (c, qx, qy, side)
            });
            let narrow = placed
                .as_ref()
                .map_or(inner, |&(_, qx, _, _)| qx - bx - 0.5 * MM);
            let beside = |w: &mut Writer, y: &mut f32, text: &str, style: Style| {
                badge_line(w, y, (bx, narrow), text, (style, 11.0), 2);
            };
            beside(w, &mut y, &role.join(", "), Style::Regular);
            beside(w, &mut y, &field(3), Style::Italic);
            if let Some((c, qx, qy, _)) = placed {
                draw_qr(w, &c, (qx, qy));
                let mut cy = bottom - 4.0 * MM;
                badge_line(w, &mut cy, (bx, narrow), &code, (Style::Regular, 7.0), 1);
            }
            if (i + 1) % STEP == 0 && !progress(i + 1, total) {
                return Err(Error::Cancelled);
            }
        }
        if total == 0 {
            w.new_page();
            w.paragraph(
                "Chưa có đại biểu nào để in thẻ.",
                Style::Italic,
                TEXT_SIZE,
                MARGIN_LEFT,
                w.content_width(),
                Align::Left,
            );
        }
        progress(total, total);
        Ok(())
    })
}

/// A badge's text starts this far below its top edge. Tight: with the QR code's quiet
/// zone at the bottom right, the name above it must end above the quiet zone.
const BADGE_TOP: f32 = 2.5 * MM;

/// Modules of white around a QR code, as the standard asks.
const QR_QUIET: usize = 4;
/// A module of a badge's QR code: five pixels at 150 dpi (ten at 300), 0.85 mm, so that
/// a badge's code (21 modules) is 17.8 mm wide. At 12 mm zbar missed up to half of a
/// page at 200 dpi; modules a fraction of a pixel off the grid cost it a code in ten.
const QR_MODULE: f32 = 5.0 * QR_GRID;
/// One pixel at 150 dpi, in points: codes start on this grid.
const QR_GRID: f32 = 72.0 / 150.0;

/// How much further left every other row of badges has its QR code (more than a finder
/// pattern's width: a smaller step confused zbar more, not less).
const QR_STAGGER: f32 = 8.0 * MM;

/// A QR code's width with its quiet zone (and a pixel to put it on the grid), in points.
fn qr_side(code: &qrcode::QrCode) -> f32 {
    (code.width() + 2 * QR_QUIET) as f32 * QR_MODULE + QR_GRID
}

/// A QR code with its quiet zone in the square [`qr_side`] wide whose top left corner is
/// (x, y); the code itself starts on the 150-dpi pixel grid. Dark modules of a row are
/// drawn as one box.
fn draw_qr(w: &mut Writer, code: &qrcode::QrCode, (x, y): (f32, f32)) {
    let n = code.width();
    let module = QR_MODULE;
    let quiet = QR_QUIET as f32 * module;
    let (ox, oy) = (
        ((x + quiet) / QR_GRID).ceil() * QR_GRID,
        ((y + quiet) / QR_GRID).ceil() * QR_GRID,
    );
    let colors = code.to_colors();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == qrcode::Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == qrcode::Color::Dark {
                    col += 1;
                }
                // A hair taller than a module: rows touch, no light seam between them.
                w.ops.push(Op::Box([
                    ox + start as f32 * module,
                    oy + row as f32 * module,
                    (col - start) as f32 * module,
                    module + 0.05,
                ]));
            } else {
                col += 1;
            }
        }
    }
}

/// A document of paragraphs (the MC's script): the heading blocks, the title, then each
/// paragraph, headings in bold; lines of a list keep their breaks.
fn prose(
    sheet: &Sheet,
    conference: &Conference,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>> {
    render(false, &sheet.title, |w| {
        w.new_page();
        w.heading(conference, sheet);
        w.title(&sheet.title, &sheet.subtitle, None);
        let (x, cw) = (w.left(), w.content_width());
        let total = sheet.prose.len();
        for (i, (bold, text)) in sheet.prose.iter().enumerate() {
            if *bold {
                w.y += 3.0 * MM;
                // A heading never ends a page alone.
                if w.y + 4.0 * TEXT_SIZE * LEADING > w.bottom() {
                    w.new_page();
                }
            }
            let style = if *bold { Style::Bold } else { Style::Regular };
            for part in text.split('\n') {
                let lines = w.ts.wrap(style, TEXT_SIZE, part, cw);
                for line in lines {
                    if w.y + TEXT_SIZE * LEADING > w.bottom() {
                        w.new_page();
                    }
                    let y = w.y;
                    w.lines_at(
                        std::slice::from_ref(&line),
                        x,
                        cw,
                        y,
                        TEXT_SIZE,
                        Align::Left,
                    );
                    w.y += TEXT_SIZE * LEADING;
                }
            }
            w.y += 1.5 * MM;
            if !progress(i + 1, total) {
                return Err(Error::Cancelled);
            }
        }
        Ok(())
    })
}

/// Place cards for the head table ("bảng tên để bàn"): one A4 sheet each, landscape,
/// folded along its middle into a tent; the name in large type and the position below it
/// on both faces, the far face turned so each reads upright from its side.
fn place_cards(sheet: &Sheet, progress: &mut dyn FnMut(usize, usize) -> bool) -> Result<Vec<u8>> {
    render(true, &sheet.title, |w| {
        w.numbered = false;
        let rows: Vec<&Vec<Cell>> = sheet.sections.iter().flat_map(|s| &s.rows).collect();
        let total = rows.len();
        let half = w.height / 2.0;
        let side = 20.0 * MM;
        let width = w.width - 2.0 * side;
        for (i, row) in rows.iter().enumerate() {
            let field = |k: usize| row.get(k).map(Cell::display).unwrap_or_default();
            w.new_page();
            // The fold, dashed by short rules at the edges only (it must not show).
            w.rule(0.0, half, 8.0 * MM, half);
            w.rule(w.width - 8.0 * MM, half, w.width, half);
            for flip in [false, true] {
                w.flip = flip;
                // The near face is the lower half; the far one is the same, turned.
                let mut y = half + 22.0 * MM;
                badge_line(w, &mut y, (side, width), &field(0), (Style::Bold, 54.0), 1);
                y += 4.0 * MM;
                badge_line(
                    w,
                    &mut y,
                    (side, width),
                    &field(1),
                    (Style::Regular, 24.0),
                    2,
                );
            }
            w.flip = false;
            if (i + 1) % STEP == 0 && !progress(i + 1, total) {
                return Err(Error::Cancelled);
            }
        }
        if total == 0 {
            w.new_page();
            w.paragraph(
                "Chưa có ai ở bàn chủ tọa: đặt «Thứ tự cố định» cho đại biểu ngồi bàn chủ tọa, hoặc xếp họ vào thành phần Lãnh đạo, Khách mời.",
                Style::Italic,
                TEXT_SIZE,
                MARGIN_LEFT,
                w.content_width(),
                Align::Left,
            );
        }
        progress(total, total);
        Ok(())
    })
}

/// A centred badge line that shrinks (down to 8 pt) before it wraps past `max_lines`.
fn badge_line(
    w: &mut Writer,
    y: &mut f32,
    (x, width): (f32, f32),
    text: &str,
    (style, size): (Style, f32),
    max_lines: usize,
) {
    if text.is_empty() {
        return;
    }
    let mut size = size;
    let mut lines = w.ts.wrap(style, size, text, width);
    while lines.len() > max_lines && size > 8.0 {
        size -= 0.5;
        lines = w.ts.wrap(style, size, text, width);
    }
    w.lines_at(&lines, x, width, *y, size, Align::Center);
    *y += lines.len() as f32 * size * LEADING;
}

/// Short ticks outside the grid on every cutting line, and small crosses where cuts meet.
fn cut_marks(w: &mut Writer, x0: f32, y0: f32, bw: f32, bh: f32, cols: usize, rows: usize) {
    let tick = 4.0 * MM;
    let gap = 1.5 * MM;
    let (x1, y1) = (x0 + bw * cols as f32, y0 + bh * rows as f32);
    for c in 0..=cols {
        let x = x0 + bw * c as f32;
        w.rule(x, y0 - gap - tick, x, y0 - gap);
        w.rule(x, y1 + gap, x, y1 + gap + tick);
    }
    for r in 0..=rows {
        let y = y0 + bh * r as f32;
        w.rule(x0 - gap - tick, y, x0 - gap, y);
        w.rule(x1 + gap, y, x1 + gap + tick, y);
    }
    let arm = 1.5 * MM;
    for c in 1..cols {
        for r in 1..rows {
            let (x, y) = (x0 + bw * c as f32, y0 + bh * r as f32);
            w.rule(x - arm, y, x + arm, y);
            w.rule(x, y - arm, x, y + arm);
        }
    }
}

#[cfg(test)]
mod heading_tests {
    use super::*;

    /// A text drawn: left x, baseline, size, width, text.
    type Drawn = (f32, f32, f32, f32, String);

    /// Texts drawn and rules, of a heading alone.
    fn heading_ops(c: &Conference, landscape: bool) -> (Vec<Drawn>, Vec<[f32; 4]>) {
        let (tx, _rx) = std::sync::mpsc::sync_channel(8);
        let Ok(mut w) = Writer::new(landscape, tx) else {
            panic!("the bundled fonts load");
        };
        w.heading(c, &Sheet::default());
        let mut texts = Vec::new();
        let mut rules = Vec::new();
        for op in &w.ops {
            match op {
                Op::Text {
                    x,
                    baseline,
                    size,
                    line,
                    ..
                } => texts.push((
                    *x,
                    *baseline,
                    *size,
                    line.width_em * size,
                    line.shaped.text.clone(),
                )),
                Op::Rule(r) => rules.push(*r),
                Op::Box(_) => {}
            }
        }
        (texts, rules)
    }

    /// Issue 21 §4: the lines under the issuing unit and the motto sat on the letters like
    /// an underline. Decree 30: a separate solid line below the text, 1/3 to 1/2 of the
    /// unit's name long, and as long as the motto.
    #[test]
    fn heading_lines_are_solid_lines_below_the_text() {
        let c = Conference {
            superior_agency: "Bộ Công an".into(),
            issuing_unit: "Công an tỉnh Hậu Giang".into(),
            place_name: "Hậu Giang".into(),
            ..Conference::default()
        };
        for landscape in [false, true] {
            let (texts, rules) = heading_ops(&c, landscape);
            assert_eq!(
                rules.len(),
                2,
                "one line under the unit, one under the motto"
            );
            for (text, share) in [
                ("CÔNG AN TỈNH HẬU GIANG", (1.0 / 3.0, 0.5)),
                (MOTTO, (0.99, 1.01)),
            ] {
                let Some(&(x, baseline, size, width, _)) = texts.iter().find(|t| t.4 == text)
                else {
                    panic!("{text} is drawn on one line");
                };
                // The rule below it: the first one under its baseline, across its middle.
                let mid = x + width / 2.0;
                let Some(rule) = rules
                    .iter()
                    .filter(|r| r[1] > baseline && r[0] < mid && r[2] > mid)
                    .min_by(|a, b| a[1].total_cmp(&b[1]))
                else {
                    panic!("no line below {text}");
                };
                assert!((rule[1] - rule[3]).abs() < 0.01, "a horizontal line");
                // Tinos descends 0.216 em; the dot below Ậ no further. Clear by a millimetre.
                let clear = rule[1] - (baseline + 0.216 * size);
                assert!(clear >= 1.0 * MM, "{text}: {clear} pt below the descenders");
                assert!(
                    clear <= 3.0 * MM,
                    "{text}: still with its text ({clear} pt)"
                );
                let len = rule[2] - rule[0];
                assert!(
                    len >= width * share.0 && len <= width * share.1,
                    "{text}: a line {len} pt long under {width} pt of text"
                );
                assert!(
                    (f32::midpoint(rule[0], rule[2]) - mid).abs() < 0.5,
                    "{text}: centred"
                );
            }
        }
    }

    /// Issue 21 §4: Word and `LibreOffice` broke "CÔNG AN TỈNH HẬU / GIANG" in its block;
    /// the block is as wide as its longest line and a word processor's rounding.
    #[test]
    fn the_heading_block_holds_the_unit_s_name_on_one_line() {
        let c = Conference {
            superior_agency: "Bộ Công an".into(),
            issuing_unit: "Công an tỉnh Hậu Giang".into(),
            ..Conference::default()
        };
        let Ok(mut ts) = Typesetter::new() else {
            panic!("the bundled fonts load");
        };
        let g = heading_geometry(&mut ts, &c, portrait_width());
        for (style, text) in [
            (Style::Regular, "BỘ CÔNG AN"),
            (Style::Bold, "CÔNG AN TỈNH HẬU GIANG"),
        ] {
            let w = ts.width(style, TEXT_SIZE, text);
            assert!(g.left >= w + 4.0 * MM, "{text}: {w} pt in {} pt", g.left);
        }
        assert!(
            g.left
                + ts.width(
                    Style::Bold,
                    g.nation_size,
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                )
                <= portrait_width()
        );
    }
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::export::{ListKind, Options, build};

    /// Issue 21 §4: "lists that fit" applies to every list: names on one line, the table
    /// as wide as the text block, and no column wider than its longest line while another
    /// column still breaks its lines.
    #[test]
    fn every_list_fits_its_content_across_the_text_block() {
        let Ok(store) = crate::store::Store::open_in_memory() else {
            panic!("an in-memory store opens");
        };
        assert!(crate::demo::fill(&store).is_ok());
        let Ok(src) = crate::export::Source::load(&store) else {
            panic!("the sample loads");
        };
        let Ok(mut ts) = Typesetter::new() else {
            panic!("the bundled fonts load");
        };
        for kind in ListKind::ALL {
            let sheet = build(&src, kind, &Options::default()).for_paper();
            if sheet.badges || sheet.place_cards || !sheet.prose.is_empty() {
                continue;
            }
            // A document's tables sit in portrait, each fitted on its own.
            for table in sheet.blocks.iter().filter_map(|b| match b {
                crate::export::Block::Table(t) => Some(t.sheet()),
                _ => None,
            }) {
                let f = fit_portrait(&table, &mut ts);
                let used: f32 = f.widths.iter().sum();
                assert!((used - portrait_width()).abs() < 0.5, "{kind:?}: {used} pt");
                let (min, _, _) = needs(&table, &mut ts, f.size);
                for (w, lo) in f.widths.iter().zip(&min) {
                    assert!(w + 0.01 >= *lo, "{kind:?}: a column below its minimum");
                }
            }
            if !sheet.blocks.is_empty() {
                continue;
            }
            let f = fit(&sheet, &mut ts);
            let room = if f.landscape { A4.1 } else { A4.0 } - MARGIN_LEFT - MARGIN_RIGHT;
            let used: f32 = f.widths.iter().sum();
            assert!((used - room).abs() < 0.5, "{kind:?}: {used} of {room} pt");
            let (min, want, _) = needs(&sheet, &mut ts, f.size);
            for (i, c) in sheet.columns.iter().enumerate() {
                assert!(
                    f.widths[i] + 0.01 >= min[i],
                    "{kind:?} {}: below its minimum",
                    c.header
                );
                if c.whole {
                    assert!(
                        f.widths[i] + 0.01 >= want[i],
                        "{kind:?} {}: names break",
                        c.header
                    );
                }
            }
            let wraps = f.widths.iter().zip(&want).any(|(w, hi)| w + 0.01 < *hi);
            if wraps {
                for (i, c) in sheet.columns.iter().enumerate() {
                    assert!(
                        f.widths[i] <= want[i] + 0.01,
                        "{kind:?} {}: {} pt, wider than its longest line ({} pt) while others break",
                        c.header,
                        f.widths[i],
                        want[i]
                    );
                }
            }
            let names = sheet.columns.iter().position(|c| c.header == "Họ và tên");
            if let Some(i) = names {
                assert!(sheet.columns[i].whole, "{kind:?}: names are kept whole");
            }
        }
    }
}
