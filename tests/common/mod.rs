//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hoinghi::store::Store;
use hoinghi::ui::App;
use hoinghi::ui::dialogs::{Answer, Ask, FileDialogs};

/// File dialogs that answer from a queue instead of asking a person; an empty queue
/// cancels. With `unavailable`, no dialog can be shown and the window asks with its own.
#[derive(Default)]
pub struct FakeDialogs {
    pub answers: Vec<PathBuf>,
    pub unavailable: bool,
    /// The questions asked, in order.
    pub asked: std::rc::Rc<std::cell::RefCell<Vec<Ask>>>,
}

impl FileDialogs for FakeDialogs {
    fn ask(&mut self, ask: &Ask, _start: Option<&std::path::Path>) -> Answer {
        self.asked.borrow_mut().push(ask.clone());
        if self.unavailable {
            return Answer::Unavailable;
        }
        self.answers.pop().map_or(Answer::Cancelled, Answer::Chosen)
    }
}

/// A window on `store` at the venue laptop's 1366×768.
pub fn harness(store: Store) -> Harness<'static, App> {
    harness_with(store, FakeDialogs::default())
}

pub fn harness_with(store: Store, dialogs: FakeDialogs) -> Harness<'static, App> {
    let app = App::with_store(store, Box::new(dialogs));
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        // Threads (desks, background jobs) ask for frames when they report: on a loaded
        // machine a few more than egui_kittest's default 4 may pass before it settles.
        .with_max_steps(12)
        .with_context_setup(hoinghi::ui::theme::install)
        .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
    h.run();
    h
}

/// A window on an app made some other way (opened from a path), frames guarded
/// against panics as the real window's are.
pub fn harness_app(app: App) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size([1366.0, 768.0])
        // Threads (desks, background jobs) ask for frames when they report: on a loaded
        // machine a few more than egui_kittest's default 4 may pass before it settles.
        .with_max_steps(12)
        .with_context_setup(hoinghi::ui::theme::install)
        .build_ui_state(|ui, app: &mut App| app.guarded_frame_ui(ui), app);
    h.run();
    h
}

/// A store with the sample conference.
pub fn demo_store() -> Store {
    let store = Store::open_in_memory().unwrap();
    hoinghi::demo::fill(&store).unwrap();
    store
}

/// Clicks a left-navigation entry by the start of its text ("Đại biểu  3/10"). A page
/// that works in the background (the export page's preview) may still be repainting.
pub fn go_to(h: &mut Harness<'static, App>, page: &str) {
    h.get_by(|n| {
        n.role() == egui::accesskit::Role::Button && n.label().is_some_and(|l| l.starts_with(page))
    })
    .click();
    let _ = h.run_ok();
}

/// Steps the window until the export page's preview has its pages drawn.
pub fn preview_ready(h: &mut Harness<'static, App>) {
    // A deadline in time, not in frames: a loaded CI machine draws fewer of them.
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(2);
    while std::time::Instant::now() < deadline {
        h.step();
        let p = &h.state().pages.export.preview;
        let built = p
            .built
            .as_ref()
            .is_some_and(|b| b.complete && p.key.as_ref() == Some(&b.key));
        // And its page drawn: a spinner turns until then.
        let drawn = p
            .drawn
            .as_ref()
            .is_some_and(|(key, _)| p.key.as_ref() == Some(key));
        if built && drawn && h.run_ok().is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the preview never settled");
}

/// Types into the text field with this label.
pub fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    use egui::accesskit::Role;
    let field = h.get_by(|n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.label().as_deref() == Some(label)
    });
    field.focus();
    field.type_text(text);
    h.run();
}

/// Steps the window until its background job has finished.
pub fn wait_idle(h: &mut Harness<'static, App>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(2);
    while std::time::Instant::now() < deadline {
        h.step();
        if !h.state().is_busy() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("background job did not finish");
}

/// An attendee with just a name and a unit.
pub fn attendee(name: &str, unit: &str) -> hoinghi::domain::AttendeeData {
    hoinghi::domain::AttendeeDraft {
        full_name: name.into(),
        unit: unit.into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// The project's sample files (`../shared/sample-data`), which lie beside the checkout on
/// developer machines and in CI; a clone on its own skips the tests that read them.
/// CI sets `HOINGHI_REQUIRE_SAMPLE_DATA=1`: there a missing folder fails the test
/// instead of passing it unseen.
///
/// # Panics
/// When the folder is missing and CI requires it.
pub fn sample_data() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sample-data");
    if dir.join("attendees_520.csv").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("HOINGHI_REQUIRE_SAMPLE_DATA").is_none(),
        "{} is missing and HOINGHI_REQUIRE_SAMPLE_DATA is set",
        dir.display()
    );
    eprintln!("skipped: {} is missing", dir.display());
    None
}

/// Plans a file of `kind` against what `store` holds, with every choice left to detection.
pub fn plan_file(
    store: &Store,
    kind: hoinghi::import::Kind,
    path: &std::path::Path,
) -> hoinghi::Result<hoinghi::import::Plan> {
    let known = hoinghi::import::Known::load(store, kind)?;
    hoinghi::import::prepare(
        kind,
        path,
        &hoinghi::import::ReadOptions::default(),
        &hoinghi::import::Choices::default(),
        &known,
    )
}

/// Imports an attendee file into `store` the way the CLI does (duplicates skipped).
pub fn import_attendees(store: &Store, path: &std::path::Path) -> hoinghi::import::Summary {
    let plan = plan_file(store, hoinghi::import::Kind::Attendees, path).unwrap();
    hoinghi::import::apply(
        store,
        &plan,
        hoinghi::import::OnDuplicate::Skip,
        false,
        &mut |_, _| true,
    )
    .unwrap()
}
