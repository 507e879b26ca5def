//! Question rows and the conference's topic list.

use rusqlite::{OptionalExtension as _, Row, params};

use super::{Store, new_id, now};
use crate::domain::{
    Channel, FollowStatus, FollowUp, Handling, Question, QuestionData, Status, Topic,
};
use crate::error::{Error, Result};
use crate::text::Query;

const COLUMNS: &str =
    "q.id, q.number, q.asker_id, q.asker_name, q.asker_unit, q.anonymous, q.channel,
    q.topic_id, q.content, q.responder, q.status, q.answer, q.merged_into, coalesce(t.name, ''),
    q.created_at, q.updated_at, q.search_key, q.handling, q.responsible_unit, q.deadline,
    q.answer_doc_no, q.answer_doc_date, q.written_answer, q.answered_by, q.follow_status";

const FROM: &str = "question q LEFT JOIN topic t ON t.id = q.topic_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Question> {
    let channel: String = r.get(6)?;
    let status: String = r.get(10)?;
    Ok(Question {
        id: r.get(0)?,
        data: QuestionData {
            number: r.get(1)?,
            asker_id: r.get(2)?,
            asker_name: r.get(3)?,
            asker_unit: r.get(4)?,
            anonymous: r.get(5)?,
            channel: Channel::from_code(&channel).unwrap_or_default(),
            topic_id: r.get(7)?,
            content: r.get(8)?,
            responder: r.get(9)?,
            status: Status::from_code(&status).unwrap_or_default(),
            answer: r.get(11)?,
            merged_into: r.get(12)?,
            follow: FollowUp {
                handling: Handling::from_code(&r.get::<_, String>(17)?).unwrap_or_default(),
                responsible_unit: r.get(18)?,
                deadline: r.get(19)?,
                answer_doc_no: r.get(20)?,
                answer_doc_date: r.get(21)?,
                written_answer: r.get(22)?,
                answered_by: r.get(23)?,
                status: FollowStatus::from_code(&r.get::<_, String>(24)?).unwrap_or_default(),
            },
        },
        topic: r.get(13)?,
        created_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

impl Store {
    /// Every question, by running number.
    pub fn questions(&self) -> Result<Vec<Question>> {
        self.search_questions("")
    }

    /// Questions matching an accent-insensitive query, by running number.
    pub fn search_questions(&self, query: &str) -> Result<Vec<Question>> {
        let q = Query::new(query);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM {FROM} ORDER BY q.number, q.rowid"
        ))?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let key: String = row.get(16)?;
            if q.matches(&key) {
                out.push(from_row(row)?);
            }
        }
        Ok(out)
    }

    pub fn question(&self, id: &str) -> Result<Question> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM {FROM} WHERE q.id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// The number the next slip gets: one more than the highest so far.
    pub fn next_question_number(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM question",
            [],
            |r| r.get(0),
        )?)
    }

    pub fn add_question(&self, d: &QuestionData) -> Result<String> {
        self.writable()?;
        let mut d = d.clone();
        d.settle_handling(None);
        let f = super::follow_up::cleaned(&d.follow);
        let id = new_id();
        // One statement, so the history records one step for the new row.
        self.conn.execute(
            "INSERT INTO question (id, number, asker_id, asker_name, asker_unit, anonymous, channel, topic_id,
                content, responder, status, answer, merged_into, search_key, created_at, updated_at,
                handling, responsible_unit, deadline, answer_doc_no, answer_doc_date, written_answer,
                answered_by, follow_status)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15,
                ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            params![
                id,
                d.number,
                d.asker_id,
                d.asker_name,
                d.asker_unit,
                d.anonymous,
                d.channel.code(),
                d.topic_id,
                d.content,
                d.responder,
                d.status.code(),
                d.answer,
                d.merged_into,
                d.search_key(),
                now(),
                f.handling.code(),
                f.responsible_unit,
                f.deadline,
                f.answer_doc_no,
                f.answer_doc_date,
                f.written_answer,
                f.answered_by,
                f.status.code()
            ],
        )?;
        Ok(id)
    }

    pub fn update_question(&self, id: &str, d: &QuestionData) -> Result<()> {
        self.writable()?;
        let before = self.question(id)?;
        let mut d = d.clone();
        // The follow-up is changed by its own calls (set_follow_up, assign_questions), never
        // by an edit of the slip: a slip form opened before an assignment must not undo it.
        d.follow = before.data.follow.clone();
        d.settle_handling(Some(&before.data));
        let f = super::follow_up::cleaned(&d.follow);
        // One statement, so the history records one step for the row.
        let n = self.conn.execute(
            "UPDATE question SET number = ?2, asker_id = ?3, asker_name = ?4, asker_unit = ?5, anonymous = ?6,
                channel = ?7, topic_id = ?8, content = ?9, responder = ?10, status = ?11, answer = ?12,
                merged_into = ?13, search_key = ?14, updated_at = ?15, handling = ?16,
                responsible_unit = ?17, deadline = ?18, answer_doc_no = ?19, answer_doc_date = ?20,
                written_answer = ?21, answered_by = ?22, follow_status = ?23
             WHERE id = ?1",
            params![
                id,
                d.number,
                d.asker_id,
                d.asker_name,
                d.asker_unit,
                d.anonymous,
                d.channel.code(),
                d.topic_id,
                d.content,
                d.responder,
                d.status.code(),
                d.answer,
                d.merged_into,
                d.search_key(),
                now(),
                f.handling.code(),
                f.responsible_unit,
                f.deadline,
                f.answer_doc_no,
                f.answer_doc_date,
                f.written_answer,
                f.answered_by,
                f.status.code()
            ],
        )?;
        if n == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        self.copy_answer_to_merged(id)
    }

    pub fn delete_question(&self, id: &str) -> Result<()> {
        self.writable()?;
        let n = self
            .conn
            .execute("DELETE FROM question WHERE id = ?1", [id])?;
        if n == 0 {
            Err(Error::NotFound(id.to_owned()))
        } else {
            Ok(())
        }
    }

    /// The conference's topics in their order.
    pub fn topics(&self) -> Result<Vec<Topic>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, position FROM topic ORDER BY position, name")?;
        let rows = stmt.query_map([], |r| {
            Ok(Topic {
                id: r.get(0)?,
                name: r.get(1)?,
                position: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Finds a topic by name (accent-insensitively) or adds it at the end.
    pub fn topic_id_for(&self, name: &str) -> Result<String> {
        let key = crate::text::fold(name);
        if let Some(t) = self
            .topics()?
            .into_iter()
            .find(|t| crate::text::fold(&t.name) == key)
        {
            return Ok(t.id);
        }
        self.writable()?;
        let id = new_id();
        self.conn.execute(
            "INSERT INTO topic (id, name, position, created_at, updated_at)
             VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM topic), ?3, ?3)",
            params![id, crate::text::normalize(name), now()],
        )?;
        Ok(id)
    }
}

impl Store {
    /// Merges question `id` into `into`: it keeps its asker and number, points to the
    /// main question and takes its answer and status. Questions merged into `id` follow.
    pub fn merge_question(&self, id: &str, into: &str) -> Result<()> {
        self.in_transaction(|s| {
            // Merging into a merged question means merging into its main one.
            let main = s.question(into)?;
            let main_id = main.data.merged_into.clone().unwrap_or(main.id);
            if main_id == id {
                return Err(Error::Invalid("không thể gộp một câu hỏi vào chính nó".into()));
            }
            s.question(id)?;
            s.conn.execute(
                "UPDATE question SET merged_into = ?2, updated_at = ?3 WHERE id = ?1 OR merged_into = ?1",
                params![id, main_id, now()],
            )?;
            s.copy_answer_to_merged(&main_id)
        })
    }

    /// Takes a question out of its merge; it is open again.
    pub fn unmerge_question(&self, id: &str) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute(
            // Out of its merge it starts afresh: the follow-up it had was the main one's copy.
            "UPDATE question SET merged_into = NULL, status = ?2, updated_at = ?3, handling = '',
                responsible_unit = '', deadline = NULL, answer_doc_no = '', answer_doc_date = NULL,
                written_answer = '', answered_by = '', follow_status = 'open'
             WHERE id = ?1",
            params![id, Status::Received.code(), now()],
        )?;
        if n == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        self.copy_answer_to_merged(id)
    }

    /// Answering the main question answers every question merged into it.
    pub(crate) fn copy_answer_to_merged(&self, main_id: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE question SET answer = m.answer, status = m.status, responder = m.responder,
                handling = m.handling, responsible_unit = m.responsible_unit, deadline = m.deadline,
                answer_doc_no = m.answer_doc_no, answer_doc_date = m.answer_doc_date,
                written_answer = m.written_answer, answered_by = m.answered_by,
                follow_status = m.follow_status, updated_at = ?2
             FROM (SELECT answer, status, responder, handling, responsible_unit, deadline, answer_doc_no,
                      answer_doc_date, written_answer, answered_by, follow_status
                   FROM question WHERE id = ?1) AS m
             WHERE question.merged_into = ?1",
            params![main_id, now()],
        )?;
        Ok(())
    }

    /// The questions merged into `main_id`, by number.
    pub fn merged_into(&self, main_id: &str) -> Result<Vec<Question>> {
        Ok(self
            .questions()?
            .into_iter()
            .filter(|q| q.data.merged_into.as_deref() == Some(main_id))
            .collect())
    }
}
