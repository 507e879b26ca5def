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
