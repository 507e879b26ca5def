//! A desk's unsent actions carried on a USB stick when there is no network at all: the
//! desk writes them to a file, the host applies the file with the same rules as over the
//! network (each action once, clashes listed), and the desk sends them again later
//! without harm.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::op::Action;
use crate::error::{Error, Result};
use crate::store::Store;

/// The file: which desk, of which conference, and its actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskFile {
    /// Always 1; a file of another kind is refused.
    pub hoinghi_desk_file: u32,
    pub desk: String,
    pub conference: String,
    pub made_at: String,
    pub actions: Vec<Action>,
}

impl DeskFile {
    /// Reads a desk's file; a file that is not one is refused, naming it.
    pub fn read(path: &Path) -> Result<Self> {
        let refuse = |reason: String| Error::Import {
            file: path.to_owned(),
            row: None,
            field: None,
            reason,
        };
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let file: Self = serde_json::from_slice(&bytes)
            .map_err(|e| refuse(format!("không phải tệp lượt điểm danh của bàn ({e})")))?;
        if file.hoinghi_desk_file != 1 {
            return Err(refuse("tệp của một phiên bản khác".into()));
        }
        Ok(file)
    }

    /// Writes it whole or not at all (a temporary file renamed into place).
    pub fn write(&self, path: &Path) -> Result<()> {
        let tmp = PathBuf::from(format!("{}.partial", path.display()));
        let bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::Invalid(e.to_string()))?;
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        std::fs::write(&tmp, bytes).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}

impl Store {
    /// This desk's unsent actions, as a file for the host.
    pub fn pending_file(&self, desk: &str) -> Result<DeskFile> {
        Ok(DeskFile {
            hoinghi_desk_file: 1,
            desk: desk.to_owned(),
            conference: self.conference()?.name,
            made_at: crate::domain::date::now_stamp(),
            actions: self.outbox(usize::MAX)?,
        })
    }
}
