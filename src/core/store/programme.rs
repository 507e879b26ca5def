//! The programme's items and the organiser's rewrites of the script.

use std::collections::HashMap;

use rusqlite::{OptionalExtension as _, params};

use super::{Store, new_id, now};
use crate::domain::programme::{Item, ItemData, Part, SEED};
use crate::error::{Error, Result};

impl Store {
    /// The programme, in order.
    pub fn programme(&self) -> Result<Vec<Item>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, position, start_time, title, part, lead_id, lead_name, notes,
                presenter_id, presenter_name, arrangement
             FROM programme_item ORDER BY position, rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Item {
                id: r.get(0)?,
                position: r.get(1)?,
                data: ItemData {
                    start_time: r.get(2)?,
                    title: r.get(3)?,
                    part: Part::from_code(&r.get::<_, String>(4)?),
                    lead_id: r.get(5)?,
                    lead_name: r.get(6)?,
                    notes: r.get(7)?,
                    presenter_id: r.get(8)?,
                    presenter_name: r.get(9)?,
                },
                arrangement: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an item at the end of the programme.
    pub fn add_item(&self, d: &ItemData) -> Result<String> {
        self.writable()?;
        let id = new_id();
        let stamp = now();
        self.conn().execute(
            "INSERT INTO programme_item (id, position, start_time, title, part, lead_id, lead_name, notes,
                created_at, updated_at, presenter_id, presenter_name)
             VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM programme_item), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10)",
            params![id, d.start_time, d.title, d.part.code(), d.lead_id, d.lead_name, d.notes, stamp,
                d.presenter_id, d.presenter_name],
        )?;
        Ok(id)
    }

    pub fn update_item(&self, id: &str, d: &ItemData) -> Result<()> {
        self.writable()?;
        let n = self.conn().execute(
            "UPDATE programme_item SET start_time = ?2, title = ?3, part = ?4, lead_id = ?5,
                lead_name = ?6, notes = ?7, updated_at = ?8, presenter_id = ?9, presenter_name = ?10
             WHERE id = ?1",
            params![
                id,
                d.start_time,
                d.title,
                d.part.code(),
                d.lead_id,
                d.lead_name,
                d.notes,
                now(),
                d.presenter_id,
                d.presenter_name
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Keeps the organiser's own order of an item's introduction (JSON of
    /// [`crate::script::Arrangement`]), or with an empty text goes back to protocol order.
    pub fn set_arrangement(&self, id: &str, arrangement: &str) -> Result<()> {
        self.writable()?;
        let n = self.conn().execute(
            "UPDATE programme_item SET arrangement = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, arrangement, now()],
        )?;
        if n == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Deletes an item and the rewrites of its script.
    pub fn delete_item(&self, id: &str) -> Result<()> {
        self.writable()?;
        self.in_transaction(|st| {
            st.conn()
                .execute("DELETE FROM script_edit WHERE item_id = ?1", [id])?;
            let n = st
                .conn()
                .execute("DELETE FROM programme_item WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(Error::NotFound(id.to_owned()));
            }
            Ok(())
        })
    }

    /// Moves an item one place earlier (`up`) or later.
    pub fn move_item(&self, id: &str, up: bool) -> Result<()> {
        self.writable()?;
        self.in_transaction(|st| {
            let items = st.programme()?;
            let Some(i) = items.iter().position(|it| it.id == id) else {
                return Err(Error::NotFound(id.to_owned()));
            };
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            let Some(other) = j.and_then(|j| items.get(j)) else {
                return Ok(());
            };
            // Number every item by its place, then swap the two.
            for (n, it) in items.iter().enumerate() {
                let mut place = i64::try_from(n + 1).unwrap_or(i64::MAX);
                if it.id == id {
                    place = i64::try_from(j.unwrap_or(i) + 1).unwrap_or(i64::MAX);
                } else if it.id == other.id {
                    place = i64::try_from(i + 1).unwrap_or(i64::MAX);
                }
                if place != it.position {
                    st.conn().execute(
                        "UPDATE programme_item SET position = ?2, updated_at = ?3 WHERE id = ?1",
                        params![it.id, place, now()],
                    )?;
                }
            }
            Ok(())
        })
    }

    /// Fills an empty programme with the usual order of a dialogue conference.
    pub fn seed_programme(&self) -> Result<usize> {
        self.writable()?;
        if !self.programme()?.is_empty() {
            return Ok(0);
        }
        self.in_transaction(|st| {
            for (time, title, part) in SEED {
                st.add_item(&ItemData {
                    start_time: time.to_owned(),
                    title: title.to_owned(),
                    part,
                    ..ItemData::default()
                })?;
            }
            Ok(SEED.len())
        })
    }

    /// The organiser's rewrites, by (item id, paragraph key).
    pub fn script_edits(&self) -> Result<HashMap<(String, String), String>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT item_id, key, text FROM script_edit")?;
        let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a rewrite of a paragraph, or with `None` goes back to the generated text.
    pub fn set_script_edit(&self, item_id: &str, key: &str, text: Option<&str>) -> Result<()> {
        self.writable()?;
        let id = format!("{item_id}|{key}");
        let exists: Option<i64> = self
            .conn()
            .query_row("SELECT 1 FROM script_edit WHERE id = ?1", [&id], |r| {
                r.get(0)
            })
            .optional()?;
        match (text, exists) {
            (None, _) => {
                self.conn()
                    .execute("DELETE FROM script_edit WHERE id = ?1", [&id])?;
            }
            (Some(t), Some(_)) => {
                self.conn().execute(
                    "UPDATE script_edit SET text = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, t, now()],
                )?;
            }
            (Some(t), None) => {
                let stamp = now();
                self.conn().execute(
                    "INSERT INTO script_edit (id, item_id, key, text, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![id, item_id, key, t, stamp],
                )?;
            }
        }
        Ok(())
    }

    /// Marks an attendee absent with a reason (or takes it back).
    pub fn set_excused(&self, id: &str, excused: bool, reason: &str) -> Result<()> {
        self.writable()?;
        let n = self.conn().execute(
            "UPDATE attendee SET excused = ?2, absence_reason = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, excused, reason, now()],
        )?;
        if n == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }
}
