//! The window, driven the way an organiser would: through labelled fields and buttons.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{go_to, harness, type_into};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use hoinghi::store::Store;
use hoinghi::ui::Page;

#[test]
fn add_an_attendee_through_the_form_and_find_it() {
    let mut h = harness(Store::open_in_memory().unwrap());
    go_to(&mut h, "Đại biểu");
    assert_eq!(h.state().page(), Page::Attendees);
    // The empty table says what to do.
    h.get_by_label_contains("Chưa có đại biểu nào");

    type_into(&mut h, "Họ và tên", "Nguyễn Thanh Tràng");
    type_into(&mut h, "Đơn vị", "Ban Giám đốc Công an tỉnh");
    type_into(&mut h, "Số điện thoại", "912345678");
    h.key_press(egui::Key::Enter);
    h.run();

    let store = h.state().store().unwrap();
    let all = store.attendees().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].data.full_name, "Nguyễn Thanh Tràng");
    assert_eq!(all[0].data.phone, "0912345678", "leading zero restored");
    // The form is blank again for the next person, and the table shows the new row.
    let name = h.get_by_role_and_label(Role::TextInput, "Họ và tên");
    assert_eq!(name.value().as_deref(), Some(""));
    h.get_by_label("Ban Giám đốc Công an tỉnh");

    // Searching without accents finds the row; nonsense hides it.
    type_into(&mut h, "Tìm kiếm", "nguyen thanh trang");
    h.get_by_label("Nguyễn Thanh Tràng");
    h.get_by_label_contains("Hiển thị 1 trên 1");
    let search = h.get_by_role_and_label(Role::TextInput, "Tìm kiếm");
    search.focus();
    search.type_text(" xyz");
    h.run();
    h.get_by_label("Không có bản ghi nào khớp với tìm kiếm.");
}

#[test]
fn a_required_name_is_reported_next_to_the_field() {
    let mut h = harness(Store::open_in_memory().unwrap());
    go_to(&mut h, "Đại biểu");
    type_into(&mut h, "Đơn vị", "Công an xã Long Trị");
    h.get_by_label("Thêm").click();
    h.run();
    h.get_by_label("Bắt buộc nhập");
    assert_eq!(h.state().store().unwrap().attendees().unwrap().len(), 0);
}

#[test]
fn edit_is_saved_when_leaving_the_field_and_delete_asks_first() {
    let store = Store::open_in_memory().unwrap();
    let d = hoinghi::domain::AttendeeDraft {
        full_name: "Lê Văn Hậu".into(),
        ..Default::default()
    };
    store.add_attendee(&d.validate().unwrap()).unwrap();
    let mut h = harness(store);
    go_to(&mut h, "Đại biểu");
    h.get_by_label("Lê Văn Hậu").click();
    h.run();
    h.get_by_label("Sửa bản ghi");
    type_into(&mut h, "Chức vụ", "Trưởng Công an xã");
    h.key_press(egui::Key::Tab);
    h.run();
    let a = &h.state().store().unwrap().attendees().unwrap()[0];
    assert_eq!(
        a.data.position, "Trưởng Công an xã",
        "committed on leaving the field"
    );

    h.get_by_label("Xoá").click();
    h.run();
    h.get_by_label("Xoá bản ghi?");
    assert_eq!(
        h.state().store().unwrap().attendees().unwrap().len(),
        1,
        "nothing deleted before confirming"
    );
    h.get_by_label("Huỷ").click();
    h.run();
    assert!(h.query_by_label("Xoá bản ghi?").is_none());
    h.get_by_label("Xoá").click();
    h.run();
    let confirm = h.get_all_by_label("Xoá").last().unwrap();
    confirm.click();
    h.run();
    assert!(h.state().store().unwrap().attendees().unwrap().is_empty());
}

#[test]
fn add_a_question_from_a_slip_and_find_it() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Câu hỏi");
    let number = h.get_by_role_and_label(Role::TextInput, "Số TT");
    assert_eq!(
        number.value().as_deref(),
        Some("61"),
        "running number assigned"
    );
    type_into(&mut h, "Người hỏi", "tran van luan");
    // The asker is picked from the attendees by typing without accents.
    h.get_by_label_contains("Trần Văn Luân · Thượng úy").click();
    h.run();
    let unit = h.get_by_role_and_label(Role::TextInput, "Đơn vị người hỏi");
    assert_eq!(unit.value().as_deref(), Some("Công an xã Long Trị"));
    type_into(
        &mut h,
        "Nội dung",
        "Đề nghị trang bị thêm máy photocopy cho Công an xã.",
    );
    h.get_by_label("Thêm").click();
    h.run();

    let store = h.state().store().unwrap();
    let q = store.search_questions("photocopy").unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].data.number, 61);
    assert!(q[0].data.asker_id.is_some(), "linked to the attendee");
    // Next slip is ready with the next number.
    let number = h.get_by_role_and_label(Role::TextInput, "Số TT");
    assert_eq!(number.value().as_deref(), Some("62"));
    type_into(&mut h, "Tìm kiếm", "PHOTOCOPY");
    h.get_by_label_contains("Hiển thị 1 trên 61");
}

#[test]
fn a_second_gift_to_the_same_person_needs_a_reason() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Quà tặng");
    // Someone who already has a gift in the demo.
    let first = h.state().data().gifts.items[0].data.recipient_name.clone();
    type_into(&mut h, "Người nhận", &first);
    h.get_by_label_contains(&format!("{first} ·")).click();
    h.run();
    h.get_by_label_contains("Người này đã có quà");
    type_into(&mut h, "Hình thức quà", "Quà");
    type_into(&mut h, "Giá trị (đồng)", "1.500.000 đ");
    h.get_by_label("Thêm").click();
    h.run();
    assert_eq!(
        h.state().store().unwrap().gifts().unwrap().len(),
        10,
        "refused without a reason"
    );
    type_into(&mut h, "Lý do tặng quà lần hai", "Nhà bị cháy lần hai");
    h.get_by_label("Thêm").click();
    h.run();
    let gifts = h.state().store().unwrap().gifts().unwrap();
    assert_eq!(gifts.len(), 11);
    assert_eq!(gifts[10].data.value_vnd, 1_500_000);
    assert_eq!(gifts[10].data.override_reason, "Nhà bị cháy lần hai");
}

#[test]
fn commendation_and_conference_details_are_entered() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("hn.sqlite"),
        hoinghi::store::Missing::Create,
    )
    .unwrap();
    let mut h = harness(store);
    // The first-start guide is on the overview.
    h.get_by_label("Mở hội nghị mẫu (520 đại biểu)");
    type_into(&mut h, "Tên hội nghị", "Hội nghị đối thoại 2026");
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(
        h.state().store().unwrap().conference().unwrap().name,
        "Hội nghị đối thoại 2026"
    );
    assert_eq!(
        h.state().title(),
        "Hội nghị đối thoại 2026 — hn.sqlite — hoinghi"
    );

    go_to(&mut h, "Khen thưởng");
    type_into(&mut h, "Người nhận", "Tập thể Công an xã Long Trị");
    type_into(&mut h, "Số quyết định", "123/QĐ-CAT-PX01");
    type_into(&mut h, "Ngày quyết định", "31/02/2026");
    h.get_by_label("Thêm").click();
    h.run();
    h.get_by_label("Ngày không hợp lệ (dd/mm/yyyy)");
    h.get_by_role_and_label(Role::TextInput, "Ngày quyết định")
        .focus();
    h.run();
    for _ in 0..10 {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    type_into(&mut h, "Ngày quyết định", "14/11/2026");
    h.get_by_label("Thêm").click();
    h.run();
    let c = h.state().store().unwrap().commendations().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].data.decision_date.as_deref(), Some("2026-11-14"));
    assert_eq!(c[0].data.kind, "Giấy khen");
}

#[test]
fn english_switch_changes_the_labels() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.get_by_label("English").click();
    h.run();
    go_to(&mut h, "Attendees");
    h.get_by_role_and_label(Role::TextInput, "Full name");
    h.get_by_label("Tiếng Việt").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Họ và tên");
}

#[test]
fn attendee_filters_and_protocol_order() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Đại biểu");
    // Sorting by rank puts the Đại tá first (protocol order), heads before deputies.
    h.get_by_role_and_label(Role::Button, "Cấp bậc").click();
    h.run();
    let first = {
        let app = h.state_mut();
        let data = app.data().clone();
        let ids = app
            .pages
            .attendees
            .visible_ids(&data, hoinghi::ui::i18n::Lang::Vi.strings());
        data.attendee(ids[0]).unwrap().data.full_name.clone()
    };
    assert_eq!(first, "Nguyễn Thanh Tràng");
    // Screen and paper agree: the table sorted by rank is the printed list's order.
    let screen: Vec<String> = {
        let app = h.state_mut();
        let data = app.data().clone();
        app.pages
            .attendees
            .visible_ids(&data, hoinghi::ui::i18n::Lang::Vi.strings())
            .into_iter()
            .map(|id| data.attendee(id).unwrap().data.full_name.clone())
            .collect()
    };
    let src = hoinghi::export::Source::load(h.state().store().unwrap()).unwrap();
    let sheet = hoinghi::export::build(
        &src,
        hoinghi::export::ListKind::Signin,
        &hoinghi::export::Options {
            group_by_unit: false,
            sort: Some(hoinghi::export::Sort::Protocol),
            unit: None,
        },
    );
    let paper: Vec<String> = sheet.sections[0]
        .rows
        .iter()
        .map(|r| r[1].display())
        .collect();
    assert_eq!(screen.len(), 520);
    assert_eq!(screen, paper);

    // Filters: absent people of one unit.
    h.state_mut().pages.attendees.filter = hoinghi::ui::panels::attendees::AttendeeFilter {
        unit: Some("Công an xã Long Trị".into()),
        checked_in: Some(false),
        ..Default::default()
    };
    h.run();
    let app = h.state_mut();
    let data = app.data().clone();
    let ids = app
        .pages
        .attendees
        .visible_ids(&data, hoinghi::ui::i18n::Lang::Vi.strings());
    let expected = data
        .attendees
        .items
        .iter()
        .filter(|a| a.data.unit == "Công an xã Long Trị" && a.checked_in_at.is_none())
        .count();
    assert!(expected > 0);
    assert_eq!(ids.len(), expected);
    h.get_by_label("Bỏ lọc").click();
    h.run();
    h.get_by_label_contains("Hiển thị 520 trên 520");
}

#[test]
fn merging_questions_keeps_every_asker_and_shares_the_answer() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Câu hỏi");
    let (q1, q2) = {
        let d = h.state().data();
        (d.questions.items[0].clone(), d.questions.items[1].clone())
    };
    let data = h.state().data().clone();
    h.state_mut().pages.questions.select(&data, &q2.id);
    h.run();
    // The merge row sits at the bottom of the slip form; scroll to it as a person would.
    h.get_by_label("Gộp").scroll_to_me();
    h.run();
    type_into(&mut h, "Gộp vào câu số", "1");
    h.get_by_label("Gộp").click();
    h.run();
    let store = h.state().store().unwrap();
    let merged = store.question(&q2.id).unwrap();
    assert_eq!(merged.data.merged_into.as_deref(), Some(q1.id.as_str()));
    assert_eq!(merged.data.number, 2, "keeps its number");
    assert_eq!(
        merged.data.asker_name, q2.data.asker_name,
        "keeps its asker"
    );
    h.get_by_label("Tách ra");

    // Answering the main question answers the merged one.
    let mut main = store.question(&q1.id).unwrap().data;
    main.answer = "Trả lời chung cho các ý kiến".into();
    main.status = hoinghi::domain::Status::InWriting;
    store.update_question(&q1.id, &main).unwrap();
    let merged = store.question(&q2.id).unwrap();
    assert_eq!(merged.data.answer, "Trả lời chung cho các ý kiến");
    assert_eq!(merged.data.status, hoinghi::domain::Status::InWriting);
    assert_eq!(store.merged_into(&q1.id).unwrap().len(), 1);
}

#[test]
fn commendations_move_in_stage_order() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Khen thưởng");
    let second = h.state().data().commendations.items[1].clone();
    let data = h.state().data().clone();
    h.state_mut().pages.commendations.select(&data, &second.id);
    h.run();
    h.get_by_label("Lên trước").click();
    h.run();
    let order: Vec<String> = h
        .state()
        .store()
        .unwrap()
        .commendations()
        .unwrap()
        .into_iter()
        .map(|c| c.data.recipient_name)
        .collect();
    assert_eq!(order, ["Phan Nguyễn Ngọc Thảo", "Trần Văn Luân"]);
    // The form shows the new place.
    let field = h.get_by_role_and_label(Role::TextInput, "Thứ tự lên sân khấu");
    assert_eq!(field.value().as_deref(), Some("1"));
}

#[test]
fn overview_goes_full_screen_for_the_projector_and_back_with_escape() {
    let mut h = common::harness(common::demo_store());
    h.get_by_label("Trình chiếu").click();
    h.run();
    assert!(h.state().presenting());
    // Large figures, no navigation or forms.
    h.get_by_label_contains("Có mặt ");
    assert!(h.query_by_label("Thoát trình chiếu (Esc)").is_some());
    assert!(h.query_by_label("Tên hội nghị").is_none());
    h.get_by_label_contains("Đơn vị còn chờ đại biểu");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().presenting());
    assert!(h.query_by_label("Tên hội nghị").is_some());
}

#[test]
fn a_topic_is_added_on_the_lists_page_and_offered_on_the_slip() {
    let mut h = common::harness(common::demo_store());
    go_to(&mut h, "Danh mục");
    let field = h.get_all_by_label("Mục mới:").next().unwrap();
    field.focus();
    field.type_text("An ninh trật tự");
    h.run();
    h.get_all_by_label("Thêm").next().unwrap().click();
    h.run();
    let names: Vec<String> = h
        .state()
        .store()
        .unwrap()
        .topics()
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names.last().map(String::as_str), Some("An ninh trật tự"));
    // Topics in use offer a merge instead of a delete.
    assert!(h.query_all_by_label("Gộp vào…").count() >= 5);
    // At 1366×768 the rows line up and stay inside the window: every name field starts
    // and ends at the same place, and every merge control is left of the window's edge.
    let fields: Vec<egui::Rect> = ["Tổ chức, biên chế Công an xã", "Chế độ chính sách", "Khác"]
        .iter()
        .map(|name| h.get_by_label(name).rect())
        .collect();
    for f in &fields {
        assert!(
            (f.left() - fields[0].left()).abs() < 0.5,
            "{f:?} vs {:?}",
            fields[0]
        );
        assert!(
            (f.right() - fields[0].right()).abs() < 0.5,
            "{f:?} vs {:?}",
            fields[0]
        );
    }
    for merge in h.query_all_by_label("Gộp vào…") {
        let r = merge.rect();
        assert!(
            r.right() <= 1366.0,
            "merge control outside the window: {r:?}"
        );
        assert!(
            r.left() > fields[0].right(),
            "merge control over a name field: {r:?}"
        );
    }
    assert_eq!(
        h.query_all_by_label("Xoá").count(),
        3,
        "Khác, the new topic and the unused Bằng khen"
    );
}

#[test]
fn edits_that_leave_attendees_alone_keep_the_view_equal_to_a_full_read() {
    use hoinghi::domain::{Channel, QuestionDraft};
    use hoinghi::ui::action::Action;
    use hoinghi::ui::data::Data;
    let mut h = harness(common::demo_store());
    let generation = h.state().data().generation;
    h.state_mut().apply(Action::ListAdd {
        list: hoinghi::store::List::Topics,
        name: "An ninh mạng".into(),
    });
    let topic = h.state().data().topics.last().unwrap().id.clone();
    let q = QuestionDraft {
        number: "61".into(),
        asker_name: "Trần Văn Luân".into(),
        channel: Channel::Spoken,
        topic_id: Some(topic),
        content: "Lừa đảo qua mạng".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    h.state_mut().apply(Action::AddQuestion(q));
    h.run();
    let shown = h.state().data();
    assert!(shown.generation > generation, "panels see a new generation");
    let fresh = Data::load(h.state().store().unwrap(), 0).unwrap();
    let whole = Data {
        generation: shown.generation,
        ..fresh.clone()
    };
    assert!(*shown == whole, "the whole view equals a full read");
    assert_eq!(shown.questions.items.len(), 61);
    assert_eq!(shown.questions.keys, fresh.questions.keys);
    assert_eq!(shown.topics, fresh.topics);
    assert_eq!(
        shown.stats.questions_by_topic,
        fresh.stats.questions_by_topic
    );
    assert_eq!(shown.attendees.keys, fresh.attendees.keys);
    assert_eq!(shown.attendee_units, fresh.attendee_units);
    assert_eq!(shown.unit_attendance, fresh.unit_attendance);
    assert_eq!(shown.undo_label, fresh.undo_label);
}

#[test]
fn attendee_edits_patch_the_view_exactly_as_a_full_read_would() {
    use hoinghi::domain::AttendeeDraft;
    use hoinghi::ui::action::Action;
    use hoinghi::ui::data::Data;
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Đại biểu");
    let same_as_a_full_read = |h: &egui_kittest::Harness<'_, hoinghi::ui::App>, what: &str| {
        let shown = h.state().data();
        let fresh = Data::load(h.state().store().unwrap(), shown.generation).unwrap();
        assert!(
            *shown == fresh,
            "after {what} the view differs from a full read"
        );
    };
    let before = h.state().data().attendees.items.len();
    let walk_in = AttendeeDraft {
        full_name: "Đoàn Thị Ngọc Ánh".into(),
        unit: "Đơn vị mới lập".into(),
        group: "Khách mời".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    h.state_mut().apply(Action::AddAttendee(walk_in.clone()));
    h.run();
    same_as_a_full_read(&h, "an add");
    let added = h.state().data().attendees.items.last().unwrap().clone();
    assert_eq!(added.data.full_name, "Đoàn Thị Ngọc Ánh");
    assert!(
        h.state()
            .data()
            .attendee_units
            .contains(&"Đơn vị mới lập".to_owned())
    );

    let first = h.state().data().attendees.items[0].clone();
    let mut moved = first.data.clone();
    moved.unit = "Đơn vị mới lập".into();
    moved.full_name = "Nguyễn Văn Đổi Tên".into();
    h.state_mut()
        .apply(Action::UpdateAttendee(first.id.clone(), moved));
    h.run();
    same_as_a_full_read(&h, "an edit");
    assert_eq!(
        h.state().data().attendees.items[0].data.full_name,
        "Nguyễn Văn Đổi Tên"
    );

    h.state_mut()
        .apply(Action::DeleteAttendee(added.id.clone()));
    h.run();
    same_as_a_full_read(&h, "a delete");
    assert_eq!(h.state().data().attendees.items.len(), before);
    assert!(h.state().data().attendee(&added.id).is_none());
}

#[test]
fn a_filter_label_wraps_with_its_list_never_apart() {
    let mut h = harness(common::demo_store());
    for (page, filter) in [("Đại biểu", "Có mặt"), ("Câu hỏi", "Đơn vị người hỏi")]
    {
        go_to(&mut h, page);
        let combo = h.get_by_role_and_label(Role::ComboBox, filter).rect();
        let label = h
            .query_all_by(|n| n.role() == Role::Label && n.value().as_deref() == Some(filter))
            .map(|n| n.rect())
            .find(|r| r.right() <= combo.left())
            .unwrap_or_else(|| panic!("no {filter} label left of its list"));
        assert!(
            (label.center().y - combo.center().y).abs() < 8.0,
            "{filter}: label {label:?} and list {combo:?} are on different lines"
        );
        assert!(
            combo.right() <= 1366.0 - 360.0,
            "{filter} list runs under the form"
        );
    }
}

#[test]
fn the_ladder_of_offices_is_edited_on_the_lists_page() {
    let mut h = harness(common::demo_store());
    go_to(&mut h, "Danh mục");
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Thứ tự nghi thức: chức vụ"))
    })
    .click();
    h.run();
    let field = h.get_by_label("Viết tắt, cách viết khác — Phó Giám đốc");
    field.focus();
    field.type_text(", Phó GĐ");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    let store = h.state().store().unwrap();
    let pgd = store
        .offices()
        .unwrap()
        .into_iter()
        .find(|o| o.name == "Phó Giám đốc")
        .unwrap();
    assert!(pgd.aliases.ends_with(", Phó GĐ"), "{}", pgd.aliases);
    // The window places people by the new abbreviation at once.
    let ladder = &h.state().data().ladder;
    assert_eq!(
        ladder.office_of("Phó GĐ Công an tỉnh"),
        ladder.office_of("Phó Giám đốc")
    );
    // One undoable change.
    assert_eq!(
        h.state().data().undo_label.as_deref(),
        Some("Sửa chức vụ: Phó Giám đốc")
    );
}
