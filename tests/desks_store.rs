//! Several desks in the file: actions applied once, clashes, undo of a desk's own
//! check-in, the change feed, and a desk's own copy with its outbox.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use hoinghi::store::Store;
use hoinghi::sync::{Action, Changed, Op, Outcome};

fn first_absent(store: &Store) -> String {
    store
        .attendees()
        .unwrap()
        .into_iter()
        .find(|a| a.checked_in_at.is_none())
        .unwrap()
        .id
}

fn check_in(desk: &str, id: &str, at: &str) -> Action {
    Action::new(
        &format!("id-{desk}"),
        desk,
        Op::CheckIn {
            attendee: id.to_owned(),
            at: at.to_owned(),
        },
    )
}

#[test]
fn an_action_sent_twice_counts_once_and_is_one_undoable_change() {
    let store = common::demo_store();
    let before = store.stats().unwrap().checked_in;
    let id = first_absent(&store);
    let a = check_in("Bàn 2", &id, "2026-12-02T01:00:00Z");
    let first = store.apply_actions(std::slice::from_ref(&a)).unwrap();
    let again = store.apply_actions(std::slice::from_ref(&a)).unwrap();
    assert_eq!(first[0].outcome, Outcome::Applied);
    assert_eq!(again, first, "the same answer, nothing done twice");
    assert_eq!(store.stats().unwrap().checked_in, before + 1);
    let person = store.attendee(&id).unwrap();
    assert_eq!(person.checked_in_desk.as_deref(), Some("Bàn 2"));
    assert_eq!(
        person.checked_in_at.as_deref(),
        Some("2026-12-02T01:00:00Z")
    );
    // The host's history has it, and its undo takes it back.
    assert!(
        store
            .undo_label()
            .unwrap()
            .unwrap()
            .starts_with("Bàn 2: điểm danh")
    );
    store.undo().unwrap();
    assert_eq!(store.stats().unwrap().checked_in, before);
    // A retry after the undo is still the old action: not applied again.
    store.apply_actions(&[a]).unwrap();
    assert_eq!(store.stats().unwrap().checked_in, before);
}

#[test]
fn two_desks_apart_check_in_one_person_once_and_the_earlier_time_stands() {
    let store = common::demo_store();
    let id = first_absent(&store);
    let later = check_in("Bàn 1", &id, "2026-12-02T01:05:00Z");
    let earlier = check_in("Bàn 3", &id, "2026-12-02T01:02:00.5Z");
    store.apply_actions(&[later]).unwrap();
    let acks = store.apply_actions(&[earlier]).unwrap();
    let Outcome::Clash(c) = &acks[0].outcome else {
        panic!("{acks:?}");
    };
    assert_eq!(
        (c.kept_desk.as_str(), c.other_desk.as_str()),
        ("Bàn 3", "Bàn 1")
    );
    let person = store.attendee(&id).unwrap();
    assert_eq!(
        person.checked_in_at.as_deref(),
        Some("2026-12-02T01:02:00.5Z")
    );
    assert_eq!(person.checked_in_desk.as_deref(), Some("Bàn 3"));
    assert_eq!(store.clashes().unwrap().len(), 1);
    // Bàn 1 cannot take back a check-in that is not its own any more.
    let undo = Action::new(
        "id-Bàn 1",
        "Bàn 1",
        Op::Undo {
            attendee: id.clone(),
            of: "nothing".into(),
        },
    );
    assert_eq!(
        store.apply_actions(&[undo]).unwrap()[0].outcome,
        Outcome::NotUndone
    );
    assert!(store.attendee(&id).unwrap().checked_in_at.is_some());
}

/// Issue 21: "Bàn 2" checking one person in twice was listed as a clash between
/// "Bàn 2" and "Bàn 2". It is a repeat: counted once, no clash, the first time stands.
#[test]
fn one_desk_twice_on_one_person_is_a_repeat_not_a_clash() {
    let store = common::demo_store();
    store.pair_desk("id-Bàn 2", "Bàn 2", &[0; 32]).unwrap();
    let before = store.stats().unwrap().checked_in;
    let id = first_absent(&store);
    let first = check_in("Bàn 2", &id, "2026-12-02T01:00:00Z");
    let second = check_in("Bàn 2", &id, "2026-12-02T01:03:00Z");
    store.apply_actions(&[first]).unwrap();
    let acks = store.apply_actions(&[second]).unwrap();
    assert_eq!(acks[0].outcome, Outcome::Repeat);
    assert!(store.clashes().unwrap().is_empty(), "no clash listed");
    assert_eq!(store.stats().unwrap().checked_in, before + 1);
    assert_eq!(
        store.attendee(&id).unwrap().checked_in_at.as_deref(),
        Some("2026-12-02T01:00:00Z")
    );
    let desk = store.desks().unwrap();
    assert_eq!(desk[0].check_ins, 1, "counted once for the desk");
    // Another desk on the same person is still a clash.
    let other = check_in("Bàn 3", &id, "2026-12-02T01:04:00Z");
    assert!(matches!(
        store.apply_actions(&[other]).unwrap()[0].outcome,
        Outcome::Clash(_)
    ));
}

/// Issue 21: a batch with check-ins for people not on the host's list was labelled
/// "Bàn 2: 4 lượt điểm danh" in the history for 2 people checked in.
#[test]
fn the_history_counts_only_the_check_ins_that_were_made() {
    let store = common::demo_store();
    let absent: Vec<String> = store
        .attendees()
        .unwrap()
        .into_iter()
        .filter(|a| a.checked_in_at.is_none())
        .take(2)
        .map(|a| a.id)
        .collect();
    let batch = [
        check_in("Bàn 2", &absent[0], "2026-12-02T01:00:00Z"),
        check_in("Bàn 2", "khong-co-ai", "2026-12-02T01:00:01Z"),
        check_in("Bàn 2", &absent[1], "2026-12-02T01:00:02Z"),
        check_in("Bàn 2", "cung-khong-co", "2026-12-02T01:00:03Z"),
    ];
    let acks = store.apply_actions(&batch).unwrap();
    let unknown = acks
        .iter()
        .filter(|a| a.outcome == Outcome::Unknown)
        .count();
    assert_eq!(unknown, 2);
    assert_eq!(
        store.undo_label().unwrap().as_deref(),
        Some("Bàn 2: 2 lượt điểm danh")
    );
    // Nothing but people not on the list: nothing in the history at all.
    let label = store.undo_label().unwrap();
    store
        .apply_actions(&[check_in("Bàn 2", "khong-ai-ca", "2026-12-02T01:09:00Z")])
        .unwrap();
    assert_eq!(store.undo_label().unwrap(), label);
}

#[test]
fn a_desk_undoes_its_own_check_in_and_adds_walk_ins() {
    let store = common::demo_store();
    let id = first_absent(&store);
    let a = check_in("Bàn 2", &id, "2026-12-02T01:00:00Z");
    store.apply_actions(std::slice::from_ref(&a)).unwrap();
    let undo = Action::new(
        "id-Bàn 2",
        "Bàn 2",
        Op::Undo {
            attendee: id.clone(),
            of: a.op_id.clone(),
        },
    );
    assert_eq!(
        store.apply_actions(&[undo]).unwrap()[0].outcome,
        Outcome::Undone
    );
    assert!(store.attendee(&id).unwrap().checked_in_at.is_none());
    let walk_in = Action::new(
        "id-Bàn 2",
        "Bàn 2",
        Op::WalkIn {
            attendee: hoinghi::store::new_id(),
            data: Box::new(common::attendee("Lê Văn Khách", "Công an xã Mới")),
            at: "2026-12-02T01:10:00Z".into(),
        },
    );
    let n = store.attendees().unwrap().len();
    store.apply_actions(&[walk_in.clone(), walk_in]).unwrap();
    assert_eq!(store.attendees().unwrap().len(), n + 1, "added once");
}

#[test]
fn the_feed_names_who_changed_and_an_import_means_everyone() {
    let store = common::demo_store();
    let seq = store.change_seq().unwrap();
    let id = first_absent(&store);
    store
        .set_checked_in(&id, Some("2026-12-02T01:00:00Z"))
        .unwrap();
    let (changed, newest) = store.changed_since(seq).unwrap();
    let Changed::Some { upserts, deleted } = changed else {
        panic!("{changed:?}");
    };
    assert_eq!(upserts.len(), 1);
    assert_eq!(upserts[0].id, id);
    assert!(deleted.is_empty());
    assert_eq!(store.changed_since(newest).unwrap().0, Changed::Nothing);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    std::fs::write(&csv, "Họ và tên,Đơn vị\nNgười Mới Một,Công an xã A\n").unwrap();
    common::import_attendees(&store, &csv);
    assert_eq!(store.changed_since(newest).unwrap().0, Changed::All);
}

#[test]
fn a_desk_copy_keeps_its_unsent_check_ins_over_a_new_list() {
    let host = common::demo_store();
    let desk = Store::open_in_memory().unwrap();
    let everyone = host.attendees().unwrap();
    desk.mirror_replace(&host.conference().unwrap(), &everyone)
        .unwrap();
    assert_eq!(desk.attendees().unwrap().len(), everyone.len());
    let id = first_absent(&desk);
    let a = check_in("Bàn 2", &id, "2026-12-02T01:00:00Z");
    desk.record_local(&a).unwrap();
    assert_eq!(desk.pending().unwrap(), 1);
    // The host sends its list again before it has the check-in: it stays shown.
    desk.mirror_replace(&host.conference().unwrap(), &everyone)
        .unwrap();
    assert!(desk.attendee(&id).unwrap().checked_in_at.is_some());
    let acks = host.apply_actions(&desk.outbox(100).unwrap()).unwrap();
    desk.acknowledge(&acks).unwrap();
    assert_eq!(desk.pending().unwrap(), 0);
    assert_eq!(
        host.attendee(&id).unwrap().checked_in_desk.as_deref(),
        Some("Bàn 2")
    );
}

fn holds(bytes: &[u8], text: &str) -> bool {
    let needle = text.as_bytes();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// Issue 24: a locked file's PIN for its desks is kept in the file; an open file has
/// none and takes none (it would hold it in clear).
#[test]
fn only_a_locked_file_keeps_a_desk_pin() {
    let open = common::demo_store();
    assert_eq!(open.desk_pin().unwrap(), None);
    assert!(open.set_desk_pin("12345678").is_err());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("khoá.sqlite");
    let pass = hoinghi::store::Passphrase::new("mật khẩu hội nghị").unwrap();
    let locked = Store::open_keyed(&db, hoinghi::store::Missing::Create, Some(&pass)).unwrap();
    assert_eq!(locked.desk_pin().unwrap(), None, "made when first shared");
    assert!(locked.set_desk_pin("1234").is_err(), "8 digits");
    locked.set_desk_pin("04812345").unwrap();
    assert_eq!(locked.desk_pin().unwrap().as_deref(), Some("04812345"));
    drop(locked);
    let bytes = std::fs::read(&db).unwrap();
    assert!(
        !holds(&bytes, "04812345"),
        "the PIN is inside the locked file"
    );
}

/// Issue 24: the USB file of a locked desk holds no name in clear, only its host (the
/// PIN it holds) reads it, and a plain file of an open desk still reads.
#[test]
fn a_locked_desk_file_holds_no_name_and_only_its_host_reads_it() {
    use hoinghi::store::{Missing, Passphrase};
    use hoinghi::sync::DeskFile;
    let host = common::demo_store();
    let dir = tempfile::tempdir().unwrap();
    let pin = Passphrase::new("24681357").unwrap();
    let desk =
        Store::open_keyed(&dir.path().join("ban.sqlite"), Missing::Create, Some(&pin)).unwrap();
    desk.mirror_replace(&host.conference().unwrap(), &host.attendees().unwrap())
        .unwrap();
    let id = first_absent(&desk);
    let name = desk.attendee(&id).unwrap().data.full_name;
    desk.record_local(&check_in("Bàn 2", &id, "2026-12-02T01:00:00Z"))
        .unwrap();
    let walk_in = Action::new(
        "id-Bàn 2",
        "Bàn 2",
        Op::WalkIn {
            attendee: hoinghi::store::new_id(),
            data: Box::new(common::attendee("Lê Văn Khách", "Công an xã Mới")),
            at: "2026-12-02T01:10:00Z".into(),
        },
    );
    desk.record_local(&walk_in).unwrap();
    let file = dir.path().join("Lượt điểm danh Bàn 2.diemdanh");
    let written = desk.write_pending_file("Bàn 2", &file).unwrap();
    assert_eq!(written.actions.len(), 2);
    let bytes = std::fs::read(&file).unwrap();
    for clear in [
        "Lê Văn Khách",
        "Công an",
        "Bàn 2",
        name.as_str(),
        id.as_str(),
    ] {
        assert!(!holds(&bytes, clear), "{clear} in clear");
    }
    // Without a PIN, or with another desk's PIN: refused, naming the file; nothing read.
    let other = Passphrase::new("13572468").unwrap();
    for pin in [None, Some(&other)] {
        let e = DeskFile::read(&file, pin).unwrap_err().to_string();
        assert!(e.contains("Lượt điểm danh Bàn 2.diemdanh"), "{e}");
        assert!(e.contains("mã PIN"), "{e}");
    }
    assert_eq!(
        std::fs::read(&file).unwrap(),
        bytes,
        "reading changed nothing"
    );
    // One locked file in a hundred starts with "{" (its first bytes are random): it is
    // still told apart from a text file, and refused by which PIN it needs.
    let brace = dir.path().join("Lượt điểm danh Bàn 2 (2).diemdanh");
    let mut b = bytes.clone();
    b[0] = b'{';
    std::fs::write(&brace, &b).unwrap();
    for pin in [None, Some(&other)] {
        let e = DeskFile::read(&brace, pin).unwrap_err().to_string();
        assert!(e.contains("mã PIN"), "{e}");
    }
    let read = DeskFile::read(&file, Some(&pin)).unwrap();
    assert_eq!(read, written);
    let before = host.stats().unwrap().checked_in;
    let acks = host.apply_actions(&read.actions).unwrap();
    assert!(
        acks.iter().all(|a| a.outcome == Outcome::Applied),
        "{acks:?}"
    );
    assert_eq!(host.stats().unwrap().checked_in, before + 2);
    // An open desk's file is plain JSON, as before, and still reads on a locked host.
    let plain = common::demo_store();
    let plain_file = dir.path().join("Bàn 3.json");
    plain.write_pending_file("Bàn 3", &plain_file).unwrap();
    assert!(
        std::fs::read_to_string(&plain_file)
            .unwrap()
            .starts_with('{')
    );
    assert_eq!(
        DeskFile::read(&plain_file, Some(&pin)).unwrap().desk,
        "Bàn 3"
    );
    assert_eq!(DeskFile::read(&plain_file, None).unwrap().desk, "Bàn 3");
}
