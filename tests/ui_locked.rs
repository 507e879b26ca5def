//! A conference file locked by a passphrase, in the window: opening it asks for the
//! passphrase (a wrong one says so and changes nothing; Vietnamese typing and an input
//! method work in the field), a new conference can be made locked, and the open file is
//! locked, given another passphrase and unlocked from the File menu without closing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{FakeDialogs, demo_store, harness_app, harness_with};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hoinghi::Error;
use hoinghi::store::key::Passphrase;
use hoinghi::store::{Missing, Store};
use hoinghi::ui::action::Action;
use hoinghi::ui::typing::{Method, Settings};
use hoinghi::ui::{App, Persisted};

const PASS: &str = "Hội nghị đối thoại 2026";
const SQLITE: &[u8] = b"SQLite format 3\0";

fn pass(text: &str) -> Passphrase {
    Passphrase::new(text).unwrap()
}

fn header(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()[..16].to_vec()
}

fn demo_file(dir: &Path, passphrase: Option<&str>) -> PathBuf {
    let db = dir.join("hội nghị.sqlite");
    let key = passphrase.map(pass);
    let store = Store::open_keyed(&db, Missing::Create, key.as_ref()).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    store.close().unwrap();
    db
}

fn open_app(db: &Path, dir: &Path, typing: Settings) -> Harness<'static, App> {
    let persisted = Persisted {
        typing,
        ..Persisted::default()
    };
    let mut app = App::open(db, Box::new(FakeDialogs::default()), persisted);
    app.set_backup_root(dir.join("backups"));
    harness_app(app)
}

/// Runs frames until the window stops repainting (a dialog may take a few).
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..50 {
        if h.run_ok().is_some() {
            return;
        }
    }
    panic!("the window kept repainting");
}

/// The passphrase field with this label, masked or shown.
fn field<'a>(h: &'a Harness<'static, App>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by(|n| {
        matches!(n.role(), Role::PasswordInput | Role::TextInput)
            && n.label().as_deref() == Some(label)
    })
}

/// Types into a passphrase field, replacing what it held.
fn type_pass(h: &mut Harness<'static, App>, label: &str, text: &str) {
    field(h, label).focus();
    settle(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field(h, label).type_text(text);
    settle(h);
}

/// Clicks a File menu entry.
fn file_menu(h: &mut Harness<'static, App>, entry: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("Tệp"))
        .click();
    settle(h);
    h.get_by_label(entry).click();
    settle(h);
}

fn submit(h: &mut Harness<'static, App>, button: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some(button))
        .click();
    h.step();
    finish(h);
}

/// Steps the window until its worker is done. Deriving a key takes a moment and a
/// conversion derives several (the file, its snapshots, each checked): on a loaded
/// machine that is longer than `wait_idle` waits.
fn finish(h: &mut Harness<'static, App>) {
    let until = std::time::Instant::now() + std::time::Duration::from_mins(3);
    while h.state().is_busy() {
        assert!(
            std::time::Instant::now() < until,
            "the worker never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    settle(h);
}

#[test]
fn starting_on_a_locked_file_asks_its_passphrase_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path(), Some(PASS));
    let before = std::fs::read(&db).unwrap();
    let telex = Settings {
        method: Method::Telex,
        ..Settings::default()
    };
    let mut h = open_app(&db, dir.path(), telex);
    assert!(h.state().store().is_none(), "nothing opened without it");
    assert!(
        h.state().open_error().is_none(),
        "a question, not an error page"
    );
    h.get_by_label("Tệp được khoá bằng mật khẩu");

    // A wrong passphrase: said plainly, the dialog stays, not a byte changes.
    type_pass(&mut h, "Mật khẩu", "khong phai dau");
    h.key_press(egui::Key::Enter);
    h.step();
    finish(&mut h);
    h.get_by_label("Mật khẩu không đúng");
    assert!(h.state().store().is_none());
    assert!(h.state().passphrase_dialog().is_some());
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");

    // The right one, its first word composed by an input method, the rest typed in
    // Telex by the window's own typing; shown to check what the field holds.
    h.get_by_label("Hiện mật khẩu").click();
    settle(&mut h);
    field(&h, "Mật khẩu").focus();
    settle(&mut h);
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "Hộ".into(),
        active_range_chars: None,
    }));
    h.step();
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("Hội".into())));
    settle(&mut h);
    field(&h, "Mật khẩu").type_text(" nghij ddoois thoaij 2026");
    settle(&mut h);
    assert_eq!(field(&h, "Mật khẩu").value().as_deref(), Some(PASS));
    h.key_press(egui::Key::Enter);
    h.step();
    finish(&mut h);

    let store = h.state().store().expect("opened with its passphrase");
    assert!(store.is_locked() && !store.is_read_only());
    assert_eq!(h.state().data().stats.attendees, 520, "its data is read");
    assert!(h.state().passphrase_dialog().is_none());
    h.get_by_label("Đã khoá");
    assert!(
        h.state().title().contains("(đã khoá)"),
        "{}",
        h.state().title()
    );
    // The data is on screen: the navigation counts its attendees.
    h.get_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("Đại biểu") && l.ends_with("/520"))
    });
    // Work in the background reopens the file by its path and finds the passphrase.
    assert_eq!(
        Store::open_read_only(&db)
            .unwrap()
            .stats()
            .unwrap()
            .attendees,
        520
    );
}

#[test]
fn a_new_conference_can_be_made_locked() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("hội nghị mới.sqlite");
    let dialogs = FakeDialogs {
        answers: vec![new.clone()],
        ..FakeDialogs::default()
    };
    let mut h = harness_with(demo_store(), dialogs);
    h.state_mut().set_backup_root(dir.path().join("backups"));
    h.state_mut().apply(Action::NewConference);
    settle(&mut h);
    h.get_by_label("Tạo hội nghị mới");
    h.get_by_label("Đặt mật khẩu cho tệp").click();
    settle(&mut h);
    h.get_by_label_contains(
        "Quên mật khẩu thì không ai mở lại được tệp, kể cả người làm ra ứng dụng",
    );

    // Too short, then typed differently twice: refused where it was typed.
    type_pass(&mut h, "Mật khẩu", "ngắn");
    type_pass(&mut h, "Nhập lại mật khẩu", "ngắn");
    h.get_by_label("Tạo hội nghị").click();
    settle(&mut h);
    h.get_by_label("Mật khẩu phải có ít nhất 8 ký tự");
    type_pass(&mut h, "Mật khẩu", "bảo vệ danh sách");
    type_pass(&mut h, "Nhập lại mật khẩu", "bảo vệ danh sach");
    h.get_by_label("Tạo hội nghị").click();
    settle(&mut h);
    h.get_by_label("Hai lần nhập không giống nhau");
    assert!(!new.exists(), "nothing made before it is right");

    type_pass(&mut h, "Nhập lại mật khẩu", "bảo vệ danh sách");
    submit(&mut h, "Tạo hội nghị");
    let store = h.state().store().expect("the new file is open");
    assert_eq!(store.path(), Some(new.as_path()));
    assert!(store.is_locked());
    assert_ne!(header(&new), SQLITE, "created locked");
    assert!(matches!(
        Store::open_keyed(&new, Missing::Refuse, None),
        Err(Error::Locked { .. })
    ));
    assert!(Store::open_read_only_keyed(&new, Some(&pass("bảo vệ danh sách"))).is_ok());
}

#[test]
fn the_open_file_is_locked_rekeyed_and_unlocked_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path(), None);
    let mut h = open_app(&db, dir.path(), Settings::default());
    assert!(h.state().store().is_some_and(|s| !s.is_locked()));
    let snapshots = dir.path().join("backups").join("hội nghị.sqlite");
    let snapshot = std::fs::read_dir(&snapshots)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .expect("a snapshot taken on opening");
    assert_eq!(header(&snapshot), SQLITE);

    // Lock: the file and its snapshot, and it stays open in the window.
    file_menu(&mut h, "Khoá tệp bằng mật khẩu…");
    h.get_by_label_contains("không ai mở lại được tệp");
    type_pass(&mut h, "Mật khẩu", "khoá lần đầu");
    type_pass(&mut h, "Nhập lại mật khẩu", "khoá lần đầu");
    submit(&mut h, "Khoá tệp");
    assert_ne!(header(&db), SQLITE, "locked on disk");
    assert_ne!(header(&snapshot), SQLITE, "its snapshot too");
    let store = h.state().store().expect("still open");
    assert!(store.is_locked());
    assert_eq!(h.state().data().stats.attendees, 520);
    h.get_by_label_contains("Đã khoá tệp và 1 bản sao lưu");
    h.get_by_label("Đã khoá");
    assert!(matches!(
        Store::open_keyed(&db, Missing::Refuse, None),
        Err(Error::Locked { .. })
    ));

    // Change it: a wrong current passphrase is refused and changes nothing.
    let locked = std::fs::read(&db).unwrap();
    file_menu(&mut h, "Đổi mật khẩu…");
    type_pass(&mut h, "Mật khẩu hiện tại", "không phải nó");
    type_pass(&mut h, "Mật khẩu mới", "khoá lần hai");
    type_pass(&mut h, "Nhập lại mật khẩu", "khoá lần hai");
    h.get_by_label("Đổi mật khẩu").click();
    settle(&mut h);
    h.get_by_label("Mật khẩu không đúng");
    assert_eq!(std::fs::read(&db).unwrap(), locked, "unchanged");
    type_pass(&mut h, "Mật khẩu hiện tại", "khoá lần đầu");
    submit(&mut h, "Đổi mật khẩu");
    assert!(matches!(
        Store::open_read_only_keyed(&db, Some(&pass("khoá lần đầu"))),
        Err(Error::WrongPassphrase { .. })
    ));
    assert!(Store::open_read_only_keyed(&db, Some(&pass("khoá lần hai"))).is_ok());
    assert!(h.state().store().is_some_and(Store::is_locked));
    h.get_by_label_contains("Đã đổi mật khẩu của tệp");

    // Unlock: an ordinary SQLite file again, still open.
    file_menu(&mut h, "Mở khoá tệp…");
    type_pass(&mut h, "Mật khẩu hiện tại", "khoá lần hai");
    submit(&mut h, "Mở khoá");
    assert_eq!(header(&db), SQLITE);
    assert_eq!(header(&snapshot), SQLITE);
    let store = h.state().store().expect("still open");
    assert!(!store.is_locked());
    assert_eq!(h.state().data().stats.attendees, 520);
    assert!(h.query_by_label("Đã khoá").is_none());
    h.get_by_label_contains("Đã mở khoá tệp và 1 bản sao lưu");
}

#[test]
fn the_export_page_says_once_that_lists_are_not_locked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path(), Some(PASS));
    hoinghi::store::key::remember(&db, pass(PASS));
    let mut h = open_app(&db, dir.path(), Settings::default());
    assert!(h.state().store().is_some_and(Store::is_locked));
    common::go_to(&mut h, "In / Xuất tệp");
    let note = "Danh sách lưu ra (PDF, Word, Excel) không được khoá bằng mật khẩu.";
    assert_eq!(h.query_all_by_label(note).count(), 1);
}
