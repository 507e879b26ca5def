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
    /// The name's identity ([`crate::text::identity`]), for finding the same person.
    pub identity: String,
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
    tidy_name(&mut draft, cells);
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
    let identity = crate::text::identity(&data.full_name);
    RowKind::Record(
        (
            data,
            Keys {
                search,
                name,
                unit,
                identity,
            },
        ),
        warnings,
    )
}

/// What lists put around a name, put where it belongs: "Đại tá Lê Văn Tiến" gives the
/// rank to the rank field, "Ông"/"Bà"/"Đồng chí" are dropped, a position column that
/// starts with a rank ("Đại úy, Trưởng Công an xã") gives it the same way, and a name
/// converted from an old font gets the capitals the font could not type.
pub(super) fn tidy_name(draft: &mut AttendeeDraft, cells: &Cells<'_>) {
    let (rank, name) = crate::domain::name::split_title(&draft.full_name);
    if name.len() != draft.full_name.trim().len() {
        draft.full_name = name;
        if draft.rank.trim().is_empty() {
            draft.rank = rank;
        }
    }
    if draft.rank.trim().is_empty()
        && !draft.position.is_empty()
        && let Some((rank, rest)) = leading_rank(&draft.position)
    {
        draft.rank = rank;
        draft.position = rest;
    }
    if cells.converted(Field::FullName) {
        draft.full_name = crate::domain::name::capitalise_words(&draft.full_name);
    }
}

/// "Đại úy, Trưởng Công an xã" → ("Đại úy", "Trưởng Công an xã").
fn leading_rank(text: &str) -> Option<(String, String)> {
    let mut words = text.split_whitespace();
    let two = format!("{} {}", words.next()?, words.next()?);
    let two = two.trim_end_matches([',', '-', ';', '/']);
    crate::domain::rank::rank_level(two)?;
    let rest = crate::text::normalize(
        words
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches([',', '-', ';', '/', ' ']),
    );
    Some((crate::domain::rank::canonical(two), rest))
}

/// Who a row or a stored attendee is, for telling the same person typed again from a
/// namesake: the name's identity ([`crate::text::identity`]: tones kept, their placement,
/// case and spacing aside) and the fields that tell namesakes apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// Folded unit.
    pub unit: String,
    /// Folded group or class.
    pub group: String,
    /// Folded district: one unit name occurs in two districts.
    pub district: String,
    pub birth_year: Option<i32>,
    pub phone: String,
    pub badge: String,
}

impl Person {
    /// The person of an attendee whose unit is already folded.
    pub fn of(data: &AttendeeData, identity: String, unit_key: &str) -> Self {
        Self {
            name: identity,
            unit: unit_key.to_owned(),
            group: crate::text::fold(&data.group),
            district: crate::text::fold(&data.district),
            birth_year: data.birth_year,
            phone: data.phone.clone(),
            badge: data.badge_code.clone(),
        }
    }

    /// The same person: the same name, and no field that both know and that differs.
    /// Two rows that differ in unit, district, group or class, birth year, phone or badge
    /// code are namesakes, and both are kept.
    pub fn same(&self, other: &Self) -> bool {
        let agree = |a: &str, b: &str| a.is_empty() || b.is_empty() || a == b;
        self.name == other.name
            && agree(&self.unit, &other.unit)
            && agree(&self.group, &other.group)
            && agree(&self.district, &other.district)
            && agree(&self.phone, &other.phone)
            && agree(&self.badge, &other.badge)
            && (self.birth_year.is_none()
                || other.birth_year.is_none()
                || self.birth_year == other.birth_year)
    }
}

/// People seen so far, to recognise the same person typed again: those already in the
/// conference file, and rows met earlier in the same file.
/// Indexed by hash chains through the entries, by name and unit and by name alone, so a
/// lookup visits only the namesakes of the same unit (and those with no unit); only a
/// row without a unit walks every namesake. Walking every namesake for every row cost a
/// fifth of a 100,000-row preview where common names repeat.
#[derive(Debug)]
pub struct People<T> {
    entries: Vec<(Person, T)>,
    by_unit: Chains,
    by_name: Chains,
}

impl<T> Default for People<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            by_unit: Chains::default(),
            by_name: Chains::default(),
        }
    }
}

impl<T> People<T> {
    pub fn add(&mut self, person: Person, who: T) {
        let index = self.entries.len();
        self.by_unit.add(hash(&[&person.name, &person.unit]), index);
        self.by_name.add(hash(&[&person.name]), index);
        self.entries.push((person, who));
    }

    /// The earliest added entry that is the same person (see [`Person::same`]), with
    /// what it knows of them.
    pub fn find(&self, person: &Person) -> Option<(&Person, &T)> {
        let e = &self.entries;
        let same = |i: usize| e[i].0.same(person);
        let found = if person.unit.is_empty() {
            self.by_name.earliest(hash(&[&person.name]), same)
        } else {
            let in_unit = self
                .by_unit
                .earliest(hash(&[&person.name, &person.unit]), same);
            let no_unit = self.by_unit.earliest(hash(&[&person.name, ""]), same);
            match (in_unit, no_unit) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        };
        found.map(|i| (&e[i].0, &e[i].1))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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

    fn person(name: &str, unit: &str, phone: &str) -> Person {
        Person {
            name: crate::text::identity(name),
            unit: crate::text::fold(unit),
            phone: phone.to_owned(),
            ..Person::default()
        }
    }

    #[test]
    fn thuy_with_an_acute_is_not_thuy_with_a_hook() {
        let mut seen: People<usize> = People::default();
        seen.add(person("Nguyễn Thanh Thúy", "Phòng Tổ chức", ""), 1);
        assert!(
            seen.find(&person("Nguyễn Thanh Thủy", "Phòng Tổ chức", ""))
                .is_none()
        );
        // The same name with its tone placed the old way, and in capitals, is the same person.
        assert_eq!(
            seen.find(&person("NGUYỄN THANH THÚY", "phòng tổ chức", ""))
                .map(|f| *f.1),
            Some(1)
        );
    }

    #[test]
    fn namesakes_differ_in_a_field_both_know() {
        let mut seen: People<usize> = People::default();
        let mut a = person("Trần Văn Hùng", "", "");
        a.group = "lop 10a1".into();
        seen.add(a.clone(), 1);
        let mut b = a.clone();
        b.group = "lop 11b2".into();
        assert!(seen.find(&b).is_none(), "another class: a namesake");
        let mut c = a.clone();
        c.birth_year = Some(1990);
        assert_eq!(
            seen.find(&c).map(|f| *f.1),
            Some(1),
            "a field one row lacks is no difference"
        );
        seen.add(b.clone(), 2);
        assert_eq!(seen.find(&b).map(|f| *f.1), Some(2));
        let mut d = person("Lý Văn Tám", "CA xã A", "0912");
        seen.add(d.clone(), 3);
        d.phone = "0987".into();
        assert!(
            seen.find(&d).is_none(),
            "another phone in the same unit: a namesake"
        );
    }

    proptest::proptest! {
        /// The chained index finds the same earlier person as a plain list of everyone seen.
        #[test]
        fn people_are_found_as_a_plain_list_would_find_them(
            people in proptest::collection::vec((0..3_u8, 0..3_u8, 0..3_u8, 0..3_u8), 0..40)
        ) {
            let mut seen: People<usize> = People::default();
            let mut reference: Vec<(Person, usize)> = Vec::new();
            for (i, (name, unit, phone, year)) in people.into_iter().enumerate() {
                let mut p = person(
                    &format!("Tên {name}"),
                    &if unit == 0 { String::new() } else { format!("Đơn vị {unit}") },
                    &if phone == 0 { String::new() } else { format!("09{phone}") },
                );
                p.birth_year = (year > 0).then_some(1980 + i32::from(year));
                let found = seen.find(&p).map(|f| *f.1);
                let expected = reference.iter().find(|r| r.0.same(&p)).map(|r| r.1);
                proptest::prop_assert_eq!(found, expected);
                if found.is_none() {
                    seen.add(p.clone(), i);
                    reference.push((p, i));
                }
            }
        }
    }
}
