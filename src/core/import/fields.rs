//! What each kind of record declares to the import: its fields and the header words
//! people use for them, the field a row cannot do without, and the fields that tell
//! its lists apart from other kinds. Header cells are compared as keys folded from
//! case, marks, spaces, underscores, dots and camelCase: `hoTen`, `HO_TEN`, `Họ tên`,
//! `HỌ VÀ TÊN` and `Ho va ten` are one key.

use crate::text::fold;

/// The kinds of record a file can bring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Attendees,
    Questions,
    Gifts,
    Commendations,
    /// Answers a unit wrote into its follow-up sheet: each row names an opinion by its id.
    Answers,
}

impl Kind {
    pub const ALL: [Self; 5] = [
        Self::Attendees,
        Self::Questions,
        Self::Gifts,
        Self::Commendations,
        Self::Answers,
    ];

    /// The records in Vietnamese, for messages ("đại biểu", "câu hỏi").
    pub fn noun(self) -> &'static str {
        match self {
            Self::Attendees => "đại biểu",
            Self::Questions => "câu hỏi",
            Self::Gifts => "quà tặng",
            Self::Commendations => "khen thưởng",
            Self::Answers => "trả lời ý kiến",
        }
    }

    /// The fields a column can go to, in the order the preview offers them.
    pub fn fields(self) -> &'static [Field] {
        use Field as F;
        match self {
            Self::Attendees => &[
                F::FullName,
                F::Gender,
                F::BirthYear,
                F::Rank,
                F::Position,
                F::Unit,
                F::District,
                F::Group,
                F::Phone,
                F::Note,
                F::BadgeCode,
            ],
            Self::Questions => &[
                F::Number,
                F::FullName,
                F::Unit,
                F::Topic,
                F::Content,
                F::Channel,
                F::Responder,
                F::Answer,
            ],
            Self::Gifts => &[F::FullName, F::Unit, F::Circumstances, F::Item, F::Value],
            Self::Commendations => &[
                F::Number,
                F::CommendationKind,
                F::Target,
                F::FullName,
                F::Rank,
                F::Position,
                F::Unit,
                F::Achievement,
                F::DecisionNumber,
                F::DecisionDate,
                F::Issuer,
            ],
            Self::Answers => &[
                F::QuestionId,
                F::Number,
                F::Content,
                F::Answer,
                F::AnswerDocNo,
                F::AnswerDocDate,
                F::FollowStatus,
                F::AnsweredBy,
            ],
        }
    }

    /// The field every row of this kind needs: a name, or a question's content.
    pub fn required(self) -> Field {
        match self {
            Self::Questions => Field::Content,
            Self::Answers => Field::QuestionId,
            Self::Attendees | Self::Gifts | Self::Commendations => Field::FullName,
        }
    }

    /// Columns that tell this kind's list apart from an attendee list; a header row
    /// must name one of them (an attendee list read as gifts would give every person
    /// a gift). Attendees need only a name.
    fn telling(self) -> &'static [Field] {
        match self {
            Self::Attendees => &[Field::FullName],
            Self::Questions => &[Field::Content],
            Self::Answers => &[Field::QuestionId],
            Self::Gifts => &[Field::Value, Field::Item, Field::Circumstances],
            Self::Commendations => &[
                Field::CommendationKind,
                Field::Achievement,
                Field::DecisionNumber,
            ],
        }
    }

    /// The header words of `field` in this kind's lists, as written (folded at use).
    fn words(self, field: Field) -> &'static [&'static str] {
        use Field as F;
        match (self, field) {
            (Self::Answers, F::Number) => &["số", "số ý kiến", "stt", "tt"],
            (Self::Answers, F::Answer) => &[
                "nội dung trả lời",
                "trả lời",
                "kết quả trả lời",
                "kết quả giải quyết",
                "answer",
            ],
            (Self::Answers, F::AnsweredBy) => &[
                "người trả lời",
                "đơn vị trả lời",
                "người ký",
                "lãnh đạo ký",
                "answered by",
            ],
            (_, F::QuestionId) => &["mã", "mã ý kiến", "mã số ý kiến", "id"],
            (_, F::AnswerDocNo) => &[
                "số văn bản",
                "số văn bản trả lời",
                "số vb",
                "văn bản số",
                "số hiệu văn bản",
            ],
            (_, F::AnswerDocDate) => &[
                "ngày văn bản",
                "ngày ban hành",
                "ngày vb",
                "ngày trả lời",
                "ngày",
            ],
            (_, F::FollowStatus) => &[
                "tình trạng",
                "tình trạng giải quyết",
                "trạng thái",
                "kết quả",
                "status",
            ],
            (_, F::AnsweredBy) => &["người trả lời", "answered by"],
            (Self::Questions, F::FullName) => &[
                "họ và tên",
                "họ tên",
                "người nêu",
                "người hỏi",
                "người nêu ý kiến",
                "tên người hỏi",
                "name",
                "full name",
            ],
            (Self::Questions, F::Unit) => &["đơn vị", "đơn vị công tác", "cơ quan", "unit"],
            (Self::Gifts, F::FullName) => &[
                "họ và tên",
                "họ tên",
                "người nhận",
                "tên người nhận",
                "họ và tên người nhận",
                "name",
                "full name",
            ],
            (Self::Commendations, F::FullName) => &[
                "họ và tên / tập thể",
                "họ tên / tập thể",
                "họ và tên",
                "họ tên",
                "tập thể",
                "cá nhân, tập thể",
                "cá nhân / tập thể được khen",
                "tên tập thể/cá nhân",
                "tên tập thể, cá nhân",
                "tên cá nhân, tập thể",
                "tên tập thể/cá nhân/hộ gia đình",
                "tên tập thể",
                "tên cá nhân",
                "tên tập thể, cá nhân, hộ gia đình",
                "tên đơn vị/cá nhân",
                "tên đơn vị, cá nhân",
                "đơn vị, cá nhân được khen",
                "name",
            ],
            (Self::Commendations, F::Number) => &["stt", "tt", "thứ tự", "số tt", "order"],
            (Self::Gifts | Self::Commendations, F::Unit) => &[
                "đơn vị",
                "đơn vị công tác",
                "cơ quan",
                "nơi công tác",
                "unit",
            ],
            (_, F::FullName) => &[
                "họ và tên",
                "họ tên",
                "họ, tên",
                "họ và tên đại biểu",
                "tên đại biểu",
                "họ tên đại biểu",
                "tên",
                "họ và chữ đệm",
                "họ đệm",
                "họ và tên đệm",
                "họ lót",
                "họ",
                "tên tập thể/cá nhân",
                "full name",
                "fullname",
                "name",
                "ho ten",
            ],
            (_, F::Gender) => &[
                "giới tính",
                "nam, nữ",
                "nam/nữ",
                "nam nữ",
                "phái",
                "gender",
                "sex",
            ],
            (_, F::BirthYear) => &[
                "năm sinh",
                "ngày sinh",
                "ngày tháng năm sinh",
                "ngày, tháng, năm sinh",
                "sinh năm",
                "birth year",
                "year of birth",
                "date of birth",
                "dob",
                "born",
                "birthday",
            ],
            (_, F::Rank) => &["cấp bậc", "cb", "cấp bậc hàm", "quân hàm", "rank"],
            (_, F::Position) => &[
                "chức vụ",
                "cv",
                "chức danh",
                "chức vụ, chức danh",
                "chức vụ đảng, chính quyền",
                "position",
                "title",
                "job title",
            ],
            (_, F::Unit) => &[
                "đơn vị",
                "đơn vị công tác",
                "cơ quan",
                "nơi công tác",
                "cơ quan, đơn vị",
                "cơ quan công tác",
                "đơn vị, địa phương",
                "unit",
                "organisation",
                "organization",
                "agency",
                "department",
            ],
            (_, F::District) => &[
                "địa bàn",
                "huyện",
                "quận, huyện",
                "huyện, thị xã, thành phố",
                "địa phương",
                "district",
                "area",
            ],
            (_, F::Group) => &[
                "nhóm",
                "thành phần",
                "đối tượng",
                "nhóm đại biểu",
                "lớp",
                "lớp học",
                "tên lớp",
                "chi đoàn",
                "khối",
                "group",
                "class",
            ],
            (_, F::Phone) => &[
                "sđt",
                "số điện thoại",
                "điện thoại",
                "đt",
                "số đt",
                "đtdđ",
                "điện thoại di động",
                "di động",
                "phone",
                "phone number",
                "mobile",
                "tel",
            ],
            (_, F::Note) => &["ghi chú", "note", "notes", "remark"],
            (_, F::BadgeCode) => &[
                "mã thẻ",
                "mã số thẻ",
                "mã đại biểu",
                "mã qr",
                "badge code",
                "badge",
                "code",
            ],
            (_, F::Number) => &["stt", "số", "số tt", "số thứ tự", "tt", "number", "no"],
            (_, F::Topic) => &[
                "chủ đề",
                "lĩnh vực",
                "nhóm vấn đề",
                "nội dung chính",
                "topic",
            ],
            (_, F::Content) => &[
                "nội dung",
                "nội dung ý kiến",
                "ý kiến",
                "câu hỏi",
                "kiến nghị",
                "nội dung câu hỏi",
                "ý kiến, kiến nghị",
                "content",
                "question",
            ],
            (_, F::Channel) => &["hình thức", "kênh", "hình thức tiếp nhận", "channel"],
            (_, F::Responder) => &[
                "đơn vị trả lời",
                "người trả lời",
                "đơn vị chủ trì trả lời",
                "responder",
            ],
            (_, F::Answer) => &["trả lời", "nội dung trả lời", "kết quả trả lời", "answer"],
            (_, F::Circumstances) => &["hoàn cảnh", "hoàn cảnh khó khăn", "lý do", "circumstances"],
            (_, F::Item) => &["hình thức", "quà tặng", "quà", "hiện vật", "item", "gift"],
            (_, F::Value) => &[
                "giá trị",
                "số tiền",
                "giá trị (đồng)",
                "thành tiền",
                "value",
                "amount",
            ],
            (_, F::CommendationKind) => &[
                "danh hiệu thi đua/hình thức khen thưởng",
                "danh hiệu thi đua",
                "hình thức khen thưởng",
                "hình thức",
                "loại khen thưởng",
                "danh hiệu",
                "kind",
            ],
            (_, F::Target) => &[
                "đối tượng",
                "cá nhân/tập thể",
                "cá nhân / tập thể",
                "phân loại khen thưởng",
                "phân loại đối tượng",
                "loại đối tượng",
                "đối tượng khen thưởng",
                "tập thể/cá nhân",
            ],
            (_, F::Achievement) => &["thành tích", "thành tích đạt được", "achievement"],
            (_, F::DecisionNumber) => &[
                "số quyết định",
                "số qđ",
                "quyết định số",
                "quyết định",
                "decision",
            ],
            (_, F::DecisionDate) => &[
                "ngày quyết định",
                "ngày qđ",
                "ngày ký",
                "ngày",
                "decision date",
            ],
            (_, F::Issuer) => &[
                "cấp khen thưởng",
                "cơ quan khen thưởng",
                "người ký",
                "cấp khen",
                "issuer",
            ],
        }
    }
}

/// A field a column can go to. The same field means the kind's own thing: a name is the
/// attendee's, the asker's or the recipient's.
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
    /// An attendee's badge code (digits).
    BadgeCode,
    /// A question's running number, a commendation's place on stage.
    Number,
    Topic,
    Content,
    Channel,
    Responder,
    Answer,
    Circumstances,
    Item,
    Value,
    CommendationKind,
    /// "Cá nhân" or "Tập thể".
    Target,
    Achievement,
    DecisionNumber,
    DecisionDate,
    Issuer,
    /// An opinion's stable id, as a follow-up sheet prints it ("Mã").
    QuestionId,
    AnswerDocNo,
    AnswerDocDate,
    /// Chưa / đang / đã giải quyết.
    FollowStatus,
    AnsweredBy,
}

impl Field {
    /// The name used by `--map` on the command line, and in field errors.
    pub fn code(self) -> &'static str {
        match self {
            Self::FullName => "name",
            Self::Gender => "gender",
            Self::BirthYear => "birth_year",
            Self::Rank => "rank",
            Self::Position => "position",
            Self::Unit => "unit",
            Self::District => "district",
            Self::Group => "group",
            Self::Phone => "phone",
            Self::Note => "note",
            Self::BadgeCode => "code",
            Self::Number => "number",
            Self::Topic => "topic",
            Self::Content => "content",
            Self::Channel => "channel",
            Self::Responder => "responder",
            Self::Answer => "answer",
            Self::Circumstances => "circumstances",
            Self::Item => "item",
            Self::Value => "value",
            Self::CommendationKind => "kind",
            Self::Target => "target",
            Self::Achievement => "achievement",
            Self::DecisionNumber => "decision_number",
            Self::DecisionDate => "decision_date",
            Self::Issuer => "issuer",
            Self::QuestionId => "id",
            Self::AnswerDocNo => "doc_no",
            Self::AnswerDocDate => "doc_date",
            Self::FollowStatus => "status",
            Self::AnsweredBy => "answered_by",
        }
    }

    /// The field a `--map` name stands for, within `kind`'s fields.
    pub fn from_code(kind: Kind, code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let code = match code.as_str() {
            "full_name" | "ho_ten" | "hoten" | "asker" | "recipient" => "name",
            "year" | "birth" => "birth_year",
            other => other,
        };
        kind.fields().iter().copied().find(|f| f.code() == code)
    }
}

/// A header cell as a key: marks and case folded, `camelCase` and `snake_case` split into
/// words, punctuation and "(*)" dropped, spaces collapsed.
pub fn header_key(cell: &str) -> String {
    let mut split = String::with_capacity(cell.len() + 4);
    let mut prev_lower = false;
    for c in cell.chars() {
        if c.is_uppercase() && prev_lower {
            split.push(' ');
        }
        prev_lower = c.is_lowercase();
        split.push(c);
    }
    let folded = fold(&crate::text::normalize(&split)).replace("(*)", " ");
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The field a header cell names for `kind`: a header word exactly, or failing that the
/// longest header word of two or more words the cell starts with ("Đơn vị công tác hiện
/// nay" is Đơn vị công tác).
pub fn field_for_header(kind: Kind, cell: &str) -> Option<Field> {
    field_for_key(kind, &header_key(cell))
}

pub(crate) fn field_for_key(kind: Kind, key: &str) -> Option<Field> {
    if key.is_empty() || key.len() > 80 {
        return None;
    }
    let keys = keys(kind);
    if let Some((_, f)) = keys.iter().find(|(k, _)| k == key) {
        return Some(*f);
    }
    keys.iter()
        .filter(|(k, _)| k.contains(' '))
        .filter(|(k, _)| key.starts_with(k.as_str()) && key[k.len()..].starts_with(' '))
        .max_by_key(|(k, _)| k.len())
        .map(|(_, f)| *f)
}

/// Whether an already folded name is a name column's header word ("ho va ten"): a
/// header repeated at a page break. Checked on every row, so no folding again.
pub(crate) fn is_name_header_key(kind: Kind, folded: &str) -> bool {
    keys(kind)
        .iter()
        .any(|(k, f)| *f == Field::FullName && k.len() == folded.len() && k == folded)
}

/// Every header word of `kind` as a key, computed once.
fn keys(kind: Kind) -> &'static [(String, Field)] {
    use std::sync::OnceLock;
    static KEYS: OnceLock<Vec<Vec<(String, Field)>>> = OnceLock::new();
    let all = KEYS.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|k| {
                let mut v: Vec<(String, Field)> = Vec::new();
                for f in k.fields() {
                    for w in k.words(*f) {
                        let key = header_key(w);
                        if !v.iter().any(|(known, _)| *known == key) {
                            v.push((key, *f));
                        }
                    }
                }
                v
            })
            .collect()
    });
    let i = Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    all.get(i).map_or(&[], Vec::as_slice)
}

/// Maps each cell of a header row. A field is taken by its first column, except a name
/// split over two columns ("Họ đệm" | "Tên"), which takes both.
pub fn map_header(kind: Kind, header: &[String]) -> Vec<Option<Field>> {
    let mut taken: Vec<Field> = Vec::new();
    let mut prev_family = false;
    header
        .iter()
        .map(|h| {
            let key = header_key(h);
            let f = field_for_key(kind, &key);
            let family = f == Some(Field::FullName)
                && matches!(
                    key.as_str(),
                    "ho" | "ho dem" | "ho lot" | "ho va chu dem" | "ho va ten dem" | "ho va dem"
                );
            let second_half = prev_family && f == Some(Field::FullName) && key == "ten";
            prev_family = family;
            // Award lists classify a row in two columns ("Phân loại khen thưởng",
            // "Phân loại đối tượng"): both are read.
            let shared = f == Some(Field::Target);
            let f = f.filter(|f| !taken.contains(f) || second_half || shared);
            if let Some(f) = f {
                taken.push(f);
            }
            f
        })
        .collect()
}

/// True for an "STT" / row-number column header.
pub fn is_row_number_header(cell: &str) -> bool {
    matches!(
        header_key(cell).as_str(),
        "stt" | "tt" | "so tt" | "no" | "so thu tu"
    )
}

/// Finds the header row among the first 40: the one naming most of `kind`'s fields,
/// which must include the required field and one that tells the kind apart. Returns
/// its index and its mapping.
pub fn find_header(kind: Kind, rows: &[Vec<String>]) -> Option<(usize, Vec<Option<Field>>)> {
    rows.iter()
        .take(40)
        .enumerate()
        .map(|(i, r)| (i, map_header(kind, r)))
        .filter(|(_, m)| {
            m.contains(&Some(kind.required()))
                && kind.telling().iter().any(|t| m.contains(&Some(*t)))
        })
        .max_by_key(|(i, m)| (m.iter().flatten().count(), std::cmp::Reverse(*i)))
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
    fn one_key_for_every_way_of_writing_a_header() {
        for h in [
            "hoTen",
            "HO_TEN",
            "Họ tên",
            "HỌ VÀ TÊN",
            "Ho va ten",
            "ho.ten",
            "Họ và tên (*)",
        ] {
            assert_eq!(
                field_for_header(Kind::Attendees, h),
                Some(Field::FullName),
                "{h}"
            );
        }
        assert_eq!(header_key("donVi"), "don vi");
        assert_eq!(
            field_for_header(Kind::Attendees, "donVi"),
            Some(Field::Unit)
        );
        assert_eq!(field_for_header(Kind::Attendees, "SĐT"), Some(Field::Phone));
        assert_eq!(
            field_for_header(Kind::Attendees, "soDienThoai"),
            Some(Field::Phone)
        );
        assert_eq!(
            field_for_header(Kind::Attendees, "Nơi công tác"),
            Some(Field::Unit)
        );
        assert_eq!(
            field_for_header(Kind::Attendees, "Chức danh"),
            Some(Field::Position)
        );
        assert_eq!(
            field_for_header(Kind::Attendees, "Đơn vị công tác hiện nay"),
            Some(Field::Unit)
        );
        // One word alone never matches by its start: "Số điện thoại" is not "Số".
        assert_eq!(field_for_header(Kind::Questions, "Số điện thoại"), None);
        assert_eq!(field_for_header(Kind::Attendees, " CB "), Some(Field::Rank));
        assert!(is_row_number_header("STT"));
        // "Hình thức" means something else in each kind's lists.
        assert_eq!(
            field_for_header(Kind::Questions, "Hình thức"),
            Some(Field::Channel)
        );
        assert_eq!(
            field_for_header(Kind::Gifts, "Hình thức"),
            Some(Field::Item)
        );
        assert_eq!(
            field_for_header(Kind::Commendations, "Hình thức"),
            Some(Field::CommendationKind)
        );
    }

    #[test]
    fn a_name_column_alone_is_a_header_and_a_split_name_takes_both_columns() {
        let rows = vec![row(&["STT", "Họ tên"]), row(&["1", "Nguyễn Văn An"])];
        assert_eq!(
            find_header(Kind::Attendees, &rows),
            Some((0, vec![None, Some(Field::FullName)]))
        );
        let split = map_header(Kind::Attendees, &row(&["STT", "Họ đệm", "Tên", "Đơn vị"]));
        assert_eq!(
            split,
            [
                None,
                Some(Field::FullName),
                Some(Field::FullName),
                Some(Field::Unit)
            ]
        );
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
        assert_eq!(find_header(Kind::Attendees, &rows).map(|h| h.0), Some(3));
        assert!(is_total_row(&row(&["Tổng cộng: 150 đồng chí"])));
        assert!(!is_total_row(&row(&["1", "Nguyễn Văn Cộng"])));
        // An attendee list is no gift list: no value, item or circumstances column.
        assert_eq!(find_header(Kind::Gifts, &rows), None);
    }

    #[test]
    fn map_names_on_the_command_line() {
        assert_eq!(
            Field::from_code(Kind::Attendees, "name"),
            Some(Field::FullName)
        );
        assert_eq!(Field::from_code(Kind::Attendees, "UNIT"), Some(Field::Unit));
        assert_eq!(Field::from_code(Kind::Attendees, "content"), None);
        assert_eq!(
            Field::from_code(Kind::Questions, "content"),
            Some(Field::Content)
        );
    }
}
