//! The window's own file dialog, for when the platform cannot show one: the folders and
//! the files it is about (Vietnamese names sorted in Vietnamese order), a way up, the
//! usual places, the file name to type, and Open or Save. It starts in the last folder
//! used. Every field is labelled, so it can be driven from the keyboard and from tests.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::dialogs::Ask;
use super::i18n::Strings;
use super::theme;

/// One line of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    name: String,
    dir: bool,
}

/// The open dialog.
#[derive(Debug, Clone)]
pub struct OwnFileDialog {
    pub ask: Ask,
    dir: PathBuf,
    /// The folder as typed in its field.
    dir_text: String,
    entries: Vec<Entry>,
    name: String,
    error: Option<String>,
}

/// What the user did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Chosen(PathBuf),
    Cancelled,
}

/// The folder to start in: the last one used, else the documents folder, else home.
pub fn start_folder(last: Option<&Path>) -> PathBuf {
    last.filter(|p| p.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| {
            directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf))
        })
        .or_else(|| directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

impl OwnFileDialog {
    pub fn new(ask: Ask, start: &Path) -> Self {
        let mut d = Self {
            name: ask.suggested().unwrap_or_default().to_owned(),
            ask,
            dir: PathBuf::new(),
            dir_text: String::new(),
            entries: Vec::new(),
            error: None,
        };
        d.enter(start.to_path_buf());
        d
    }

    /// Lists `dir`: its folders, then the files the question is about.
    fn enter(&mut self, dir: PathBuf) {
        let extensions = self.ask.extensions();
        match std::fs::read_dir(&dir) {
            Ok(read) => {
                let mut entries: Vec<Entry> =
                    read.filter_map(Result::ok)
                        .filter_map(|e| {
                            let name = e.file_name().to_string_lossy().into_owned();
                            let dir = e.path().is_dir();
                            let wanted =
                                dir || e.path().extension().and_then(|x| x.to_str()).is_some_and(
                                    |x| extensions.contains(&x.to_ascii_lowercase().as_str()),
                                );
                            (wanted && !name.starts_with('.')).then_some(Entry { name, dir })
                        })
                        .collect();
                entries.sort_by(|a, b| {
                    b.dir
                        .cmp(&a.dir)
                        .then_with(|| crate::text::compare_vi(&a.name, &b.name))
                });
                self.entries = entries;
                self.dir_text = dir.display().to_string();
                self.dir = dir;
                self.error = None;
            }
            Err(e) => {
                self.error = Some(format!("{}: {e}", dir.display()));
                self.dir_text = self.dir.display().to_string();
            }
        }
    }

    /// Draws the dialog over the window; gives what the user did once they did it.
    pub fn ui(&mut self, ctx: &egui::Context, s: &Strings) -> Option<Outcome> {
        let mut outcome = None;
        egui::Modal::new(egui::Id::unique("own_file_dialog")).show(ctx, |ui| {
            ui.set_width(760.0);
            ui.heading(self.ask.title());
            ui.label(theme::muted(s.fd_why).small());
            ui.add_space(4.0);
            self.places_ui(ui, s);
            self.folder_ui(ui, s);
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
            }
            self.listing_ui(ui, s, &mut outcome);
            ui.separator();
            let label = ui.label(s.fd_name);
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                let go = if self.ask.saving() {
                    s.fd_save
                } else {
                    s.fd_open
                };
                let ready = !self.name.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(RichText::new(go).strong()))
                    .clicked()
                    || (enter && ready)
                {
                    outcome = self.choose();
                }
                if ui.button(s.cancel).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    outcome = Some(Outcome::Cancelled);
                }
            });
        });
        outcome
    }

    /// The usual places: documents, desktop, home, and on Windows each drive.
    fn places_ui(&mut self, ui: &mut Ui, s: &Strings) {
        let mut go = None;
        ui.horizontal_wrapped(|ui| {
            if let Some(u) = directories::UserDirs::new() {
                for (label, dir) in [
                    (s.fd_documents, u.document_dir()),
                    (s.fd_desktop, u.desktop_dir()),
                    (s.fd_home, Some(u.home_dir())),
                ] {
                    if let Some(dir) = dir
                        && ui.small_button(label).clicked()
                    {
                        go = Some(dir.to_path_buf());
                    }
                }
            }
            for drive in drives() {
                if ui.small_button(drive.display().to_string()).clicked() {
                    go = Some(drive);
                }
            }
        });
        if let Some(dir) = go {
            self.enter(dir);
        }
    }

    /// The folder shown, typed or reached by going up.
    fn folder_ui(&mut self, ui: &mut Ui, s: &Strings) {
        ui.horizontal(|ui| {
            let label = ui.label(s.fd_folder);
            let up = self.dir.parent().map(Path::to_path_buf);
            if ui
                .add_enabled(up.is_some(), egui::Button::new(s.fd_up))
                .clicked()
                && let Some(up) = up
            {
                self.enter(up);
            }
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.dir_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if field.lost_focus() {
                let typed = PathBuf::from(self.dir_text.trim());
                if typed != self.dir {
                    self.enter(typed);
                }
            }
        });
    }

    fn listing_ui(&mut self, ui: &mut Ui, s: &Strings, outcome: &mut Option<Outcome>) {
        let mut enter = None;
        let mut open = false;
        egui::ScrollArea::vertical()
            .max_height(330.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.entries.is_empty() {
                    ui.label(theme::muted(s.fd_empty));
                }
                for e in &self.entries {
                    let text = if e.dir {
                        format!("{}  [{}]", e.name, s.fd_folder_mark)
                    } else {
                        e.name.clone()
                    };
                    let selected = !e.dir && e.name == self.name;
                    let row = ui.add(egui::Button::selectable(selected, text).truncate());
                    if e.dir && (row.clicked() || row.double_clicked()) {
                        enter = Some(self.dir.join(&e.name));
                    } else if row.double_clicked() {
                        self.name.clone_from(&e.name);
                        open = true;
                    } else if row.clicked() {
                        self.name.clone_from(&e.name);
                    }
                }
            });
        if let Some(dir) = enter {
            self.enter(dir);
        } else if open {
            *outcome = self.choose();
        }
    }

    /// The path the name and folder make, when it answers the question.
    fn choose(&mut self) -> Option<Outcome> {
        let name = self.name.trim();
        let path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            self.dir.join(name)
        };
        if path.is_dir() {
            self.enter(path);
            return None;
        }
        if !self.ask.saving() && !path.is_file() {
            self.error = Some(format!("{} không tồn tại", path.display()));
            return None;
        }
        Some(Outcome::Chosen(self.ask.with_extension(path)))
    }
}

/// The drive letters present (Windows); none elsewhere.
fn drives() -> Vec<PathBuf> {
    if cfg!(windows) {
        (b'C'..=b'Z')
            .map(|l| PathBuf::from(format!("{}:\\", l as char)))
            .filter(|p| p.exists())
            .collect()
    } else {
        Vec::new()
    }
}
