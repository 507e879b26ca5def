//! The programme page: the conference's items in order (time, title, kind, who leads),
//! edited like the other lists, and beside them the MC's script written from the file,
//! each paragraph rewritable and restorable.

use egui::{RichText, Ui};

use crate::domain::FieldError;
use crate::domain::programme::{ItemDraft, Part};
use crate::script::Section;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;
use crate::ui::widgets::FormUi;

/// The page's own state.
#[derive(Debug, Default)]
pub struct ProgrammePanel {
    /// The item chosen in the list (its form is shown), or a new one being written.
    pub selected: Option<String>,
    pub draft: ItemDraft,
    /// The chosen item as loaded into the draft (or last written from it).
    original: ItemDraft,
    pub errors: Vec<FieldError>,
    /// The script as last built, and from which data.
    script: Option<(u64, Vec<Section>)>,
    /// A paragraph being rewritten.
    pub editing: Option<Rewrite>,
    /// The introduction item whose blocks and people are being moved.
    pub arranging: Option<String>,
}

/// A paragraph of the script being rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub item: String,
    pub key: String,
    pub text: String,
    /// The paragraph's rewrite before this one began (`None`: the generated text), which
    /// Cancel puts back once a pause in typing has written the new text.
    before: Option<String>,
    /// A pause in typing (or closing the window) wrote `text` to the file.
    written: bool,
}

impl crate::ui::autosave::Unsaved for ProgrammePanel {
    fn unsaved(&mut self, data: &Data) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(id) = self.selected.clone().filter(|id| !id.is_empty())
            && self.draft != self.original
        {
            match self.draft.validate() {
                Ok(item) => {
                    self.errors.clear();
                    self.original = self.draft.clone();
                    let unchanged = data.programme.iter().any(|i| i.id == id && i.data == item);
                    if !unchanged {
                        actions.push(Action::UpdateItem(id, item));
                    }
                }
                Err(e) => self.errors = e,
            }
        }
        let place = self
            .editing
            .as_ref()
            .map(|r| (r.item.clone(), r.key.clone()));
        let shown = place.and_then(|(item, key)| {
            self.script(data)
                .iter()
                .filter(|sec| sec.item.id == item)
                .flat_map(|sec| &sec.paragraphs)
                .find(|p| p.key == key)
                .map(|p| p.text.clone())
        });
        if let Some(r) = &mut self.editing
            && shown.is_some_and(|t| t != r.text)
        {
            r.written = true;
            actions.push(Action::SetScriptEdit {
                item: r.item.clone(),
                key: r.key.clone(),
                text: Some(r.text.clone()),
            });
        }
        actions
    }
}

impl ProgrammePanel {
    /// The script, built again when the data changed (a check-in, an edit).
    pub fn script(&mut self, data: &Data) -> &[Section] {
        if self
            .script
            .as_ref()
            .is_none_or(|(g, _)| *g != data.generation)
        {
            self.script = Some((data.generation, data.script()));
        }
        self.script.as_ref().map_or(&[], |(_, s)| s.as_slice())
    }

    fn select(&mut self, id: Option<String>, data: &Data) {
        self.draft = id
            .as_deref()
            .and_then(|id| data.programme.iter().find(|i| i.id == id))
            .map(|i| ItemDraft::from_data(&i.data))
            .unwrap_or_default();
        self.original = self.draft.clone();
        self.errors.clear();
        self.selected = id;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        // The selected item may be gone (undo, delete).
        if let Some(id) = &self.selected
            && !id.is_empty()
            && !data.programme.iter().any(|i| &i.id == id)
        {
            self.select(None, data);
        }
        egui::Panel::left("programme_list")
            .exact_size(theme::PROGRAMME_WIDTH)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.list_ui(ui, data, s, writable, &mut actions);
                    ui.add_space(theme::GAP);
                    self.form_ui(ui, data, s, writable, &mut actions);
                });
            });
        egui::CentralPanel::default()
            .show(ui, |ui| self.script_ui(ui, data, s, writable, &mut actions));
        actions
    }

    fn list_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.heading(s.prog_title);
        if data.programme.is_empty() {
            ui.label(theme::muted(s.prog_empty));
            if ui
                .add_enabled(writable, egui::Button::new(s.prog_seed))
                .clicked()
            {
                actions.push(Action::SeedProgramme);
            }
        }
        // One full-width row per item: a grid's columns collapse in the narrow list
        // and broke titles a letter per line.
        let width = ui.available_width();
        for item in &data.programme {
            let chosen = self.selected.as_deref() == Some(item.id.as_str());
            let mut text = RichText::new(&item.data.title);
            if chosen {
                text = text.strong();
            }
            ui.horizontal(|ui| {
                ui.add_sized(
                    [theme::PROGRAMME_TIME_WIDTH, 0.0],
                    egui::Label::new(theme::muted(time_or_dash(&item.data.start_time))),
                );
                // The grow atom pushes the title to the left edge.
                let button = egui::Button::selectable(chosen, (text, egui::Atom::grow()))
                    .wrap()
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if ui.add(button).clicked() {
                    self.select(Some(item.id.clone()), data);
                }
            });
            let lead = lead_of(item, data);
            if !lead.is_empty() {
                ui.horizontal(|ui| {
                    let inset = ui.spacing().item_spacing.x + ui.spacing().button_padding.x;
                    ui.add_space(theme::PROGRAMME_TIME_WIDTH + inset);
                    ui.label(theme::muted(lead));
                });
            }
        }
        ui.allocate_space(egui::vec2(width, 0.0));
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(writable, egui::Button::new(s.prog_add))
                .clicked()
            {
                self.select(Some(String::new()), data);
            }
            let chosen = self.selected.clone().filter(|id| !id.is_empty());
            let can = writable && chosen.is_some();
            if ui.add_enabled(can, egui::Button::new(s.prog_up)).clicked()
                && let Some(id) = chosen.clone()
            {
                actions.push(Action::MoveItem { id, up: true });
            }
            if ui
                .add_enabled(can, egui::Button::new(s.prog_down))
                .clicked()
                && let Some(id) = chosen.clone()
            {
                actions.push(Action::MoveItem { id, up: false });
            }
            if ui
                .add_enabled(can, egui::Button::new(s.prog_delete))
                .clicked()
                && let Some(id) = chosen
            {
                actions.push(Action::DeleteItem(id));
            }
        });
    }

    /// The chosen item's form: an existing item is saved as each field is left.
    fn form_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        let Some(id) = self.selected.clone() else {
            return;
        };
        let new = id.is_empty();
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            if new {
                ui.label(RichText::new(s.prog_new).strong());
            }
            let mut form = FormUi::new(s, &self.errors, false, writable);
            let d = &mut self.draft;
            form.text(ui, "start_time", s.prog_time, &mut d.start_time);
            form.text(ui, "title", s.prog_item_title, &mut d.title);
            let label = ui.label(s.prog_part);
            let before = d.part;
            egui::ComboBox::from_id_salt("programme_part")
                .selected_text(d.part.vi())
                .width(ui.available_width())
                .show_ui(ui, |ui| {
                    for p in Part::ALL {
                        ui.selectable_value(&mut d.part, p, p.vi());
                    }
                })
                .response
                .labelled_by(label.id);
            if d.part != before {
                form.commit = true;
            }
            if let Some(a) = form.attendee(
                ui,
                "programme_lead",
                s.prog_lead,
                &mut d.lead_name,
                &mut d.lead_id,
                data,
            ) {
                let who = crate::script::address(
                    &a.data.full_name,
                    &a.data.rank,
                    &a.data.position,
                    &a.data.unit,
                );
                who.trim_start_matches("Đồng chí ")
                    .clone_into(&mut d.lead_name);
            }
            // Who presents the awards, when another reads the decision.
            if d.part.has_presenter()
                && let Some(a) = form.attendee(
                    ui,
                    "programme_presenter",
                    s.prog_presenter,
                    &mut d.presenter_name,
                    &mut d.presenter_id,
                    data,
                )
            {
                let who = crate::script::address(
                    &a.data.full_name,
                    &a.data.rank,
                    &a.data.position,
                    &a.data.unit,
                );
                who.trim_start_matches("Đồng chí ")
                    .clone_into(&mut d.presenter_name);
            }
            form.text(ui, "notes", s.prog_notes, &mut d.notes);
            let add = new
                && ui
                    .add_enabled(writable, egui::Button::new(s.prog_save_new))
                    .clicked();
            if (new && (add || form.submit)) || (!new && form.commit) {
                match self.draft.validate() {
                    Ok(item) => {
                        self.errors.clear();
                        let unchanged = data.programme.iter().any(|i| i.id == id && i.data == item);
                        if new {
                            actions.push(Action::AddItem(item));
                            self.selected = None;
                        } else if !unchanged {
                            self.original = self.draft.clone();
                            actions.push(Action::UpdateItem(id.clone(), item));
                        }
                    }
                    Err(e) => self.errors = e,
                }
            }
        });
    }

    fn script_ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal(|ui| {
            ui.heading(s.script_title);
            if ui.button(s.script_mc).clicked() {
                actions.push(Action::McView(true));
            }
        });
        ui.label(theme::muted(s.script_hint));
        if data.programme.is_empty() {
            ui.add_space(theme::GAP);
            ui.label(s.script_empty);
        }
        let sections = self.script(data).to_vec();
        // Gaps nobody has filled: said once at the top, marked where they stand.
        let gaps = crate::script::gaps(&sections);
        if gaps > 0 {
            ui.add_space(theme::GAP);
            ui.label(
                RichText::new(format!("{} {gaps}", s.script_gaps))
                    .color(theme::WARNING)
                    .background_color(theme::WARNING_BG),
            );
        }
        ui.add_space(theme::GAP);
        let editing = &mut self.editing;
        let arranging = &mut self.arranging;
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (n, section) in sections.iter().enumerate() {
                let item = &section.item;
                let time = if item.data.start_time.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", item.data.start_time)
                };
                ui.label(
                    RichText::new(format!("{}. {}{time}", n + 1, item.data.title))
                        .strong()
                        .size(theme::HEADING_SIZE),
                );
                for p in &section.paragraphs {
                    paragraph_ui(ui, &item.id, p, editing, s, writable, actions);
                    if p.key == "introduction" {
                        arrange_ui(ui, item, data, arranging, s, writable, actions);
                    }
                }
                ui.add_space(theme::GAP);
            }
        });
    }
}

fn paragraph_ui(
    ui: &mut Ui,
    item: &str,
    p: &crate::script::Paragraph,
    editing: &mut Option<Rewrite>,
    s: &Strings,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    let mine = editing
        .as_ref()
        .is_some_and(|r| r.item == item && r.key == p.key);
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        if mine {
            let mut save = false;
            let mut cancel = false;
            if let Some(r) = editing.as_mut() {
                let label = ui.label(s.script_edit);
                let id = ui.make_persistent_id(("script_paragraph", item, &p.key));
                // Ctrl+Enter keeps the text (taken before the editor would make it a
                // line break).
                if ui.memory(|m| m.has_focus(id))
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter))
                {
                    save = true;
                }
                let resp = ui
                    .add(
                        egui::TextEdit::multiline(&mut r.text)
                            .id(id)
                            .desired_rows(6)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if resp.changed() {
                    crate::ui::autosave::typed(ui.ctx());
                }
                ui.horizontal(|ui| {
                    save |= ui.button(s.script_save).clicked();
                    cancel = ui.button(s.cancel).clicked();
                    ui.label(theme::muted(s.script_save_keys));
                });
                if save {
                    actions.push(Action::SetScriptEdit {
                        item: item.to_owned(),
                        key: p.key.clone(),
                        text: Some(r.text.clone()),
                    });
                } else if cancel && r.written {
                    // A pause already wrote the new text: Cancel puts the old one back.
                    actions.push(Action::SetScriptEdit {
                        item: item.to_owned(),
                        key: p.key.clone(),
                        text: r.before.clone(),
                    });
                }
            }
            if save || cancel {
                *editing = None;
            }
            return;
        }
        if p.text.trim().is_empty() {
            ui.label(theme::muted(s.script_empty_text));
        } else {
            ui.label(marked(&p.text, theme::BODY_SIZE, ui.visuals().text_color()));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(writable, egui::Button::new(s.script_edit).small())
                .clicked()
            {
                *editing = Some(Rewrite {
                    item: item.to_owned(),
                    key: p.key.clone(),
                    text: p.text.clone(),
                    before: p.edited.then(|| p.text.clone()),
                    written: false,
                });
            }
            if p.edited {
                ui.label(
                    RichText::new(s.script_edited)
                        .italics()
                        .color(theme::WARNING),
                );
                if ui
                    .add_enabled(writable, egui::Button::new(s.script_revert).small())
                    .clicked()
                {
                    actions.push(Action::SetScriptEdit {
                        item: item.to_owned(),
                        key: p.key.clone(),
                        text: None,
                    });
                }
            }
        });
    });
}

/// Who leads an item, as the list shows it.
/// The start time, or a dash that keeps the titles in one column.
fn time_or_dash(time: &str) -> String {
    if time.is_empty() {
        "–".to_owned()
    } else {
        time.to_owned()
    }
}

fn lead_of(item: &crate::domain::programme::Item, data: &Data) -> String {
    item.data
        .lead_id
        .as_deref()
        .and_then(|id| data.attendee(id))
        .map_or_else(|| item.data.lead_name.clone(), |a| a.data.full_name.clone())
}

/// A paragraph with its gaps ("[chưa chọn người chủ trì]") marked, so nobody misses one.
fn marked(text: &str, size: f32, color: egui::Color32) -> egui::text::LayoutJob {
    let plain = egui::TextFormat {
        font_id: egui::FontId::proportional(size),
        color,
        ..Default::default()
    };
    let gap = egui::TextFormat {
        font_id: egui::FontId::new(size, theme::bold()),
        color: theme::WARNING,
        background: theme::WARNING_BG,
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    let mut rest = text;
    while let Some(at) = rest.find(crate::script::GAP) {
        let end = rest[at..].find(']').map_or(rest.len(), |e| at + e + 1);
        job.append(&rest[..at], 0.0, plain.clone());
        job.append(&rest[at..end], 0.0, gap.clone());
        rest = &rest[end..];
    }
    job.append(rest, 0.0, plain);
    job
}

/// Under the introduction: the organiser moves a block or a person when local custom
/// differs from protocol order; the order is kept in the file.
fn arrange_ui(
    ui: &mut Ui,
    item: &crate::domain::programme::Item,
    data: &Data,
    arranging: &mut Option<String>,
    s: &Strings,
    writable: bool,
    actions: &mut Vec<Action>,
) {
    use crate::script::Arrangement;
    let open = arranging.as_deref() == Some(item.id.as_str());
    ui.horizontal(|ui| {
        let label = if open {
            s.script_arrange_done
        } else {
            s.script_arrange
        };
        if ui
            .add_enabled(writable, egui::Button::new(label).small())
            .clicked()
        {
            *arranging = if open { None } else { Some(item.id.clone()) };
        }
        if !item.arrangement.is_empty() {
            ui.label(
                RichText::new(s.script_arranged)
                    .italics()
                    .color(theme::WARNING),
            );
            if ui
                .add_enabled(writable, egui::Button::new(s.script_protocol_order).small())
                .clicked()
            {
                actions.push(Action::ArrangeIntroduction {
                    item: item.id.clone(),
                    arrangement: String::new(),
                });
            }
        }
    });
    if !open {
        return;
    }
    let blocks = data.introduction_blocks(item);
    let mut moved: Option<Arrangement> = None;
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (b, block) in blocks.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(b > 0, egui::Button::new(s.script_block_up_button).small())
                    .on_hover_text(s.script_block_up)
                    .clicked()
                {
                    moved = Some(Arrangement::with_block_moved(&blocks, b, true));
                }
                if ui
                    .add_enabled(
                        b + 1 < blocks.len(),
                        egui::Button::new(s.script_block_down_button).small(),
                    )
                    .on_hover_text(s.script_block_down)
                    .clicked()
                {
                    moved = Some(Arrangement::with_block_moved(&blocks, b, false));
                }
                ui.label(RichText::new(&block.heading).strong());
            });
            for (i, person) in block.people.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.add_space(theme::GAP * 3.0);
                    if ui
                        .add_enabled(i > 0, egui::Button::new(s.prog_up).small())
                        .on_hover_text(s.script_person_up)
                        .clicked()
                    {
                        moved = Some(Arrangement::with_person_moved(&blocks, b, i, true));
                    }
                    if ui
                        .add_enabled(
                            i + 1 < block.people.len(),
                            egui::Button::new(s.prog_down).small(),
                        )
                        .on_hover_text(s.script_person_down)
                        .clicked()
                    {
                        moved = Some(Arrangement::with_person_moved(&blocks, b, i, false));
                    }
                    ui.label(&person.address);
                });
            }
        }
    });
    if let Some(a) = moved {
        actions.push(Action::ArrangeIntroduction {
            item: item.id.clone(),
            arrangement: a.to_text(),
        });
    }
}

/// The MC's view: the whole script in large type (at least twice the window's, Ctrl+plus
/// and Ctrl+minus change it and it is kept), each item with its time, the item on now
/// marked; Esc leaves.
pub fn mc_view_ui(
    ui: &mut Ui,
    sections: &[Section],
    current: usize,
    scrolled: &mut Option<usize>,
    size: &mut f32,
    s: &Strings,
    actions: &mut Vec<Action>,
) {
    let scroll = *scrolled != Some(current);
    *scrolled = Some(current);
    let (bigger, smaller) = ui.input_mut(|i| {
        let plus = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Plus)
            || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Equals);
        let minus = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Minus);
        (plus, minus)
    });
    if bigger {
        *size += theme::MC_VIEW_SIZE_STEP;
    }
    if smaller {
        *size -= theme::MC_VIEW_SIZE_STEP;
    }
    *size = size.clamp(theme::MC_VIEW_SIZE_MIN, theme::MC_VIEW_SIZE_MAX);
    let size = *size;
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button(s.script_mc_exit).clicked() {
                actions.push(Action::McView(false));
            }
            ui.label(theme::muted(s.prog_keys));
            ui.label(theme::muted(format!("{} {size:.0}", s.script_mc_size)));
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (n, section) in sections.iter().enumerate() {
                let now = n == current;
                let item = &section.item.data;
                let time = if item.start_time.is_empty() {
                    String::new()
                } else {
                    format!("{}  ", item.start_time)
                };
                let title = RichText::new(format!("{time}{}. {}", n + 1, item.title))
                    .size(size * 1.1)
                    .strong()
                    .color(if now { theme::ACCENT } else { theme::TEXT });
                let r = ui.label(title);
                if now && scroll {
                    r.scroll_to_me(Some(egui::Align::TOP));
                }
                for p in &section.paragraphs {
                    if !p.text.trim().is_empty() {
                        ui.label(marked(&p.text, size, theme::TEXT));
                        ui.add_space(theme::GAP);
                    }
                }
                ui.add_space(theme::GAP * 2.0);
            }
        });
    });
    let (esc, next, back) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::ArrowRight) || i.key_pressed(egui::Key::Space),
            i.key_pressed(egui::Key::ArrowLeft),
        )
    });
    if esc {
        actions.push(Action::McView(false));
    }
    if next {
        actions.push(Action::ProgrammeStep(1));
    }
    if back {
        actions.push(Action::ProgrammeStep(-1));
    }
}
