//! The row rules of lists of questions, gifts and commendations: a row becomes a
//! record, its person is linked to an attendee already in the file (by name and unit,
//! by name alone only when the name is unique), and a record already there is marked.

use std::collections::{HashMap, HashSet};

use super::fields::{Field, Kind};
use super::people::{Keys, People};
use super::{Cells, RowKind};
use crate::domain::{
    AttendeeData, Channel, CommendationData, CommendationDraft, FieldError, FollowStatus, FollowUp,
    GiftData, GiftDraft, Handling, Problem, QuestionData, QuestionDraft,
};
use crate::error::Result;
use crate::store::Store;
use crate::text::fold;

/// One row ready to store.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "an attendee list has 100,000 rows and the others dozens: attendees unboxed save an allocation per row"
)]
pub enum Record {
    Attendee(AttendeeData, Keys),
    /// A question and its topic's name (the topic is found or added when stored).
    Question(Box<QuestionData>, String),
    Gift(Box<GiftData>),
    Commendation(Box<CommendationData>),
    /// A unit's answer to one opinion, from its follow-up sheet.
    Answer(Box<AnswerRow>),
}

/// One row of a follow-up sheet read back: the opinion it names and its follow-up before
/// and after, so the preview shows what changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub id: String,
    pub number: i64,
    pub content: String,
    pub before: FollowUp,
    pub after: FollowUp,
    /// The cells as typed: applied again onto the file as it is when the import is stored.
    pub typed: Typed,
}

/// What the file already holds, for marking duplicates and linking people.
#[derive(Debug, Default)]
pub struct Known {
    /// Attendees already in the file (attendee lists: the same person again), with how
    /// the preview shows each.
    pub(super) people: People<(String, String)>,
    /// (name's identity, folded unit) → attendee id; unit "" maps names that are unique.
    attendees: HashMap<(String, String), Option<String>>,
    records: HashSet<String>,
    /// Gifts already given: a second one to the same person is what the store refuses.
    gifts: Vec<GiftData>,
    /// Opinions by id (a follow-up sheet's answers): number, content, follow-up.
    questions: HashMap<String, (i64, String, FollowUp)>,
    /// Opinions merged into another since: id → the main one's id.
    merged: HashMap<String, String>,
}

impl Known {
    /// What a list of `kind` needs to know of the file.
    pub fn load(store: &Store, kind: Kind) -> Result<Self> {
        let mut k = Self::default();
        store.read_snapshot(|s| {
            for (id, person, label) in s.person_keys()? {
                if kind == Kind::Attendees {
                    k.people.add(person, (id, label));
                    continue;
                }
                // Linked by the name's identity: a gift for Thủy is not Thúy's.
                let name = person.name;
                k.attendees
                    .insert((name.clone(), person.unit), Some(id.clone()));
                // By name alone only while the name is unique.
                k.attendees
                    .entry((name, String::new()))
                    .and_modify(|v| *v = None)
                    .or_insert(Some(id));
            }
            match kind {
                Kind::Attendees => {}
                Kind::Answers => {
                    for q in s.questions()? {
                        if let Some(main) = q.data.merged_into {
                            k.merged.insert(q.id.clone(), main);
                        }
                        k.questions
                            .insert(q.id, (q.data.number, q.data.content, q.data.follow));
                    }
                }
                Kind::Questions => {
                    k.records = s
                        .questions()?
                        .iter()
                        .map(|q| question_key(&q.data))
                        .collect();
                }
                Kind::Gifts => k.gifts = s.gifts()?.into_iter().map(|g| g.data).collect(),
                Kind::Commendations => {
                    k.records = s
                        .commendations()?
                        .iter()
                        .map(|c| commendation_key(&c.data))
                        .collect();
                }
            }
            Ok(())
        })?;
        Ok(k)
    }

    /// The opinion a sheet's id answers: itself, or its main one when it was merged.
    fn answered(&self, id: &str) -> Option<(&str, &(i64, String, FollowUp))> {
        let id = self.merged.get(id).map_or(id, String::as_str);
        self.questions
            .get_key_value(id)
            .map(|(k, v)| (k.as_str(), v))
    }

    fn attendee(&self, name: &str, unit: &str) -> Option<String> {
        let n = crate::text::identity(name);
        self.attendees
            .get(&(n.clone(), fold(unit)))
            .or_else(|| self.attendees.get(&(n, String::new())))
            .cloned()
            .flatten()
    }

    /// Whether `record` is already in the file, or repeats one of `earlier` rows.
    pub(super) fn is_duplicate<'a>(
        &self,
        record: &Record,
        earlier: impl Iterator<Item = &'a Record>,
        seen: &mut HashSet<String>,
    ) -> bool {
        match record {
            Record::Attendee(..) => false,
            // Nothing changes, or an opinion answered twice in the sheet (the first wins).
            Record::Answer(a) => a.before == a.after || !seen.insert(a.id.clone()),
            // The store's own rule of one gift per person, against the file and the rows above.
            Record::Gift(d) => {
                let mut earlier = earlier.filter_map(|r| match r {
                    Record::Gift(g) => Some(&**g),
                    _ => None,
                });
                self.gifts.iter().any(|g| g.same_recipient(d))
                    || earlier.any(|g| g.same_recipient(d))
            }
            Record::Question(d, _) => {
                let key = question_key(d);
                self.records.contains(&key) || !seen.insert(key)
            }
            Record::Commendation(d) => {
                let key = commendation_key(d);
                self.records.contains(&key) || !seen.insert(key)
            }
        }
    }
}

fn question_key(d: &QuestionData) -> String {
    format!("{}\u{1}{}", fold(&d.asker_name), fold(&d.content))
}

fn commendation_key(d: &CommendationData) -> String {
    format!(
        "{}\u{1}{}\u{1}{}\u{1}{}",
        fold(&d.kind),
        crate::text::identity(&d.recipient_name),
        fold(&d.unit),
        fold(&d.decision_number)
    )
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

/// What one row under the header is, for a list of questions, gifts or commendations.
/// `order` is the row's place among the records (a number when the file has none).
pub(super) fn classify(cells: &Cells<'_>, order: i64, known: &Known) -> RowKind<(Record, bool)> {
    let get = |f: Field| crate::text::normalize_multiline(&cells.value(f));
    let converted = cells.converted(Field::FullName);
    let built = match cells.kind() {
        Kind::Attendees => return RowKind::Blank,
        Kind::Questions => question(&get, order, known),
        Kind::Gifts => gift(&get, known, converted),
        Kind::Commendations => commendation(&get, order, known, converted),
        Kind::Answers => return answer(cells, &get, known),
    };
    match built {
        Ok(r) => RowKind::Record(r, Vec::new()),
        Err(errors) => RowKind::Errors(
            errors
                .iter()
                .map(|e| (cells.column_of_key(e.field), e.problem))
                .collect(),
        ),
    }
}

type Built = std::result::Result<(Record, bool), Vec<FieldError>>;

fn question(get: &dyn Fn(Field) -> String, order: i64, known: &Known) -> Built {
    let name = get(Field::FullName);
    let anonymous = name.is_empty() || fold(&name) == "an danh";
    let unit = get(Field::Unit);
    let asker_id = (!anonymous).then(|| known.attendee(&name, &unit)).flatten();
    let number = get(Field::Number);
    let linked = asker_id.is_some();
    let d = QuestionDraft {
        number: if number.is_empty() {
            order.to_string()
        } else {
            number
        },
        asker_id,
        asker_name: if anonymous { String::new() } else { name },
        asker_unit: unit,
        anonymous,
        channel: channel(&get(Field::Channel)),
        content: get(Field::Content),
        responder: get(Field::Responder),
        answer: get(Field::Answer),
        ..QuestionDraft::default()
    }
    .validate()?;
    Ok((Record::Question(Box::new(d), get(Field::Topic)), linked))
}

/// A row of a follow-up sheet: the opinion its id names, the answer typed beside it. A
/// row whose answer columns are all empty is one the unit left for later: skipped. An id
/// of an opinion merged since the sheet was sent answers its main opinion.
fn answer(
    cells: &Cells<'_>,
    get: &dyn Fn(Field) -> String,
    known: &Known,
) -> RowKind<(Record, bool)> {
    let id = get(Field::QuestionId).trim().to_owned();
    let answer = get(Field::Answer);
    let doc_no = get(Field::AnswerDocNo);
    let doc_date = get(Field::AnswerDocDate);
    let status = get(Field::FollowStatus);
    let by = get(Field::AnsweredBy);
    if [&answer, &doc_no, &doc_date, &status, &by]
        .iter()
        .all(|v| v.trim().is_empty())
    {
        return RowKind::Blank;
    }
    let Some((id, (number, content, before))) = known.answered(&id) else {
        let problem = if id.is_empty() {
            Problem::Required
        } else {
            Problem::UnknownQuestion
        };
        return RowKind::Errors(vec![(cells.column_of(Field::QuestionId), problem)]);
    };
    let mut errors = Vec::new();
    let typed_date = if doc_date.trim().is_empty() {
        None
    } else {
        let parsed = crate::domain::date::parse(&doc_date).map(|d| d.to_string());
        if parsed.is_none() {
            errors.push((cells.column_of(Field::AnswerDocDate), Problem::BadDate));
        }
        parsed
    };
    let typed_status = if status.trim().is_empty() {
        None
    } else {
        let parsed = FollowStatus::parse(&status);
        if parsed.is_none() {
            errors.push((cells.column_of(Field::FollowStatus), Problem::BadStatus));
        }
        parsed
    };
    if !errors.is_empty() {
        return RowKind::Errors(errors);
    }
    let typed = Typed {
        written_answer: Some(answer).filter(|v| !v.is_empty()),
        answer_doc_no: Some(doc_no).filter(|v| !v.is_empty()),
        answer_doc_date: typed_date,
        answered_by: Some(by).filter(|v| !v.is_empty()),
        status: typed_status,
    };
    let row = AnswerRow {
        id: id.to_owned(),
        number: *number,
        content: content.clone(),
        after: typed.onto(before),
        before: before.clone(),
        typed,
    };
    RowKind::Record((Record::Answer(Box::new(row)), false), Vec::new())
}

/// What a unit typed in one row of its sheet (`None`: the cell is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub written_answer: Option<String>,
    pub answer_doc_no: Option<String>,
    /// ISO.
    pub answer_doc_date: Option<String>,
    pub answered_by: Option<String>,
    pub status: Option<FollowStatus>,
}

impl Typed {
    /// The follow-up `stored` becomes with these cells: each typed cell replaces its field,
    /// an answer with no status (or with the status the sheet was sent with) is done.
    pub fn onto(&self, stored: &FollowUp) -> FollowUp {
        let mut after = stored.clone();
        if let Some(v) = &self.written_answer {
            after.written_answer.clone_from(v);
        }
        if let Some(v) = &self.answer_doc_no {
            after.answer_doc_no.clone_from(v);
        }
        if let Some(v) = &self.answer_doc_date {
            after.answer_doc_date = Some(v.clone());
        }
        if let Some(v) = &self.answered_by {
            after.answered_by.clone_from(v);
        } else if after.answered_by.is_empty() && !after.written_answer.is_empty() {
            after.answered_by.clone_from(&after.responsible_unit);
        }
        let answered_now = after.written_answer != stored.written_answer
            || after.answer_doc_no != stored.answer_doc_no;
        after.status = match self.status {
            // The sheet came pre-filled "Đang giải quyết" and the unit added its answer.
            Some(st) if st == stored.status && answered_now => FollowStatus::Done,
            Some(st) => st,
            None if answered_now => FollowStatus::Done,
            None => stored.status,
        };
        if !after.handling.needs_answer() {
            after.handling = Handling::InWriting;
        }
        after
    }
}

/// A person's name as lists write it, made the name alone: forms of address and the
/// rank taken off (the rank is given back), capitals a legacy font could not type put back.
fn person_name(name: &str, converted: bool) -> (String, String) {
    let (rank, name) = crate::domain::name::split_title(name);
    if converted {
        (rank, crate::domain::name::capitalise_words(&name))
    } else {
        (rank, name)
    }
}

/// Whether a commendation goes to a collective (or a household): the classification
/// column says so ("Tập thể", "Khen thưởng tập thể", TAPTHE, HOGIADINH), else the form
/// of commendation does ("Tập thể lao động tiên tiến", "Cờ thi đua"), else the name reads
/// as an organ's ("Phòng Cảnh sát hình sự").
fn is_collective(target: &str, kind: &str, name: &str) -> bool {
    let t = fold(target).replace([' ', '_', '-'], "");
    if t.contains("tapthe") || t.contains("hogiadinh") || t.contains("giadinh") {
        return true;
    }
    if t.contains("canhan") {
        return false;
    }
    let k = fold(kind);
    if k.contains("tap the") || k.contains("co thi dua") || k.starts_with("don vi ") {
        return true;
    }
    if k.contains("chien si") || k.contains("ca nhan") {
        return false;
    }
    crate::domain::name::looks_collective(name)
}

fn gift(get: &dyn Fn(Field) -> String, known: &Known, converted: bool) -> Built {
    let (_, name) = person_name(&get(Field::FullName), converted);
    let unit = get(Field::Unit);
    let recipient_id = known.attendee(&name, &unit);
    let linked = recipient_id.is_some();
    let item = get(Field::Item);
    let d = GiftDraft {
        recipient_id,
        recipient_name: name,
        unit,
        circumstances: get(Field::Circumstances),
        item: if item.is_empty() { "Quà".into() } else { item },
        value: get(Field::Value),
        ..GiftDraft::default()
    }
    .validate()?;
    Ok((Record::Gift(Box::new(d)), linked))
}

fn commendation(
    get: &dyn Fn(Field) -> String,
    order: i64,
    known: &Known,
    converted: bool,
) -> Built {
    let mut name = get(Field::FullName);
    let kind = get(Field::CommendationKind);
    let collective = is_collective(&get(Field::Target), &kind, &name);
    let mut rank = get(Field::Rank);
    if !collective {
        let (title_rank, person) = person_name(&name, converted);
        name = person;
        if rank.is_empty() {
            rank = title_rank;
        }
    }
    let unit = get(Field::Unit);
    let recipient_id = (!collective)
        .then(|| known.attendee(&name, &unit))
        .flatten();
    let linked = recipient_id.is_some();
    let d = CommendationDraft {
        kind: if kind.is_empty() {
            "Giấy khen".into()
        } else {
            kind
        },
        collective,
        recipient_id,
        recipient_name: name,
        rank,
        position: get(Field::Position),
        unit,
        achievement: get(Field::Achievement),
        decision_number: get(Field::DecisionNumber),
        decision_date: get(Field::DecisionDate),
        issuer: get(Field::Issuer),
        stage_order: get(Field::Number).parse().unwrap_or(order),
    }
    .validate()?;
    Ok((Record::Commendation(Box::new(d)), linked))
}

impl Record {
    /// The value stored for `field`, as the preview shows it ("" for a field the kind
    /// does not have).
    pub fn value(&self, field: Field) -> String {
        use crate::domain::{date, money};
        match self {
            Record::Attendee(d, _) => match field {
                Field::FullName => d.full_name.clone(),
                Field::Gender => d.gender.clone(),
                Field::BirthYear => d.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                Field::Rank => d.rank.clone(),
                Field::Position => d.position.clone(),
                Field::Unit => d.unit.clone(),
                Field::District => d.district.clone(),
                Field::Group => d.group.clone(),
                Field::Phone => d.phone.clone(),
                Field::Note => d.note.clone(),
                Field::BadgeCode => d.badge_code.clone(),
                _ => String::new(),
            },
            Record::Question(d, topic) => match field {
                Field::Number => d.number.to_string(),
                Field::FullName => d.asker_name.clone(),
                Field::Unit => d.asker_unit.clone(),
                Field::Topic => topic.clone(),
                Field::Content => d.content.replace('\n', " "),
                Field::Channel => d.channel.vi().to_owned(),
                Field::Responder => d.responder.clone(),
                Field::Answer => d.answer.replace('\n', " "),
                _ => String::new(),
            },
            Record::Gift(d) => match field {
                Field::FullName => d.recipient_name.clone(),
                Field::Unit => d.unit.clone(),
                Field::Circumstances => d.circumstances.replace('\n', " "),
                Field::Item => d.item.clone(),
                Field::Value => money::format_vnd(d.value_vnd),
                _ => String::new(),
            },
            Record::Commendation(d) => match field {
                Field::Number => d.stage_order.to_string(),
                Field::CommendationKind => d.kind.clone(),
                Field::Target => if d.collective {
                    "Tập thể"
                } else {
                    "Cá nhân"
                }
                .to_owned(),
                Field::FullName => d.recipient_name.clone(),
                Field::Rank => d.rank.clone(),
                Field::Position => d.position.clone(),
                Field::Unit => d.unit.clone(),
                Field::Achievement => d.achievement.replace('\n', " "),
                Field::DecisionNumber => d.decision_number.clone(),
                Field::DecisionDate => d
                    .decision_date
                    .as_deref()
                    .map(date::display)
                    .unwrap_or_default(),
                Field::Issuer => d.issuer.clone(),
                _ => String::new(),
            },
            Record::Answer(a) => {
                // "»", not an arrow: the window's font has no arrows.
                let changed = |old: String, new: String| {
                    if old == new || old.is_empty() {
                        new
                    } else {
                        format!("{old} » {new}")
                    }
                };
                let day = |d: &Option<String>| d.as_deref().map(date::display).unwrap_or_default();
                match field {
                    Field::QuestionId => a.id.clone(),
                    Field::Number => a.number.to_string(),
                    Field::Content => a.content.replace('\n', " "),
                    Field::Answer => a.after.written_answer.replace('\n', " "),
                    Field::AnswerDocNo => changed(
                        a.before.answer_doc_no.clone(),
                        a.after.answer_doc_no.clone(),
                    ),
                    Field::AnswerDocDate => changed(
                        day(&a.before.answer_doc_date),
                        day(&a.after.answer_doc_date),
                    ),
                    Field::FollowStatus => changed(
                        a.before.status.vi().to_owned(),
                        a.after.status.vi().to_owned(),
                    ),
                    Field::AnsweredBy => a.after.answered_by.clone(),
                    _ => String::new(),
                }
            }
        }
    }
}
