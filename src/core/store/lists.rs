//! The conference's editable lists: question topics, commendation kinds and the ladder
//! of offices (protocol order). A topic or kind in use cannot be deleted, only merged
//! into another, so no record loses its topic or kind; an office names no record (people
//! are matched to it by their position), so it can always go.

use rusqlite::params;

use super::{Store, new_id, now};
use crate::domain::protocol::Office;
use crate::error::{Error, Result};
use crate::text::{fold, normalize};

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Topics,
    CommendationKinds,
    /// The ladder of offices, top first (protocol order).
    Offices,
}

impl List {
    fn table(self) -> &'static str {
        match self {
            Self::Topics => "topic",
            Self::CommendationKinds => "commendation_kind",
            Self::Offices => "office",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Topics => "Chủ đề",
            Self::CommendationKinds => "Hình thức khen thưởng",
            Self::Offices => "Chức vụ",
        }
    }
}

/// An entry and how many records use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    pub id: String,
    pub name: String,
    pub uses: i64,
}

impl Store {
    /// The entries in their order.
    pub fn list_entries(&self, list: List) -> Result<Vec<ListEntry>> {
        let sql = match list {
            List::Topics => {
                "SELECT t.id, t.name, (SELECT count(*) FROM question q WHERE q.topic_id = t.id)
                 FROM topic t ORDER BY t.position, t.name"
            }
            List::CommendationKinds => {
                "SELECT k.id, k.name, (SELECT count(*) FROM commendation c WHERE c.kind = k.name)
                 FROM commendation_kind k ORDER BY k.position, k.name"
            }
            List::Offices => "SELECT id, name, 0 FROM office ORDER BY position, name",
        };
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(ListEntry {
                id: r.get(0)?,
                name: r.get(1)?,
                uses: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn entry(&self, list: List, id: &str) -> Result<ListEntry> {
        self.list_entries(list)?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// A clean, new name: not empty, not already in the list (accents and case aside).
    fn checked_name(&self, list: List, name: &str, except: Option<&str>) -> Result<String> {
        let name = normalize(name);
        if name.is_empty() {
            return Err(Error::Invalid(format!(
                "{} không được để trống",
                list.noun()
            )));
        }
        let key = fold(&name);
        if self
            .list_entries(list)?
            .iter()
            .any(|e| Some(e.id.as_str()) != except && fold(&e.name) == key)
        {
            return Err(Error::Invalid(format!("{} \"{name}\" đã có", list.noun())));
        }
        Ok(name)
    }

    /// Adds an entry at the end.
    pub fn add_entry(&self, list: List, name: &str) -> Result<String> {
        self.writable()?;
        let name = self.checked_name(list, name, None)?;
        let id = new_id();
        self.conn.execute(
            &format!(
                "INSERT INTO {t} (id, name, position, created_at, updated_at)
                 VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM {t}), ?3, ?3)",
                t = list.table()
            ),
            params![id, name, now()],
        )?;
        Ok(id)
    }

    /// Renames an entry; commendations carry their kind's name and follow it.
    pub fn rename_entry(&self, list: List, id: &str, name: &str) -> Result<()> {
        self.writable()?;
        let name = self.checked_name(list, name, Some(id))?;
        self.in_transaction(|s| {
            let old = s.entry(list, id)?;
            if list == List::CommendationKinds {
                s.relabel_commendations(&old.name, &name)?;
            }
            s.conn.execute(
                &format!(
                    "UPDATE {} SET name = ?2, updated_at = ?3 WHERE id = ?1",
                    list.table()
                ),
                params![id, name, now()],
            )?;
            Ok(())
        })
    }

    fn relabel_commendations(&self, from: &str, to: &str) -> Result<()> {
        for c in self
            .commendations()?
            .into_iter()
            .filter(|c| c.data.kind == from)
        {
            let mut d = c.data;
            to.clone_into(&mut d.kind);
            self.update_commendation(&c.id, &d)?;
        }
        Ok(())
    }

    /// Moves an entry one place up or down.
    pub fn move_entry(&self, list: List, id: &str, up: bool) -> Result<()> {
        self.writable()?;
        self.in_transaction(|s| {
            let mut all = s.list_entries(list)?;
            let Some(pos) = all.iter().position(|e| e.id == id) else {
                return Err(Error::NotFound(id.to_owned()));
            };
            let other = if up { pos.checked_sub(1) } else { Some(pos + 1) };
            match other {
                Some(o) if o < all.len() => all.swap(pos, o),
                _ => return Ok(()),
            }
            let stamp = now();
            for (i, e) in all.iter().enumerate() {
                s.conn.execute(
                    &format!(
                        "UPDATE {} SET position = ?2, updated_at = ?3 WHERE id = ?1 AND position <> ?2",
                        list.table()
                    ),
                    params![e.id, i64::try_from(i).unwrap_or(i64::MAX), stamp],
                )?;
            }
            Ok(())
        })
    }

    /// Moves every record of `from` to `into` and removes `from`.
    pub fn merge_entry(&self, list: List, from: &str, into: &str) -> Result<()> {
        self.writable()?;
        if from == into {
            return Ok(());
        }
        self.in_transaction(|s| {
            let (a, b) = (s.entry(list, from)?, s.entry(list, into)?);
            match list {
                List::Topics => {
                    s.conn.execute(
                        "UPDATE question SET topic_id = ?2, updated_at = ?3 WHERE topic_id = ?1",
                        params![a.id, b.id, now()],
                    )?;
                }
                List::CommendationKinds => s.relabel_commendations(&a.name, &b.name)?,
                List::Offices => {}
            }
            s.conn.execute(
                &format!("DELETE FROM {} WHERE id = ?1", list.table()),
                params![a.id],
            )?;
            Ok(())
        })
    }

    /// The ladder of offices, top first.
    pub fn offices(&self) -> Result<Vec<Office>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, aliases FROM office ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Office {
                id: r.get(0)?,
                name: r.get(1)?,
                aliases: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The other ways people write an office ("PGĐ, P.GĐ"), comma separated.
    pub fn set_office_aliases(&self, id: &str, aliases: &str) -> Result<()> {
        self.writable()?;
        let aliases = normalize(aliases);
        let n = self.conn.execute(
            "UPDATE office SET aliases = ?2, updated_at = ?3 WHERE id = ?1 AND aliases <> ?2",
            params![id, aliases, now()],
        )?;
        if n == 0 && self.entry(List::Offices, id).is_err() {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Deletes an entry no record uses; one in use must be merged instead.
    pub fn delete_entry(&self, list: List, id: &str) -> Result<()> {
        self.writable()?;
        let e = self.entry(list, id)?;
        if e.uses > 0 {
            return Err(Error::Invalid(format!(
                "{} \"{}\" đang được dùng cho {} bản ghi; hãy gộp vào mục khác thay vì xoá",
                list.noun(),
                e.name,
                e.uses
            )));
        }
        self.conn.execute(
            &format!("DELETE FROM {} WHERE id = ?1", list.table()),
            params![id],
        )?;
        Ok(())
    }
}
