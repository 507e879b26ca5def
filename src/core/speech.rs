//! Speech, not headings: how names of bodies and offices are read aloud and printed in
//! a sentence. Abbreviations of bodies written out ("UBND" → "Ủy ban nhân dân"), a name
//! typed in a heading's capitals read in sentence case ("CÔNG AN TỈNH HẬU GIANG" →
//! "Công an tỉnh Hậu Giang", as Decree 30 writes an organ's name), and which units are
//! the host's — its leadership, its departments and units — and which are other agencies.
//!
//! Nothing here knows one province or one kind of agency: the host is whatever the
//! conference's issuing unit names.

use crate::domain::protocol::words_key;
use crate::text::{fold, lowercase_first};

/// Abbreviations of bodies, written out word by word wherever they stand.
const WORDS: &[(&str, &str)] = &[
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("CAT", "Công an tỉnh"),
    ("CAH", "Công an huyện"),
    ("CAQ", "Công an quận"),
    ("CATX", "Công an thị xã"),
    ("CATP", "Công an thành phố"),
    ("CAX", "Công an xã"),
    ("CAP", "Công an phường"),
    ("CATT", "Công an thị trấn"),
    ("CA", "Công an"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("GD-ĐT", "Giáo dục và Đào tạo"),
    ("THPT", "Trung học phổ thông"),
    ("THCS", "Trung học cơ sở"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("CCB", "Cựu chiến binh"),
    ("TN", "Thanh niên"),
    ("PN", "Phụ nữ"),
    ("BCH", "Ban Chỉ huy"),
    ("BTV", "Ban Thường vụ"),
];

/// Writes out the abbreviations of bodies in `text`: "Phó Chủ tịch UBND tỉnh" →
/// "Phó Chủ tịch Ủy ban nhân dân tỉnh". Only whole words in capitals are touched.
pub fn expand_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches([',', ';', ':', ')', '.']);
        let tail = &word[core.len()..];
        let (open, core) = match core.strip_prefix('(') {
            Some(c) => ("(", c),
            None => ("", core),
        };
        match WORDS.iter().find(|(short, _)| *short == core) {
            Some((_, long)) => {
                out.push_str(open);
                out.push_str(long);
                out.push_str(tail);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// Whether two runs of words are the same words: case and the old or new tone placement
/// aside ("Tỉnh uỷ" = "tỉnh ủy"), but tones kept ("trưởng" is not "Trường").
pub fn same_words(a: &[&str], b: &[&str]) -> bool {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    let key = |w: &str| {
        let mut marks: Vec<char> = w.nfd().filter(|c| is_combining_mark(*c)).collect();
        marks.sort_unstable();
        (fold(w), marks)
    };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

/// Whether `text` is written in capitals, as a heading is (two letters at least, no
/// small letter).
pub fn is_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !text.chars().any(char::is_lowercase)
}

/// Words always written with a capital (Decree 30: names of the Party and State).
const PROPER: &[&str] = &[
    "dang",
    "nha nuoc",
    "quoc hoi",
    "chinh phu",
    "viet nam",
    "ho chi minh",
    "cong san",
    "to quoc",
];

/// Words naming the kind of an organ: the word after one starts its name ("Sở Giáo dục",
/// "Phòng Cảnh sát hình sự", "Hội Phụ nữ").
const ORGAN_KINDS: &[&str] = &[
    "so",
    "bo",
    "phong",
    "ban",
    "cuc",
    "vu",
    "vien",
    "truong",
    "hoi",
    "doan",
    "doi",
    "chi cuc",
    "tong cuc",
    "van phong",
    "trung tam",
    "tram",
    "trai",
];

/// Organ words written with a capital wherever they stand.
const ORGANS: &[&str] = &[
    "cong an",
    "uy ban",
    "hoi dong",
    "mat tran",
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "dang uy",
    "quan doi",
    "toa an",
    "vien kiem sat",
];

/// The level words of Vietnamese administration: a place's name follows them.
fn level_len(words: &[String], i: usize) -> usize {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    match (w(i), w(i + 1)) {
        ("thi", "xa" | "tran") | ("thanh", "pho") => 2,
        ("tinh" | "huyen", "uy") | ("xa", "hoi") => 0,
        ("tinh" | "huyen" | "quan" | "xa" | "phuong" | "ap" | "khom", _) => 1,
        _ => 0,
    }
}

/// A name typed in capitals, as a sentence writes it: the spelling the file has for the
/// same name when there is one (`known`), else Decree 30's rule — the organ's kind and
/// the first word of its name capitalised, the words of its field after "và" or a comma
/// too when short, the place's name after its level word, the Party and State's names.
/// Text not in capitals is returned as it is.
pub fn speech_case(text: &str, known: &[&str]) -> String {
    let text = text.trim();
    if !is_capitals(text) {
        return text.to_owned();
    }
    let key = fold(text);
    if let Some(k) = known
        .iter()
        .find(|k| !is_capitals(k) && fold(k.trim()) == key)
    {
        return k.trim().to_owned();
    }
    let raw: Vec<&str> = text.split(' ').collect();
    let folded: Vec<String> = raw.iter().map(|w| words_key(w)).collect();
    let mut cap = vec![false; raw.len()];
    cap[0] = true;
    let at = |i: usize, phrase: &str| {
        let n = phrase.split(' ').count();
        i + n <= folded.len() && folded[i..i + n].join(" ") == phrase
    };
    let mut i = 0;
    let mut place = false;
    while i < raw.len() {
        if place {
            cap[i] = true;
            if raw[i].ends_with(',') {
                place = false;
            }
            i += 1;
            continue;
        }
        let level = level_len(&folded, i);
        if level > 0 && i + level < raw.len() {
            place = true;
            i += level;
            continue;
        }
        // "Tỉnh ủy Hậu Giang": the Party committee of a level, then the place.
        if ["tinh uy", "huyen uy", "thanh uy", "thi uy"]
            .iter()
            .any(|o| at(i, o))
            && i + 2 < raw.len()
        {
            cap[i] = true;
            place = true;
            i += 2;
            continue;
        }
        if let Some(p) = PROPER.iter().find(|p| at(i, p)) {
            for c in cap.iter_mut().skip(i).take(p.split(' ').count()) {
                *c = true;
            }
        }
        if let Some(o) = ORGANS.iter().find(|o| at(i, o)) {
            // "Ủy ban nhân dân": the organ's first word only.
            cap[i] = true;
            i += o.split(' ').count();
            continue;
        }
        // The organ's kind opens its name ("Sở …", "Phòng …"); inside, "hội" is a word.
        if let Some(kind) = ORGAN_KINDS.iter().find(|k| i == 0 && at(i, k)) {
            let n = kind.split(' ').count();
            cap[i] = true;
            if let Some(c) = cap.get_mut(i + n) {
                *c = true;
            }
        }
        // The field's next words after "và" or a comma, when short ("Giáo dục và Đào
        // tạo", "Văn hóa, Thể thao và Du lịch", but "Công tác Đảng và công tác chính trị").
        if (folded[i] == "va" || raw[i] == "-" || raw[i].ends_with(',')) && i + 1 < raw.len() {
            let mut n = 0;
            let mut k = i + 1;
            while k < raw.len() && level_len(&folded, k) == 0 && folded[k] != "va" {
                n += 1;
                if raw[k].ends_with(',') {
                    break;
                }
                k += 1;
            }
            if (1..=2).contains(&n) && i > 0 && cap[..i].iter().skip(1).any(|c| *c) {
                cap[i + 1] = true;
            }
        }
        i += 1;
    }
    raw.iter()
        .zip(cap)
        .map(|(w, c)| {
            let lower = w.to_lowercase();
            if w.chars().any(|ch| ch.is_ascii_digit()) {
                (*w).to_owned()
            } else if c {
                capitalise(&lower)
            } else {
                lower
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A unit's or an agency's name as a sentence says it: abbreviations written out, the
/// heading's capitals taken back.
pub fn unit_name(text: &str, known: &[&str]) -> String {
    let name = speech_case(&expand_words(text.trim()), known);
    // "Xã Long Trị" mid-sentence is "xã Long Trị": a level word is no organ's name.
    let words: Vec<String> = name.split(' ').map(words_key).collect();
    if level_len(&words, 0) > 0 && words.len() > level_len(&words, 0) {
        lowercase_first(&name)
    } else {
        name
    }
}

/// Whether `hay` holds `needle` as whole words (both [`words_key`]s).
fn has_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {hay} ").contains(&format!(" {needle} "))
}

/// Level words in a key, "tỉnh ủy" and "xã hội" aside.
fn has_level(key: &str) -> bool {
    let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
    (0..words.len()).any(|i| level_len(&words, i) > 0)
}

/// Bodies of the Party and the State and other agencies: a unit naming one is not the
/// host's unless it names the host too.
const OTHER_BODIES: &[&str] = &[
    "tinh uy",
    "huyen uy",
    "thanh uy",
    "thi uy",
    "dang uy",
    "uy ban",
    "hoi dong nhan dan",
    "mat tran",
    "toa an",
    "vien kiem sat",
    "bo chi huy",
    "ngan hang",
    "cong ty",
    "lien doan",
];

/// The first words of a leadership board ("Ban Giám đốc", "Ban Thường vụ").
const LEADERSHIP: &[&str] = &[
    "ban giam doc",
    "ban lanh dao",
    "lanh dao",
    "ban thuong vu",
    "thuong truc",
    "ban chi huy",
    "ban giam hieu",
    "dang uy",
    "ban chap hanh",
];

/// Words of a position that put it in a department or unit, not the leadership.
const DEPARTMENT_WORDS: &[&str] = &[
    "phong",
    "doi",
    "trung tam",
    "doan",
    "hoi",
    "tram",
    "trai",
    "to",
    "chi bo",
];

/// Which block of the host a person stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostPart {
    /// The host's leadership (Giám đốc, Phó Giám đốc; Chủ tịch, Phó Chủ tịch …).
    Leadership,
    /// Its departments and units.
    Units,
}

/// The conference's host, from its issuing unit: its name as spoken, and what marks its
/// units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    /// "Công an tỉnh Hậu Giang".
    pub name: String,
    /// The name's key ("cong an tinh hau giang").
    key: String,
    /// The name without its place ("cong an tinh"; "so giao duc va dao tao").
    kind: String,
    /// Its field, the words every unit of it names ("cong an"; "giao duc va dao tao").
    sector: String,
    /// The name without its level and place ("cong an"; "so giao duc va dao tao").
    base: String,
}

impl Host {
    /// The host named by the conference's issuing unit, or `None` when it is empty.
    pub fn new(issuing_unit: &str, place_name: &str, known: &[&str]) -> Option<Self> {
        if issuing_unit.trim().is_empty() {
            return None;
        }
        let name = unit_name(issuing_unit, known);
        let key = words_key(&name);
        let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
        let level = (0..words.len()).find(|&i| level_len(&words, i) > 0);
        let place = words_key(place_name);
        let (kind, sector) = if let Some(i) = level {
            let n = level_len(&words, i);
            (words[..i + n].join(" "), words[..i].join(" "))
        } else {
            let k = key
                .strip_suffix(&format!(" {place}"))
                .filter(|_| !place.is_empty())
                .unwrap_or(&key)
                .to_owned();
            (k.clone(), k)
        };
        let base = sector.clone();
        // The field without the organ's kind: "sở giáo dục và đào tạo" → "giáo dục và đào tạo".
        let sector = ["so ", "bo ", "cuc ", "chi cuc ", "tong cuc "]
            .iter()
            .find_map(|k| sector.strip_prefix(k))
            .map_or(sector.clone(), str::to_owned);
        Some(Self {
            name,
            key,
            kind,
            sector,
            base,
        })
    }

    /// Whether a unit (its [`words_key`], abbreviations written out) is the host or one
    /// of its departments and units: it names the host, or the host's field ("Công an
    /// huyện …", "Phòng Giáo dục và Đào tạo huyện …"), or names no other body and no
    /// place ("Phòng Tham mưu", "Văn phòng").
    pub fn owns(&self, unit: &str) -> bool {
        if unit.is_empty() {
            return false;
        }
        if has_words(unit, &self.key) || has_words(unit, &self.kind) {
            return true;
        }
        if self.sector.len() > 2 && has_words(unit, &self.sector) {
            return true;
        }
        let other = OTHER_BODIES.iter().any(|b| has_words(unit, b))
            || ["so", "bo"].contains(&unit.split(' ').next().unwrap_or_default());
        !other && !has_level(unit)
    }

    /// Which part of the host a person of the host stands in: the leadership when the
    /// unit is the host itself or its leadership board and the position names no
    /// department.
    pub fn part(&self, unit: &str, position: &str) -> HostPart {
        let mut rest = format!(" {unit} ");
        for name in [&self.key, &self.kind, &self.base] {
            if !name.is_empty() {
                rest = rest.replace(&format!(" {name} "), " ");
            }
        }
        let rest = rest.trim();
        let position = words_key(position);
        let position_rest = {
            let mut p = format!(" {position} ");
            for name in [&self.key, &self.kind, &self.base] {
                if !name.is_empty() {
                    p = p.replace(&format!(" {name} "), " ");
                }
            }
            p
        };
        let in_department = DEPARTMENT_WORDS
            .iter()
            .any(|w| position_rest.contains(&format!(" {w} ")));
        if LEADERSHIP.iter().any(|l| rest.starts_with(l)) || (rest.is_empty() && !in_department) {
            HostPart::Leadership
        } else {
            HostPart::Units
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_bodies_are_written_out() {
        assert_eq!(
            expand_words("Phó Chủ tịch UBND tỉnh"),
            "Phó Chủ tịch Ủy ban nhân dân tỉnh"
        );
        assert_eq!(
            expand_words("Phòng GD&ĐT huyện Châu Thành"),
            "Phòng Giáo dục và Đào tạo huyện Châu Thành"
        );
        assert_eq!(expand_words("Trưởng CAX,"), "Trưởng Công an xã,");
        // Not a whole word in capitals: left alone.
        assert_eq!(expand_words("Cao Văn Ca"), "Cao Văn Ca");
    }

    #[test]
    fn heading_capitals_are_read_in_sentence_case() {
        assert_eq!(
            speech_case("CÔNG AN TỈNH HẬU GIANG", &[]),
            "Công an tỉnh Hậu Giang"
        );
        assert_eq!(
            speech_case("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HẬU GIANG", &[]),
            "Sở Giáo dục và Đào tạo tỉnh Hậu Giang"
        );
        assert_eq!(
            speech_case("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", &[]),
            "Ủy ban nhân dân huyện Châu Thành"
        );
        assert_eq!(speech_case("TỈNH ỦY HẬU GIANG", &[]), "Tỉnh ủy Hậu Giang");
        assert_eq!(
            speech_case("PHÒNG CÔNG TÁC ĐẢNG VÀ CÔNG TÁC CHÍNH TRỊ", &[]),
            "Phòng Công tác Đảng và công tác chính trị"
        );
        assert_eq!(
            speech_case("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", &[]),
            "Sở Lao động - Thương binh và Xã hội"
        );
        // The file's own spelling wins; mixed case is left as typed.
        assert_eq!(speech_case("BAN TỔ CHỨC", &["Ban Tổ chức"]), "Ban Tổ chức");
        assert_eq!(
            speech_case("Công an xã Long Trị", &[]),
            "Công an xã Long Trị"
        );
    }

    #[test]
    fn the_host_owns_its_leadership_departments_and_units_and_no_other_agency() {
        let host = Host::new("CÔNG AN TỈNH HẬU GIANG", "Hậu Giang", &[]).expect("a host");
        assert_eq!(host.name, "Công an tỉnh Hậu Giang");
        let owns = |u: &str| host.owns(&words_key(&expand_words(u)));
        assert!(owns("Ban Giám đốc Công an tỉnh"));
        assert!(owns("Công an tỉnh Hậu Giang"));
        assert!(owns("Phòng Cảnh sát hình sự"));
        assert!(owns("Công an huyện Phụng Hiệp"));
        assert!(owns("Đoàn Thanh niên Công an tỉnh"));
        assert!(!owns("Tỉnh ủy Hậu Giang"));
        assert!(!owns("UBND tỉnh Hậu Giang"));
        assert!(!owns("Ban Tuyên giáo Tỉnh ủy"));
        assert!(!owns("Huyện ủy Phụng Hiệp"));
        let part = |u: &str, p: &str| host.part(&words_key(u), p);
        assert_eq!(
            part("Ban Giám đốc Công an tỉnh", "PGĐ"),
            HostPart::Leadership
        );
        assert_eq!(
            part("Công an tỉnh Hậu Giang", "Giám đốc"),
            HostPart::Leadership
        );
        assert_eq!(
            part("Công an tỉnh Hậu Giang", "Trưởng phòng PC06"),
            HostPart::Units
        );
        assert_eq!(part("Phòng Tham mưu", "Trưởng phòng"), HostPart::Units);

        let so = Host::new("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Hậu Giang", &[]).expect("a host");
        let owns = |u: &str| so.owns(&words_key(&expand_words(u)));
        assert!(owns("Ban Giám đốc Sở Giáo dục và Đào tạo"));
        assert!(owns("Phòng GD&ĐT huyện Châu Thành"));
        assert!(owns("Văn phòng Sở"));
        assert!(owns("Trường THPT Vị Thanh"));
        assert!(!owns("UBND tỉnh Hậu Giang"));
        assert!(!owns("Sở Tài chính"));

        // A district People's Committee: its offices and the communes' committees are
        // its own; the district's Party committee and police are other agencies.
        let ubnd = Host::new("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "Hậu Giang", &[]).expect("a host");
        assert_eq!(ubnd.name, "Ủy ban nhân dân huyện Châu Thành");
        let owns = |u: &str| ubnd.owns(&words_key(&expand_words(u)));
        assert!(owns("UBND huyện Châu Thành"));
        assert!(owns("Phòng Tài chính - Kế hoạch"));
        assert!(owns("UBND xã Đông Phú"));
        assert!(!owns("Huyện ủy Châu Thành"));
        assert!(!owns("Công an huyện Châu Thành"));
        let part = |u: &str, p: &str| ubnd.part(&words_key(&expand_words(u)), p);
        assert_eq!(
            part("UBND huyện Châu Thành", "Chủ tịch"),
            HostPart::Leadership
        );
        assert_eq!(part("UBND xã Đông Phú", "Chủ tịch"), HostPart::Units);
    }
}
