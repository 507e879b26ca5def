//! The check-in desk's controller: it checks people in, remembers what this desk did
//! for its Ctrl+Z, and words the large message the person at the door reads. On a desk
//! of a host (see `desks`), each check-in is also an action kept for the host.

use crate::domain::{AttendeeData, date};
use crate::error::Result;
use crate::store::Store;
use crate::sync::{Action, Op};
use crate::ui::data::Data;
use crate::ui::i18n::Strings;

/// What a desk action changed, so the window can patch its view instead of reading a
/// 100,000-person file again after every check-in.
pub enum DeskPatch {
    Nothing,
    /// The attendees whose check-in changed.
    CheckIns(Vec<String>),
    /// A walk-in, added and checked in.
    Added(String),
}

/// What the desk shows after an action, in large type, and what it changed.
pub struct DeskResult {
    pub message: String,
    /// Green (done) or amber (nothing done: already in, nothing to undo).
    pub ok: bool,
    pub patch: DeskPatch,
}

impl DeskResult {
    fn warn(message: String) -> Self {
        Self {
            message,
            ok: false,
            patch: DeskPatch::Nothing,
        }
    }

    fn done(message: String, patch: DeskPatch) -> Self {
        Self {
            message,
            ok: true,
            patch,
        }
    }
}

fn desk_action((desk_id, name): &(String, String), op: Op) -> Action {
    Action::new(desk_id, name, op)
}

/// The check-ins made at this desk, newest last, for its own undo.
#[derive(Debug, Default)]
pub struct DeskController {
    /// Attendee, and on a host's desk the action that checked them in.
    log: Vec<(String, Option<String>)>,
    /// Set while this window is a desk of a host: (desk id, desk name).
    pub acting_as: Option<(String, String)>,
}

impl DeskController {
    /// Checks one person in here, or on a host's desk keeps the action for the host
    /// too; returns the action's id.
    fn mark(&self, store: &Store, id: &str, at: &str) -> Result<Option<String>> {
        if let Some(desk) = &self.acting_as {
            let action = desk_action(
                desk,
                Op::CheckIn {
                    attendee: id.to_owned(),
                    at: at.to_owned(),
                },
            );
            store.record_local(&action)?;
            Ok(Some(action.op_id))
        } else {
            store.set_checked_in(id, Some(at))?;
            Ok(None)
        }
    }

    /// Forgets this desk's check-ins (another file, or undo and redo changed them).
    pub fn forget(&mut self) {
        self.log.clear();
    }

    /// Checks one person in, now; someone already in is flagged, never checked in twice.
    pub fn check_in(&mut self, store: &Store, id: &str, s: &Strings) -> Result<DeskResult> {
        let a = store.attendee(id)?;
        if let Some(at) = a.checked_in_at {
            return Ok(DeskResult::warn(format!(
                "{} — {} {}",
                a.data.full_name,
                s.desk_already,
                date::display_time(&at)
            )));
        }
        let now = date::now_stamp();
        let op = self.mark(store, id, &now)?;
        self.log.push((id.to_owned(), op));
        Ok(DeskResult::done(
            format!(
                "{}: {} — {}",
                s.desk_done,
                a.data.full_name,
                date::display_time(&now)
            ),
            DeskPatch::CheckIns(vec![id.to_owned()]),
        ))
    }

    /// Takes back the last check-in made at this desk.
    pub fn undo(&mut self, store: &Store, s: &Strings) -> Result<DeskResult> {
        let Some((id, op)) = self.log.pop() else {
            return Ok(DeskResult::warn(s.desk_nothing_to_undo.to_owned()));
        };
        match (&self.acting_as, op) {
            (Some(desk), Some(of)) => store.record_local(&desk_action(
                desk,
                Op::Undo {
                    attendee: id.clone(),
                    of,
                },
            ))?,
            _ => store.set_checked_in(&id, None)?,
        }
        let name = store.attendee(&id)?.data.full_name;
        Ok(DeskResult::done(
            format!("{}: {name}", s.desk_undone),
            DeskPatch::CheckIns(vec![id]),
        ))
    }

    /// Checks in everyone of a unit not yet in (its head signs for the delegation).
    pub fn check_in_unit(
        &mut self,
        store: &Store,
        data: &Data,
        unit: &str,
        s: &Strings,
    ) -> Result<DeskResult> {
        let now = date::now_stamp();
        let ids: Vec<String> = data
            .attendees
            .items
            .iter()
            .filter(|a| a.data.unit == unit && a.checked_in_at.is_none())
            .map(|a| a.id.clone())
            .collect();
        let ops = store.in_transaction(|st| {
            ids.iter()
                .map(|id| self.mark(st, id, &now))
                .collect::<Result<Vec<_>>>()
        })?;
        self.log.extend(ids.iter().cloned().zip(ops));
        Ok(DeskResult::done(
            format!("{}: {unit} ({})", s.desk_done, ids.len()),
            DeskPatch::CheckIns(ids),
        ))
    }

    /// Adds someone not on the list and checks them in.
    pub fn walk_in(&mut self, store: &Store, d: &AttendeeData, s: &Strings) -> Result<DeskResult> {
        let now = date::now_stamp();
        let (id, op) = if let Some(desk) = &self.acting_as {
            let id = crate::store::new_id();
            let action = desk_action(
                desk,
                Op::WalkIn {
                    attendee: id.clone(),
                    data: Box::new(d.clone()),
                    at: now.clone(),
                },
            );
            store.record_local(&action)?;
            (id, Some(action.op_id))
        } else {
            let id = store.in_transaction(|st| {
                let id = st.add_attendee(d)?;
                st.set_checked_in(&id, Some(&now))?;
                Ok(id)
            })?;
            (id, None)
        };
        self.log.push((id.clone(), op));
        Ok(DeskResult::done(
            format!(
                "{}: {} — {}",
                s.desk_done,
                d.full_name,
                date::display_time(&now)
            ),
            DeskPatch::Added(id),
        ))
    }
}
