//! The conference's lists (Danh mục): question topics, commendation kinds and the
//! ladder of offices for protocol order. Add, rename (saved when the field is left),
//! reorder; a topic or kind in use is merged into another instead of deleted, so no
//! question or commendation loses its label. An office carries its abbreviations.

use std::collections::HashMap;

use egui::{RichText, Ui};

use crate::store::{List, ListEntry};
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::Strings;
use crate::ui::theme;

/// The page's own state: names being typed.
#[derive(Debug, Default)]
pub struct ListsPanel {
    new_name: HashMap<ListKey, String>,
    /// Rename drafts by entry id, kept while the field has focus.
    drafts: HashMap<String, String>,
    /// Alias drafts by office id, kept while the field has focus.
    aliases: HashMap<String, String>,
    /// The stored aliases of each office, as last drawn.
    offices: HashMap<String, String>,
}

type ListKey = u8;

fn key(list: List) -> ListKey {
    match list {
        List::Topics => 0,
        List::CommendationKinds => 1,
        List::Offices => 2,
    }
}

impl ListsPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        data: &Data,
        s: &'static Strings,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(s.lists_title);
            ui.label(theme::muted(s.lists_hint));
            ui.add_space(theme::GAP);
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    // One card above the other: topic names run long.
                    self.list_ui(
                        ui,
                        List::Topics,
                        s.lists_topics,
                        &data.topic_entries,
                        s,
                        writable,
                        &mut actions,
                    );
                    ui.add_space(theme::GAP);
                    self.list_ui(
                        ui,
                        List::CommendationKinds,
                        s.lists_kinds,
                        &data.kind_entries,
                        s,
                        writable,
                        &mut actions,
                    );
                    ui.add_space(theme::GAP);
                    // Long and seldom changed: folded until the organiser opens it.
                    let title = format!("{} ({})", s.lists_offices, data.office_entries.len());
                    egui::CollapsingHeader::new(RichText::new(title).strong())
                        .id_salt("offices")
                        .show(ui, |ui| {
                            ui.label(theme::muted(s.lists_offices_hint));
                            self.list_ui(
                                ui,
                                List::Offices,
                                s.lists_offices,
                                &data.office_entries,
                                s,
                                writable,
                                &mut actions,
                            );
                        });
                    self.aliases
                        .retain(|id, _| data.offices.iter().any(|o| o.id == *id));
                    for o in &data.offices {
                        self.offices.insert(o.id.clone(), o.aliases.clone());
                    }
                });
        });
        actions
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one call per list, all of it needed"
    )]
    fn list_ui(
        &mut self,
        ui: &mut Ui,
        list: List,
        title: &str,
        entries: &[ListEntry],
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        theme::card().show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(title).strong().size(theme::HEADING_SIZE));
            ui.add_enabled_ui(writable, |ui| {
                // Counts and buttons sit in fixed slots and the name field gets what the
                // card has left after them: rows line up and never push into the next card.
                let name_width = (ui.available_width() - 290.0).clamp(140.0, 560.0);
                for (i, e) in entries.iter().enumerate() {
                    ui.horizontal(|ui| {
                        self.entry_ui(ui, list, i, e, entries, s, name_width, actions);
                    });
                }
                ui.add_space(theme::GAP);
                ui.horizontal(|ui| {
                    let name = self.new_name.entry(key(list)).or_default();
                    let label = ui.label(s.lists_new);
                    let field = ui
                        .add(egui::TextEdit::singleline(name).desired_width(220.0))
                        .labelled_by(label.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if (ui.button(s.lists_add).clicked() || enter) && !name.trim().is_empty() {
                        actions.push(Action::ListAdd {
                            list,
                            name: std::mem::take(name),
                        });
                    }
                });
            });
        });
    }

    #[allow(clippy::too_many_arguments, reason = "one row of one list")]
    fn entry_ui(
        &mut self,
        ui: &mut Ui,
        list: List,
        i: usize,
        e: &ListEntry,
        entries: &[ListEntry],
        s: &'static Strings,
        name_width: f32,
        actions: &mut Vec<Action>,
    ) {
        let draft = self
            .drafts
            .entry(e.id.clone())
            .or_insert_with(|| e.name.clone());
        let field = ui.add(
            egui::TextEdit::singleline(draft)
                .desired_width(name_width)
                .id_salt(("list_entry", &e.id)),
        );
        let enabled = ui.is_enabled();
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, &e.name));
        if field.lost_focus() {
            if draft.trim() != e.name && !draft.trim().is_empty() {
                actions.push(Action::ListRename {
                    list,
                    id: e.id.clone(),
                    name: draft.clone(),
                });
            }
            self.drafts.remove(&e.id);
        } else if !field.has_focus() && *draft != e.name {
            // Renamed elsewhere (or the rename was refused): show what is stored.
            draft.clone_from(&e.name);
        }
        if list == List::Offices {
            self.aliases_ui(ui, e, s, actions);
        } else {
            ui.add_sized(
                [90.0, ui.spacing().interact_size.y],
                egui::Label::new(theme::muted(format!("{} {}", e.uses, s.lists_uses))),
            )
            .on_hover_text(s.lists_uses_hint);
        }
        if ui
            .add_enabled(i > 0, egui::Button::new("˄"))
            .on_hover_text(s.move_up)
            .clicked()
        {
            actions.push(Action::ListMove {
                list,
                id: e.id.clone(),
                up: true,
            });
        }
        if ui
            .add_enabled(i + 1 < entries.len(), egui::Button::new("˅"))
            .on_hover_text(s.move_down)
            .clicked()
        {
            actions.push(Action::ListMove {
                list,
                id: e.id.clone(),
                up: false,
            });
        }
        // An office names no record: it can always be deleted.
        if e.uses == 0 || list == List::Offices {
            if ui.button(s.lists_delete).clicked() {
                actions.push(Action::ListDelete {
                    list,
                    id: e.id.clone(),
                });
            }
        } else {
            let combo = egui::ComboBox::from_id_salt(("merge", &e.id))
                .selected_text(s.lists_merge_into)
                .width(110.0)
                .show_ui(ui, |ui| {
                    for other in entries.iter().filter(|o| o.id != e.id) {
                        if ui.selectable_label(false, &other.name).clicked() {
                            actions.push(Action::ListMerge {
                                list,
                                from: e.id.clone(),
                                into: other.id.clone(),
                            });
                        }
                    }
                });
            let enabled = ui.is_enabled();
            combo.response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, s.lists_merge_into)
            });
        }
    }

    /// An office's abbreviations and other spellings, saved when the field is left.
    fn aliases_ui(&mut self, ui: &mut Ui, e: &ListEntry, s: &Strings, actions: &mut Vec<Action>) {
        let stored = self.offices.get(&e.id).cloned().unwrap_or_default();
        let draft = self
            .aliases
            .entry(e.id.clone())
            .or_insert_with(|| stored.clone());
        let field = ui.add(
            egui::TextEdit::singleline(draft)
                .desired_width(200.0)
                .hint_text(s.lists_aliases)
                .id_salt(("office_aliases", &e.id)),
        );
        let enabled = ui.is_enabled();
        let label = format!("{} — {}", s.lists_aliases, e.name);
        field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, &label));
        if field.lost_focus() {
            if draft.trim() != stored {
                actions.push(Action::OfficeAliases {
                    id: e.id.clone(),
                    aliases: draft.clone(),
                });
            }
            self.aliases.remove(&e.id);
        } else if !field.has_focus() && *draft != stored {
            draft.clone_from(&stored);
        }
    }
}
