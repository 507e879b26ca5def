//! The print/export page as an organiser uses it: pick a list and a format, save, open.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{FakeDialogs, demo_store, go_to, harness_with, wait_idle};
use egui_kittest::kittest::Queryable as _;

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
