//! What a sheet or a column holds, judged by its values where its header is missing or
//! unclear: a sheet of codes is never a list of records, a "Cấp bậc chức vụ" column of
//! offices goes to the position, a column of codes is read through the workbook's code
//! sheet, and a sheet with no header gets its columns guessed from what they hold.

use std::collections::HashMap;

use super::fields::{Field, Kind};
use super::legacy::Legacy;
use super::read::{Sheet, Workbook};
use crate::text::fold;

/// Rows looked at to judge a column.
const SAMPLE: usize = 300;

/// A code as award software writes it: TAPTHE, CANHAN, HCLD3, `BK_TTG`.
pub(super) fn is_code(cell: &str) -> bool {
    let t = cell.trim();
    (2..=20).contains(&t.len())
        && t.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && t.bytes().any(|b| b.is_ascii_uppercase())
}

/// Whether a sheet is a list of codes or a lookup list (DANHMUC, "phân loại công tác")
/// rather than records: its name says so, or most of its rows pair a code with its name.
pub(super) fn is_code_sheet(sheet: &Sheet) -> bool {
    let name = fold(&sheet.name).replace(['_', '-', '.'], " ");
    let named = [
        "danh muc",
        "danhmuc",
        "phan loai",
        "tra cuu",
        "lookup",
        "bang ma",
        "codes",
    ]
    .iter()
    .any(|w| name.contains(w))
        || ["dm", "ma", "code"].contains(&name.as_str())
        || name.starts_with("dm ");
    let rows: Vec<&Vec<String>> = sheet
        .rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
        .collect();
    let pairs = rows.iter().filter(|r| code_pair(r).is_some()).count();
    named || (pairs >= 2 && pairs * 10 >= rows.len() * 6)
}

/// A row of a code sheet: its first code and the text after it.
fn code_pair(row: &[String]) -> Option<(String, String)> {
    let at = row.iter().position(|c| is_code(c))?;
    let name = row[at + 1..]
        .iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty() && !is_code(c))?;
    Some((row[at].trim().to_owned(), crate::text::normalize(name)))
}

/// Codes and what they stand for: those the award software always uses, and those the
/// workbook's code sheets explain.
#[derive(Debug, Default)]
pub(crate) struct Codes(HashMap<String, String>);

impl Codes {
    pub(super) fn of(book: &Workbook, chosen: usize) -> Self {
        let mut map: HashMap<String, String> = [
            ("TAPTHE", "Tập thể"),
            ("CANHAN", "Cá nhân"),
            ("HOGIADINH", "Hộ gia đình"),
        ]
        .into_iter()
        .map(|(c, n)| (c.to_owned(), n.to_owned()))
        .collect();
        for (i, sheet) in book.sheets.iter().enumerate() {
            if i == chosen || !is_code_sheet(sheet) {
                continue;
            }
            for row in &sheet.rows {
                if let Some((code, name)) = code_pair(row) {
                    map.entry(code).or_insert(name);
                }
            }
        }
        Self(map)
    }

    pub(crate) fn get(&self, code: &str) -> Option<&str> {
        self.0.get(code.trim()).map(String::as_str)
    }
}

/// The non-empty cells of column `col` in the first rows, converted from their old font.
fn values(sample: &[Vec<String>], col: usize, legacy: Option<Legacy>) -> Vec<String> {
    sample
        .iter()
        .filter_map(|r| r.get(col))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|c| match legacy {
            Some(l) if !c.is_ascii() || l == Legacy::Viqr => l.decode(c),
            _ => c.to_owned(),
        })
        .collect()
}

/// Columns mapped to a field whose values are mostly codes.
pub(super) fn coded_columns(sample: &[Vec<String>], mapping: &[Option<Field>]) -> Vec<bool> {
    mapping
        .iter()
        .enumerate()
        .map(|(col, f)| {
            let Some(f) = f else { return false };
            // Numbers and names are never codes; a name column of codes is no list.
            if matches!(
                f,
                Field::FullName
                    | Field::Number
                    | Field::BirthYear
                    | Field::Phone
                    | Field::BadgeCode
            ) {
                return false;
            }
            let v = values(&sample[..sample.len().min(SAMPLE)], col, None);
            let codes = v.iter().filter(|c| is_code(c)).count();
            !v.is_empty() && codes * 10 >= v.len() * 6
        })
        .collect()
}

fn is_rank(v: &str) -> bool {
    crate::domain::rank::rank_level(v.trim_end_matches(['.', ','])).is_some()
}

/// An office ("Trưởng phòng", "Hiệu trưởng", "Chiến sĩ"), by the words offices start with.
fn is_office(v: &str) -> bool {
    const STARTS: [&str; 40] = [
        "truong",
        "pho",
        "giam doc",
        "chu tich",
        "bi thu",
        "hieu truong",
        "hieu pho",
        "can bo",
        "chien si",
        "doi truong",
        "chi huy",
        "thu truong",
        "uy vien",
        "giao vien",
        "nhan vien",
        "ke toan",
        "to truong",
        "canh sat",
        "dieu tra vien",
        "tro ly",
        "chanh",
        "thu ky",
        "chuyen vien",
        "thanh vien",
        "hoi vien",
        "doan vien",
        "can su",
        "tham muu",
        "chinh tri vien",
        "cong an vien",
        "lanh dao",
        "ca truong",
        "ca pho",
        "tcax",
        "pcax",
        "tp",
        "pgd",
        "gd",
        "ctv",
        "hoc sinh",
    ];
    let f = fold(v);
    STARTS
        .iter()
        .any(|s| f == *s || f.starts_with(&format!("{s} ")))
}

/// "Đại úy, Trưởng Công an xã": a rank, then an office.
fn is_rank_then_more(v: &str) -> bool {
    let mut words = v.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(a), Some(b), Some(_)) => is_rank(&format!("{a} {b}")),
        _ => false,
    }
}

fn share(v: &[String], test: impl Fn(&str) -> bool) -> (usize, usize) {
    (v.iter().filter(|c| test(c)).count(), v.len())
}

fn most((hits, n): (usize, usize), tenths: usize) -> bool {
    n >= 2 && hits * 10 >= n * tenths
}

/// Corrects a mapping found from header words where the values say otherwise: a rank
/// column that holds offices goes to the position (and its leading ranks are split off
/// later), a position column of ranks goes to the rank, a column nobody named that holds
/// ranks goes to the rank.
pub(super) fn judge_columns(
    kind: Kind,
    mapping: &mut [Option<Field>],
    sample: &[Vec<String>],
    legacy: &[Option<Legacy>],
) {
    if !kind.fields().contains(&Field::Rank) || !kind.fields().contains(&Field::Position) {
        return;
    }
    let sample = &sample[..sample.len().min(SAMPLE)];
    for col in 0..mapping.len() {
        let v = values(sample, col, legacy.get(col).copied().flatten());
        let ranks = share(&v, is_rank);
        let taken = |m: &[Option<Field>], f: Field| {
            m.iter().enumerate().any(|(c, x)| c != col && *x == Some(f))
        };
        match mapping[col] {
            Some(Field::Rank) if !most(ranks, 5) => {
                let offices = share(&v, |c| is_office(c) || is_rank_then_more(c));
                if most(offices, 5) {
                    mapping[col] = (!taken(mapping, Field::Position)).then_some(Field::Position);
                }
            }
            Some(Field::Position) | None if most(ranks, 8) && !taken(mapping, Field::Rank) => {
                mapping[col] = Some(Field::Rank);
            }
            _ => {}
        }
    }
}

fn is_phone(v: &str) -> bool {
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    let rest = v
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')'));
    rest && (9..=12).contains(&digits.len())
}

fn is_year_or_date(v: &str) -> bool {
    crate::domain::attendee::parse_birth_year(v).is_ok_and(|y| y.is_some())
}

/// A test of one cell's value.
type Test = fn(&str) -> bool;

fn is_gender(v: &str) -> bool {
    matches!(fold(v).as_str(), "nam" | "nu")
}

/// A mapping for a sheet with no header row, from what each column holds: the
/// column of most names is the name, then ranks, offices, units, phones, birth years,
/// genders. The user sees the rows at once and corrects a guess in the preview.
pub(super) fn guess_mapping(
    kind: Kind,
    sample: &[Vec<String>],
    legacy: &[Option<Legacy>],
    width: usize,
) -> Vec<Option<Field>> {
    let sample = &sample[..sample.len().min(SAMPLE)];
    let columns: Vec<Vec<String>> = (0..width)
        .map(|c| values(sample, c, legacy.get(c).copied().flatten()))
        .collect();
    let mut mapping = vec![None; width];
    let tests: [(Field, Test, usize); 7] = [
        (
            Field::FullName,
            |c| {
                super::plan::looks_like_name(c)
                    && !is_rank(c)
                    && !crate::domain::name::looks_collective(c)
                    && !is_office(c)
            },
            4,
        ),
        (Field::Rank, is_rank, 8),
        (Field::Position, |c| is_office(c) || is_rank_then_more(c), 5),
        (Field::Unit, crate::domain::name::looks_collective, 5),
        (Field::Phone, is_phone, 6),
        (Field::BirthYear, is_year_or_date, 6),
        (Field::Gender, is_gender, 8),
    ];
    for (field, test, tenths) in tests {
        if !kind.fields().contains(&field) {
            continue;
        }
        let best = columns
            .iter()
            .enumerate()
            .filter(|(c, _)| mapping[*c].is_none())
            .map(|(c, v)| (c, share(v, test)))
            .filter(|(_, s)| most(*s, tenths))
            .max_by_key(|(c, (hits, _))| (*hits, std::cmp::Reverse(*c)));
        if let Some((c, _)) = best {
            mapping[c] = Some(field);
        }
    }
    mapping
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn a_rank_column_of_offices_goes_to_the_position() {
        let sample = rows(&[
            &["Nguyễn Văn A", "Hiệu trưởng"],
            &["Trần Thị B", "Trưởng phòng"],
            &["Lê Văn C", "Phó Hiệu trưởng"],
        ]);
        let mut m = vec![Some(Field::FullName), Some(Field::Rank)];
        judge_columns(Kind::Attendees, &mut m, &sample, &[None, None]);
        assert_eq!(m, [Some(Field::FullName), Some(Field::Position)]);
        // Ranks stay ranks.
        let sample = rows(&[
            &["A B", "Đại úy"],
            &["C D", "Thiếu tá"],
            &["E F", "Trung uý"],
        ]);
        let mut m = vec![Some(Field::FullName), Some(Field::Rank)];
        judge_columns(Kind::Attendees, &mut m, &sample, &[None, None]);
        assert_eq!(m[1], Some(Field::Rank));
    }

    #[test]
    fn code_sheets_are_told_from_lists() {
        let codes = Sheet {
            name: "DANHMUC".into(),
            rows: rows(&[&["TAPTHE", "Tập thể"], &["CANHAN", "Cá nhân"]]),
            ..Sheet::default()
        };
        assert!(is_code_sheet(&codes));
        let lookup = Sheet {
            name: "phân loại công tác".into(),
            rows: rows(&[&["Cán bộ lãnh đạo"], &["Chiến sĩ"]]),
            ..Sheet::default()
        };
        assert!(is_code_sheet(&lookup));
        let list = Sheet {
            name: "Danh sách".into(),
            rows: rows(&[&["STT", "Họ và tên"], &["1", "Nguyễn Văn A"]]),
            ..Sheet::default()
        };
        assert!(!is_code_sheet(&list));
    }

    #[test]
    fn a_sheet_without_header_gets_its_columns_from_their_values() {
        let sample = rows(&[
            &[
                "1",
                "Nguyễn Văn An",
                "Đại úy",
                "Công an xã Long Trị",
                "0912345678",
            ],
            &[
                "2",
                "Trần Thị Bích",
                "Thiếu tá",
                "Công an xã Long Bình",
                "0987654321",
            ],
            &["3", "Lê Văn Cường", "Trung úy", "Công an phường 1", ""],
        ]);
        let m = guess_mapping(Kind::Attendees, &sample, &[None; 5], 5);
        assert_eq!(
            m,
            [
                None,
                Some(Field::FullName),
                Some(Field::Rank),
                Some(Field::Unit),
                Some(Field::Phone)
            ]
        );
    }
}
