//! The cached view of the open conference that panels draw from.
//! Reloaded after an action changes the data, never queried while drawing.

use crate::domain::protocol::{Ladder, Office};
use crate::domain::{Attendee, Commendation, Conference, Gift, Question, Topic};
use crate::error::Result;
use crate::store::{Stats, Store};

/// Records with their folded search keys, index for index.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows<T> {
    pub items: Vec<T>,
    pub keys: Vec<String>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            keys: Vec::new(),
        }
    }
}

impl<T> Rows<T> {
    fn new(items: Vec<T>, key: impl Fn(&T) -> String) -> Self {
        let keys = items.iter().map(key).collect();
        Self { items, keys }
    }
}

/// Everything the panels show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    /// Bumped on every reload, so panels know when to rebuild their filtered views.
    pub generation: u64,
    pub conference: Conference,
    pub attendees: Rows<Attendee>,
    pub questions: Rows<Question>,
    /// The running number the next slip gets (the store's rule).
    pub next_question_number: i64,
    pub topics: Vec<Topic>,
    /// The editable lists with how many records use each entry.
    pub topic_entries: Vec<crate::store::ListEntry>,
    pub kind_entries: Vec<crate::store::ListEntry>,
    pub office_entries: Vec<crate::store::ListEntry>,
    /// The ladder of offices as stored, and ready to place people (protocol order).
    pub offices: Vec<Office>,
    pub ladder: Ladder,
    pub gifts: Rows<Gift>,
    pub commendations: Rows<Commendation>,
    pub commendation_kinds: Vec<String>,
    pub stats: Stats,
    /// Distinct groups, units and districts of attendees, in Vietnamese order (filters).
    pub attendee_groups: Vec<String>,
    pub attendee_units: Vec<String>,
    pub attendee_districts: Vec<String>,
    /// Distinct responders and askers' units of questions (filters).
    pub question_responders: Vec<String>,
    pub question_units: Vec<String>,
    /// (unit, present, registered), units still waiting for people first.
    pub unit_attendance: Vec<(String, usize, usize)>,
    /// (group, present, registered), in Vietnamese order of the group.
    pub group_attendance: Vec<(String, usize, usize)>,
    /// What Undo and Redo would do (labels of the changes in the file's history).
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
    /// The programme's items, in order.
    pub programme: Vec<crate::domain::programme::Item>,
    /// The organiser's rewrites of the script.
    pub script_edits: std::collections::HashMap<(String, String), String>,
    /// Units an opinion can be sent to (departments, attendees' units, units named).
    pub follow_units: Vec<String>,
    /// The chair, secretary, conclusions and recipients of the papers.
    pub paper_details: crate::domain::PaperDetails,
}

fn unit_attendance(items: &[Attendee]) -> Vec<(String, usize, usize)> {
    let mut by_unit: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    for a in items {
        let e = by_unit.entry(a.data.unit.as_str()).or_default();
        e.1 += 1;
        if a.checked_in_at.is_some() {
            e.0 += 1;
        }
    }
    let mut units: Vec<(String, usize, usize)> = by_unit
        .into_iter()
        .map(|(u, (p, t))| (u.to_owned(), p, t))
        .collect();
    sort_units(&mut units);
    units
}

/// Units still waiting for people first, then in Vietnamese order.
fn sort_units(units: &mut [(String, usize, usize)]) {
    units.sort_by(|a, b| {
        (a.1 == a.2)
            .cmp(&(b.1 == b.2))
            .then_with(|| crate::text::compare_vi(&a.0, &b.0))
    });
}

/// One more (or one fewer) person present in this unit or group.
fn bump(counts: &mut [(String, usize, usize)], name: &str, delta: isize) {
    if let Some(e) = counts.iter_mut().find(|e| e.0 == name) {
        e.1 = e.1.saturating_add_signed(delta);
    }
}

fn group_attendance(items: &[Attendee]) -> Vec<(String, usize, usize)> {
    let mut by_group: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    for a in items {
        let e = by_group.entry(a.data.group.as_str()).or_default();
        e.1 += 1;
        if a.checked_in_at.is_some() {
            e.0 += 1;
        }
    }
    let mut v: Vec<(String, usize, usize)> = by_group
        .into_iter()
        .map(|(g, (p, t))| (g.to_owned(), p, t))
        .collect();
    v.sort_by(|a, b| crate::text::compare_vi(&a.0, &b.0));
    v
}

fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    // Hashing 100,000 values and sorting the few hundred distinct ones is cheaper than
    // ordering all of them in a tree.
    let set: std::collections::HashSet<&str> = values.collect();
    let mut v: Vec<String> = set.into_iter().map(str::to_owned).collect();
    v.sort_by(|a, b| crate::text::compare_vi(a, b));
    v
}

impl Data {
    /// Reads everything from the store.
    pub fn load(store: &Store, generation: u64) -> Result<Self> {
        let (items, keys) = store.attendees_keyed()?;
        let others = Others::read(store)?;
        Ok(Self::assemble(generation, Rows { items, keys }, others))
    }

    /// Reads everything again but the attendees, which the edit did not touch
    /// (a question, a gift, a list entry…): with 100,000 people that is most of the time.
    pub fn reload_except_attendees(&mut self, store: &Store) -> Result<()> {
        let others = Others::read(store)?;
        let attendees = std::mem::take(&mut self.attendees);
        *self = Self::assemble(self.generation + 1, attendees, others);
        Ok(())
    }

    /// One attendee was added, edited or deleted: patch that person in place and read
    /// the rest again. Reading 100,000 people after each edit took a quarter of a second.
    pub fn patch_attendee(&mut self, id: &str, store: &Store) -> Result<()> {
        let fresh = store.attendee_keyed(id)?;
        let rows = &mut self.attendees;
        match (rows.items.iter().position(|a| a.id == id), fresh) {
            (Some(i), Some((a, key))) => {
                rows.items[i] = a;
                rows.keys[i] = key;
            }
            // A new row has the highest rowid, so it goes last, as a full read puts it.
            (None, Some((a, key))) => {
                rows.items.push(a);
                rows.keys.push(key);
            }
            (Some(i), None) => {
                rows.items.remove(i);
                rows.keys.remove(i);
            }
            (None, None) => {}
        }
        self.reload_except_attendees(store)
    }

    fn assemble(generation: u64, attendees: Rows<Attendee>, o: Others) -> Self {
        let items = &attendees.items;
        let qs = &o.questions.items;
        Self {
            attendee_groups: distinct(items.iter().map(|a| a.data.group.as_str())),
            attendee_units: distinct(items.iter().map(|a| a.data.unit.as_str())),
            attendee_districts: distinct(items.iter().map(|a| a.data.district.as_str())),
            unit_attendance: unit_attendance(items),
            group_attendance: group_attendance(items),
            question_responders: distinct(qs.iter().map(|q| q.data.responder.as_str())),
            question_units: distinct(qs.iter().map(|q| q.data.asker_unit.as_str())),
            questions: o.questions,
            next_question_number: o.next_question_number,
            attendees,
            generation,
            conference: o.conference,
            topics: o.topics,
            topic_entries: o.topic_entries,
            kind_entries: o.kind_entries,
            office_entries: o.office_entries,
            ladder: Ladder::from_offices(&o.offices),
            offices: o.offices,
            gifts: o.gifts,
            commendations: o.commendations,
            commendation_kinds: o.commendation_kinds,
            stats: o.stats,
            undo_label: o.undo_label,
            redo_label: o.redo_label,
            programme: o.programme,
            script_edits: o.script_edits,
            follow_units: o.follow_units,
            paper_details: o.paper_details,
        }
    }

    /// True for a file with no records and no conference name: show the welcome card.
    pub fn is_blank(&self) -> bool {
        self.conference.name.is_empty()
            && self.attendees.items.is_empty()
            && self.questions.items.is_empty()
            && self.gifts.items.is_empty()
            && self.commendations.items.is_empty()
    }

    /// Check-ins changed (or were taken back) for these people: read just them again
    /// and patch the view in place. Reading 100,000 people after each check-in took
    /// half a second.
    pub fn patch_check_ins(&mut self, ids: &[String], store: &Store) -> Result<()> {
        let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
        for a in &mut self.attendees.items {
            if !wanted.contains(a.id.as_str()) {
                continue;
            }
            let fresh = store.attendee(&a.id)?;
            let (was, now) = (a.checked_in_at.is_some(), fresh.checked_in_at.is_some());
            *a = fresh;
            if was != now {
                let delta: isize = if now { 1 } else { -1 };
                self.stats.checked_in += if now { 1 } else { -1 };
                bump(&mut self.unit_attendance, &a.data.unit, delta);
                bump(&mut self.group_attendance, &a.data.group, delta);
            }
        }
        sort_units(&mut self.unit_attendance);
        self.undo_label = store.undo_label()?;
        self.redo_label = store.redo_label()?;
        self.generation += 1;
        Ok(())
    }

    /// The MC's script from the view, as the file stands (built in a millisecond or two
    /// for 500 people: the pages build it when the data changes).
    pub fn script(&self) -> Vec<crate::script::Section> {
        crate::script::build(&self.script_inputs())
    }

    /// The blocks of an introduction item as the script reads them, for moving them.
    pub fn introduction_blocks(
        &self,
        item: &crate::domain::programme::Item,
    ) -> Vec<crate::script::Block> {
        crate::script::introduction_blocks(&self.script_inputs(), item)
    }

    fn script_inputs(&self) -> crate::script::Inputs<'_> {
        crate::script::Inputs {
            conference: &self.conference,
            attendees: &self.attendees.items,
            ladder: &self.ladder,
            commendations: &self.commendations.items,
            gifts: &self.gifts.items,
            questions: &self.questions.items,
            topics: &self.topics,
            programme: &self.programme,
            edits: &self.script_edits,
        }
    }

    pub fn attendee(&self, id: &str) -> Option<&Attendee> {
        self.attendees.items.iter().find(|a| a.id == id)
    }
}

/// Everything the window shows besides the attendees, read in one go.
struct Others {
    conference: Conference,
    questions: Rows<Question>,
    next_question_number: i64,
    topics: Vec<Topic>,
    topic_entries: Vec<crate::store::ListEntry>,
    kind_entries: Vec<crate::store::ListEntry>,
    office_entries: Vec<crate::store::ListEntry>,
    offices: Vec<Office>,
    gifts: Rows<Gift>,
    commendations: Rows<Commendation>,
    commendation_kinds: Vec<String>,
    stats: Stats,
    undo_label: Option<String>,
    redo_label: Option<String>,
    programme: Vec<crate::domain::programme::Item>,
    script_edits: std::collections::HashMap<(String, String), String>,
    follow_units: Vec<String>,
    paper_details: crate::domain::PaperDetails,
}

impl Others {
    fn read(store: &Store) -> Result<Self> {
        Ok(Self {
            conference: store.conference()?,
            questions: Rows::new(store.questions()?, |q| q.data.search_key()),
            next_question_number: store.next_question_number()?,
            topics: store.topics()?,
            topic_entries: store.list_entries(crate::store::List::Topics)?,
            kind_entries: store.list_entries(crate::store::List::CommendationKinds)?,
            office_entries: store.list_entries(crate::store::List::Offices)?,
            offices: store.offices()?,
            gifts: Rows::new(store.gifts()?, |g| g.data.search_key()),
            commendations: Rows::new(store.commendations()?, |c| c.data.search_key()),
            commendation_kinds: store.commendation_kinds()?,
            stats: store.stats()?,
            undo_label: store.undo_label()?,
            redo_label: store.redo_label()?,
            programme: store.programme()?,
            script_edits: store.script_edits()?,
            follow_units: store.follow_up_units()?,
            paper_details: store.paper_details()?,
        })
    }
}
