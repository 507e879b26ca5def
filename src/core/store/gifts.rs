//! Gift rows.

use rusqlite::{OptionalExtension as _, Row, params};

use super::{Store, new_id, now};
use crate::domain::gift::earlier_gift;
use crate::domain::{Gift, GiftData};
use crate::error::{Error, Result};
use crate::text::Query;

const COLUMNS: &str =
    "id, recipient_id, recipient_name, unit, circumstances, item, value_vnd, handed_over_at,
    handed_over_by, override_reason, created_at, updated_at, search_key";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Gift> {
    Ok(Gift {
        id: r.get(0)?,
        data: GiftData {
            recipient_id: r.get(1)?,
            recipient_name: r.get(2)?,
            unit: r.get(3)?,
            circumstances: r.get(4)?,
            item: r.get(5)?,
            value_vnd: r.get(6)?,
            handed_over_at: r.get(7)?,
            handed_over_by: r.get(8)?,
            override_reason: r.get(9)?,
        },
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

impl Store {
    pub fn gifts(&self) -> Result<Vec<Gift>> {
        self.search_gifts("")
    }

    pub fn search_gifts(&self, query: &str) -> Result<Vec<Gift>> {
        let q = Query::new(query);
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM gift ORDER BY rowid"))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let key: String = row.get(12)?;
            if q.matches(&key) {
                out.push(from_row(row)?);
            }
        }
        Ok(out)
    }

    pub fn gift(&self, id: &str) -> Result<Gift> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM gift WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// The one-gift rule, kept here so the window, imports, the command line and desks
    /// all obey it: a second gift to the same person ([`GiftData::same_recipient`]) needs
    /// an override reason; a first gift keeps none.
    fn checked_gift(&self, d: &GiftData, editing: Option<&str>) -> Result<GiftData> {
        let gifts = self.gifts()?;
        let mut d = d.clone();
        if earlier_gift(&gifts, &d, editing).is_some() {
            if d.override_reason.trim().is_empty() {
                return Err(Error::SecondGift {
                    recipient: d.recipient_name,
                });
            }
        } else {
            d.override_reason.clear();
        }
        Ok(d)
    }

    /// Gifts already recorded for the same person as `d` (not counting `editing`).
    pub fn earlier_gifts(&self, d: &GiftData, editing: Option<&str>) -> Result<Vec<Gift>> {
        Ok(self
            .gifts()?
            .into_iter()
            .filter(|g| Some(g.id.as_str()) != editing && g.data.same_recipient(d))
            .collect())
    }

    /// Adds a gift; a second one to the same person needs `override_reason`.
    pub fn add_gift(&self, d: &GiftData) -> Result<String> {
        self.writable()?;
        let d = &self.checked_gift(d, None)?;
        let id = new_id();
        self.conn.execute(
            "INSERT INTO gift (id, recipient_id, recipient_name, unit, circumstances, item, value_vnd,
                handed_over_at, handed_over_by, override_reason, search_key, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            params![
                id,
                d.recipient_id,
                d.recipient_name,
                d.unit,
                d.circumstances,
                d.item,
                d.value_vnd,
                d.handed_over_at,
                d.handed_over_by,
                d.override_reason,
                d.search_key(),
                now()
            ],
        )?;
        Ok(id)
    }

    pub fn update_gift(&self, id: &str, d: &GiftData) -> Result<()> {
        self.writable()?;
        let d = &self.checked_gift(d, Some(id))?;
        let n = self.conn.execute(
            "UPDATE gift SET recipient_id = ?2, recipient_name = ?3, unit = ?4, circumstances = ?5, item = ?6,
                value_vnd = ?7, handed_over_at = ?8, handed_over_by = ?9, override_reason = ?10,
                search_key = ?11, updated_at = ?12
             WHERE id = ?1",
            params![
                id,
                d.recipient_id,
                d.recipient_name,
                d.unit,
                d.circumstances,
                d.item,
                d.value_vnd,
                d.handed_over_at,
                d.handed_over_by,
                d.override_reason,
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

    pub fn delete_gift(&self, id: &str) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute("DELETE FROM gift WHERE id = ?1", [id])?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }
}
