//! What desks send and what the host answers.

use serde::{Deserialize, Serialize};

use crate::domain::AttendeeData;

/// One thing done at a desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Op {
    /// A person checked in at `at` (RFC 3339, the desk's clock).
    CheckIn { attendee: String, at: String },
    /// The desk takes back its own check-in `of` (an action id).
    Undo { attendee: String, of: String },
    /// Someone not on the list, added under an id the desk chose, and checked in.
    WalkIn {
        attendee: String,
        data: Box<AttendeeData>,
        at: String,
    },
}

impl Op {
    pub fn attendee(&self) -> &str {
        match self {
            Self::CheckIn { attendee, .. }
            | Self::Undo { attendee, .. }
            | Self::WalkIn { attendee, .. } => attendee,
        }
    }

    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Self::CheckIn { .. } => "check_in",
            Self::Undo { .. } => "undo",
            Self::WalkIn { .. } => "walk_in",
        }
    }
}

/// An action: an op with the id that makes it count once, and the desk that did it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub op_id: String,
    pub desk_id: String,
    /// The desk's name as its staff typed it ("Bàn 2 – khối xã").
    pub desk: String,
    #[serde(flatten)]
    pub op: Op,
}

impl Action {
    pub fn new(desk_id: &str, desk: &str, op: Op) -> Self {
        Self {
            op_id: crate::store::new_id(),
            desk_id: desk_id.to_owned(),
            desk: desk.to_owned(),
            op,
        }
    }
}

/// A person checked in at two places: which check-in stands (the earlier) and the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clash {
    pub attendee_id: String,
    pub full_name: String,
    pub kept_desk: String,
    pub kept_at: String,
    pub other_desk: String,
    pub other_at: String,
}

/// What the host made of an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Done as asked.
    Applied,
    /// The person was already checked in elsewhere (or later elsewhere: the earlier
    /// time now stands).
    Clash(Clash),
    /// The person was already checked in at this same desk (a second Enter, or the same
    /// check-in sent from a file and the network under two ids): counted once, no clash.
    Repeat,
    /// The check-in was taken back.
    Undone,
    /// Not taken back: the check-in standing is not this desk's (a clash kept another).
    NotUndone,
    /// The person is not (or no longer) on the host's list: nothing was done. A newer
    /// host's answer this desk does not know reads as this too.
    #[serde(other)]
    Unknown,
}

/// The host's answer to one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ack {
    pub op_id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}
