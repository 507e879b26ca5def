//! Importing attendee lists people really have: detect, map columns, plan (preview,
//! duplicates, row errors), apply in one transaction — all of it or none of it.

pub mod mapping;
pub mod read;
pub mod records;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use mapping::Field;
pub use read::{Encoding, Grid, ReadOptions};

use crate::domain::{AttendeeData, AttendeeDraft, Problem};
use crate::error::{Error, Result};
use crate::store::Store;

/// What to do with a row whose person is already in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
    pub keys: Keys,
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

/// People seen so far, to recognise the same person typed again: those already in the
/// conference file, and rows met earlier in the same file.
/// Indexed by two hash chains through the entries, by name and unit and by phone, so a
/// lookup visits only the few entries that could match. Comparing every namesake made
/// finding duplicates among 100,000 rows take 0.14-0.4 s; with the chains it takes 0.03 s.
#[derive(Debug)]
pub struct People<T> {
    /// (folded name, folded unit, phone, who), in the order added.
    entries: Vec<(String, String, String, T)>,
    by_unit: Chains,
    by_phone: Chains,
}

impl<T> Default for People<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            by_unit: Chains::default(),
            by_phone: Chains::default(),
        }
    }
}

impl<T> People<T> {
    pub fn add(&mut self, name_key: String, unit_key: String, phone: &str, who: T) {
        let index = self.entries.len();
        self.by_unit.add(hash(&[&name_key, &unit_key]), index);
        if !phone.is_empty() {
            self.by_phone.add(hash(&[phone]), index);
        }
        self.entries
            .push((name_key, unit_key, phone.to_owned(), who));
    }

    /// The same person: the same folded name and either the same unit (unless both
    /// phones are known and differ: namesakes) or the same phone (unit typed differently).
    /// The earliest added wins.
    pub fn find(&self, name_key: &str, unit_key: &str, phone: &str) -> Option<&T> {
        let e = &self.entries;
        self.by_unit
            .earliest(hash(&[name_key, unit_key]), |i| {
                let (n, u, p, _) = &e[i];
                n == name_key && u == unit_key && (phone.is_empty() || p.is_empty() || p == phone)
            })
            .or_else(|| {
                if phone.is_empty() {
                    return None;
                }
                self.by_phone
                    .earliest(hash(&[phone]), |i| e[i].0 == name_key && e[i].2 == phone)
            })
            .map(|i| &e[i].3)
    }
}

fn hash(parts: &[&str]) -> u64 {
    std::hash::BuildHasher::hash_one(&foldhash::fast::FixedState::default(), parts)
}

/// Entries that share a hash, linked newest first.
#[derive(Debug, Default)]
struct Chains {
    /// Hash → the latest entry with it.
    latest: HashMap<u64, usize, foldhash::fast::FixedState>,
    /// For each entry, the one before it with the same hash.
    earlier: Vec<Option<usize>>,
}

impl Chains {
    fn add(&mut self, h: u64, index: usize) {
        self.earlier.resize(index + 1, None);
        self.earlier[index] = self.latest.insert(h, index);
    }

    /// The earliest entry with hash `h` that passes `test`.
    fn earliest(&self, h: u64, mut test: impl FnMut(usize) -> bool) -> Option<usize> {
        let mut found = None;
        let mut next = self.latest.get(&h).copied();
        // Newest first, so the last match seen is the earliest entry.
        while let Some(i) = next {
            if test(i) {
                found = Some(i);
            }
            next = self.earlier.get(i).copied().flatten();
        }
        found
    }
}

/// Attendees already in the conference file, for marking duplicates.
#[derive(Debug, Default)]
pub struct Existing(People<String>);

impl Existing {
    pub fn load(store: &Store) -> Result<Self> {
        let mut people = People::default();
        for (id, name_key, unit_key, phone) in store.person_keys()? {
            people.add(name_key, unit_key, &phone, id);
        }
        Ok(Self(people))
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

/// What one row under the header turned out to be.
enum RowKind {
    Blank,
    Total,
    NoName,
    Errors(Vec<(usize, Problem)>),
    Person(Box<(AttendeeData, Keys)>),
}

/// Folded keys of a person, computed once while planning (in parallel) and stored as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub search: String,
    pub name: String,
    pub unit: String,
}

fn classify(cells: &[String], mapping: &[Option<Field>], width: usize) -> RowKind {
    if cells
        .iter()
        .all(|c| c.chars().all(|ch| ch.is_whitespace() || ch.is_control()))
    {
        return RowKind::Blank;
    }
    if mapping::is_total_row(cells) {
        return RowKind::Total;
    }
    let mut draft = AttendeeDraft::default();
    for (col, value) in cells.iter().enumerate() {
        if let Some(Some(field)) = mapping.get(col) {
            set(&mut draft, *field, value);
        }
    }
    // A header repeated at a page break is not a person. A valid row is checked below
    // by its folded name, which is computed anyway: folding every name twice cost 4%.
    let is_header =
        |name: &str| name.len() < 40 && mapping::field_for_header(name) == Some(Field::FullName);
    let data = match draft.validate() {
        Ok(d) => d,
        Err(errors) => {
            if errors
                .iter()
                .any(|e| e.field == "full_name" && e.problem == Problem::Required)
            {
                return RowKind::NoName;
            }
            if is_header(&draft.full_name) {
                return RowKind::Blank;
            }
            let at = |key: &str| {
                mapping
                    .iter()
                    .position(|f| f.is_some_and(|f| f.key() == key))
                    .unwrap_or(0)
            };
            return RowKind::Errors(errors.iter().map(|e| (at(e.field), e.problem)).collect());
        }
    };
    if let Some(offset) = cells.iter().skip(width).position(|c| !c.trim().is_empty()) {
        return RowKind::Errors(vec![(width + offset, Problem::ExtraCells)]);
    }
    let (search, name, unit) = data.keys();
    if name.len() < 40 && mapping::field_for_folded(&name) == Some(Field::FullName) {
        return RowKind::Blank;
    }
    let keys = Keys { search, name, unit };
    RowKind::Person(Box::new((data, keys)))
}

/// Classifies rows on every core: validation and folding are most of an import's work.
fn classify_all(rows: &[Vec<String>], mapping: &[Option<Field>], width: usize) -> Vec<RowKind> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    let chunk = rows.len().div_ceil(threads).max(1_000);
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|c| classify(c, mapping, width))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A worker that panicked would lose rows; classify it here instead, where a panic is seen.
        handles
            .into_iter()
            .zip(rows.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(|c| classify(c, mapping, width)).collect())
            })
            .collect()
    })
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
    let body = grid.rows.get(header_row + 1..).unwrap_or_default();
    let kinds = classify_all(body, &p.mapping, width);
    let mut seen: People<usize> = People::default();
    p.rows.reserve_exact(kinds.len());
    for (i, kind) in kinds.into_iter().enumerate() {
        let row = header_row + 2 + i;
        match kind {
            RowKind::Blank => p.skipped_blank += 1,
            RowKind::Total => p.skipped_total += 1,
            RowKind::NoName => p.skipped_no_name += 1,
            RowKind::Errors(errors) => {
                for (col, problem) in errors {
                    p.errors.push(RowError {
                        row,
                        column: p.column_name_in(&grid, col),
                        problem,
                    });
                }
            }
            RowKind::Person(person) => {
                let (data, keys) = *person;
                let duplicate = existing
                    .0
                    .find(&keys.name, &keys.unit, &data.phone)
                    .map(|id| Duplicate::Existing(id.clone()))
                    .or_else(|| {
                        seen.find(&keys.name, &keys.unit, &data.phone)
                            .map(|first| Duplicate::InFile(*first))
                    });
                if duplicate.is_none() {
                    seen.add(keys.name.clone(), keys.unit.clone(), &data.phone, row);
                }
                p.rows.push(PlanRow {
                    row,
                    data,
                    keys,
                    duplicate,
                });
            }
        }
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
                first.problem.vi(),
                plan.errors.len()
            ),
        });
    }
    let total = plan.rows.len();
    let mut summary = Summary {
        errors: plan.errors.len(),
        ..Summary::default()
    };
    let label = format!("Nhập đại biểu từ tệp {}", file_name(&plan.file));
    store.change(&label, |s| {
        let mut bulk = s.bulk_attendees()?;
        for (i, r) in plan.rows.iter().enumerate() {
            if i % 1000 == 0 && !progress(i, total) {
                return Err(Error::Cancelled);
            }
            match (&r.duplicate, on_duplicate) {
                (None, _) => {
                    let k = &r.keys;
                    bulk.push(&r.data, [&k.search, &k.name, &k.unit])?;
                    summary.imported += 1;
                }
                (Some(Duplicate::Existing(id)), OnDuplicate::Update) => {
                    s.update_attendee(id, &r.data)?;
                    summary.updated += 1;
                }
                _ => summary.skipped_duplicates += 1,
            }
        }
        bulk.finish()?;
        if !progress(total, total) {
            return Err(Error::Cancelled);
        }
        Ok(())
    })?;
    Ok(summary)
}

/// The file's name without its folder, for messages and the history.
pub(crate) fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The chained index finds the same earlier person as a plain list of everyone seen.
        #[test]
        fn people_are_found_as_a_plain_list_would_find_them(
            people in proptest::collection::vec((0..3_u8, 0..3_u8, 0..3_u8), 0..40)
        ) {
            let mut seen: People<usize> = People::default();
            let mut reference: Vec<(String, String, String, usize)> = Vec::new();
            for (i, (name, unit, phone)) in people.into_iter().enumerate() {
                let name = format!("ten {name}");
                let unit = format!("don vi {unit}");
                let phone = if phone == 0 { String::new() } else { format!("09{phone}") };
                let found = seen.find(&name, &unit, &phone).copied();
                let namesakes = || reference.iter().filter(|r| r.0 == name);
                let expected = namesakes()
                    .find(|r| r.1 == unit && (phone.is_empty() || r.2.is_empty() || r.2 == phone))
                    .or_else(|| namesakes().find(|r| !phone.is_empty() && r.2 == phone))
                    .map(|r| r.3);
                proptest::prop_assert_eq!(found, expected);
                if found.is_none() {
                    seen.add(name.clone(), unit.clone(), &phone, i);
                    reference.push((name, unit, phone, i));
                }
            }
        }
    }
}
