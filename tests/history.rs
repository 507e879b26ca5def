//! Undo and redo kept in the file: every kind of change, across a restart, imports as
//! one change, failed changes leave no trace, and foreign statements are refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::attendee;

use std::fmt::Write as _;

use hoinghi::domain::{Channel, QuestionDraft};
use hoinghi::store::history::Op;
use hoinghi::store::{List, Missing, Store};

/// Everything a user can see in the file, as text, to compare states.
fn dump(store: &Store) -> String {
    let mut out = String::new();
    for table in hoinghi::store::history::TABLES {
        let mut st = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap();
        for r in rows {
            out.push_str(table);
            out.push_str(&r.unwrap().join("|"));
            out.push('\n');
        }
    }
    out
}

#[test]
fn add_edit_check_in_delete_each_undo_and_redo() {
    let store = Store::open_in_memory().unwrap();
    let start = dump(&store);
    let id = store
        .change("Thêm đại biểu: An", |s| {
            s.add_attendee(&attendee("Nguyễn Văn An", "Phòng A"))
        })
        .unwrap();
    let added = dump(&store);
    store
        .change("Sửa đại biểu: An", |s| {
            s.update_attendee(&id, &attendee("Nguyễn Văn Ân", "Phòng B"))
        })
        .unwrap();
    let edited = dump(&store);
    store
        .change("Điểm danh: An", |s| {
            s.set_checked_in(&id, Some("2022-11-25T00:31:00Z"))
        })
        .unwrap();
    let checked = dump(&store);
    store
        .change("Xoá đại biểu: An", |s| s.delete_attendee(&id))
        .unwrap();
    let deleted = dump(&store);
    assert_eq!(store.attendees().unwrap().len(), 0);

    // Back one by one to the start, then forward again to the end.
    for (label, expect) in [
        ("Xoá đại biểu: An", &checked),
        ("Điểm danh: An", &edited),
        ("Sửa đại biểu: An", &added),
        ("Thêm đại biểu: An", &start),
    ] {
        assert_eq!(store.undo().unwrap().as_deref(), Some(label));
        assert_eq!(&dump(&store), expect, "after undoing {label}");
    }
    assert_eq!(store.undo().unwrap(), None);
    for expect in [&added, &edited, &checked, &deleted] {
        assert!(store.redo().unwrap().is_some());
        assert_eq!(&dump(&store), expect);
    }
    assert_eq!(store.redo().unwrap(), None);
}

#[test]
fn deleting_an_asker_and_merging_topics_come_back_whole() {
    let store = Store::open_in_memory().unwrap();
    let asker = store
        .add_attendee(&attendee("Trần Văn Luân", "Xã Long Trị"))
        .unwrap();
    let topics = store.topics().unwrap();
    let q = QuestionDraft {
        number: "1".into(),
        asker_id: Some(asker.clone()),
        asker_name: "Trần Văn Luân".into(),
        channel: Channel::Spoken,
        topic_id: Some(topics[0].id.clone()),
        content: "Xăng xe".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    store.add_question(&q).unwrap();
    let before = dump(&store);
    // The delete also clears the question's link (ON DELETE SET NULL): both come back.
    store
        .change("Xoá đại biểu", |s| s.delete_attendee(&asker))
        .unwrap();
    assert!(store.questions().unwrap()[0].data.asker_id.is_none());
    store.undo().unwrap();
    assert_eq!(dump(&store), before);
    assert_eq!(
        store.questions().unwrap()[0].data.asker_id.as_deref(),
        Some(asker.as_str())
    );

    store
        .change("Gộp chủ đề", |s| {
            s.merge_entry(List::Topics, &topics[0].id, &topics[1].id)
        })
        .unwrap();
    assert_eq!(store.topics().unwrap().len(), topics.len() - 1);
    store.undo().unwrap();
    assert_eq!(dump(&store), before);
}

#[test]
fn undo_and_redo_survive_closing_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hn.sqlite");
    {
        let store = Store::open(&path, Missing::Create).unwrap();
        store
            .change("Thêm đại biểu: Lê Thị Hoa", |s| {
                s.add_attendee(&attendee("Lê Thị Hoa", "Phòng PX01"))
            })
            .unwrap();
        store
            .change("Thêm đại biểu: Phạm Văn Minh", |s| {
                s.add_attendee(&attendee("Phạm Văn Minh", "Phòng PX01"))
            })
            .unwrap();
        store.undo().unwrap();
    }
    let store = Store::open(&path, Missing::Refuse).unwrap();
    assert_eq!(store.attendees().unwrap().len(), 1);
    assert_eq!(
        store.redo_label().unwrap().as_deref(),
        Some("Thêm đại biểu: Phạm Văn Minh")
    );
    assert_eq!(
        store.undo_label().unwrap().as_deref(),
        Some("Thêm đại biểu: Lê Thị Hoa")
    );
    store.redo().unwrap();
    assert_eq!(store.attendees().unwrap().len(), 2);
    let history = store.history(10).unwrap();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|c| !c.undone));
    assert_eq!(history[0].label, "Thêm đại biểu: Phạm Văn Minh");
    assert_eq!(history[0].counts[0].op, Op::Add);
    assert_eq!(history[0].counts[0].table, "attendee");
}

#[test]
fn a_new_change_after_undo_drops_the_redo_and_a_failed_change_leaves_nothing() {
    let store = Store::open_in_memory().unwrap();
    store
        .change("A", |s| s.add_attendee(&attendee("Người A", "X")))
        .unwrap();
    store.undo().unwrap();
    store
        .change("B", |s| s.add_attendee(&attendee("Người B", "X")))
        .unwrap();
    assert_eq!(store.redo_label().unwrap(), None);
    let labels: Vec<String> = store
        .history(10)
        .unwrap()
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(labels, ["B"]);

    let before = dump(&store);
    let failed: hoinghi::Result<()> = store.change("C", |s| {
        s.add_attendee(&attendee("Người C", "X"))?;
        Err(hoinghi::Error::Invalid("thử lỗi".into()))
    });
    assert!(failed.is_err());
    assert_eq!(dump(&store), before);
    assert_eq!(store.history(10).unwrap().len(), 1);
    // A change that touched nothing is not listed either.
    store.change("D", |_| Ok(())).unwrap();
    assert_eq!(store.history(10).unwrap().len(), 1);
}

#[test]
fn an_import_is_one_change_undone_and_redone_whole() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ds.csv");
    let mut text = String::from("STT,Họ và tên,Đơn vị,Số điện thoại\n");
    for i in 0..500 {
        writeln!(text, "{},Người Số {i},Đơn vị {},09{i:08}", i + 1, i % 7).unwrap();
    }
    std::fs::write(&csv, text).unwrap();
    let store = Store::open_in_memory().unwrap();
    store
        .add_attendee(&attendee("Đã Có Sẵn", "Đơn vị 0"))
        .unwrap();
    let before = dump(&store);
    common::import_attendees(&store, &csv);
    let after = dump(&store);
    assert_eq!(store.attendees().unwrap().len(), 501);
    let h = store.history(5).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].label, "Nhập đại biểu từ tệp ds.csv");
    assert_eq!(h[0].counts[0].rows, 500);
    assert_eq!(
        store.change_steps(h[0].id, 3).unwrap()[0].what,
        "Người Số 0, Người Số 1, Người Số 2, …"
    );
    store.undo().unwrap();
    assert_eq!(dump(&store), before);
    store.redo().unwrap();
    assert_eq!(dump(&store), after);
    // The import set the insert trigger aside and put it back: one person added after
    // it is recorded, and undone, on their own.
    store
        .change("Thêm đại biểu", |s| {
            s.add_attendee(&attendee("Đến Sau", "Đơn vị 1"))
        })
        .unwrap();
    assert_eq!(store.history(5).unwrap()[0].counts[0].rows, 1);
    store.undo().unwrap();
    assert_eq!(dump(&store), after);
    // A cancelled import, too, leaves the trigger in place.
    let plan = hoinghi::import::prepare(
        hoinghi::import::Kind::Attendees,
        &csv,
        &hoinghi::import::ReadOptions::default(),
        &hoinghi::import::Choices::default(),
        &hoinghi::import::Known::default(),
    )
    .unwrap();
    let cancelled = hoinghi::import::apply(
        &store,
        &plan,
        hoinghi::import::OnDuplicate::Skip,
        false,
        &mut |done, _| done < 300,
    );
    assert!(cancelled.is_err());
    assert_eq!(dump(&store), after);
    store
        .change("Thêm đại biểu", |s| {
            s.add_attendee(&attendee("Đến Sau Nữa", "Đơn vị 2"))
        })
        .unwrap();
    assert_eq!(store.history(5).unwrap()[0].counts[0].rows, 1);
    // The window reads the stored search keys: they are what the data folds to.
    let (people, keys) = store.attendees_keyed().unwrap();
    assert_eq!(people.len(), 502);
    for (a, k) in people.iter().zip(&keys) {
        assert_eq!(*k, a.data.search_key());
    }
}

#[test]
fn a_history_with_foreign_statements_is_refused_not_run() {
    let store = Store::open_in_memory().unwrap();
    store
        .change("A", |s| s.add_attendee(&attendee("Người A", "X")))
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE history_step SET sql = 'DROP TABLE attendee' WHERE redo = 0",
            [],
        )
        .unwrap();
    assert!(store.undo().is_err());
    assert_eq!(store.attendees().unwrap().len(), 1);
    store
        .conn()
        .execute(
            "UPDATE history_step SET sql = 'DELETE FROM attendee WHERE 1; DROP TABLE gift'",
            [],
        )
        .unwrap();
    assert!(store.undo().is_err());
    assert_eq!(store.attendees().unwrap().len(), 1);
    assert!(store.gifts().is_ok());
}
