//! Police ranks in protocol order, low to high.

use crate::text::fold;

/// Ranks of the People's Public Security, low to high.
pub const RANKS: [&str; 17] = [
    "Binh nhì",
    "Binh nhất",
    "Hạ sĩ",
    "Trung sĩ",
    "Thượng sĩ",
    "Thiếu úy",
    "Trung úy",
    "Thượng úy",
    "Đại úy",
    "Thiếu tá",
    "Trung tá",
    "Thượng tá",
    "Đại tá",
    "Thiếu tướng",
    "Trung tướng",
    "Thượng tướng",
    "Đại tướng",
];

/// Position of a rank in protocol order (0 = Binh nhì); `None` for no or an unknown rank.
/// Accepts any case and the old/new tone placement ("Thiếu uý").
pub fn rank_level(rank: &str) -> Option<usize> {
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let key = fold(rank);
    if key.is_empty() {
        return None;
    }
    FOLDED
        .get_or_init(|| RANKS.iter().map(|r| fold(r)).collect())
        .iter()
        .position(|r| *r == key)
}

/// The canonical spelling of a known rank, or the input as typed.
pub fn canonical(rank: &str) -> String {
    match rank_level(rank).and_then(|i| RANKS.get(i)) {
        Some(r) => (*r).to_owned(),
        None => rank.to_owned(),
    }
}

/// Sort key for protocol order: higher ranks first, unknown ranks last.
pub fn protocol_key(rank: &str) -> i64 {
    match rank_level(rank) {
        Some(i) => -(i64::try_from(i).unwrap_or(0)),
        None => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_ordered_and_tolerant() {
        assert_eq!(rank_level("Binh nhì"), Some(0));
        assert_eq!(rank_level("đại tá"), Some(12));
        assert_eq!(rank_level("Thiếu uý"), Some(5));
        assert_eq!(rank_level(""), None);
        assert!(protocol_key("Đại tá") < protocol_key("Thiếu úy"));
        assert!(protocol_key("Thiếu úy") < protocol_key(""));
        assert_eq!(canonical("THƯỢNG TÁ"), "Thượng tá");
    }
}
