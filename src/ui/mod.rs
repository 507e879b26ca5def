//! The window: eframe app, panels, theme and the strings they show.

pub mod action;
pub mod app;
mod change_label;
pub mod data;
pub mod dialogs;
pub mod file_dialog;
pub mod i18n;
pub mod job;
pub mod panels;
pub mod record;
pub mod theme;
pub mod typing;
pub mod widgets;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use app::App;

/// The pages of the left navigation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Page {
    #[default]
    Overview,
    Desk,
    Attendees,
    Questions,
    Gifts,
    Commendations,
    /// Print lists and export spreadsheets.
    Export,
    /// Topics and commendation kinds.
    Lists,
    /// Automatic snapshots and restore.
    Backups,
    /// The history of changes, with undo and redo.
    History,
    /// The import preview (not in the navigation; opened from menus and buttons).
    Import,
}

/// What is kept between runs (eframe storage): language and recent files.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Persisted {
    pub lang: crate::ui::i18n::Lang,
    pub recent: Vec<PathBuf>,
    /// The folder of the last file chosen.
    #[serde(default)]
    pub last_dir: Option<PathBuf>,
    /// Built-in Vietnamese typing (off unless turned on).
    #[serde(default)]
    pub typing: typing::Settings,
}

const STORAGE_KEY: &str = "hoinghi";

/// Opens the window on a conference file (created when missing).
pub fn run(file: PathBuf) -> anyhow::Result<()> {
    // The windowing crates warn about every odd key or monitor: keep only their errors.
    let quiet = [
        ("winit", tracing::Level::ERROR),
        ("eframe", tracing::Level::WARN),
        ("egui_glow", tracing::Level::WARN),
        ("egui_wgpu", tracing::Level::WARN),
        ("wgpu", tracing::Level::ERROR),
    ];
    if let Err(e) = crate::logs::init(&crate::paths::data_dir(), &quiet) {
        eprintln!("Không ghi được nhật ký: {e}");
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([1000.0, 620.0])
            .with_title("hoinghi")
            .with_app_id("hoinghi"),
        ..Default::default()
    };
    eframe::run_native(
        "hoinghi",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            let persisted: Persisted = cc
                .storage
                .and_then(|s| eframe::get_value(s, STORAGE_KEY))
                .unwrap_or_default();
            Ok(Box::new(App::open(
                &file,
                Box::<dialogs::NativeDialogs>::default(),
                persisted,
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("không mở được cửa sổ: {e}"))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.guarded_frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.persisted());
    }
}
