//! Passphrases of locked conference files, and the keyring that holds them while the
//! program runs. A passphrase is never written anywhere by hoinghi: `SQLCipher` derives
//! the file's key from it (PBKDF2-HMAC-SHA512, 256,000 rounds, a random salt per file).
//!
//! The keyring lets every part that opens a file (a window's background jobs, the host's
//! threads, a desk) find the passphrase the user typed once, without handing the secret
//! through every struct. Memory that held a passphrase is wiped when it is dropped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, PoisonError};

use unicode_normalization::UnicodeNormalization as _;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

/// The fewest characters a passphrase may have.
pub const MIN_CHARS: usize = 8;

/// A passphrase, in NFC: the same words typed with a composing or a decomposing
/// Vietnamese keyboard (Unikey's two modes) unlock the same file.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    /// A passphrase as typed; refused when shorter than [`MIN_CHARS`] characters.
    ///
    /// # Errors
    /// Too short, or made of spaces only.
    pub fn new(typed: &str) -> Result<Self> {
        let nfc: Zeroizing<String> = Zeroizing::new(typed.nfc().collect());
        if nfc.trim().chars().count() < MIN_CHARS {
            return Err(Error::WeakPassphrase { min: MIN_CHARS });
        }
        Ok(Self(nfc))
    }

    /// As given to `PRAGMA key`.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

struct Ring {
    by_path: HashMap<PathBuf, Passphrase>,
    /// The command line's one passphrase, for whatever locked file it opens.
    fallback: Option<Passphrase>,
}

static RING: LazyLock<Mutex<Ring>> = LazyLock::new(|| {
    Mutex::new(Ring {
        by_path: HashMap::new(),
        fallback: None,
    })
});

fn ring() -> std::sync::MutexGuard<'static, Ring> {
    RING.lock().unwrap_or_else(PoisonError::into_inner)
}

fn normal(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// Keeps `passphrase` for the file at `path` (opening it, or creating it locked).
pub fn remember(path: &Path, passphrase: Passphrase) {
    ring().by_path.insert(normal(path), passphrase);
}

/// Drops what is kept for `path` (the file was unlocked, or closed for good).
pub fn forget(path: &Path) {
    ring().by_path.remove(&normal(path));
}

/// The passphrase kept for exactly this file, if any: a new file is created locked
/// only when one was given for its own path.
pub fn for_new(path: &Path) -> Option<Passphrase> {
    ring().by_path.get(&normal(path)).cloned()
}

/// The passphrase to try on an existing locked file.
pub fn for_existing(path: &Path) -> Option<Passphrase> {
    let ring = ring();
    ring.by_path
        .get(&normal(path))
        .or(ring.fallback.as_ref())
        .cloned()
}

/// Sets the passphrase that the command line was given (its variable or file).
pub fn set_fallback(passphrase: Option<Passphrase>) {
    ring().fallback = passphrase;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composed_and_decomposed_typing_give_one_passphrase() {
        let composed = Passphrase::new("mật khẩu hội nghị").expect("long enough");
        let decomposed = Passphrase::new("ma\u{0323}\u{0302}t khẩu hội nghị").expect("long enough");
        assert_eq!(composed, decomposed);
        assert!(matches!(
            Passphrase::new("ngắn"),
            Err(Error::WeakPassphrase { min: 8 })
        ));
        assert_eq!(format!("{composed:?}"), "Passphrase(…)");
    }

    #[test]
    fn a_file_finds_its_own_passphrase_and_a_new_file_never_takes_the_fallback() {
        let dir = std::env::temp_dir().join("hoinghi-key-test");
        let own = dir.join("a.sqlite");
        let other = dir.join("b.sqlite");
        remember(
            &own,
            Passphrase::new("riêng của tệp a").expect("long enough"),
        );
        assert!(for_new(&own).is_some());
        assert!(for_new(&other).is_none());
        forget(&own);
        assert!(for_existing(&own).is_none() || ring().fallback.is_some());
    }
}
