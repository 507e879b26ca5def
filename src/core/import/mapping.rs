//! Which column holds which field: header words in Vietnamese and English, and
//! finding the header row below title rows.

use crate::text::fold;

/// The attendee fields a column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FullName,
    Gender,
    BirthYear,
    Rank,
    Position,
    Unit,
    District,
    Group,
    Phone,
    Note,
}

impl Field {
    pub const ALL: [Self; 10] = [
        Self::FullName,
        Self::Gender,
        Self::BirthYear,
        Self::Rank,
        Self::Position,
        Self::Unit,
        Self::District,
        Self::Group,
        Self::Phone,
        Self::Note,
    ];

    /// The key used in field errors (same as the form's).
    pub fn key(self) -> &'static str {
        match self {
            Self::FullName => "full_name",
            Self::Gender => "gender",
            Self::BirthYear => "birth_year",
            Self::Rank => "rank",
            Self::Position => "position",
            Self::Unit => "unit",
            Self::District => "district",
            Self::Group => "group",
            Self::Phone => "phone",
            Self::Note => "note",
        }
    }

    /// Folded header words people use for this field.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Self::FullName => &[
                "ho va ten",
                "ho ten",
                "ho, ten",
                "ho va ten dai bieu",
                "full name",
                "name",
                "ten",
            ],
            Self::Gender => &[
                "gioi tinh",
                "nam, nu",
                "nam/nu",
                "nam nu",
                "phai",
                "gender",
                "sex",
            ],
            Self::BirthYear => &[
                "nam sinh",
                "ngay sinh",
                "ngay thang nam sinh",
                "birth year",
                "year of birth",
                "date of birth",
                "born",
            ],
            Self::Rank => &["cap bac", "cb", "cap bac ham", "rank"],
            Self::Position => &["chuc vu", "cv", "chuc danh", "position", "title"],
            Self::Unit => &[
                "don vi",
                "don vi cong tac",
                "co quan",
                "noi cong tac",
                "unit",
                "organisation",
                "organization",
            ],
            Self::District => &["dia ban", "huyen", "quan, huyen", "district", "area"],
            Self::Group => &["nhom", "thanh phan", "doi tuong", "group"],
            Self::Phone => &[
                "sdt",
                "so dien thoai",
                "dien thoai",
                "dt",
                "so dt",
                "phone",
                "phone number",
                "mobile",
            ],
            Self::Note => &["ghi chu", "note", "notes"],
        }
    }
}

/// A header cell folded for comparison: marks, case, punctuation at the ends and "(*)" removed.
pub(crate) fn header_key(cell: &str) -> String {
    key_of_folded(&fold(&crate::text::normalize(cell)))
}

fn key_of_folded(folded: &str) -> String {
    let f = folded.replace("(*)", "");
    f.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '*' | '(' | ')'))
        .to_owned()
}

/// The field a header cell names, if any.
pub fn field_for_header(cell: &str) -> Option<Field> {
    field_for_key(&header_key(cell))
}

/// [`field_for_header`] for text already normalised and folded (an import's name key).
pub(crate) fn field_for_folded(folded: &str) -> Option<Field> {
    field_for_key(&key_of_folded(folded))
}

fn field_for_key(key: &str) -> Option<Field> {
    if key.is_empty() {
        return None;
    }
    Field::ALL.into_iter().find(|f| f.synonyms().contains(&key))
}

/// True for an "STT" / row-number column header.
pub fn is_row_number_header(cell: &str) -> bool {
    matches!(
        header_key(cell).as_str(),
        "stt" | "tt" | "so tt" | "no" | "#"
    )
}

/// Maps each column of a header row; a field is taken by its first column only.
pub fn map_header(header: &[String]) -> Vec<Option<Field>> {
    let mut taken = Vec::new();
    header
        .iter()
        .map(|h| {
            let f = field_for_header(h).filter(|f| !taken.contains(f));
            if let Some(f) = f {
                taken.push(f);
            }
            f
        })
        .collect()
}

/// Finds the header row among the first 40: the one naming most fields, which must
/// include the name. Returns its index and how many fields it names.
pub fn find_header(rows: &[Vec<String>]) -> Option<(usize, usize)> {
    rows.iter()
        .take(40)
        .enumerate()
        .filter_map(|(i, r)| {
            let mapped = map_header(r);
            let n = mapped.iter().flatten().count();
            mapped.contains(&Some(Field::FullName)).then_some((i, n))
        })
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)))
}

/// A "Tổng cộng: 150 đồng chí" or "Cộng" line at the end of a list.
pub fn is_total_row(cells: &[String]) -> bool {
    let Some(first) = cells.iter().find(|c| !c.trim().is_empty()) else {
        return false;
    };
    let f = fold(first);
    ["tong cong", "tong so", "cong:", "tong:", "total"]
        .iter()
        .any(|p| f.starts_with(p))
        || f == "cong"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn header_synonyms() {
        assert_eq!(field_for_header("Họ và tên"), Some(Field::FullName));
        assert_eq!(field_for_header("HỌ TÊN"), Some(Field::FullName));
        assert_eq!(field_for_header(" CB "), Some(Field::Rank));
        assert_eq!(field_for_header("Đơn vị công tác"), Some(Field::Unit));
        assert_eq!(field_for_header("SĐT"), Some(Field::Phone));
        assert_eq!(field_for_header("Số điện thoại:"), Some(Field::Phone));
        assert_eq!(field_for_header("Nam, Nữ"), Some(Field::Gender));
        assert!(is_row_number_header("STT"));
    }

    #[test]
    fn finds_header_below_titles() {
        let rows = vec![
            row(&["CÔNG AN TỈNH HẬU GIANG", "", ""]),
            row(&["DANH SÁCH ĐẠI BIỂU", "", ""]),
            row(&["", "", ""]),
            row(&["STT", "Họ và tên", "Cấp bậc", "Đơn vị"]),
            row(&["1", "A", "Đại úy", "X"]),
        ];
        assert_eq!(find_header(&rows), Some((3, 3)));
        assert!(is_total_row(&row(&["Tổng cộng: 150 đồng chí"])));
        assert!(!is_total_row(&row(&["1", "Nguyễn Văn Cộng"])));
    }
}
