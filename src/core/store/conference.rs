//! The single conference-details row.

use rusqlite::params;

use super::{Store, now};
use crate::domain::Conference;
use crate::error::Result;

impl Store {
    pub fn conference(&self) -> Result<Conference> {
        Ok(self.conn.query_row(
            "SELECT name, start_date, end_date, venue, organiser, superior_agency, issuing_unit, place_name,
                signer_left_title, signer_left_name, signer_right_title, signer_right_name
             FROM conference WHERE id = 1",
            [],
            |r| {
                Ok(Conference {
                    name: r.get(0)?,
                    start_date: r.get(1)?,
                    end_date: r.get(2)?,
                    venue: r.get(3)?,
                    organiser: r.get(4)?,
                    superior_agency: r.get(5)?,
                    issuing_unit: r.get(6)?,
                    place_name: r.get(7)?,
                    signer_left_title: r.get(8)?,
                    signer_left_name: r.get(9)?,
                    signer_right_title: r.get(10)?,
                    signer_right_name: r.get(11)?,
                })
            },
        )?)
    }

    /// Saves the conference details (normalised).
    pub fn set_conference(&self, c: &Conference) -> Result<()> {
        self.writable()?;
        let c = c.normalized();
        self.conn.execute(
            "UPDATE conference SET name = ?1, start_date = ?2, end_date = ?3, venue = ?4, organiser = ?5,
                superior_agency = ?6, issuing_unit = ?7, place_name = ?8, signer_left_title = ?9,
                signer_left_name = ?10, signer_right_title = ?11, signer_right_name = ?12, updated_at = ?13
             WHERE id = 1",
            params![
                c.name,
                c.start_date,
                c.end_date,
                c.venue,
                c.organiser,
                c.superior_agency,
                c.issuing_unit,
                c.place_name,
                c.signer_left_title,
                c.signer_left_name,
                c.signer_right_title,
                c.signer_right_name,
                now()
            ],
        )?;
        Ok(())
    }
}
