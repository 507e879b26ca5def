//! The library's one error type. Messages are in Vietnamese, the user's language,
//! and name the file (and row and field where there is one).

use std::path::PathBuf;

/// Everything that can go wrong below the UI.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", sqlite_message(.0))]
    Sqlite(#[from] rusqlite::Error),

    #[error("{}", io_message(path, source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("Tệp {path} không phải là tệp hội nghị của hoinghi: {detail}. Tệp không bị thay đổi.")]
    NotHoinghi { path: PathBuf, detail: String },

    #[error("Tệp {path} bị hỏng ({detail}). Tệp không bị thay đổi.")]
    Corrupt { path: PathBuf, detail: String },

    #[error(
        "Không đọc/ghi được tệp hội nghị {path}: lỗi ổ đĩa ({detail}); ổ đĩa có thể đã đầy hoặc đã bị rút ra. Tệp không bị thay đổi."
    )]
    Disk { path: PathBuf, detail: String },

    #[error(
        "Tệp {path} được tạo bởi phiên bản hoinghi mới hơn (lược đồ {found}, ứng dụng này hỗ trợ đến {supported}). Hãy cập nhật ứng dụng. Tệp không bị thay đổi."
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "Tệp {path} được khoá bằng mật khẩu (hoặc không phải tệp SQLite). Hãy nhập mật khẩu của tệp; ở dòng lệnh, đặt biến HOINGHI_PASSPHRASE hoặc dùng --passphrase-file. Tệp không bị thay đổi."
    )]
    Locked { path: PathBuf },

    #[error(
        "Mật khẩu không đúng: không mở được tệp {path} (hoặc tệp không phải tệp hội nghị). Tệp không bị thay đổi."
    )]
    WrongPassphrase { path: PathBuf },

    #[error("Tệp {path} không được khoá bằng mật khẩu; không có gì để mở khoá hay đổi mật khẩu.")]
    NotLocked { path: PathBuf },

    #[error(
        "Chưa có mật khẩu: đặt biến môi trường HOINGHI_PASSPHRASE hoặc dùng --passphrase-file TỆP (đừng ghi mật khẩu ngay trên dòng lệnh)."
    )]
    NoPassphrase,

    #[error(
        "Chưa có mật khẩu mới: đặt biến môi trường HOINGHI_NEW_PASSPHRASE hoặc dùng --new-passphrase-file TỆP."
    )]
    NoNewPassphrase,

    #[error("Mật khẩu phải có ít nhất {min} ký tự.")]
    WeakPassphrase { min: usize },

    #[error("Tệp {path} không tồn tại.")]
    Missing { path: PathBuf },

    #[error("Tệp {path} đã có dữ liệu ({records} bản ghi); lệnh demo chỉ ghi vào tệp trống.")]
    NotEmpty { path: PathBuf, records: i64 },

    #[error("Không tìm thấy bản ghi {0}.")]
    NotFound(String),

    #[error("Dữ liệu không hợp lệ: {0}")]
    Invalid(String),

    /// A host or desk could not do what was asked (network, pairing); said in words.
    #[error("{0}")]
    Desks(String),

    /// The printing system refused or is missing; said in words.
    #[error("Không in được: {0}")]
    Print(String),

    #[error("Tệp đang mở ở chế độ chỉ đọc; không thể ghi thay đổi.")]
    ReadOnly,

    /// The window has no conference file open (its first start refused one).
    #[error("Chưa mở tệp hội nghị nào; hãy mở hoặc tạo một tệp hội nghị.")]
    NoFile,

    /// Another import, export or large undo is still running.
    #[error("Một tác vụ nhập, xuất tệp hoặc hoàn tác lớn đang chạy; hãy chờ xong rồi thử lại.")]
    Busy,

    /// A second gift to one person without the reason the rule asks for.
    #[error(
        "{recipient} đã được nhận quà tại hội nghị này; muốn trao thêm phải ghi lý do vào ô \"Lý do trao thêm\"."
    )]
    SecondGift { recipient: String },

    /// A new conference file was asked for at a path that already holds a file.
    #[error("Tệp {path} đã tồn tại; hãy chọn tên khác hoặc dùng Mở…")]
    Exists { path: PathBuf },

    /// A question number that no question has.
    #[error("Không có câu hỏi số {0}.")]
    NoSuchQuestion(i64),

    /// A list cannot be written in the format a file name asks for.
    #[error("Không biết định dạng của tệp {path}: hãy dùng đuôi .pdf, .xlsx hoặc .csv.")]
    UnknownFormat { path: PathBuf },

    /// A list asked for in a format it is not written in (minutes as CSV).
    #[error("«{list}» chỉ xuất ra được tệp {allowed}.")]
    FormatNotFor { list: String, allowed: String },

    /// A follow-up sheet asked for a unit that was given no opinion to answer.
    #[error("Không có ý kiến nào giao cho đơn vị «{unit}» trả lời. Các đơn vị được giao: {known}.")]
    NoSuchUnit { unit: String, known: String },

    /// A PDF, DOCX, XLSX or CSV writer failed (nothing was written).
    #[error("Không tạo được tệp {format}: {detail}")]
    Write {
        format: &'static str,
        detail: String,
    },

    /// The history holds a statement this build does not replay.
    #[error("Lịch sử thay đổi trong tệp có câu lệnh lạ; không hoàn tác.")]
    ForeignHistory,

    /// A file that must be upgraded before it can be opened read-only.
    #[error("Tệp {path} cần được nâng cấp lược đồ, không thể mở chỉ đọc.")]
    NeedsUpgrade { path: PathBuf },

    /// The conference file is held by a window or a host: another writer would race it.
    #[error(
        "Tệp {path} đang được mở trong cửa sổ hoinghi hoặc đang chia sẻ cho các bàn; hãy nhập hoặc sửa từ cửa sổ đó (hoặc đóng nó rồi chạy lại lệnh)."
    )]
    HeldElsewhere { path: PathBuf },

    /// A file that cannot be imported; nothing was imported.
    #[error("{}", import_message(file, *row, field.as_deref(), reason))]
    Import {
        file: PathBuf,
        /// 1-based row in the sheet, where one is to blame.
        row: Option<usize>,
        field: Option<String>,
        reason: String,
    },

    #[error("Đã huỷ; tệp hội nghị không thay đổi.")]
    Cancelled,
}

/// A full disk and a busy file are everyday events at a venue: say what to do.
fn sqlite_message(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            "Ổ đĩa chứa tệp hội nghị đã đầy: thay đổi này chưa được lưu, \
             dữ liệu đã lưu vẫn nguyên vẹn. Hãy xoá bớt tệp trên ổ đĩa rồi thử lại."
                .into()
        }
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            "Tệp hội nghị đang bận (một chương trình khác đang ghi vào): thay đổi chưa được lưu, \
             hãy thử lại sau giây lát."
                .into()
        }
        _ => format!("Lỗi cơ sở dữ liệu: {e}"),
    }
}

fn io_message(path: &std::path::Path, e: &std::io::Error) -> String {
    let why = match e.kind() {
        std::io::ErrorKind::StorageFull => "ổ đĩa đã đầy; hãy xoá bớt tệp rồi thử lại".to_owned(),
        std::io::ErrorKind::PermissionDenied => "không có quyền truy cập".to_owned(),
        std::io::ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục".to_owned(),
        _ => e.to_string(),
    };
    format!("Không đọc/ghi được tệp {}: {why}", path.display())
}

fn import_message(
    file: &std::path::Path,
    row: Option<usize>,
    field: Option<&str>,
    reason: &str,
) -> String {
    let row = row.map(|r| format!(", dòng {r}")).unwrap_or_default();
    let field = field.map(|f| format!(", cột {f}")).unwrap_or_default();
    let at = format!("{row}{field}");
    format!(
        "Không nhập được tệp {}{at}: {reason}. Không có gì được nhập.",
        file.display()
    )
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
