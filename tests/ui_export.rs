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
    h.run();
    h.get_by_label("CSV (UTF-8, mở được bằng Excel)").click();
    h.run();
    h.get_by_label("Lưu tệp…").click();
    h.step();
    wait_idle(&mut h);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert_eq!(text.lines().count(), 11, "header and ten gifts");
    assert!(h.query_by_label("Mở tệp").is_some());
    assert!(h.query_by_label("Mở thư mục chứa tệp").is_some());
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
    h.run();
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
    let _ = h.run_ok();
    assert!(h.query_by_label("In danh sách").is_none());
}
