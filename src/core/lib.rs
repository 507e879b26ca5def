//! hoinghi-core: everything of hoinghi below the window — the conference file and its
//! rules, imports, printed lists and the sample conference.
//!
//! Layers, top to bottom: `import`, `export`, `demo` → `store` → `domain`, `text`.
//! This crate knows nothing of the window or the command line: the build checks it,
//! since neither toolkit is among its dependencies.

pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
pub mod paths;
pub mod script;
pub mod speech;
pub mod store;
pub mod sync;
pub mod text;

pub use error::{Error, Result};
