//! hoinghi: an offline desk app for conference organisers.
//!
//! Layers, top to bottom: `ui` (egui) → `store`, `cli`, `demo` → `domain`, `text`.
//! Nothing below `ui` imports egui; `domain` imports neither egui nor rusqlite.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod logs;
pub mod paths;
pub mod store;
#[doc(hidden)]
pub mod stress;
pub mod text;
pub mod ui;

pub use error::{Error, Result};
