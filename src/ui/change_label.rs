//! The line the history shows for each command that changes the file
//! ("Điểm danh: Nguyễn Văn An"), said in the window's language.
//!
//! A change's label is structured: a [`Label`] is a kind of change and the values it
//! names (people, numbers, file and desk names), which are never translated. The file
//! keeps it as its Vietnamese text, the file's own language that every reader (the CLI,
//! an older version of the app) shows as it is; the window reads that text back into a
//! [`Label`] and says it in its own language. Every label this version writes reads
//! back whole; a text from elsewhere that fits no kind is shown as it was stored.

use std::sync::OnceLock;

use super::action::Action;
use super::data::Data;
use crate::store::List;
use crate::ui::i18n::{Lang, Strings};

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    kind: Kind,
    values: Vec<String>,
}

/// The verbs of the records' labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Add,
    Edit,
    Delete,
    Move,
}

/// The records the labels name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noun {
    Attendee,
    Question,
    Gift,
    Commendation,
    Topic,
    CommendationKind,
    Office,
    Conference,
    /// A unit's written answers (imported from its follow-up sheet).
    Answer,
}

/// The kinds of change; each has one template per language, its values marked `{}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "Thêm quà tặng: Nguyễn Văn An".
    Of(Verb, Noun),
    /// "Sửa thông tin hội nghị".
    Bare(Verb, Noun),
    /// "Sửa câu hỏi 12".
    Numbered(Verb),
    /// "Gộp câu hỏi 12 vào câu hỏi 13".
    MergeQuestion,
    /// "Tách câu hỏi: câu hỏi 12".
    Unmerge,
    CheckIn,
    UndoCheckIn,
    CheckInUnit,
    WalkIn,
    /// "Đổi tên chủ đề: A thành B".
    Rename(Noun),
    /// "Gộp chủ đề: A vào B".
    MergeEntry(Noun),
    /// "Chuyển mã 3 đại biểu".
    Convert,
    SeedProgramme,
    Programme(Item),
    /// A desk's check-ins, as the host records them ("Bàn 2: điểm danh …").
    DeskCheckIn,
    DeskUndo,
    DeskMany,
    /// "Nhập đại biểu từ tệp ds.xlsx".
    Import(Noun),
    /// "Giao 3 ý kiến cho Phòng Hậu cần".
    Assign,
    /// "Theo dõi ý kiến số 12".
    FollowUp,
    /// "Sửa thông tin biên bản, thông báo kết luận".
    Papers,
}

/// The programme's and the script's labels ("Sửa kịch bản: Khai mạc").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Add,
    Edit,
    Delete,
    Move,
    EditScript,
    RevertScript,
    Arrange,
    ProtocolOrder,
    Excused,
    NotExcused,
}

const VERBS: [Verb; 4] = [Verb::Add, Verb::Edit, Verb::Delete, Verb::Move];
const NOUNS: [Noun; 9] = [
    Noun::Attendee,
    Noun::Question,
    Noun::Gift,
    Noun::Commendation,
    Noun::Topic,
    Noun::CommendationKind,
    Noun::Office,
    Noun::Conference,
    Noun::Answer,
];
const ITEMS: [Item; 10] = [
    Item::Add,
    Item::Edit,
    Item::Delete,
    Item::Move,
    Item::EditScript,
    Item::RevertScript,
    Item::Arrange,
    Item::ProtocolOrder,
    Item::Excused,
    Item::NotExcused,
];

impl Verb {
    fn word(self, s: &Strings) -> &'static str {
        match self {
            Self::Add => s.verb_add,
            Self::Edit => s.verb_edit,
            Self::Delete => s.verb_delete,
            Self::Move => s.verb_move,
        }
    }
}

impl Noun {
    fn word(self, s: &Strings) -> &'static str {
        match self {
            Self::Attendee => s.noun_attendee,
            Self::Question => s.noun_question,
            Self::Gift => s.noun_gift,
            Self::Commendation => s.noun_commendation,
            Self::Topic => s.noun_topic,
            Self::CommendationKind => s.noun_kind,
            Self::Office => s.noun_office,
            Self::Conference => s.noun_conference,
            Self::Answer => s.noun_answer,
        }
    }

    /// The noun for several ("2 attendees"); Vietnamese nouns do not change.
    pub(crate) fn plural(self, s: &Strings) -> &'static str {
        match self {
            Self::Attendee => s.nouns_attendee,
            Self::Question => s.nouns_question,
            Self::Gift => s.nouns_gift,
            Self::Commendation => s.nouns_commendation,
            Self::Topic => s.nouns_topic,
            Self::CommendationKind => s.nouns_kind,
            Self::Office => s.nouns_office,
            Self::Conference => s.noun_conference,
            Self::Answer => s.nouns_answer,
        }
    }

    fn of_list(list: List) -> Self {
        match list {
            List::Topics => Self::Topic,
            List::CommendationKinds => Self::CommendationKind,
            List::Offices => Self::Office,
        }
    }
}

impl Item {
    fn word(self, s: &Strings) -> &'static str {
        match self {
            Self::Add => s.label_add_item,
            Self::Edit => s.label_edit_item,
            Self::Delete => s.label_delete_item,
            Self::Move => s.label_move_item,
            Self::EditScript => s.label_edit_script,
            Self::RevertScript => s.label_revert_script,
            Self::Arrange => s.label_arrange_introduction,
            Self::ProtocolOrder => s.label_protocol_order,
            Self::Excused => s.label_excused,
            Self::NotExcused => s.label_not_excused,
        }
    }
}

impl Kind {
    /// Every kind, for reading a stored text back.
    fn all() -> Vec<Self> {
        let mut all = vec![
            Self::MergeQuestion,
            Self::Unmerge,
            Self::CheckIn,
            Self::UndoCheckIn,
            Self::CheckInUnit,
            Self::WalkIn,
            Self::Convert,
            Self::SeedProgramme,
            Self::DeskCheckIn,
            Self::DeskUndo,
            Self::DeskMany,
            Self::Assign,
            Self::FollowUp,
            Self::Papers,
        ];
        for verb in VERBS {
            all.push(Self::Numbered(verb));
            for noun in NOUNS {
                all.extend([Self::Of(verb, noun), Self::Bare(verb, noun)]);
            }
        }
        for noun in NOUNS {
            all.extend([
                Self::Rename(noun),
                Self::MergeEntry(noun),
                Self::Import(noun),
            ]);
        }
        all.extend(ITEMS.map(Self::Programme));
        all
    }

    /// The kind's words in `s`'s language, `{}` where a value goes.
    fn template(self, s: &Strings) -> String {
        match self {
            Self::Of(verb, noun) => format!("{} {}: {{}}", verb.word(s), noun.word(s)),
            Self::Bare(verb, noun) => format!("{} {}", verb.word(s), noun.word(s)),
            Self::Numbered(verb) => format!("{} {} {{}}", verb.word(s), s.noun_question),
            Self::MergeQuestion => format!(
                "{} {q} {{}} {} {q} {{}}",
                s.verb_merge,
                s.word_into,
                q = s.noun_question
            ),
            Self::Unmerge => format!("{}: {} {{}}", s.verb_unmerge, s.noun_question),
            Self::CheckIn => format!("{}: {{}}", s.verb_check_in),
            Self::UndoCheckIn => s.verb_undo_check_in.to_owned(),
            Self::CheckInUnit => format!("{}: {{}}", s.verb_check_in_unit),
            Self::WalkIn => format!("{}: {{}}", s.verb_walk_in),
            Self::Rename(noun) => {
                format!(
                    "{} {}: {{}} {} {{}}",
                    s.verb_rename,
                    noun.word(s),
                    s.word_to
                )
            }
            Self::MergeEntry(noun) => {
                format!(
                    "{} {}: {{}} {} {{}}",
                    s.verb_merge,
                    noun.word(s),
                    s.word_into
                )
            }
            Self::Convert => format!("{} {{}} {}", s.verb_convert, s.nouns_attendee),
            Self::SeedProgramme => s.label_seed_programme.to_owned(),
            Self::Programme(item) => format!("{}: {{}}", item.word(s)),
            Self::DeskCheckIn => s.label_desk_check_in.to_owned(),
            Self::DeskUndo => s.label_desk_undo.to_owned(),
            Self::DeskMany => s.label_desk_many.to_owned(),
            Self::Import(noun) => s.label_import.replace("{noun}", noun.plural(s)),
            Self::Assign => s.label_assign.to_owned(),
            Self::FollowUp => s.label_follow_up.to_owned(),
            Self::Papers => s.label_papers.to_owned(),
        }
    }
}

/// A template cut at its values: the words before, between and after them.
struct Template {
    kind: Kind,
    words: Vec<String>,
}

impl Template {
    fn new(kind: Kind, s: &Strings) -> Self {
        Self {
            kind,
            words: kind.template(s).split("{}").map(str::to_owned).collect(),
        }
    }

    /// The values of `text` when it is this template filled in (each value non-empty).
    fn read(&self, text: &str) -> Option<Vec<String>> {
        let (first, rest) = self.words.split_first()?;
        let mut left = text.strip_prefix(first.as_str())?;
        let mut values = Vec::with_capacity(rest.len());
        for (i, words) in rest.iter().enumerate() {
            let value = if i + 1 == rest.len() {
                // The last value runs to the template's closing words.
                left.strip_suffix(words.as_str())?
            } else {
                &left[..left.find(words.as_str())?]
            };
            if value.is_empty() {
                return None;
            }
            values.push(value.to_owned());
            left = &left[value.len() + words.len()..];
        }
        left.is_empty().then_some(values)
    }
}

/// Every kind's template in `lang`, the longest words first, so that a text is read as
/// the most particular kind it fits ("Điểm danh cả đơn vị: …" before "Điểm danh: …").
fn templates(lang: Lang) -> &'static [Template] {
    static VI: OnceLock<Vec<Template>> = OnceLock::new();
    static EN: OnceLock<Vec<Template>> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let s = lang.strings();
        let mut all: Vec<Template> = Kind::all()
            .into_iter()
            .map(|k| Template::new(k, s))
            .collect();
        all.sort_by_key(|t| std::cmp::Reverse(t.words.iter().map(String::len).sum::<usize>()));
        all
    })
}

impl Label {
    fn new(kind: Kind, values: Vec<String>) -> Self {
        Self { kind, values }
    }

    /// The label in `s`'s language.
    pub fn text(&self, s: &Strings) -> String {
        let template = self.kind.template(s);
        let mut out = String::with_capacity(template.len() + 32);
        let mut values = self.values.iter();
        let mut pieces = template.split("{}").peekable();
        while let Some(words) = pieces.next() {
            out.push_str(words);
            if pieces.peek().is_some() {
                out.push_str(values.next().map_or("", String::as_str));
            }
        }
        out
    }

    /// The text the file keeps: the label in Vietnamese.
    pub fn stored(&self) -> String {
        self.text(Lang::Vi.strings())
    }

    /// Reads a stored label back, written in either language.
    pub fn read(stored: &str) -> Option<Self> {
        [Lang::Vi, Lang::En].into_iter().find_map(|lang| {
            templates(lang)
                .iter()
                .find_map(|t| t.read(stored).map(|values| Self::new(t.kind, values)))
        })
    }
}

/// A stored label said in `s`'s language, or as it was stored when it fits no kind.
pub fn say(stored: &str, s: &Strings) -> String {
    Label::read(stored).map_or_else(|| stored.to_owned(), |label| label.text(s))
}

/// The history label of `action`, or `None` when it changes no record.
pub fn change_label(action: &Action, data: &Data) -> Option<Label> {
    use Kind as K;
    let (attendee, question, gift, commendation) = (
        |id: &str| names::attendee(data, id),
        |id: &str| names::question(data, id),
        |id: &str| names::gift(data, id),
        |id: &str| names::commendation(data, id),
    );
    let entry = |list: List, id: &str| {
        let entries = match list {
            List::Topics => &data.topic_entries,
            List::CommendationKinds => &data.kind_entries,
            List::Offices => &data.office_entries,
        };
        entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let one = |kind: Kind, value: String| Label::new(kind, vec![value]);
    // "Thêm quà tặng: …", or without the name when there is none.
    let of = |verb: Verb, noun: Noun, what: Option<String>| match what {
        Some(w) if !w.is_empty() => one(K::Of(verb, noun), w),
        _ => Label::new(K::Bare(verb, noun), Vec::new()),
    };
    let numbered = |verb: Verb, id: &str| match question(id) {
        Some(n) => one(K::Numbered(verb), n),
        None => Label::new(K::Bare(verb, Noun::Question), Vec::new()),
    };
    let named = |kind: Kind, name: Option<String>| one(kind, name.unwrap_or_default());
    Some(match action {
        Action::SaveConference(_) => of(Verb::Edit, Noun::Conference, None),
        Action::AddAttendee(d) => of(Verb::Add, Noun::Attendee, Some(d.full_name.clone())),
        Action::UpdateAttendee(id, d) => of(
            Verb::Edit,
            Noun::Attendee,
            attendee(id).or(Some(d.full_name.clone())),
        ),
        Action::DeleteAttendee(id) => of(Verb::Delete, Noun::Attendee, attendee(id)),
        Action::CheckIn(id) => named(K::CheckIn, attendee(id)),
        // The desk's own undo takes back its last check-in; the history names it.
        Action::UndoCheckIn => Label::new(K::UndoCheckIn, Vec::new()),
        Action::CheckInUnit(unit) => one(K::CheckInUnit, unit.clone()),
        Action::AddWalkIn(d) => one(K::WalkIn, d.full_name.clone()),
        Action::AddQuestion(d) => one(K::Numbered(Verb::Add), d.number.to_string()),
        Action::UpdateQuestion(id, _) => numbered(Verb::Edit, id),
        Action::DeleteQuestion(id) => numbered(Verb::Delete, id),
        Action::MergeQuestion { id, into_number } => Label::new(
            K::MergeQuestion,
            vec![question(id).unwrap_or_default(), into_number.to_string()],
        ),
        Action::UnmergeQuestion(id) => named(K::Unmerge, question(id)),
        Action::AddGift(d) => of(Verb::Add, Noun::Gift, Some(d.recipient_name.clone())),
        Action::UpdateGift(id, _) => of(Verb::Edit, Noun::Gift, gift(id)),
        Action::DeleteGift(id) => of(Verb::Delete, Noun::Gift, gift(id)),
        Action::AddCommendation(d) => of(
            Verb::Add,
            Noun::Commendation,
            Some(d.recipient_name.clone()),
        ),
        Action::UpdateCommendation(id, _) => {
            of(Verb::Edit, Noun::Commendation, commendation(id))
        }
        Action::DeleteCommendation(id) => {
            of(Verb::Delete, Noun::Commendation, commendation(id))
        }
        Action::MoveCommendation { id, .. } => {
            of(Verb::Move, Noun::Commendation, commendation(id))
        }
        Action::ListAdd { list, name } => of(Verb::Add, Noun::of_list(*list), Some(name.clone())),
        Action::ListRename { list, id, name } => Label::new(
            K::Rename(Noun::of_list(*list)),
            vec![entry(*list, id), name.clone()],
        ),
        Action::ListMove { list, id, .. } => {
            of(Verb::Move, Noun::of_list(*list), Some(entry(*list, id)))
        }
        Action::ListMerge { list, from, into } => Label::new(
            K::MergeEntry(Noun::of_list(*list)),
            vec![entry(*list, from), entry(*list, into)],
        ),
        Action::ListDelete { list, id } => {
            of(Verb::Delete, Noun::of_list(*list), Some(entry(*list, id)))
        }
        Action::ConvertLegacy { ids, .. } => one(K::Convert, ids.len().to_string()),
        Action::AssignQuestions { ids, unit, .. } => {
            Label::new(K::Assign, vec![ids.len().to_string(), unit.clone()])
        }
        Action::SetFollowUp(id, _) => one(K::FollowUp, question(id).unwrap_or_default()),
        Action::SavePaperDetails(_) => Label::new(K::Papers, Vec::new()),
        Action::OfficeAliases { id, .. } => {
            of(Verb::Edit, Noun::Office, Some(entry(List::Offices, id)))
        }
        a @ (Action::SeedProgramme
        | Action::AddItem(_)
        | Action::UpdateItem(..)
        | Action::DeleteItem(_)
        | Action::MoveItem { .. }
        | Action::SetScriptEdit { .. }
        | Action::ArrangeIntroduction { .. }
        | Action::SetExcused { .. }) => programme_label(a, data)?,
        Action::OpenList { .. }
        | Action::Undo
        | Action::Redo
        | Action::NewConference
        | Action::OpenConference
        | Action::OpenPath(_)
        | Action::OpenReadOnly(_)
        | Action::DismissLocked
        | Action::AskPassphrase(_)
        | Action::PassphraseGiven(_)
        | Action::PassphraseCancel
        | Action::OpenSample
        | Action::SaveCopy
        | Action::FileChosen(..)
        // Imports record themselves, in their background job's own connection.
        | Action::ConvertChosen(_)
        | Action::ImportChoose(_)
        | Action::ImportRead(_)
        | Action::ImportReplan(_)
        | Action::ImportApply
        | Action::ImportCancel
        | Action::ImportClose
        | Action::ExportChoose { .. }
        | Action::ExportCancel
        | Action::OpenExternal(_)
        | Action::BackupNow
        // A restore replaces the whole file, history included; its snapshot undoes it.
        | Action::Restore(_)
        | Action::Present(_)
        | Action::SetLanguage(_)
        | Action::SetTyping(_)
        // Desks: the host records desks' check-ins itself; the rest changes no record.
        | Action::StartHosting
        | Action::StopHosting
        | Action::NewPairingCode
        | Action::RevokeDesk(_)
        | Action::DeskFileOpen
        | Action::OpenConnect
        | Action::CloseConnect
        | Action::PairDesk { .. }
        | Action::ResumeDesk
        | Action::LeaveDesk
        | Action::DeskFileSave
        | Action::UnlockDesk
        | Action::CancelDeskPin
        | Action::PrintOpen
        | Action::Print { .. }
        | Action::McView(_)
        | Action::ProgrammeStep(_)
        | Action::Navigate { .. } => return None,
    })
}

/// The labels of the programme's, the script's and absences' changes.
fn programme_label(action: &Action, data: &Data) -> Option<Label> {
    let item = |i: Item, value: String| Label::new(Kind::Programme(i), vec![value]);
    Some(match action {
        Action::SeedProgramme => Label::new(Kind::SeedProgramme, Vec::new()),
        Action::AddItem(d) => item(Item::Add, d.title.clone()),
        Action::UpdateItem(_, d) => item(Item::Edit, d.title.clone()),
        Action::DeleteItem(id) => item(Item::Delete, names::item(data, id)),
        Action::MoveItem { id, .. } => item(Item::Move, names::item(data, id)),
        Action::SetScriptEdit { item: id, text, .. } => item(
            if text.is_some() {
                Item::EditScript
            } else {
                Item::RevertScript
            },
            names::item(data, id),
        ),
        Action::ArrangeIntroduction {
            item: id,
            arrangement,
        } => item(
            if arrangement.is_empty() {
                Item::ProtocolOrder
            } else {
                Item::Arrange
            },
            names::item(data, id),
        ),
        Action::SetExcused { id, excused, .. } => item(
            if *excused {
                Item::Excused
            } else {
                Item::NotExcused
            },
            names::attendee(data, id).unwrap_or_default(),
        ),
        _ => return None,
    })
}

/// The names a label gives records by, read from the view.
mod names {
    use crate::ui::data::Data;

    pub fn attendee(data: &Data, id: &str) -> Option<String> {
        data.attendee(id).map(|a| a.data.full_name.clone())
    }

    /// A question goes by its number.
    pub fn question(data: &Data, id: &str) -> Option<String> {
        data.questions
            .items
            .iter()
            .find(|q| q.id == id)
            .map(|q| q.data.number.to_string())
    }

    pub fn gift(data: &Data, id: &str) -> Option<String> {
        data.gifts
            .items
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.data.recipient_name.clone())
    }

    pub fn item(data: &Data, id: &str) -> String {
        data.programme
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.data.title.clone())
            .unwrap_or_default()
    }

    pub fn commendation(data: &Data, id: &str) -> Option<String> {
        data.commendations
            .items
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.data.recipient_name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind, said in either language with values that hold spaces and dots,
    /// reads back as itself.
    #[test]
    fn every_label_reads_back_from_either_language() {
        for kind in Kind::all() {
            let holes = kind.template(Lang::Vi.strings()).matches("{}").count();
            let values: Vec<String> = ["Nguyễn Văn An", "12", "ds 2.xlsx"]
                .iter()
                .take(holes)
                .map(|v| (*v).to_owned())
                .collect();
            let label = Label::new(kind, values);
            for lang in [Lang::Vi, Lang::En] {
                let text = label.text(lang.strings());
                assert_eq!(Label::read(&text), Some(label.clone()), "{text}");
            }
        }
    }

    #[test]
    fn a_stored_vietnamese_label_is_said_in_english() {
        let en = Lang::En.strings();
        assert_eq!(
            say("Thêm quà tặng: Nguyễn Văn An", en),
            "Add gift: Nguyễn Văn An"
        );
        assert_eq!(say("Bàn 2: 4 lượt điểm danh", en), "Bàn 2: 4 check-ins");
        assert_eq!(
            say("Gộp câu hỏi 12 vào câu hỏi 13", en),
            "Merge question 12 into question 13"
        );
        assert_eq!(
            say("Nhập đại biểu từ tệp ds.xlsx", en),
            "Import attendees from ds.xlsx"
        );
        // A text that fits no kind is shown as it is.
        assert_eq!(say("Khôi phục dữ liệu cũ", en), "Khôi phục dữ liệu cũ");
    }
}
