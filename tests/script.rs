//! The MC's script written from the file: the sentences on the sample conference and on
//! the cases that trip a hand-written script (a guest without rank, a woman officer, a
//! collective, nobody absent, excused absences), rewrites kept and taken back, and the
//! script and programme on paper.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use hoinghi::domain::programme::{ItemData, Part};
use hoinghi::domain::{AttendeeDraft, CommendationData};
use hoinghi::export::{Format, ListKind, Options, Source, render};
use hoinghi::script::{Section, address, attendance, office_with_unit};
use hoinghi::store::Store;

fn script(store: &Store) -> Vec<Section> {
    Source::load(store).unwrap().script()
}

fn text_of(sections: &[Section], part: Part) -> String {
    sections
        .iter()
        .filter(|s| s.item.data.part == part)
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn seeded() -> Store {
    // The sample conference comes with the usual programme; seeding again adds nothing.
    let store = common::demo_store();
    assert_eq!(store.programme().unwrap().len(), 9);
    assert_eq!(store.seed_programme().unwrap(), 0);
    store
}

#[test]
fn forms_of_address_name_rank_office_and_unit_once() {
    assert_eq!(
        address(
            "Nguyễn Thanh Tràng",
            "Đại tá",
            "Phó Giám đốc Công an tỉnh",
            "Ban Giám đốc Công an tỉnh"
        ),
        "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh"
    );
    assert_eq!(
        office_with_unit("Trưởng Công an xã", "Công an xã Long Trị"),
        "Trưởng Công an xã Long Trị"
    );
    assert_eq!(
        office_with_unit("Cán bộ", "Công an xã Long Trị"),
        "Cán bộ Công an xã Long Trị"
    );
    // A guest without rank; a woman officer is "đồng chí" as well.
    assert_eq!(
        address("Lê Văn Bình", "", "Chủ tịch UBND xã", "Xã Long Trị"),
        "Đồng chí Lê Văn Bình, Chủ tịch UBND Xã Long Trị"
    );
    assert_eq!(
        address(
            "Phan Nguyễn Ngọc Thảo",
            "Đại úy",
            "Cán bộ",
            "Công an xã Long Trị"
        ),
        "Đồng chí Đại úy Phan Nguyễn Ngọc Thảo, Cán bộ Công an xã Long Trị"
    );
}

#[test]
fn the_introduction_lists_leaders_then_guests_in_protocol_order_and_counts_the_rest() {
    let store = seeded();
    let intro = text_of(&script(&store), Part::Introduction);
    let leader = intro
        .find("Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh")
        .expect("the leader is introduced");
    let head = intro.find("Thượng tá").unwrap();
    let deputy = intro.find("Phó Trưởng Phòng").unwrap();
    assert!(leader < head && head < deputy, "protocol order:\n{intro}");
    assert!(
        intro.contains("Về phía Công an tỉnh Hậu Giang, có:"),
        "{intro}"
    );
    assert!(intro.contains("Cùng toàn thể"), "{intro}");
    assert!(intro.contains("đồng chí CBCS Công an xã"), "{intro}");
    assert!(
        !intro.contains("[chưa đến]"),
        "every leader and guest of the sample is in"
    );
    // A guest who has not arrived is marked; checked in, the mark goes.
    let guest = store
        .add_attendee(
            &AttendeeDraft {
                full_name: "Lê Văn Bình".into(),
                position: "Chủ tịch UBND xã".into(),
                unit: "Xã Long Trị".into(),
                group: "Khách mời".into(),
                ..AttendeeDraft::default()
            }
            .validate()
            .unwrap(),
        )
        .unwrap();
    let intro = text_of(&script(&store), Part::Introduction);
    assert!(
        intro.contains("Đồng chí Lê Văn Bình, Chủ tịch UBND Xã Long Trị [chưa đến];"),
        "{intro}"
    );
    store
        .set_checked_in(&guest, Some("2026-12-02T00:40:00Z"))
        .unwrap();
    let intro = text_of(&script(&store), Part::Introduction);
    assert!(
        intro.contains("Đồng chí Lê Văn Bình, Chủ tịch UBND Xã Long Trị;"),
        "{intro}"
    );
}

#[test]
fn the_attendance_sentence_counts_excused_absences_and_nobody_absent() {
    let store = common::demo_store();
    let people = store.attendees().unwrap();
    let absent: Vec<_> = people
        .iter()
        .filter(|a| a.checked_in_at.is_none())
        .collect();
    store
        .set_excused(&absent[0].id, true, "Đi công tác")
        .unwrap();
    store.set_excused(&absent[1].id, true, "").unwrap();
    let sentence = attendance(&store.attendees().unwrap());
    assert_eq!(
        sentence,
        format!(
            "Tổng số đại biểu được triệu tập: 520 đồng chí; có mặt: 328 đồng chí; vắng: {} đồng chí, trong đó có lý do: 2 đồng chí.",
            absent.len()
        )
    );
    for a in &absent {
        store
            .set_checked_in(&a.id, Some("2026-12-02T00:40:00Z"))
            .unwrap();
    }
    assert_eq!(
        attendance(&store.attendees().unwrap()),
        "Tổng số đại biểu được triệu tập: 520 đồng chí; có mặt: 520 đồng chí, đạt 100%."
    );
}

#[test]
fn each_decision_is_read_with_its_recipients_in_stage_order() {
    let store = seeded();
    store
        .add_commendation(&CommendationData {
            kind: "Giấy khen".into(),
            collective: true,
            recipient_name: "Công an xã Long Trị".into(),
            decision_number: "2776/QĐ-CAT-PX01".into(),
            decision_date: Some("2022-11-14".into()),
            issuer: "Giám đốc Công an tỉnh Hậu Giang".into(),
            stage_order: 3,
            ..CommendationData::default()
        })
        .unwrap();
    let text = text_of(&script(&store), Part::Commendations);
    assert!(
        text.starts_with(
            "Trân trọng công bố Quyết định số 2776/QĐ-CAT-PX01 ngày 14/11/2022 của Giám đốc Công an tỉnh Hậu Giang về việc tặng giấy khen cho 1 tập thể và 2 cá nhân"
        ),
        "{text}"
    );
    let luan = text.find("1. Đồng chí Thượng úy Trần Văn Luân").unwrap();
    let thao = text
        .find("2. Đồng chí Đại úy Phan Nguyễn Ngọc Thảo")
        .unwrap();
    let team = text.find("3. Tập thể Công an xã Long Trị;").unwrap();
    assert!(luan < thao && thao < team, "{text}");
    let gifts = text_of(&script(&store), Part::Gifts);
    assert!(gifts.contains("cho 10 đồng chí"), "{gifts}");
}

#[test]
fn a_rewrite_stands_until_taken_back() {
    let store = seeded();
    let item = store.programme().unwrap()[0].clone();
    store
        .set_script_edit(
            &item.id,
            "opening",
            Some("Kính thưa các đồng chí! Xin mời ổn định chỗ ngồi."),
        )
        .unwrap();
    let first = &script(&store)[0].paragraphs[0];
    assert!(first.edited);
    assert_eq!(
        first.text,
        "Kính thưa các đồng chí! Xin mời ổn định chỗ ngồi."
    );
    assert_ne!(first.generated, first.text);
    store.set_script_edit(&item.id, "opening", None).unwrap();
    let first = &script(&store)[0].paragraphs[0];
    assert!(!first.edited);
    assert_eq!(first.text, first.generated);
    // Items move, are added and deleted, each undoable.
    let before = store.programme().unwrap();
    store
        .change("Đổi thứ tự", |st| st.move_item(&before[1].id, true))
        .unwrap();
    assert_eq!(store.programme().unwrap()[0].id, before[1].id);
    store.undo().unwrap();
    assert_eq!(store.programme().unwrap()[0].id, before[0].id);
    let id = store
        .add_item(&ItemData {
            title: "Văn nghệ chào mừng".into(),
            part: Part::Other,
            ..ItemData::default()
        })
        .unwrap();
    store.delete_item(&id).unwrap();
    assert_eq!(store.programme().unwrap().len(), 9);
}

#[test]
fn the_script_and_the_programme_print_and_open_in_word() {
    let store = seeded();
    let src = Source::load(&store).unwrap();
    let (pdf, _) = render(
        &src,
        ListKind::Script,
        Options::default(),
        Format::Pdf,
        &mut |_, _| true,
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let (docx, _) = render(
        &src,
        ListKind::Script,
        Options::default(),
        Format::Docx,
        &mut |_, _| true,
    )
    .unwrap();
    let doc = docx_rs::read_docx(&docx).unwrap();
    let text: String = doc
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("KỊCH BẢN DẪN CHƯƠNG TRÌNH"));
    assert!(text.contains("Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh"));
    let (programme, rows) = render(
        &src,
        ListKind::Programme,
        Options::default(),
        Format::Pdf,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(rows, 9);
    assert!(programme.starts_with(b"%PDF") && pdf.starts_with(b"%PDF"));
    #[cfg(not(windows))]
    {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [("kich-ban.pdf", &pdf), ("chuong-trinh.pdf", &programme)] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let out = std::process::Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains("Bế mạc hội nghị") || text.contains("BẾ MẠC HỘI NGHỊ"),
                "{name}"
            );
            if name == "kich-ban.pdf" {
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    flat.contains("Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh")
                );
                assert!(flat.contains("Tổng số đại biểu được triệu tập: 520 đồng chí"));
            }
        }
        let info = std::process::Command::new("pdfinfo")
            .arg(dir.path().join("chuong-trinh.pdf"))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .map(str::trim);
        assert_eq!(pages, Some("1"), "one page");
    }
}
