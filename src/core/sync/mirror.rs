//! A desk's side: its copy of the host's list (a conference file of its own) and the
//! outbox of actions the host has not acknowledged yet.

use rusqlite::params;

use super::op::{Ack, Action, Op, Outcome};
use crate::domain::{Attendee, Conference};
use crate::error::{Error, Result};
use crate::store::Store;

impl Store {
    /// Makes this file a copy of the host's list, then lays this desk's unacknowledged
    /// actions over it again.
    pub fn mirror_replace(&self, conference: &Conference, attendees: &[Attendee]) -> Result<()> {
        self.in_transaction(|st| {
            st.set_conference(conference)?;
            st.conn().execute("DELETE FROM attendee", [])?;
            for a in attendees {
                st.mirror_insert(a)?;
            }
            st.replay_outbox()
        })
    }

    /// Takes in the people the host says changed, and the ones it deleted.
    pub fn mirror_upsert(&self, upserts: &[Attendee], deleted: &[String]) -> Result<()> {
        self.in_transaction(|st| {
            for id in deleted {
                st.conn()
                    .execute("DELETE FROM attendee WHERE id = ?1", [id])?;
            }
            for a in upserts {
                st.conn()
                    .execute("DELETE FROM attendee WHERE id = ?1", [&a.id])?;
                st.mirror_insert(a)?;
            }
            st.replay_outbox()
        })
    }

    fn mirror_insert(&self, a: &Attendee) -> Result<()> {
        crate::store::insert_attendee(self.conn(), &a.id, &a.data)?;
        self.conn().execute(
            "UPDATE attendee SET checked_in_at = ?2, checked_in_desk = ?3, created_at = ?4, updated_at = ?5
             WHERE id = ?1",
            params![
                a.id,
                a.checked_in_at,
                a.checked_in_desk,
                a.created_at,
                a.updated_at
            ],
        )?;
        Ok(())
    }

    /// Does an action here at once and keeps it for the host, in one transaction: a
    /// desk that loses power a moment later has both or neither.
    pub fn record_local(&self, action: &Action) -> Result<()> {
        let body = serde_json::to_string(action).map_err(|e| Error::Invalid(e.to_string()))?;
        self.in_transaction(|st| {
            st.apply_local(&action.op, &action.desk)?;
            st.conn().execute(
                "INSERT INTO sync_outbox (op_id, body) VALUES (?1, ?2)",
                params![action.op_id, body],
            )?;
            Ok(())
        })
    }

    fn apply_local(&self, op: &Op, desk: &str) -> Result<()> {
        match op {
            Op::CheckIn { attendee, at } => self.local_check_in(attendee, at, desk),
            Op::WalkIn { attendee, data, at } => {
                if self.attendee_keyed(attendee)?.is_none() {
                    crate::store::insert_attendee(self.conn(), attendee, data)?;
                }
                self.local_check_in(attendee, at, desk)
            }
            Op::Undo { attendee, .. } => {
                if let Some((a, _)) = self.attendee_keyed(attendee)?
                    && a.checked_in_desk.as_deref() == Some(desk)
                {
                    self.set_checked_in_by(attendee, None, None)?;
                }
                Ok(())
            }
        }
    }

    fn local_check_in(&self, id: &str, at: &str, desk: &str) -> Result<()> {
        match self.attendee_keyed(id)? {
            Some((a, _)) if a.checked_in_at.is_none() => {
                self.set_checked_in_by(id, Some(at), Some(desk))
            }
            _ => Ok(()),
        }
    }

    fn replay_outbox(&self) -> Result<()> {
        for a in self.outbox(usize::MAX)? {
            self.apply_local(&a.op, &a.desk)?;
        }
        Ok(())
    }

    /// The actions waiting for the host, oldest first (at most `limit`).
    pub fn outbox(&self, limit: usize) -> Result<Vec<Action>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT body FROM sync_outbox ORDER BY seq LIMIT ?1")?;
        let rows = stmt.query_map([limit], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for body in rows {
            out.push(serde_json::from_str(&body?).map_err(|e| Error::Invalid(e.to_string()))?);
        }
        Ok(out)
    }

    /// How many actions wait for the host.
    pub fn pending(&self) -> Result<usize> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// The host has these: they leave the outbox, and the clashes it reported are kept.
    pub fn acknowledge(&self, acks: &[Ack]) -> Result<()> {
        self.in_transaction(|st| {
            for ack in acks {
                st.conn()
                    .execute("DELETE FROM sync_outbox WHERE op_id = ?1", [&ack.op_id])?;
                if let Outcome::Clash(c) = &ack.outcome {
                    st.note_clash(c)?;
                }
            }
            Ok(())
        })
    }
}
