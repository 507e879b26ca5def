//! What lists put around a person's name: forms of address ("Ông", "Bà", "Đồng chí")
//! and ranks ("Đại tá Lê Văn Tiến"), and whether a name is a collective's.

use crate::text::fold;

/// Words that address a person and are never part of the name: "Đồng chí" and its
/// short form are always taken off; "Ông" and "Bà" only when what follows is a name
/// (Ông is also a family name: "Ông Văn Tùng").
const ADDRESS: [&str; 4] = ["dong chi", "d/c", "đ/c", "dc"];
const ELDER: [&str; 4] = ["ong", "ba", "anh", "chi"];

/// Family names common enough to say "Ông Lê Hoa" is Mr Lê Hoa.
const FAMILY_NAMES: [&str; 39] = [
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "truong", "dinh", "lam", "mai", "to", "chau", "luu", "doan", "cao",
    "ha", "ta", "thai", "quach", "luong", "kim", "danh", "thach", "son", "trinh", "lai", "tang",
    "la", "au",
];

/// A name as lists write it, split into the rank it carries (canonical spelling, or
/// empty) and the name without forms of address. "Đồng chí Đại tá Lê Văn Tiến" gives
/// ("Đại tá", "Lê Văn Tiến"); "Ông Trương Quang Sáng" gives ("", "Trương Quang Sáng").
/// What is left is always at least two words: a lone "Ông Sáng" is kept as typed.
pub fn split_title(name: &str) -> (String, String) {
    // Most names start with a family name: one look at the first word settles them
    // (an import checks every row).
    const FIRST_WORDS: [&str; 15] = [
        "dong", "d/c", "đ/c", "dc", "ong", "ba", "anh", "chi", "binh", "ha", "trung", "thuong",
        "thieu", "dai", "đai",
    ];
    let first = name.split_whitespace().next().map(fold).unwrap_or_default();
    if !FIRST_WORDS.contains(&first.as_str()) {
        return (String::new(), name.trim().to_owned());
    }
    let mut rank = String::new();
    let mut rest = name.trim();
    loop {
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.len() < 3 {
            break;
        }
        let first = fold(words[0]);
        let two = format!("{first} {}", fold(words[1]));
        let mut found_rank = None;
        let skip = if ADDRESS.contains(&two.as_str()) {
            2
        } else if ADDRESS.contains(&first.as_str()) {
            1
        } else if rank.is_empty() && super::rank::rank_level(&two).is_some() {
            found_rank = Some(super::rank::canonical(&two));
            2
        } else if ELDER.contains(&first.as_str())
            && (words.len() >= 4 || FAMILY_NAMES.contains(&fold(words[1]).as_str()))
        {
            1
        } else {
            break;
        };
        if words.len() - skip < 2 {
            break;
        }
        if let Some(r) = found_rank {
            rank = r;
        }
        rest = after_words(rest, skip);
    }
    (rank, rest.to_owned())
}

/// `text` after its first `n` words.
fn after_words(text: &str, n: usize) -> &str {
    let mut rest = text.trim_start();
    for _ in 0..n {
        rest = rest
            .find(char::is_whitespace)
            .map_or("", |i| rest[i..].trim_start());
    }
    rest
}

/// Words that begin the name of a collective rather than a person: "Phòng Cảnh sát hình
/// sự", "Công an xã Long Trị", "Trường THCS …", "Hộ ông …". Matched with their tones:
/// Trường (a school) is not Trương (a family name), Tổ is not Tô, Hộ is not Hồ.
const COLLECTIVE_STARTS: [&str; 49] = [
    "tập thể",
    "phòng",
    "công an",
    "đội",
    "ban",
    "trường",
    "ủy ban",
    "ubnd",
    "hđnd",
    "hộ gia đình",
    "hộ",
    "chi bộ",
    "đảng bộ",
    "đảng ủy",
    "chi đoàn",
    "đoàn",
    "hội",
    "công ty",
    "trung tâm",
    "sở",
    "bệnh viện",
    "trạm",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "thị xã",
    "thành phố",
    "tỉnh",
    "khối",
    "cục",
    "vụ",
    "viện",
    "tiểu đoàn",
    "trung đoàn",
    "bộ chỉ huy",
    "lớp",
    "hợp tác xã",
    "tổ",
    "văn phòng",
    "mặt trận",
    "cơ quan",
    "trại",
    "học viện",
    "chi cục",
    "đồn",
    "ấp",
    "khu phố",
    "gia đình",
];

/// Starts that are also family names: a person when every word is capitalised and the
/// name is short ("Đoàn Văn An"), an organ otherwise ("Đoàn Thanh niên Công an tỉnh").
const AMBIGUOUS_STARTS: [&str; 2] = ["đoàn", "ban"];

/// Whether a recipient's name reads as a collective's (or a household's).
pub fn looks_collective(name: &str) -> bool {
    use std::sync::OnceLock;
    static STARTS: OnceLock<Vec<(String, bool)>> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        COLLECTIVE_STARTS
            .iter()
            .map(|s| (crate::text::identity(s), AMBIGUOUS_STARTS.contains(s)))
            .collect()
    });
    let key = crate::text::identity(name);
    let Some((_, ambiguous)) = starts
        .iter()
        .filter(|(s, _)| {
            key == *s || (key.starts_with(s.as_str()) && key[s.len()..].starts_with(' '))
        })
        .max_by_key(|(s, _)| s.len())
    else {
        return false;
    };
    if *ambiguous {
        let words = name.split_whitespace().count();
        let capitalised = name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
        return !(capitalised && words <= 4);
    }
    true
}

/// Each word of a person's name with a capital first letter: fonts such as `.VnTime`
/// have no capital for some letters, so converted names come with "ánh" for "Ánh".
pub fn capitalise_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_ranks_come_off_the_name() {
        let split = |n: &str| {
            let (r, n) = split_title(n);
            (r, n)
        };
        assert_eq!(
            split("Ông Trương Quang Sáng"),
            (String::new(), "Trương Quang Sáng".into())
        );
        assert_eq!(
            split("Đại tá Lê Văn Tiến"),
            ("Đại tá".into(), "Lê Văn Tiến".into())
        );
        assert_eq!(
            split("Đồng chí Thượng uý Nguyễn Văn An"),
            ("Thượng úy".into(), "Nguyễn Văn An".into())
        );
        assert_eq!(split("Bà Lê Thị Hoa"), (String::new(), "Lê Thị Hoa".into()));
        assert_eq!(
            split("Đ/c Phạm Văn Đồng"),
            (String::new(), "Phạm Văn Đồng".into())
        );
        // Ông is a family name too; a name of two words after it is left whole.
        assert_eq!(
            split("Ông Văn Tùng"),
            (String::new(), "Ông Văn Tùng".into())
        );
        assert_eq!(
            split("Nguyễn Văn An"),
            (String::new(), "Nguyễn Văn An".into())
        );
        assert_eq!(split("Đại tá Tiến"), (String::new(), "Đại tá Tiến".into()));
    }

    #[test]
    fn collectives_are_told_from_people() {
        for c in [
            "Tập thể Công an xã Long Trị",
            "Phòng Cảnh sát hình sự",
            "Công an huyện Châu Thành",
            "Đội Cảnh sát giao thông",
            "Trường THCS Vị Thanh",
            "Hộ gia đình ông Trương Văn Sáng",
            "Ủy ban nhân dân xã Hòa An",
            "Đoàn Thanh niên Công an tỉnh",
        ] {
            assert!(looks_collective(c), "{c}");
        }
        for p in [
            "Đoàn Văn An",
            "Tô Thị Lan",
            "Vũ Văn Bình",
            "Trương Quang Sáng",
            "Nguyễn Thị Ánh Liên",
            "Hồ Ngọc Hà",
        ] {
            assert!(!looks_collective(p), "{p}");
        }
    }

    #[test]
    fn each_word_of_a_name_gets_its_capital() {
        assert_eq!(
            capitalise_words("Nguyễn Thị ánh Liên"),
            "Nguyễn Thị Ánh Liên"
        );
        assert_eq!(capitalise_words("đặng văn ơn"), "Đặng Văn Ơn");
    }
}
