//! Where the app keeps its files on each platform (directories crate).

use std::path::PathBuf;

/// The data folder: `%APPDATA%\hoinghi\hoinghi\data` on Windows,
/// `~/.local/share/hoinghi` on Linux; a `data` folder beside the exe in a portable copy.
/// `HOINGHI_DATA_DIR` overrides it (tests, another folder).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("HOINGHI_DATA_DIR") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = portable_dir() {
        return dir;
    }
    directories::ProjectDirs::from("vn", "hoinghi", "hoinghi")
        .map_or_else(|| PathBuf::from("."), |p| p.data_dir().to_owned())
}

/// The marker of a portable copy: beside the exe, it keeps the data in a `data` folder
/// there (a USB stick, a folder copied from laptop to laptop) instead of the user's profile.
pub const PORTABLE_MARKER: &str = "hoinghi-portable.txt";

fn portable_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    dir.join(PORTABLE_MARKER)
        .is_file()
        .then(|| dir.join("data"))
}

/// The conference file opened when `hoinghi` is started with no argument.
/// Where the automatic snapshots of every conference file are kept.
pub fn backups_dir() -> PathBuf {
    data_dir().join("backups")
}

pub fn default_conference_file() -> PathBuf {
    data_dir().join("hoi-nghi.sqlite")
}

/// Where the sample conference offered on first start is written.
pub fn sample_conference_file() -> PathBuf {
    data_dir().join("hoi-nghi-mau.sqlite")
}

/// The form of `path` to hand to `SQLite`. Windows refuses paths of 260 characters or
/// more unless they are written in the long form (`\\?\C:\…`); Rust's standard library
/// writes that form for its own calls, `SQLite` does not. Its `-journal` and `-wal` files
/// add 8 characters, so the long form starts well before the limit.
pub fn for_sqlite(path: &std::path::Path) -> std::borrow::Cow<'_, std::path::Path> {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::{OsStrExt as _, OsStringExt as _};
        const LONG: usize = 200;
        let wide: Vec<u16> = path.as_os_str().encode_wide().collect();
        let prefix = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        if wide.len() >= LONG
            && !wide.starts_with(&prefix(r"\\?\"))
            && let Ok(full) = std::path::absolute(path)
        {
            let full: Vec<u16> = full.as_os_str().encode_wide().collect();
            // \\server\share\… becomes \\?\UNC\server\share\…
            let long = match full.strip_prefix(prefix(r"\\").as_slice()) {
                Some(rest) => [prefix(r"\\?\UNC\").as_slice(), rest].concat(),
                None => [prefix(r"\\?\").as_slice(), &full].concat(),
            };
            return std::borrow::Cow::Owned(std::ffi::OsString::from_wide(&long).into());
        }
    }
    std::borrow::Cow::Borrowed(path)
}
