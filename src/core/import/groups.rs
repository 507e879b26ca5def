//! The lines of a list that are not records: group headings between the people ("I.
//! Lãnh đạo", "II. Khách mời", "1. Công an huyện Châu Thành") and the signature block,
//! date line and count under the table ("Người lập biểu", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký,
//! ghi rõ họ tên)"). A heading is not a person: it gives its group, or its unit when it
//! names one and the row has none, to the rows under it until the next heading. Read
//! the same way for every kind of file: Excel lists have them as often as Word tables.
//!
//! A row with a running number in its STT column is never a heading: a person is not
//! lost to a rule about headings.

use super::fields::{self, Field, Kind};
use super::legacy::Legacy;

/// What a row under the header is before the kind's rules read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// A row of the list, with what the headings above it give to its empty fields.
    Row(Vec<(Field, String)>),
    /// A group heading.
    Heading,
    /// A signature block, date or count line under the table.
    Trailer,
}

/// What [`outline`] needs to know of the plan.
pub(crate) struct Frame<'a> {
    pub kind: Kind,
    /// The header row's cells (empty without one).
    pub header: &'a [String],
    pub mapping: &'a [Option<Field>],
    /// Per column, the legacy encoding it is converted from.
    pub legacy: &'a [Option<Legacy>],
}

/// Reads each row of `body` for what it is.
pub(crate) fn outline(frame: &Frame<'_>, body: &[Vec<String>]) -> Vec<Line> {
    let number_col = frame
        .header
        .iter()
        .position(|h| fields::is_row_number_header(h));
    let required_col = frame
        .mapping
        .iter()
        .position(|f| *f == Some(frame.kind.required()));
    let group_field = match frame.kind {
        Kind::Attendees => Some(Field::Group),
        Kind::Questions => Some(Field::Topic),
        Kind::Gifts | Kind::Commendations | Kind::Answers => None,
    };
    let unit_field = frame
        .kind
        .fields()
        .contains(&Field::Unit)
        .then_some(Field::Unit);
    let filled = |raw: &[String], field: Field| {
        frame
            .mapping
            .iter()
            .zip(raw)
            .any(|(f, c)| *f == Some(field) && !c.trim().is_empty())
    };
    let names = !matches!(frame.kind, Kind::Questions | Kind::Answers);
    let mut group: Option<String> = None;
    let mut unit: Option<String> = None;
    let mut trailer = false;
    let mut lines = Vec::with_capacity(body.len());
    for raw in body {
        let numbered = number_col
            .and_then(|c| raw.get(c))
            .is_some_and(|c| is_running_number(c));
        // A numbered row is a record; so is a row that fills four cells or more, its name
        // among them: headings and signatures fill one to three. This keeps a list without
        // running numbers from being read word by word, row after row.
        if numbered || (!trailer && looks_like_record(raw, required_col)) {
            lines.push(row(
                raw,
                group.as_deref(),
                unit.as_deref(),
                (group_field, unit_field),
                &filled,
            ));
            continue;
        }
        // The row's texts as the list reads them (old fonts converted).
        let texts: Vec<(usize, String)> = raw
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
            .take(4)
            .map(|(col, c)| (col, convert(frame, col, required_col, c)))
            .collect();
        if trailer || is_signature(&texts, required_col) {
            trailer = true;
            lines.push(Line::Trailer);
            continue;
        }
        if !fields::is_total_row(raw)
            && let Some(text) = heading(&texts, number_col, required_col, names)
        {
            if is_unit(&text) && unit_field.is_some() {
                unit = Some(text);
            } else {
                group = Some(text);
                unit = None;
            }
            lines.push(Line::Heading);
            continue;
        }
        lines.push(row(
            raw,
            group.as_deref(),
            unit.as_deref(),
            (group_field, unit_field),
            &filled,
        ));
    }
    lines
}

/// A record's row: the headings above give their text to its empty fields. A unit
/// heading over rows that have their own unit becomes their group.
fn row(
    raw: &[String],
    group: Option<&str>,
    unit: Option<&str>,
    (group_field, unit_field): (Option<Field>, Option<Field>),
    filled: &impl Fn(&[String], Field) -> bool,
) -> Line {
    let mut given = Vec::new();
    let mut group = group;
    if let (Some(u), Some(uf)) = (unit, unit_field) {
        if !filled(raw, uf) {
            given.push((uf, u.to_owned()));
        } else if group.is_none() {
            group = Some(u);
        }
    }
    if let (Some(g), Some(gf)) = (group, group_field)
        && !filled(raw, gf)
    {
        given.push((gf, g.to_owned()));
    }
    Line::Row(given)
}

/// Four filled cells or more, the required one among them and not a "(Ký, …)" line.
fn looks_like_record(raw: &[String], required_col: Option<usize>) -> bool {
    required_col
        .and_then(|c| raw.get(c))
        .is_some_and(|c| !c.trim().is_empty() && !c.contains('('))
        && raw.iter().filter(|c| !c.trim().is_empty()).count() >= 4
}

/// A heading typed in the list's old font reads as the list does.
fn convert(frame: &Frame<'_>, col: usize, required_col: Option<usize>, text: &str) -> String {
    let own = frame.legacy.get(col).copied().flatten();
    let list = required_col.and_then(|c| frame.legacy.get(c).copied().flatten());
    let legacy = own
        .or_else(|| list.filter(|l| super::legacy::detect([text]).is_some_and(|f| f.legacy == *l)));
    let text = match legacy {
        Some(l) if !text.is_ascii() || l == Legacy::Viqr => l.decode(text),
        _ => text.to_owned(),
    };
    crate::text::normalize(&text)
}

/// "12", "12.": a running number in the STT column.
fn is_running_number(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches('.');
    !t.is_empty() && t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A Roman numeral ("IV") or one capital letter ("B"), as group headings are numbered.
fn is_outline_mark(t: &str) -> bool {
    let t = t.trim().trim_end_matches(['.', ')', ':']);
    is_roman(t) || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase()))
}

fn is_roman(t: &str) -> bool {
    const ROMAN: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    ROMAN.contains(&t)
}

/// The heading's text without its number: "II. Khách mời" → "Khách mời",
/// "1. Công an huyện X" → "Công an huyện X". Outside a spanning cell, a number or a
/// letter counts only before a unit or a group word: "1. Nguyễn Văn An" is a person
/// whose number was typed with the name, "T. Văn An" one with an initial.
fn strip_mark(text: &str, spanning: bool) -> Option<&str> {
    let t = text.trim();
    let split = t.find(['.', ')']).filter(|i| *i <= 5)?;
    let (mark, rest) = (
        &t[..split],
        t[split + 1..].trim_start_matches(['.', ')', ' ', '-']),
    );
    let rest = rest.trim().trim_end_matches(':').trim();
    if rest.is_empty() || !rest.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let numbered = !mark.is_empty() && mark.bytes().all(|b| b.is_ascii_digit());
    let marked = is_outline_mark(mark) || numbered;
    if is_roman(mark.trim()) || (marked && (spanning || is_unit(rest) || is_group_word(rest))) {
        Some(rest)
    } else {
        None
    }
}

/// A row that holds only a heading (its non-empty cells given as column and text):
/// the heading's text.
fn heading(
    texts: &[(usize, String)],
    number_col: Option<usize>,
    required_col: Option<usize>,
    names: bool,
) -> Option<String> {
    let short = |t: &str| t.chars().count() <= 100;
    let clean = |t: &str| t.trim_end_matches(':').trim().to_owned();
    let (first_col, text) = match texts {
        [(col, text)] => (*col, text.trim()),
        // "I" in the STT column, "Lãnh đạo Công an tỉnh" beside it.
        [(first_col, first), (_, text)] => {
            // Never the name column: "A" may be a person's whole name.
            let mark_col = Some(*first_col) == number_col
                || (*first_col == 0 && number_col.is_none() && required_col != Some(0));
            let marked = mark_col && is_outline_mark(first);
            let starts = text.chars().next().is_some_and(char::is_alphabetic);
            return (marked && short(text.as_str()) && starts).then(|| clean(text.as_str()));
        }
        _ => return None,
    };
    if !short(text) || is_running_number(text) {
        return None;
    }
    // One text alone in the first column or the STT column (a cell spanning the row
    // starts there): no person's row looks like that.
    let spans =
        (first_col == 0 || Some(first_col) == number_col) && Some(first_col) != required_col;
    if let Some(rest) = strip_mark(text, spans) {
        return Some(rest.to_owned());
    }
    if spans {
        return Some(clean(text));
    }
    // Alone in the name column: only a short text that cannot be a person's name. A
    // question's content may start with anything, so there only numbered headings count.
    let short_name = text.split_whitespace().count() <= 10;
    let alone_as_name = names && short_name && Some(first_col) == required_col;
    (alone_as_name && (is_unit(text) || is_group_word(text))).then(|| clean(text))
}

/// Whether a heading names a unit ("Công an xã Long Trị", "Phòng Tham mưu", "UBND
/// huyện"). Compared with its marks: "Bàn" is a family name, "Ban" a board.
fn is_unit(text: &str) -> bool {
    const UNITS: [&str; 23] = [
        "công an ",
        "phòng ",
        "đội ",
        "ban ",
        "ubnd",
        "ủy ban ",
        "uỷ ban ",
        "văn phòng ",
        "trường ",
        "sở ",
        "cục ",
        "vụ ",
        "trại ",
        "trung tâm ",
        "bộ chỉ huy ",
        "đảng ủy ",
        "đảng uỷ ",
        "huyện ủy ",
        "huyện uỷ ",
        "tỉnh ủy ",
        "tỉnh uỷ ",
        "hội ",
        "đoàn thanh niên ",
    ];
    let lower = crate::text::normalize(text).to_lowercase() + " ";
    UNITS.iter().any(|u| lower.starts_with(u))
}

/// The groups lists are divided into ("Lãnh đạo", "Khách mời", "Đại biểu khách mời").
fn is_group_word(text: &str) -> bool {
    const GROUPS: [&str; 12] = [
        "lãnh đạo",
        "khách mời",
        "đại biểu",
        "thành phần",
        "đoàn viên",
        "hội viên",
        "cbcs",
        "cán bộ, chiến sĩ",
        "cán bộ chiến sĩ",
        "ban tổ chức",
        "thường trực",
        "chủ trì",
    ];
    let lower = crate::text::normalize(text).to_lowercase();
    GROUPS.iter().any(|g| {
        lower
            .strip_prefix(g)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':', ',']))
    })
}

/// The first line of what comes under the table: a signature title, the "(Ký, ghi rõ
/// họ tên)" under it, the place and date, the count. Never a row whose name column
/// holds something else: a person whose position is "Thủ trưởng đơn vị" stays one.
fn is_signature(texts: &[(usize, String)], required_col: Option<usize>) -> bool {
    let any = texts.iter().any(|(_, t)| signature_words(t));
    let name_ok = texts
        .iter()
        .find(|(col, _)| Some(*col) == required_col)
        .is_none_or(|(_, t)| signature_words(t));
    any && name_ok
}

fn signature_words(cell: &str) -> bool {
    const STARTS: [&str; 24] = [
        "nguoi lap",
        "nguoi ky",
        "nguoi duyet",
        "nguoi tong hop",
        "nguoi kiem tra",
        "thu truong",
        "ky ten",
        "ky, ghi ro",
        "ky ghi ro",
        "ky va ghi ro",
        "ky, dong dau",
        "ky ten, dong dau",
        "xac nhan",
        "t/m ",
        "tm.",
        "tm ",
        "k/t ",
        "kt.",
        "kt ",
        "noi nhan",
        "danh sach co ",
        "danh sach nay co ",
        "an dinh danh sach",
        "lanh dao don vi",
    ];
    if cell.chars().count() > 60 {
        return false;
    }
    let folded = crate::text::fold(cell);
    let f = folded.trim_start_matches(['(', '[', ' ', '-', '*']);
    if STARTS.iter().any(|s| f.starts_with(s)) {
        return true;
    }
    // "Hậu Giang, ngày 26 tháng 11 năm 2026", "ngày ... tháng ... năm 20..".
    let date = |f: &str| {
        let at = f.find("ngay ")?;
        let th = f[at..].find(" thang ")? + at;
        f[th..].find(" nam ").map(|_| ())
    };
    (f.starts_with("ngay ") || f.contains(", ngay ")) && date(f).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| (*s).to_owned()).collect()
    }

    fn lines(body: &[Vec<String>]) -> Vec<Line> {
        let header = r(&["STT", "Họ và tên", "Chức vụ", "Đơn vị"]);
        let mapping = fields::map_header(Kind::Attendees, &header);
        outline(
            &Frame {
                kind: Kind::Attendees,
                header: &header,
                mapping: &mapping,
                legacy: &[None; 4],
            },
            body,
        )
    }

    fn given(pairs: &[(Field, &str)]) -> Line {
        Line::Row(pairs.iter().map(|(f, s)| (*f, (*s).to_owned())).collect())
    }

    #[test]
    fn headings_give_their_group_or_unit_to_the_rows_under_them() {
        let body = [
            r(&["I. Lãnh đạo", "", "", ""]),
            r(&["1", "Nguyễn Văn An", "Giám đốc", "Công an tỉnh"]),
            r(&["II", "Khách mời", "", ""]),
            r(&["", "1. Công an huyện Châu Thành", "", ""]),
            r(&["2", "Lê Thị Bích", "Cán bộ", ""]),
            r(&["3", "Trần Văn Luân", "Cán bộ", "Công an xã Phú Hữu"]),
            r(&["", "Đại biểu khách mời", "", ""]),
            r(&["4", "Phan Văn Tư", "", ""]),
            r(&["", "Phạm Thị Hoa", "", "Công an xã A"]),
            r(&["Tổng cộng: 5 đồng chí", "", "", ""]),
            r(&["", "NGƯỜI LẬP BIỂU", "", "THỦ TRƯỞNG ĐƠN VỊ"]),
            r(&["", "(Ký, ghi rõ họ tên)", "", ""]),
            r(&["", "Nguyễn Văn Lập", "", "Đại tá Trần Văn B"]),
        ];
        assert_eq!(
            lines(&body),
            [
                Line::Heading,
                given(&[(Field::Group, "Lãnh đạo")]),
                Line::Heading,
                Line::Heading,
                given(&[
                    (Field::Unit, "Công an huyện Châu Thành"),
                    (Field::Group, "Khách mời")
                ]),
                given(&[(Field::Group, "Khách mời")]),
                Line::Heading,
                given(&[(Field::Group, "Đại biểu khách mời")]),
                given(&[(Field::Group, "Đại biểu khách mời")]),
                given(&[(Field::Group, "Đại biểu khách mời")]),
                Line::Trailer,
                Line::Trailer,
                Line::Trailer,
            ]
        );
    }

    #[test]
    fn a_numbered_row_or_a_person_is_never_a_heading() {
        // A list of names only: "A" is a person, "X" the unit.
        let header = r(&["Họ và tên", "Đơn vị"]);
        let mapping = fields::map_header(Kind::Attendees, &header);
        let frame = Frame {
            kind: Kind::Attendees,
            header: &header,
            mapping: &mapping,
            legacy: &[None; 2],
        };
        let names = outline(&frame, &[r(&["A", "X"]), r(&["II", "Y"])]);
        assert_eq!(names, [given(&[]), given(&[])]);
        let body = [
            r(&["1", "Công an xã Long Trị", "", ""]),
            r(&["", "Nguyễn Văn An", "", ""]),
            r(&["", "Bàn Văn Minh", "", ""]),
            r(&["5", "Trần Văn B", "Thủ trưởng đơn vị", "Công an xã C"]),
            r(&["", "Lê Văn C", "Thủ trưởng", "X"]),
            r(&["", "", "", "Vắng"]),
        ];
        assert!(
            lines(&body).iter().all(|l| *l == given(&[])),
            "{:?}",
            lines(&body)
        );
    }

    #[test]
    fn signature_and_date_lines() {
        assert!(signature_words("Hậu Giang, ngày 26 tháng 11 năm 2026"));
        assert!(signature_words("(Ký, ghi rõ họ tên)"));
        assert!(signature_words("KT. GIÁM ĐỐC"));
        assert!(!signature_words("Nguyễn Văn Ký"));
        assert!(!signature_words("Ngày hội toàn dân"));
    }
}
