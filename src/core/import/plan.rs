//! From a workbook to a plan: the sheet, the header row, the mapping and the legacy
//! columns (each detected unless the user chose), then every row classified.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use super::fields::{self, Field, Kind};
use super::groups::Line;
use super::read::{self, ReadOptions, Sheet, Workbook};
use super::records::{Known, Record};
use super::{
    Cells, Choices, Column, Duplicate, Header, LegacyMode, Plan, PlanRow, RowError, RowKind,
};
use crate::domain::Problem;
use crate::error::{Error, Result};

/// Rows looked at to detect a column's legacy encoding; a list typed in an old font
/// shows it long before this.
const DETECT_ROWS: usize = 2_000;

/// Reads `path` and plans it as a list of `kind`. A file with no row that names the
/// columns is not refused here: its plan says `Header::NotFound` and the preview asks.
pub fn prepare(
    kind: Kind,
    path: &Path,
    options: &ReadOptions,
    choices: &Choices,
    known: &Known,
) -> Result<Plan> {
    let book = Arc::new(read::read(path, options)?);
    plan(kind, &book, choices.clone(), known)
}

fn refused(path: &Path, reason: String) -> Error {
    Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason,
    }
}

/// Plans a workbook already read: again after each change in the preview, without
/// reading the file again.
pub fn plan(kind: Kind, book: &Arc<Workbook>, choices: Choices, known: &Known) -> Result<Plan> {
    let has_data = book.sheets.iter().any(|s| {
        s.rows
            .iter()
            .any(|r| r.iter().any(|c| !c.trim().is_empty()))
    });
    if !has_data {
        return Err(refused(&book.path, "tệp không có dữ liệu".into()));
    }
    let scores: Vec<(usize, u8)> = if book.sheets.len() > 1 {
        book.sheets.iter().map(|s| sheet_score(kind, s)).collect()
    } else {
        vec![(0, 1)]
    };
    let sheet_rows: Vec<usize> = scores.iter().map(|s| s.0).collect();
    // A workbook of every unit's sheet comes back answered on one sheet or a few: the
    // sheet read is the one that answers most, not the one with most opinions, and the
    // others that answer something are named so that none is left unread.
    let answering: Vec<usize> = if kind == Kind::Answers && book.sheets.len() > 1 {
        (0..book.sheets.len())
            .map(|i| {
                if scores[i].1 < 2 || scores[i].0 == 0 {
                    return 0;
                }
                let alone = Choices {
                    sheet: Some(i),
                    legacy: choices.legacy,
                    ..Choices::default()
                };
                plan_sheet(kind, book, i, sheet_rows.clone(), alone, known)
                    .map_or(0, |p| p.rows.len() - p.duplicates() + p.errors.len())
            })
            .collect()
    } else {
        Vec::new()
    };
    let sheet = choices
        .sheet
        .filter(|i| *i < book.sheets.len())
        .unwrap_or_else(|| {
            // One sheet (a CSV, most files): nothing to choose, nothing to scan.
            if book.sheets.len() == 1 {
                0
            } else {
                answering
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))
                    .map_or_else(|| best_sheet(book, &scores), |(i, _)| i)
            }
        });
    let mut plan = plan_sheet(kind, book, sheet, sheet_rows, choices, known)?;
    plan.other_sheets = answering
        .iter()
        .enumerate()
        .filter(|&(i, n)| i != sheet && *n > 0)
        .map(|(i, n)| (book.sheets[i].name.clone(), *n))
        .collect();
    Ok(plan)
}

/// Plans one sheet of the workbook.
fn plan_sheet(
    kind: Kind,
    book: &Arc<Workbook>,
    sheet: usize,
    sheet_rows: Vec<usize>,
    choices: Choices,
    known: &Known,
) -> Result<Plan> {
    let rows = &book.sheets[sheet].rows;
    let (header, found) = match choices.header {
        Some(h) => (h, None),
        None => match fields::find_header(kind, rows) {
            Some((i, m)) => (Header::Row(i), Some(m)),
            None => (Header::NotFound, None),
        },
    };
    let width = book.sheets[sheet].width();
    let body_start = match header {
        Header::Row(i) => i + 1,
        Header::None => 0,
        Header::NotFound => rows.len(),
    };
    let columns = columns(&book.sheets[sheet], header, body_start, &choices);
    let legacy: Vec<_> = columns.iter().map(|c| c.legacy).collect();
    let sample = rows.get(body_start..).unwrap_or_default();
    let mut mapping = match (choices.mapping.clone(), header) {
        (Some(m), _) => m,
        (None, Header::Row(i)) => {
            let mut m = found
                .or_else(|| rows.get(i).map(|r| fields::map_header(kind, r)))
                .unwrap_or_default();
            m.resize(width.max(m.len()), None);
            super::judge::judge_columns(kind, &mut m, sample, &legacy);
            m
        }
        (None, Header::None) => super::judge::guess_mapping(kind, sample, &legacy, width),
        (None, Header::NotFound) => Vec::new(),
    };
    mapping.resize(width.max(mapping.len()), None);
    let codes = super::judge::Codes::of(book, sheet);
    let code_columns = super::judge::coded_columns(sample, &mapping);
    let mut plan = Plan {
        kind,
        file: book.path.clone(),
        book: Arc::clone(book),
        sheet,
        sheet_rows,
        header,
        mapping,
        columns,
        choices,
        rows: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        skipped_blank: 0,
        skipped_total: 0,
        skipped_no_name: 0,
        existing: std::collections::HashMap::new(),
        skipped_headings: 0,
        other_sheets: Vec::new(),
    };
    if header == Header::NotFound {
        return Ok(plan);
    }
    let body = rows.get(body_start..).unwrap_or_default();
    // Cells right of the header's last column (and of any column the user mapped) are
    // a row that does not fit the table.
    let last_mapped = plan
        .mapping
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |c| c + 1);
    let width = match header {
        Header::Row(i) => rows.get(i).map_or(0, Vec::len).max(last_mapped),
        Header::None | Header::NotFound => usize::MAX,
    };
    let coding = Coding {
        codes: &codes,
        coded: &code_columns,
    };
    let lines = outline(&plan, body);
    if kind == Kind::Attendees {
        plan_people(&mut plan, body, &lines, body_start, width, known, &coding);
    } else {
        plan_records(&mut plan, body, &lines, body_start, width, known, &coding);
    }
    unknown_codes(&mut plan, &coding);
    // Found by itself and empty: refused. Once the user has chosen the header row or
    // the columns, an empty preview is theirs to go on mapping.
    let automatic = plan.choices.mapping.is_none() && plan.choices.header.is_none();
    if plan.rows.is_empty() && plan.errors.is_empty() && automatic {
        return Err(refused(
            &plan.file,
            format!("không có dòng {} nào dưới dòng tiêu đề", kind.noun()),
        ));
    }
    Ok(plan)
}

/// Group headings and what is under the table, told from the rows (`groups`).
fn outline(plan: &Plan, body: &[Vec<String>]) -> Vec<Line> {
    let header = match plan.header {
        Header::Row(i) => plan.sheet().rows.get(i).map_or(&[][..], Vec::as_slice),
        Header::None | Header::NotFound => &[],
    };
    super::groups::outline(
        &super::groups::Frame {
            kind: plan.kind,
            header,
            mapping: &plan.mapping,
            legacy: &plan.legacy(),
        },
        body,
    )
}

/// The sheet to read: one whose header names the kind's fields beats one without, and
/// a sheet of codes or a lookup list comes last; then the most rows that look like
/// records; the first one holding anything when none has any.
fn best_sheet(book: &Workbook, scores: &[(usize, u8)]) -> usize {
    let best = scores
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0)
        .max_by_key(|(i, (n, class))| (*class, *n, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    best.unwrap_or_else(|| {
        let holds = |s: &Sheet| {
            s.rows
                .iter()
                .any(|r| r.iter().any(|c| !c.trim().is_empty()))
        };
        book.sheets
            .iter()
            .position(|s| holds(s) && !super::judge::is_code_sheet(s))
            .or_else(|| book.sheets.iter().position(holds))
            .unwrap_or(0)
    })
}

/// How many rows of a sheet look like records of `kind`, and its class: 2 when a
/// header names the kind's fields (rows whose required column holds more than a
/// running number), 1 for a sheet without one (rows with a cell shaped like a name),
/// 0 for a sheet of codes. A numbered empty template counts nothing.
fn sheet_score(kind: Kind, sheet: &Sheet) -> (usize, u8) {
    let meaningful = |c: &str| {
        let t = c.trim();
        !t.is_empty() && !t.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
    };
    if let Some((i, m)) = fields::find_header(kind, &sheet.rows) {
        let Some(col) = m.iter().position(|f| *f == Some(kind.required())) else {
            return (0, 2);
        };
        let n = sheet.rows[i + 1..]
            .iter()
            .filter(|r| r.get(col).is_some_and(|c| meaningful(c)))
            .count();
        (n, 2)
    } else {
        let n = sheet
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| looks_like_name(c)))
            .count();
        (n, u8::from(!super::judge::is_code_sheet(sheet)))
    }
}

/// Two to six words of letters: the shape of a name (legacy-font names included).
pub(super) fn looks_like_name(cell: &str) -> bool {
    let t = cell.trim();
    let words = t.split_whitespace().count();
    (2..=6).contains(&words)
        && (4..=60).contains(&t.chars().count())
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
}

/// Each column: its letter, its header, and the legacy encoding it is typed in.
fn columns(sheet: &Sheet, header: Header, body_start: usize, choices: &Choices) -> Vec<Column> {
    let width = sheet.width();
    let header_row = match header {
        Header::Row(i) => sheet.rows.get(i),
        Header::None | Header::NotFound => None,
    };
    let body = sheet.rows.get(body_start..).unwrap_or_default();
    let sample = &body[..body.len().min(DETECT_ROWS)];
    (0..width)
        .map(|col| {
            let cells = || sample.iter().filter_map(|r| r.get(col)).map(String::as_str);
            let detected = super::legacy::detect(cells()).map(|f| f.legacy);
            let by_mode = match choices.legacy {
                LegacyMode::Auto => detected,
                LegacyMode::Off => None,
                LegacyMode::Only(l) => cells().any(|c| !c.is_ascii()).then_some(l),
            };
            let legacy = choices
                .column_legacy
                .iter()
                .find(|(c, _)| *c == col)
                .map_or(by_mode, |(_, l)| *l);
            Column {
                letter: sheet.column_letter(col),
                header: header_row
                    .and_then(|r| r.get(col))
                    .map(|h| crate::text::normalize(h))
                    .unwrap_or_default(),
                detected,
                legacy,
            }
        })
        .collect()
}

impl Plan {
    fn column_label(&self, col: usize) -> String {
        self.columns
            .get(col)
            .map_or_else(|| self.sheet().column_letter(col), Column::label)
    }

    fn legacy(&self) -> Vec<Option<super::Legacy>> {
        self.columns.iter().map(|c| c.legacy).collect()
    }

    /// Counts a skipped row, or records a row's errors and warnings; gives the record.
    fn take<T>(&mut self, row: usize, kind: RowKind<T>) -> Option<T> {
        match kind {
            RowKind::Blank => self.skipped_blank += 1,
            RowKind::Total => self.skipped_total += 1,
            RowKind::NoName => self.skipped_no_name += 1,
            RowKind::Heading => self.skipped_headings += 1,
            RowKind::Errors(errors) => {
                for (col, problem) in errors {
                    let column = self.column_label(col);
                    self.errors.push(RowError {
                        row,
                        column,
                        problem,
                    });
                }
            }
            RowKind::Record(record, warnings) => {
                for w in warnings {
                    let column = self.column_label(w.col);
                    self.warnings.push(RowError {
                        row,
                        column,
                        problem: w.problem,
                    });
                }
                return Some(record);
            }
        }
        None
    }
}

/// What a row is before the kind's rules look at it: blank, a total line, cells beyond
/// the header.
fn frame<T>(cells: &Cells<'_>, raw: &[String], width: usize) -> Option<RowKind<T>> {
    // Blank, or holding only running numbers (an empty numbered template).
    let empty_or_number = |c: &String| {
        c.chars()
            .all(|ch| ch.is_whitespace() || ch.is_control() || ch.is_ascii_digit() || ch == '.')
    };
    if raw.iter().all(empty_or_number) {
        return Some(RowKind::Blank);
    }
    if fields::is_total_row(raw) {
        return Some(RowKind::Total);
    }
    cells
        .extra(width)
        .map(|col| RowKind::Errors(vec![(col, crate::domain::Problem::ExtraCells)]))
}

/// The workbook's codes and the columns that hold them.
struct Coding<'a> {
    codes: &'a super::judge::Codes,
    coded: &'a [bool],
}

/// A warning on each cell of a coded column whose code no code sheet explains: the
/// code is kept as typed.
fn unknown_codes(plan: &mut Plan, coding: &Coding<'_>) {
    if !coding.coded.contains(&true) {
        return;
    }
    let mut warnings = Vec::new();
    for r in &plan.rows {
        for (col, cell) in plan.raw(r.row).iter().enumerate() {
            let coded = coding.coded.get(col).copied().unwrap_or(false);
            if coded && super::judge::is_code(cell) && coding.codes.get(cell).is_none() {
                warnings.push(RowError {
                    row: r.row,
                    column: plan.column_label(col),
                    problem: crate::domain::Problem::UnknownCode,
                });
            }
        }
    }
    plan.warnings.extend(warnings);
    plan.warnings.sort_by_key(|w| w.row);
}

fn plan_people(
    plan: &mut Plan,
    body: &[Vec<String>],
    lines: &[Line],
    body_start: usize,
    width: usize,
    known: &Known,
    coding: &Coding<'_>,
) {
    let legacy = plan.legacy();
    let (kind, mapping) = (plan.kind, plan.mapping.clone());
    let classify = |&(raw, line): &(&Vec<String>, &Line)| {
        let Line::Row(given) = line else {
            return RowKind::Heading;
        };
        let cells = Cells {
            kind,
            raw,
            mapping: &mapping,
            legacy: &legacy,
            codes: coding.codes,
            coded: coding.coded,
            given,
        };
        frame(&cells, raw, width).unwrap_or_else(|| super::people::classify(&cells))
    };
    let rows: Vec<(&Vec<String>, &Line)> = body.iter().zip(lines).collect();
    let kinds = on_every_core(&rows, classify);
    let mut seen: super::people::People<usize> = super::people::People::default();
    plan.rows.reserve_exact(kinds.len());
    let sheet_row = |i: usize| plan.book.sheets[plan.sheet].row_number(body_start + i);
    let numbers: Vec<usize> = (0..kinds.len()).map(sheet_row).collect();
    for (kind, row) in kinds.into_iter().zip(numbers) {
        let Some((data, keys)) = plan.take(row, kind) else {
            continue;
        };
        let person = super::people::Person::of(&data, keys.identity.clone(), &keys.unit);
        let keep_both = plan.choices.keep_both.contains(&row);
        let duplicate = if keep_both {
            None
        } else {
            known
                .people
                .find(&person)
                .map(|(_, (id, label))| {
                    plan.existing.insert(id.clone(), label.clone());
                    Duplicate::Existing(id.clone())
                })
                .or_else(|| {
                    seen.find(&person)
                        .map(|(_, first)| Duplicate::InFile(*first))
                })
        };
        if duplicate.is_none() {
            seen.add(person, row);
        }
        plan.rows.push(PlanRow {
            row,
            record: Record::Attendee(data, keys),
            duplicate,
            linked: false,
        });
    }
}

/// Classifies rows on every core: validation and folding are most of an import's work.
fn on_every_core<R: Sync, T: Send>(rows: &[R], classify: impl Fn(&R) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    let chunk = rows.len().div_ceil(threads).max(1_000);
    let classify = &classify;
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(classify).collect::<Vec<_>>()))
            .collect();
        // A worker that panicked would lose rows; classify it here instead, where a panic is seen.
        handles
            .into_iter()
            .zip(rows.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(classify).collect())
            })
            .collect()
    })
}

fn plan_records(
    plan: &mut Plan,
    body: &[Vec<String>],
    lines: &[Line],
    body_start: usize,
    width: usize,
    known: &Known,
    coding: &Coding<'_>,
) {
    let legacy = plan.legacy();
    let mapping = plan.mapping.clone();
    let book = Arc::clone(&plan.book);
    let sheet = &book.sheets[plan.sheet];
    let mut seen: HashSet<String> = HashSet::new();
    let mut order = 0;
    for (i, (raw, line)) in body.iter().zip(lines).enumerate() {
        let row = sheet.row_number(body_start + i);
        let Line::Row(given) = line else {
            plan.skipped_headings += 1;
            continue;
        };
        let cells = Cells {
            kind: plan.kind,
            raw,
            mapping: &mapping,
            legacy: &legacy,
            codes: coding.codes,
            coded: coding.coded,
            given,
        };
        let kind = frame(&cells, raw, width).unwrap_or_else(|| {
            order += 1;
            super::records::classify(&cells, order, known)
        });
        let Some((record, linked)) = plan.take(row, kind) else {
            continue;
        };
        if answered_otherwise_above(plan, &record) {
            let col = plan
                .mapping
                .iter()
                .position(|f| *f == Some(Field::QuestionId));
            let column = plan.column_label(col.unwrap_or(0));
            plan.errors.push(RowError {
                row,
                column,
                problem: Problem::AnsweredTwice,
            });
            continue;
        }
        let earlier = plan
            .rows
            .iter()
            .filter(|r| r.duplicate.is_none())
            .map(|r| &r.record);
        let duplicate = known
            .is_duplicate(&record, earlier, &mut seen)
            .then(|| Duplicate::Existing(String::new()));
        plan.rows.push(PlanRow {
            row,
            record,
            duplicate,
            linked,
        });
    }
}

/// An opinion a row above answers already, with something else: which one is meant
/// is the unit's to say (the same answer pasted twice is only a repeat).
fn answered_otherwise_above(plan: &Plan, record: &Record) -> bool {
    let Record::Answer(a) = record else {
        return false;
    };
    plan.rows.iter().any(|r| match &r.record {
        Record::Answer(b) => b.id == a.id && b.after != a.after,
        _ => false,
    })
}

/// The field each column goes to, from `--map "B=name,C=unit"` (column letters as the
/// spreadsheet shows them, field names as [`Field::code`]).
pub fn parse_map(
    kind: Kind,
    text: &str,
    first_col: usize,
) -> std::result::Result<Vec<Option<Field>>, String> {
    let mut mapping: Vec<Option<Field>> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((col, field)) = part.split_once('=') else {
            return Err(format!(
                "\"{part}\" không có dạng CỘT=trường (ví dụ B=name)"
            ));
        };
        let col = read::column_index(col.trim())
            .and_then(|c| c.checked_sub(first_col))
            .ok_or_else(|| format!("\"{col}\" không phải là cột của bảng tính"))?;
        let field = Field::from_code(kind, field).ok_or_else(|| {
            let known: Vec<&str> = kind.fields().iter().map(|f| f.code()).collect();
            format!(
                "không có trường \"{field}\" cho {}; dùng một trong: {}",
                kind.noun(),
                known.join(", ")
            )
        })?;
        if mapping.len() <= col {
            mapping.resize(col + 1, None);
        }
        mapping[col] = Some(field);
    }
    Ok(mapping)
}
