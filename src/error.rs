//! The library's one error type. Messages are in Vietnamese, the user's language,
//! and name the file (and row and field where there is one).

use std::path::PathBuf;

/// Everything that can go wrong below the UI.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("Không đọc/ghi được tệp {path}: {source}")]
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
        "Tệp {path} được tạo bởi phiên bản hoinghi mới hơn (lược đồ {found}, ứng dụng này hỗ trợ đến {supported}). Hãy cập nhật ứng dụng. Tệp không bị thay đổi."
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("Tệp {path} không tồn tại.")]
    Missing { path: PathBuf },

    #[error("Tệp {path} đã có dữ liệu ({records} bản ghi); lệnh demo chỉ ghi vào tệp trống.")]
    NotEmpty { path: PathBuf, records: i64 },

    #[error("Không tìm thấy bản ghi {0}.")]
    NotFound(String),

    #[error("Dữ liệu không hợp lệ: {0}")]
    Invalid(String),

    #[error("Tệp đang mở ở chế độ chỉ đọc; không thể ghi thay đổi.")]
    ReadOnly,

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

fn import_message(
    file: &std::path::Path,
    row: Option<usize>,
    field: Option<&str>,
    reason: &str,
) -> String {
    let row = row.map(|r| format!(", dòng {r}")).unwrap_or_default();
    let field = field.map(|f| format!(", cột \"{f}\"")).unwrap_or_default();
    let at = format!("{row}{field}");
    format!(
        "Không nhập được tệp {}{at}: {reason}. Không có gì được nhập.",
        file.display()
    )
}

/// Shorthand used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
