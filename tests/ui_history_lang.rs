//! The history in the window's language (issue 21, §7): changes recorded while the
//! window was Vietnamese — and those the host records for its desks, and imports — read
//! in English once the window is English, from what the label says, not from English
//! stored in the file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness};
use egui_kittest::kittest::Queryable as _;
use hoinghi::sync::{Action as DeskAction, Op};
use hoinghi::ui::action::Action;
use hoinghi::ui::i18n::Lang;

#[test]
fn the_history_and_the_undo_button_speak_english_in_an_english_window() {
    let store = demo_store();
    // Two people checked in at desk 2, recorded by the host in one change.
    let absent: Vec<String> = store
        .attendees()
        .unwrap()
        .into_iter()
        .filter(|a| a.checked_in_at.is_none())
        .take(2)
        .map(|a| a.id)
        .collect();
    let batch: Vec<DeskAction> = absent
        .iter()
        .enumerate()
        .map(|(i, id)| {
            DeskAction::new(
                &format!("op-{i}"),
                "Bàn 2",
                Op::CheckIn {
                    attendee: id.clone(),
                    at: "2026-12-02T01:00:00Z".into(),
                },
            )
        })
        .collect();
    store.apply_actions(&batch).unwrap();
    let mut h = harness(store);
    // A gift added in the Vietnamese window: the file keeps its Vietnamese label.
    let gift = hoinghi::domain::GiftDraft {
        recipient_name: "Nguyễn Văn Nghèo".into(),
        item: "Sổ tiết kiệm".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    h.state_mut().apply(Action::AddGift(gift));
    h.run();
    let stored = h.state().store().unwrap().history(10).unwrap();
    assert_eq!(stored[0].label, "Thêm quà tặng: Nguyễn Văn Nghèo");
    assert_eq!(stored[1].label, "Bàn 2: 2 lượt điểm danh");

    h.state_mut().apply(Action::SetLanguage(Lang::En));
    h.run();
    go_to(&mut h, "History");
    h.get_by_label("Add gift: Nguyễn Văn Nghèo");
    h.get_by_label("Bàn 2: 2 check-ins");
    h.get_by_label("edited 2 attendees");
    h.get_by_label("Undo (Ctrl+Z): Add gift: Nguyễn Văn Nghèo");
    assert!(
        h.query_by_label_contains("Thêm quà tặng").is_none(),
        "no Vietnamese label left"
    );
    assert!(h.query_by_label_contains("lượt điểm danh").is_none());
    // The file still says it in Vietnamese.
    let stored = h.state().store().unwrap().history(10).unwrap();
    assert_eq!(stored[0].label, "Thêm quà tặng: Nguyễn Văn Nghèo");
    // Undo tells what it undid in English too.
    h.state_mut().apply(Action::Undo);
    h.run();
    h.get_by_label("Undone: Add gift: Nguyễn Văn Nghèo");
}

#[test]
fn an_import_s_label_reads_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.csv");
    std::fs::write(&path, "Họ và tên,Đơn vị\nLê Văn Một,Công an xã Long Trị\n").unwrap();
    let store = hoinghi::store::Store::open_in_memory().unwrap();
    common::import_attendees(&store, &path);
    let mut h = harness(store);
    h.state_mut().apply(Action::SetLanguage(Lang::En));
    h.run();
    go_to(&mut h, "History");
    h.get_by_label("Import attendees from ds.csv");
    h.get_by_label("added 1 attendee");
}
