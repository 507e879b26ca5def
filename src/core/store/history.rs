//! Undo and redo kept in the file, so they survive a restart.
//!
//! A change is one user command (an edit, a check-in, an import, a merge…). While it
//! runs, triggers (schema step 3) write for every row it touches the statement that
//! reverts it. Undoing runs those statements newest first; the triggers record what
//! they undo as the redo of the same change, and the other way round.

use rusqlite::{OptionalExtension as _, params};

use super::{Store, now};
use crate::error::{Error, Result};

/// How many changes are kept; older ones can no longer be undone.
const KEEP: i64 = 5_000;

/// The tables whose rows the history records, for the statements it replays.
pub const TABLES: &[&str] = &[
    "conference",
    "attendee",
    "topic",
    "question",
    "gift",
    "commendation_kind",
    "commendation",
    "office",
    "programme_item",
    "script_edit",
    "paper_details",
];

/// One recorded change, newest first in [`Store::history`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    /// When it was made ("2022-11-25 07:31:02").
    pub at: String,
    pub label: String,
    pub undone: bool,
    /// Rows touched, per table and kind of change, as the change did them.
    pub counts: Vec<StepCount>,
}

/// How many rows of one table a change added, edited or deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepCount {
    pub table: String,
    pub op: Op,
    pub rows: i64,
}

/// What a change did to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Edit,
    Delete,
}

impl Op {
    fn parse(s: &str) -> Self {
        match s {
            "add" => Self::Add,
            "delete" => Self::Delete,
            _ => Self::Edit,
        }
    }

    /// The steps of an undone change were recorded while undoing it: turned round.
    fn inverse(self) -> Self {
        match self {
            Self::Add => Self::Delete,
            Self::Delete => Self::Add,
            Self::Edit => Self::Edit,
        }
    }
}

/// One row a change touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub table: String,
    pub op: Op,
    /// The record's name as it was (a person, "số 12", a topic…); for an import's
    /// step, the first names.
    pub what: String,
    /// Rows this step stands for (more than one only for an import's added rows).
    pub rows: i64,
}

impl Store {
    /// Runs `f` as one change the user can undo, in one transaction: all of it is
    /// committed and recorded, or none of it.
    pub fn change<T>(&self, label: &str, f: impl FnOnce(&Self) -> Result<T>) -> Result<T> {
        self.begin_change(label)?;
        let out = f(self);
        self.finish_change(out.is_ok())?;
        out
    }

    /// Starts a recorded change; [`Store::finish_change`] commits or rolls it back.
    /// Prefer [`Store::change`]; this pair is for callers that cannot lend the store.
    pub fn begin_change(&self, label: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let started = (|| -> Result<()> {
            // A new change ends the chance to redo what was undone.
            self.conn.execute_batch(
                "DELETE FROM history_step WHERE change_id IN (SELECT id FROM history WHERE undone = 1);
                 DELETE FROM history WHERE undone = 1;",
            )?;
            self.conn.execute(
                "INSERT INTO history (at, label) VALUES (?1, ?2)",
                params![now(), label],
            )?;
            let id = self.conn.last_insert_rowid();
            if id % 100 == 0 {
                self.conn.execute(
                    "DELETE FROM history_step WHERE change_id <= ?1",
                    [id - KEEP],
                )?;
                self.conn
                    .execute("DELETE FROM history WHERE id <= ?1", [id - KEEP])?;
            }
            self.conn
                .execute("UPDATE history_state SET change_id = ?1, redo = 0", [id])?;
            Ok(())
        })();
        if started.is_err() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        started
    }

    /// Ends the change begun by [`Store::begin_change`]: commits it when `ok`, else
    /// rolls all of it back. A change that touched no row leaves no trace.
    pub fn finish_change(&self, ok: bool) -> Result<()> {
        if self.conn.is_autocommit() {
            return Ok(());
        }
        if !ok {
            self.conn.execute_batch("ROLLBACK")?;
            return Ok(());
        }
        let done = self.conn.execute_batch(
            "DELETE FROM history WHERE id = (SELECT change_id FROM history_state)
                AND NOT EXISTS (SELECT 1 FROM history_step
                                WHERE change_id = (SELECT change_id FROM history_state));
             UPDATE history_state SET change_id = NULL, redo = 0, bulk = 0;
             COMMIT;",
        );
        if done.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        Ok(done?)
    }

    /// Inside an open change, takes away `table`'s insert trigger so the caller can
    /// record the rows it adds itself ([`BulkInserts`]). `SQLite` runs a trigger's program
    /// for every row even when its WHEN clause is false: 0.2 s per 100,000 attendees,
    /// and the `bulk` flag of `history_state` (which only made it false) did not avoid that.
    /// DDL is part of the transaction: a rollback or a crash brings the trigger back.
    pub(crate) fn set_aside_insert_trigger(&self, table: &'static str) -> Result<SetAside> {
        debug_assert!(TABLES.contains(&table));
        if self.conn.is_autocommit() {
            return Err(Error::Invalid(
                "set_aside_insert_trigger needs an open change".into(),
            ));
        }
        self.set_aside_trigger(&format!("{table}_history_insert"))
    }

    /// Takes one trigger out for the rest of the open change (see
    /// [`Store::set_aside_insert_trigger`]).
    pub(crate) fn set_aside_trigger(&self, name: &str) -> Result<SetAside> {
        let sql: String = self.conn.query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [name],
            |r| r.get(0),
        )?;
        self.conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
        Ok(SetAside { sql })
    }

    /// Puts back a trigger taken by [`Store::set_aside_insert_trigger`], in the same change.
    pub(crate) fn restore_trigger(&self, aside: SetAside) -> Result<()> {
        let SetAside { sql } = aside;
        self.conn.execute_batch(&sql)?;
        Ok(())
    }

    /// After a panic in the middle of a change: rolls back whatever was left open, so
    /// the file holds only whole changes.
    pub fn abandon_open_change(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// The label of the change Undo would take back, if any.
    pub fn undo_label(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The label of the change Redo would make again, if any.
    pub fn redo_label(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT label FROM history WHERE undone = 1 ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// How many rows Undo (or with `redo`, Redo) would touch: the window replays a
    /// large change, such as a whole import, in the background.
    pub fn replay_rows(&self, redo: bool) -> Result<i64> {
        let sql = if redo {
            "SELECT coalesce(sum(rows), 0) FROM history_step WHERE redo = 1 AND change_id =
                (SELECT id FROM history WHERE undone = 1 ORDER BY id LIMIT 1)"
        } else {
            "SELECT coalesce(sum(rows), 0) FROM history_step WHERE redo = 0 AND change_id =
                (SELECT id FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1)"
        };
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }

    /// Takes back the newest change still in effect; returns its label.
    pub fn undo(&self) -> Result<Option<String>> {
        self.replay(false)
    }

    /// Makes the oldest undone change again; returns its label.
    pub fn redo(&self) -> Result<Option<String>> {
        self.replay(true)
    }

    fn replay(&self, redo: bool) -> Result<Option<String>> {
        self.writable()?;
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let target: Option<(i64, String)> = self
            .conn
            .query_row(
                if redo {
                    "SELECT id, label FROM history WHERE undone = 1 ORDER BY id LIMIT 1"
                } else {
                    "SELECT id, label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1"
                },
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((id, label)) = target else {
            return Ok(None);
        };
        let replayed = i64::from(redo);
        let recorded = i64::from(!redo);
        // Rows come back in the reverse order they went, so a foreign key may point to
        // a row restored a moment later: check them when the whole change is back.
        self.conn.pragma_update(None, "defer_foreign_keys", "ON")?;
        self.conn.execute(
            "DELETE FROM history_step WHERE change_id = ?1 AND redo = ?2",
            [id, recorded],
        )?;
        self.conn.execute(
            "UPDATE history_state SET change_id = ?1, redo = ?2",
            [id, recorded],
        )?;
        let statements: Vec<String> = {
            let mut st = self.conn.prepare(
                "SELECT sql FROM history_step WHERE change_id = ?1 AND redo = ?2 ORDER BY id DESC",
            )?;
            st.query_map([id, replayed], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for sql in &statements {
            check_statement(sql)?;
        }
        // `execute` refuses a second statement, so a step can only touch its rows.
        for sql in coalesce(&statements) {
            self.conn.execute(&sql, [])?;
        }
        self.conn.execute(
            "DELETE FROM history_step WHERE change_id = ?1 AND redo = ?2",
            [id, replayed],
        )?;
        self.conn.execute(
            "UPDATE history SET undone = ?2 WHERE id = ?1",
            [id, i64::from(!redo)],
        )?;
        self.conn
            .execute("UPDATE history_state SET change_id = NULL, redo = 0", [])?;
        tx.commit()?;
        Ok(Some(label))
    }

    /// The newest `limit` changes, newest first, with what each touched.
    pub fn history(&self, limit: usize) -> Result<Vec<Change>> {
        let mut changes: Vec<Change> = {
            let mut st = self
                .conn
                .prepare("SELECT id, at, label, undone FROM history ORDER BY id DESC LIMIT ?1")?;
            st.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                Ok(Change {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    label: r.get(2)?,
                    undone: r.get(3)?,
                    counts: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut st = self.conn.prepare(
            "SELECT tbl, op, sum(rows) FROM history_step WHERE change_id = ?1
             GROUP BY tbl, op ORDER BY min(id)",
        )?;
        for c in &mut changes {
            let undone = c.undone;
            c.counts = st
                .query_map([c.id], |r| {
                    let op = Op::parse(&r.get::<_, String>(1)?);
                    Ok(StepCount {
                        table: r.get(0)?,
                        op: if undone { op.inverse() } else { op },
                        rows: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(changes)
    }

    /// The rows one change touched, in the order it touched them (at most `limit`).
    pub fn change_steps(&self, change_id: i64, limit: usize) -> Result<Vec<Step>> {
        let undone: bool = self
            .conn
            .query_row(
                "SELECT undone FROM history WHERE id = ?1",
                [change_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("thay đổi {change_id}")))?;
        let mut st = self.conn.prepare(
            "SELECT tbl, op, what, rows FROM history_step WHERE change_id = ?1
             ORDER BY CASE WHEN ?2 THEN -id ELSE id END LIMIT ?3",
        )?;
        let steps = st
            .query_map(
                params![change_id, undone, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| {
                    let op = Op::parse(&r.get::<_, String>(1)?);
                    Ok(Step {
                        table: r.get(0)?,
                        op: if undone { op.inverse() } else { op },
                        what: r.get(2)?,
                        rows: r.get(3)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(steps)
    }
}

/// How many rows one replayed statement may carry.
const PER_STATEMENT: usize = 500;

/// Joins runs of one-row steps into statements of up to [`PER_STATEMENT`] rows:
/// "DELETE … WHERE id = 'a'" ×N becomes "… WHERE id IN ('a', …)", and INSERTs into
/// the same columns one multi-row INSERT. Compiling a statement that fires triggers
/// costs far more than running it: undoing 100,000 re-made rows one statement each
/// took 38 s.
fn coalesce(statements: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    // (statement head, the rows' parts, "IN" list or VALUES list)
    let mut run: Option<(&str, Vec<&str>, bool)> = None;
    let flush = |run: &mut Option<(&str, Vec<&str>, bool)>, out: &mut Vec<String>| {
        if let Some((head, parts, is_delete)) = run.take() {
            out.push(if is_delete {
                format!("{head} IN ({})", parts.join(", "))
            } else {
                format!("{head}{}", parts.join(", "))
            });
        }
    };
    for sql in statements {
        let split = split_delete(sql)
            .map(|(h, v)| (h, v, true))
            .or_else(|| split_insert(sql).map(|(h, v)| (h, v, false)));
        let Some((head, part, is_delete)) = split else {
            flush(&mut run, &mut out);
            out.push(sql.clone());
            continue;
        };
        match &mut run {
            Some((h, parts, d)) if *h == head && *d == is_delete && parts.len() < PER_STATEMENT => {
                parts.push(part);
            }
            _ => {
                flush(&mut run, &mut out);
                run = Some((head, vec![part], is_delete));
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// "DELETE FROM t WHERE id = 'x'" → ("DELETE FROM t WHERE id", "'x'").
fn split_delete(sql: &str) -> Option<(&str, &str)> {
    if !sql.starts_with("DELETE FROM ") {
        return None;
    }
    let at = sql.find(" WHERE id = ")?;
    let value = &sql[at + " WHERE id = ".len()..];
    is_string_literal(value).then(|| (&sql[..at + " WHERE id".len()], value))
}

/// "INSERT INTO t (…) VALUES (…)" → ("INSERT INTO t (…) VALUES ", "(…)").
fn split_insert(sql: &str) -> Option<(&str, &str)> {
    if !sql.starts_with("INSERT INTO ") {
        return None;
    }
    let at = sql.find(") VALUES (")? + ") VALUES ".len();
    let values = &sql[at..];
    (values.starts_with('(') && values.ends_with(')')).then(|| (&sql[..at], values))
}

/// One SQL string literal: quoted, with every quote inside doubled.
fn is_string_literal(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) else {
        return false;
    };
    inner.replace("''", "").find('\'').is_none()
}

/// A step replays only what the triggers write: one row of one of our tables. A file
/// made elsewhere with other statements in its history is refused, not obeyed.
fn check_statement(sql: &str) -> Result<()> {
    let ok = TABLES.iter().any(|t| {
        sql.strip_prefix("DELETE FROM ")
            .or_else(|| sql.strip_prefix("UPDATE "))
            .or_else(|| sql.strip_prefix("INSERT INTO "))
            .and_then(|rest| rest.strip_prefix(t))
            .is_some_and(|rest| rest.starts_with(' '))
    });
    if ok {
        Ok(())
    } else {
        Err(Error::ForeignHistory)
    }
}

/// An insert trigger taken away for the length of an import; see
/// [`Store::set_aside_insert_trigger`].
#[must_use = "the trigger must be restored before the change ends"]
pub(crate) struct SetAside {
    sql: String,
}

/// Rows an import adds, recorded as one undo step per thousand: "DELETE FROM attendee
/// WHERE id IN (…)". Only while the table's insert trigger is set aside
/// ([`Store::set_aside_insert_trigger`]), else each row would be recorded twice.
pub(crate) struct BulkInserts {
    table: &'static str,
    ids: Vec<String>,
    names: Vec<String>,
}

impl BulkInserts {
    const CHUNK: usize = 1_000;

    pub(crate) fn new(table: &'static str) -> Self {
        debug_assert!(TABLES.contains(&table));
        Self {
            table,
            ids: Vec::with_capacity(Self::CHUNK),
            names: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, store: &Store, id: &str, name: &str) -> Result<()> {
        self.ids.push(id.to_owned());
        if self.names.len() < 3 {
            self.names.push(name.to_owned());
        }
        if self.ids.len() >= Self::CHUNK {
            self.flush(store)?;
        }
        Ok(())
    }

    pub(crate) fn flush(&mut self, store: &Store) -> Result<()> {
        if self.ids.is_empty() {
            return Ok(());
        }
        let mut sql = format!("DELETE FROM {} WHERE id IN (", self.table);
        for (i, id) in self.ids.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('\'');
            sql.push_str(&id.replace('\'', "''"));
            sql.push('\'');
        }
        sql.push(')');
        let mut what = self.names.join(", ");
        if self.ids.len() > self.names.len() {
            what.push_str(", …");
        }
        store.conn.execute(
            "INSERT INTO history_step (change_id, redo, tbl, op, what, rows, sql)
             SELECT change_id, redo, ?1, 'add', ?2, ?3, ?4 FROM history_state",
            params![
                self.table,
                what,
                i64::try_from(self.ids.len()).unwrap_or(i64::MAX),
                sql
            ],
        )?;
        self.ids.clear();
        self.names.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_one_row_steps_are_joined() {
        let steps: Vec<String> = [
            "DELETE FROM attendee WHERE id = 'a'",
            "DELETE FROM attendee WHERE id = 'b''c'",
            "UPDATE attendee SET note = 'x' WHERE id = 'd'",
            "INSERT INTO topic (id, name) VALUES ('t1', 'A')",
            "INSERT INTO topic (id, name) VALUES ('t2', 'B')",
            "DELETE FROM attendee WHERE id = 'e' OR 1 = 1",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            coalesce(&steps),
            [
                "DELETE FROM attendee WHERE id IN ('a', 'b''c')",
                "UPDATE attendee SET note = 'x' WHERE id = 'd'",
                "INSERT INTO topic (id, name) VALUES ('t1', 'A'), ('t2', 'B')",
                // Not one literal: left alone, never widened.
                "DELETE FROM attendee WHERE id = 'e' OR 1 = 1",
            ]
        );
    }
}
