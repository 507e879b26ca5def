//! Money in Vietnamese đồng: parsing what people type, formatting, and amounts in words.

use crate::text::fold;

/// Parses "2000000", "2.000.000", "2,000,000", "2 000 000" and "2.000.000 đ" / "VNĐ" / "đồng".
/// Returns `None` for anything else (decimals, letters, negative amounts).
pub fn parse_vnd(text: &str) -> Option<i64> {
    let folded = fold(text);
    let mut t = folded.trim();
    for suffix in ["dong", "vnd", "d"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim_end();
            break;
        }
    }
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    let groups: Vec<&str> = t.split(['.', ',']).collect();
    let (first, rest) = groups.split_first()?;
    let valid = !first.is_empty()
        && first.len() <= if rest.is_empty() { 18 } else { 3 }
        && first.chars().all(|c| c.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !valid {
        return None;
    }
    groups.concat().parse().ok()
}

/// 2000000 → "2.000.000" (Vietnamese thousands separator).
pub fn format_vnd(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if amount < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];
const SCALES: [&str; 7] = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"];

fn digit(d: u64) -> &'static str {
    DIGITS
        .get(usize::try_from(d).unwrap_or(0))
        .copied()
        .unwrap_or("")
}

/// Reads one group of three digits. `full` is false only for the leading group,
/// which drops "không trăm" and "linh" ("năm", not "không trăm linh năm").
fn group_words(n: u64, full: bool, out: &mut Vec<&'static str>) {
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    if h > 0 || full {
        out.push(digit(h));
        out.push("trăm");
    }
    match t {
        0 => {
            if u > 0 {
                if h > 0 || full {
                    out.push("linh");
                }
                out.push(digit(u));
            }
        }
        1 => {
            out.push("mười");
            match u {
                0 => {}
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
        _ => {
            out.push(digit(t));
            out.push("mươi");
            match u {
                0 => {}
                1 => out.push("mốt"),
                4 => out.push("tư"),
                5 => out.push("lăm"),
                _ => out.push(digit(u)),
            }
        }
    }
}

/// 20000000 → "Hai mươi triệu đồng", as finance writes totals on vouchers.
pub fn vnd_in_words(amount: i64) -> String {
    let mut words: Vec<&'static str> = Vec::new();
    if amount < 0 {
        words.push("âm");
    }
    let mut n = amount.unsigned_abs();
    if n == 0 {
        words.push("không");
    } else {
        let mut groups = Vec::new();
        while n > 0 {
            groups.push(n % 1000);
            n /= 1000;
        }
        let leading = groups.len() - 1;
        for (i, g) in groups.iter().enumerate().rev() {
            if *g == 0 {
                continue;
            }
            group_words(*g, i != leading, &mut words);
            if let Some(scale) = SCALES.get(i).filter(|s| !s.is_empty()) {
                words.push(scale);
            }
        }
    }
    words.push("đồng");
    let sentence = words.join(" ");
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

/// A share as Vietnamese writes it, one decimal after a comma: "63,1%".
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0%".into();
    }
    let tenths = (part * 1000 + whole / 2) / whole;
    format!("{},{}%", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_vnd("2000000"), Some(2_000_000));
        assert_eq!(parse_vnd("2.000.000"), Some(2_000_000));
        assert_eq!(parse_vnd("2.000.000 đ"), Some(2_000_000));
        assert_eq!(parse_vnd("2,000,000 VNĐ"), Some(2_000_000));
        assert_eq!(parse_vnd("500.000đồng"), Some(500_000));
        assert_eq!(parse_vnd("2.5"), None);
        assert_eq!(parse_vnd("abc"), None);
        assert_eq!(parse_vnd("-5"), None);
        assert_eq!(parse_vnd(""), None);
    }

    #[test]
    fn formats_with_dots() {
        assert_eq!(format_vnd(0), "0");
        assert_eq!(format_vnd(999), "999");
        assert_eq!(format_vnd(1000), "1.000");
        assert_eq!(format_vnd(20_000_000), "20.000.000");
    }

    #[test]
    fn amounts_in_words() {
        let cases = [
            (0, "Không đồng"),
            (5, "Năm đồng"),
            (10, "Mười đồng"),
            (14, "Mười bốn đồng"),
            (15, "Mười lăm đồng"),
            (21, "Hai mươi mốt đồng"),
            (24, "Hai mươi tư đồng"),
            (25, "Hai mươi lăm đồng"),
            (101, "Một trăm linh một đồng"),
            (105, "Một trăm linh năm đồng"),
            (110, "Một trăm mười đồng"),
            (1_000, "Một nghìn đồng"),
            (1_005, "Một nghìn không trăm linh năm đồng"),
            (2_050_000, "Hai triệu không trăm năm mươi nghìn đồng"),
            (10_000_000, "Mười triệu đồng"),
            (20_000_000, "Hai mươi triệu đồng"),
            (1_000_000_000, "Một tỷ đồng"),
            (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
            (15_500_000, "Mười lăm triệu năm trăm nghìn đồng"),
        ];
        for (n, words) in cases {
            assert_eq!(vnd_in_words(n), words, "{n}");
        }
    }
}
