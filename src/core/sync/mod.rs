//! Several desks, one conference file. The host's file stays the one truth: desks send
//! actions (check in, undo their own last check-in, add a walk-in), each with its own id,
//! and the host applies them in its own changes — once, however often they are sent —
//! and records which desk and when. A person checked in at two desks while they were
//! apart is one check-in: the earliest time stands and the clash is listed.
//!
//! A desk keeps a copy of the attendee list in a conference file of its own (its mirror),
//! so it searches and checks in without the network; what it did and the host has not
//! acknowledged waits in the mirror's outbox, on disk from the moment it is done.
//!
//! The network that carries all this lives in the app (`net`); this module is the part
//! that touches the files, so the host, a desk, the command line and the tests share it.

mod file;
mod host;
mod mirror;
mod op;

pub use file::DeskFile;
pub use host::{Changed, DeskRow, HOST_DESK};
pub use op::{Ack, Action, Clash, Op, Outcome};
