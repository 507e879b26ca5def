//! Importing questions, gifts and commendations with the attendee import's rules: the
//! same reading and detection, header words, skipped blank and total rows, row errors
//! naming row and column, duplicates marked, one transaction. People are linked to
//! attendees already in the file by name and unit.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::mapping::{header_key, is_total_row};
use super::{ReadOptions, RowError, Summary};
use crate::domain::{
    Channel, CommendationData, CommendationDraft, GiftData, GiftDraft, Problem, QuestionData,
    QuestionDraft,
};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::text::fold;

/// The record kinds this importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Questions,
    Gifts,
    Commendations,
}

/// A column a file may have: the key used in errors and the folded header words.
struct Spec {
    key: &'static str,
    words: &'static [&'static str],
}

const fn spec(key: &'static str, words: &'static [&'static str]) -> Spec {
    Spec { key, words }
}

const NAME: &[&str] = &[
    "ho va ten",
    "ho ten",
    "nguoi neu",
    "nguoi hoi",
    "name",
    "full name",
];
const UNIT: &[&str] = &["don vi", "don vi cong tac", "co quan", "unit"];

const QUESTIONS: &[Spec] = &[
    spec(
        "number",
        &["stt", "so", "so tt", "so thu tu", "tt", "number", "no"],
    ),
    spec("asker_name", NAME),
    spec("asker_unit", UNIT),
    spec("topic", &["chu de", "linh vuc", "nhom van de", "topic"]),
    spec(
        "content",
        &[
            "noi dung",
            "noi dung y kien",
            "y kien",
            "cau hoi",
            "kien nghi",
            "content",
            "question",
        ],
    ),
    spec(
        "channel",
        &["hinh thuc", "kenh", "hinh thuc tiep nhan", "channel"],
    ),
    spec(
        "responder",
        &[
            "don vi tra loi",
            "nguoi tra loi",
            "don vi chu tri tra loi",
            "responder",
        ],
    ),
    spec(
        "answer",
        &["tra loi", "noi dung tra loi", "ket qua tra loi", "answer"],
    ),
];

const GIFTS: &[Spec] = &[
    spec("recipient_name", NAME),
    spec("unit", UNIT),
    spec(
        "circumstances",
        &["hoan canh", "hoan canh kho khan", "ly do", "circumstances"],
    ),
    spec(
        "item",
        &["hinh thuc", "qua tang", "qua", "hien vat", "item", "gift"],
    ),
    spec(
        "value",
        &[
            "gia tri",
            "so tien",
            "gia tri (dong)",
            "thanh tien",
            "value",
            "amount",
        ],
    ),
];

const COMMENDATIONS: &[Spec] = &[
    spec("stage_order", &["stt", "tt", "thu tu", "so tt", "order"]),
    spec(
        "kind",
        &[
            "hinh thuc khen thuong",
            "hinh thuc",
            "loai khen thuong",
            "danh hieu",
            "kind",
        ],
    ),
    spec(
        "target",
        &["doi tuong", "ca nhan/tap the", "ca nhan / tap the"],
    ),
    spec(
        "recipient_name",
        &[
            "ho va ten / tap the",
            "ho va ten/tap the",
            "ho ten / tap the",
            "ho va ten",
            "ho ten",
            "tap the",
            "ca nhan, tap the",
            "name",
        ],
    ),
    spec("rank", &["cap bac", "cb", "rank"]),
    spec("position", &["chuc vu", "cv", "position"]),
    spec("unit", UNIT),
    spec(
        "achievement",
        &["thanh tich", "thanh tich dat duoc", "achievement"],
    ),
    spec(
        "decision_number",
        &[
            "so quyet dinh",
            "so qd",
            "quyet dinh so",
            "quyet dinh",
            "decision",
        ],
    ),
    spec(
        "decision_date",
        &[
            "ngay quyet dinh",
            "ngay qd",
            "ngay ky",
            "ngay",
            "decision date",
        ],
    ),
    spec(
        "issuer",
        &[
            "cap khen thuong",
            "co quan khen thuong",
            "nguoi ky",
            "cap khen",
            "issuer",
        ],
    ),
];

impl RecordKind {
    fn specs(self) -> &'static [Spec] {
        match self {
            Self::Questions => QUESTIONS,
            Self::Gifts => GIFTS,
            Self::Commendations => COMMENDATIONS,
        }
    }

    /// The column a row cannot do without.
    fn required(self) -> &'static str {
        match self {
            Self::Questions => "content",
            Self::Gifts | Self::Commendations => "recipient_name",
        }
    }

    /// At least one of these columns tells a file of this kind from another list.
    fn telling(self) -> &'static [&'static str] {
        match self {
            Self::Questions => &["content"],
            Self::Gifts => &["value", "item", "circumstances"],
            Self::Commendations => &["kind", "achievement", "decision_number"],
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Questions => "câu hỏi",
            Self::Gifts => "quà tặng",
            Self::Commendations => "khen thưởng",
        }
    }
}

/// One row ready to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// A question and its topic's name (the topic is found or added when stored).
    Question(Box<QuestionData>, String),
    Gift(Box<GiftData>),
    Commendation(Box<CommendationData>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    pub row: usize,
    pub record: Record,
    /// Already in the file, or repeats an earlier row of this file.
    pub duplicate: bool,
    /// Linked to an attendee already in the file.
    pub linked: bool,
}

/// What the preview shows and the import would do.
#[derive(Debug, Clone)]
pub struct RecordPlan {
    pub kind: RecordKind,
    pub file: PathBuf,
    /// Header text of each mapped column, by key.
    pub columns: Vec<(&'static str, String)>,
    pub rows: Vec<RecordRow>,
    pub errors: Vec<RowError>,
    pub skipped_blank: usize,
    pub skipped_total: usize,
}

impl RecordPlan {
    pub fn duplicates(&self) -> usize {
        self.rows.iter().filter(|r| r.duplicate).count()
    }
}

/// Keys of what the file already holds, for duplicates and links.
#[derive(Debug, Default)]
pub struct Known {
    /// (folded name, folded unit) → attendee id; unit "" maps names that are unique.
    attendees: HashMap<(String, String), Option<String>>,
    records: HashSet<String>,
    /// Gifts already given: a second one to the same person is what the store refuses.
    gifts: Vec<GiftData>,
}

impl Known {
    pub fn load(store: &Store, kind: RecordKind) -> Result<Self> {
        let mut k = Self::default();
        for a in store.attendees()? {
            let (n, u) = (fold(&a.data.full_name), fold(&a.data.unit));
            k.attendees.insert((n.clone(), u), Some(a.id.clone()));
            // By name alone only while the name is unique.
            k.attendees
                .entry((n, String::new()))
                .and_modify(|v| *v = None)
                .or_insert(Some(a.id));
        }
        match kind {
            RecordKind::Questions => {
                for q in store.questions()? {
                    k.records.insert(question_key(&q.data));
                }
            }
            RecordKind::Gifts => {
                k.gifts = store.gifts()?.into_iter().map(|g| g.data).collect();
            }
            RecordKind::Commendations => {
                for c in store.commendations()? {
                    k.records.insert(commendation_key(&c.data));
                }
            }
        }
        Ok(k)
    }

    fn attendee(&self, name: &str, unit: &str) -> Option<String> {
        let n = fold(name);
        self.attendees
            .get(&(n.clone(), fold(unit)))
            .or_else(|| self.attendees.get(&(n, String::new())))
            .cloned()
            .flatten()
    }
}

fn question_key(d: &QuestionData) -> String {
    format!("{}\u{1}{}", fold(&d.asker_name), fold(&d.content))
}

fn commendation_key(d: &CommendationData) -> String {
    format!(
        "{}\u{1}{}\u{1}{}\u{1}{}",
        fold(&d.kind),
        fold(&d.recipient_name),
        fold(&d.unit),
        fold(&d.decision_number)
    )
}

/// Finds the header row: the one among the first 40 naming most columns of `kind`,
/// including the required one.
fn find_header(
    kind: RecordKind,
    rows: &[Vec<String>],
) -> Option<(usize, Vec<Option<&'static str>>)> {
    rows.iter()
        .take(40)
        .enumerate()
        .map(|(i, r)| (i, map(kind, r)))
        .filter(|(_, m)| {
            m.contains(&Some(kind.required()))
                && kind.telling().iter().any(|t| m.contains(&Some(*t)))
                && m.iter().flatten().count() >= 2
        })
        .max_by_key(|(i, m)| (m.iter().flatten().count(), std::cmp::Reverse(*i)))
}

fn map(kind: RecordKind, header: &[String]) -> Vec<Option<&'static str>> {
    let mut taken: Vec<&str> = Vec::new();
    header
        .iter()
        .map(|h| {
            let key = header_key(h);
            let found = kind
                .specs()
                .iter()
                .find(|s| !taken.contains(&s.key) && s.words.contains(&key.as_str()))
                .map(|s| s.key);
            if let Some(k) = found {
                taken.push(k);
            }
            found
        })
        .collect()
}

fn channel(text: &str) -> Channel {
    let f = fold(text);
    if f.contains("phat bieu") || f.contains("truc tiep") {
        Channel::Spoken
    } else if f.contains("gui truoc") || f.contains("van ban") || f.contains("truoc hoi nghi") {
        Channel::Before
    } else {
        Channel::Written
    }
}

/// Reads a file of `kind` and plans it; refuses a file with no recognisable header.
pub fn prepare(
    kind: RecordKind,
    path: &Path,
    options: &ReadOptions,
    known: &Known,
) -> Result<RecordPlan> {
    let grid = super::read::read(path, options, |grids| {
        grids
            .iter()
            .enumerate()
            .max_by_key(|(i, g)| {
                (
                    find_header(kind, &g.rows).map_or(0, |(_, m)| m.iter().flatten().count()),
                    std::cmp::Reverse(*i),
                )
            })
            .map_or(0, |(i, _)| i)
    })?;
    let refuse = |reason: String| Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason,
    };
    let Some((header_row, mapping)) = find_header(kind, &grid.rows) else {
        return Err(refuse(format!(
            "không tìm thấy dòng tiêu đề của danh sách {} (cần cột {})",
            kind.noun(),
            match kind {
                RecordKind::Questions => "\"Nội dung\"",
                RecordKind::Gifts => "\"Họ và tên\" và \"Giá trị\" hoặc \"Hình thức\"",
                RecordKind::Commendations =>
                    "\"Họ và tên / Tập thể\" và \"Hình thức khen thưởng\" hoặc \"Số quyết định\"",
            }
        )));
    };
    let header = &grid.rows[header_row];
    let column = |col: usize| {
        header
            .get(col)
            .map(|h| crate::text::normalize(h))
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| format!("cột {}", col + 1))
    };
    let mut plan = RecordPlan {
        kind,
        file: path.to_owned(),
        columns: mapping
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.map(|k| (k, column(i))))
            .collect(),
        rows: Vec::new(),
        errors: Vec::new(),
        skipped_blank: 0,
        skipped_total: 0,
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut next_order = 0;
    for (i, cells) in grid.rows.iter().enumerate().skip(header_row + 1) {
        let row = i + 1;
        if cells.iter().all(|c| c.trim().is_empty()) {
            plan.skipped_blank += 1;
            continue;
        }
        if is_total_row(cells) {
            plan.skipped_total += 1;
            continue;
        }
        if let Some(extra) = cells
            .iter()
            .enumerate()
            .skip(header.len().max(mapping.len()))
            .find(|(_, c)| !c.trim().is_empty())
        {
            plan.errors.push(RowError {
                row,
                column: column(extra.0),
                problem: Problem::ExtraCells,
            });
            continue;
        }
        let get = |key: &str| -> String {
            mapping
                .iter()
                .position(|k| *k == Some(key))
                .and_then(|c| cells.get(c))
                .map(|v| crate::text::normalize_multiline(v))
                .unwrap_or_default()
        };
        let at = |key: &str| mapping.iter().position(|k| *k == Some(key)).unwrap_or(0);
        next_order += 1;
        let built = build(kind, &get, next_order, known);
        match built {
            Ok((record, key, linked)) => {
                let duplicate = match &record {
                    // The store's own rule of one gift per person, against the file and
                    // the rows above.
                    Record::Gift(d) => {
                        let earlier = plan.rows.iter().filter_map(|r| match &r.record {
                            Record::Gift(g) if !r.duplicate => Some(&**g),
                            _ => None,
                        });
                        known
                            .gifts
                            .iter()
                            .chain(earlier)
                            .any(|g| g.same_recipient(d))
                    }
                    _ => known.records.contains(&key) || !seen.insert(key),
                };
                plan.rows.push(RecordRow {
                    row,
                    record,
                    duplicate,
                    linked,
                });
            }
            Err(errors) => {
                for e in errors {
                    plan.errors.push(RowError {
                        row,
                        column: column(at(e.field)),
                        problem: e.problem,
                    });
                }
            }
        }
    }
    if plan.rows.is_empty() && plan.errors.is_empty() {
        return Err(refuse(format!(
            "không có dòng {} nào dưới dòng tiêu đề",
            kind.noun()
        )));
    }
    Ok(plan)
}

type Built = (Record, String, bool);

fn build(
    kind: RecordKind,
    get: &dyn Fn(&str) -> String,
    order: i64,
    known: &Known,
) -> Result<Built, Vec<crate::domain::FieldError>> {
    match kind {
        RecordKind::Questions => {
            let name = get("asker_name");
            let anonymous = name.is_empty() || fold(&name) == "an danh";
            let unit = get("asker_unit");
            let asker_id = (!anonymous).then(|| known.attendee(&name, &unit)).flatten();
            let number = get("number");
            let d = QuestionDraft {
                number: if number.is_empty() {
                    order.to_string()
                } else {
                    number
                },
                asker_id: asker_id.clone(),
                asker_name: if anonymous { String::new() } else { name },
                asker_unit: unit,
                anonymous,
                channel: channel(&get("channel")),
                content: get("content"),
                responder: get("responder"),
                answer: get("answer"),
                ..QuestionDraft::default()
            }
            .validate()?;
            let key = question_key(&d);
            Ok((
                Record::Question(Box::new(d), get("topic")),
                key,
                asker_id.is_some(),
            ))
        }
        RecordKind::Gifts => {
            let (name, unit) = (get("recipient_name"), get("unit"));
            let recipient_id = known.attendee(&name, &unit);
            let item = get("item");
            let d = GiftDraft {
                recipient_id: recipient_id.clone(),
                recipient_name: name,
                unit,
                circumstances: get("circumstances"),
                item: if item.is_empty() { "Quà".into() } else { item },
                value: get("value"),
                ..GiftDraft::default()
            }
            .validate()?;
            let key = String::new();
            Ok((Record::Gift(Box::new(d)), key, recipient_id.is_some()))
        }
        RecordKind::Commendations => {
            let name = get("recipient_name");
            let collective =
                fold(&get("target")).contains("tap the") || fold(&name).starts_with("tap the ");
            let unit = get("unit");
            let recipient_id = (!collective)
                .then(|| known.attendee(&name, &unit))
                .flatten();
            let kind_text = get("kind");
            let d = CommendationDraft {
                kind: if kind_text.is_empty() {
                    "Giấy khen".into()
                } else {
                    kind_text
                },
                collective,
                recipient_id: recipient_id.clone(),
                recipient_name: name,
                rank: get("rank"),
                position: get("position"),
                unit,
                achievement: get("achievement"),
                decision_number: get("decision_number"),
                decision_date: get("decision_date"),
                issuer: get("issuer"),
                stage_order: get("stage_order").parse().unwrap_or(order),
            }
            .validate()?;
            let key = commendation_key(&d);
            Ok((
                Record::Commendation(Box::new(d)),
                key,
                recipient_id.is_some(),
            ))
        }
    }
}

/// Stores the plan in one transaction: rows with errors refuse it all, duplicates are
/// skipped, cancelling changes nothing.
pub fn apply(
    store: &Store,
    plan: &RecordPlan,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Summary> {
    if let Some(first) = plan.errors.first() {
        return Err(Error::Import {
            file: plan.file.clone(),
            row: Some(first.row),
            field: Some(first.column.clone()),
            reason: format!(
                "{} (tổng cộng {} dòng có lỗi)",
                first.problem.vi(),
                plan.errors.len()
            ),
        });
    }
    let total = plan.rows.len();
    let mut summary = Summary::default();
    let noun = match plan.kind {
        RecordKind::Questions => "câu hỏi",
        RecordKind::Gifts => "quà tặng",
        RecordKind::Commendations => "khen thưởng",
    };
    let label = format!("Nhập {noun} từ tệp {}", super::file_name(&plan.file));
    store.change(&label, |s| {
        // Running numbers and stage order continue after what the file already has.
        let number_base = s.next_question_number()? - 1;
        let order_base = s.next_stage_order()? - 1;
        let numbers_taken: HashSet<i64> = s.questions()?.iter().map(|q| q.data.number).collect();
        for (i, r) in plan.rows.iter().enumerate() {
            if i % 256 == 0 && !progress(i, total) {
                return Err(Error::Cancelled);
            }
            if r.duplicate {
                summary.skipped_duplicates += 1;
                continue;
            }
            match &r.record {
                Record::Question(d, topic) => {
                    let mut d = (**d).clone();
                    if numbers_taken.contains(&d.number) {
                        d.number += number_base;
                    }
                    if !topic.is_empty() {
                        d.topic_id = Some(s.topic_id_for(topic)?);
                    }
                    s.add_question(&d)?;
                }
                Record::Gift(d) => {
                    s.add_gift(d)?;
                }
                Record::Commendation(d) => {
                    let mut d = (**d).clone();
                    d.stage_order += order_base;
                    s.add_commendation(&d)?;
                }
            }
            summary.imported += 1;
        }
        if !progress(total, total) {
            return Err(Error::Cancelled);
        }
        Ok(())
    })?;
    Ok(summary)
}
