//! Native file dialogs behind a trait, so tests choose the files themselves.

use std::path::PathBuf;

/// The file questions the app asks the user.
pub trait FileDialogs {
    /// Pick an existing conference file.
    fn open_conference(&mut self) -> Option<PathBuf>;
    /// Choose where a new conference file goes.
    fn new_conference(&mut self) -> Option<PathBuf>;
    /// Pick a spreadsheet or CSV file to import.
    fn import_file(&mut self) -> Option<PathBuf>;
    /// Choose where to save a copy of the open conference.
    fn save_copy(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// Choose where a printed list or export goes.
    fn export_file(
        &mut self,
        suggested_name: &str,
        format: crate::export::Format,
    ) -> Option<PathBuf>;
}

/// The platform's dialogs, through rfd.
#[derive(Debug, Default)]
pub struct NativeDialogs;

fn filter(d: rfd::FileDialog) -> rfd::FileDialog {
    d.add_filter("Tệp hội nghị (SQLite)", &["sqlite", "db", "hoinghi"])
}

impl FileDialogs for NativeDialogs {
    fn open_conference(&mut self) -> Option<PathBuf> {
        filter(rfd::FileDialog::new().set_title("Mở tệp hội nghị")).pick_file()
    }

    fn new_conference(&mut self) -> Option<PathBuf> {
        filter(
            rfd::FileDialog::new()
                .set_title("Tạo hội nghị mới")
                .set_file_name("hoi-nghi-moi.sqlite"),
        )
        .save_file()
    }

    fn import_file(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Nhập danh sách đại biểu")
            .add_filter(
                "Bảng tính, CSV",
                &["xlsx", "xls", "xlsm", "ods", "csv", "txt"],
            )
            .pick_file()
    }

    fn save_copy(&mut self, suggested_name: &str) -> Option<PathBuf> {
        filter(
            rfd::FileDialog::new()
                .set_title("Lưu bản sao")
                .set_file_name(suggested_name),
        )
        .save_file()
    }

    fn export_file(
        &mut self,
        suggested_name: &str,
        format: crate::export::Format,
    ) -> Option<PathBuf> {
        let ext = format.extension();
        rfd::FileDialog::new()
            .set_title("Lưu danh sách")
            .set_file_name(suggested_name)
            .add_filter(ext.to_uppercase(), &[ext])
            .save_file()
            // Some platforms drop an extension the user did not type.
            .map(|p| {
                if crate::export::Format::from_path(&p) == Some(format) {
                    p
                } else {
                    let mut s = p.into_os_string();
                    s.push(".");
                    s.push(ext);
                    PathBuf::from(s)
                }
            })
    }
}
