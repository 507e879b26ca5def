//! Text typed in the legacy Vietnamese font encodings: TCVN3 (ABC; fonts `.VnTime`,
//! `.VnArial`, `.VnTimeH`), VNI-Windows (`VNI-Times`) and VIQR (`Nguye^~n`).
//!
//! Such a cell holds Latin-1 letters that only look Vietnamese in the old font
//! (`NguyÔn Thanh Hµ` is Nguyễn Thanh Hà). Detection looks at a whole column and must
//! be sure before it converts: a column holding a letter only Unicode Vietnamese has
//! (ă, đ, ơ, ư, ễ …) is Unicode; otherwise the words are decoded with each table and
//! kept only when nearly all of them become Vietnamese syllables, when they were not
//! syllables as they stood, and when marks no Western language writes inside a word
//! are found (`§inh`, `V¨n`, `Höôøng`). French, English and German words fail that.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization as _;

use super::legacy_tables::{TCVN3, VIQR, VNI_WIN};

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3, "ABC": fonts `.VnTime`, `.VnArial`, `.VnTimeH`.
    Tcvn3,
    /// VNI-Windows: fonts `VNI-Times`, `VNI-Helve`.
    Vni,
    /// VIQR (RFC 1456): marks typed as ASCII after the letter.
    Viqr,
}

impl Legacy {
    pub const ALL: [Self; 3] = [Self::Tcvn3, Self::Vni, Self::Viqr];

    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Self::Vni => "VNI-Windows (VNI-Times)",
            Self::Viqr => "VIQR",
        }
    }

    /// The short name used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Tcvn3 => "tcvn3",
            Self::Vni => "vni",
            Self::Viqr => "viqr",
        }
    }

    fn table(self) -> &'static Table {
        static TABLES: OnceLock<[Table; 3]> = OnceLock::new();
        let [t, v, q] =
            TABLES.get_or_init(|| [Table::new(TCVN3), Table::new(VNI_WIN), Table::new(VIQR)]);
        match self {
            Self::Tcvn3 => t,
            Self::Vni => v,
            Self::Viqr => q,
        }
    }

    /// Unicode (NFC) of a cell typed in this encoding. TCVN3 has no capital toned
    /// letters: all-caps cells (typed with a `.VnTimeH` font) come out in capitals.
    pub fn decode(self, text: &str) -> String {
        let decoded = self.table().decode(text);
        if self == Self::Tcvn3 && all_caps(text) {
            decoded.to_uppercase()
        } else {
            decoded
        }
    }

    /// The cell as it would be typed in this encoding (tests, and converting back).
    /// TCVN3 writes a capital toned letter with its lowercase code, as `.VnTimeH` does.
    pub fn encode(self, text: &str) -> String {
        let table = self.table();
        let mut out = String::with_capacity(text.len() * 2);
        for c in text.nfc() {
            if let Some(v) = table.encode.get(&c) {
                out.push_str(v);
            } else if let Some(v) = c
                .to_lowercase()
                .next()
                .filter(|l| *l != c && self == Self::Tcvn3)
                .and_then(|l| table.encode.get(&l))
            {
                out.push_str(v);
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// Two or more ASCII letters, all capitals: a `.VnTimeH` cell.
fn all_caps(raw: &str) -> bool {
    let mut letters = raw.chars().filter(char::is_ascii_alphabetic).peekable();
    letters.peek().is_some()
        && raw.chars().filter(char::is_ascii_alphabetic).count() >= 2
        && letters.all(|c| c.is_ascii_uppercase())
}

/// One encoding's table, both ways.
struct Table {
    encode: HashMap<char, &'static str>,
    /// Encoded sequence → letter, longest first (greedy decoding).
    decode: HashMap<&'static str, char>,
    longest: usize,
}

impl Table {
    fn new(pairs: &'static [(char, &'static str)]) -> Self {
        Self {
            encode: pairs.iter().copied().collect(),
            decode: pairs.iter().map(|&(k, v)| (v, k)).collect(),
            longest: pairs
                .iter()
                .map(|(_, v)| v.chars().count())
                .max()
                .unwrap_or(1),
        }
    }

    /// Greedy longest match: at each place the longest sequence the table knows.
    fn decode(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        'next: while let Some(c) = rest.chars().next() {
            if !c.is_ascii() || self.longest > 1 {
                // Lengths in bytes of the next 1..=longest characters.
                let mut ends = rest
                    .char_indices()
                    .skip(1)
                    .map(|(i, _)| i)
                    .chain([rest.len()]);
                let mut cuts = Vec::with_capacity(self.longest);
                for _ in 0..self.longest {
                    match ends.next() {
                        Some(e) => cuts.push(e),
                        None => break,
                    }
                }
                for &end in cuts.iter().rev() {
                    if let Some(&letter) = rest.get(..end).and_then(|s| self.decode.get(s)) {
                        out.push(letter);
                        rest = &rest[end..];
                        continue 'next;
                    }
                }
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out.nfc().collect()
    }
}

/// A letter no legacy text read as Windows-1252 can hold: the column is Unicode.
fn unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        '\u{102}'
            | '\u{103}'
            | '\u{110}'
            | '\u{111}'
            | '\u{128}'
            | '\u{129}'
            | '\u{168}'
            | '\u{169}'
            | '\u{1A0}'
            | '\u{1A1}'
            | '\u{1AF}'
            | '\u{1B0}'
            | '\u{1EA0}'
            ..='\u{1EF9}' | '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'
    )
}

/// TCVN3 codes that are letters in no Western language; a sign of TCVN3 when found
/// inside a word (`§inh`, `Hµ`, `V¨n`, the soft hyphen of `Nguy\u{ad}n`…).
fn tcvn3_mark(c: char) -> bool {
    matches!(
        c,
        '§' | '®'
            | '¨'
            | '©'
            | 'ª'
            | '«'
            | '¬'
            | '¡'
            | '¢'
            | '£'
            | '¤'
            | '¥'
            | '¦'
            | 'µ'
            | '¶'
            | '·'
            | '¸'
            | '¹'
            | '»'
            | '¼'
            | '½'
            | '¾'
            | '×'
            | '÷'
            | 'Þ'
            | 'þ'
            | '\u{ad}'
    )
}

/// A VNI letter followed by its mark (`aø`, `eã`, `öô`, `Ñ` before a vowel …).
fn vni_pair(a: char, b: char) -> bool {
    let (la, lb) = (a.to_ascii_lowercase(), lower_latin1(b));
    let same_case = a.is_uppercase() == b.is_uppercase();
    same_case
        && match la {
            'a' => "àáâãäåèéêëúüùøûõï".contains(lb),
            'e' | 'o' => "àáâãäåùøûõï".contains(lb),
            'u' | 'y' => "ùøûõ".contains(lb) || (la == 'u' && lb == 'ï'),
            'ô' | 'ö' => "ùøûõïô".contains(lb),
            'ñ' => "aeiouyô".contains(lb.to_ascii_lowercase()),
            _ => false,
        }
}

fn lower_latin1(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// The parts of a column's text that tell an encoding apart: its words.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || ",;:/()[]{}\"“”".contains(c))
        .filter(|w| !w.is_empty())
}

/// What detection found in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub legacy: Legacy,
    /// Words that became Vietnamese syllables.
    pub words: usize,
}

/// Looks at the cells of one column and says which legacy encoding they are typed in,
/// if it is sure; `None` for Unicode, plain ASCII, or text in other languages.
pub fn detect<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<Found> {
    // Enough words to be sure; more only costs time.
    const WORDS: usize = 3_000;
    let mut non_ascii: Vec<&str> = Vec::new();
    let mut viqr: Vec<&str> = Vec::new();
    let mut all_words = 0usize;
    for cell in cells {
        if cell.chars().any(unicode_vietnamese) {
            return None;
        }
        for w in words(cell) {
            all_words += 1;
            if !w.is_ascii() {
                non_ascii.push(w);
            } else if looks_viqr(w) {
                viqr.push(w);
            }
        }
        if non_ascii.len() >= WORDS || viqr.len() >= WORDS {
            break;
        }
    }
    if !non_ascii.is_empty() {
        let as_is = non_ascii.iter().filter(|w| is_syllable(w)).count();
        [Legacy::Tcvn3, Legacy::Vni]
            .into_iter()
            .filter_map(|legacy| judge(legacy, &non_ascii, as_is))
            .max_by_key(|f| f.words)
    } else if viqr.len() >= 3 && viqr.len() * 10 >= all_words * 3 {
        judge(Legacy::Viqr, &viqr, 0)
    } else {
        None
    }
}

/// Whether `words` are surely typed in `legacy`: nearly all decode to syllables, more
/// of them than were syllables as they stood, with the encoding's own marks among them.
fn judge(legacy: Legacy, words: &[&str], as_is: usize) -> Option<Found> {
    let mut marked = 0;
    let mut good = 0;
    for w in words {
        let chars: Vec<char> = w.chars().collect();
        let inside = |i: usize| {
            chars
                .get(i.wrapping_sub(1))
                .is_some_and(|c| c.is_alphabetic())
                || chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        };
        let has_mark = match legacy {
            Legacy::Tcvn3 => chars
                .iter()
                .enumerate()
                .any(|(i, c)| tcvn3_mark(*c) && inside(i)),
            Legacy::Vni => {
                chars.windows(2).any(|p| vni_pair(p[0], p[1]))
                    || chars.iter().any(|c| matches!(c, 'ö' | 'Ö' | 'ñ' | 'Ñ'))
            }
            Legacy::Viqr => true,
        };
        marked += usize::from(has_mark);
        let decoded = legacy.decode(w);
        if decoded != *w && is_syllable(&decoded) {
            good += 1;
        }
    }
    let n = words.len();
    let sure = good * 10 >= n * 9 && good > as_is && marked >= n.min(3);
    sure.then_some(Found {
        legacy,
        words: good,
    })
}

/// A word with VIQR marks after a vowel (`Nguye^~n`, ``Tra^`n``, `DDa(ng`).
fn looks_viqr(w: &str) -> bool {
    if w.contains(['@', '\\']) || w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let b = w.as_bytes();
    b.windows(2).enumerate().any(|(i, p)| {
        let vowel = b"aeiouyAEIOUY".contains(&p[0]);
        let mark = b"^(+'`?~.".contains(&p[1]);
        // A final '.' or '?' is punctuation as often as a tone.
        vowel && mark && (i + 2 < b.len() || !matches!(p[1], b'.' | b'?'))
    }) || w.starts_with("DD")
        || w.starts_with("dd")
}

/// Whether `word` is one Vietnamese syllable: an onset, a vowel cluster, a coda, and at
/// most one tone — which must be sắc or nặng after p, t, c, ch. Case does not matter.
pub fn is_syllable(word: &str) -> bool {
    let mut tones = 0;
    let mut tone = None;
    let mut base = String::with_capacity(word.len());
    for c in word.nfd() {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {
                tones += 1;
                tone = Some(c);
            }
            _ => base.extend(c.to_lowercase()),
        }
    }
    let base: String = base.nfc().collect();
    if tones > 1 || base.is_empty() {
        return false;
    }
    ONSETS.iter().any(|onset| {
        base.strip_prefix(onset)
            .is_some_and(|rime| valid_rime(rime, tone))
    })
}

const ONSETS: &[&str] = &[
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Vowel clusters that end the syllable themselves (their last letter is a glide).
const OPEN: &[&str] = &[
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo",
    "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "oo", "ua", "uê", "ui", "uơ", "uy", "ưa", "ưi",
    "ưu", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu", "uâ",
];

/// Vowel clusters that take a consonant coda.
const CLOSED: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "oa", "oă", "oe", "oo", "uâ",
    "uê", "uô", "ươ", "uy", "uyê", "yê", "ưa",
];

const CODAS: &[&str] = &["ch", "ng", "nh", "c", "m", "n", "p", "t"];

fn valid_rime(rime: &str, tone: Option<char>) -> bool {
    if OPEN.contains(&rime) {
        return true;
    }
    CODAS.iter().any(|coda| {
        rime.strip_suffix(coda).is_some_and(|nucleus| {
            let stop = matches!(*coda, "c" | "ch" | "p" | "t");
            CLOSED.contains(&nucleus)
                && (!stop || matches!(tone, None | Some('\u{301}' | '\u{323}')))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "Nguyễn Thanh Tràng",
        "Phường Vị Thanh",
        "Đặng Thị Hường",
        "Trần Văn Luân",
        "Thượng úy",
        "Phan Nguyễn Ngọc Thảo",
        "Công an xã Long Trị",
        "Lê Thị Quỳnh Giang",
        "Khương Văn Nghĩa",
    ];

    #[test]
    fn the_issue_s_example_decodes() {
        assert_eq!(Legacy::Tcvn3.decode("NguyÔn Thanh Hµ"), "Nguyễn Thanh Hà");
        assert_eq!(Legacy::Tcvn3.decode("Tr\u{ad}êng"), "Trường");
        assert_eq!(Legacy::Tcvn3.decode("NGUYÔN V¡N A"), "NGUYỄN VĂN A");
        assert_eq!(
            Legacy::Vni.decode("Nguyeãn Thanh Traøng"),
            "Nguyễn Thanh Tràng"
        );
        assert_eq!(Legacy::Vni.decode("ÑAËNG THÒ HÖÔØNG"), "ĐẶNG THỊ HƯỜNG");
        assert_eq!(
            Legacy::Viqr.decode("Nguye^~n Va(n DDa(ng"),
            "Nguyễn Văn Đăng"
        );
    }

    #[test]
    fn names_round_trip_through_each_encoding() {
        for name in NAMES {
            for legacy in Legacy::ALL {
                assert_eq!(legacy.decode(&legacy.encode(name)), *name, "{legacy:?}");
            }
            let upper = name.to_uppercase();
            assert_eq!(Legacy::Tcvn3.decode(&Legacy::Tcvn3.encode(&upper)), upper);
            assert_eq!(Legacy::Vni.decode(&Legacy::Vni.encode(&upper)), upper);
        }
    }

    #[test]
    fn syllables() {
        for w in [
            "nguyễn",
            "trường",
            "quỳnh",
            "giang",
            "nghĩa",
            "khương",
            "ngoài",
            "thuyết",
            "khuya",
            "hoạch",
            "luân",
            "uyên",
            "oanh",
            "Tràng",
            "ĐẶNG",
            "gì",
            "yến",
            "ở",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "hộlốne",
            "mỹller",
            "gỏt",
            "jỗo",
            "hélène",
            "nguyôn",
            "hµ",
            "các̀",
            "tràc",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn columns_are_detected_only_when_sure() {
        let tcvn3: Vec<String> = NAMES.iter().map(|n| Legacy::Tcvn3.encode(n)).collect();
        let found = detect(tcvn3.iter().map(String::as_str)).map(|f| f.legacy);
        assert_eq!(found, Some(Legacy::Tcvn3));
        let vni: Vec<String> = NAMES.iter().map(|n| Legacy::Vni.encode(n)).collect();
        assert_eq!(
            detect(vni.iter().map(String::as_str)).map(|f| f.legacy),
            Some(Legacy::Vni)
        );
        let viqr: Vec<String> = NAMES.iter().map(|n| Legacy::Viqr.encode(n)).collect();
        assert_eq!(
            detect(viqr.iter().map(String::as_str)).map(|f| f.legacy),
            Some(Legacy::Viqr)
        );
        // Unicode Vietnamese, and Western words, stay as they are.
        assert_eq!(detect(NAMES.iter().copied()), None);
        let western = [
            "Hélène Dupont",
            "Müller Straße",
            "Loïc Raphaël",
            "François Garçon",
            "João",
            "Björk Köln",
            "café crème",
            "naïve",
            "coût",
            "où",
            "hôtel",
            "Zoë",
            "Ångström",
        ];
        assert_eq!(detect(western), None);
        let english = ["What? Really.", "e.g. this", "Mr. Smith", "done."];
        assert_eq!(detect(english), None);
        // Unicode names made of Latin-1 letters only: already syllables, left alone.
        assert_eq!(detect(["Lê Tú", "Ngô Hà", "Lâm Ân", "Tô Hà"]), None);
    }
}
