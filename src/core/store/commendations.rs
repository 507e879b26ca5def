//! Commendation rows and the editable list of commendation kinds.

use rusqlite::{OptionalExtension as _, Row, params};

use super::{Store, new_id, now};
use crate::domain::{Commendation, CommendationData};
use crate::error::{Error, Result};
use crate::text::Query;

const COLUMNS: &str =
    "id, kind, collective, recipient_id, recipient_name, rank, position, unit, achievement,
    decision_number, decision_date, issuer, stage_order, created_at, updated_at, search_key";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Commendation> {
    Ok(Commendation {
        id: r.get(0)?,
        data: CommendationData {
            kind: r.get(1)?,
            collective: r.get(2)?,
            recipient_id: r.get(3)?,
            recipient_name: r.get(4)?,
            rank: r.get(5)?,
            position: r.get(6)?,
            unit: r.get(7)?,
            achievement: r.get(8)?,
            decision_number: r.get(9)?,
            decision_date: r.get(10)?,
            issuer: r.get(11)?,
            stage_order: r.get(12)?,
        },
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

impl Store {
    /// Every commendation in stage order.
    pub fn commendations(&self) -> Result<Vec<Commendation>> {
        self.search_commendations("")
    }

    pub fn search_commendations(&self, query: &str) -> Result<Vec<Commendation>> {
        let q = Query::new(query);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM commendation ORDER BY stage_order, rowid"
        ))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let key: String = row.get(15)?;
            if q.matches(&key) {
                out.push(from_row(row)?);
            }
        }
        Ok(out)
    }

    pub fn commendation(&self, id: &str) -> Result<Commendation> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM commendation WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// The stage position a new commendation gets: after the last one.
    pub fn next_stage_order(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(stage_order), 0) + 1 FROM commendation",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn add_commendation(&self, d: &CommendationData) -> Result<String> {
        self.writable()?;
        let id = new_id();
        self.conn.execute(
            "INSERT INTO commendation (id, kind, collective, recipient_id, recipient_name, rank, position, unit,
                achievement, decision_number, decision_date, issuer, stage_order, search_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            params![
                id,
                d.kind,
                d.collective,
                d.recipient_id,
                d.recipient_name,
                d.rank,
                d.position,
                d.unit,
                d.achievement,
                d.decision_number,
                d.decision_date,
                d.issuer,
                d.stage_order,
                d.search_key(),
                now()
            ],
        )?;
        Ok(id)
    }

    pub fn update_commendation(&self, id: &str, d: &CommendationData) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute(
            "UPDATE commendation SET kind = ?2, collective = ?3, recipient_id = ?4, recipient_name = ?5, rank = ?6,
                position = ?7, unit = ?8, achievement = ?9, decision_number = ?10, decision_date = ?11,
                issuer = ?12, stage_order = ?13, search_key = ?14, updated_at = ?15
             WHERE id = ?1",
            params![
                id,
                d.kind,
                d.collective,
                d.recipient_id,
                d.recipient_name,
                d.rank,
                d.position,
                d.unit,
                d.achievement,
                d.decision_number,
                d.decision_date,
                d.issuer,
                d.stage_order,
                d.search_key(),
                now()
            ],
        )?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }

    pub fn delete_commendation(&self, id: &str) -> Result<()> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM commendation WHERE id = ?1", [id])?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }

    /// The editable list of commendation kinds, in order.
    pub fn commendation_kinds(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM commendation_kind ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Moves a commendation one place up (earlier on stage) or down, swapping with its neighbour.
    pub fn move_commendation(&self, id: &str, up: bool) -> Result<()> {
        self.in_transaction(|s| {
            let all = s.commendations()?;
            let Some(pos) = all.iter().position(|c| c.id == id) else {
                return Err(Error::NotFound(id.to_owned()));
            };
            let other = if up { pos.checked_sub(1) } else { Some(pos + 1) };
            let (Some(me), Some(them)) = (all.get(pos), other.and_then(|o| all.get(o))) else {
                return Ok(());
            };
            // Renumber 1..n first so equal or sparse orders still swap cleanly.
            let stamp = now();
            for (i, c) in all.iter().enumerate() {
                let mut order = i64::try_from(i + 1).unwrap_or(i64::MAX);
                if c.id == me.id {
                    order = i64::try_from(other.unwrap_or(pos) + 1).unwrap_or(i64::MAX);
                } else if c.id == them.id {
                    order = i64::try_from(pos + 1).unwrap_or(i64::MAX);
                }
                s.conn.execute(
                    "UPDATE commendation SET stage_order = ?2, updated_at = ?3 WHERE id = ?1 AND stage_order <> ?2",
                    params![c.id, order, stamp],
                )?;
            }
            Ok(())
        })
    }
}
