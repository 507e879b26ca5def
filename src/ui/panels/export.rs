//! Print and export: pick a list, its grouping, order and format; see its pages as they
//! will print; print it or save it. Files are written and pages drawn in the background;
//! when a file is done the panel offers to open it.

use egui::{RichText, Ui};

use crate::export::{Format, ListKind, Options, Sort, Written};
use crate::print::Printer;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::preview::Preview;
use crate::ui::theme;

/// The export page's own state.
#[derive(Debug)]
pub struct ExportPanel {
    pub kind: ListKind,
    pub format: Format,
    pub group_by_unit: bool,
    pub sort: Option<Sort>,
    /// The follow-up sheet of one unit; `None`: every unit.
    pub unit: Option<String>,
    /// The last file written, offered for opening.
    pub written: Option<Written>,
    pub error: Option<String>,
    /// The chosen list's pages.
    pub preview: Preview,
    /// The print dialog, while open.
    pub print: Option<PrintDialog>,
}

/// Which printer and how many copies.
#[derive(Debug)]
pub struct PrintDialog {
    /// The system's printers once known, or why there are none.
    pub printers: Option<Result<Vec<Printer>, String>>,
    pub printer: Option<String>,
    pub copies: u32,
    pub loading: Option<std::sync::mpsc::Receiver<Result<Vec<Printer>, String>>>,
}

impl PrintDialog {
    /// Opens the dialog and asks the system for its printers on a thread.
    pub fn open(ctx: &egui::Context) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let _ = std::thread::Builder::new()
            .name("printers".into())
            .spawn(move || {
                let _ = tx.send(crate::print::printers().map_err(|e| e.to_string()));
                ctx.request_repaint();
            });
        Self {
            printers: None,
            printer: None,
            copies: 1,
            loading: Some(rx),
        }
    }
}

impl Default for ExportPanel {
    fn default() -> Self {
        Self {
            kind: ListKind::Signin,
            format: Format::Pdf,
            group_by_unit: false,
            sort: None,
            unit: None,
            written: None,
            error: None,
            preview: Preview::default(),
            print: None,
        }
    }
}

/// How many rows a list will have, from the live counts.
fn rows(kind: ListKind, data: &Data) -> i64 {
    let st = &data.stats;
    match kind {
        ListKind::Signin | ListKind::Attendance | ListKind::Badges | ListKind::Attendees => {
            st.attendees
        }
        ListKind::PlaceCards => {
            let items = &data.attendees.items;
            let pinned = items
                .iter()
                .filter(|a| a.data.protocol_order.is_some())
                .count();
            let n = if pinned > 0 {
                pinned
            } else {
                items
                    .iter()
                    .filter(|a| matches!(a.data.group.as_str(), "Lãnh đạo" | "Khách mời"))
                    .count()
            };
            i64::try_from(n).unwrap_or(i64::MAX)
        }
        ListKind::Report => i64::from(st.attendees > 0),
        ListKind::Programme | ListKind::Script => i64::try_from(data.programme.len()).unwrap_or(0),
        ListKind::Gifts => st.gifts,
        ListKind::Commendations => st.commendations,
        ListKind::Questions => st.questions,
        ListKind::Minutes | ListKind::Conclusion | ListKind::ResultsReport => 1,
        ListKind::FollowUp => {
            let owed = data
                .questions
                .items
                .iter()
                .filter(|q| q.data.is_followed_up())
                .count();
            i64::try_from(owed).unwrap_or(i64::MAX)
        }
    }
}

impl ExportPanel {
    pub fn options(&self) -> Options {
        Options {
            group_by_unit: self.group_by_unit
                && self.kind.is_people()
                && !matches!(self.kind, ListKind::Badges | ListKind::PlaceCards),
            sort: self.sort,
            unit: if self.kind == ListKind::FollowUp {
                self.unit.clone()
            } else {
                None
            },
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        running: Option<&Progress>,
        locked: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        self.preview.poll(ui.ctx());
        if ui.input_mut(|i| {
            i.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::COMMAND,
                egui::Key::P,
            ))
        }) {
            actions.push(Action::PrintOpen);
        }
        egui::Panel::left("export_lists")
            .exact_size(theme::EXPORT_LIST_WIDTH)
            .show(ui, |ui| {
                ui.heading(s.export_title);
                ui.label(theme::muted(s.export_heading_hint));
                if locked {
                    // Lists are made to be printed and sent: they leave the file's lock.
                    ui.label(RichText::new(s.export_not_locked).color(theme::WARNING));
                }
                ui.add_space(theme::GAP);
                egui::ScrollArea::vertical().show(ui, |ui| self.list_ui(ui, data, s));
            });
        egui::Panel::left("export_options")
            .exact_size(theme::EXPORT_OPTIONS_WIDTH)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.options_ui(ui, data, s, running, &mut actions);
                });
            });
        egui::CentralPanel::default().show(ui, |ui| self.preview_ui(ui, s));
        self.print_dialog_ui(ui.ctx(), s, &mut actions);
        actions
    }

    /// The pages as they will print: page number, previous and next, zoom.
    fn preview_ui(&mut self, ui: &mut Ui, s: &Strings) {
        let pv = &mut self.preview;
        let pages = pv.built.as_ref().map_or(0, |b| b.pages);
        let complete = pv.built.as_ref().is_some_and(|b| b.complete);
        // Wrapped: at 1366 px the pane is narrower than its buttons in a row.
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(s.preview_title).strong());
            if ui
                .add_enabled(pv.page > 0, egui::Button::new(s.preview_prev))
                .clicked()
            {
                pv.page -= 1;
            }
            let of = if complete {
                pages.to_string()
            } else {
                "…".to_owned()
            };
            ui.label(format!(
                "{} {}/{of}",
                s.preview_page,
                (pv.page + 1).min(pages.max(1))
            ));
            if ui
                .add_enabled(pv.page + 1 < pages, egui::Button::new(s.preview_next))
                .clicked()
            {
                pv.page += 1;
            }
            ui.separator();
            let width = pv.zoom.unwrap_or_else(|| ui.available_width());
            if ui.button(s.preview_zoom_out).clicked() {
                pv.zoom = Some((width / 1.25).max(200.0));
            }
            if ui.button(s.preview_zoom_in).clicked() {
                pv.zoom = Some((width * 1.25).min(2400.0));
            }
            if ui
                .add_enabled(pv.zoom.is_some(), egui::Button::new(s.preview_fit))
                .clicked()
            {
                pv.zoom = None;
            }
        });
        if ui.input(|i| i.key_pressed(egui::Key::PageDown)) && pv.page + 1 < pages {
            pv.page += 1;
        }
        if ui.input(|i| i.key_pressed(egui::Key::PageUp)) && pv.page > 0 {
            pv.page -= 1;
        }
        if let Some(e) = &pv.error {
            ui.label(theme::error_text(e));
            return;
        }
        if pv.built.is_none() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(s.preview_building);
            });
            return;
        }
        egui::ScrollArea::both().show(ui, |ui| {
            let width = pv
                .zoom
                .unwrap_or_else(|| ui.available_width() - theme::GAP)
                .max(100.0);
            let (pw, ph) = pv.page_size();
            let size = egui::vec2(width, width * ph / pw.max(1.0));
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a pane's width in pixels, far below u32::MAX"
            )]
            let pixels = (width * ui.ctx().pixels_per_point()).round().max(1.0) as u32;
            let alt = format!("{} {}/{pages}", s.preview_page, pv.page + 1);
            if let Some(tex) = pv.texture(pixels, ui.ctx()) {
                // The picture's own proportions: a page is never stretched into the frame
                // of another.
                let [tw, th] = tex.size().map(|n| u16::try_from(n).unwrap_or(u16::MAX));
                let size = egui::vec2(width, width * f32::from(th) / f32::from(tw.max(1)));
                ui.add(
                    egui::Image::new((tex.id(), size))
                        .alt_text(alt)
                        .bg_fill(egui::Color32::WHITE),
                );
            } else {
                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
                ui.put(rect, egui::Spinner::new());
            }
        });
    }

    fn print_dialog_ui(&mut self, ctx: &egui::Context, s: &Strings, actions: &mut Vec<Action>) {
        let (kind, options) = (self.kind, self.options());
        let Some(d) = &mut self.print else { return };
        if let Some(rx) = &d.loading
            && let Ok(list) = rx.try_recv()
        {
            if let Ok(ps) = &list {
                d.printer = ps
                    .iter()
                    .find(|p| p.default)
                    .or(ps.first())
                    .map(|p| p.name.clone());
            }
            d.printers = Some(list);
            d.loading = None;
        }
        let mut close = false;
        egui::Modal::new(egui::Id::unique("print_dialog")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(s.print_title);
            match &d.printers {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(s.print_looking);
                    });
                }
                Some(Err(e)) => {
                    ui.label(theme::error_text(e));
                }
                Some(Ok(list)) if list.is_empty() => {
                    ui.label(theme::error_text(s.print_none));
                }
                Some(Ok(list)) => {
                    let label = ui.label(s.print_printer);
                    egui::ComboBox::from_id_salt("printer")
                        .width(300.0)
                        .selected_text(d.printer.clone().unwrap_or_default())
                        .show_ui(ui, |ui| {
                            for p in list {
                                let text = if p.default {
                                    format!("{} ({})", p.name, s.print_default)
                                } else {
                                    p.name.clone()
                                };
                                ui.selectable_value(&mut d.printer, Some(p.name.clone()), text);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    let label = ui.label(s.print_copies);
                    ui.add(egui::DragValue::new(&mut d.copies).range(1..=99))
                        .labelled_by(label.id);
                }
            }
            ui.add_space(theme::GAP);
            // Ids of their own: the printers arriving above (a spinner becomes a list) must
            // not change the buttons' ids, or a click asked for by id (a screen reader, the
            // tests) in that frame is lost.
            ui.push_id("print_dialog_buttons", |ui| {
                ui.horizontal(|ui| {
                    let ready = matches!(&d.printers, Some(Ok(l)) if !l.is_empty());
                    if ui
                        .add_enabled(ready, egui::Button::new(s.print_go))
                        .clicked()
                    {
                        actions.push(Action::Print {
                            kind,
                            options,
                            printer: d.printer.clone(),
                            copies: d.copies,
                        });
                        close = true;
                    }
                    if ui.button(s.cancel).clicked() {
                        close = true;
                    }
                })
            });
        });
        if close {
            self.print = None;
        }
    }

    fn list_ui(&mut self, ui: &mut Ui, data: &Data, s: &Strings) {
        ui.label(RichText::new(s.export_list).strong());
        for kind in ListKind::ALL {
            if kind == ListKind::Minutes {
                ui.add_space(theme::GAP);
                ui.label(RichText::new(s.export_papers).strong());
                ui.label(theme::muted(s.export_papers_hint));
            }
            let n = rows(kind, data);
            let text = if matches!(
                kind,
                ListKind::Report
                    | ListKind::Script
                    | ListKind::Minutes
                    | ListKind::Conclusion
                    | ListKind::ResultsReport
            ) {
                s.list(kind).to_owned()
            } else {
                format!("{}  ({n})", s.list(kind))
            };
            let button =
                egui::Button::selectable(self.kind == kind, RichText::new(text).size(15.0))
                    .min_size(egui::vec2(ui.available_width(), 30.0))
                    .wrap();
            if ui.add(button).clicked() && self.kind != kind {
                self.kind = kind;
                if !kind.formats().contains(&self.format) {
                    self.format = Format::Pdf;
                }
                self.sort = None;
                self.written = None;
                self.preview.page = 0;
            }
        }
    }

    /// The unit whose follow-up sheet is written, or every unit.
    fn unit_ui(&mut self, ui: &mut Ui, data: &Data, s: &Strings) {
        let units = crate::export::follow_up_units(&data.questions.items);
        if self
            .unit
            .as_ref()
            .is_some_and(|u| !units.iter().any(|x| x == u))
        {
            self.unit = None;
        }
        ui.add_space(theme::GAP);
        let label = ui.label(RichText::new(s.export_unit).strong());
        egui::ComboBox::from_id_salt("follow_up_unit")
            .width(ui.available_width() - theme::GAP)
            .selected_text(self.unit.as_deref().unwrap_or(s.export_all_units))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.unit, None, s.export_all_units);
                for u in units {
                    ui.selectable_value(&mut self.unit, Some(u.clone()), u);
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(theme::muted(s.export_follow_up_hint));
    }

    fn options_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        running: Option<&Progress>,
        actions: &mut Vec<Action>,
    ) {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(s.export_format).strong());
            let formats = self.kind.formats();
            if !formats.contains(&self.format) {
                self.format = Format::Pdf;
            }
            for (f, label) in [
                (Format::Pdf, s.export_pdf),
                (Format::Docx, s.export_docx),
                (Format::Xlsx, s.export_xlsx),
                (Format::Csv, s.export_csv),
            ] {
                if formats.contains(&f) {
                    ui.radio_value(&mut self.format, f, label);
                }
            }
            if self.kind == ListKind::FollowUp {
                self.unit_ui(ui, data, s);
            }
            let people = self.kind.is_people();
            if people || self.kind == ListKind::Gifts {
                ui.add_space(theme::GAP);
                ui.label(RichText::new(s.export_sort).strong());
                let mut choices = vec![
                    (Some(Sort::Name), s.export_sort_name),
                    (Some(Sort::Unit), s.export_sort_unit),
                ];
                if people {
                    choices.insert(1, (Some(Sort::Protocol), s.export_sort_rank));
                } else {
                    choices.insert(0, (None, s.export_sort_entry));
                }
                // The order the list comes out in when none is chosen is shown chosen
                // (badges come out by unit, other lists of people by name).
                let mut current = self.sort.or(self.kind.default_sort());
                for (value, label) in choices {
                    if ui.radio_value(&mut current, value, label).changed() {
                        self.sort = current;
                    }
                }
            }
            if people && !matches!(self.kind, ListKind::Badges | ListKind::PlaceCards) {
                ui.add_space(theme::GAP);
                ui.checkbox(&mut self.group_by_unit, s.export_group_unit);
            }
            if self.kind == ListKind::PlaceCards {
                ui.add_space(theme::GAP);
                ui.label(theme::muted(s.export_place_cards_hint));
            }
            ui.add_space(theme::GAP * 2.0);
            if rows(self.kind, data) == 0 {
                ui.label(theme::muted(s.export_empty));
            }
            if let Some(p) = running {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(s.export_running);
                });
                ui.add(egui::ProgressBar::new(p.fraction().unwrap_or(0.0)).show_percentage());
                if ui.button(s.export_cancel).clicked() {
                    actions.push(Action::ExportCancel);
                }
            } else {
                let print = egui::Button::new(RichText::new(s.export_print).size(16.0))
                    .min_size(egui::vec2(ui.available_width(), 36.0));
                if ui.add(print).on_hover_text("Ctrl+P").clicked() {
                    actions.push(Action::PrintOpen);
                }
                let save = egui::Button::new(RichText::new(s.export_save).size(16.0))
                    .min_size(egui::vec2(ui.available_width(), 36.0));
                if ui.add(save).clicked() {
                    self.error = None;
                    actions.push(Action::ExportChoose {
                        kind: self.kind,
                        options: self.options(),
                        format: self.format,
                    });
                }
            }
            if let Some(e) = &self.error {
                ui.add_space(theme::GAP);
                ui.label(theme::error_text(e));
            }
            if let Some(w) = &self.written {
                ui.add_space(theme::GAP);
                ui.label(
                    RichText::new(format!(
                        "{}: {} ({} {})",
                        s.export_done,
                        w.path.display(),
                        w.rows,
                        if w.items {
                            s.export_items
                        } else {
                            s.export_rows
                        }
                    ))
                    .color(theme::SUCCESS),
                );
                // One under the other, as wide as the card: side by side, the second ran
                // under the preview pane.
                let full = ui.available_width();
                let wide = |text: &'static str| {
                    egui::Button::new(text)
                        .wrap()
                        .min_size(egui::vec2(full, 0.0))
                };
                if ui.add(wide(s.export_open_file)).clicked() {
                    actions.push(Action::OpenExternal(w.path.clone()));
                }
                if let Some(dir) = w.path.parent()
                    && ui.add(wide(s.export_open_folder)).clicked()
                {
                    actions.push(Action::OpenExternal(dir.to_owned()));
                }
            }
        });
    }
}
