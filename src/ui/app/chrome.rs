//! The window around the pages: top bar and File menu, navigation, the toast in the
//! corner, the projector view, the page shown with no file, the locked-file offer, the
//! page shown after a crash, and the window title.

use std::path::Path;
use std::time::Duration;

use egui::{RichText, Ui};

use super::files::Session;
use crate::store::Store;
use crate::ui::Page;
use crate::ui::action::Action;
use crate::ui::data::Data;
use crate::ui::i18n::{Lang, Strings};
use crate::ui::passphrase::{Conversion, Purpose};
use crate::ui::theme;
use crate::ui::typing::{self, Method, Typing};

const TOAST_SECS: u64 = 4;

/// A short message in the corner.
struct Toast {
    text: String,
    is_error: bool,
    /// The window's clock when first drawn: its own time, so a slow frame (or a test's
    /// loaded machine) does not take the message away before it was seen.
    shown_at: Option<f64>,
}

/// What the window is to other laptops, as the top bar and navigation show it.
pub struct RoleLine {
    /// This window is a host's desk: its status line, and whether all is well.
    pub desk: Option<(String, bool)>,
    /// This window hosts its file: how many desks are connected.
    pub hosting: Option<usize>,
}

/// The state of the window's frame.
pub struct Chrome {
    pub lang: Lang,
    /// The projector view is on.
    pub presenting: bool,
    /// The window title as last sent.
    pub title: String,
    /// Set when a frame panicked: the window then only says so.
    pub crashed: Option<String>,
    toast: Option<Toast>,
    /// The window's own file dialog, while it asks.
    pub own_dialog: Option<crate::ui::file_dialog::OwnFileDialog>,
    /// The MC's large-type view of the script is shown.
    pub mc_view: bool,
    /// The programme item on now (the projector and the MC's view mark it).
    pub current_item: usize,
    /// The item the MC's view last scrolled to: it scrolls when the item changes, not
    /// every frame (which would keep repainting and fight the MC's own scrolling).
    pub mc_scrolled: Option<usize>,
    /// The MC view's type size (kept between runs).
    pub mc_size: f32,
    /// Built-in Vietnamese typing.
    pub typing: Typing,
}

impl Chrome {
    pub fn new(lang: Lang, typing: typing::Settings) -> Self {
        Self {
            typing: Typing::new(typing),
            lang,
            presenting: false,
            title: String::new(),
            crashed: None,
            toast: None,
            own_dialog: None,
            mc_view: false,
            current_item: 0,
            mc_scrolled: None,
            mc_size: theme::MC_VIEW_SIZE,
        }
    }

    /// The MC view's size as kept, within its bounds.
    #[must_use]
    pub fn with_mc_size(mut self, size: Option<f32>) -> Self {
        if let Some(size) = size.filter(|s| s.is_finite()) {
            self.mc_size = size.clamp(theme::MC_VIEW_SIZE_MIN, theme::MC_VIEW_SIZE_MAX);
        }
        self
    }

    /// Shows an error in the corner (and logs it).
    pub fn error(&mut self, text: String) {
        tracing::warn!("{text}");
        self.toast = Some(Toast {
            text,
            is_error: true,
            shown_at: None,
        });
    }

    /// Shows a short confirmation in the corner.
    pub fn info(&mut self, text: String) {
        self.toast = Some(Toast {
            text,
            is_error: false,
            shown_at: None,
        });
    }

    /// "Hội nghị … — hoi-nghi.sqlite — hoinghi", sent only when it changes.
    pub fn update_title(&mut self, ctx: &egui::Context, session: &Session, s: &Strings) {
        let file = session
            .path()
            .and_then(Path::file_name)
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = if session.data.conference.name.is_empty() {
            s.app_name
        } else {
            &session.data.conference.name
        };
        let title = if file.is_empty() {
            "hoinghi".to_owned()
        } else if session.is_locked() {
            format!(
                "{name} — {file} ({}) — hoinghi",
                s.locked_mark.to_lowercase()
            )
        } else {
            format!("{name} — {file} — hoinghi")
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub fn top_bar_ui(
        &self,
        ui: &mut Ui,
        session: &Session,
        role: &RoleLine,
        busy: bool,
        s: &'static Strings,
        actions: &mut Vec<Action>,
    ) {
        // A desk's copy of the list is the host's to change: no undo, imports or edits.
        let writable = session.writable() && role.desk.is_none();
        egui::Panel::top("top_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(s.menu_file, |ui| {
                    file_menu_ui(ui, session, role, s, actions);
                });
                let data = &session.data;
                for (label, text, action) in [
                    (&data.undo_label, s.hist_undo, Action::Undo),
                    (&data.redo_label, s.hist_redo, Action::Redo),
                ] {
                    let button = ui
                        .add_enabled(
                            writable && !busy && label.is_some(),
                            egui::Button::new(text),
                        )
                        .on_hover_text(
                            label
                                .as_deref()
                                .map(|l| crate::ui::change_label::say(l, s))
                                .unwrap_or_default(),
                        );
                    if button.clicked() {
                        actions.push(action);
                    }
                }
                // A desk's copy of the list is no file of the user's: its line says whose.
                if let Some(p) = session.path().filter(|_| role.desk.is_none()) {
                    ui.label(theme::muted(p.display().to_string()).small());
                }
                if session.is_locked() {
                    // A badge (the fonts have no padlock glyph): the file is locked.
                    egui::Frame::new()
                        .fill(theme::SUCCESS_BG)
                        .corner_radius(4.0)
                        .inner_margin(egui::Margin::symmetric(6, 1))
                        .show(ui, |ui| {
                            ui.label(
                                RichText::new(s.locked_mark)
                                    .color(theme::SUCCESS)
                                    .strong()
                                    .small(),
                            )
                        })
                        .inner
                        .on_hover_text(s.locked_mark_hint);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    for (lang, name) in [(Lang::En, "English"), (Lang::Vi, "Tiếng Việt")] {
                        let selected = self.lang == lang;
                        if ui.add(egui::Button::selectable(selected, name)).clicked() && !selected {
                            actions.push(Action::SetLanguage(lang));
                        }
                    }
                    ui.separator();
                    typing_menu_ui(ui, self.typing.settings, s, actions);
                });
            });
            role_strip_ui(ui, role, s, actions);
            if session.store.as_ref().is_some_and(Store::is_read_only) {
                egui::Frame::new()
                    .fill(theme::WARNING_BG)
                    .inner_margin(4.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(s.read_only_banner);
                    });
            }
        });
    }

    /// The window's own file dialog, while it is open.
    pub fn own_dialog_ui(&mut self, ctx: &egui::Context, s: &Strings, actions: &mut Vec<Action>) {
        use crate::ui::file_dialog::Outcome;
        let Some(dialog) = &mut self.own_dialog else {
            return;
        };
        match dialog.ui(ctx, s) {
            Some(Outcome::Chosen(path)) => {
                actions.push(Action::FileChosen(dialog.ask.clone(), path));
                self.own_dialog = None;
            }
            Some(Outcome::Cancelled) => self.own_dialog = None,
            None => {}
        }
    }

    pub fn toast_ui(&mut self, ctx: &egui::Context, s: &Strings) {
        let Some(t) = &mut self.toast else { return };
        let now = ctx.input(|i| i.time);
        let age = Duration::from_secs_f64((now - *t.shown_at.get_or_insert(now)).max(0.0));
        let secs = if t.is_error {
            TOAST_SECS * 3
        } else {
            TOAST_SECS
        };
        let limit = Duration::from_secs(secs);
        if age > limit {
            self.toast = None;
            return;
        }
        ctx.request_repaint_after(limit.saturating_sub(age));
        let mut close = false;
        // At the foot of the navigation, which has room there: the forms sit on the
        // right and the tables in the middle, and a toast about a save must cover
        // neither the form it speaks of nor the row to click next. An error, longer and
        // to be read, may reach over the table's last rows.
        let width = if t.is_error {
            theme::TOAST_ERROR_WIDTH
        } else {
            theme::NAV_WIDTH - 2.0 * theme::GAP
        };
        egui::Area::new(egui::Id::unique("toast"))
            .anchor(egui::Align2::LEFT_BOTTOM, [theme::GAP, -theme::GAP])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                let (fill, color) = if t.is_error {
                    (theme::WARNING_BG, theme::ERROR)
                } else {
                    (theme::SUCCESS_BG, theme::SUCCESS)
                };
                egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                    ui.set_max_width(width - 2.0 * theme::GAP);
                    ui.label(RichText::new(&t.text).color(color));
                    if ui.small_button(s.close).clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.toast = None;
        }
    }
}

/// The File menu: files, imports, copies, the sample, quit.
/// The line under the top bar while this window hosts desks or is one.
fn role_strip_ui(ui: &mut Ui, role: &RoleLine, s: &Strings, actions: &mut Vec<Action>) {
    let (text, fill, desk) = match (&role.desk, role.hosting) {
        (Some((text, ok)), _) => (
            text.clone(),
            if *ok {
                theme::SUCCESS_BG
            } else {
                theme::WARNING_BG
            },
            true,
        ),
        (None, Some(n)) => (
            format!("{} · {n} {}", s.host_banner, s.host_online.to_lowercase()),
            theme::SUCCESS_BG,
            false,
        ),
        (None, None) => return,
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(text).strong());
                if desk {
                    if ui.button(s.desk_save_file).clicked() {
                        actions.push(Action::DeskFileSave);
                    }
                    if ui.button(s.desk_leave).clicked() {
                        actions.push(Action::LeaveDesk);
                    }
                } else if ui.button(s.nav_desks).clicked() {
                    actions.push(Action::Navigate {
                        page: Page::Desks,
                        new_record: false,
                    });
                }
            });
        });
}

fn file_menu_ui(
    ui: &mut Ui,
    session: &Session,
    role: &RoleLine,
    s: &'static Strings,
    actions: &mut Vec<Action>,
) {
    use crate::import::Kind;
    let alone = role.desk.is_none() && role.hosting.is_none();
    let writable = session.writable() && role.desk.is_none();
    if ui.button(s.menu_new).clicked() {
        actions.push(Action::NewConference);
    }
    if ui.button(s.menu_open).clicked() {
        actions.push(Action::OpenConference);
    }
    ui.menu_button(s.menu_recent, |ui| {
        if session.recent.is_empty() {
            ui.label(s.menu_no_recent);
        }
        for p in &session.recent {
            if ui.button(p.display().to_string()).clicked() {
                actions.push(Action::OpenPath(p.clone()));
            }
        }
    });
    for (kind, label) in [
        (Kind::Attendees, s.menu_import),
        (Kind::Questions, s.menu_import_questions),
        (Kind::Gifts, s.menu_import_gifts),
        (Kind::Commendations, s.menu_import_commendations),
    ] {
        if ui.add_enabled(writable, egui::Button::new(label)).clicked() {
            actions.push(Action::ImportChoose(kind));
        }
    }
    if ui
        .add_enabled(session.store.is_some(), egui::Button::new(s.menu_save_copy))
        .clicked()
    {
        actions.push(Action::SaveCopy);
    }
    // The open file's passphrase: not while desks share it (their connections hold it).
    let convertible = writable && alone && session.path().is_some();
    let entries: &[(Purpose, &str)] = if session.is_locked() {
        &[
            (Purpose::Change, s.menu_rekey),
            (Purpose::Unlock, s.menu_unlock),
        ]
    } else {
        &[(Purpose::Lock, s.menu_lock)]
    };
    for (purpose, label) in entries {
        if ui
            .add_enabled(convertible, egui::Button::new(*label))
            .clicked()
        {
            actions.push(Action::AskPassphrase(purpose.clone()));
        }
    }
    ui.separator();
    if ui
        .add_enabled(writable && alone, egui::Button::new(s.menu_host))
        .clicked()
    {
        actions.push(Action::StartHosting);
    }
    if ui
        .add_enabled(alone, egui::Button::new(s.menu_connect))
        .clicked()
    {
        actions.push(Action::OpenConnect);
    }
    ui.separator();
    if ui.button(s.menu_open_sample).clicked() {
        actions.push(Action::OpenSample);
    }
    ui.separator();
    if ui.button(s.menu_quit).clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// The left navigation, with live counts.
pub fn nav_ui(
    ui: &mut Ui,
    current: Page,
    data: &Data,
    role: &RoleLine,
    s: &Strings,
    actions: &mut Vec<Action>,
) {
    let st = &data.stats;
    let mut pages = vec![
        (Page::Overview, s.nav_overview.to_owned()),
        (Page::Desk, s.nav_desk.to_owned()),
        (
            Page::Attendees,
            format!("{}  {}/{}", s.nav_attendees, st.checked_in, st.attendees),
        ),
        (
            Page::Questions,
            format!("{}  {}", s.nav_questions, st.questions),
        ),
        (Page::Gifts, format!("{}  {}", s.nav_gifts, st.gifts)),
        (
            Page::Commendations,
            format!("{}  {}", s.nav_commendations, st.commendations),
        ),
        (Page::Programme, s.nav_programme.to_owned()),
        (Page::FollowUp, follow_up_nav(data, s)),
        (Page::Lists, s.nav_lists.to_owned()),
        (Page::Export, s.nav_export.to_owned()),
        (Page::Backups, s.nav_backups.to_owned()),
        (Page::History, s.nav_history.to_owned()),
    ];
    if role.desk.is_some() {
        // A desk checks people in; the rest is the host's.
        pages = vec![(
            Page::Desk,
            format!("{}  {}/{}", s.nav_desk, st.checked_in, st.attendees),
        )];
    }
    if let Some(n) = role.hosting {
        pages.insert(2, (Page::Desks, format!("{}  {n}", s.nav_desks)));
    }
    egui::Panel::left("nav")
        .exact_size(theme::NAV_WIDTH)
        .frame(egui::Frame::new().fill(theme::NAV_BG).inner_margin(8.0))
        .show(ui, |ui| {
            ui.add_space(4.0);
            for (page, text) in pages {
                let button =
                    egui::Button::selectable(current == page, RichText::new(text).size(15.5))
                        .min_size(egui::vec2(ui.available_width(), 34.0));
                if ui.add(button).clicked() {
                    actions.push(Action::Navigate {
                        page,
                        new_record: false,
                    });
                }
            }
        });
}

/// "Theo dõi ý kiến  17": the opinions still waiting for their written answer (counted
/// when the file was last read, not every frame).
fn follow_up_nav(data: &Data, s: &Strings) -> String {
    let c = &data.stats.follow_up;
    if c.open == 0 {
        s.nav_follow_up.to_owned()
    } else {
        format!("{}  {}", s.nav_follow_up, c.open)
    }
}

/// No file is open: say why, and offer the ways in.
pub fn no_file_ui(ui: &mut Ui, error: Option<&str>, s: &Strings, actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading(s.no_file_title);
            if let Some(e) = error {
                ui.add_space(8.0);
                ui.label(RichText::new(e).color(theme::ERROR));
            }
            ui.add_space(16.0);
            for (text, action) in [
                (s.menu_open, Action::OpenConference),
                (s.menu_new, Action::NewConference),
                (s.menu_open_sample, Action::OpenSample),
            ] {
                if ui.button(text).clicked() {
                    actions.push(action);
                }
            }
        });
    });
}

/// The open file is being locked, unlocked or given another passphrase.
pub fn converting_ui(ui: &mut Ui, kind: Conversion, s: &Strings) {
    let text = match kind {
        Conversion::Lock => s.lock_running,
        Conversion::Change => s.rekey_running,
        Conversion::Unlock => s.unlock_running,
    };
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.spinner();
            ui.heading(text);
        });
    });
}

/// Offers to open read-only a file another window holds.
pub fn locked_ui(ctx: &egui::Context, path: &Path, s: &Strings, actions: &mut Vec<Action>) {
    let choice = crate::ui::widgets::confirm_modal(
        ctx,
        egui::Id::unique("locked_offer"),
        |ui| {
            ui.heading(s.locked_title);
            ui.label(theme::muted(path.display().to_string()));
            ui.label(s.locked_body);
        },
        egui::Button::new(s.locked_read_only),
        s.locked_cancel,
    );
    match choice {
        Some(true) => actions.push(Action::OpenReadOnly(path.to_owned())),
        Some(false) => actions.push(Action::DismissLocked),
        None => {}
    }
}

/// After a panic: what happened, where the log is, and the way out.
pub fn crashed_ui(ui: &mut Ui, message: &str, s: &Strings) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(40.0);
        ui.heading(RichText::new(s.crashed_title).color(theme::ERROR));
        ui.label(s.crashed_body);
        ui.label(theme::muted(
            crate::paths::data_dir().join("logs").display().to_string(),
        ));
        ui.label(theme::muted(message));
        if ui.button(s.crashed_quit).clicked() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    });
}

/// The projector view: live figures in large type, nothing to edit. Esc leaves it.
pub fn presentation_ui(
    ui: &mut Ui,
    data: &Data,
    current: usize,
    s: &'static Strings,
    actions: &mut Vec<Action>,
) {
    use crate::ui::panels::dashboard::{self, Scale};
    let (esc, next, back) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::ArrowRight) || i.key_pressed(egui::Key::Space),
            i.key_pressed(egui::Key::ArrowLeft),
        )
    });
    if esc {
        actions.push(Action::Present(false));
    }
    if next {
        actions.push(Action::ProgrammeStep(1));
    }
    if back {
        actions.push(Action::ProgrammeStep(-1));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let name = if data.conference.name.is_empty() {
            s.app_name
        } else {
            &data.conference.name
        };
        // The way out first, so a long conference name can never push it off screen.
        let bar = egui::vec2(ui.available_width(), 40.0);
        let right_to_left = egui::Layout::right_to_left(egui::Align::Center);
        ui.allocate_ui_with_layout(bar, right_to_left, |ui| {
            if ui.button(s.present_exit).clicked() {
                actions.push(Action::Present(false));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(RichText::new(name).size(26.0).strong()).truncate());
            });
        });
        programme_band_ui(ui, data, current, s);
        ui.add_space(theme::GAP);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.columns(2, |cols| {
                    if let [left, right] = cols {
                        dashboard::attendance_ui(left, data, s, Scale::PROJECTOR);
                        dashboard::waiting_units_ui(left, data, s, Scale::PROJECTOR, 8);
                        dashboard::questions_ui(right, data, s, Scale::PROJECTOR);
                        dashboard::gifts_and_commendations_ui(right, data, s, Scale::PROJECTOR);
                    }
                });
            });
    });
}

/// The typing switch, like Unikey's V/E: the method in force on the button, the choice
/// of method and tone style in its menu.
fn typing_menu_ui(ui: &mut Ui, now: typing::Settings, s: &Strings, actions: &mut Vec<Action>) {
    let name = |m: Method| match m {
        Method::Off => s.typing_off,
        Method::Telex => "Telex",
        Method::Vni => "VNI",
    };
    let button = format!("{}: {}", s.typing_menu, name(now.method));
    ui.menu_button(button, |ui| {
        for m in [Method::Off, Method::Telex, Method::Vni] {
            if ui.radio(now.method == m, name(m)).clicked() {
                let mut next = now;
                next.method = m;
                actions.push(Action::SetTyping(next));
                ui.close();
            }
        }
        ui.separator();
        let mut old = now.old_style;
        if ui.checkbox(&mut old, s.typing_old_style).changed() {
            actions.push(Action::SetTyping(typing::Settings {
                old_style: old,
                ..now
            }));
        }
        ui.label(theme::muted(s.typing_hint).small());
    })
    .response
    .on_hover_text(s.typing_hint);
}

/// The projector's line of the programme: the item on now and the one after it.
fn programme_band_ui(ui: &mut Ui, data: &Data, current: usize, s: &Strings) {
    let items = &data.programme;
    let Some(now) = items.get(current) else {
        return;
    };
    theme::card().show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{}:", s.prog_current))
                    .size(theme::MC_SIZE)
                    .color(theme::MUTED),
            );
            let time = if now.data.start_time.is_empty() {
                String::new()
            } else {
                format!("{}  ", now.data.start_time)
            };
            ui.label(
                RichText::new(format!("{time}{}", now.data.title))
                    .size(theme::MC_SIZE)
                    .strong()
                    .color(theme::ACCENT),
            );
        });
        if let Some(next) = items.get(current + 1) {
            ui.label(
                RichText::new(format!(
                    "{}: {}  {}",
                    s.prog_next, next.data.start_time, next.data.title
                ))
                .size(theme::MC_SIZE * 0.7)
                .color(theme::MUTED),
            );
        }
    });
}
