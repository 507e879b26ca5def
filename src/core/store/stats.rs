//! Live counts for the overview and `hoinghi stats`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Store;
use crate::domain::FollowUpCounts;
use crate::error::Result;

/// The counts `hoinghi stats --json` prints and the overview shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub attendees: i64,
    pub checked_in: i64,
    pub questions: i64,
    /// Topic name → number of questions (topics with none included).
    pub questions_by_topic: BTreeMap<String, i64>,
    /// Status code → number of questions.
    pub questions_by_status: BTreeMap<String, i64>,
    pub gifts: i64,
    pub gifts_handed_over: i64,
    pub gift_value_total_vnd: i64,
    pub commendations: i64,
    /// The follow-up on the day counted: answered in the hall, owed a written answer, of
    /// those open, done and overdue, and noted.
    pub follow_up: FollowUpCounts,
}

impl Store {
    /// The counts today (see [`crate::domain::date::today`]).
    pub fn stats(&self) -> Result<Stats> {
        self.stats_on(crate::domain::date::today())
    }

    /// The counts, the follow-up's overdue ones as of `today`.
    pub fn stats_on(&self, today: jiff::civil::Date) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let mut s = Stats {
            attendees: one("SELECT count(*) FROM attendee")?,
            checked_in: one("SELECT count(*) FROM attendee WHERE checked_in_at IS NOT NULL")?,
            questions: one("SELECT count(*) FROM question")?,
            gifts: one("SELECT count(*) FROM gift")?,
            gifts_handed_over: one("SELECT count(*) FROM gift WHERE handed_over_at IS NOT NULL")?,
            gift_value_total_vnd: one("SELECT coalesce(sum(value_vnd), 0) FROM gift")?,
            commendations: one("SELECT count(*) FROM commendation")?,
            ..Stats::default()
        };
        let mut stmt = self.conn.prepare(
            "SELECT coalesce(t.name, ''), count(q.id) FROM topic t LEFT JOIN question q ON q.topic_id = t.id
             GROUP BY t.id
             UNION ALL
             SELECT '', count(*) FROM question WHERE topic_id IS NULL HAVING count(*) > 0",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (topic, n) = row?;
            *s.questions_by_topic.entry(topic).or_default() += n;
        }
        let mut stmt = self
            .conn
            .prepare("SELECT status, count(*) FROM question GROUP BY status")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (status, n) = row?;
            s.questions_by_status.insert(status, n);
        }
        s.follow_up = self.follow_up_counts(today)?;
        Ok(s)
    }
}
