//! The window: eframe app, panels, theme and the strings they show.

pub mod action;
pub mod app;
pub mod autosave;
mod change_label;
pub mod data;
pub mod dialogs;
pub mod file_dialog;
pub mod i18n;
pub mod job;
pub mod panels;
pub mod passphrase;
pub mod preview;
pub mod record;
pub mod renderer;
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
    /// The desks of this host (in the navigation while the file is open to desks).
    Desks,
    /// The programme and the MC's script.
    Programme,
    /// After the conference: each opinion followed up until it is answered.
    FollowUp,
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
    /// The window was a desk of a host when it closed: it opens as that desk again.
    #[serde(default)]
    pub desk_mode: bool,
    /// The MC view's type size, as the MC last set it (Ctrl+plus, Ctrl+minus).
    #[serde(default)]
    pub mc_size: Option<f32>,
}

const STORAGE_KEY: &str = "hoinghi";

/// Opens the window on a conference file (created when missing), with `forced` renderer
/// or, by default, the first of both that can draw on this machine.
pub fn run(file: &std::path::Path, forced: Option<renderer::Renderer>) -> anyhow::Result<()> {
    // The windowing crates warn about every odd key or monitor: keep only their errors.
    let quiet = [
        ("winit", tracing::Level::ERROR),
        ("eframe", tracing::Level::WARN),
        ("egui_glow", tracing::Level::WARN),
        ("egui_wgpu", tracing::Level::WARN),
        ("wgpu", tracing::Level::ERROR),
        ("wgpu_hal", tracing::Level::ERROR),
        ("wgpu_core", tracing::Level::ERROR),
        ("naga", tracing::Level::ERROR),
    ];
    let data_dir = crate::paths::data_dir();
    if let Err(e) = crate::logs::init(&data_dir, &quiet) {
        eprintln!("Không ghi được nhật ký: {e}");
    }
    let memory = renderer::Memory::new(&data_dir);
    let forced = forced.or_else(|| {
        std::env::var(renderer::ENV)
            .ok()
            .and_then(|name| renderer::parse(&name))
    });
    if let Some(crashed) = memory.crashed() {
        tracing::warn!("the last start with {crashed} ended before drawing: trying it last");
    }
    let order = renderer::order(forced, memory.remembered(), memory.crashed());
    let started = std::time::Instant::now();
    let result = renderer::run_first_that_starts(&order, &memory, |r| {
        start_window(file, r, &memory, started)
    });
    result.map_err(|reasons| anyhow::anyhow!(renderer::tell_none_started(&reasons)))
}

/// One try at opening the window with renderer `r`.
fn start_window(
    file: &std::path::Path,
    r: renderer::Renderer,
    memory: &renderer::Memory,
    started: std::time::Instant,
) -> renderer::Attempt {
    let drawn = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let options = eframe::NativeOptions {
        renderer: r,
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([1000.0, 620.0])
            .with_title("hoinghi")
            .with_app_id("hoinghi")
            .with_icon(std::sync::Arc::new(icon())),
        ..Default::default()
    };
    let file = file.to_owned();
    let window_drawn = std::sync::Arc::clone(&drawn);
    let memory_for_window = memory.clone();
    let result = eframe::run_native(
        "hoinghi",
        options,
        Box::new(move |cc| {
            theme::install(&cc.egui_ctx);
            let persisted: Persisted = cc
                .storage
                .and_then(|s| eframe::get_value(s, STORAGE_KEY))
                .unwrap_or_default();
            let app = App::open(&file, Box::<dialogs::NativeDialogs>::default(), persisted);
            Ok(Box::new(Window {
                app,
                renderer: r,
                frames: 0,
                drawn: window_drawn,
                memory: memory_for_window,
                started,
                slowest: std::time::Duration::ZERO,
            }))
        }),
    );
    let drawn = drawn.load(std::sync::atomic::Ordering::SeqCst);
    match result {
        Ok(()) => renderer::Attempt::Done(Ok(())),
        Err(e) if drawn => renderer::Attempt::Done(Err(e.to_string())),
        Err(e) => renderer::Attempt::NoStart(e.to_string()),
    }
}

/// The app's icon for the window and the taskbar.
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon-256.png"))
        .unwrap_or_default()
}

/// The app inside eframe, and the signal that the renderer drew.
struct Window {
    app: App,
    renderer: renderer::Renderer,
    frames: u32,
    drawn: std::sync::Arc<std::sync::atomic::AtomicBool>,
    memory: renderer::Memory,
    /// When the program started, for the log's "first frame drawn … after start".
    started: std::time::Instant,
    /// The longest frame so far (the app's work, without painting).
    slowest: std::time::Duration,
}

/// A frame this long holds keys back where a person notices: it goes to the log.
const SLOW_FRAME: std::time::Duration = std::time::Duration::from_millis(250);

impl eframe::App for Window {
    /// Runs before every frame, and alone while the window is minimised or hidden: a
    /// close asked for then still writes what was typed.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) {
            self.app.write_unsaved();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let began = std::time::Instant::now();
        self.app.guarded_frame_ui(ui);
        let took = began.elapsed();
        self.slowest = self.slowest.max(took);
        // The second frame means the first was painted.
        self.frames += 1;
        if took >= SLOW_FRAME {
            tracing::warn!(ms = took.as_millis(), frame = self.frames, "slow frame");
        }
        if self.frames == 1 {
            ui.ctx().request_repaint();
        } else if self.frames == 2 {
            self.drawn.store(true, std::sync::atomic::Ordering::SeqCst);
            self.memory.drew(self.renderer);
            tracing::info!(
                "first frame drawn with {}, {} ms after start",
                self.renderer,
                self.started.elapsed().as_millis()
            );
        } else if self.frames.is_power_of_two() {
            tracing::info!(
                "{} frames drawn, {} ms after start, the slowest {} ms",
                self.frames,
                self.started.elapsed().as_millis(),
                self.slowest.as_millis()
            );
        }
        let _ = frame;
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.app.persisted());
    }

    /// The last chance: whatever is still typed and unwritten goes to the file.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.app.write_unsaved();
    }
}
