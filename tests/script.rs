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
    // The sample conference comes with the usual programme (the flag salute included);
    // seeding again adds nothing.
    let store = common::demo_store();
    assert_eq!(store.programme().unwrap().len(), 10);
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
    // The office in full from the ladder, the level word of the unit in lower case.
    assert_eq!(
        address("Lê Văn Bình", "", "Chủ tịch UBND xã", "Xã Long Trị"),
        "Đồng chí Lê Văn Bình, Chủ tịch Ủy ban nhân dân xã Long Trị"
    );
    assert_eq!(
        office_with_unit("Trưởng phòng", "Phòng Tổ chức cán bộ"),
        "Trưởng phòng Tổ chức cán bộ"
    );
    assert_eq!(
        address(
            "Nguyễn Thanh Tràng",
            "Đại tá",
            "PGĐ",
            "Ban Giám đốc Công an tỉnh"
        ),
        "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh"
    );
    assert_eq!(
        address("Võ Văn Hình", "Thượng tá", "TP", "Phòng Cảnh sát hình sự"),
        "Đồng chí Thượng tá Võ Văn Hình, Trưởng phòng Cảnh sát hình sự"
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
    let deputy = intro.find("Phó Trưởng phòng Tham mưu").unwrap();
    assert!(leader < head && head < deputy, "protocol order:\n{intro}");
    // The host's leadership, then its departments and units in one block.
    let leadership = intro
        .find("Về phía lãnh đạo Công an tỉnh Hậu Giang, có:")
        .expect(&intro);
    let units = intro
        .find("Về phía lãnh đạo các phòng, đơn vị thuộc Công an tỉnh Hậu Giang, có:")
        .expect(&intro);
    assert!(
        leadership < leader && leader < units && units < head,
        "{intro}"
    );
    assert_eq!(intro.matches("Về phía").count(), 2, "{intro}");
    assert!(intro.contains("Đồng chí Thượng tá "), "{intro}");
    assert!(intro.contains(", Trưởng phòng Tổ chức cán bộ;"), "{intro}");
    // The groups in lower case, in the order the title names them.
    let cbcs = intro.find("đồng chí CBCS Công an xã,").expect(&intro);
    let doan = intro.find("đồng chí đoàn viên và ").expect(&intro);
    let hoi = intro
        .find("đồng chí hội viên về dự hội nghị.")
        .expect(&intro);
    assert!(cbcs < doan && doan < hoi, "{intro}");
    assert!(intro.contains("\nCùng toàn thể "), "{intro}");
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
        intro.contains(
            "Về phía xã Long Trị, có:\n- Đồng chí Lê Văn Bình, Chủ tịch Ủy ban nhân dân xã Long Trị [chưa đến];"
        ),
        "{intro}"
    );
    // A guest's agency comes before the host's leadership.
    assert!(
        intro.find("Lê Văn Bình").unwrap() < intro.find("Nguyễn Thanh Tràng").unwrap(),
        "{intro}"
    );
    store
        .set_checked_in(&guest, Some("2026-12-02T00:40:00Z"))
        .unwrap();
    let intro = text_of(&script(&store), Part::Introduction);
    assert!(
        intro.contains("Đồng chí Lê Văn Bình, Chủ tịch Ủy ban nhân dân xã Long Trị;"),
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
    // The same decision as the sample's (dated, since migration 10, before the sample's
    // own day rather than on a fixed one).
    let dated = store.commendations().unwrap()[0]
        .data
        .decision_date
        .clone()
        .unwrap();
    store
        .add_commendation(&CommendationData {
            kind: "Giấy khen".into(),
            collective: true,
            recipient_name: "Công an xã Long Trị".into(),
            decision_number: "2776/QĐ-CAT-PX01".into(),
            decision_date: Some(dated.clone()),
            issuer: "Giám đốc Công an tỉnh Hậu Giang".into(),
            stage_order: 3,
            ..CommendationData::default()
        })
        .unwrap();
    let text = text_of(&script(&store), Part::Commendations);
    // Who reads it, named from the programme; the decision in one sentence.
    assert!(
        text.starts_with("Trân trọng kính mời đồng chí Thượng tá ")
            && text.contains(", Trưởng phòng Tổ chức cán bộ công bố quyết định khen thưởng.\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Trân trọng công bố Quyết định số 2776/QĐ-CAT-PX01 ngày {} của Giám đốc Công an tỉnh Hậu Giang về việc tặng giấy khen cho 1 tập thể và 2 cá nhân, gồm:",
            hoinghi::domain::date::display(&dated)
        )),
        "{text}"
    );
    assert!(!text.contains(". Gồm:"), "{text}");
    let luan = text.find("1. Đồng chí Thượng úy Trần Văn Luân").unwrap();
    let thao = text
        .find("2. Đồng chí Đại úy Phan Nguyễn Ngọc Thảo")
        .unwrap();
    let team = text.find("3. Tập thể Công an xã Long Trị.").unwrap();
    assert!(luan < thao && thao < team, "{text}");
    // Who presents, named from the programme.
    assert!(
        text.ends_with(
            "Trân trọng kính mời đại diện các tập thể và các đồng chí có tên lên nhận khen thưởng. Trân trọng kính mời đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh lên trao khen thưởng."
        ),
        "{text}"
    );
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
    assert_eq!(store.programme().unwrap().len(), 10);
}

#[test]
fn the_script_and_the_programme_print_and_open_in_word() {
    let store = seeded();
    let src = Source::load(&store).unwrap();
    let (pdf, _) = render(
        &src,
        ListKind::Script,
        &Options::default(),
        Format::Pdf,
        &mut |_, _| true,
    )
    .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let (docx, _) = render(
        &src,
        ListKind::Script,
        &Options::default(),
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
        &Options::default(),
        Format::Pdf,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(rows, 10);
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

/// Reads a PDF's text back (poppler's pdftotext), flattened to single spaces.
#[cfg(not(windows))]
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kich-ban.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    // Page numbers stand alone on their line: left out, a sentence reads across pages.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().chars().all(|c| c.is_ascii_digit() || c == '\u{c}'))
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Word file's paragraphs, one a line, and its document.xml.
fn docx_text(docx: &[u8]) -> (String, String) {
    let doc = docx_rs::read_docx(docx).unwrap();
    let text = doc
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    (text, xml)
}

fn render_script(store: &Store, format: Format) -> Vec<u8> {
    let src = Source::load(store).unwrap();
    render(
        &src,
        ListKind::Script,
        &Options::default(),
        format,
        &mut |_, _| true,
    )
    .unwrap()
    .0
}

/// Asserts that each of `parts` is in `text`, in this order.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!("«{part}» missing or out of order after byte {from} in:\n{text}"),
        }
    }
}

fn person(
    store: &Store,
    name: &str,
    rank: &str,
    position: &str,
    unit: &str,
    group: &str,
) -> String {
    store
        .add_attendee(&hoinghi::domain::AttendeeData {
            full_name: name.into(),
            rank: rank.into(),
            position: position.into(),
            unit: unit.into(),
            group: group.into(),
            ..Default::default()
        })
        .unwrap()
}

/// Sets who leads (and presents) the items of `part`.
fn lead(store: &Store, part: Part, lead: Option<&str>, presenter: Option<&str>) {
    for item in store
        .programme()
        .unwrap()
        .into_iter()
        .filter(|i| i.data.part == part)
    {
        store
            .update_item(
                &item.id,
                &ItemData {
                    lead_id: lead.map(str::to_owned),
                    presenter_id: presenter.map(str::to_owned),
                    ..item.data
                },
            )
            .unwrap();
    }
}

/// The provincial police conference with guests of the Party committee, the People's
/// Committee and a district Party committee, the director and his deputy, departments
/// and district police, offices typed as offices type them, a second gift and a
/// collective and repeated commendation.
fn police_file() -> (Store, String) {
    let store = Store::open_in_memory().unwrap();
    store
        .set_conference(&hoinghi::domain::Conference {
            name: "Hội nghị đối thoại giữa Đảng ủy, Ban Giám đốc Công an tỉnh với CBCS Công an cấp xã, đoàn viên, hội viên năm 2022".into(),
            start_date: "25/11/2022".into(),
            end_date: "25/11/2022".into(),
            venue: "Hội trường Công an tỉnh Hậu Giang".into(),
            organiser: "Phòng Công tác Đảng và công tác chính trị".into(),
            superior_agency: "BỘ CÔNG AN".into(),
            issuing_unit: "CÔNG AN TỈNH HẬU GIANG".into(),
            place_name: "Hậu Giang".into(),
            ..Default::default()
        })
        .unwrap();
    // Typed in no particular order, as lists arrive.
    let deputy = person(
        &store,
        "Nguyễn Thanh Tràng",
        "Đại tá",
        "PGĐ",
        "Ban Giám đốc Công an tỉnh",
        "Lãnh đạo",
    );
    let personnel = person(
        &store,
        "Lý Văn Bốn",
        "Thượng tá",
        "TP",
        "Phòng Tổ chức cán bộ",
        "Khách mời",
    );
    person(
        &store,
        "Trương Văn Hai",
        "Thượng tá",
        "Trưởng CAH",
        "Công an huyện Phụng Hiệp",
        "Khách mời",
    );
    person(
        &store,
        "Võ Văn Hình",
        "Thượng tá",
        "Trưởng Phòng",
        "Phòng Cảnh sát hình sự",
        "Khách mời",
    );
    person(
        &store,
        "Trần Văn Phó",
        "",
        "PCT UBND tỉnh",
        "UBND tỉnh Hậu Giang",
        "Khách mời",
    );
    let director = person(
        &store,
        "Lê Văn Giám",
        "Thiếu tướng",
        "Giám đốc",
        "Công an tỉnh Hậu Giang",
        "Lãnh đạo",
    );
    person(
        &store,
        "Đặng Văn Huyện",
        "",
        "Bí thư Huyện ủy",
        "Huyện ủy Phụng Hiệp",
        "Khách mời",
    );
    person(
        &store,
        "Nguyễn Văn Bí",
        "",
        "Bí thư Tỉnh ủy",
        "Tỉnh ủy Hậu Giang",
        "Khách mời",
    );
    let luan = person(
        &store,
        "Trần Văn Luân",
        "Thượng úy",
        "Cán bộ",
        "Công an xã Long Trị",
        "CBCS Công an xã",
    );
    person(
        &store,
        "Phan Nguyễn Ngọc Thảo",
        "Đại úy",
        "Cán bộ",
        "Công an xã Long Trị",
        "CBCS Công an xã",
    );
    person(
        &store,
        "Lê Văn Ba",
        "Trung úy",
        "Cán bộ",
        "Công an xã Long Bình",
        "CBCS Công an xã",
    );
    let hoa = person(
        &store,
        "Trần Thị Hoa",
        "Thiếu úy",
        "Cán bộ",
        "Công an xã Tân Phú",
        "Hội viên",
    );
    person(
        &store,
        "Ngô Thị Mai",
        "Trung úy",
        "Cán bộ",
        "Công an phường V",
        "Hội viên",
    );
    let an = person(
        &store,
        "Lâm Văn An",
        "Thiếu úy",
        "Cán bộ",
        "Công an xã Vị Tân",
        "Đoàn viên",
    );
    person(
        &store,
        "Bùi Văn Em",
        "Thiếu úy",
        "Cán bộ",
        "Công an xã Hỏa Lựu",
        "Đoàn viên",
    );
    store.seed_programme().unwrap();
    lead(&store, Part::Speech, Some(&deputy), None);
    lead(&store, Part::Report, Some(&personnel), None);
    lead(
        &store,
        Part::Commendations,
        Some(&personnel),
        Some(&director),
    );
    lead(&store, Part::Gifts, Some(&director), None);
    // The dialogue's chair is left unchosen: a gap.
    let topics = store.topics().unwrap();
    for (n, topic) in [(1, &topics[1]), (2, &topics[0]), (3, &topics[1])] {
        store
            .add_question(&hoinghi::domain::QuestionData {
                number: n,
                content: format!("Ý kiến {n}"),
                topic_id: Some(topic.id.clone()),
                ..Default::default()
            })
            .unwrap();
    }
    // A second gift to the same person, with its reason; and another person's.
    for (who, name, reason) in [
        (&hoa, "Trần Thị Hoa", ""),
        (&an, "Lâm Văn An", ""),
        (
            &hoa,
            "Trần Thị Hoa",
            "Nhà bị sập do giông lốc sau đợt quà thứ nhất",
        ),
    ] {
        store
            .add_gift(&hoinghi::domain::GiftData {
                recipient_id: Some(who.clone()),
                recipient_name: name.into(),
                unit: "Công an xã Tân Phú".into(),
                item: "Quà".into(),
                value_vnd: 2_000_000,
                override_reason: reason.into(),
                ..Default::default()
            })
            .unwrap();
    }
    // One decision to two officers and their commune's police; a second decision to one
    // of them again.
    let giay_khen =
        |order: i64, name: &str, id: Option<&String>, collective: bool| CommendationData {
            kind: "Giấy khen".into(),
            collective,
            recipient_id: id.cloned(),
            recipient_name: name.into(),
            rank: if collective {
                String::new()
            } else {
                "Thượng úy".into()
            },
            position: if collective {
                String::new()
            } else {
                "Cán bộ".into()
            },
            unit: if collective {
                String::new()
            } else {
                "Công an xã Long Trị".into()
            },
            decision_number: "2776/QĐ-CAT-PX01".into(),
            decision_date: Some("2022-11-14".into()),
            issuer: "Giám đốc Công an tỉnh Hậu Giang".into(),
            stage_order: order,
            ..CommendationData::default()
        };
    store
        .add_commendation(&giay_khen(1, "Trần Văn Luân", Some(&luan), false))
        .unwrap();
    let mut thao = giay_khen(2, "Phan Nguyễn Ngọc Thảo", None, false);
    thao.rank = "Đại úy".into();
    store.add_commendation(&thao).unwrap();
    store
        .add_commendation(&giay_khen(3, "Công an xã Long Trị", None, true))
        .unwrap();
    store
        .add_commendation(&CommendationData {
            kind: "Bằng khen".into(),
            issuer: "Chủ tịch UBND tỉnh Hậu Giang".into(),
            decision_number: "150/QĐ-UBND".into(),
            decision_date: Some("2022-11-20".into()),
            ..giay_khen(4, "Trần Văn Luân", Some(&luan), false)
        })
        .unwrap();
    (store, deputy)
}

/// The order and the sentences a protocol office expects, in whatever form the script
/// is read back (the window's text, the PDF's, the Word file's).
fn assert_police_script(text: &str) {
    assert_in_order(
        text,
        &[
            "1. ỔN ĐỊNH TỔ CHỨC",
            "2. NGHI THỨC CHÀO CỜ",
            "làm nghi thức chào cờ",
            // The day and place, the host in speech, not the heading's capitals.
            "Kính thưa các đồng chí! Hôm nay, ngày 25/11/2022, tại Hội trường Công an tỉnh Hậu Giang, được sự đồng ý của lãnh đạo Công an tỉnh Hậu Giang, Phòng Công tác Đảng và công tác chính trị tổ chức Hội nghị đối thoại",
            // Superior Party and State bodies first, by the highest office…
            "Về phía Tỉnh ủy Hậu Giang, có:",
            "Đồng chí Nguyễn Văn Bí, Bí thư Tỉnh ủy Hậu Giang;",
            "Về phía Ủy ban nhân dân tỉnh Hậu Giang, có:",
            "Đồng chí Trần Văn Phó, Phó Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang;",
            // … then the other guests by agency …
            "Về phía Huyện ủy Phụng Hiệp, có:",
            "Đồng chí Đặng Văn Huyện, Bí thư Huyện ủy Phụng Hiệp;",
            // … then the host's leadership, the director before his deputy …
            "Về phía lãnh đạo Công an tỉnh Hậu Giang, có:",
            "Đồng chí Thiếu tướng Lê Văn Giám, Giám đốc Công an tỉnh Hậu Giang;",
            "Đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh;",
            // … then its departments and units in one block, offices in full …
            "Về phía lãnh đạo các phòng, đơn vị thuộc Công an tỉnh Hậu Giang, có:",
            "Đồng chí Thượng tá Lý Văn Bốn, Trưởng phòng Tổ chức cán bộ;",
            "Đồng chí Thượng tá Võ Văn Hình, Trưởng phòng Cảnh sát hình sự;",
            "Đồng chí Thượng tá Trương Văn Hai, Trưởng Công an huyện Phụng Hiệp;",
            // … then everyone else, in lower case, in the order of the title.
            "Cùng toàn thể 3 đồng chí CBCS Công an xã, 2 đồng chí đoàn viên và 2 đồng chí hội viên về dự hội nghị.",
            "Tổng số đại biểu được triệu tập: 15 đồng chí",
            // Speakers invited in lower case and thanked.
            "Trân trọng kính mời đồng chí Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh lên phát biểu khai mạc hội nghị.",
            "Xin trân trọng cảm ơn đồng chí Đại tá Nguyễn Thanh Tràng.",
            "trân trọng kính mời đồng chí Thượng tá Lý Văn Bốn, Trưởng phòng Tổ chức cán bộ trình bày báo cáo",
            "Xin trân trọng cảm ơn đồng chí Thượng tá Lý Văn Bốn.",
            // The dialogue: topics in the order they are taken, the chair's gap.
            "Ban tổ chức đã nhận được 3 ý kiến, kiến nghị của đại biểu, được tổng hợp thành 2 nhóm vấn đề",
            "1. Tổ chức, biên chế Công an xã (1 ý kiến);",
            "2. Chế độ chính sách (2 ý kiến).",
            "Trân trọng kính mời [chưa chọn người chủ trì] chủ trì phần đối thoại.",
            // Who reads the decisions, each decision in one sentence, each person once.
            "Trân trọng kính mời đồng chí Thượng tá Lý Văn Bốn, Trưởng phòng Tổ chức cán bộ công bố các quyết định khen thưởng.",
            "về việc tặng giấy khen cho 1 tập thể và 2 cá nhân, gồm:",
            "1. Đồng chí Thượng úy Trần Văn Luân, Cán bộ Công an xã Long Trị;",
            "2. Đồng chí Đại úy Phan Nguyễn Ngọc Thảo, Cán bộ Công an xã Long Trị;",
            "3. Tập thể Công an xã Long Trị.",
            "Quyết định số 150/QĐ-UBND ngày 20/11/2022 của Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang về việc tặng bằng khen cho 1 cá nhân, gồm:",
            "1. Đồng chí Trần Văn Luân (đã giới thiệu ở trên).",
            "Trân trọng kính mời đại diện các tập thể và các đồng chí có tên lên nhận khen thưởng. Trân trọng kính mời đồng chí Thiếu tướng Lê Văn Giám, Giám đốc Công an tỉnh Hậu Giang lên trao khen thưởng.",
            // Gifts: people counted and listed once; the list ends with a full stop.
            "trao quà cho 2 đồng chí có hoàn cảnh khó khăn, gồm:",
            "1. Đồng chí Thiếu úy Trần Thị Hoa, Công an xã Tân Phú;",
            "2. Đồng chí Thiếu úy Lâm Văn An, Công an xã Tân Phú.",
            "Trân trọng kính mời các đồng chí có tên lên nhận quà. Trân trọng kính mời đồng chí Thiếu tướng Lê Văn Giám, Giám đốc Công an tỉnh Hậu Giang lên trao quà.",
            "Xin trân trọng cảm ơn!",
        ],
    );
    // Never the heading's capitals, an abbreviated office, "Đồng chí" mid-sentence, a
    // bare ellipsis, a split sentence, a person introduced twice.
    for wrong in [
        "lãnh đạo CÔNG AN",
        "PGĐ",
        "TP ",
        "Trưởng Phòng",
        "PCT ",
        "kính mời Đồng chí",
        "cảm ơn Đồng chí",
        "…",
        ". Gồm:",
        "Hội viên",
        "Đoàn viên",
    ] {
        assert!(!text.contains(wrong), "«{wrong}» in:\n{text}");
    }
    assert_eq!(text.matches("Trần Thị Hoa").count(), 1, "{text}");
    assert_eq!(text.matches("Thượng úy Trần Văn Luân").count(), 1, "{text}");
    assert_eq!(
        text.matches("Về phía lãnh đạo Công an tỉnh").count(),
        1,
        "{text}"
    );
}

#[test]
fn a_file_of_several_agencies_reads_as_a_protocol_office_writes_it() {
    let (store, _) = police_file();
    let sections = script(&store);
    // The window's text, headed as the files head it.
    let text: String = sections
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let body: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
            format!(
                "{}. {}\n{}",
                n + 1,
                s.item.data.title.to_uppercase(),
                body.join("\n")
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_police_script(&text);
    assert_eq!(
        hoinghi::script::gaps(&sections),
        2,
        "the chair, twice: {text}"
    );
    // The stored positions stay as typed.
    let people = store.attendees().unwrap();
    assert!(people.iter().any(|a| a.data.position == "PGĐ"));
    assert!(people.iter().any(|a| a.data.position == "TP"));
    // The Word file reads the same, with room between items.
    let (docx, xml) = docx_text(&render_script(&store, Format::Docx));
    assert_police_script(&docx);
    assert!(xml.contains(r#"w:before="240""#), "space before each item");
    // The heading's left column holds "CÔNG AN TỈNH HẬU GIANG" on one line: as wide as the
    // PDF measures it (≥ 64 mm; LibreOffice keeps it on one line, tests/print_lists.rs).
    let grid: Vec<usize> = xml
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect();
    assert!(grid.first().is_some_and(|w| *w >= 3630), "{grid:?}");
    #[cfg(not(windows))]
    {
        let pdf = pdf_text(&render_script(&store, Format::Pdf));
        assert_police_script(&pdf);
    }
}

#[test]
fn printed_lists_write_offices_out_and_the_export_counts_items() {
    let (store, _) = police_file();
    let src = Source::load(&store).unwrap();
    let (csv, _) = render(
        &src,
        ListKind::Signin,
        &Options::default(),
        Format::Csv,
        &mut |_, _| true,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("Phó Giám đốc"), "{csv}");
    assert!(csv.contains("Phó Chủ tịch Ủy ban nhân dân tỉnh"), "{csv}");
    assert!(csv.contains("Trưởng phòng"), "{csv}");
    assert!(!csv.contains(",PGĐ,") && !csv.contains(",TP,"), "{csv}");
    let (csv, _) = render(
        &src,
        ListKind::Programme,
        &Options::default(),
        Format::Csv,
        &mut |_, _| true,
    )
    .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains("Đại tá Nguyễn Thanh Tràng, Phó Giám đốc Công an tỉnh"),
        "{csv}"
    );
    let dir = tempfile::tempdir().unwrap();
    let written = hoinghi::export::export(
        &src,
        ListKind::Script,
        &Options::default(),
        &dir.path().join("kich-ban.pdf"),
        &mut |_, _| true,
    )
    .unwrap();
    assert!(written.items);
    assert_eq!(written.rows, 10, "items, not rows");
}

#[test]
fn the_organiser_moves_a_block_and_a_person_and_the_file_keeps_it() {
    use hoinghi::script::{Arrangement, introduction_blocks};
    let (store, _) = police_file();
    let src = Source::load(&store).unwrap();
    let item = src
        .programme
        .iter()
        .find(|i| i.data.part == Part::Introduction)
        .unwrap()
        .clone();
    let ladder = hoinghi::domain::protocol::Ladder::from_offices(&src.offices);
    let inputs = hoinghi::script::Inputs {
        conference: &src.conference,
        attendees: &src.attendees,
        ladder: &ladder,
        commendations: &src.commendations,
        gifts: &src.gifts,
        questions: &src.questions,
        topics: &src.topics,
        programme: &src.programme,
        edits: &src.script_edits,
    };
    let blocks = introduction_blocks(&inputs, &item);
    let keys: Vec<&str> = blocks.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys[3..], ["host", "host-units"], "{keys:?}");
    // Local custom: the host's leadership before the guests; the district police first
    // of the units.
    let mut a = Arrangement::with_block_moved(&blocks, 3, true);
    a.blocks.retain(|k| k != "host");
    a.blocks.insert(0, "host".into());
    let units = a.people.get_mut("host-units").unwrap();
    let last = units.pop().unwrap();
    units.insert(0, last);
    store
        .change("Sắp xếp", |st| {
            st.set_arrangement(&item.id, &a.to_text())
        })
        .unwrap();
    let intro = text_of(&script(&store), Part::Introduction);
    assert_in_order(
        &intro,
        &[
            "Về phía lãnh đạo Công an tỉnh Hậu Giang, có:",
            "Về phía Tỉnh ủy Hậu Giang, có:",
            "Về phía lãnh đạo các phòng, đơn vị thuộc Công an tỉnh Hậu Giang, có:",
            "Trương Văn Hai",
            "Võ Văn Hình",
        ],
    );
    // A guest added later keeps its protocol place among what was arranged.
    person(
        &store,
        "Lê Văn Mới",
        "",
        "Phó Bí thư Tỉnh ủy",
        "Tỉnh ủy Hậu Giang",
        "Khách mời",
    );
    let intro = text_of(&script(&store), Part::Introduction);
    assert_in_order(&intro, &["Nguyễn Văn Bí", "Lê Văn Mới", "Trần Văn Phó"]);
    // Undone, protocol order again.
    store.undo().unwrap();
    let intro = text_of(&script(&store), Part::Introduction);
    assert_in_order(
        &intro,
        &["Về phía Tỉnh ủy", "Về phía lãnh đạo Công an tỉnh"],
    );
}

/// A provincial Department of Education's conference: other agencies, other offices,
/// nothing of the police.
#[test]
fn a_conference_of_other_agencies_reads_right_too() {
    let store = Store::open_in_memory().unwrap();
    store
        .set_conference(&hoinghi::domain::Conference {
            name: "Hội nghị tổng kết năm học 2023-2024 với cán bộ quản lý, giáo viên".into(),
            start_date: "2024-08-15".into(),
            venue: "Hội trường Sở Giáo dục và Đào tạo".into(),
            organiser: "VĂN PHÒNG SỞ".into(),
            superior_agency: "UBND TỈNH HẬU GIANG".into(),
            issuing_unit: "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH HẬU GIANG".into(),
            place_name: "Hậu Giang".into(),
            ..Default::default()
        })
        .unwrap();
    person(
        &store,
        "Hồ Văn Hiệu",
        "",
        "Hiệu trưởng",
        "Trường THPT Vị Thanh",
        "Khách mời",
    );
    person(
        &store,
        "Mai Thị Phó",
        "",
        "PGĐ",
        "Ban Giám đốc Sở",
        "Lãnh đạo",
    );
    person(
        &store,
        "Cao Văn Huyện",
        "",
        "Chủ tịch UBND huyện",
        "UBND huyện Châu Thành",
        "Khách mời",
    );
    person(
        &store,
        "Đoàn Văn Trưởng",
        "",
        "TP",
        "Phòng GD&ĐT huyện Châu Thành",
        "Khách mời",
    );
    let director = person(
        &store,
        "Phạm Văn Giám",
        "",
        "Giám đốc",
        "Sở Giáo dục và Đào tạo",
        "Lãnh đạo",
    );
    person(
        &store,
        "Lý Thị Tuyên",
        "",
        "Phó Trưởng ban",
        "Ban Tuyên giáo Tỉnh ủy",
        "Khách mời",
    );
    person(
        &store,
        "Võ Văn Chánh",
        "",
        "CVP",
        "Văn phòng Sở",
        "Khách mời",
    );
    person(
        &store,
        "Trần Thị Tỉnh",
        "",
        "PCT UBND tỉnh",
        "UBND tỉnh Hậu Giang",
        "Khách mời",
    );
    person(
        &store,
        "Tạ Văn Trung",
        "",
        "TP",
        "Phòng Giáo dục Trung học",
        "Khách mời",
    );
    for (name, group) in [
        ("Giáo Viên Một", "Giáo viên"),
        ("Giáo Viên Hai", "Giáo viên"),
        ("Quản Lý Một", "Cán bộ quản lý"),
        ("Quản Lý Hai", "Cán bộ quản lý"),
        ("Quản Lý Ba", "Cán bộ quản lý"),
    ] {
        person(&store, name, "", "", "Trường THCS Long Trị", group);
    }
    store.seed_programme().unwrap();
    lead(&store, Part::Speech, Some(&director), None);
    let text: String = script(&store)
        .iter()
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.clone()))
        .collect::<Vec<_>>()
        .join("\n");
    assert_in_order(
        &text,
        &[
            "Kính thưa các đồng chí! Hôm nay, ngày 15/08/2024, tại Hội trường Sở Giáo dục và Đào tạo, được sự đồng ý của lãnh đạo Sở Giáo dục và Đào tạo tỉnh Hậu Giang, Văn phòng Sở tổ chức Hội nghị tổng kết năm học 2023-2024",
            "Về phía Ủy ban nhân dân tỉnh Hậu Giang, có:",
            "Đồng chí Trần Thị Tỉnh, Phó Chủ tịch Ủy ban nhân dân tỉnh Hậu Giang;",
            "Về phía Ban Tuyên giáo Tỉnh ủy, có:",
            "Đồng chí Lý Thị Tuyên, Phó Trưởng ban Tuyên giáo Tỉnh ủy;",
            "Về phía Ủy ban nhân dân huyện Châu Thành, có:",
            "Đồng chí Cao Văn Huyện, Chủ tịch Ủy ban nhân dân huyện Châu Thành;",
            "Về phía lãnh đạo Sở Giáo dục và Đào tạo tỉnh Hậu Giang, có:",
            "Đồng chí Phạm Văn Giám, Giám đốc Sở Giáo dục và Đào tạo;",
            "Đồng chí Mai Thị Phó, Phó Giám đốc Sở;",
            "Về phía lãnh đạo các phòng, đơn vị thuộc Sở Giáo dục và Đào tạo tỉnh Hậu Giang, có:",
            "Đồng chí Võ Văn Chánh, Chánh Văn phòng Sở;",
            "Đồng chí Tạ Văn Trung, Trưởng phòng Giáo dục Trung học;",
            "Đồng chí Đoàn Văn Trưởng, Trưởng phòng Giáo dục và Đào tạo huyện Châu Thành;",
            "Đồng chí Hồ Văn Hiệu, Hiệu trưởng Trường Trung học phổ thông Vị Thanh;",
            "Cùng toàn thể 3 đồng chí cán bộ quản lý và 2 đồng chí giáo viên về dự hội nghị.",
            "Trân trọng kính mời đồng chí Phạm Văn Giám, Giám đốc Sở Giáo dục và Đào tạo lên phát biểu khai mạc hội nghị.",
            "Xin trân trọng cảm ơn đồng chí Phạm Văn Giám.",
        ],
    );
    for wrong in [
        "Công an",
        "CÔNG AN",
        "SỞ GIÁO DỤC",
        "VĂN PHÒNG",
        "chiến sĩ",
        "PGĐ",
        "TP ",
        "CVP",
        "UBND",
        "GD&ĐT",
        "THPT",
        "…",
    ] {
        assert!(!text.contains(wrong), "«{wrong}» in:\n{text}");
    }
}
