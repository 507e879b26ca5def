//! Vietnamese text rules: how every stored string is normalised, how search keys
//! are folded, and how names are ordered.

use std::cmp::Ordering;
use std::ops::Range;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// NFC, trimmed, every run of white space (non-breaking spaces included) made one space.
pub fn normalize(s: &str) -> String {
    // Plain ASCII with single inner spaces (phones, years, many units) is already normal.
    if s.is_ascii() && is_clean_ascii(s.as_bytes()) {
        return s.to_owned();
    }
    // Most text arrives composed already; composing it again is the slow part of an import.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse(s.chars(), s.len())
    } else {
        collapse(s.nfc(), s.len())
    }
}

/// No control characters, no space at either end, no two spaces in a row.
fn is_clean_ascii(b: &[u8]) -> bool {
    b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && b.iter().all(|&c| c == b' ' || c.is_ascii_graphic())
}

fn collapse(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            // Control characters never belong in a name or a unit; drop them.
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Like [`normalize`] but keeps line breaks, for long free text such as a question.
pub fn normalize_multiline(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(normalize).collect();
    let joined = lines.join("\n");
    joined.trim_matches('\n').to_owned()
}

/// The search key: lower case, tone and vowel marks removed, đ folded to d.
/// "Nguyễn Thanh Tràng" → "nguyen thanh trang".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds `s` onto the end of `out`, going on with its spacing: folding several fields
/// one after another gives the same text as folding them joined by spaces.
/// A trailing space is left for the caller (or the next field) to deal with.
pub fn fold_into(out: &mut String, s: &str) {
    let table = fold_table();
    for c in s.chars() {
        let code = c as usize;
        if code < 0x80 {
            fold_char(c, out);
        } else if let Some(&folded) = table.get(code - 0x80) {
            match folded {
                FOLD_DROP => {}
                FOLD_SLOW => fold_slow(c, out),
                b => out.push(char::from(b)),
            }
        } else {
            fold_slow(c, out);
        }
    }
}

const FOLD_DROP: u8 = 0;
const FOLD_SLOW: u8 = 0xFF;

/// What each character from U+0080 to U+1FFF folds to: one ASCII letter, nothing (a
/// mark) or "ask the slow path". Made once from the slow path itself, so the two can
/// never disagree; Vietnamese letters then cost one lookup instead of a decomposition.
fn fold_table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..0x2000_u32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else {
                    return FOLD_SLOW;
                };
                if c.is_whitespace() {
                    return FOLD_SLOW;
                }
                let mut out = String::from("x");
                fold_slow(c, &mut out);
                match out.as_bytes() {
                    [b'x'] => FOLD_DROP,
                    [b'x', b] if b.is_ascii_graphic() => *b,
                    _ => FOLD_SLOW,
                }
            })
            .collect()
    })
}

fn fold_slow(c: char, out: &mut String) {
    // Marks are dropped, so decomposing char by char needs no reordering.
    unicode_normalization::char::decompose_canonical(c, |d| fold_char(d, out));
}

fn fold_char(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' => out.push('d'),
        c if c.is_whitespace() => {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        }
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c if is_combining_mark(c) => {}
        c => out.extend(c.to_lowercase()),
    }
}

/// Folds fields as if joined by spaces, in one pass, and says where each field's own
/// key lies: `key[parts[i].clone()]` equals `fold(fields[i])`.
pub fn fold_fields<const N: usize>(fields: [&str; N]) -> (String, [Range<usize>; N]) {
    let mut out = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
    let mut parts = [0; N].map(|_| 0..0);
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            fold_into(&mut out, " ");
        }
        // A field's folded text never starts with a space: leading space is dropped
        // after a space or at the start.
        let start = out.len();
        fold_into(&mut out, field);
        parts[i] = start..out.len();
    }
    if out.ends_with(' ') {
        out.pop();
    }
    for part in &mut parts {
        part.end = part.end.min(out.len());
        part.start = part.start.min(part.end);
        if out[part.clone()].ends_with(' ') {
            part.end -= 1;
        }
    }
    (out, parts)
}

/// The key of a name's identity: who a person is, not how to find them. Unlike
/// [`fold`] it keeps tones and vowel marks (Thúy and Thủy are two people); it ignores
/// case, spacing, composed or decomposed form and where an old or new style puts the
/// tone (Thuỷ = Thủy, Hoà = Hòa): each word keeps its letters and vowel marks, and its
/// tone is written once after them.
pub fn identity(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut tone = None;
        // Char by char: a letter carries at most one vowel mark beside its tone, so the
        // marks need no canonical reordering once the tone is taken out (and an import
        // checks every row: the full NFD iterator cost a tenth of a 100,000-row preview).
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            unicode_normalization::char::decompose_canonical(c, |d| match d {
                // Vietnamese tones: grave, acute, tilde, hook above, dot below.
                '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tone = Some(d),
                d => out.extend(d.to_lowercase()),
            });
        }
        if let Some(t) = tone {
            out.push(t);
        }
    }
    out
}

/// A parsed search box: every word must appear somewhere in the key.
/// Each word gets a prebuilt substring finder, since one keystroke scans every row.
#[derive(Debug, Clone, Default)]
pub struct Query {
    finders: Vec<memchr::memmem::Finder<'static>>,
}

impl Query {
    /// Folds and splits what the user typed.
    pub fn new(text: &str) -> Self {
        let mut words: Vec<String> = fold(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        // Longest first: the rarest word rejects most rows before the others are tried.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        Self {
            finders: words
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
        }
    }

    /// True when nothing was typed: everything matches.
    pub fn is_empty(&self) -> bool {
        self.finders.is_empty()
    }

    /// Does a folded key contain every word of the query?
    pub fn matches(&self, key: &str) -> bool {
        self.finders
            .iter()
            .all(|f| f.find(key.as_bytes()).is_some())
    }
}

/// How well what was typed names a person, for ranking the people a search finds
/// (smaller is better). A person is found by name, unit or phone. First come names
/// whose words start with the typed words in the order typed ("chau ng": Châu Ngọc
/// Bích), then names with a word starting with each typed word in another order
/// (Nguyễn Thị Châu) — in both, sooner when one of them is the given name (the last
/// word) —, then names that merely contain them, then people found only through their
/// unit or phone (the people of Châu Thành whose names hold "ng").
#[derive(Debug, Clone, Default)]
pub struct NameRank {
    words: Vec<String>,
}

impl NameRank {
    pub fn new(typed: &str) -> Self {
        Self {
            words: fold(typed)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    /// 0 (the typed words start the name's words in order, one of them the given name)
    /// to 5 (found through another field).
    pub fn of(&self, full_name: &str) -> u8 {
        let name = fold(full_name);
        let parts: Vec<&str> = name.split(' ').collect();
        let given = parts.last().copied().unwrap_or_default();
        let given_too = u8::from(!self.words.iter().any(|w| given.starts_with(w.as_str())));
        let in_order = !self.words.is_empty()
            && parts.windows(self.words.len()).any(|run| {
                run.iter()
                    .zip(&self.words)
                    .all(|(part, w)| part.starts_with(w.as_str()))
            });
        let starts = |w: &String| parts.iter().any(|p| p.starts_with(w.as_str()));
        if in_order {
            given_too
        } else if self.words.iter().all(starts) {
            2 + given_too
        } else if self.words.iter().all(|w| name.contains(w.as_str())) {
            4
        } else {
            5
        }
    }
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("vi");
        match Collator::try_new(locale.into(), CollatorOptions::default()) {
            Ok(c) => c,
            // The `vi` data is compiled in; falling back to root order keeps sorting usable.
            Err(_) => Collator::try_new(
                icu_collator::CollatorPreferences::default(),
                CollatorOptions::default(),
            )
            .unwrap_or_else(|e| panic!("ICU root collation data missing: {e}")),
        }
    })
}

/// Compares two strings in Vietnamese letter order (a ă â b c d đ …, tones after letters).
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    collator().compare(a, b)
}

/// A sort key for Vietnamese name order: given name (the last word), then the
/// middle and family names, each in Vietnamese letter order.
pub fn name_sort_key(full_name: &str) -> Vec<u8> {
    let (rest, given) = match full_name.rsplit_once(' ') {
        Some((rest, given)) => (rest, given),
        None => ("", full_name),
    };
    let mut key = Vec::with_capacity(full_name.len() * 3);
    let c = collator();
    // A sort key never contains 0x00, so it separates the two parts safely.
    let Ok(()) = c.write_sort_key_to(given, &mut key);
    key.push(0);
    let Ok(()) = c.write_sort_key_to(rest, &mut key);
    key
}

/// A sort key for plain Vietnamese text (units, positions …).
pub fn sort_key(text: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(text.len() * 3);
    let Ok(()) = collator().write_sort_key_to(text, &mut key);
    key
}

/// The text with its first letter in lower case ("Phát biểu khai mạc" → "phát biểu
/// khai mạc"), for a title that goes inside a sentence.
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_makes_nfc_and_collapses_spaces() {
        let nfd = "Nguye\u{302}\u{303}n\u{a0} Thanh   Tra\u{300}ng ";
        assert_eq!(normalize(nfd), "Nguyễn Thanh Tràng");
        assert_eq!(normalize("  "), "");
    }

    #[test]
    fn fold_handles_d_stroke_and_tones() {
        assert_eq!(fold("Đặng Thị Ánh"), "dang thi anh");
        assert_eq!(fold("NGUYỄN  Thanh Tràng"), "nguyen thanh trang");
        assert!(Query::new("dang").matches(&fold("Đặng Văn A")));
        assert!(Query::new("tràng").matches(&fold("Nguyễn Thanh Tràng")));
        assert!(!Query::new("trang x").matches(&fold("Nguyễn Thanh Tràng")));
    }

    #[test]
    fn identity_keeps_tones_and_ignores_their_placement() {
        // Two people: the tones differ.
        assert_ne!(identity("Nguyễn Thanh Thúy"), identity("Nguyễn Thanh Thủy"));
        // One name: old and new tone placement, case, spacing, NFD.
        assert_eq!(
            identity("Nguyễn Thanh Thuỷ"),
            identity("nguyễn  thanh THỦY")
        );
        assert_eq!(identity("Lê Thị Hoà"), identity("Lê Thị Hòa"));
        assert_eq!(identity("Trần Khoẻ"), identity("Trần Khỏe"));
        assert_eq!(
            identity("Nguye\u{302}\u{303}n Va\u{306}n A"),
            identity("Nguyễn Văn A")
        );
        // Vowel marks are letters, not tones: Lê is not Le, Ân is not An, Đ is not D.
        assert_ne!(identity("Lê Văn A"), identity("Le Van A"));
        assert_ne!(identity("Trần Ân"), identity("Trần An"));
        assert_ne!(identity("Đào Duy"), identity("Dào Duy"));
    }

    #[test]
    fn a_name_s_words_rank_before_a_unit_and_the_given_name_first() {
        let bich = NameRank::new("bich");
        assert_eq!(bich.of("Châu Ngọc Bích"), 0, "given name");
        assert_eq!(bich.of("Nguyễn Bích Thủy"), 1, "a middle name");
        assert_eq!(bich.of("Trần Văn An"), 5, "found through the unit");
        let chau = NameRank::new("chau ng");
        assert_eq!(chau.of("Châu Ngọc Bích"), 1, "in the order typed");
        assert_eq!(chau.of("Nguyễn Thị Châu"), 2, "in another order");
        assert_eq!(chau.of("Châu Trung Nghĩa"), 2, "not one after the other");
        assert_eq!(chau.of("Nguyễn Văn Tâm"), 5, "of Châu Thành");
        assert_eq!(NameRank::new("ngoc bich").of("Châu Ngọc Bích"), 0);
        assert_eq!(
            NameRank::new("uyen").of("Nguyễn Văn Tâm"),
            4,
            "inside a word"
        );
    }

    /// The fold before the lookup table: decompose every character, drop marks.
    fn reference_fold(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold_slow(c, &mut out);
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }

    #[test]
    fn the_lookup_table_folds_every_character_as_decomposing_does() {
        for code in 0x80..0x2000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for text in [
                format!("{c}"),
                format!("A{c}b"),
                format!("a {c} B"),
                format!("{c}{c}"),
            ] {
                assert_eq!(fold(&text), reference_fold(&text), "U+{code:04X}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fields_fold_as_joined_text_and_each_part_as_itself(
            fields in proptest::array::uniform4("[ a-zA-ZđĐàÀảẢãÃạẠăằẮâầẤêềỆôồỘơờỢưừỰ\u{a0}\u{300}\u{301}\u{303}\t]{0,8}")
        ) {
            let [a, b, c, d] = &fields;
            let (key, parts) = fold_fields([a.as_str(), b, c, d]);
            proptest::prop_assert_eq!(&key, &fold(&format!("{a} {b} {c} {d}")));
            for (part, field) in parts.iter().zip(&fields) {
                proptest::prop_assert_eq!(&key[part.clone()], fold(field));
            }
        }
    }

    #[test]
    fn vietnamese_letter_order() {
        let mut v = vec!["Ưng", "Uyên", "Đặng", "Dương", "Ân", "Ăn", "Ánh", "Anh"];
        v.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(
            v,
            ["Anh", "Ánh", "Ăn", "Ân", "Dương", "Đặng", "Uyên", "Ưng"]
        );
    }

    #[test]
    fn names_sort_by_given_name_first() {
        let mut v = vec!["Trần Văn Bình", "Nguyễn Thị An", "Lê Anh"];
        v.sort_by_key(|n| name_sort_key(n));
        assert_eq!(v, ["Nguyễn Thị An", "Lê Anh", "Trần Văn Bình"]);
    }
}
