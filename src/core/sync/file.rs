//! A desk's unsent actions carried on a USB stick when there is no network at all: the
//! desk writes them to a file, the host applies the file with the same rules as over the
//! network (each action once, clashes listed), and the desk sends them again later
//! without harm.
//!
//! The actions hold names (a walk-in carries the person's details). A desk whose copy of
//! the list is locked writes the file locked with its desk PIN: a small `SQLCipher`
//! database (the engine of locked conference files, no crypto of our own) holding the
//! same JSON. A desk of an open conference writes plain JSON, as before; both read.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use serde::{Deserialize, Serialize};

use super::op::Action;
use crate::error::{Error, Result};
use crate::store::{Passphrase, Store};

/// Marks a locked desk file ("HNDF"), as `application_id`.
const LOCKED_FILE_ID: i64 = 0x484E_4446;

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

fn refuse(path: &Path, reason: impl Into<String>) -> Error {
    Error::Import {
        file: path.to_owned(),
        row: None,
        field: None,
        reason: reason.into(),
    }
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

impl DeskFile {
    /// Reads a desk's file: plain JSON, or locked with the desk PIN `pin` (the host's
    /// own). A file that is not one, or locked with another PIN, is refused, naming it.
    pub fn read(path: &Path, pin: Option<&Passphrase>) -> Result<Self> {
        let mut head = Vec::with_capacity(16);
        std::fs::File::open(path)
            .and_then(|f| f.take(16).read_to_end(&mut head))
            .map_err(io_error(path))?;
        let text = head
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_none_or(|&b| b == b'{' || b == b'[');
        let not_json = |e: serde_json::Error| {
            refuse(path, format!("không phải tệp lượt điểm danh của bàn ({e})"))
        };
        let file: Self = if text {
            let bytes = std::fs::read(path).map_err(io_error(path))?;
            match serde_json::from_slice(&bytes) {
                Ok(file) => file,
                // A locked file's first bytes are random: one in a hundred starts with
                // "{". Whole pages that are not text are a locked file, with or without
                // the PIN at hand (the refusal then says which PIN it needs).
                Err(_)
                    if bytes.len() >= 1024
                        && bytes.len().is_multiple_of(512)
                        && std::str::from_utf8(&bytes).is_err() =>
                {
                    serde_json::from_slice(&read_locked(path, pin)?).map_err(not_json)?
                }
                Err(e) => return Err(not_json(e)),
            }
        } else {
            serde_json::from_slice(&read_locked(path, pin)?).map_err(not_json)?
        };
        if file.hoinghi_desk_file != 1 {
            return Err(refuse(path, "tệp của một phiên bản khác"));
        }
        Ok(file)
    }

    /// Writes it whole or not at all (a temporary file renamed into place); locked with
    /// `pin` when the desk has one.
    pub fn write(&self, path: &Path, pin: Option<&Passphrase>) -> Result<()> {
        let tmp = PathBuf::from(format!("{}.partial", path.display()));
        let _ = std::fs::remove_file(&tmp);
        let written = match pin {
            None => {
                let bytes =
                    serde_json::to_vec_pretty(self).map_err(|e| Error::Invalid(e.to_string()))?;
                std::fs::write(&tmp, bytes).map_err(io_error(path))
            }
            Some(pin) => self.write_locked(&tmp, pin),
        };
        let renamed = written.and_then(|()| std::fs::rename(&tmp, path).map_err(io_error(path)));
        renamed.inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    fn write_locked(&self, tmp: &Path, pin: &Passphrase) -> Result<()> {
        let body = serde_json::to_string(self).map_err(|e| Error::Invalid(e.to_string()))?;
        let conn = crate::store::connect::open(tmp)?;
        crate::store::apply_key(&conn, Some(pin))?;
        conn.pragma_update(None, "application_id", LOCKED_FILE_ID)?;
        conn.execute_batch("CREATE TABLE desk_file (body TEXT NOT NULL)")?;
        conn.execute("INSERT INTO desk_file (body) VALUES (?1)", [body])?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        crate::store::vault::sync_file(tmp)
    }
}

/// The JSON inside a locked desk file.
fn read_locked(path: &Path, pin: Option<&Passphrase>) -> Result<Vec<u8>> {
    let Some(pin) = pin else {
        return Err(refuse(
            path,
            "tệp được khoá bằng mã PIN của bàn, mà hội nghị đang mở không có mã PIN của bàn \
             (chưa khoá bằng mật khẩu, hoặc chưa từng mở cho các bàn): hãy mở đúng tệp hội nghị \
             của bàn này",
        ));
    };
    let other_pin = || {
        refuse(
            path,
            "tệp được khoá bằng mã PIN của một bàn thuộc hội nghị khác (hoặc mã PIN đã đổi), \
             hoặc không phải tệp lượt điểm danh của bàn",
        )
    };
    let conn = crate::store::connect::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    crate::store::apply_key(&conn, Some(pin))?;
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| other_pin())?;
    if id != LOCKED_FILE_ID {
        return Err(other_pin());
    }
    let body: String = conn
        .query_row("SELECT body FROM desk_file", [], |r| r.get(0))
        .map_err(|_| other_pin())?;
    Ok(body.into_bytes())
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

    /// Writes this desk's unsent actions to `path`, locked like this copy of the list:
    /// a locked copy (a desk of a locked host) writes a file only its host opens.
    pub fn write_pending_file(&self, desk: &str, path: &Path) -> Result<DeskFile> {
        let file = self.pending_file(desk)?;
        file.write(path, self.passphrase())?;
        Ok(file)
    }
}
