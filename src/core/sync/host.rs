//! The host's side: applying desks' actions once each, the feed of attendee changes,
//! the paired desks and the clashes.

use rusqlite::{OptionalExtension as _, params};

use super::op::{Ack, Action, Clash, Op, Outcome};
use crate::domain::Attendee;
use crate::error::{Error, Result};
use crate::store::Store;

/// How the feed answers "what changed since": a few people, or reload everyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Nothing,
    /// These attendees changed (their rows as they are now) and these were deleted.
    Some {
        upserts: Vec<Attendee>,
        deleted: Vec<String>,
    },
    /// Too much changed (an import, a restore): read the whole list again.
    All,
}

/// Beyond this many people changed at once, a desk is sent the whole list again.
const MAX_PATCH: usize = 2_000;

/// A desk paired with this file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRow {
    pub desk_id: String,
    pub name: String,
    pub paired_at: String,
    pub revoked: bool,
    pub last_seen: Option<String>,
    pub check_ins: i64,
}

fn stamp_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => a.cmp(&b),
        _ => a.cmp(b),
    }
}

/// The name a check-in made in the host's own window goes by.
pub const HOST_DESK: &str = "Máy chủ";

impl Store {
    /// Applies desks' actions in one change of the history, each once: an action seen
    /// before gets the answer it got then. Returns one answer per action, in order.
    ///
    /// The change's label counts only what changed the file: a check-in dropped (the
    /// person is not on the list), a repeat or an action seen before is not history.
    pub fn apply_actions(&self, actions: &[Action]) -> Result<Vec<Ack>> {
        let desk = actions.first().map_or("", |a| a.desk.as_str());
        self.change(desk, |st| {
            let acks = actions
                .iter()
                .map(|a| st.apply_one(a))
                .collect::<Result<Vec<Ack>>>()?;
            let changed: Vec<&Action> = actions
                .iter()
                .zip(&acks)
                .filter(|(a, ack)| changed_file(a, &ack.outcome))
                .map(|(a, _)| a)
                .collect();
            let label = match changed.as_slice() {
                [one] => format!("{}: {}", one.desk, label_of(st, &one.op)),
                many => format!("{desk}: {} lượt điểm danh", many.len()),
            };
            st.conn().execute(
                "UPDATE history SET label = ?1 WHERE id = (SELECT change_id FROM history_state)",
                [label],
            )?;
            Ok(acks)
        })
    }

    fn apply_one(&self, a: &Action) -> Result<Ack> {
        let conn = self.conn();
        let seen: Option<String> = conn
            .query_row(
                "SELECT outcome FROM sync_op WHERE op_id = ?1",
                [&a.op_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(json) = seen {
            let outcome = serde_json::from_str(&json).map_err(|e| Error::Invalid(e.to_string()))?;
            return Ok(Ack {
                op_id: a.op_id.clone(),
                outcome,
            });
        }
        let outcome = match &a.op {
            Op::CheckIn { attendee, at } => self.desk_check_in(attendee, at, a)?,
            Op::WalkIn { attendee, data, at } => {
                if self.attendee_keyed(attendee)?.is_none() {
                    crate::store::insert_attendee(conn, attendee, data)?;
                }
                self.desk_check_in(attendee, at, a)?
            }
            Op::Undo { attendee, of } => self.desk_undo(attendee, of, &a.desk)?,
        };
        let at = match &a.op {
            Op::CheckIn { at, .. } | Op::WalkIn { at, .. } => Some(at.as_str()),
            Op::Undo { .. } => None,
        };
        let json = serde_json::to_string(&outcome).map_err(|e| Error::Invalid(e.to_string()))?;
        conn.execute(
            "INSERT INTO sync_op (op_id, desk_id, desk_name, kind, attendee_id, at, outcome, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                a.op_id,
                a.desk_id,
                a.desk,
                a.op.kind(),
                a.op.attendee(),
                at,
                json,
                crate::domain::date::now_stamp()
            ],
        )?;
        if matches!(outcome, Outcome::Applied) && at.is_some() {
            conn.execute(
                "UPDATE sync_desk SET check_ins = check_ins + 1 WHERE desk_id = ?1",
                [&a.desk_id],
            )?;
        }
        Ok(Ack {
            op_id: a.op_id.clone(),
            outcome,
        })
    }

    /// A check-in from a desk: the first stands; a second at the same desk is a repeat
    /// (counted once); a second at another desk is a clash, and the earlier of the two
    /// times is kept.
    fn desk_check_in(&self, id: &str, at: &str, action: &Action) -> Result<Outcome> {
        let desk = action.desk.as_str();
        let Some((person, _)) = self.attendee_keyed(id)? else {
            return Ok(Outcome::Unknown);
        };
        let Some(existing) = person.checked_in_at.clone() else {
            self.set_checked_in_by(id, Some(at), Some(desk))?;
            return Ok(Outcome::Applied);
        };
        if self.standing_desk_id(id, &existing)?.as_deref() == Some(action.desk_id.as_str()) {
            return Ok(Outcome::Repeat);
        }
        let existing_desk = person
            .checked_in_desk
            .clone()
            .unwrap_or_else(|| HOST_DESK.to_owned());
        let earlier = stamp_cmp(at, &existing).is_lt();
        let clash = if earlier {
            self.set_checked_in_by(id, Some(at), Some(desk))?;
            Clash {
                attendee_id: id.to_owned(),
                full_name: person.data.full_name.clone(),
                kept_desk: desk.to_owned(),
                kept_at: at.to_owned(),
                other_desk: existing_desk,
                other_at: existing,
            }
        } else {
            Clash {
                attendee_id: id.to_owned(),
                full_name: person.data.full_name.clone(),
                kept_desk: existing_desk,
                kept_at: existing,
                other_desk: desk.to_owned(),
                other_at: at.to_owned(),
            }
        };
        self.conn().execute(
            "INSERT INTO sync_clash (attendee_id, full_name, kept_desk, kept_at, other_desk, other_at, noted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                clash.attendee_id,
                clash.full_name,
                clash.kept_desk,
                clash.kept_at,
                clash.other_desk,
                clash.other_at,
                crate::domain::date::now_stamp()
            ],
        )?;
        Ok(Outcome::Clash(clash))
    }

    /// The desk whose action made the check-in standing at `at`; none when it was made
    /// in the host's own window (or a file from before desks).
    fn standing_desk_id(&self, id: &str, at: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT desk_id FROM sync_op WHERE attendee_id = ?1 AND at = ?2
                 AND kind IN ('check_in', 'walk_in') ORDER BY rowid DESC LIMIT 1",
                params![id, at],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A desk takes back its own check-in, if it is the one standing.
    fn desk_undo(&self, id: &str, of: &str, desk: &str) -> Result<Outcome> {
        let Some((person, _)) = self.attendee_keyed(id)? else {
            return Ok(Outcome::Unknown);
        };
        let of_at: Option<String> = self
            .conn()
            .query_row(
                "SELECT at FROM sync_op WHERE op_id = ?1 AND attendee_id = ?2",
                params![of, id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        let standing = of_at.is_some()
            && person.checked_in_at == of_at
            && person.checked_in_desk.as_deref() == Some(desk);
        if standing {
            self.set_checked_in_by(id, None, None)?;
            Ok(Outcome::Undone)
        } else {
            Ok(Outcome::NotUndone)
        }
    }

    /// A number that changes when another connection (a desk's, the command line's)
    /// commits to the file; this connection's own commits leave it.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The newest entry of the change feed (0 when nothing ever changed).
    pub fn change_seq(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT coalesce(max(seq), 0) FROM sync_change", [], |r| {
                r.get(0)
            })?)
    }

    /// What changed after feed entry `seq`, and the newest entry read.
    pub fn changed_since(&self, seq: i64) -> Result<(Changed, i64)> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT seq, attendee_id FROM sync_change WHERE seq > ?1 ORDER BY seq",
        )?;
        let mut newest = seq;
        let mut ids: Vec<String> = Vec::new();
        let mut all = false;
        let mut rows = stmt.query([seq])?;
        while let Some(r) = rows.next()? {
            newest = r.get(0)?;
            match r.get::<_, Option<String>>(1)? {
                Some(id) if !all => ids.push(id),
                Some(_) => {}
                None => all = true,
            }
        }
        if newest == seq {
            return Ok((Changed::Nothing, seq));
        }
        ids.sort_unstable();
        ids.dedup();
        if all || ids.len() > MAX_PATCH {
            return Ok((Changed::All, newest));
        }
        let mut upserts = Vec::new();
        let mut deleted = Vec::new();
        for id in ids {
            match self.attendee_keyed(&id)? {
                Some((a, _)) => upserts.push(a),
                None => deleted.push(id),
            }
        }
        Ok((Changed::Some { upserts, deleted }, newest))
    }

    /// Pairs a desk (or pairs it again under a new token).
    pub fn pair_desk(&self, desk_id: &str, name: &str, token_hash: &[u8]) -> Result<()> {
        self.writable()?;
        self.conn().execute(
            "INSERT INTO sync_desk (desk_id, name, token_hash, paired_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (desk_id) DO UPDATE SET name = ?2, token_hash = ?3, paired_at = ?4, revoked = 0",
            params![desk_id, name, token_hash, crate::domain::date::now_stamp()],
        )?;
        Ok(())
    }

    /// The desk PIN of a locked file: 8 digits, the passphrase of every desk's copy of
    /// the list. `None` for an open (unlocked) file, whose desks keep open copies, or
    /// while none was made yet.
    pub fn desk_pin(&self) -> Result<Option<String>> {
        if !self.is_locked() {
            return Ok(None);
        }
        Ok(self
            .conn()
            .query_row("SELECT pin FROM desk_pin WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// Keeps a new desk PIN (made by the host from a secure random source) in the file;
    /// refused for an unlocked file, which would hold it in clear. Desks paired before
    /// keep the PIN they have.
    pub fn set_desk_pin(&self, pin: &str) -> Result<()> {
        self.writable()?;
        if !self.is_locked() {
            return Err(Error::Invalid(
                "tệp chưa khoá bằng mật khẩu: bàn không cần mã PIN".into(),
            ));
        }
        if pin.len() != 8 || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::Invalid("mã PIN của bàn phải có 8 chữ số".into()));
        }
        self.conn().execute(
            "INSERT INTO desk_pin (id, pin, made_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET pin = ?1, made_at = ?2",
            params![pin, crate::domain::date::now_stamp()],
        )?;
        Ok(())
    }

    /// Whether this desk was given the desk PIN (and so must prove it knows it).
    pub fn desk_pin_given(&self, desk_id: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT pin_given FROM sync_desk WHERE desk_id = ?1",
                [desk_id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .is_some_and(|g| g != 0))
    }

    /// Notes that this desk was given the desk PIN (or, `false`, that it was paired
    /// again without one).
    pub fn note_desk_pin_given(&self, desk_id: &str, given: bool) -> Result<()> {
        self.conn().execute(
            "UPDATE sync_desk SET pin_given = ?2 WHERE desk_id = ?1",
            params![desk_id, i64::from(given)],
        )?;
        Ok(())
    }

    /// The token hash of a paired, not removed desk.
    pub fn desk_token_hash(&self, desk_id: &str) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT token_hash FROM sync_desk WHERE desk_id = ?1 AND revoked = 0",
                [desk_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Notes that a desk was heard from, and the name it goes by now.
    pub fn touch_desk(&self, desk_id: &str, name: &str) -> Result<()> {
        self.conn().execute(
            "UPDATE sync_desk SET last_seen = ?2, name = ?3 WHERE desk_id = ?1",
            params![desk_id, crate::domain::date::now_stamp(), name],
        )?;
        Ok(())
    }

    /// Removes a desk: its token no longer opens anything.
    pub fn revoke_desk(&self, desk_id: &str) -> Result<()> {
        self.writable()?;
        self.conn().execute(
            "UPDATE sync_desk SET revoked = 1 WHERE desk_id = ?1",
            [desk_id],
        )?;
        Ok(())
    }

    /// Every desk paired with this file, newest first.
    pub fn desks(&self) -> Result<Vec<DeskRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT desk_id, name, paired_at, revoked, last_seen, check_ins FROM sync_desk
             ORDER BY paired_at DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(DeskRow {
                desk_id: r.get(0)?,
                name: r.get(1)?,
                paired_at: r.get(2)?,
                revoked: r.get::<_, i64>(3)? != 0,
                last_seen: r.get(4)?,
                check_ins: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every clash between desks, newest first.
    pub fn clashes(&self) -> Result<Vec<Clash>> {
        let mut stmt = self.conn().prepare(
            "SELECT attendee_id, full_name, kept_desk, kept_at, other_desk, other_at FROM sync_clash
             ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Clash {
                attendee_id: r.get(0)?,
                full_name: r.get(1)?,
                kept_desk: r.get(2)?,
                kept_at: r.get(3)?,
                other_desk: r.get(4)?,
                other_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Notes a clash found elsewhere (a desk keeps the ones the host told it about).
    pub fn note_clash(&self, c: &Clash) -> Result<()> {
        self.conn().execute(
            "INSERT INTO sync_clash (attendee_id, full_name, kept_desk, kept_at, other_desk, other_at, noted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                c.attendee_id,
                c.full_name,
                c.kept_desk,
                c.kept_at,
                c.other_desk,
                c.other_at,
                crate::domain::date::now_stamp()
            ],
        )?;
        Ok(())
    }
}

/// Whether an action's outcome changed the host's file (and so belongs in its history).
fn changed_file(a: &Action, outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Applied | Outcome::Undone => true,
        // This desk's earlier time now stands.
        Outcome::Clash(c) => match &a.op {
            Op::CheckIn { at, .. } | Op::WalkIn { at, .. } => {
                c.kept_desk == a.desk && c.kept_at == *at
            }
            Op::Undo { .. } => false,
        },
        Outcome::Repeat | Outcome::NotUndone | Outcome::Unknown => false,
    }
}

fn label_of(store: &Store, op: &Op) -> String {
    let name = store
        .attendee_keyed(op.attendee())
        .ok()
        .flatten()
        .map(|(a, _)| a.data.full_name);
    let name = match op {
        Op::WalkIn { data, .. } => data.full_name.clone(),
        _ => name.unwrap_or_default(),
    };
    match op {
        Op::Undo { .. } => format!("hoàn tác điểm danh {name}"),
        _ => format!("điểm danh {name}"),
    }
}
