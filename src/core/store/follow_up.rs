//! The follow-up of opinions after the conference, and the papers' own details.

use std::collections::BTreeSet;

use jiff::civil::Date;
use rusqlite::params;

use super::{Store, now};
use crate::domain::{FollowUp, FollowUpCounts, Handling, PaperDetails, Status, date};
use crate::error::{Error, Result};
use crate::text::{compare_vi, fold, normalize, normalize_multiline};

/// Departments of a provincial police (Công an tỉnh) that opinions are usually sent to;
/// offered with the units the file already knows.
pub const DEPARTMENTS: [&str; 8] = [
    "Phòng Tổ chức cán bộ",
    "Phòng Công tác Đảng và công tác chính trị",
    "Phòng Hậu cần",
    "Phòng Tham mưu",
    "Phòng Tài chính",
    "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    "Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc",
    "Văn phòng Cơ quan Cảnh sát điều tra",
];

/// A follow-up as it is stored: text normalised, dates ISO.
pub(crate) fn cleaned(f: &FollowUp) -> FollowUp {
    let iso = |d: &Option<String>| {
        d.as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| date::parse(d).map_or_else(|| d.to_owned(), |d| d.to_string()))
    };
    FollowUp {
        handling: f.handling,
        responsible_unit: normalize(&f.responsible_unit),
        deadline: iso(&f.deadline),
        answer_doc_no: normalize(&f.answer_doc_no),
        answer_doc_date: iso(&f.answer_doc_date),
        written_answer: normalize_multiline(&f.written_answer),
        answered_by: normalize(&f.answered_by),
        status: f.status,
    }
}

impl Store {
    /// Writes a question's follow-up fields (inside the caller's change).
    pub(crate) fn write_follow_up(&self, id: &str, f: &FollowUp) -> Result<()> {
        self.write_follow_up_forwarding(id, f, false)
    }

    /// [`Store::write_follow_up`]; `forward` also marks a question still "received" in the
    /// hall as forwarded, in the same statement (one step of the history).
    fn write_follow_up_forwarding(&self, id: &str, f: &FollowUp, forward: bool) -> Result<()> {
        let f = cleaned(f);
        // One statement, so the history records one step for the row.
        self.conn.execute(
            "UPDATE question SET handling = ?2, responsible_unit = ?3, deadline = ?4, answer_doc_no = ?5,
                answer_doc_date = ?6, written_answer = ?7, answered_by = ?8, follow_status = ?9,
                updated_at = ?10,
                status = CASE WHEN ?11 AND status = 'received' THEN 'forwarded' ELSE status END
             WHERE id = ?1 AND ((handling, responsible_unit, deadline, answer_doc_no, answer_doc_date,
                 written_answer, answered_by, follow_status)
                 IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) OR (?11 AND status = 'received'))",
            params![
                id,
                f.handling.code(),
                f.responsible_unit,
                f.deadline,
                f.answer_doc_no,
                f.answer_doc_date,
                f.written_answer,
                f.answered_by,
                f.status.code(),
                now(),
                forward
            ],
        )?;
        Ok(())
    }

    /// Sets one opinion's follow-up; questions merged into it follow.
    pub fn set_follow_up(&self, id: &str, f: &FollowUp) -> Result<()> {
        self.writable()?;
        self.question(id)?;
        self.write_follow_up(id, f)?;
        self.copy_answer_to_merged(id)
    }

    /// Gives several opinions to `unit` with `deadline` (ISO or dd/mm/yyyy; None keeps
    /// each one's own). An opinion not yet owed a written answer is sent to the unit;
    /// one still "received" in the hall becomes "forwarded". Returns how many changed.
    pub fn assign_questions(
        &self,
        ids: &[String],
        unit: &str,
        deadline: Option<&str>,
    ) -> Result<usize> {
        self.writable()?;
        let unit = normalize(unit);
        if unit.is_empty() {
            return Err(Error::Invalid("chưa chọn đơn vị giải quyết".into()));
        }
        let deadline = match deadline.map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(
                date::parse(d)
                    .ok_or_else(|| {
                        Error::Invalid(format!("thời hạn \"{d}\" không phải là ngày (dd/mm/yyyy)"))
                    })?
                    .to_string(),
            ),
        };
        let mut changed = 0;
        for id in ids {
            let q = self.question(id)?;
            let mut f = q.data.follow.clone();
            let was_owed = f.handling.needs_answer();
            if !was_owed {
                f.handling = Handling::ToUnit;
            }
            // Answered in the hall and now sent to a unit: open until it answers.
            f.owe_again(was_owed);
            f.responsible_unit.clone_from(&unit);
            if deadline.is_some() {
                f.deadline.clone_from(&deadline);
            }
            let forward = q.data.status == Status::Received;
            if f != q.data.follow || forward {
                changed += 1;
            }
            self.write_follow_up_forwarding(id, &f, forward)?;
            self.copy_answer_to_merged(id)?;
        }
        Ok(changed)
    }

    /// Units an opinion can be sent to: the departments, the units of the people in the
    /// file and every unit already named in a follow-up, in Vietnamese order, once each.
    pub fn follow_up_units(&self) -> Result<Vec<String>> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        let mut push = |u: String| {
            let u = normalize(&u);
            if !u.is_empty() && seen.insert(fold(&u)) {
                out.push(u);
            }
        };
        let mut stmt = self.conn.prepare(
            "SELECT responsible_unit FROM question WHERE responsible_unit <> ''
             UNION SELECT unit FROM attendee WHERE unit <> ''",
        )?;
        let named: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for d in DEPARTMENTS {
            push(d.to_owned());
        }
        for u in named {
            push(u);
        }
        out.sort_by(|a, b| compare_vi(a, b));
        Ok(out)
    }

    /// The follow-up's counts on `today`.
    pub fn follow_up_counts(&self, today: Date) -> Result<FollowUpCounts> {
        Ok(FollowUpCounts::of(&self.questions()?, today))
    }

    pub fn paper_details(&self) -> Result<PaperDetails> {
        Ok(self.conn.query_row(
            "SELECT chair_name, chair_title, secretary_name, secretary_title, began_at, ended_at,
                conclusions, recipients FROM paper_details WHERE id = 1",
            [],
            |r| {
                Ok(PaperDetails {
                    chair_name: r.get(0)?,
                    chair_title: r.get(1)?,
                    secretary_name: r.get(2)?,
                    secretary_title: r.get(3)?,
                    began_at: r.get(4)?,
                    ended_at: r.get(5)?,
                    conclusions: r.get(6)?,
                    recipients: r.get(7)?,
                })
            },
        )?)
    }

    pub fn set_paper_details(&self, p: &PaperDetails) -> Result<()> {
        self.writable()?;
        let p = p.normalized();
        self.conn.execute(
            "UPDATE paper_details SET chair_name = ?1, chair_title = ?2, secretary_name = ?3,
                secretary_title = ?4, began_at = ?5, ended_at = ?6, conclusions = ?7, recipients = ?8,
                updated_at = ?9
             WHERE id = 1 AND (chair_name, chair_title, secretary_name, secretary_title, began_at,
                ended_at, conclusions, recipients) IS NOT (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                p.chair_name,
                p.chair_title,
                p.secretary_name,
                p.secretary_title,
                p.began_at,
                p.ended_at,
                p.conclusions,
                p.recipients,
                now()
            ],
        )?;
        Ok(())
    }
}
