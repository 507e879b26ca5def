//! The check-in desk's controller: it checks people in, remembers what this desk did
//! for its Ctrl+Z, and words the large message the person at the door reads.

use crate::domain::{AttendeeData, date};
use crate::error::Result;
use crate::store::Store;
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

/// The check-ins made at this desk, newest last, for its own undo.
#[derive(Debug, Default)]
pub struct DeskController {
    log: Vec<String>,
}

impl DeskController {
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
        store.set_checked_in(id, Some(&now))?;
        self.log.push(id.to_owned());
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
        let Some(id) = self.log.pop() else {
            return Ok(DeskResult::warn(s.desk_nothing_to_undo.to_owned()));
        };
        store.set_checked_in(&id, None)?;
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
        store.in_transaction(|st| {
            ids.iter()
                .try_for_each(|id| st.set_checked_in(id, Some(&now)))
        })?;
        self.log.extend(ids.iter().cloned());
        Ok(DeskResult::done(
            format!("{}: {unit} ({})", s.desk_done, ids.len()),
            DeskPatch::CheckIns(ids),
        ))
    }

    /// Adds someone not on the list and checks them in.
    pub fn walk_in(&mut self, store: &Store, d: &AttendeeData, s: &Strings) -> Result<DeskResult> {
        let now = date::now_stamp();
        let id = store.in_transaction(|st| {
            let id = st.add_attendee(d)?;
            st.set_checked_in(&id, Some(&now))?;
            Ok(id)
        })?;
        self.log.push(id.clone());
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
