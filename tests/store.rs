//! The conference file: round trips, normalisation, search keys, migrations, refusals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::attendee;

use hoinghi::Error;
use hoinghi::domain::{
    AttendeeDraft, Channel, CommendationDraft, Conference, GiftDraft, QuestionDraft, Status,
};
use hoinghi::store::{Missing, Store, schema};

#[test]
fn attendee_round_trips_and_updates() {
    let store = Store::open_in_memory().unwrap();
    let d = AttendeeDraft {
        full_name: "Nguyễn Thanh Tràng".into(),
        gender: "Nam".into(),
        birth_year: "1970".into(),
        rank: "Đại tá".into(),
        position: "Phó Giám đốc".into(),
        unit: "Ban Giám đốc Công an tỉnh".into(),
        district: "Công an tỉnh Hậu Giang".into(),
        group: "Lãnh đạo".into(),
        phone: "0912345678".into(),
        note: "Kết luận hội nghị".into(),
        protocol_order: "1".into(),
        ..AttendeeDraft::default()
    }
    .validate()
    .unwrap();
    let id = store.add_attendee(&d).unwrap();
    let back = store.attendee(&id).unwrap();
    // The file gives the badge its code.
    assert!(hoinghi::domain::attendee::is_badge_code(
        &back.data.badge_code
    ));
    assert_eq!(
        hoinghi::domain::AttendeeData {
            badge_code: String::new(),
            ..back.data.clone()
        },
        d
    );
    assert_eq!(back.checked_in_at, None);
    assert_eq!(back.created_at, back.updated_at);
    assert_eq!(id.len(), 36, "ids are UUIDs");

    let mut d2 = d.clone();
    d2.position = "Giám đốc".into();
    store.update_attendee(&id, &d2).unwrap();
    assert_eq!(store.attendee(&id).unwrap().data.position, "Giám đốc");
    store
        .set_checked_in(&id, Some("2026-11-26T01:00:00Z"))
        .unwrap();
    assert_eq!(
        store.attendee(&id).unwrap().checked_in_at.as_deref(),
        Some("2026-11-26T01:00:00Z")
    );
    store.delete_attendee(&id).unwrap();
    assert!(matches!(store.attendee(&id), Err(Error::NotFound(_))));
}

#[test]
fn question_gift_and_commendation_round_trip() {
    let store = Store::open_in_memory().unwrap();
    let asker = store
        .add_attendee(&attendee("Trần Văn Luân", "Công an xã Long Trị"))
        .unwrap();
    let topic = store.topics().unwrap()[1].clone();
    assert_eq!(topic.name, "Chế độ chính sách");

    let q = QuestionDraft {
        number: "7".into(),
        asker_id: Some(asker.clone()),
        asker_name: "Trần Văn Luân".into(),
        asker_unit: "Công an xã Long Trị".into(),
        channel: Channel::Spoken,
        topic_id: Some(topic.id.clone()),
        content: "Đề nghị hỗ trợ \"xăng xe\".\nDòng hai.".into(),
        responder: "Phòng Hậu cần".into(),
        status: Status::InWriting,
        ..Default::default()
    }
    .validate()
    .unwrap();
    let qid = store.add_question(&q).unwrap();
    let back = store.question(&qid).unwrap();
    // To be answered in writing: the follow-up takes it, with its responder as the unit.
    let mut q = q;
    q.follow.handling = hoinghi::domain::Handling::InWriting;
    q.follow.responsible_unit = "Phòng Hậu cần".into();
    assert_eq!(back.data, q);
    assert_eq!(back.topic, "Chế độ chính sách");
    assert_eq!(store.next_question_number().unwrap(), 8);

    let g = GiftDraft {
        recipient_id: Some(asker.clone()),
        recipient_name: "Trần Văn Luân".into(),
        unit: "Công an xã Long Trị".into(),
        circumstances: "Nhà bị sạt lở".into(),
        item: "Quà".into(),
        value: "2.000.000 đ".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let gid = store.add_gift(&g).unwrap();
    assert_eq!(store.gift(&gid).unwrap().data, g);
    assert_eq!(store.earlier_gifts(&g, None).unwrap().len(), 1);
    assert_eq!(store.earlier_gifts(&g, Some(&gid)).unwrap().len(), 0);

    let c = CommendationDraft {
        kind: "Giấy khen".into(),
        recipient_id: Some(asker.clone()),
        recipient_name: "Trần Văn Luân".into(),
        unit: "Công an xã Long Trị".into(),
        achievement: "Đã có thành tích xuất sắc".into(),
        decision_number: "2776/QĐ-CAT-PX01".into(),
        decision_date: "14/11/2022".into(),
        issuer: "Giám đốc Công an tỉnh".into(),
        stage_order: 1,
        ..Default::default()
    }
    .validate()
    .unwrap();
    let cid = store.add_commendation(&c).unwrap();
    assert_eq!(store.commendation(&cid).unwrap().data, c);
    assert_eq!(store.next_stage_order().unwrap(), 2);

    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.attendees,
            stats.questions,
            stats.gifts,
            stats.commendations
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(stats.gift_value_total_vnd, 2_000_000);
    assert_eq!(stats.questions_by_topic.get("Chế độ chính sách"), Some(&1));
    assert_eq!(
        stats.questions_by_status.get("to_answer_in_writing"),
        Some(&1)
    );

    // Deleting the attendee keeps the records that name them, unlinked.
    store.delete_attendee(&asker).unwrap();
    assert_eq!(store.question(&qid).unwrap().data.asker_id, None);
    assert_eq!(
        store.gift(&gid).unwrap().data.recipient_name,
        "Trần Văn Luân"
    );
}

#[test]
fn conference_details_are_stored_normalised() {
    let store = Store::open_in_memory().unwrap();
    let c = store.conference().unwrap();
    assert_eq!(c.signer_left_title, "NGƯỜI LẬP DANH SÁCH");
    let new = Conference {
        name: "  Hội nghị   đối thoại ".into(),
        place_name: "Ha\u{300}u Giang".into(),
        ..c
    };
    store.set_conference(&new).unwrap();
    let back = store.conference().unwrap();
    assert_eq!(back.name, "Hội nghị đối thoại");
    assert_eq!(back.place_name, "Hàu Giang");
}

#[test]
fn nfd_input_is_stored_nfc() {
    let store = Store::open_in_memory().unwrap();
    let nfd = "Nguye\u{302}\u{303}n Tha\u{300}nh  Đa\u{323}\u{302}t";
    let id = store
        .add_attendee(&attendee(nfd, "Co\u{302}ng an xa\u{303} Long Tri\u{323}"))
        .unwrap();
    let a = store.attendee(&id).unwrap();
    assert_eq!(a.data.full_name, "Nguyễn Thành Đật");
    assert_eq!(a.data.unit, "Công an xã Long Trị");
    let raw: String = store
        .conn()
        .query_row("SELECT full_name FROM attendee WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(raw.chars().count(), "Nguyễn Thành Đật".chars().count());
}

#[test]
fn search_is_accent_and_case_insensitive() {
    let store = Store::open_in_memory().unwrap();
    store
        .add_attendee(&attendee("Đặng Văn Hùng", "Công an xã Vị Trung"))
        .unwrap();
    store
        .add_attendee(&attendee("Nguyễn Thanh Tràng", "Ban Giám đốc"))
        .unwrap();
    store
        .add_attendee(&attendee("Lê Thị Dung", "Công an phường III"))
        .unwrap();
    let names = |q: &str| -> Vec<String> {
        store
            .search_attendees(q)
            .unwrap()
            .into_iter()
            .map(|a| a.data.full_name)
            .collect()
    };
    assert_eq!(names("dang"), ["Đặng Văn Hùng"]);
    assert_eq!(names("trang"), ["Nguyễn Thanh Tràng"]);
    assert_eq!(names("tràng"), ["Nguyễn Thanh Tràng"]);
    assert_eq!(names("NGUYEN thanh TRANG"), ["Nguyễn Thanh Tràng"]);
    assert_eq!(names("vi trung"), ["Đặng Văn Hùng"]);
    assert_eq!(names("phuong iii"), ["Lê Thị Dung"]);
    assert!(names("zzz").is_empty());
    assert_eq!(names("").len(), 3);
}

#[test]
fn fresh_file_is_created_at_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let store = Store::open(&path, Missing::Create).unwrap();
    let conn = store.conn();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    assert_eq!(app_id, schema::APPLICATION_ID);
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(store.topics().unwrap().len(), 6);
    assert_eq!(
        store.commendation_kinds().unwrap(),
        ["Giấy khen", "Bằng khen"]
    );
    drop(store);
    // Reopening does not seed twice.
    let store = Store::open(&path, Missing::Create).unwrap();
    assert_eq!(store.topics().unwrap().len(), 6);
    // Every table carries created_at and updated_at.
    for table in hoinghi::store::history::TABLES {
        let cols: Vec<String> = store
            .conn()
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(
            cols.contains(&"created_at".into()) && cols.contains(&"updated_at".into()),
            "{table}"
        );
    }
}

#[test]
fn missing_file_is_refused_for_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.sqlite");
    assert!(matches!(
        Store::open(&path, Missing::Refuse),
        Err(Error::Missing { .. })
    ));
    assert!(matches!(
        Store::open_read_only(&path),
        Err(Error::Missing { .. })
    ));
    assert!(!path.exists());
}

fn assert_refused_unchanged(path: &std::path::Path, expect: impl Fn(&Error) -> bool) {
    let before = std::fs::read(path).unwrap();
    for result in [
        Store::open(path, Missing::Create),
        Store::open_read_only(path),
    ] {
        let err = result.err().expect("must be refused");
        assert!(expect(&err), "unexpected error: {err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "message names the file: {err}"
        );
    }
    assert_eq!(std::fs::read(path).unwrap(), before, "bytes unchanged");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(!std::path::Path::new(&wal).exists(), "no WAL file created");
}

#[test]
fn non_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach.xlsx");
    std::fs::write(&path, b"PK\x03\x04 this is a spreadsheet, not a database").unwrap();
    assert_refused_unchanged(&path, |e| matches!(e, Error::NotHoinghi { .. }));
}

#[test]
fn other_applications_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x');")
            .unwrap();
    }
    assert_refused_unchanged(&path, |e| matches!(e, Error::NotHoinghi { .. }));
}

#[test]
fn newer_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    drop(Store::open(&path, Missing::Create).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", schema::latest_version() + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    assert_refused_unchanged(&path, |e| matches!(e, Error::TooNew { .. }));
}

#[test]
fn corrupt_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.sqlite");
    {
        let store = Store::open(&path, Missing::Create).unwrap();
        hoinghi::demo::fill(&store).unwrap();
        store
            .conn()
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    // Scribble over the pages after the header, as a failing disk would.
    let mut bytes = std::fs::read(&path).unwrap();
    for b in bytes.iter_mut().skip(4096).take(40_000) {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_unchanged(&path, |e| {
        matches!(e, Error::Corrupt { .. } | Error::NotHoinghi { .. })
    });
}

#[test]
fn save_copy_writes_a_consistent_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("live.sqlite"), Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let copy = dir.path().join("copy.sqlite");
    store.save_copy(&copy).unwrap();
    let back = Store::open_read_only(&copy).unwrap();
    assert_eq!(back.stats().unwrap(), store.stats().unwrap());
}

#[test]
fn demo_is_realistic_and_deterministic() {
    let a = common::demo_store();
    let b = common::demo_store();
    let s = a.stats().unwrap();
    assert_eq!(s.attendees, 520);
    assert_eq!(s.questions, 60);
    assert_eq!(s.gifts, 10);
    assert_eq!(s.commendations, 2);
    assert_eq!(s.gift_value_total_vnd, 20_000_000);
    let by_topic: Vec<i64> = a
        .topics()
        .unwrap()
        .iter()
        .map(|t| s.questions_by_topic[&t.name])
        .collect();
    assert_eq!(by_topic, [12, 15, 11, 13, 9, 0]);
    let names = |st: &Store| {
        st.attendees()
            .unwrap()
            .into_iter()
            .map(|x| x.data.full_name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    assert!(
        hoinghi::demo::fill(&a).is_err(),
        "demo refuses a file with records"
    );
}

#[test]
fn topics_and_kinds_are_edited_without_losing_a_record() {
    use hoinghi::store::List;
    let store = hoinghi::store::Store::open_in_memory().unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let topics = store.list_entries(List::Topics).unwrap();
    let used = topics.iter().find(|t| t.uses > 0).unwrap().clone();
    let other = topics.iter().find(|t| t.id != used.id).unwrap().clone();
    // In use: deleting is refused, merging moves its questions.
    let e = store
        .delete_entry(List::Topics, &used.id)
        .unwrap_err()
        .to_string();
    assert!(e.contains("gộp"), "{e}");
    store
        .merge_entry(List::Topics, &used.id, &other.id)
        .unwrap();
    let after = store.list_entries(List::Topics).unwrap();
    assert!(after.iter().all(|t| t.id != used.id));
    let merged = after.iter().find(|t| t.id == other.id).unwrap();
    assert_eq!(merged.uses, other.uses + used.uses);
    assert_eq!(store.questions().unwrap().len(), 60);
    // Names stay unique, accents aside; order moves.
    assert!(store.add_entry(List::Topics, "khac").is_err());
    let id = store.add_entry(List::Topics, "An ninh trật tự").unwrap();
    store.move_entry(List::Topics, &id, true).unwrap();
    let names: Vec<String> = store
        .list_entries(List::Topics)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names[names.len() - 2], "An ninh trật tự");
    store.delete_entry(List::Topics, &id).unwrap();
    // Renaming a kind renames it on every commendation.
    let kinds = store.list_entries(List::CommendationKinds).unwrap();
    let giay = kinds.iter().find(|k| k.name == "Giấy khen").unwrap();
    assert_eq!(giay.uses, 2);
    store
        .rename_entry(List::CommendationKinds, &giay.id, "Giấy khen của Giám đốc")
        .unwrap();
    assert!(
        store
            .commendations()
            .unwrap()
            .iter()
            .all(|c| c.data.kind == "Giấy khen của Giám đốc")
    );
}

/// The one-gift rule lives in the store: a second gift to the same person is refused
/// without a reason, whether linked by id or typed with the same name and unit.
#[test]
fn second_gift_needs_a_reason_in_the_store_itself() {
    let store = Store::open_in_memory().unwrap();
    let gift = |name: &str, unit: &str, id: Option<String>, reason: &str| {
        GiftDraft {
            recipient_id: id,
            recipient_name: name.into(),
            unit: unit.into(),
            item: "Quà".into(),
            value: "1.000.000".into(),
            override_reason: reason.into(),
            ..Default::default()
        }
        .validate()
        .unwrap()
    };
    let first = store
        .add_gift(&gift(
            "Trần Văn Luân",
            "Công an xã Long Trị",
            None,
            "lý do thừa",
        ))
        .unwrap();
    assert_eq!(
        store.gift(&first).unwrap().data.override_reason,
        "",
        "a first gift keeps no override reason"
    );
    // Typed differently (case, accents of the unit aside): the same person.
    let again = gift("TRẦN VĂN LUÂN", "công an xã long trị", None, "");
    let err = store.add_gift(&again).unwrap_err();
    assert!(
        matches!(err, hoinghi::Error::SecondGift { .. }),
        "unexpected {err}"
    );
    assert_eq!(store.gifts().unwrap().len(), 1, "nothing stored");
    let second = store
        .add_gift(&gift(
            "Trần Văn Luân",
            "Công an xã Long Trị",
            None,
            "Nhà bị cháy lần hai",
        ))
        .unwrap();
    // Editing the second one keeps the rule: clearing its reason is refused.
    let mut cleared = store.gift(&second).unwrap().data;
    cleared.override_reason.clear();
    assert!(store.update_gift(&second, &cleared).is_err());
    // A namesake in another unit is another person.
    store
        .add_gift(&gift("Trần Văn Luân", "Công an xã Vĩnh Tường", None, ""))
        .unwrap();
    assert_eq!(store.gifts().unwrap().len(), 3);
}

/// The ladder of offices is data in the file: a new file is seeded, the organiser
/// reorders it, adds offices and abbreviations, and protocol order follows; each edit
/// is one undoable change.
#[test]
fn the_ladder_of_offices_is_stored_editable_and_undoable() {
    use hoinghi::domain::protocol::{Ladder, SEED};
    use hoinghi::store::List;
    let store = Store::open_in_memory().unwrap();
    let offices = store.offices().unwrap();
    assert_eq!(offices.len(), SEED.len());
    let place = |s: &Store, position: &str| {
        Ladder::from_offices(&s.offices().unwrap())
            .office_of(position)
            .unwrap()
    };
    assert!(place(&store, "Giám đốc") < place(&store, "Phó Giám đốc"));
    let pgd = offices
        .iter()
        .find(|o| o.name == "Phó Giám đốc")
        .unwrap()
        .id
        .clone();
    store
        .change("Chuyển chức vụ", |s| {
            s.move_entry(List::Offices, &pgd, true)
        })
        .unwrap();
    assert!(place(&store, "Phó Giám đốc") < place(&store, "Giám đốc"));
    store.undo().unwrap();
    assert!(place(&store, "Giám đốc") < place(&store, "Phó Giám đốc"));

    // An abbreviation the seed does not know, then a new office at the end.
    assert_eq!(
        Ladder::from_offices(&store.offices().unwrap()).office_of("Phó GĐ CA tỉnh"),
        None
    );
    store
        .change("Viết tắt", |s| {
            s.set_office_aliases(&pgd, "PGĐ, Phó GĐ")
        })
        .unwrap();
    assert_eq!(
        place(&store, "Phó GĐ CA tỉnh"),
        place(&store, "Phó Giám đốc")
    );
    let judge = store.add_entry(List::Offices, "Chánh án").unwrap();
    assert_eq!(place(&store, "Chánh án Tòa án tỉnh"), SEED.len());
    // An office names no record: deleting it is always allowed.
    store.delete_entry(List::Offices, &judge).unwrap();
    assert_eq!(store.offices().unwrap().len(), SEED.len());
}

/// A file written by an older build, at schema `version`, with a record of each kind.
fn old_file(dir: &std::path::Path, version: usize) -> std::path::PathBuf {
    let path = dir.join(format!("v{version}.sqlite"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    for step in &schema::MIGRATIONS[..version] {
        conn.execute_batch(step).unwrap();
    }
    conn.pragma_update(None, "user_version", i64::try_from(version).unwrap())
        .unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    let t = "2022-11-25T07:00:00Z";
    conn.execute_batch(&format!(
        "INSERT INTO conference (id, name, created_at, updated_at) VALUES (1, 'Hội nghị cũ', '{t}', '{t}');
         INSERT INTO topic (id, name, position, created_at, updated_at) VALUES ('t1', 'Chế độ chính sách', 0, '{t}', '{t}');
         INSERT INTO commendation_kind (id, name, position, created_at, updated_at) VALUES ('k1', 'Giấy khen', 0, '{t}', '{t}');
         INSERT INTO attendee (id, full_name, rank, position, unit, checked_in_at, search_key, name_key, unit_key, created_at, updated_at)
             VALUES ('a1', 'Trần Văn Luân', 'Thượng úy', 'Cán bộ', 'Công an xã Long Trị', '{t}', 'tran van luan cong an xa long tri', 'tran van luan', 'cong an xa long tri', '{t}', '{t}');
         INSERT INTO question (id, number, asker_id, asker_name, channel, topic_id, content, status, search_key, created_at, updated_at)
             VALUES ('q1', 1, 'a1', 'Trần Văn Luân', 'written', 't1', 'Đề nghị hỗ trợ xăng xe.', 'received', 'de nghi', '{t}', '{t}');
         INSERT INTO gift (id, recipient_id, recipient_name, item, value_vnd, search_key, created_at, updated_at)
             VALUES ('g1', 'a1', 'Trần Văn Luân', 'Quà', 2000000, 'tran van luan', '{t}', '{t}');
         INSERT INTO commendation (id, kind, recipient_id, recipient_name, stage_order, search_key, created_at, updated_at)
             VALUES ('c1', 'Giấy khen', 'a1', 'Trần Văn Luân', 1, 'tran van luan', '{t}', '{t}');"
    ))
    .unwrap();
    path
}

/// Files made by the first releases (schema 1 and 2) open, are brought to the latest
/// schema with their records intact, and then behave like new files: their edits are
/// undoable and protocol order has its ladder.
#[test]
fn version_1_and_2_files_upgrade_with_their_data() {
    use hoinghi::domain::protocol::SEED;
    let dir = tempfile::tempdir().unwrap();
    for version in [1, 2, 5] {
        let path = old_file(dir.path(), version);
        let store = Store::open(&path, Missing::Refuse).unwrap();
        let v: i64 = store
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema::latest_version(), "v{version} upgraded");
        assert_eq!(store.conference().unwrap().name, "Hội nghị cũ");
        let a = store.attendee("a1").unwrap();
        assert_eq!(a.data.full_name, "Trần Văn Luân");
        assert_eq!(a.data.protocol_order, None);
        assert!(a.checked_in_at.is_some());
        assert!(
            hoinghi::domain::attendee::is_badge_code(&a.data.badge_code),
            "a badge code given on upgrade: {:?}",
            a.data.badge_code
        );
        assert_eq!(store.questions().unwrap()[0].topic, "Chế độ chính sách");
        assert_eq!(store.gifts().unwrap()[0].data.value_vnd, 2_000_000);
        assert_eq!(store.commendations().unwrap().len(), 1);
        if version < 4 {
            // The ladder a file gets when it is brought to schema 4.
            assert_eq!(store.offices().unwrap().len(), SEED.len());
        }
        // History works on the upgraded file: an edit, then its undo.
        let mut d = a.data.clone();
        d.protocol_order = Some(3);
        store
            .change("Sửa", |s| s.update_attendee("a1", &d))
            .unwrap();
        assert_eq!(store.attendee("a1").unwrap().data.protocol_order, Some(3));
        store.undo().unwrap();
        assert_eq!(store.attendee("a1").unwrap().data, a.data);
        assert_eq!(
            store
                .conn()
                .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
    }
}
