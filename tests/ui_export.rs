//! The print/export page as an organiser uses it: pick a list and a format, save, open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{FakeDialogs, demo_store, go_to, harness_with, wait_idle};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn saving_the_gift_list_as_csv_writes_it_and_offers_to_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("qua.csv");
    let mut h = harness_with(
        demo_store(),
        FakeDialogs {
            answers: vec![out.clone()],
            ..FakeDialogs::default()
        },
    );
    go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Danh sách ký nhận quà tặng"))
    })
    .click();
    // The new list's first page is drawn in the background (a spinner until then).
    common::preview_ready(&mut h);
    h.get_by_label("CSV (UTF-8, mở được bằng Excel)").click();
    h.run();
    h.get_by_label("Lưu tệp…").click();
    h.step();
    wait_idle(&mut h);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 11, "header and ten gifts");
    assert!(h.query_by_label("Mở tệp").is_some());
    // Issue 21 §7: the second button ran under the preview pane, cut off.
    let pane = h.get_by_label("Xem trước").rect();
    for label in ["Mở tệp", "Mở thư mục chứa tệp"] {
        let button = h.get_by_label(label).rect();
        assert!(
            button.max.x <= pane.min.x,
            "{label} ends at {} px, the preview pane starts at {} px",
            button.max.x,
            pane.min.x
        );
    }
}

#[test]
fn people_lists_offer_order_and_one_unit_per_page_gifts_do_not_group() {
    let mut h = harness_with(demo_store(), FakeDialogs::default());
    go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    assert!(h.query_by_label("Mỗi đơn vị một trang").is_some());
    assert!(
        h.query_by_label("Theo thứ tự nghi thức (chức vụ, cấp bậc)")
            .is_some()
    );
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Danh sách ký nhận quà tặng"))
    })
    .click();
    // The new list's first page is drawn in the background (a spinner until then).
    common::preview_ready(&mut h);
    assert!(h.query_by_label("Mỗi đơn vị một trang").is_none());
    assert!(h.query_by_label("Theo thứ tự nhập").is_some());
    // Cancelled dialog: nothing happens, no error.
    h.get_by_label("Lưu tệp…").click();
    h.run();
    assert!(!h.state().is_busy());
}

/// Steps the window until `done` holds (the preview is built and drawn on threads).
fn until(
    h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>,
    what: &str,
    done: impl Fn(&egui_kittest::Harness<'static, hoinghi::ui::App>) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done(h) {
        assert!(
            std::time::Instant::now() < deadline,
            "waited in vain for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(30));
        h.step();
    }
    let _ = h.run_ok();
}

fn shown_page(h: &egui_kittest::Harness<'static, hoinghi::ui::App>) -> Option<String> {
    h.query_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Trang ") && l.contains('/'))
    })
    .and_then(|n| n.accesskit_node().label())
}

#[test]
fn the_preview_shows_the_pages_turns_them_and_follows_the_options() {
    let mut h = harness_with(demo_store(), FakeDialogs::default());
    go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    until(&mut h, "the first page", |h| {
        shown_page(h).is_some_and(|l| l.starts_with("Trang 1/") && !l.ends_with("/0"))
    });
    until(&mut h, "the page count", |h| {
        h.query_by_label_contains("Trang 1/…").is_none()
    });
    let pages = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>| -> usize {
        shown_page(h)
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let before = pages(&h);
    assert!(before >= 10, "520 names: {before} pages");
    h.get_by_label("Trang sau ›").click();
    let _ = h.run_ok();
    until(&mut h, "page 2", |h| {
        shown_page(h).is_some_and(|l| l.starts_with("Trang 2/"))
    });
    // One unit per page: many more pages.
    h.get_by_label("Mỗi đơn vị một trang").click();
    let _ = h.run_ok();
    until(&mut h, "the new layout", |h| {
        h.query_by_label_contains("Trang 1/…").is_none()
            && shown_page(h).is_some_and(|l| {
                l.rsplit('/')
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .is_some_and(|n| n > before + 20)
            })
    });
    // Ctrl+P opens the print dialog.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    let _ = h.run_ok();
    h.get_by_label("In danh sách");
    h.get_by_label("Huỷ").click();
    // The dialog closes within the frames after the click. CI failed here twice on a loaded
    // machine: the printers arrived in the frame the click was asked for, which gave the
    // buttons new ids and lost the click (the buttons now keep their ids). Should a click
    // still be lost, the test clicks again, and fails if Cancel never closes the dialog.
    for attempt in 0..10 {
        let _ = h.run_ok();
        if h.query_by_label("In danh sách").is_none() {
            break;
        }
        if attempt % 3 == 2
            && let Some(cancel) = h.query_by_label("Huỷ")
        {
            cancel.click();
        }
    }
    assert!(h.query_by_label("In danh sách").is_none());
}

/// Whether the pane draws a page of the list, order and data chosen now (not of an
/// earlier choice), page `page`, from the whole list.
fn draws_the_choice(h: &egui_kittest::Harness<'static, hoinghi::ui::App>, page: usize) -> bool {
    let p = &h.state().pages.export.preview;
    p.built
        .as_ref()
        .is_some_and(|b| b.complete && p.key.as_ref() == Some(&b.key))
        && p.key.is_some()
        && p.drawn
            .as_ref()
            .is_some_and(|(key, at)| p.key.as_ref() == Some(key) && *at == page)
}

fn click_starting(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, text: &str) {
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with(text)))
        .click();
    let _ = h.run_ok();
}

/// Issue 21 §2: on page 1, another list or order kept drawing the page of the list
/// before ("Theo đơn vị" stretched the old landscape page into a portrait frame); only
/// turning the page redrew it. And the badges, which come out by unit, showed "Theo
/// tên" as the order chosen.
#[test]
fn the_preview_on_page_one_draws_the_list_and_order_chosen() {
    use hoinghi::export::{ListKind, Sort};
    let mut h = harness_with(demo_store(), FakeDialogs::default());
    go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    until(&mut h, "the sign-in sheet's first page", |h| {
        draws_the_choice(h, 0)
    });
    let kind = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>| {
        h.state()
            .pages
            .export
            .preview
            .drawn
            .as_ref()
            .map(|(k, _)| k.kind)
    };
    assert_eq!(kind(&h), Some(ListKind::Signin));
    for (label, want) in [
        ("Danh sách điểm danh", ListKind::Attendance),
        ("Danh sách ký nhận quà tặng", ListKind::Gifts),
        ("Thẻ đại biểu", ListKind::Badges),
        ("Danh sách ký nhận đại biểu", ListKind::Signin),
    ] {
        click_starting(&mut h, label);
        until(&mut h, label, |h| draws_the_choice(h, 0));
        assert_eq!(kind(&h), Some(want), "{label}");
    }
    // Another order on page 1: the page drawn is of that order.
    h.get_by_label("Theo đơn vị").click();
    let _ = h.run_ok();
    until(&mut h, "the sign-in sheet by unit", |h| {
        draws_the_choice(h, 0)
    });
    let drawn = h.state().pages.export.preview.drawn.clone().unwrap().0;
    assert_eq!(drawn.options.sort, Some(Sort::Unit));
    // Badges come out by unit: that is the order shown as chosen.
    click_starting(&mut h, "Thẻ đại biểu");
    until(&mut h, "the badges", |h| draws_the_choice(h, 0));
    let chosen = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    assert!(chosen(&h, "Theo đơn vị"), "badges are printed by unit");
    assert!(!chosen(&h, "Theo tên (thứ tự tiếng Việt)"));
    let drawn = h.state().pages.export.preview.drawn.clone().unwrap().0;
    assert_eq!(drawn.kind, ListKind::Badges);
}

/// Issue 23: the follow-up sheet of one unit is chosen in the window as on the command
/// line, and a paper offers only the formats it is written in.
#[test]
fn one_unit_s_follow_up_sheet_is_picked_and_saved_and_papers_offer_no_csv() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("px01.xlsx");
    let mut h = harness_with(
        demo_store(),
        FakeDialogs {
            answers: vec![out.clone()],
            ..FakeDialogs::default()
        },
    );
    go_to(&mut h, "In / Xuất tệp");
    common::preview_ready(&mut h);
    h.get_by_label("Văn bản sau hội nghị");
    pick_list(&mut h, "Biên bản hội nghị");
    common::preview_ready(&mut h);
    assert!(h.query_by_label("Word (.docx, để sửa lần cuối)").is_some());
    for refused in ["CSV (UTF-8, mở được bằng Excel)", "Excel (.xlsx)"] {
        assert!(
            h.query_by_label(refused).is_none(),
            "the minutes offer {refused}"
        );
    }
    pick_list(&mut h, "Phiếu chuyển ý kiến cho đơn vị trả lời");
    common::preview_ready(&mut h);
    let unit = "Phòng Tổ chức cán bộ";
    h.get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some("Đơn vị giải quyết"))
        .click();
    h.run();
    // Through accesskit: the list opens upwards (the picker sits low in its pane) and
    // the options' accesskit bounds are those below it, where a pointer finds nothing.
    h.get_by(|n| n.label().as_deref() == Some(unit) && n.role() != Role::ComboBox)
        .click_accesskit();
    let _ = h.run_ok();
    common::preview_ready(&mut h);
    let key = h.state().pages.export.preview.key.clone().unwrap();
    assert_eq!(key.kind, hoinghi::export::ListKind::FollowUp);
    assert_eq!(
        key.options.unit.as_deref(),
        Some(unit),
        "the preview is of that unit"
    );
    h.get_by_label("Excel (.xlsx)").click();
    h.run();
    h.get_by_label("Lưu tệp…").click();
    h.step();
    wait_idle(&mut h);
    let book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&book),
        [unit],
        "that unit's worksheet only"
    );
}

/// Clicks the list whose name starts with `name`, scrolled into view first (the papers
/// come last, below the window's height).
fn pick_list(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, name: &str) {
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with(name)))
        .scroll_to_me();
    let _ = h.run_ok();
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with(name)))
        .click();
    let _ = h.run_ok();
    assert!(
        hoinghi::ui::i18n::VI
            .list(h.state().pages.export.kind)
            .starts_with(name),
        "{name} is chosen"
    );
}
