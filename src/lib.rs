//! hoinghi: an offline desk app for conference organisers.
//!
//! Two crates: `hoinghi-core` (`src/core/`) holds the conference file, its rules, the
//! imports and the printed lists; this crate adds the window (`ui`), the command line
//! (`cli`) and the log. Arrows point down: `ui`, `cli` → core. The core's modules are
//! re-exported here so tests and benchmarks name one crate.

pub mod cli;
mod cli_desks;
pub mod cli_lock;
pub mod logs;
pub mod net;
pub mod print;
#[doc(hidden)]
pub mod stress;
pub mod ui;

pub use hoinghi_core::{
    Error, Result, demo, domain, error, export, import, paths, script, store, sync, text,
};
