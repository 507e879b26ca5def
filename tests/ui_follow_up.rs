//! The follow-up page, driven as an organiser would after the conference.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{demo_store, go_to, harness, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use hoinghi::domain::{FollowStatus, Handling};
use hoinghi::ui::Page;

fn tick(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, number: i64) {
    let label = number.to_string();
    h.get_by(|n| n.role() == Role::CheckBox && n.label().as_deref() == Some(label.as_str()))
        .click();
    h.run();
}

/// The sample's one overdue opinion (the first row of the follow-up page).
fn overdue(store: &hoinghi::store::Store) -> hoinghi::domain::Question {
    store
        .questions()
        .unwrap()
        .into_iter()
        .find(|q| q.data.is_overdue(hoinghi::domain::date::today()))
        .expect("the sample has one overdue opinion")
}

#[test]
fn several_opinions_are_given_to_a_unit_at_once_and_undone_at_once() {
    let store = demo_store();
    // The opinions nobody has decided on yet (received in the hall), and one already
    // given to a department that goes to another one instead.
    let today = hoinghi::domain::date::today();
    let questions = store.questions().unwrap();
    let mut picked: Vec<(String, i64)> = questions
        .iter()
        .filter(|q| q.data.follow.handling == Handling::Undecided && q.data.merged_into.is_none())
        .map(|q| (q.id.clone(), q.data.number))
        .collect();
    assert_eq!(
        picked.len(),
        2,
        "the sample has two opinions not yet decided on"
    );
    let moved = questions
        .iter()
        .filter(|q| q.data.is_followed_up() && !q.data.follow.is_overdue(today))
        .filter(|q| q.data.follow.status != FollowStatus::Done)
        .min_by_key(|q| (q.data.follow.deadline.clone(), q.data.number))
        .unwrap();
    let moved_before = moved.data.follow.clone();
    picked.push((moved.id.clone(), moved.data.number));
    let free = &picked[..2];
    let mut h = harness(store);
    go_to(&mut h, "Theo dõi ý kiến");
    assert_eq!(h.state().page(), Page::FollowUp);
    // The page opens on the opinions owed an answer, the overdue one first.
    h.get_by_label_contains("Quá hạn 3 ngày");
    for (_, number) in free {
        let label = number.to_string();
        assert!(
            h.query_by(|n| n.role() == Role::CheckBox && n.label().as_deref() == Some(&label))
                .is_none(),
            "opinion {number} is not owed an answer yet"
        );
    }

    // Show every opinion, tick three, give them to a unit with a deadline.
    h.get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some("Hiển thị"))
        .click();
    h.run();
    h.get_by_label("Tất cả ý kiến").click();
    h.run();
    for (_, number) in &picked {
        tick(&mut h, *number);
    }
    h.get_by_label("Đã chọn 3");
    type_into(&mut h, "Giao cho", "Phòng Hậu cần");
    type_into(&mut h, "Thời hạn", "31/12/2026");
    h.get_by_role_and_label(Role::Button, "Giao đơn vị").click();
    h.run();

    let store = h.state().store().unwrap();
    for (id, _) in &picked {
        let f = store.question(id).unwrap().data.follow;
        assert_eq!(f.responsible_unit, "Phòng Hậu cần");
        assert_eq!(f.deadline.as_deref(), Some("2026-12-31"));
        assert!(f.handling.needs_answer());
    }
    for (id, _) in free {
        let f = store.question(id).unwrap().data.follow;
        assert_eq!(f.status, FollowStatus::Open);
    }
    assert_eq!(
        store.undo_label().unwrap().as_deref(),
        Some("Giao 3 ý kiến cho Phòng Hậu cần")
    );
    h.get_by_label("Đã chọn 0");

    // One undo takes the three back.
    h.get_by_role_and_label(Role::Button, "Hoàn tác").click();
    h.run();
    let store = h.state().store().unwrap();
    for (id, _) in free {
        let f = store.question(id).unwrap().data.follow;
        assert_eq!(f.responsible_unit, "");
        assert_eq!(f.deadline, None);
        assert_eq!(f.handling, Handling::Undecided);
    }
    assert_eq!(store.question(&moved.id).unwrap().data.follow, moved_before);
}

#[test]
fn a_written_answer_typed_beside_the_list_is_in_the_file_when_the_window_closes() {
    let store = demo_store();
    let late = overdue(&store);
    let mut h = harness(store);
    go_to(&mut h, "Theo dõi ý kiến");
    // The overdue one is first: its row opens its follow-up beside the list.
    h.get_by_label_contains("Quá hạn 3 ngày").click();
    h.run();
    h.get_by_label(&format!("Ý kiến số {}", late.data.number));
    type_into(&mut h, "Số văn bản trả lời", "3190/CAT-PX01");
    type_into(&mut h, "Ngày văn bản", "06/12/2026");
    h.get_by(|n| {
        n.role() == Role::ComboBox && n.label().as_deref() == Some("Tình trạng giải quyết")
    })
    .click();
    h.run();
    h.get_by_label("Đã giải quyết").click();
    h.run();
    // Typing into the answer, then the window manager closes the window at once.
    type_into(
        &mut h,
        "Nội dung trả lời bằng văn bản",
        "Đã bổ sung 02 biên chế.",
    );
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let f = h
        .state()
        .store()
        .unwrap()
        .question(&late.id)
        .unwrap()
        .data
        .follow;
    assert_eq!(f.answer_doc_no, "3190/CAT-PX01");
    assert_eq!(f.answer_doc_date.as_deref(), Some("2026-12-06"));
    assert_eq!(f.status, FollowStatus::Done);
    assert_eq!(f.written_answer, "Đã bổ sung 02 biên chế.");
    assert!(!f.is_overdue(hoinghi::domain::date::today()));
}

/// The follow-up page's "Nhập trả lời…" with `file` chosen: its preview open.
fn answers_previewed(
    store: hoinghi::store::Store,
    file: std::path::PathBuf,
) -> egui_kittest::Harness<'static, hoinghi::ui::App> {
    let mut h = common::harness_with(
        store,
        common::FakeDialogs {
            answers: vec![file],
            ..common::FakeDialogs::default()
        },
    );
    go_to(&mut h, "Theo dõi ý kiến");
    h.get_by_role_and_label(Role::Button, "Nhập trả lời…")
        .click();
    h.step();
    common::wait_idle(&mut h);
    assert_eq!(h.state().page(), Page::Import);
    h
}

#[test]
fn a_unit_s_answers_are_previewed_as_changes_then_stored() {
    let dir = tempfile::tempdir().unwrap();
    let store = hoinghi::store::Store::open(
        &dir.path().join("hn.sqlite"),
        hoinghi::store::Missing::Create,
    )
    .unwrap();
    hoinghi::demo::fill(&store).unwrap();
    let late = overdue(&store);
    // The unit's sheet, saved as CSV by its clerk.
    let csv = dir.path().join("tra-loi.csv");
    std::fs::write(
        &csv,
        format!(
            "PHIẾU CHUYỂN Ý KIẾN,,,,,\nMã,Số,Nội dung trả lời,Số văn bản,Ngày văn bản,Tình trạng\n{},{},Đã bổ sung 02 biên chế,3137/CAT-PX01,05/12/2026,Đã giải quyết\n",
            late.id, late.data.number
        ),
    )
    .unwrap();
    let mut h = answers_previewed(store, csv);
    h.get_by_label("Chưa giải quyết » Đã giải quyết");
    let stored = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>| {
        h.state()
            .store()
            .unwrap()
            .question(&late.id)
            .unwrap()
            .data
            .follow
    };
    assert_eq!(
        stored(&h).status,
        FollowStatus::Open,
        "the preview writes nothing"
    );
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    common::wait_idle(&mut h);
    let f = stored(&h);
    assert_eq!(f.status, FollowStatus::Done);
    assert_eq!(f.answer_doc_no, "3137/CAT-PX01");
    assert_eq!(f.written_answer, "Đã bổ sung 02 biên chế");
}

/// Types at the end of the field that has the cursor (Ctrl+End, then the text).
fn type_at_end(h: &mut egui_kittest::Harness<'static, hoinghi::ui::App>, text: &str) {
    h.event(egui::Event::Key {
        key: egui::Key::End,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    });
    h.event(egui::Event::Text(text.to_owned()));
    h.step();
}

#[test]
fn a_new_line_survives_the_pause_and_text_typed_before_close_is_written() {
    // Found in review: the pause wrote the answer, then the form took the file's trimmed
    // text back and ate the new line being typed; and the papers' details typed less than a
    // second before Close were never written.
    let store = demo_store();
    let late = overdue(&store);
    let mut h = harness(store);
    go_to(&mut h, "Theo dõi ý kiến");
    h.get_by_label_contains("Quá hạn 3 ngày").click();
    h.run();
    let field = h.get_by_role_and_label(Role::MultilineTextInput, "Nội dung trả lời bằng văn bản");
    field.focus();
    h.step();
    type_at_end(&mut h, "Dòng một\n");
    h.run_steps(6);
    let written = |h: &egui_kittest::Harness<'static, hoinghi::ui::App>| {
        h.state()
            .store()
            .unwrap()
            .question(&late.id)
            .unwrap()
            .data
            .follow
            .written_answer
    };
    assert_eq!(written(&h), "Dòng một", "the pause wrote it");
    type_at_end(&mut h, "Dòng hai");
    h.run_steps(6);
    assert_eq!(written(&h), "Dòng một\nDòng hai", "typed on the new line");

    // The papers: a name typed, then Close at once.
    h.get_by_role_and_label(Role::Button, "Biên bản, thông báo…")
        .click();
    h.run();
    let chair = h.get_by_role_and_label(Role::TextInput, "Chủ trì (cấp bậc, họ tên)");
    chair.focus();
    h.step();
    type_at_end(&mut h, " (dự)");
    // The side's own Close (the page may show a toast's too).
    h.get_all_by_role_and_label(Role::Button, "Đóng")
        .max_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap()
        .click();
    h.step();
    assert_eq!(
        h.state()
            .store()
            .unwrap()
            .paper_details()
            .unwrap()
            .chair_name,
        "Đại tá Nguyễn Thanh Tràng (dự)"
    );
}

#[test]
fn ticks_do_not_outlive_the_filter_they_were_made_under() {
    // Found in review: ticks made under one unit stayed ticked, unseen, under another.
    let store = demo_store();
    // The overdue one is the first row.
    let first = overdue(&store).data.number;
    let mut h = harness(store);
    go_to(&mut h, "Theo dõi ý kiến");
    tick(&mut h, first);
    h.get_by_label("Đã chọn 1");
    h.get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some("Tình trạng"))
        .click();
    h.run();
    h.get_by_label("Quá hạn").click();
    h.run();
    h.get_by_label("Đã chọn 0");
}

#[test]
fn a_workbook_of_two_units_reads_the_one_that_answers_most_and_names_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_store();
    let owed: Vec<(String, i64)> = store
        .questions()
        .unwrap()
        .into_iter()
        .filter(|q| {
            q.data.follow.handling.needs_answer() && q.data.follow.written_answer.is_empty()
        })
        .map(|q| (q.id, q.data.number))
        .take(3)
        .collect();
    assert_eq!(owed.len(), 3);
    let book_path = dir.path().join("phieu-hai-don-vi.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in [
        ("Phòng Hậu cần", &owed[..1]),
        ("Phòng Tham mưu", &owed[1..]),
    ] {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        for (c, title) in ["Mã", "Số", "Nội dung trả lời"].into_iter().enumerate() {
            ws.write_string(0, u16::try_from(c).unwrap(), title)
                .unwrap();
        }
        for (r, (id, number)) in rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap();
            ws.write_string(r, 0, id).unwrap();
            ws.write_number(r, 1, f64::from(i32::try_from(*number).unwrap()))
                .unwrap();
            ws.write_string(r, 2, format!("Trả lời ý kiến số {number}"))
                .unwrap();
        }
    }
    book.save(&book_path).unwrap();
    let mut h = answers_previewed(store, book_path);
    h.get_by_label(
        "Trang «Phòng Hậu cần» cũng có 1 trả lời mới: nhập trang này xong, chọn lại tệp để nhập tiếp trang đó",
    );
    h.get_by_label("Nhập vào hội nghị").click();
    h.step();
    common::wait_idle(&mut h);
    let answer = |id: &str| {
        h.state()
            .store()
            .unwrap()
            .question(id)
            .unwrap()
            .data
            .follow
            .written_answer
    };
    assert_eq!(
        answer(&owed[1].0),
        format!("Trả lời ý kiến số {}", owed[1].1)
    );
    assert_eq!(
        answer(&owed[2].0),
        format!("Trả lời ý kiến số {}", owed[2].1)
    );
    assert_eq!(answer(&owed[0].0), "", "the other sheet waits for its turn");
}
