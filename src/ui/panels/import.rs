//! Importing a list of attendees, questions, gifts or commendations, one page for all
//! four. The preview shows the file's columns as the spreadsheet does, each with the
//! field it goes to above it and the values as they will be stored below, so a wrong
//! guess is one click away: the sheet, the header row, a column's field, a column's old
//! font. Reading and storing run in the background.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::import::{
    Choices, Duplicate, Field, Header, Kind, Legacy, OnDuplicate, Plan, ReadOptions, Summary,
};
use crate::ui::action::Action;
use crate::ui::i18n::Strings;
use crate::ui::job::Progress;
use crate::ui::{Page, theme, widgets};

/// Rows the preview shows; the counts cover all of them.
const PREVIEW_ROWS: usize = 200;
/// Rows shown raw when the header row is to be picked.
const RAW_ROWS: usize = 30;
/// The narrowest a raw column is drawn: a name or a unit reads whole ("Nguyễn Văn An").
const RAW_COLUMN_WIDTH: f32 = 140.0;
/// Pairs of possible duplicates listed side by side.
const SHOWN_DUPLICATES: usize = 50;
const SHOWN_PROBLEMS: usize = 100;
/// Width of one file column in the preview, so each field choice sits over its column.
const COLUMN_WIDTH: f32 = 150.0;

/// The import page's own state.
#[derive(Debug, Default)]
pub struct ImportPanel {
    pub kind: Option<Kind>,
    pub path: Option<PathBuf>,
    pub options: ReadOptions,
    pub plan: Option<Arc<Plan>>,
    pub on_duplicate: OnDuplicate,
    pub skip_invalid: bool,
    pub error: Option<String>,
    pub summary: Option<Summary>,
    /// Warnings by row number, for the rows the preview shows.
    warnings: HashMap<usize, String>,
}

/// The page a kind's records are listed on.
pub fn page_of(kind: Kind) -> Page {
    match kind {
        Kind::Attendees => Page::Attendees,
        Kind::Questions => Page::Questions,
        Kind::Gifts => Page::Gifts,
        Kind::Commendations => Page::Commendations,
        Kind::Answers => Page::FollowUp,
    }
}

impl ImportPanel {
    /// A new file was chosen: forget the last one's choices.
    pub fn start(&mut self, kind: Kind, path: PathBuf) {
        *self = Self {
            kind: Some(kind),
            path: Some(path),
            ..Self::default()
        };
    }

    /// A plan arrived from the reader.
    pub fn planned(&mut self, plan: Plan) {
        self.warnings.clear();
        let shown: std::collections::HashSet<usize> =
            plan.rows.iter().take(PREVIEW_ROWS).map(|r| r.row).collect();
        for w in plan.warnings.iter().filter(|w| shown.contains(&w.row)) {
            let text = format!("{}: {}", w.column, w.problem.vi());
            self.warnings
                .entry(w.row)
                .and_modify(|t| {
                    t.push_str("; ");
                    t.push_str(&text);
                })
                .or_insert(text);
        }
        self.plan = Some(Arc::new(plan));
        self.error = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        s: &'static Strings,
        running: Option<&Progress>,
        writable: bool,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let kind = self.kind.unwrap_or(Kind::Attendees);
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(s.import_heading(kind));
            if let Some(p) = &self.path {
                let what = self
                    .plan
                    .as_ref()
                    .and_then(|p| p.book.file_type)
                    .map(|t| format!(" — {}", t.name()))
                    .unwrap_or_default();
                ui.label(theme::muted(format!("{}{what}", p.display())));
            }
            ui.add_space(6.0);
            if let Some(progress) = running {
                widgets::import_progress(ui, progress, s, &mut actions);
                return;
            }
            if let Some(summary) = &self.summary {
                summary_ui(ui, kind, summary, s, &mut actions);
                return;
            }
            if let Some(e) = &self.error {
                ui.label(RichText::new(e).color(theme::ERROR));
                ui.add_space(6.0);
                if ui.button(s.import_another).clicked() {
                    actions.push(Action::ImportChoose(kind));
                }
            }
            match self.plan.clone() {
                Some(plan) => self.preview_ui(ui, &plan, s, writable, &mut actions),
                None if self.error.is_none() && ui.button(s.import_choose).clicked() => {
                    actions.push(Action::ImportChoose(kind));
                }
                None => {}
            }
        });
        actions
    }

    fn preview_ui(
        &mut self,
        ui: &mut Ui,
        plan: &Plan,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        if let Some(action) = self.options_ui(ui, plan, s) {
            actions.push(action);
            return;
        }
        if plan.header == Header::NotFound {
            header_pick_ui(ui, plan, s, actions);
            return;
        }
        if let Some(action) = legacy_ui(ui, plan, s) {
            actions.push(action);
            return;
        }
        counts_ui(ui, plan, s);
        // A workbook of several units' sheets: each answered sheet in its turn.
        for (name, n) in &plan.other_sheets {
            ui.colored_label(
                theme::WARNING,
                format!(
                    "{} «{name}» {} {n} {}",
                    s.import_sheet, s.import_also_has, s.import_new_answers
                ),
            );
        }
        self.go_ui(ui, plan, s, writable, actions);
        problems_ui(ui, plan, s);
        if let Some(action) = duplicates_ui(ui, plan, s) {
            actions.push(action);
        }
        if let Some(action) = self.table_ui(ui, plan, s) {
            actions.push(action);
        }
    }

    /// The sheet, the CSV encoding and delimiter, and the header row.
    fn options_ui(&mut self, ui: &mut Ui, plan: &Plan, s: &'static Strings) -> Option<Action> {
        let mut action = None;
        let book = &plan.book;
        ui.horizontal_wrapped(|ui| {
            if book.sheets.len() > 1 {
                let label = ui.label(s.import_sheet);
                let sheet_text = |i: usize| {
                    let n = plan.sheet_rows.get(i).copied().unwrap_or(0);
                    format!("{} ({n} {})", book.sheets[i].name, s.import_rows_found)
                };
                let mut chosen = plan.sheet;
                egui::ComboBox::from_id_salt("import_sheet")
                    .selected_text(sheet_text(plan.sheet))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for i in 0..book.sheets.len() {
                            ui.selectable_value(&mut chosen, i, sheet_text(i));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != plan.sheet {
                    action = Some(Action::ImportReplan(Choices {
                        sheet: Some(chosen),
                        legacy: plan.choices.legacy,
                        ..Choices::default()
                    }));
                }
            }
            if let Some(enc) = book.encoding.filter(|_| book.delimiter.is_some()) {
                let mut chosen = enc;
                combo(ui, s.import_encoding, "import_encoding", enc.name(), |ui| {
                    for e in crate::import::Encoding::ALL {
                        ui.selectable_value(&mut chosen, e, e.name());
                    }
                });
                if chosen != enc {
                    self.options.encoding = Some(chosen);
                    action = Some(Action::ImportRead(self.options.clone()));
                }
            }
            if let Some(d) = book.delimiter {
                let name = |d: u8| match d {
                    b',' => ", (phẩy)",
                    b';' => "; (chấm phẩy)",
                    b'\t' => "Tab",
                    _ => "?",
                };
                let mut chosen = d;
                combo(ui, s.import_delimiter, "import_delimiter", name(d), |ui| {
                    for c in [b',', b';', b'\t'] {
                        ui.selectable_value(&mut chosen, c, name(c));
                    }
                });
                if chosen != d {
                    self.options.delimiter = Some(chosen);
                    action = Some(Action::ImportRead(self.options.clone()));
                }
            }
            if plan.header != Header::NotFound {
                let text = match plan.header {
                    Header::Row(i) => {
                        format!("{} {}", s.import_header_at, plan.sheet().row_number(i))
                    }
                    Header::None | Header::NotFound => s.import_header_none.to_owned(),
                };
                ui.label(text);
                if ui.small_button(s.import_header_change).clicked() {
                    action = Some(Action::ImportReplan(Choices {
                        sheet: Some(plan.sheet),
                        header: Some(Header::NotFound),
                        legacy: plan.choices.legacy,
                        ..Choices::default()
                    }));
                }
            }
        });
        action
    }

    /// On duplicates, leaving out rows with errors, and the buttons.
    fn go_ui(
        &mut self,
        ui: &mut Ui,
        plan: &Plan,
        s: &'static Strings,
        writable: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.horizontal_wrapped(|ui| {
            if plan.kind == Kind::Attendees {
                ui.label(s.import_on_dup);
                ui.radio_value(&mut self.on_duplicate, OnDuplicate::Skip, s.import_dup_skip);
                ui.radio_value(
                    &mut self.on_duplicate,
                    OnDuplicate::Update,
                    s.import_dup_update,
                );
            }
            if !plan.errors.is_empty() {
                ui.checkbox(&mut self.skip_invalid, s.import_skip_invalid);
            }
        });
        let can_import = writable
            && (plan.errors.is_empty() || self.skip_invalid)
            && plan.rows.len() > plan.duplicates();
        ui.horizontal(|ui| {
            let button =
                egui::Button::new(RichText::new(s.import_go).strong()).fill(theme::SUCCESS_BG);
            if ui.add_enabled(can_import, button).clicked() {
                actions.push(Action::ImportApply);
            }
            if ui.button(s.import_another).clicked() {
                actions.push(Action::ImportChoose(plan.kind));
            }
            if ui.button(s.cancel).clicked() {
                actions.push(Action::ImportClose);
            }
        });
        ui.add_space(4.0);
    }

    /// The file's columns side by side: letter and header, the field each goes to, and
    /// the values as stored (a column left out shows its cells faded).
    fn table_ui(&self, ui: &mut Ui, plan: &Plan, s: &'static Strings) -> Option<Action> {
        // While no column gives a row its name, the file's own rows stay in view, so the
        // columns are mapped looking at what they hold.
        let raw_only = plan.rows.is_empty();
        let body_start = match plan.header {
            Header::Row(i) => i + 1,
            Header::None | Header::NotFound => 0,
        };
        let raw_rows = plan.sheet().rows.get(body_start..).unwrap_or_default();
        let shown = if raw_only {
            raw_rows.len().min(PREVIEW_ROWS)
        } else {
            plan.rows.len().min(PREVIEW_ROWS)
        };
        if raw_only {
            ui.label(RichText::new(s.import_map_hint).color(theme::WARNING));
        } else {
            ui.label(
                theme::muted(format!("{} {shown}/{}", s.import_preview, plan.rows.len())).small(),
            );
        }
        let mut new_mapping = plan.mapping.clone();
        let fields = plan.kind.fields();
        egui::ScrollArea::horizontal()
            .id_salt("import_columns")
            .show(ui, |ui| {
                let mut table = TableBuilder::new(ui)
                    .id_salt("import_preview")
                    .striped(true)
                    .auto_shrink([false, false])
                    .column(Column::exact(52.0))
                    .column(Column::exact(120.0));
                for _ in &plan.columns {
                    table = table.column(Column::exact(COLUMN_WIDTH).clip(true));
                }
                table
                    .header(68.0, |mut h| {
                        h.col(|ui| {
                            ui.strong(s.import_row);
                        });
                        h.col(|ui| {
                            ui.strong(s.import_dup_col);
                        });
                        for (col, c) in plan.columns.iter().enumerate() {
                            h.col(|ui| {
                                column_head_ui(ui, col, c, &mut new_mapping, fields, s);
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(theme::ROW_HEIGHT, shown, |mut row| {
                            if raw_only {
                                let i = row.index();
                                let Some(cells) = raw_rows.get(i) else {
                                    return;
                                };
                                row.col(|ui| {
                                    ui.label(plan.sheet().row_number(body_start + i).to_string());
                                });
                                row.col(|_| {});
                                for col in 0..plan.mapping.len() {
                                    row.col(|ui| {
                                        let text = cells.get(col).map_or("", String::as_str);
                                        ui.add(egui::Label::new(text).truncate());
                                    });
                                }
                                return;
                            }
                            let Some(r) = plan.rows.get(row.index()) else {
                                return;
                            };
                            row.col(|ui| {
                                ui.label(r.row.to_string());
                            });
                            row.col(|ui| {
                                status_ui(ui, r, self.warnings.get(&r.row), s);
                            });
                            let raw = plan.raw(r.row);
                            for (col, field) in plan.mapping.iter().enumerate() {
                                row.col(|ui| {
                                    if let Some(f) = field {
                                        ui.add(egui::Label::new(r.record.value(*f)).truncate());
                                    } else {
                                        let text = raw.get(col).map_or("", String::as_str);
                                        ui.add(egui::Label::new(theme::muted(text)).truncate());
                                    }
                                });
                            }
                        });
                    });
            });
        (new_mapping != plan.mapping).then(|| {
            Action::ImportReplan(Choices {
                mapping: Some(new_mapping),
                ..plan.choices.clone()
            })
        })
    }
}

fn combo(ui: &mut Ui, label: &str, id: &str, selected: &str, options: impl FnOnce(&mut Ui)) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, options)
        .response
        .labelled_by(label.id);
}

/// One column's head: its letter and header, and the field it goes to.
fn column_head_ui(
    ui: &mut Ui,
    col: usize,
    c: &crate::import::Column,
    mapping: &mut [Option<Field>],
    fields: &[Field],
    s: &'static Strings,
) {
    ui.vertical(|ui| {
        let title = if c.header.is_empty() {
            c.letter.clone()
        } else {
            format!("{} · {}", c.letter, c.header)
        };
        let label = ui.add(egui::Label::new(RichText::new(&title).small()).truncate());
        label.clone().on_hover_text(&title);
        let Some(slot) = mapping.get_mut(col) else {
            return;
        };
        let text = slot.map_or(s.import_ignore, |f| s.field(f));
        egui::ComboBox::from_id_salt(("map", col))
            .selected_text(text)
            .width(COLUMN_WIDTH - 12.0)
            .truncate()
            .height(400.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(slot, None, s.import_ignore);
                for f in fields {
                    ui.selectable_value(slot, Some(*f), s.field(*f));
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// Rows that look like a person already in the file or above, each beside that
/// person, to keep both (namesakes) or one.
fn duplicates_ui(ui: &mut Ui, plan: &Plan, s: &Strings) -> Option<Action> {
    if plan.kind != Kind::Attendees {
        return None;
    }
    let kept: Vec<usize> = plan.choices.keep_both.iter().copied().collect();
    let pairs: Vec<&crate::import::PlanRow> =
        plan.rows.iter().filter(|r| r.duplicate.is_some()).collect();
    if pairs.is_empty() && kept.is_empty() {
        return None;
    }
    let mut toggle = None;
    let label = |r: &crate::import::PlanRow| {
        [
            Field::FullName,
            Field::Unit,
            Field::Group,
            Field::BirthYear,
            Field::Phone,
        ]
        .iter()
        .map(|f| r.record.value(*f))
        .filter(|v| !v.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
    };
    egui::CollapsingHeader::new(
        RichText::new(format!("{} ({})", s.import_dup_title, pairs.len())).color(theme::WARNING),
    )
    .id_salt("import_duplicates")
    .default_open(pairs.len() <= 20)
    .show(ui, |ui| {
        ui.label(theme::muted(s.import_dup_explain).small());
        egui::ScrollArea::vertical()
            .id_salt("import_duplicates_list")
            .max_height(140.0)
            .show(ui, |ui| {
                egui::Grid::new("import_dup_grid")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for r in pairs.iter().take(SHOWN_DUPLICATES) {
                            let other = match &r.duplicate {
                                Some(Duplicate::Existing(id)) => format!(
                                    "{}: {}",
                                    s.import_dup_existing,
                                    plan.existing.get(id).map_or("", String::as_str)
                                ),
                                Some(Duplicate::InFile(first)) => format!(
                                    "{} {first}: {}",
                                    s.import_row,
                                    plan.rows
                                        .iter()
                                        .find(|o| o.row == *first)
                                        .map(&label)
                                        .unwrap_or_default()
                                ),
                                None => String::new(),
                            };
                            ui.label(format!("{} {}: {}", s.import_row, r.row, label(r)));
                            ui.label(other);
                            if ui.small_button(s.import_dup_keep_both).clicked() {
                                toggle = Some(r.row);
                            }
                            ui.end_row();
                        }
                        for row in &kept {
                            let shown = plan.rows.iter().find(|r| r.row == *row).map(&label);
                            ui.label(format!(
                                "{} {row}: {}",
                                s.import_row,
                                shown.unwrap_or_default()
                            ));
                            ui.label(theme::muted(s.import_dup_kept_both));
                            if ui.small_button(s.import_dup_keep_one).clicked() {
                                toggle = Some(*row);
                            }
                            ui.end_row();
                        }
                    });
            });
    });
    toggle.map(|row| {
        let mut choices = plan.choices.clone();
        choices.sheet = Some(plan.sheet);
        choices.header = Some(plan.header);
        choices.mapping = Some(plan.mapping.clone());
        if !choices.keep_both.remove(&row) {
            choices.keep_both.insert(row);
        }
        Action::ImportReplan(choices)
    })
}

/// A row's duplicate mark and warnings.
fn status_ui(ui: &mut Ui, r: &crate::import::PlanRow, warning: Option<&String>, s: &Strings) {
    let dup = match &r.duplicate {
        None => None,
        // A unit's answer already in the file is not a duplicate: it changes nothing.
        Some(_) if matches!(r.record, crate::import::Record::Answer(_)) => {
            Some(s.import_unchanged.to_owned())
        }
        Some(Duplicate::Existing(_)) => Some(s.import_dup_existing.to_owned()),
        Some(Duplicate::InFile(first)) => Some(format!("{} {first}", s.import_dup_in_file)),
    };
    if let Some(d) = dup {
        ui.label(RichText::new(d).color(theme::ERROR).small());
    } else if let Some(w) = warning {
        ui.label(
            RichText::new(s.import_warning_mark)
                .color(theme::WARNING)
                .small(),
        )
        .on_hover_text(w);
    } else if r.linked {
        ui.label(theme::muted(s.import_linked).small());
    }
}

/// The counts over every row of the file.
fn counts_ui(ui: &mut Ui, plan: &Plan, s: &Strings) {
    use std::fmt::Write as _;
    let skipped =
        plan.skipped_blank + plan.skipped_total + plan.skipped_no_name + plan.skipped_headings;
    let mut text = format!(
        "{} {} · {} {} · {} {} · {} {skipped} ({} {}, {} {}, {} {}, {} {})",
        plan.rows.len(),
        s.import_rows,
        plan.duplicates(),
        if plan.kind == Kind::Answers {
            s.import_unchanged
        } else {
            s.import_dups
        },
        plan.errors.len(),
        s.import_error_rows,
        s.import_skipped,
        plan.skipped_blank,
        s.import_blank,
        plan.skipped_total,
        s.import_total_rows,
        plan.skipped_no_name,
        s.import_no_name,
        plan.skipped_headings,
        s.import_headings,
    );
    if !matches!(plan.kind, Kind::Attendees | Kind::Answers) {
        let _ = write!(text, " · {} {}", plan.linked(), s.import_linked);
    }
    if !plan.warnings.is_empty() {
        let _ = write!(text, " · {} {}", plan.warnings.len(), s.import_warnings);
    }
    ui.label(RichText::new(text).strong());
}

/// Rows with errors (they keep the import back) and warnings (a value left out).
fn problems_ui(ui: &mut Ui, plan: &Plan, s: &Strings) {
    for (title, list, color) in [
        (s.import_errors, &plan.errors, theme::ERROR),
        (s.import_warnings_title, &plan.warnings, theme::WARNING),
    ] {
        if list.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(
            RichText::new(format!("{title} ({})", list.len())).color(color),
        )
        .id_salt(title)
        .default_open(list.len() <= 20)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt((title, "list"))
                .max_height(90.0)
                .show(ui, |ui| {
                    for e in list.iter().take(SHOWN_PROBLEMS) {
                        let text = format!(
                            "{} {}, {} {}: {}",
                            s.import_row,
                            e.row,
                            s.import_column,
                            e.column,
                            s.problem(e.problem)
                        );
                        ui.label(RichText::new(text).color(color));
                    }
                });
        });
    }
}

/// Columns typed in an old Vietnamese font: what was converted from what, an example,
/// and the choice to convert from another encoding or not at all.
fn legacy_ui(ui: &mut Ui, plan: &Plan, s: &Strings) -> Option<Action> {
    let shown: Vec<(usize, &crate::import::Column)> = plan
        .columns
        .iter()
        .enumerate()
        .filter(|(col, c)| {
            (c.legacy.is_some() || c.detected.is_some()) && plan.mapping[*col].is_some()
        })
        .collect();
    if shown.is_empty() {
        return None;
    }
    let mut action = None;
    theme::card().fill(theme::WARNING_BG).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(s.import_legacy_title).strong());
        for (col, c) in shown {
            ui.horizontal_wrapped(|ui| {
                let example = plan
                    .rows
                    .iter()
                    .find_map(|r| plan.raw(r.row).get(col).filter(|t| !t.is_ascii()));
                let label = match (c.legacy, example) {
                    (Some(l), Some(raw)) => format!(
                        "{} {}: {} {} — «{raw}» {} «{}»",
                        s.import_column,
                        c.label(),
                        s.import_legacy_from,
                        l.name(),
                        s.import_legacy_becomes,
                        l.decode(raw)
                    ),
                    (Some(l), None) => format!(
                        "{} {}: {} {}",
                        s.import_column,
                        c.label(),
                        s.import_legacy_from,
                        l.name()
                    ),
                    (None, _) => {
                        format!("{} {}: {}", s.import_column, c.label(), s.import_legacy_off)
                    }
                };
                let label = ui.label(label);
                let mut chosen = c.legacy;
                let text = chosen.map_or(s.import_legacy_none, Legacy::name);
                egui::ComboBox::from_id_salt(("legacy", col))
                    .selected_text(text)
                    .width(190.0)
                    .show_ui(ui, |ui| {
                        for l in Legacy::ALL {
                            ui.selectable_value(&mut chosen, Some(l), l.name());
                        }
                        ui.selectable_value(&mut chosen, None, s.import_legacy_none);
                    })
                    .response
                    .labelled_by(label.id);
                if chosen != c.legacy {
                    let mut choices = plan.choices.clone();
                    choices.sheet = Some(plan.sheet);
                    choices.header = Some(plan.header);
                    choices.mapping = Some(plan.mapping.clone());
                    choices.column_legacy.retain(|(c, _)| *c != col);
                    choices.column_legacy.push((col, chosen));
                    action = Some(Action::ImportReplan(choices));
                }
            });
        }
    });
    action
}

/// No row names the columns: the first rows as they are, to say which one does.
fn header_pick_ui(ui: &mut Ui, plan: &Plan, s: &Strings, actions: &mut Vec<Action>) {
    ui.label(RichText::new(s.import_no_header).color(theme::ERROR));
    ui.label(s.import_pick_header);
    let replan = |header| {
        Action::ImportReplan(Choices {
            sheet: Some(plan.sheet),
            header: Some(header),
            legacy: plan.choices.legacy,
            ..Choices::default()
        })
    };
    if ui.button(s.import_header_none_button).clicked() {
        actions.push(replan(Header::None));
    }
    let sheet = plan.sheet();
    let width = sheet.width().min(12);
    egui::ScrollArea::both()
        .id_salt("raw_rows")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("raw_grid")
                .striped(true)
                .min_col_width(RAW_COLUMN_WIDTH)
                .max_col_width(RAW_COLUMN_WIDTH * 2.0)
                .show(ui, |ui| {
                    ui.label("");
                    ui.label("");
                    for col in 0..width {
                        ui.strong(sheet.column_letter(col));
                    }
                    ui.end_row();
                    for (i, row) in sheet.rows.iter().take(RAW_ROWS).enumerate() {
                        let number = sheet.row_number(i);
                        ui.label(number.to_string());
                        let pick =
                            egui::Button::new(format!("{} {number}", s.import_this_header)).small();
                        if ui.add(pick).clicked() {
                            actions.push(replan(Header::Row(i)));
                        }
                        for col in 0..width {
                            let text = row.get(col).map_or("", String::as_str);
                            let cell = ui.add(egui::Label::new(text).truncate());
                            if text.chars().count() > 20 {
                                cell.on_hover_text(text);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

/// What an import did, in the window's language (the toast and the page say the same).
pub fn summary_text(summary: &Summary, s: &Strings) -> String {
    format!(
        "{}: {} {}, {} {}, {} {}, {} {}",
        s.import_done,
        summary.imported,
        s.import_new,
        summary.updated,
        s.import_updated,
        summary.skipped_duplicates,
        s.import_skipped_dups,
        summary.errors,
        s.import_error_rows
    )
}

/// The finished import and where to go next.
fn summary_ui(ui: &mut Ui, kind: Kind, summary: &Summary, s: &Strings, actions: &mut Vec<Action>) {
    widgets::success_card(ui, summary_text(summary, s));
    ui.horizontal(|ui| {
        if ui.button(s.import_view_records).clicked() {
            actions.push(Action::Navigate {
                page: page_of(kind),
                new_record: false,
            });
        }
        if ui.button(s.import_another).clicked() {
            actions.push(Action::ImportChoose(kind));
        }
    });
}
