//! File questions: the platform's own dialogs through rfd, behind a trait so tests choose
//! the files themselves. When no native dialog can be shown (a Linux desktop without an
//! XDG portal or zenity), the window opens its own (`file_dialog`): it never does nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::export::{Format, ListKind, Options};
use crate::import::Kind;

/// What a file question is for; the answer carries it on.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Pick an existing conference file.
    OpenConference,
    /// Choose where a new conference file goes.
    NewConference,
    /// Pick a spreadsheet or CSV file of this kind of record.
    Import(Kind),
    /// Choose where to save a copy of the open conference.
    SaveCopy { suggested: String },
    /// Choose where a printed list or export goes.
    Export {
        kind: ListKind,
        options: Options,
        format: Format,
        suggested: String,
    },
    /// Pick a desk's file of check-ins (brought on a USB stick) to apply on the host.
    DeskFileOpen,
    /// Choose where this desk's unsent check-ins go (a USB stick).
    DeskFileSave { suggested: String },
}

impl Ask {
    /// Whether the question is where to write a file (else which file to read).
    pub fn saving(&self) -> bool {
        matches!(
            self,
            Self::NewConference
                | Self::SaveCopy { .. }
                | Self::Export { .. }
                | Self::DeskFileSave { .. }
        )
    }

    /// The file name offered when saving.
    pub fn suggested(&self) -> Option<&str> {
        match self {
            Self::SaveCopy { suggested }
            | Self::Export { suggested, .. }
            | Self::DeskFileSave { suggested } => Some(suggested),
            Self::NewConference => Some("hoi-nghi-moi.sqlite"),
            Self::OpenConference | Self::Import(_) | Self::DeskFileOpen => None,
        }
    }

    /// The extensions of the files it is about (lower case, no dot).
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            Self::OpenConference | Self::NewConference | Self::SaveCopy { .. } => {
                &["sqlite", "db", "hoinghi"]
            }
            // Word's old .doc, RTF and PDF are offered too: choosing one says how to
            // turn it into a file that can be read, rather than hiding it.
            Self::Import(_) => &[
                "xlsx", "xls", "xlsm", "xlsb", "ods", "csv", "txt", "htm", "html", "docx", "docm",
                "doc", "rtf", "pdf",
            ],
            // A desk of a locked host writes its file locked (`.diemdanh`).
            Self::DeskFileOpen | Self::DeskFileSave { .. } => &["json", "diemdanh"],
            Self::Export { format, .. } => match format {
                Format::Pdf => &["pdf"],
                Format::Docx => &["docx"],
                Format::Xlsx => &["xlsx"],
                Format::Csv => &["csv"],
            },
        }
    }

    /// The dialog's title, in Vietnamese as the platform dialogs are.
    pub fn title(&self) -> &'static str {
        match self {
            Self::OpenConference => "Mở tệp hội nghị",
            Self::NewConference => "Tạo hội nghị mới",
            Self::Import(Kind::Attendees) => "Nhập danh sách đại biểu",
            Self::Import(Kind::Questions) => "Nhập câu hỏi, ý kiến",
            Self::Import(Kind::Gifts) => "Nhập danh sách quà tặng",
            Self::Import(Kind::Commendations) => "Nhập danh sách khen thưởng",
            Self::Import(Kind::Answers) => "Nhập phiếu trả lời ý kiến của đơn vị",
            Self::SaveCopy { .. } => "Lưu bản sao",
            Self::Export { .. } => "Lưu danh sách",
            Self::DeskFileOpen => "Nhận lượt điểm danh từ bàn",
            Self::DeskFileSave { .. } => "Lưu lượt điểm danh chờ gửi",
        }
    }

    /// A name typed without the extension gets it: some platforms drop one the user did
    /// not type, and "danh-sach" should still become "danh-sach.pdf".
    pub fn with_extension(&self, path: PathBuf) -> PathBuf {
        let Self::Export { format, .. } = self else {
            return path;
        };
        if Format::from_path(&path) == Some(*format) {
            path
        } else {
            let mut s = path.into_os_string();
            s.push(".");
            s.push(format.extension());
            PathBuf::from(s)
        }
    }
}

/// How a file question was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown: the window asks with its own.
    Unavailable,
}

/// The file questions the app asks the user.
pub trait FileDialogs {
    /// Asks `ask`, starting in `start` (the last folder used) when given.
    fn ask(&mut self, ask: &Ask, start: Option<&Path>) -> Answer;
}

/// The platform's dialogs, through rfd.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    /// Set once a native dialog failed to appear: later questions go straight to the
    /// window's own dialog.
    unavailable: bool,
}

/// A dialog that came back sooner than this was never seen: nobody cancels that fast.
/// rfd returns at once when it has no portal and no zenity to show one with.
const UNSEEN: Duration = Duration::from_millis(250);

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, ask: &Ask, start: Option<&Path>) -> Answer {
        if self.unavailable || std::env::var_os("HOINGHI_OWN_FILE_DIALOG").is_some() {
            return Answer::Unavailable;
        }
        let mut d = rfd::FileDialog::new()
            .set_title(ask.title())
            .add_filter(filter_name(ask), ask.extensions());
        if let Some(dir) = start {
            d = d.set_directory(dir);
        }
        if let Some(name) = file_name(ask, start, zenity_fallback()) {
            d = d.set_file_name(name);
        }
        let asked = Instant::now();
        let picked = if ask.saving() {
            d.save_file()
        } else {
            d.pick_file()
        };
        match picked {
            Some(p) => Answer::Chosen(ask.with_extension(p)),
            None if asked.elapsed() < UNSEEN => {
                tracing::warn!("no native file dialog could be shown; using the window's own");
                self.unavailable = true;
                Answer::Unavailable
            }
            None => Answer::Cancelled,
        }
    }
}

/// The file name given to the dialog: the suggested one; where rfd falls back to zenity,
/// which ignores the starting folder and opens in the working directory, a path in the
/// starting folder (the save dialog did not start in the folder last saved to).
fn file_name(ask: &Ask, start: Option<&Path>, zenity: bool) -> Option<String> {
    let name = ask.suggested();
    match start {
        Some(dir) if zenity => {
            let mut path = dir.join(name.unwrap_or_default()).display().to_string();
            if name.is_none() && !path.ends_with(std::path::MAIN_SEPARATOR) {
                path.push(std::path::MAIN_SEPARATOR);
            }
            Some(path)
        }
        _ => name.map(str::to_owned),
    }
}

/// Whether rfd will ask zenity rather than the desktop portal: on Linux and the BSDs
/// when no portal can be started on the session bus (its service file is missing).
fn zenity_fallback() -> bool {
    if cfg!(any(windows, target_os = "macos")) {
        return false;
    }
    let data = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".to_owned());
    let home = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")));
    !data.split(':').map(PathBuf::from).chain(home).any(|d| {
        d.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .exists()
    })
}

fn filter_name(ask: &Ask) -> &'static str {
    match ask {
        Ask::OpenConference | Ask::NewConference | Ask::SaveCopy { .. } => "Tệp hội nghị (SQLite)",
        Ask::Import(_) => "Bảng tính, Word, CSV",
        Ask::DeskFileOpen | Ask::DeskFileSave { .. } => "Lượt điểm danh của bàn (JSON)",
        Ask::Export { format, .. } => match format {
            Format::Pdf => "PDF",
            Format::Xlsx => "Excel",
            Format::Csv => "CSV",
            Format::Docx => "Word",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 21 §7: zenity opened the save dialog in the working directory, not in the
    /// folder last saved to.
    #[test]
    fn zenity_is_given_the_last_folder_in_the_file_name() {
        let ask = Ask::Export {
            kind: ListKind::Signin,
            options: Options::default(),
            format: Format::Pdf,
            suggested: "Danh sách.pdf".into(),
        };
        let dir = Path::new("/home/cb/Hội nghị");
        assert_eq!(
            file_name(&ask, Some(dir), true).map(PathBuf::from),
            Some(dir.join("Danh sách.pdf"))
        );
        // The portal takes the folder apart: the name stays a name.
        assert_eq!(
            file_name(&ask, Some(dir), false).as_deref(),
            Some("Danh sách.pdf")
        );
        assert_eq!(
            file_name(&ask, None, true).as_deref(),
            Some("Danh sách.pdf")
        );
        // Opening: the folder itself, as a folder.
        let open = file_name(&Ask::OpenConference, Some(dir), true).unwrap_or_default();
        assert!(open.starts_with("/home/cb/Hội nghị") && open.ends_with(std::path::MAIN_SEPARATOR));
        assert_eq!(file_name(&Ask::OpenConference, Some(dir), false), None);
    }
}
