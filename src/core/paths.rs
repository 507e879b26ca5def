//! Where the app keeps its files on each platform (directories crate).

use std::path::PathBuf;

/// The data folder: `%APPDATA%\hoinghi\hoinghi\data` on Windows,
/// `~/.local/share/hoinghi` on Linux. `HOINGHI_DATA_DIR` overrides it (tests, portable use).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("HOINGHI_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("vn", "hoinghi", "hoinghi")
        .map_or_else(|| PathBuf::from("."), |p| p.data_dir().to_owned())
}

/// The conference file opened when `hoinghi` is started with no argument.
pub fn default_conference_file() -> PathBuf {
    data_dir().join("hoi-nghi.sqlite")
}

/// Where the sample conference offered on first start is written.
pub fn sample_conference_file() -> PathBuf {
    data_dir().join("hoi-nghi-mau.sqlite")
}
