//! The first files a program opens, from several threads at once (the window and its
//! background jobs, a host's desks). `SQLite` says it is ready before `SQLCipher` has
//! finished setting itself up, so a thread that opened a locked file in between was
//! refused its passphrase ("An error occurred with PRAGMA key"), which the file check
//! called a damaged file. CI saw it once in a run of the locked-file tests; a stress of
//! six threads saw it in 1 process of 60.
//!
//! To make the moment certain rather than rare, the child process below slows the
//! thread that starts `SQLite` each time it takes `SQLite`'s main lock (a mutex
//! implementation of its own, the documented `SQLITE_CONFIG_MUTEX`), so the second
//! thread runs exactly in the gap.
#![allow(clippy::unwrap_used, clippy::expect_used, unsafe_code)]

use std::cell::Cell;
use std::ffi::c_int;
use std::process::Command;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::time::Duration;

use hoinghi::Error;
use hoinghi::store::key::Passphrase;
use hoinghi::store::{Missing, Store};
use rusqlite::ffi;

#[test]
fn a_second_thread_opening_a_locked_file_while_sqlite_starts_gets_its_passphrase() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "second_thread_in_the_gap",
            "--ignored",
            "--nocapture",
        ])
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 passed"), "{said}");
    assert!(out.status.success(), "{said}");
}

static REAL: std::sync::OnceLock<ffi::sqlite3_mutex_methods> = std::sync::OnceLock::new();
static MAIN: AtomicPtr<ffi::sqlite3_mutex> = AtomicPtr::new(std::ptr::null_mut());
thread_local! {
    /// Entries of the main lock so far on a thread that is to be slow.
    static SLOW: Cell<Option<usize>> = const { Cell::new(None) };
}
static SLOWED: AtomicUsize = AtomicUsize::new(0);

fn real() -> &'static ffi::sqlite3_mutex_methods {
    REAL.get().unwrap()
}

unsafe extern "C" fn init() -> c_int {
    unsafe { (real().xMutexInit.unwrap())() }
}
unsafe extern "C" fn end() -> c_int {
    unsafe { (real().xMutexEnd.unwrap())() }
}
unsafe extern "C" fn alloc(id: c_int) -> *mut ffi::sqlite3_mutex {
    let m = unsafe { (real().xMutexAlloc.unwrap())(id) };
    if id == ffi::SQLITE_MUTEX_STATIC_MAIN {
        MAIN.store(m, Ordering::SeqCst);
    }
    m
}
unsafe extern "C" fn free(m: *mut ffi::sqlite3_mutex) {
    unsafe { (real().xMutexFree.unwrap())(m) }
}
unsafe extern "C" fn enter(m: *mut ffi::sqlite3_mutex) {
    if m == MAIN.load(Ordering::SeqCst) {
        SLOW.with(|s| {
            if let Some(n) = s.get() {
                s.set(Some(n + 1));
                // Its first entry is let through so the other thread finds `SQLite`
                // starting and waits for it, instead of starting it itself.
                if n > 0 {
                    SLOWED.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(40));
                }
            }
        });
    }
    unsafe { (real().xMutexEnter.unwrap())(m) }
}
unsafe extern "C" fn try_enter(m: *mut ffi::sqlite3_mutex) -> c_int {
    unsafe { (real().xMutexTry.unwrap())(m) }
}
unsafe extern "C" fn leave(m: *mut ffi::sqlite3_mutex) {
    unsafe { (real().xMutexLeave.unwrap())(m) }
}
unsafe extern "C" fn held(m: *mut ffi::sqlite3_mutex) -> c_int {
    unsafe { real().xMutexHeld.map_or(1, |f| f(m)) }
}
unsafe extern "C" fn not_held(m: *mut ffi::sqlite3_mutex) -> c_int {
    unsafe { real().xMutexNotheld.map_or(1, |f| f(m)) }
}

/// Puts the slowing mutex in place. `SQLite` hands out its own mutex only once it has
/// started, and takes another only while stopped: start it, stop it, swap, so the next
/// start (and `SQLCipher`'s with it) is the one the threads race for.
fn install() {
    unsafe {
        assert_eq!(ffi::sqlite3_initialize(), ffi::SQLITE_OK);
        assert_eq!(ffi::sqlite3_shutdown(), ffi::SQLITE_OK);
    }
    let mut methods = std::mem::MaybeUninit::<ffi::sqlite3_mutex_methods>::zeroed();
    let rc = unsafe { ffi::sqlite3_config(ffi::SQLITE_CONFIG_GETMUTEX, methods.as_mut_ptr()) };
    assert_eq!(rc, ffi::SQLITE_OK, "SQLite started before the test");
    REAL.set(unsafe { methods.assume_init() }).ok().unwrap();
    let ours = ffi::sqlite3_mutex_methods {
        xMutexInit: Some(init),
        xMutexEnd: Some(end),
        xMutexAlloc: Some(alloc),
        xMutexFree: Some(free),
        xMutexEnter: Some(enter),
        xMutexTry: Some(try_enter),
        xMutexLeave: Some(leave),
        xMutexHeld: Some(held),
        xMutexNotheld: Some(not_held),
    };
    let rc = unsafe { ffi::sqlite3_config(ffi::SQLITE_CONFIG_MUTEX, &raw const ours) };
    assert_eq!(rc, ffi::SQLITE_OK);
}

#[test]
#[ignore = "run in a process of its own by the test above: SQLite must not have started"]
fn second_thread_in_the_gap() {
    install();
    let dir = tempfile::tempdir().unwrap();
    let key = Passphrase::new("Hội nghị đối thoại 2026").unwrap();
    let first = {
        let db = dir.path().join("máy chủ.sqlite");
        let key = key.clone();
        std::thread::spawn(move || {
            SLOW.with(|s| s.set(Some(0)));
            Store::open_keyed(&db, Missing::Create, Some(&key)).map(|s| s.is_locked())
        })
    };
    // Until the first thread is inside SQLite's start, slowed there.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while SLOWED.load(Ordering::SeqCst) == 0 {
        assert!(std::time::Instant::now() < deadline, "SQLite never started");
        std::thread::sleep(Duration::from_millis(1));
    }
    let second = {
        let db = dir.path().join("bàn 2.sqlite");
        std::thread::spawn(move || {
            Store::open_keyed(&db, Missing::Create, Some(&key)).map(|s| s.is_locked())
        })
    };
    let second: Result<bool, Error> = second.join().unwrap();
    let first = first.join().unwrap();
    assert!(
        SLOWED.load(Ordering::SeqCst) > 0,
        "the first thread started SQLite"
    );
    assert!(second.unwrap(), "the second thread's file is locked");
    assert!(first.unwrap(), "the first thread's file is locked");
}
