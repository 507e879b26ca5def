//! Every connection hoinghi makes is made here, once `SQLite` has started completely.
//!
//! `SQLite` marks itself started before it runs `SQLCipher`'s own start
//! (`SQLITE_EXTRA_INIT`), so a thread that opened a file in that moment and gave its
//! passphrase was refused ("An error occurred with PRAGMA key"). The first connection is
//! made under a `Once`: other threads wait until `SQLCipher` takes a key.

use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Opens `path` to read and write, creating it when missing.
pub(crate) fn open(path: &Path) -> rusqlite::Result<Connection> {
    started();
    Connection::open(crate::paths::for_sqlite(path))
}

pub(crate) fn open_with_flags(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    started();
    Connection::open_with_flags(crate::paths::for_sqlite(path), flags)
}

pub(crate) fn open_in_memory() -> rusqlite::Result<Connection> {
    started();
    Connection::open_in_memory()
}

fn started() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        // The thread that starts SQLite runs SQLCipher's start before it returns; should
        // some other code have started it on another thread, wait (a second at most)
        // until a key is taken.
        for _ in 0..1000 {
            if takes_a_key().is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

fn takes_a_key() -> rusqlite::Result<()> {
    let conn = Connection::open_in_memory()?;
    // Its messages go to stderr, in English; hoinghi says what went wrong itself.
    conn.pragma_update(None, "cipher_log_level", "NONE")?;
    conn.pragma_update(None, "key", "hoinghi")
}
