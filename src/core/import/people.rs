//! The row rules of attendee lists: a row becomes an attendee (its folded keys computed
//! once, on every core), and the same person typed again is recognised, against the
//! conference file and the rows above, through hash chains instead of comparing every
//! namesake.

use std::collections::HashMap;

use super::fields::Field;
use super::{Cells, RowKind, Warning};
use crate::domain::{AttendeeData, AttendeeDraft, Problem};

/// Folded keys of a person, computed once while planning (in parallel) and stored as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keys {
    pub search: String,
    pub name: String,
    pub unit: String,
}

fn slot(draft: &mut AttendeeDraft, field: Field) -> Option<&mut String> {
    Some(match field {
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
        Field::BadgeCode => &mut draft.badge_code,
        _ => return None,
    })
}

/// What one row under the header is, for an attendee list.
pub(super) fn classify(cells: &Cells<'_>) -> RowKind<(AttendeeData, Keys)> {
    let mut draft = AttendeeDraft::default();
    for (field, value) in cells.mapped() {
        if let Some(s) = slot(&mut draft, field) {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&value);
        }
    }
    // A birth date that gives no year is a warning on the row, not an error: the
    // person is imported without it.
    let mut warnings = Vec::new();
    if crate::domain::attendee::parse_birth_year(&draft.birth_year).is_err() {
        warnings.push(Warning {
            col: cells.column_of(Field::BirthYear),
            problem: Problem::BadYear,
        });
        draft.birth_year.clear();
    }
    // A header repeated at a page break is not a person. A valid row is checked below
    // by its folded name, which is computed anyway: folding every name twice cost 4%.
    let is_header = |name: &str| {
        name.len() < 40
            && super::fields::field_for_header(cells.kind(), name) == Some(Field::FullName)
    };
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
            return RowKind::Errors(
                errors
                    .iter()
                    .map(|e| (cells.column_of_key(e.field), e.problem))
                    .collect(),
            );
        }
    };
    let (search, name, unit) = data.keys();
    if name.len() < 40 && super::fields::is_name_header_key(cells.kind(), &name) {
        return RowKind::Blank;
    }
    RowKind::Record((data, Keys { search, name, unit }), warnings)
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
