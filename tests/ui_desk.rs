//! The check-in desk from the keyboard: type, Enter, undo, already in, unit, walk-in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{go_to, harness};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use hoinghi::domain::AttendeeDraft;
use hoinghi::store::Store;

fn store_with(people: &[(&str, &str)]) -> Store {
    let store = Store::open_in_memory().unwrap();
    for (name, unit) in people {
        let d = AttendeeDraft {
            full_name: (*name).into(),
            unit: (*unit).into(),
            ..Default::default()
        };
        store.add_attendee(&d.validate().unwrap()).unwrap();
    }
    store
}

fn checked_in(store: &Store) -> Vec<String> {
    store
        .attendees()
        .unwrap()
        .into_iter()
        .filter(|a| a.checked_in_at.is_some())
        .map(|a| a.data.full_name)
        .collect()
}

fn type_text(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

#[test]
fn type_enter_undo_and_already_checked_in() {
    let store = store_with(&[
        ("Nguyễn Thanh Tràng", "Ban Giám đốc"),
        ("Trần Văn Luân", "Công an xã Long Trị"),
        ("Trần Văn Lâm", "Công an xã Long Trị"),
    ]);
    let mut h = harness(store);
    go_to(&mut h, "Bàn đón tiếp");
    h.run();
    // The big box has focus: typing goes straight in.
    type_text(&mut h, "tran van");
    h.get_by_label("Trần Văn Luân");
    h.get_by_label("Trần Văn Lâm");
    // Matches come in protocol order, here name order: Lâm, then Luân.
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(checked_in(h.state().store().unwrap()), ["Trần Văn Luân"]);
    h.get_by_label_contains("Đã điểm danh: Trần Văn Luân");
    h.get_by_label_contains("Có mặt 1/3");

    // The same person again is flagged and not checked in twice.
    type_text(&mut h, "luan");
    let before = h.state().store().unwrap().attendees().unwrap();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("ĐÃ ĐIỂM DANH lúc");
    assert_eq!(h.state().store().unwrap().attendees().unwrap(), before);

    // One key undoes the last check-in.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(checked_in(h.state().store().unwrap()).is_empty());
    h.get_by_label_contains("Đã hoàn tác điểm danh: Trần Văn Luân");
}

#[test]
fn whole_unit_and_walk_in() {
    let store = store_with(&[
        ("Trần Văn Luân", "Công an xã Long Trị"),
        ("Phan Nguyễn Ngọc Thảo", "Công an xã Long Trị"),
        ("Lê Văn A", "Công an phường I"),
    ]);
    let mut h = harness(store);
    go_to(&mut h, "Bàn đón tiếp");
    type_text(&mut h, "luan");
    h.key_press_modifiers(Modifiers::COMMAND, Key::U);
    h.run();
    h.get_by_label_contains("người của đơn vị chưa điểm danh");
    h.get_by_label("Điểm danh").click();
    h.run();
    let mut names = checked_in(h.state().store().unwrap());
    names.sort();
    assert_eq!(names, ["Phan Nguyễn Ngọc Thảo", "Trần Văn Luân"]);

    // Someone not on the list: Enter opens the walk-in form with the typed name.
    type_text(&mut h, "Võ Minh Khoa");
    h.get_by_label_contains("Không có trong danh sách");
    h.key_press(Key::Enter);
    h.run();
    common::type_into(&mut h, "Đơn vị", "Khách mời tỉnh");
    h.key_press(Key::Enter);
    h.run();
    let all = h.state().store().unwrap().attendees().unwrap();
    let walk_in = all
        .iter()
        .find(|a| a.data.full_name == "Võ Minh Khoa")
        .expect("added");
    assert!(walk_in.checked_in_at.is_some());
    assert_eq!(walk_in.data.unit, "Khách mời tỉnh");
    h.get_by_label_contains("Có mặt 3/4");
}

#[test]
fn the_desk_patches_its_view_exactly_as_a_full_reload_would() {
    use hoinghi::ui::action::Action;
    use hoinghi::ui::data::Data;
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Bàn đón tiếp");
    let waiting: Vec<(String, String)> = h
        .state()
        .data()
        .attendees
        .items
        .iter()
        .filter(|a| a.checked_in_at.is_none())
        .map(|a| (a.id.clone(), a.data.unit.clone()))
        .take(3)
        .collect();
    h.state_mut().apply(Action::CheckIn(waiting[0].0.clone()));
    h.state_mut().apply(Action::CheckIn(waiting[1].0.clone()));
    h.state_mut().apply(Action::UndoCheckIn);
    h.state_mut()
        .apply(Action::CheckInUnit(waiting[2].1.clone()));
    h.run();
    let shown = h.state().data();
    let fresh = Data::load(h.state().store().unwrap(), 0).unwrap();
    let whole = Data {
        generation: shown.generation,
        ..fresh.clone()
    };
    assert!(*shown == whole, "the whole view equals a full read");
    assert_eq!(shown.stats.checked_in, fresh.stats.checked_in);
    assert_eq!(shown.unit_attendance, fresh.unit_attendance);
    assert_eq!(shown.group_attendance, fresh.group_attendance);
    assert_eq!(shown.undo_label, fresh.undo_label);
    let times = |d: &Data| -> Vec<Option<String>> {
        d.attendees
            .items
            .iter()
            .map(|a| a.checked_in_at.clone())
            .collect()
    };
    assert_eq!(times(shown), times(&fresh));
    assert!(
        fresh.stats.checked_in > common::demo_store().stats().unwrap().checked_in,
        "the actions did check people in"
    );
}

/// A USB scanner types the badge's code and Enter: that person is checked in at once,
/// whatever the box showed; an unknown code says so.
#[test]
fn a_scanned_badge_checks_its_owner_in() {
    let store = store_with(&[
        ("Trần Văn Luân", "Công an xã Long Trị"),
        ("Lê Thị Hoa", "Công an xã A"),
    ]);
    let hoa = store
        .attendees()
        .unwrap()
        .into_iter()
        .find(|a| a.data.full_name == "Lê Thị Hoa")
        .unwrap();
    let mut h = harness(store);
    go_to(&mut h, "Bàn đón tiếp");
    // Someone had typed "tran" (Trần Văn Luân is highlighted) when the badge is scanned.
    type_text(&mut h, "tran");
    type_text(&mut h, &hoa.data.badge_code);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        checked_in(h.state().store().unwrap()),
        vec!["Lê Thị Hoa".to_owned()]
    );
    h.get_by_label_contains("Đã điểm danh: Lê Thị Hoa");
    type_text(&mut h, "1234567890");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("Không có đại biểu nào mang mã thẻ 1234567890");
    assert_eq!(checked_in(h.state().store().unwrap()).len(), 1);
}

/// Issue 21: a match with no rank or unit showed a stray "· ·" beside the name.
#[test]
fn a_match_shows_only_the_details_it_has() {
    let store = Store::open_in_memory().unwrap();
    for (name, rank, unit) in [
        ("Lê Thị Hoa", "", ""),
        ("Lê Văn Hoàng", "Đại úy", ""),
        ("Lê Minh Hòa", "Thiếu tá", "Công an xã Long Trị"),
    ] {
        let d = AttendeeDraft {
            full_name: name.into(),
            rank: rank.into(),
            unit: unit.into(),
            ..Default::default()
        };
        store.add_attendee(&d.validate().unwrap()).unwrap();
    }
    let mut h = harness(store);
    go_to(&mut h, "Bàn đón tiếp");
    h.run();
    type_text(&mut h, "le ");
    h.get_by_label("Lê Thị Hoa");
    h.get_by_label("Đại úy");
    h.get_by_label("Thiếu tá · Công an xã Long Trị");
    let stray = h.query_all_by(|n| {
        n.label().is_some_and(|l| {
            let l = l.trim();
            l.starts_with('·') || l.ends_with('·') || l.contains("· ·") || l.contains("·  ·")
        })
    });
    assert_eq!(stray.count(), 0, "no empty detail shown");
}

/// Whether the last frame told the input method to start over (what egui does when a
/// widget asks for the keyboard).
fn restarts_input_method(h: &egui_kittest::Harness<'static, hoinghi::ui::App>) -> bool {
    h.output()
        .platform_output
        .ime
        .as_ref()
        .is_some_and(|ime| ime.should_interrupt_composition)
}

/// Issue 21: a desk whose window was in the background (or not yet focused when it
/// started, as after a restart) asked for the keyboard every frame. Each ask restarts
/// the input method, which wakes the window again: it repainted flat out at 100% CPU and
/// took the keys typed minutes late. It asks once; typing goes in when the window is
/// back in front.
#[test]
fn the_desk_asks_for_the_keyboard_once_with_its_window_in_the_background() {
    let store = store_with(&[("Nguyễn Thanh Tràng", "Ban Giám đốc")]);
    let mut h = harness(store);
    h.input_mut().focused = false;
    go_to(&mut h, "Bàn đón tiếp");
    h.run();
    for frame in 0..5 {
        h.step();
        assert!(
            !restarts_input_method(&h),
            "frame {frame} restarted the input method"
        );
    }
    // The walk-in form (an empty name) asks once for its name field too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Thêm và điểm danh (Enter)");
    for frame in 0..5 {
        h.step();
        assert!(
            !restarts_input_method(&h),
            "walk-in frame {frame} restarted the input method"
        );
    }
    h.key_press(Key::Escape);
    h.run();
    // The window comes to the front: the box has the keys, no click needed.
    h.input_mut().focused = true;
    type_text(&mut h, "trang");
    h.get_by_label("Nguyễn Thanh Tràng");
}
