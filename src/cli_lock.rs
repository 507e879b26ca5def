//! The command line's passphrases: read from `HOINGHI_PASSPHRASE` or `--passphrase-file`,
//! never from an argument (the shell's history keeps arguments), and the commands that
//! lock, unlock and change the passphrase of a conference file.

use std::path::Path;

use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::store::key::{self, Passphrase};
use crate::store::lock::{FileLock, Lock};
use crate::store::vault;

const VAR: &str = "HOINGHI_PASSPHRASE";
const NEW_VAR: &str = "HOINGHI_NEW_PASSPHRASE";

/// Reads the passphrase the command was given, if any, and keeps it for whatever locked
/// file the command opens.
///
/// # Errors
/// The passphrase file cannot be read, or the passphrase is too short.
pub fn take_passphrase(file: Option<&Path>) -> Result<()> {
    key::set_fallback(read(file, VAR)?);
    Ok(())
}

/// The passphrase from `file`'s first line, or else from the variable `var`.
fn read(file: Option<&Path>, var: &str) -> Result<Option<Passphrase>> {
    let typed: Zeroizing<String> = match file {
        Some(path) => {
            Zeroizing::new(std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.to_owned(),
                source,
            })?)
        }
        None => match std::env::var(var) {
            Ok(v) => Zeroizing::new(v),
            Err(_) => return Ok(None),
        },
    };
    let line = typed.lines().next().unwrap_or_default();
    Passphrase::new(line).map(Some)
}

fn given(db: &Path) -> Result<Passphrase> {
    key::for_existing(db).ok_or(Error::NoPassphrase)
}

/// `demo --encrypt`: the new file is created locked.
///
/// # Errors
/// No passphrase was given.
pub fn remember_for_new(db: &Path) -> Result<()> {
    key::remember(db, given(db)?);
    Ok(())
}

/// Holds the file as a window does, so no window or host writes it while it converts.
fn hold(db: &Path) -> Result<Option<FileLock>> {
    if !db.exists() {
        return Err(Error::Missing {
            path: db.to_owned(),
        });
    }
    match FileLock::try_acquire(db) {
        Lock::Acquired(l) => Ok(Some(l)),
        Lock::HeldElsewhere => Err(Error::HeldElsewhere {
            path: db.to_owned(),
        }),
        Lock::Unavailable(_) => Ok(None),
    }
}

fn said(db: &Path, what: &str, done: vault::Converted) {
    let left = if done.snapshots_left > 0 {
        format!(
            "; {} bản sao lưu không chuyển được (khoá bằng mật khẩu khác hoặc bị hỏng), giữ nguyên",
            done.snapshots_left
        )
    } else {
        String::new()
    };
    eprintln!(
        "Đã {what} tệp {} và {} bản sao lưu{left}.",
        db.display(),
        done.snapshots
    );
}

fn backups(db: &Path) -> std::path::PathBuf {
    crate::store::backup::folder(&crate::paths::backups_dir(), db)
}

/// `hoinghi lock --db F`.
///
/// # Errors
/// No passphrase, the file is missing, held by a window, already locked or unreadable.
pub fn lock(db: &Path) -> Result<()> {
    let pass = given(db)?;
    let _held = hold(db)?;
    let done = vault::lock(db, &pass, Some(&backups(db)))?;
    said(db, "khoá", done);
    eprintln!("Hãy giữ mật khẩu cẩn thận: quên mật khẩu thì không ai mở lại được tệp.");
    Ok(())
}

/// `hoinghi unlock --db F`.
///
/// # Errors
/// As [`lock`]; also a wrong passphrase or a file that is not locked.
pub fn unlock(db: &Path) -> Result<()> {
    let pass = given(db)?;
    let _held = hold(db)?;
    let done = vault::unlock(db, &pass, Some(&backups(db)))?;
    said(db, "mở khoá", done);
    Ok(())
}

/// `hoinghi rekey --db F`: the new passphrase from `HOINGHI_NEW_PASSPHRASE` or a file.
///
/// # Errors
/// As [`unlock`]; also no new passphrase.
pub fn rekey(db: &Path, new_file: Option<&Path>) -> Result<()> {
    let old = given(db)?;
    let new = read(new_file, NEW_VAR)?.ok_or(Error::NoNewPassphrase)?;
    let _held = hold(db)?;
    let done = vault::rekey(db, &old, &new, Some(&backups(db)))?;
    said(db, "đổi mật khẩu của", done);
    Ok(())
}
