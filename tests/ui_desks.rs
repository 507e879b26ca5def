//! The host's page of desks and a desk's line under the top bar, driven as people do:
//! the File menu, the connect dialog, the desk's search box.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use hoinghi::net::desk::{DeskClient, DeskLink};
use hoinghi::store::{Missing, Store};
use hoinghi::sync::{Action, Op};
use hoinghi::ui::App;

/// Steps the window until `done` holds (the network answers on its own threads).
fn until(h: &mut Harness<'static, App>, what: &str, done: impl Fn(&Harness<'static, App>) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(h) {
        assert!(Instant::now() < deadline, "waited in vain for {what}");
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    h.run();
}

fn menu(h: &mut Harness<'static, App>, item: &str) {
    h.get_by_label("Tệp").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn the_host_lists_its_desks_and_counts_their_check_ins() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Hội nghị.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let absent = store
        .attendees()
        .unwrap()
        .into_iter()
        .find(|a| a.checked_in_at.is_none())
        .unwrap();
    let before = store.stats().unwrap().checked_in;
    let mut app = App::with_store(store, Box::new(common::FakeDialogs::default()));
    app.set_desks_dir(dir.path().join("host"), false);
    let mut h = common::harness_app(app);
    menu(&mut h, "Mở cho các bàn khác…");
    h.get_by_label("Các bàn điểm danh");
    h.get_by_label_contains("Chưa có bàn nào");
    let host = h.state().hosting().unwrap();
    let (code, _) = host.code().unwrap();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], host.port()));
    h.get_by_label(&code);
    assert!(
        h.query_by_label("Mã PIN của bàn:").is_none(),
        "an open file: no desk PIN"
    );
    // A desk pairs and checks someone in.
    let desk_dir = dir.path().join("desk");
    let link = hoinghi::net::desk::pair(addr, &code, "Bàn 7 – khối xã", &desk_dir).unwrap();
    let client = DeskClient::start(&desk_dir, link.clone(), || {}).unwrap();
    // Issue 21: a connected desk read "Đang kết nối" (connecting).
    until(&mut h, "the desk on the list", |h| {
        h.query_by_label("Bàn 7 – khối xã").is_some() && h.query_by_label("Đã kết nối").is_some()
    });
    assert!(h.query_by_label("Đang kết nối").is_none());
    let mirror = Store::open(&DeskLink::mirror(&desk_dir), Missing::Refuse).unwrap();
    until(&mut h, "the desk's copy", |_| {
        mirror.stats().unwrap().attendees == 520
    });
    mirror
        .record_local(&Action::new(
            &link.desk_id,
            &link.name,
            Op::CheckIn {
                attendee: absent.id.clone(),
                at: hoinghi::domain::date::now_stamp(),
            },
        ))
        .unwrap();
    client.nudge();
    let nav = format!("Đại biểu  {}/520", before + 1);
    until(&mut h, "the host's count", |h| {
        h.query_by_label(&nav).is_some()
    });
    let store = h.state().store().unwrap();
    assert_eq!(
        store
            .attendee(&absent.id)
            .unwrap()
            .checked_in_desk
            .as_deref(),
        Some("Bàn 7 – khối xã")
    );
    // Removing the desk takes it off the list.
    h.get_by_label("Gỡ bàn").click();
    h.run();
    until(&mut h, "the desk gone", |h| {
        h.query_by_label("Bàn 7 – khối xã").is_none()
    });
    drop(client);
}

#[test]
fn a_desk_without_its_host_checks_in_and_says_what_waits() {
    let dir = tempfile::tempdir().unwrap();
    let desks = dir.path().join("desks");
    let desk_dir = desks.join("ban-diem-danh");
    // A desk paired earlier, its copy of the list on disk, its host nowhere.
    std::fs::create_dir_all(&desk_dir).unwrap();
    let mirror = Store::open(&DeskLink::mirror(&desk_dir), Missing::Create).unwrap();
    hoinghi::demo::fill(&mirror).unwrap();
    drop(mirror);
    DeskLink {
        desk_id: "d1".into(),
        name: "Bàn 2".into(),
        conference: "Hội nghị đối thoại".into(),
        host_fingerprint: hoinghi::net::proto::b64(&[9; 32]),
        token: hoinghi::net::proto::b64(&[1; 32]),
        addrs: vec![std::net::SocketAddr::from(([127, 0, 0, 1], 9))],
    }
    .save(&desk_dir)
    .unwrap();
    let mut app = App::with_store(
        common::demo_store(),
        Box::new(common::FakeDialogs::default()),
    );
    app.set_desks_dir(desks, false);
    let mut h = common::harness_app(app);
    menu(&mut h, "Kết nối tới máy chủ…");
    h.get_by_label("Tiếp tục làm bàn này").click();
    h.run();
    until(&mut h, "the offline line", |h| {
        h.query_by_label_contains("Mất kết nối – 0 lượt chờ gửi")
            .is_some()
    });
    // Only the desk's page is offered; the host's records are not edited here.
    assert!(h.query_by_label_contains("Câu hỏi").is_none());
    common::type_into(
        &mut h,
        "Gõ vài chữ của họ tên, đơn vị hoặc số điện thoại",
        "huynh thuy nga",
    );
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("Đã điểm danh: Huỳnh Thúy Nga");
    until(&mut h, "one waiting", |h| {
        h.query_by_label_contains("Mất kết nối – 1 lượt chờ gửi")
            .is_some()
    });
    assert!(
        h.state().persisted().desk_mode,
        "opens as the desk next time"
    );
    // Stopping being a desk opens a conference file again.
    h.get_by_label("Thôi làm bàn").click();
    h.run();
    assert!(!h.state().persisted().desk_mode);
}

/// Issue 21: the host showed no failed pairing tries. A wrong code is listed with the
/// desk's name and why.
#[test]
fn the_host_lists_failed_pairing_tries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Hội nghị.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let mut app = App::with_store(store, Box::new(common::FakeDialogs::default()));
    app.set_desks_dir(dir.path().join("host"), false);
    let mut h = common::harness_app(app);
    menu(&mut h, "Mở cho các bàn khác…");
    assert!(
        h.query_by_label_contains("Lần ghép nối không thành công")
            .is_none()
    );
    let host = h.state().hosting().unwrap();
    let (code, _) = host.code().unwrap();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], host.port()));
    let wrong = if code.starts_with('1') {
        "2222-2222"
    } else {
        "1111-1111"
    };
    let said = hoinghi::net::desk::pair(addr, wrong, "Bàn lạ", &dir.path().join("d1"));
    assert!(said.is_err());
    until(&mut h, "the failed try listed", |h| {
        h.query_by_label_contains("Lần ghép nối không thành công (1)")
            .is_some()
    });
    h.get_by_label("Bàn lạ");
    h.get_by_label("sai mã ghép nối");
    h.get_by_label("127.0.0.1");
}

/// Another connection writes (a desk through the host, a script): within a second the
/// window shows it, and its Undo names the change it now shows.
#[test]
fn the_window_sees_what_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Hội nghị.sqlite");
    let store = Store::open(&db, Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let mut h = common::harness_app(App::with_store(
        store,
        Box::new(common::FakeDialogs::default()),
    ));
    h.get_by_label_contains("Đại biểu  328/520");
    let other = Store::open(&db, Missing::Refuse).unwrap();
    let absent = other
        .attendees()
        .unwrap()
        .into_iter()
        .find(|a| a.checked_in_at.is_none())
        .unwrap();
    other
        .change("Điểm danh ở nơi khác", |st| {
            st.set_checked_in(&absent.id, Some("2026-12-02T01:00:00Z"))
        })
        .unwrap();
    until(&mut h, "the new count", |h| {
        h.query_by_label_contains("Đại biểu  329/520").is_some()
    });
    assert_eq!(
        h.state().data().undo_label.as_deref(),
        Some("Điểm danh ở nơi khác")
    );
    // A new person added elsewhere appears too.
    other
        .add_attendee(&common::attendee("Người Mới Thêm", "Công an xã Mới"))
        .unwrap();
    until(&mut h, "the new person", |h| {
        h.query_by_label_contains("Đại biểu  329/521").is_some()
    });
}

/// Types into the desk PIN box (a password field: its digits are not shown).
fn type_pin(h: &mut Harness<'static, App>, pin: &str) {
    let field = h.get_by(|n| {
        n.role() == egui::accesskit::Role::PasswordInput
            && n.label().as_deref() == Some("Mã PIN của bàn")
    });
    field.focus();
    field.type_text(pin);
    h.run();
}

/// Issue 24: a desk whose copy of the list is locked (its host's file is) asks for the
/// desk PIN when it starts again, offline: nothing of the list shows until then, a wrong
/// PIN says so and opens nothing, the right one makes it the desk as before.
#[test]
fn a_locked_desk_asks_for_its_pin_and_a_wrong_one_opens_nothing() {
    use hoinghi::store::Passphrase;
    let dir = tempfile::tempdir().unwrap();
    let desks = dir.path().join("desks");
    let desk_dir = desks.join("ban-diem-danh");
    std::fs::create_dir_all(&desk_dir).unwrap();
    let pin = Passphrase::new("24681357").unwrap();
    let mirror =
        Store::open_keyed(&DeskLink::mirror(&desk_dir), Missing::Create, Some(&pin)).unwrap();
    hoinghi::demo::fill(&mirror).unwrap();
    drop(mirror);
    DeskLink {
        desk_id: "d1".into(),
        name: "Bàn 4".into(),
        conference: "Hội nghị đối thoại".into(),
        host_fingerprint: hoinghi::net::proto::b64(&[9; 32]),
        token: hoinghi::net::proto::b64(&[1; 32]),
        addrs: vec![std::net::SocketAddr::from(([127, 0, 0, 1], 9))],
    }
    .save(&desk_dir)
    .unwrap();
    let bytes = std::fs::read(DeskLink::mirror(&desk_dir)).unwrap();
    let mut app = App::with_store(
        Store::open_in_memory().unwrap(),
        Box::new(common::FakeDialogs::default()),
    );
    app.set_desks_dir(desks, false);
    let mut h = common::harness_app(app);
    menu(&mut h, "Kết nối tới máy chủ…");
    h.get_by_label("Tiếp tục làm bàn này").click();
    h.run();
    h.get_by_label("Nhập mã PIN của bàn");
    assert!(h.state().desk_status().is_none(), "not a desk yet");
    assert!(h.query_by_label_contains("Huỳnh Thúy Nga").is_none());
    type_pin(&mut h, "1357-2468");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("Mã PIN không đúng");
    assert!(
        h.state().desk_status().is_none(),
        "a wrong PIN opens nothing"
    );
    assert_eq!(
        std::fs::read(DeskLink::mirror(&desk_dir)).unwrap(),
        bytes,
        "and changes nothing"
    );
    type_pin(&mut h, "2468-1357");
    h.key_press(Key::Enter);
    h.run();
    until(&mut h, "the offline line", |h| {
        h.query_by_label_contains("Mất kết nối – 0 lượt chờ gửi")
            .is_some()
    });
    assert!(h.query_by_label("Nhập mã PIN của bàn").is_none());
    common::type_into(
        &mut h,
        "Gõ vài chữ của họ tên, đơn vị hoặc số điện thoại",
        "huynh thuy nga",
    );
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("Đã điểm danh: Huỳnh Thúy Nga");
    until(&mut h, "one waiting", |h| {
        h.query_by_label_contains("Mất kết nối – 1 lượt chờ gửi")
            .is_some()
    });
    assert!(
        h.state().store().unwrap().is_locked(),
        "the copy stays locked"
    );
}

/// Issue 24: a locked host shows the desk PIN with what to do with it; a desk paired
/// with it keeps a locked copy that holds no name.
#[test]
fn a_locked_host_shows_its_desk_pin_and_its_desks_copies_are_locked() {
    use hoinghi::store::{Passphrase, key};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Hội nghị khoá.sqlite");
    key::remember(&db, Passphrase::new("mật khẩu hội nghị 2026").unwrap());
    let store = Store::open(&db, Missing::Create).unwrap();
    assert!(store.is_locked());
    hoinghi::demo::fill(&store).unwrap();
    let mut app = App::with_store(store, Box::new(common::FakeDialogs::default()));
    app.set_desks_dir(dir.path().join("host"), false);
    let mut h = common::harness_app(app);
    menu(&mut h, "Mở cho các bàn khác…");
    let host = h.state().hosting().unwrap();
    let pin = host.desk_pin().unwrap();
    let (code, _) = host.code().unwrap();
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], host.port()));
    h.get_by_label("Mã PIN của bàn:");
    h.get_by_label(&pin);
    h.get_by_label_contains("Hãy đưa mã PIN cho người ở các bàn");
    let desk_dir = dir.path().join("desk");
    let link = hoinghi::net::desk::pair(addr, &code, "Bàn 8", &desk_dir).unwrap();
    let client = DeskClient::start(&desk_dir, link, || {}).unwrap();
    let mirror_path = DeskLink::mirror(&desk_dir);
    let mirror = Store::open(&mirror_path, Missing::Refuse).unwrap();
    until(&mut h, "the desk's copy", |_| {
        mirror.stats().unwrap().attendees == 520
    });
    assert!(mirror.is_locked());
    drop(client);
    drop(mirror);
    let bytes = std::fs::read(&mirror_path).unwrap();
    let name = "Công an".as_bytes();
    assert!(
        !bytes.windows(name.len()).any(|w| w == name),
        "no name in the copy"
    );
    assert!(matches!(
        Store::open_read_only_keyed(&mirror_path, None),
        Err(hoinghi::Error::Locked { .. })
    ));
    let link_text = std::fs::read_to_string(desk_dir.join("desk.json")).unwrap();
    assert!(
        !link_text.contains(&pin.replace('-', "")),
        "the PIN is written nowhere"
    );
}
