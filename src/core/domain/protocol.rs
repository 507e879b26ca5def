//! Protocol order (thứ tự nghi thức): who is introduced, seated and listed first.
//!
//! Vietnamese protocol goes by office first — a ladder of offices, from the province's
//! leaders through the host agency's directors and departments down to commune heads
//! and staff — then the level of the unit (provincial before district before commune),
//! then rank, then name. The organiser can pin a few people by hand (the head table).
//! The ladder is data kept in the conference file; [`SEED`] is what a new file starts
//! with. One function, [`Ladder::key`], serves every screen, list and script.

use std::cmp::Ordering;

use crate::text::{fold, name_sort_key};

/// The ladder a new conference starts with, top first: each office with the
/// abbreviations and variants that name it in real lists.
pub const SEED: &[(&str, &str)] = &[
    ("Bí thư Tỉnh ủy", "BTTU, Bí thư Tỉnh uỷ"),
    ("Phó Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh uỷ"),
    (
        "Chủ tịch Hội đồng nhân dân tỉnh",
        "Chủ tịch HĐND tỉnh, CT HĐND tỉnh",
    ),
    (
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Chủ tịch UBND tỉnh, CT UBND tỉnh, Chủ tịch Uỷ ban nhân dân tỉnh",
    ),
    (
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Phó Chủ tịch UBND tỉnh, PCT UBND tỉnh, Phó Chủ tịch Uỷ ban nhân dân tỉnh",
    ),
    ("Giám đốc", "GĐ, Giám đốc Công an tỉnh"),
    ("Phó Giám đốc", "PGĐ, P.GĐ, Phó Giám đốc Công an tỉnh"),
    ("Trưởng ban", "Trưởng Ban"),
    ("Phó Trưởng ban", "Phó Ban, Phó Trưởng Ban"),
    ("Chánh Văn phòng", "CVP"),
    ("Trưởng phòng", "TP, Trưởng Phòng"),
    (
        "Trưởng Công an huyện",
        "Trưởng CAH, Trưởng Công an thị xã, Trưởng Công an thành phố, Trưởng Công an quận, Trưởng CATX, Trưởng CATP",
    ),
    (
        "Bí thư Huyện ủy",
        "Bí thư Thị ủy, Bí thư Thành ủy, Bí thư Huyện uỷ",
    ),
    (
        "Chủ tịch Ủy ban nhân dân huyện",
        "Chủ tịch UBND huyện, Chủ tịch UBND thị xã, Chủ tịch UBND thành phố",
    ),
    ("Phó Chánh Văn phòng", "PCVP"),
    ("Phó Trưởng phòng", "PTP, P.TP, Phó TP, Phó Trưởng Phòng"),
    (
        "Phó Trưởng Công an huyện",
        "Phó Trưởng CAH, Phó Trưởng Công an thị xã, Phó Trưởng Công an thành phố, Phó Trưởng Công an quận",
    ),
    ("Đội trưởng", "ĐT, Đội Trưởng"),
    ("Phó Đội trưởng", "PĐT, Phó Đội Trưởng"),
    (
        "Bí thư Đảng ủy xã",
        "Bí thư Đảng uỷ xã, Bí thư Đảng ủy phường",
    ),
    (
        "Chủ tịch Ủy ban nhân dân xã",
        "Chủ tịch UBND xã, Chủ tịch UBND phường, Chủ tịch UBND thị trấn",
    ),
    (
        "Trưởng Công an xã",
        "Trưởng CAX, Trưởng Công an phường, Trưởng Công an thị trấn, Trưởng CAP, Trưởng CATT",
    ),
    (
        "Phó Trưởng Công an xã",
        "Phó Trưởng CAX, Phó Trưởng Công an phường, Phó Trưởng Công an thị trấn, Phó Trưởng CAP, Phó CAX",
    ),
    (
        "Bí thư Đoàn Thanh niên",
        "Bí thư Đoàn, Bí thư Chi đoàn, BT Đoàn, Bí thư Đoàn TN",
    ),
    (
        "Chủ tịch Hội Phụ nữ",
        "Chủ tịch Hội, Chi hội trưởng, Chủ tịch Hội PN",
    ),
    (
        "Phó Bí thư Đoàn Thanh niên",
        "Phó Bí thư Đoàn, Phó Bí thư Chi đoàn",
    ),
    (
        "Phó Chủ tịch Hội Phụ nữ",
        "Phó Chủ tịch Hội, Chi hội phó, Phó Chủ tịch Hội PN",
    ),
    ("Trưởng Công an ấp", "Trưởng Công an khóm, Trưởng ấp"),
    (
        "Cán bộ",
        "Cán bộ, Chiến sĩ, Chiến sỹ, CBCS, Cán bộ chiến sĩ, Công nhân Công an",
    ),
    ("Đoàn viên", ""),
    ("Hội viên", ""),
];

/// An office of the ladder as stored: its name and the other ways people write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub id: String,
    pub name: String,
    /// Abbreviations and variants, comma separated ("PGĐ, P.GĐ").
    pub aliases: String,
}

/// The level of a unit: provincial before district before commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province,
    District,
    Commune,
    /// No level word in the unit's name.
    Unknown,
}

/// The level a unit's name says: the first administrative word in it, so "Công an xã
/// Long Trị, thị xã Long Mỹ" is a commune and "Công an thị xã Long Mỹ" a district.
/// The host's departments ("Phòng …", "Ban Giám đốc …") are provincial.
pub fn unit_level(unit: &str) -> Level {
    let key = words_key(unit);
    let words: Vec<&str> = key.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or_default();
        match (*w, next) {
            ("thi", "xa" | "tran") | ("thanh", "pho") => {
                return if next == "tran" {
                    Level::Commune
                } else {
                    Level::District
                };
            }
            ("huyen" | "quan" | "thi", _) => return Level::District,
            ("xa" | "phuong", _) => return Level::Commune,
            ("tinh" | "phong" | "ban" | "so", _) => return Level::Province,
            _ => {}
        }
    }
    Level::Unknown
}

/// Folded text with punctuation made spaces: "P.GĐ" and "PGĐ," compare as "p gd", "pgd".
pub fn words_key(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ladder, ready to place people: each office's name and aliases folded once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ladder {
    /// (folded name or alias, place on the ladder, the variant as written), longest
    /// first, so "pho giam doc" is tried before "giam doc".
    keys: Vec<(String, usize, String)>,
    names: Vec<String>,
}

impl Ladder {
    /// A ladder from offices in their order, top first.
    pub fn new<'a>(offices: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut keys = Vec::new();
        let mut names = Vec::new();
        for (place, (name, aliases)) in offices.into_iter().enumerate() {
            names.push(name.to_owned());
            for variant in std::iter::once(name).chain(aliases.split(',')) {
                let k = words_key(variant);
                if !k.is_empty() && !keys.iter().any(|(known, _, _)| *known == k) {
                    keys.push((k, place, variant.trim().to_owned()));
                }
            }
        }
        keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        Self { keys, names }
    }

    /// The ladder of a new conference file.
    pub fn seed() -> Self {
        Self::new(SEED.iter().copied())
    }

    /// The ladder of stored offices.
    pub fn from_offices(offices: &[Office]) -> Self {
        Self::new(
            offices
                .iter()
                .map(|o| (o.name.as_str(), o.aliases.as_str())),
        )
    }

    /// Number of offices.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The office's name at `place`.
    pub fn name(&self, place: usize) -> Option<&str> {
        self.names.get(place).map(String::as_str)
    }

    /// The place on the ladder of the office a position names: the longest name or
    /// alias the position starts with ("Phó Giám đốc Công an tỉnh" → Phó Giám đốc);
    /// failing that, the longest one it holds as whole words ("Đại tá, Phó Giám đốc").
    pub fn office_of(&self, position: &str) -> Option<usize> {
        let key = words_key(position);
        if key.is_empty() {
            return None;
        }
        let whole_words_at = |at: usize, k: &str| {
            key.get(at..at + k.len()) == Some(k)
                && key[at + k.len()..].chars().next().is_none_or(|c| c == ' ')
        };
        if let Some((_, place, _)) = self.keys.iter().find(|(k, _, _)| whole_words_at(0, k)) {
            return Some(*place);
        }
        let starts: Vec<usize> = key
            .char_indices()
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i + 1)
            .collect();
        // Inside the text an office counts unless "Phó" stands right before it: "Phó GĐ"
        // with an unknown abbreviation is a deputy, never the head it names.
        let deputy_before = |at: usize| key[..at].split_whitespace().last() == Some("pho");
        self.keys
            .iter()
            .find(|(k, _, _)| {
                starts
                    .iter()
                    .any(|&at| whole_words_at(at, k) && !deputy_before(at))
            })
            .map(|(_, place, _)| *place)
    }

    /// The position with its office written out as the ladder names it, for speech and
    /// print: an abbreviation at its start ("PGĐ", "TP", "Phó TP", "CT HĐND tỉnh")
    /// becomes the office ("Phó Giám đốc", "Trưởng phòng" …), a variant in other case or
    /// tone placement takes the ladder's ("Trưởng Phòng" → "Trưởng phòng"), and the
    /// common abbreviations of bodies are written out ("Trưởng CATX" → "Trưởng Công an
    /// thị xã"). Other variants stay as typed; so does the stored position.
    pub fn written_out(&self, position: &str) -> String {
        let position = position.trim();
        let tokens = word_spans(position);
        let folded: Vec<String> = tokens
            .iter()
            .map(|&(a, b)| words_key(&position[a..b]))
            .collect();
        for (key, place, variant) in &self.keys {
            let n = key.split(' ').count();
            if n > folded.len() || folded[..n].join(" ") != *key {
                continue;
            }
            let end = tokens[n - 1].1;
            let rest = crate::speech::expand_words(position[end..].trim());
            let name = self.names[*place].as_str();
            // "Trưởng CAX" written out word by word is itself a name on the ladder
            // ("Trưởng Công an xã"): that, not the office's general name.
            let words = crate::speech::expand_words(&position[..end]);
            let abbreviated =
                is_abbreviation(variant) && (words == position[..end] || !self.is_variant(&words));
            let office = if words_key(name) == *key || abbreviated {
                name.to_owned()
            } else {
                words
            };
            return if rest.is_empty() {
                office
            } else if rest.starts_with(',') {
                format!("{office}{rest}")
            } else {
                format!("{office} {rest}")
            };
        }
        crate::speech::expand_words(position)
    }

    /// Whether `text` is an office's name or one of its variants, as a whole.
    fn is_variant(&self, text: &str) -> bool {
        let k = words_key(text);
        self.keys.iter().any(|(known, _, _)| *known == k)
    }
}

/// Whether a variant is an abbreviation: a word of two or more capitals ("PGĐ", "TP",
/// "CT HĐND tỉnh") or a dotted one ("P.GĐ").
fn is_abbreviation(variant: &str) -> bool {
    variant.contains('.')
        || variant.split_whitespace().any(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        })
}

/// Byte ranges of the runs of letters and digits in `text`.
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

impl Ladder {
    /// A person's protocol key: pinned places first (by their number), then office on
    /// the ladder (people whose position matches none come after every office), level
    /// of unit, rank (higher first), and name in Vietnamese name order.
    pub fn key(&self, p: &Person<'_>) -> Key {
        Key {
            pinned: p.pinned,
            office: self.office_of(p.position).unwrap_or(usize::MAX),
            level: unit_level(p.unit),
            rank: super::rank::protocol_key(p.rank),
            name: name_sort_key(p.full_name),
        }
    }

    /// Sorts `items` in protocol order; `person` says who each item is.
    pub fn sort<'p, T>(&self, items: &mut [T], person: impl Fn(&T) -> Person<'p>) {
        let mut keyed: Vec<(Key, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, t)| (self.key(&person(t)), i))
            .collect();
        keyed.sort();
        let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
        apply_order(items, &order);
    }
}

/// Reorders `items` so that position i holds what was at `order[i]`.
fn apply_order<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        // Follow the cycle that starts here, swapping each item into its place.
        let mut at = start;
        loop {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// What protocol order looks at in a person.
#[derive(Debug, Clone, Copy, Default)]
pub struct Person<'a> {
    pub full_name: &'a str,
    pub rank: &'a str,
    pub position: &'a str,
    pub unit: &'a str,
    /// A place fixed by hand (1 = first); pinned people come before everyone else.
    pub pinned: Option<i64>,
}

impl<'a> Person<'a> {
    pub fn of(a: &'a super::AttendeeData) -> Self {
        Self {
            full_name: &a.full_name,
            rank: &a.rank,
            position: &a.position,
            unit: &a.unit,
            pinned: a.protocol_order,
        }
    }
}

/// A place in protocol order; smaller comes first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pinned: Option<i64>,
    office: usize,
    level: Level,
    rank: i64,
    name: Vec<u8>,
}

impl Key {
    /// The place on the ladder, if the position named an office.
    pub fn office(&self) -> Option<usize> {
        (self.office != usize::MAX).then_some(self.office)
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        // Pinned first (None sorts after every number), then the rest in turn.
        let pin = |k: &Self| (k.pinned.is_none(), k.pinned.unwrap_or(0));
        pin(self)
            .cmp(&pin(other))
            .then(self.office.cmp(&other.office))
            .then(self.level.cmp(&other.level))
            .then(self.rank.cmp(&other.rank))
            .then_with(|| self.name.cmp(&other.name))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person<'a>(name: &'a str, rank: &'a str, position: &'a str, unit: &'a str) -> Person<'a> {
        Person {
            full_name: name,
            rank,
            position,
            unit,
            pinned: None,
        }
    }

    #[test]
    fn positions_find_their_office_by_name_alias_or_inside_the_text() {
        let l = Ladder::seed();
        let office = |p: &str| l.office_of(p).and_then(|i| l.name(i)).unwrap_or("—");
        assert_eq!(office("Phó Giám đốc Công an tỉnh"), "Phó Giám đốc");
        assert_eq!(office("Giám đốc Công an tỉnh"), "Giám đốc");
        assert_eq!(office("PGĐ"), "Phó Giám đốc");
        assert_eq!(office("P.GĐ Công an tỉnh"), "Phó Giám đốc");
        assert_eq!(office("Trưởng phòng PC06"), "Trưởng phòng");
        assert_eq!(office("TP Tham mưu"), "Trưởng phòng");
        assert_eq!(office("Phó Trưởng phòng"), "Phó Trưởng phòng");
        assert_eq!(office("Trưởng Công an xã"), "Trưởng Công an xã");
        assert_eq!(office("Trưởng CAX Long Trị"), "Trưởng Công an xã");
        assert_eq!(office("Trưởng Công an phường"), "Trưởng Công an xã");
        assert_eq!(office("Trưởng Công an thị xã"), "Trưởng Công an huyện");
        assert_eq!(
            office("Phó Trưởng Công an thị trấn"),
            "Phó Trưởng Công an xã"
        );
        assert_eq!(office("Đại tá, Phó Giám đốc"), "Phó Giám đốc");
        assert_eq!(
            office("Bí thư Đoàn Thanh niên Công an tỉnh"),
            "Bí thư Đoàn Thanh niên"
        );
        assert_eq!(office("Chiến sĩ"), "Cán bộ");
        assert_eq!(
            office("Chủ tịch UBND tỉnh"),
            "Chủ tịch Ủy ban nhân dân tỉnh"
        );
        assert_eq!(office("Kế toán"), "—");
        assert_eq!(office(""), "—");
        // A word that merely starts like an office is not that office.
        assert_eq!(office("Trưởng phòngxyz"), "—");
    }

    #[test]
    fn offices_are_written_out_from_the_ladder() {
        let l = Ladder::seed();
        assert_eq!(l.written_out("PGĐ"), "Phó Giám đốc");
        assert_eq!(
            l.written_out("P.GĐ Công an tỉnh"),
            "Phó Giám đốc Công an tỉnh"
        );
        assert_eq!(l.written_out("TP"), "Trưởng phòng");
        assert_eq!(l.written_out("TP Tham mưu"), "Trưởng phòng Tham mưu");
        assert_eq!(l.written_out("Phó TP"), "Phó Trưởng phòng");
        assert_eq!(l.written_out("Trưởng Phòng"), "Trưởng phòng");
        assert_eq!(l.written_out("Bí thư Tỉnh uỷ"), "Bí thư Tỉnh ủy");
        assert_eq!(
            l.written_out("PCT UBND tỉnh"),
            "Phó Chủ tịch Ủy ban nhân dân tỉnh"
        );
        assert_eq!(
            l.written_out("CT HĐND tỉnh"),
            "Chủ tịch Hội đồng nhân dân tỉnh"
        );
        // Written out word by word when that names the office as precisely.
        assert_eq!(l.written_out("Trưởng CAX"), "Trưởng Công an xã");
        assert_eq!(
            l.written_out("Trưởng CATX Long Mỹ"),
            "Trưởng Công an thị xã Long Mỹ"
        );
        assert_eq!(l.written_out("Phó CAX"), "Phó Trưởng Công an xã");
        // Variants that are not abbreviations, and unknown offices, stay as typed.
        assert_eq!(l.written_out("Chiến sĩ"), "Chiến sĩ");
        assert_eq!(
            l.written_out("Phó Giám đốc Công an tỉnh"),
            "Phó Giám đốc Công an tỉnh"
        );
        assert_eq!(l.written_out("Hiệu trưởng"), "Hiệu trưởng");
        assert_eq!(
            l.written_out("Đại tá, Phó Giám đốc"),
            "Đại tá, Phó Giám đốc"
        );
    }

    #[test]
    fn unit_levels() {
        assert_eq!(unit_level("Ban Giám đốc Công an tỉnh"), Level::Province);
        assert_eq!(unit_level("Phòng Tham mưu"), Level::Province);
        assert_eq!(unit_level("Công an thị xã Long Mỹ"), Level::District);
        assert_eq!(unit_level("Công an huyện Phụng Hiệp"), Level::District);
        assert_eq!(unit_level("Công an thành phố Vị Thanh"), Level::District);
        assert_eq!(unit_level("Công an xã Long Trị"), Level::Commune);
        assert_eq!(unit_level("Công an phường V"), Level::Commune);
        assert_eq!(unit_level("Công an thị trấn Một Ngàn"), Level::Commune);
        assert_eq!(unit_level("Trường Đại học"), Level::Unknown);
    }

    /// The seed conference's leader and guests, in the order an MC introduces them.
    #[test]
    fn the_seed_conference_s_leaders_and_guests_come_in_protocol_order() {
        let l = Ladder::seed();
        let mut people = vec![
            person("Lê Văn Bảy", "Thượng úy", "Cán bộ", "Công an xã Long Trị"),
            person(
                "Trần Thị Hoa",
                "Trung tá",
                "Chủ tịch Hội Phụ nữ Công an tỉnh",
                "Hội Phụ nữ Công an tỉnh",
            ),
            person(
                "Võ Văn Tám",
                "Thiếu tá",
                "Trưởng Công an xã",
                "Công an xã Long Trị",
            ),
            person(
                "Phạm Văn Sáu",
                "Trung tá",
                "Phó Trưởng phòng",
                "Phòng Hậu cần",
            ),
            person(
                "Ngô Văn Năm",
                "Trung tá",
                "Phó Trưởng phòng",
                "Phòng Tham mưu",
            ),
            person(
                "Lý Văn Bốn",
                "Thượng tá",
                "Trưởng phòng",
                "Phòng Tổ chức cán bộ",
            ),
            person(
                "Nguyễn Thanh Tràng",
                "Đại tá",
                "Phó Giám đốc Công an tỉnh",
                "Ban Giám đốc Công an tỉnh",
            ),
            person(
                "Đặng Văn Ba",
                "Đại úy",
                "Phó Trưởng Công an xã",
                "Công an xã Long Trị",
            ),
            person("Hồ Văn Chín", "", "Kế toán", "Công an xã Long Trị"),
            person(
                "Bùi Văn Mười",
                "Thiếu tá",
                "Bí thư Đoàn Thanh niên Công an tỉnh",
                "Đoàn Thanh niên Công an tỉnh",
            ),
            person(
                "Trương Văn Hai",
                "Thượng tá",
                "Trưởng Công an huyện",
                "Công an huyện Phụng Hiệp",
            ),
        ];
        l.sort(&mut people, |p| *p);
        let names: Vec<&str> = people.iter().map(|p| p.full_name).collect();
        assert_eq!(
            names,
            [
                "Nguyễn Thanh Tràng",
                "Lý Văn Bốn",
                "Trương Văn Hai",
                // Same office, same level, same rank: name order (Năm before Sáu).
                "Ngô Văn Năm",
                "Phạm Văn Sáu",
                "Võ Văn Tám",
                "Đặng Văn Ba",
                "Bùi Văn Mười",
                "Trần Thị Hoa",
                "Lê Văn Bảy",
                // No office on the ladder: after everyone who has one.
                "Hồ Văn Chín",
            ]
        );
    }

    #[test]
    fn level_and_rank_break_ties_and_pins_come_first() {
        let l = Ladder::seed();
        let commune = person(
            "A Văn An",
            "Đại úy",
            "Bí thư Chi đoàn",
            "Chi đoàn Công an xã Long Trị",
        );
        let province = person(
            "B Văn Bình",
            "Thiếu úy",
            "Bí thư Đoàn",
            "Đoàn Thanh niên Công an tỉnh",
        );
        // Same office: the provincial unit first, whatever the rank.
        assert!(l.key(&province) < l.key(&commune));
        let senior = person(
            "C Văn Cường",
            "Thiếu tá",
            "Bí thư Đoàn",
            "Đoàn Thanh niên Công an tỉnh",
        );
        // Same office and level: the higher rank first.
        assert!(l.key(&senior) < l.key(&province));
        let pinned = Person {
            pinned: Some(2),
            ..person("D Văn Dũng", "", "Cán bộ", "")
        };
        let first = Person {
            pinned: Some(1),
            ..person("E Văn Em", "", "", "")
        };
        assert!(l.key(&first) < l.key(&pinned));
        assert!(l.key(&pinned) < l.key(&senior));
    }

    #[test]
    fn a_custom_ladder_follows_the_organiser_s_order() {
        let l = Ladder::new([("Phó Giám đốc", "PGĐ"), ("Giám đốc", "GĐ")]);
        let gd = person("A", "", "Giám đốc", "");
        let pgd = person("B", "", "PGĐ", "");
        assert!(l.key(&pgd) < l.key(&gd));
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn sorting_applies_the_order_in_place() {
        let mut v = vec![3, 1, 2, 0, 5, 4];
        apply_order(&mut v, &[3, 1, 2, 0, 5, 4]);
        assert_eq!(v, [0, 1, 2, 3, 4, 5]);
        let mut w = vec!['c', 'a', 'b'];
        apply_order(&mut w, &[1, 2, 0]);
        assert_eq!(w, ['a', 'b', 'c']);
    }
}
