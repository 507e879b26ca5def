//! Safe files from the window: one window per file, read-only files, a panic that
//! cannot take the file down with it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{FakeDialogs, go_to, harness_app, type_into};
use egui_kittest::kittest::Queryable as _;
use hoinghi::store::lock::{FileLock, Lock};
use hoinghi::store::{Missing, Store};
use hoinghi::ui::{App, Persisted};

const READ_ONLY_BANNER: &str = "Tệp đang mở ở chế độ chỉ đọc: mọi thay đổi đều bị chặn.";

fn conference(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("hn.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    db
}

#[test]
fn a_file_open_in_another_window_is_offered_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = conference(dir.path());
    let Lock::Acquired(held) = FileLock::try_acquire(&db) else {
        panic!("the first window takes the lock");
    };
    let app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    let mut h = harness_app(app);
    assert!(
        h.state().store().is_none(),
        "not opened for writing behind the other window"
    );
    h.get_by_label("Tệp đang được mở ở cửa sổ khác");
    h.get_by_label("Mở chỉ đọc").click();
    h.run();
    let store = h.state().store().unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.stats().unwrap().attendees, 520);
    h.get_by_label(READ_ONLY_BANNER);
    drop(held);
    // With the other window gone, the file opens normally and takes the lock.
    let app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    assert!(app.store().is_some_and(|s| !s.is_read_only()));
    assert!(matches!(FileLock::try_acquire(&db), Lock::HeldElsewhere));
}

#[test]
fn a_read_only_file_opens_read_only_and_is_not_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = conference(dir.path());
    let before = std::fs::read(&db).unwrap();
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    let h = harness_app(app);
    assert!(h.state().store().unwrap().is_read_only());
    h.get_by_label(READ_ONLY_BANNER);
    drop(h);
    assert_eq!(std::fs::read(&db).unwrap(), before, "bytes unchanged");
}

#[test]
fn a_panicking_frame_is_caught_and_the_file_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = conference(dir.path());
    let mut app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    app.panic_next_frame = true;
    let h = harness_app(app);
    assert!(h.state().crashed());
    h.get_by_label("Đã xảy ra lỗi trong chương trình");
    h.get_by_label("Đóng ứng dụng");
    drop(h);
    let store = Store::open_read_only(&db).unwrap();
    let ok: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    assert_eq!(store.stats().unwrap().attendees, 520);
}

#[test]
fn a_snapshot_is_taken_on_open_and_a_restore_can_be_undone() {
    use hoinghi::ui::action::Action;
    let dir = tempfile::tempdir().unwrap();
    let db = conference(dir.path());
    let mut app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    app.set_backup_root(dir.path().join("backups"));
    let mut h = harness_app(app);
    common::go_to(&mut h, "Sao lưu");
    h.get_by_label("Khi mở tệp");
    // Lose the gifts, then restore the snapshot taken at opening.
    let ids: Vec<String> = h
        .state()
        .store()
        .unwrap()
        .gifts()
        .unwrap()
        .into_iter()
        .map(|g| g.id)
        .collect();
    for id in ids {
        h.state_mut().apply(Action::DeleteGift(id));
    }
    h.run();
    assert_eq!(h.state().store().unwrap().stats().unwrap().gifts, 0);
    h.get_by_label("Khôi phục").click();
    h.run();
    h.get_by_label("Khôi phục bản sao lưu này?");
    h.get_all_by_label("Khôi phục").last().unwrap().click();
    h.run();
    assert_eq!(h.state().store().unwrap().stats().unwrap().gifts, 10);
    // The state before the restore was kept, so the restore itself can be undone.
    let folder = hoinghi::store::backup::folder(&dir.path().join("backups"), &db);
    let snaps = hoinghi::store::backup::list(&folder, None);
    assert_eq!(snaps.len(), 2);
    let before = snaps
        .iter()
        .find(|s| s.reason == Some(hoinghi::store::backup::Reason::BeforeRestore))
        .unwrap();
    assert_eq!(before.gifts, 0);
    assert_eq!(before.attendees, 520);
}

#[test]
fn ctrl_z_undoes_an_edit_and_redo_works_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hn.sqlite");
    drop(Store::open(&db, Missing::Create).unwrap());
    {
        let app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
        let mut h = harness_app(app);
        go_to(&mut h, "Đại biểu");
        type_into(&mut h, "Họ và tên", "Nguyễn Văn An");
        type_into(&mut h, "Đơn vị", "Phòng PX01");
        h.key_press(egui::Key::Enter);
        h.run();
        assert_eq!(h.state().store().unwrap().attendees().unwrap().len(), 1);
        // Away from the text fields, Ctrl+Z takes the addition back.
        go_to(&mut h, "Lịch sử");
        h.get_by_label("Thêm đại biểu: Nguyễn Văn An");
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(h.state().store().unwrap().attendees().unwrap().len(), 0);
        h.get_by_label_contains("Đã hoàn tác: Thêm đại biểu: Nguyễn Văn An");
    }
    // A new window on the same file still knows what can be redone.
    let app = App::open(&db, Box::new(FakeDialogs::default()), Persisted::default());
    let mut h = harness_app(app);
    go_to(&mut h, "Lịch sử");
    h.get_by_label("Chọn một dòng để xem các bản ghi của thay đổi đó.");
    h.get_by_label("Thêm đại biểu: Nguyễn Văn An").click();
    h.run();
    h.get_by_label_contains("Các bản ghi của thay đổi đã chọn: Thêm đại biểu");
    h.get_by_label("thêm 1 đại biểu");
    h.get_by_label("Làm lại (Ctrl+Y): Thêm đại biểu: Nguyễn Văn An")
        .click();
    h.run();
    let all = h.state().store().unwrap().attendees().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].data.full_name, "Nguyễn Văn An");
    h.get_by_label("Có hiệu lực");
}

#[test]
fn undoing_a_whole_import_runs_in_the_background() {
    use std::fmt::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hn.sqlite");
    let csv = dir.path().join("ds.csv");
    let mut text = String::from("STT,Họ và tên,Đơn vị\n");
    for i in 0..6_000 {
        writeln!(text, "{},Cán Bộ Số {i},Đội {}", i + 1, i % 30).unwrap();
    }
    std::fs::write(&csv, text).unwrap();
    let store = Store::open(&db, Missing::Create).unwrap();
    common::import_attendees(&store, &csv);
    let mut h = common::harness(store);
    go_to(&mut h, "Lịch sử");
    h.get_by_label("Hoàn tác (Ctrl+Z): Nhập đại biểu từ tệp ds.csv")
        .click();
    h.step();
    assert!(h.state().is_busy(), "a 6,000-row undo is a background job");
    common::wait_idle(&mut h);
    assert_eq!(h.state().store().unwrap().attendees().unwrap().len(), 0);
    assert_eq!(h.state().data().stats.attendees, 0, "the window shows it");
    h.get_by_label_contains("Đã hoàn tác: Nhập đại biểu từ tệp ds.csv");
    h.get_by_label("Làm lại (Ctrl+Y): Nhập đại biểu từ tệp ds.csv")
        .click();
    h.step();
    common::wait_idle(&mut h);
    assert_eq!(h.state().store().unwrap().attendees().unwrap().len(), 6_000);
}
