//! Importing attendee lists people really have: detect, map columns, plan (preview,
//! duplicates, row errors), apply in one transaction — all of it or none of it.

pub mod mapping;
pub mod read;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use mapping::Field;
pub use read::{Encoding, Grid, ReadOptions};

use crate::domain::{AttendeeData, AttendeeDraft, Problem};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::fold;

/// What to do with a row whose person is already in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OnDuplicate {
    #[default]
    Skip,
    Update,
}

/// Why a row is marked as a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Duplicate {
    /// Already in the conference file (the attendee's id).
    Existing(String),
    /// Repeats an earlier row of the same file (its row number).
    InFile(usize),
}

/// A row ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// Row number in the sheet as a person counts (1 = first row).
    pub row: usize,
    pub data: AttendeeData,
    pub duplicate: Option<Duplicate>,
}

/// A row that cannot be stored as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub row: usize,
    /// The column's header as written in the file.
    pub column: String,
    pub problem: Problem,
}

/// Everything the preview shows and the import would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub file: PathBuf,
    pub grid: Grid,
    /// Index of the header row in `grid.rows`.
    pub header_row: usize,
    pub mapping: Vec<Option<Field>>,
    pub rows: Vec<PlanRow>,
    pub errors: Vec<RowError>,
    pub skipped_blank: usize,
    pub skipped_total: usize,
    pub skipped_no_name: usize,
}

impl Plan {
    pub fn duplicates(&self) -> usize {
        self.rows.iter().filter(|r| r.duplicate.is_some()).count()
    }

    /// Header text of a column ("cột 3" when it has none).
    pub fn column_name(&self, col: usize) -> String {
        self.column_name_in(&self.grid, col)
    }
}

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub imported: usize,
    pub updated: usize,
    pub skipped_duplicates: usize,
    pub errors: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "imported {}, updated {}, skipped {} duplicates, {} rows with errors",
            self.imported, self.updated, self.skipped_duplicates, self.errors
        )
    }
}

/// Existing attendees, for marking duplicates.
#[derive(Debug, Default)]
pub struct Existing {
    by_person: HashMap<(String, String), String>,
    by_phone: HashMap<String, String>,
}

impl Existing {
    pub fn load(store: &Store) -> Result<Self> {
        let (by_person, by_phone) = crate::store::attendees::person_index(store.conn())?;
        Ok(Self {
            by_person,
            by_phone,
        })
    }
}

/// Reads the file and picks the sheet whose header names the most fields.
pub fn load(path: &Path, options: &ReadOptions) -> Result<Grid> {
    read::read(path, options, |grids| {
        grids
            .iter()
            .enumerate()
            .max_by_key(|(i, g)| {
                (
                    mapping::find_header(&g.rows).map_or(0, |(_, n)| n),
                    std::cmp::Reverse(*i),
                )
            })
            .map_or(0, |(i, _)| i)
    })
}

/// Reads, finds the header and maps the columns; refuses a file with no recognisable header.
pub fn prepare(path: &Path, options: &ReadOptions, existing: &Existing) -> Result<Plan> {
    let grid = load(path, options)?;
    let Some((header_row, _)) = mapping::find_header(&grid.rows) else {
        return Err(Error::Import {
            file: path.to_owned(),
            row: None,
            field: None,
            reason: "không tìm thấy dòng tiêu đề có cột \"Họ và tên\" (và ít nhất một cột khác như Đơn vị, Cấp bậc)"
                .into(),
        });
    };
    let header = grid.rows.get(header_row).cloned().unwrap_or_default();
    let map = mapping::map_header(&header);
    let p = plan(path, grid, header_row, map, existing);
    if p.rows.is_empty() && p.errors.is_empty() {
        return Err(Error::Import {
            file: path.to_owned(),
            row: None,
            field: None,
            reason: "không có dòng đại biểu nào dưới dòng tiêu đề".into(),
        });
    }
    Ok(p)
}

fn set(draft: &mut AttendeeDraft, field: Field, value: &str) {
    let slot = match field {
        Field::FullName => &mut draft.full_name,
        Field::Gender => &mut draft.gender,
        Field::BirthYear => &mut draft.birth_year,
        Field::Rank => &mut draft.rank,
        Field::Position => &mut draft.position,
        Field::Unit => &mut draft.unit,
        Field::District => &mut draft.district,
        Field::Group => &mut draft.group,
        Field::Phone => &mut draft.phone,
        Field::Note => &mut draft.note,
    };
    slot.push_str(value);
}

/// Turns the rows under the header into attendees, errors and skips, marking duplicates.
pub fn plan(
    path: &Path,
    grid: Grid,
    header_row: usize,
    map: Vec<Option<Field>>,
    existing: &Existing,
) -> Plan {
    let mut p = Plan {
        file: path.to_owned(),
        header_row,
        mapping: map,
        ..Plan::default()
    };
    let width = p.grid_width_hint(&grid);
    let mut seen_person: HashMap<(String, String), usize> = HashMap::new();
    let mut seen_phone: HashMap<String, usize> = HashMap::new();
    for (i, cells) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let row = i + 1;
        if cells.iter().all(|c| crate::text::normalize(c).is_empty()) {
            p.skipped_blank += 1;
            continue;
        }
        if mapping::is_total_row(cells) {
            p.skipped_total += 1;
            continue;
        }
        let mut draft = AttendeeDraft::default();
        for (col, value) in cells.iter().enumerate() {
            if let Some(Some(field)) = p.mapping.get(col) {
                set(&mut draft, *field, value);
            }
        }
        // A header repeated at a page break, or a row with no name: not a person.
        if mapping::field_for_header(&draft.full_name) == Some(Field::FullName) {
            p.skipped_blank += 1;
            continue;
        }
        let extra = cells.iter().skip(width).position(|c| !c.trim().is_empty());
        let data = match draft.validate() {
            Ok(d) => d,
            Err(errors) => {
                if errors
                    .iter()
                    .any(|e| e.field == "full_name" && e.problem == Problem::Required)
                {
                    p.skipped_no_name += 1;
                    continue;
                }
                for e in errors {
                    let col = p
                        .mapping
                        .iter()
                        .position(|f| f.is_some_and(|f| f.key() == e.field))
                        .unwrap_or(0);
                    p.errors.push(RowError {
                        row,
                        column: p.column_name_in(&grid, col),
                        problem: e.problem,
                    });
                }
                continue;
            }
        };
        if let Some(offset) = extra {
            p.errors.push(RowError {
                row,
                column: format!("cột {}", width + offset + 1),
                problem: Problem::ExtraCells,
            });
            continue;
        }
        let key = (fold(&data.full_name), fold(&data.unit));
        let phone = Some(data.phone.as_str()).filter(|p| !p.is_empty());
        let duplicate = existing
            .by_person
            .get(&key)
            .or_else(|| phone.and_then(|p| existing.by_phone.get(p)))
            .map(|id| Duplicate::Existing(id.clone()))
            .or_else(|| {
                seen_person
                    .get(&key)
                    .or_else(|| phone.and_then(|p| seen_phone.get(p)))
                    .map(|first| Duplicate::InFile(*first))
            });
        if duplicate.is_none() {
            seen_person.insert(key, row);
            if !data.phone.is_empty() {
                seen_phone.insert(data.phone.clone(), row);
            }
        }
        p.rows.push(PlanRow {
            row,
            data,
            duplicate,
        });
    }
    p.grid = grid;
    p
}

impl Plan {
    fn grid_width_hint(&self, grid: &Grid) -> usize {
        let header = grid.rows.get(self.header_row).map_or(0, Vec::len);
        // Cells right of the header are extra only if the header row is not itself ragged.
        header.max(self.mapping.len())
    }

    fn column_name_in(&self, grid: &Grid, col: usize) -> String {
        grid.rows
            .get(self.header_row)
            .and_then(|h| h.get(col))
            .map(|h| crate::text::normalize(h))
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| format!("cột {}", col + 1))
    }
}

/// Stores the plan in one transaction. Rows with errors refuse the whole import unless
/// `skip_invalid`; `progress(done, total)` returning false cancels and changes nothing.
pub fn apply(
    store: &Store,
    plan: &Plan,
    on_duplicate: OnDuplicate,
    skip_invalid: bool,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Summary> {
    if let (Some(first), false) = (plan.errors.first(), skip_invalid) {
        return Err(Error::Import {
            file: plan.file.clone(),
            row: Some(first.row),
            field: Some(first.column.clone()),
            reason: format!(
                "{} (tổng cộng {} dòng có lỗi; sửa tệp hoặc chọn bỏ qua các dòng lỗi)",
                crate::i18n::VI.problem(first.problem),
                plan.errors.len()
            ),
        });
    }
    let total = plan.rows.len();
    let mut summary = Summary {
        errors: plan.errors.len(),
        ..Summary::default()
    };
    store.in_transaction(|s| {
        let stamp = crate::domain::date::now_stamp();
        for (i, r) in plan.rows.iter().enumerate() {
            if i % 1000 == 0 && !progress(i, total) {
                return Err(Error::Cancelled);
            }
            match (&r.duplicate, on_duplicate) {
                (None, _) => {
                    crate::store::attendees::insert(
                        s.conn(),
                        &crate::store::new_id(),
                        &r.data,
                        &stamp,
                    )?;
                    summary.imported += 1;
                }
                (Some(Duplicate::Existing(id)), OnDuplicate::Update) => {
                    s.update_attendee(id, &r.data)?;
                    summary.updated += 1;
                }
                _ => summary.skipped_duplicates += 1,
            }
        }
        if !progress(total, total) {
            return Err(Error::Cancelled);
        }
        Ok(())
    })?;
    Ok(summary)
}
