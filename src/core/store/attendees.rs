//! Attendee rows.

use rusqlite::{OptionalExtension as _, Row, params};

use super::history::BulkInserts;
use super::{Store, new_id, now};
use crate::domain::{Attendee, AttendeeData};
use crate::error::{Error, Result};
use crate::text::Query;

const COLUMNS: &str =
    "id, full_name, gender, birth_year, rank, position, unit, district, group_name,
    phone, note, checked_in_at, created_at, updated_at, protocol_order, checked_in_desk,
    coalesce(badge_code, ''), excused, absence_reason";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Attendee> {
    Ok(Attendee {
        id: r.get(0)?,
        data: AttendeeData {
            full_name: r.get(1)?,
            gender: r.get(2)?,
            birth_year: r.get(3)?,
            rank: r.get(4)?,
            position: r.get(5)?,
            unit: r.get(6)?,
            district: r.get(7)?,
            group: r.get(8)?,
            phone: r.get(9)?,
            note: r.get(10)?,
            protocol_order: r.get(14)?,
            badge_code: r.get(16)?,
            excused: r.get::<_, i64>(17)? != 0,
            absence_reason: r.get(18)?,
        },
        checked_in_at: r.get(11)?,
        checked_in_desk: r.get(15)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

/// Inserts one attendee on any connection or transaction.
pub(crate) fn insert(
    conn: &rusqlite::Connection,
    id: &str,
    d: &AttendeeData,
    stamp: &str,
) -> Result<()> {
    let keys = d.keys();
    insert_keyed(conn, id, d, (&keys.0, &keys.1, &keys.2), stamp)
}

fn code_taken(conn: &rusqlite::Connection, code: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM attendee WHERE badge_code = ?1")?
        .exists([code])?)
}

/// The badge code a new attendee gets: the one the list brought if it is free, else a
/// fresh one no one has.
fn free_code(conn: &rusqlite::Connection, wanted: &str) -> Result<String> {
    if !wanted.is_empty() && !code_taken(conn, wanted)? {
        return Ok(wanted.to_owned());
    }
    loop {
        let code = crate::domain::attendee::new_badge_code();
        if !code_taken(conn, &code)? {
            return Ok(code);
        }
    }
}

/// Gives every attendee without a badge code one (files from before codes existed).
pub(crate) fn fill_badge_codes(conn: &rusqlite::Connection) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM attendee WHERE badge_code IS NULL OR badge_code = ''")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let code = free_code(conn, "")?;
        conn.execute(
            "UPDATE attendee SET badge_code = ?2 WHERE id = ?1",
            params![id, code],
        )?;
    }
    Ok(())
}

/// Inserts one attendee whose folded keys (search, name, unit) are already known (import).
pub(crate) fn insert_keyed(
    conn: &rusqlite::Connection,
    id: &str,
    d: &AttendeeData,
    (search_key, name_key, unit_key): (&str, &str, &str),
    stamp: &str,
) -> Result<()> {
    let code = free_code(conn, &d.badge_code)?;
    conn.prepare_cached(
        "INSERT INTO attendee (id, full_name, gender, birth_year, rank, position, unit, district, group_name,
            phone, note, search_key, name_key, unit_key, protocol_order, created_at, updated_at, badge_code,
            excused, absence_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
            id,
            d.full_name,
            d.gender,
            d.birth_year,
            d.rank,
            d.position,
            d.unit,
            d.district,
            d.group,
            d.phone,
            d.note,
            search_key,
            name_key,
            unit_key,
            d.protocol_order,
            stamp,
            code,
            d.excused,
            d.absence_reason
        ])?;
    Ok(())
}

/// One attendee for [`insert_many`]: id, data, folded keys (search, name, unit) and
/// badge code.
type Keyed<'a> = (String, &'a AttendeeData, [&'a str; 3], String);

/// Inserts many attendees, 64 to a statement: a 100,000-row import spends less time
/// stepping statements than with one INSERT per person.
fn insert_many(conn: &rusqlite::Connection, rows: &[Keyed<'_>], stamp: &str) -> Result<()> {
    const PER: usize = 64;
    const COLS: &str = "id, full_name, gender, birth_year, rank, position, unit, district, \
                        group_name, phone, note, search_key, name_key, unit_key, protocol_order, \
                        badge_code, excused, absence_reason, created_at, updated_at";
    const PER_ROW: usize = 18;
    let mut chunks = rows.chunks_exact(PER);
    if chunks.len() > 0 {
        // ?1 is the time stamp, bound once for every row: 2 of 16 copies per row fewer.
        // The text is made once; the statement is then found in the connection's cache.
        static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let sql = SQL.get_or_init(|| {
            let rows: Vec<String> = (0..PER)
                .map(|r| {
                    let first = 2 + r * PER_ROW;
                    let values: Vec<String> =
                        (first..first + PER_ROW).map(|n| format!("?{n}")).collect();
                    format!("({}, ?1, ?1)", values.join(", "))
                })
                .collect();
            format!("INSERT INTO attendee ({COLS}) VALUES {}", rows.join(", "))
        });
        let mut stmt = conn.prepare_cached(sql)?;
        for chunk in chunks.by_ref() {
            stmt.raw_bind_parameter(1, stamp)?;
            let mut i = 2;
            for (id, d, [search, name, unit], code) in chunk {
                let values: [&dyn rusqlite::ToSql; PER_ROW] = [
                    id,
                    &d.full_name,
                    &d.gender,
                    &d.birth_year,
                    &d.rank,
                    &d.position,
                    &d.unit,
                    &d.district,
                    &d.group,
                    &d.phone,
                    &d.note,
                    search,
                    name,
                    unit,
                    &d.protocol_order,
                    code,
                    &d.excused,
                    &d.absence_reason,
                ];
                for v in values {
                    stmt.raw_bind_parameter(i, v)?;
                    i += 1;
                }
            }
            stmt.raw_execute()?;
        }
    }
    for (id, d, [search, name, unit], code) in chunks.remainder() {
        let with_code = AttendeeData {
            badge_code: code.clone(),
            ..(*d).clone()
        };
        insert_keyed(conn, id, &with_code, (search, name, unit), stamp)?;
    }
    Ok(())
}

impl Store {
    /// Every attendee, in the order they were added.
    pub fn attendees(&self) -> Result<Vec<Attendee>> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM attendee ORDER BY rowid"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every attendee with their stored search key, index for index: the window's
    /// view reads the keys instead of folding 100,000 people again.
    pub fn attendees_keyed(&self) -> Result<(Vec<Attendee>, Vec<String>)> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS}, search_key FROM attendee ORDER BY rowid"
        ))?;
        let mut items = Vec::new();
        let mut keys = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            items.push(from_row(r)?);
            keys.push(r.get(19)?);
        }
        Ok((items, keys))
    }

    /// Attendees whose search key holds every word of `query` (accent- and case-insensitive).
    pub fn search_attendees(&self, query: &str) -> Result<Vec<Attendee>> {
        let q = Query::new(query);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS}, search_key FROM attendee ORDER BY rowid"
        ))?;
        let mut out = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(19)?;
            if q.matches(&key) {
                out.push(from_row(row)?);
            }
        }
        Ok(out)
    }

    /// One attendee with its stored search key, or None once deleted.
    pub fn attendee_keyed(&self, id: &str) -> Result<Option<(Attendee, String)>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS}, search_key FROM attendee WHERE id = ?1"),
                [id],
                |r| Ok((from_row(r)?, r.get(19)?)),
            )
            .optional()?)
    }

    pub fn attendee(&self, id: &str) -> Result<Attendee> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM attendee WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// Adds an attendee and returns the new id.
    pub fn add_attendee(&self, d: &AttendeeData) -> Result<String> {
        self.writable()?;
        let id = new_id();
        insert(&self.conn, &id, d, &now())?;
        Ok(id)
    }

    pub fn update_attendee(&self, id: &str, d: &AttendeeData) -> Result<()> {
        self.writable()?;
        let (search, name, unit) = d.keys();
        let n = self.conn.prepare_cached(
            "UPDATE attendee SET full_name = ?2, gender = ?3, birth_year = ?4, rank = ?5, position = ?6,
                unit = ?7, district = ?8, group_name = ?9, phone = ?10, note = ?11, search_key = ?12,
                name_key = ?13, unit_key = ?14, updated_at = ?15, protocol_order = ?16,
                badge_code = coalesce(nullif(?17, ''), badge_code), excused = ?18, absence_reason = ?19
             WHERE id = ?1",
        )?
        .execute(params![
                id,
                d.full_name,
                d.gender,
                d.birth_year,
                d.rank,
                d.position,
                d.unit,
                d.district,
                d.group,
                d.phone,
                d.note,
                search,
                name,
                unit,
                now(),
                d.protocol_order,
                d.badge_code,
                d.excused,
                d.absence_reason
            ])?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }

    pub fn delete_attendee(&self, id: &str) -> Result<()> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM attendee WHERE id = ?1", [id])?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }

    /// Records (or with `None`, clears) the check-in time of an attendee, made here.
    pub fn set_checked_in(&self, id: &str, at: Option<&str>) -> Result<()> {
        self.set_checked_in_by(id, at, None)
    }

    /// Records (or clears) a check-in and the desk that made it (`None`: this window).
    pub fn set_checked_in_by(&self, id: &str, at: Option<&str>, desk: Option<&str>) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute(
            "UPDATE attendee SET checked_in_at = ?2, checked_in_desk = ?3, updated_at = ?4 WHERE id = ?1",
            params![id, at, desk, now()],
        )?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }
}

impl Store {
    /// Every attendee as who they are, for duplicate checks and linking: (id, the
    /// person, how the preview shows them: "Nguyễn Thanh Thúy · Phòng X · 1990").
    pub fn person_keys(&self) -> Result<Vec<(String, crate::import::people::Person, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, unit_key, phone, full_name, group_name, birth_year, \
             coalesce(badge_code, ''), unit, district FROM attendee ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            let full_name: String = r.get(3)?;
            let group: String = r.get(4)?;
            let birth_year: Option<i32> = r.get(5)?;
            let phone: String = r.get(2)?;
            let unit: String = r.get(7)?;
            let district: String = r.get(8)?;
            let year = birth_year.map(|y| y.to_string()).unwrap_or_default();
            let label = [full_name.as_str(), &unit, &group, &year, &phone]
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" · ");
            Ok((
                r.get(0)?,
                crate::import::people::Person {
                    name: crate::text::identity(&full_name),
                    unit: r.get(1)?,
                    group: crate::text::fold(&group),
                    district: crate::text::fold(&district),
                    birth_year,
                    phone,
                    badge: r.get(6)?,
                },
                label,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Starts adding many attendees inside the open change (an import; see
    /// [`Store::change`]). Call [`BulkAttendees::finish`] before the change ends.
    pub fn bulk_attendees<'d>(&self) -> Result<BulkAttendees<'_, 'd>> {
        let triggers = vec![
            self.set_aside_insert_trigger("attendee")?,
            self.set_aside_trigger("sync_attendee_insert")?,
        ];
        let taken = self
            .conn
            .prepare("SELECT badge_code FROM attendee WHERE badge_code IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(BulkAttendees {
            store: self,
            stamp: now(),
            batch: Vec::with_capacity(BulkAttendees::BATCH),
            added: BulkInserts::new("attendee"),
            triggers,
            taken,
        })
    }
}

/// Many attendees added in one change: 64 rows to a statement, their removal recorded
/// as one undo step per thousand, and the per-row insert trigger set aside meanwhile
/// (`SQLite` runs it for every row even when it records nothing: 0.2 s per 100,000), and
/// so is the change feed's: one "everything changed" entry stands for all the rows.
/// Dropped unfinished, the change's rollback takes all of it back, the trigger included.
pub struct BulkAttendees<'s, 'd> {
    store: &'s Store,
    stamp: String,
    batch: Vec<Keyed<'d>>,
    added: BulkInserts,
    triggers: Vec<super::history::SetAside>,
    /// Badge codes in the file and given so far: each one once.
    taken: std::collections::HashSet<String>,
}

impl<'d> BulkAttendees<'_, 'd> {
    const BATCH: usize = 1_000;

    /// Queues one attendee whose folded keys (search, name, unit) are already known.
    pub fn push(&mut self, data: &'d AttendeeData, keys: [&'d str; 3]) -> Result<()> {
        let mut code = data.badge_code.clone();
        while code.is_empty() || self.taken.contains(&code) {
            code = crate::domain::attendee::new_badge_code();
        }
        self.taken.insert(code.clone());
        self.batch.push((new_id(), data, keys, code));
        if self.batch.len() >= Self::BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        insert_many(&self.store.conn, &self.batch, &self.stamp)?;
        for (id, d, _, _) in self.batch.drain(..) {
            self.added.push(self.store, &id, &d.full_name)?;
        }
        Ok(())
    }

    /// Stores what is still queued, records its undo and puts the trigger back.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.added.flush(self.store)?;
        for t in std::mem::take(&mut self.triggers) {
            self.store.restore_trigger(t)?;
        }
        self.store
            .conn
            .execute("INSERT INTO sync_change (attendee_id) VALUES (NULL)", [])?;
        Ok(())
    }
}
