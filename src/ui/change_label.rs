//! The line the history shows for each command that changes the file
//! ("Điểm danh: Nguyễn Văn An"), in the window's language at the time.

use super::action::Action;
use super::data::Data;
use crate::store::List;
use crate::ui::i18n::Strings;

/// The history label of `action`, or `None` when it changes no record.
pub fn change_label(action: &Action, data: &Data, s: &Strings) -> Option<String> {
    let (attendee, question, gift, commendation) = (
        |id: &str| names::attendee(data, id),
        |id: &str| names::question(data, s, id),
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
    let list_noun = |list: List| match list {
        List::Topics => s.noun_topic,
        List::CommendationKinds => s.noun_kind,
        List::Offices => s.noun_office,
    };
    let of = |verb: &str, noun: &str, what: Option<String>| match what {
        Some(w) if !w.is_empty() => format!("{verb} {noun}: {w}"),
        _ => format!("{verb} {noun}"),
    };
    Some(match action {
        Action::SaveConference(_) => format!("{} {}", s.verb_edit, s.noun_conference),
        Action::AddAttendee(d) => of(s.verb_add, s.noun_attendee, Some(d.full_name.clone())),
        Action::UpdateAttendee(id, d) => of(
            s.verb_edit,
            s.noun_attendee,
            attendee(id).or(Some(d.full_name.clone())),
        ),
        Action::DeleteAttendee(id) => of(s.verb_delete, s.noun_attendee, attendee(id)),
        Action::CheckIn(id) => format!("{}: {}", s.verb_check_in, attendee(id).unwrap_or_default()),
        // The desk's own undo takes back its last check-in; the history names it.
        Action::UndoCheckIn => s.verb_undo_check_in.to_owned(),
        Action::CheckInUnit(unit) => format!("{}: {unit}", s.verb_check_in_unit),
        Action::AddWalkIn(d) => format!("{}: {}", s.verb_walk_in, d.full_name),
        Action::AddQuestion(d) => format!("{} {} {}", s.verb_add, s.noun_question, d.number),
        Action::UpdateQuestion(id, _) => format!("{} {}", s.verb_edit, question(id).unwrap_or_else(|| s.noun_question.to_owned())),
        Action::DeleteQuestion(id) => format!("{} {}", s.verb_delete, question(id).unwrap_or_else(|| s.noun_question.to_owned())),
        Action::MergeQuestion { id, into_number } => format!(
            "{} {} {} {} {into_number}",
            s.verb_merge,
            question(id).unwrap_or_else(|| s.noun_question.to_owned()),
            s.word_into,
            s.noun_question
        ),
        Action::UnmergeQuestion(id) => format!("{}: {}", s.verb_unmerge, question(id).unwrap_or_else(|| s.noun_question.to_owned())),
        Action::AddGift(d) => of(s.verb_add, s.noun_gift, Some(d.recipient_name.clone())),
        Action::UpdateGift(id, _) => of(s.verb_edit, s.noun_gift, gift(id)),
        Action::DeleteGift(id) => of(s.verb_delete, s.noun_gift, gift(id)),
        Action::AddCommendation(d) => of(
            s.verb_add,
            s.noun_commendation,
            Some(d.recipient_name.clone()),
        ),
        Action::UpdateCommendation(id, _) => of(s.verb_edit, s.noun_commendation, commendation(id)),
        Action::DeleteCommendation(id) => {
            of(s.verb_delete, s.noun_commendation, commendation(id))
        }
        Action::MoveCommendation { id, .. } => {
            of(s.verb_move, s.noun_commendation, commendation(id))
        }
        Action::ListAdd { list, name } => of(s.verb_add, list_noun(*list), Some(name.clone())),
        Action::ListRename { list, id, name } => format!(
            "{} {}: {} {} {name}",
            s.verb_rename,
            list_noun(*list),
            entry(*list, id),
            s.word_to
        ),
        Action::ListMove { list, id, .. } => {
            of(s.verb_move, list_noun(*list), Some(entry(*list, id)))
        }
        Action::ListMerge { list, from, into } => format!(
            "{} {}: {} {} {}",
            s.verb_merge,
            list_noun(*list),
            entry(*list, from),
            s.word_into,
            entry(*list, into)
        ),
        Action::ListDelete { list, id } => {
            of(s.verb_delete, list_noun(*list), Some(entry(*list, id)))
        }
        Action::ConvertLegacy { ids, .. } => {
            format!("{} {} {}", s.verb_convert, ids.len(), s.noun_attendee)
        }
        Action::OfficeAliases { id, .. } => {
            of(s.verb_edit, s.noun_office, Some(entry(List::Offices, id)))
        }
        a @ (Action::SeedProgramme
        | Action::AddItem(_)
        | Action::UpdateItem(..)
        | Action::DeleteItem(_)
        | Action::MoveItem { .. }
        | Action::SetScriptEdit { .. }
        | Action::ArrangeIntroduction { .. }
        | Action::SetExcused { .. }) => programme_label(a, data, s)?,
        Action::Undo
        | Action::Redo
        | Action::NewConference
        | Action::OpenConference
        | Action::OpenPath(_)
        | Action::OpenReadOnly(_)
        | Action::DismissLocked
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
        | Action::PrintOpen
        | Action::Print { .. }
        | Action::McView(_)
        | Action::ProgrammeStep(_)
        | Action::Navigate { .. } => return None,
    })
}

/// The labels of the programme's, the script's and absences' changes.
fn programme_label(action: &Action, data: &Data, s: &Strings) -> Option<String> {
    Some(match action {
        Action::SeedProgramme => s.label_seed_programme.to_owned(),
        Action::AddItem(d) => format!("{}: {}", s.label_add_item, d.title),
        Action::UpdateItem(_, d) => format!("{}: {}", s.label_edit_item, d.title),
        Action::DeleteItem(id) => format!("{}: {}", s.label_delete_item, names::item(data, id)),
        Action::MoveItem { id, .. } => format!("{}: {}", s.label_move_item, names::item(data, id)),
        Action::SetScriptEdit { item, text, .. } => format!(
            "{}: {}",
            if text.is_some() {
                s.label_edit_script
            } else {
                s.label_revert_script
            },
            names::item(data, item)
        ),
        Action::ArrangeIntroduction { item, arrangement } => format!(
            "{}: {}",
            if arrangement.is_empty() {
                s.label_protocol_order
            } else {
                s.label_arrange_introduction
            },
            names::item(data, item)
        ),
        Action::SetExcused { id, excused, .. } => format!(
            "{}: {}",
            if *excused {
                s.label_excused
            } else {
                s.label_not_excused
            },
            names::attendee(data, id).unwrap_or_default()
        ),
        _ => return None,
    })
}

/// The names a label gives records by, read from the view.
mod names {
    use crate::ui::data::Data;
    use crate::ui::i18n::Strings;

    pub fn attendee(data: &Data, id: &str) -> Option<String> {
        data.attendee(id).map(|a| a.data.full_name.clone())
    }

    pub fn question(data: &Data, s: &Strings, id: &str) -> Option<String> {
        data.questions
            .items
            .iter()
            .find(|q| q.id == id)
            .map(|q| format!("{} {}", s.noun_question, q.data.number))
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
