//! The minutes (biên bản hội nghị).

use std::collections::HashMap;

use super::{
    attendance, body, by_topic, conference_day, conference_name, heading, long_date, number,
    sitting, table,
};
use crate::domain::{Handling, Question, Status, date};
use crate::export::build::{Offices, Source, lead, sheet};
use crate::export::sheet::{Align, Cell, Section, Sheet, Signer, col};

use Align::{Center as C, Left as L};

/// Who raised an opinion, in the minutes: the unit, or "Ẩn danh".
fn asker_unit(q: &Question) -> String {
    let d = &q.data;
    if d.anonymous {
        "Ẩn danh".to_owned()
    } else if !d.asker_unit.is_empty() {
        d.asker_unit.clone()
    } else if !d.asker_name.is_empty() {
        d.asker_name.clone()
    } else {
        "Không ghi".to_owned()
    }
}

/// How an opinion goes to writing: "Chuyển đơn vị giải quyết (Phòng Tổ chức cán bộ
/// chủ trì, thời hạn 16/12/2026)."
fn assignment(q: &Question) -> String {
    let f = &q.data.follow;
    let mut detail = Vec::new();
    if !f.responsible_unit.is_empty() {
        detail.push(format!("{} chủ trì", f.responsible_unit));
    }
    if let Some(d) = &f.deadline {
        detail.push(format!("thời hạn {}", date::display(d)));
    }
    if detail.is_empty() {
        format!("{}.", f.handling.vi())
    } else {
        format!("{} ({}).", f.handling.vi(), detail.join(", "))
    }
}

/// The answer an opinion was given, in the minutes: the answer in the hall, and where a
/// written answer is owed, who gives it and by when.
fn answer_given(q: &Question, numbers: &HashMap<&str, i64>) -> String {
    let d = &q.data;
    if let Some(main) = &d.merged_into {
        return numbers.get(main.as_str()).map_or_else(
            || "Trùng nội dung với ý kiến khác, trả lời chung.".to_owned(),
            |n| format!("Trùng nội dung với ý kiến số {n}, trả lời chung."),
        );
    }
    if d.status == Status::Withdrawn {
        return "Người nêu rút ý kiến.".to_owned();
    }
    let mut parts = Vec::new();
    if !d.answer.is_empty() {
        parts.push(d.answer.clone());
    }
    if d.follow.handling.needs_answer() {
        parts.push(assignment(q));
    } else if parts.is_empty() {
        parts.push(match d.follow.handling {
            Handling::AnsweredInHall => "Đã trả lời trực tiếp tại hội nghị.".to_owned(),
            Handling::Noted => "Ghi nhận, tiếp thu.".to_owned(),
            Handling::Undecided | Handling::InWriting | Handling::ToUnit => {
                format!("{}.", d.status.vi())
            }
        });
    }
    parts.join("\n")
}

/// The minutes: time and place, who chaired and who kept them, attendance, the
/// programme as it ran, the opinions by topic with the answers, the conclusions; signed
/// by the secretary and the chair.
pub(in crate::export) fn minutes(src: &Source) -> Sheet {
    let p = &src.papers;
    let mut s = sheet("BIÊN BẢN", src, Vec::new());
    s.subtitle = conference_name(src);
    s.number = Some(number("BB"));
    let mut b = Vec::new();

    b.push(heading("I. THỜI GIAN, ĐỊA ĐIỂM"));
    let (began, ended) = sitting(src);
    let day = conference_day(src).map(long_date);
    let time = match (began.is_empty(), ended.is_empty()) {
        (false, false) => format!("từ {began} đến {ended}"),
        (false, true) => format!("bắt đầu lúc {began}"),
        (true, false) => format!("kết thúc lúc {ended}"),
        (true, true) => String::new(),
    };
    let time = [time, day.unwrap_or_default()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    b.push(body(format!(
        "- Thời gian: {}.",
        if time.is_empty() {
            "……………"
        } else {
            &time
        }
    )));
    let venue = &src.conference.venue;
    b.push(body(format!(
        "- Địa điểm: {}.",
        if venue.is_empty() {
            "……………"
        } else {
            venue
        }
    )));

    b.push(heading("II. THÀNH PHẦN THAM DỰ"));
    let person = |name: &str, title: &str| match (name.is_empty(), title.is_empty()) {
        (true, true) => "……………".to_owned(),
        (false, true) => format!("đồng chí {name}"),
        (true, false) => format!("đồng chí {title}"),
        (false, false) => format!("đồng chí {name}, {title}"),
    };
    b.push(body(format!(
        "- Chủ trì hội nghị: {}.",
        person(&p.chair_name, &p.chair_title)
    )));
    b.push(body(format!(
        "- Thư ký hội nghị: {}.",
        person(&p.secretary_name, &p.secretary_title)
    )));
    let people: Vec<&crate::domain::Attendee> = src.attendees.iter().collect();
    let (convened, present, excused, absent) = attendance(&people);
    b.push(body(format!(
        "- Đại biểu: số đại biểu được triệu tập: {convened} đồng chí; có mặt: {present} đồng chí; vắng có lý do: {excused} đồng chí; vắng không có lý do: {absent} đồng chí."
    )));

    b.push(heading("III. NỘI DUNG HỘI NGHỊ"));
    b.push(heading("1. Chương trình hội nghị"));
    if src.programme.is_empty() {
        b.push(body("(Chưa ghi chương trình hội nghị.)"));
    } else {
        let offices = Offices::of(src);
        let rows = src
            .programme
            .iter()
            .map(|item| {
                vec![
                    Cell::text(&item.data.start_time),
                    Cell::text(&item.data.title),
                    Cell::text(lead(src, &offices, item)),
                ]
            })
            .collect();
        b.push(table(
            vec![
                col("Thời gian", 14.0, C),
                col("Nội dung", 60.0, L),
                col("Người thực hiện", 45.0, L),
            ],
            vec![Section {
                rows,
                ..Section::default()
            }],
        ));
    }

    b.push(heading(
        "2. Ý kiến, kiến nghị của đại biểu và nội dung trả lời",
    ));
    let topics = by_topic(src, true);
    let numbers: HashMap<&str, i64> = src
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.data.number))
        .collect();
    if topics.is_empty() {
        b.push(body("Không có ý kiến, kiến nghị nào."));
    } else {
        b.push(body(format!(
            "Tại hội nghị có {} ý kiến, kiến nghị thuộc {} lĩnh vực; nội dung và trả lời như sau:",
            src.questions.len(),
            topics.len()
        )));
        let sections = topics
            .iter()
            .enumerate()
            .map(|(i, (name, list))| Section {
                heading: Some(format!("{}. {name} ({} ý kiến)", i + 1, list.len())),
                rows: list
                    .iter()
                    .map(|q| {
                        vec![
                            Cell::Int(q.data.number),
                            Cell::text(asker_unit(q)),
                            Cell::text(&q.data.content),
                            Cell::text(answer_given(q, &numbers)),
                        ]
                    })
                    .collect(),
                ..Section::default()
            })
            .collect();
        b.push(table(
            vec![
                col("Số", 9.0, C),
                col("Đơn vị người nêu", 30.0, L).room(28.0),
                col("Nội dung ý kiến, kiến nghị", 70.0, L),
                col("Trả lời, hướng xử lý", 55.0, L),
            ],
            sections,
        ));
    }

    b.push(heading("IV. KẾT LUẬN CỦA CHỦ TRÌ HỘI NGHỊ"));
    let conclusions = p.conclusion_paragraphs();
    if conclusions.is_empty() {
        b.push(body("(Chưa ghi kết luận.)"));
    }
    b.extend(conclusions.into_iter().map(body));
    b.push(body(if ended.is_empty() {
        "Biên bản được lập xong cùng ngày./.".to_owned()
    } else {
        format!("Hội nghị kết thúc lúc {ended} cùng ngày./.")
    }));
    s.blocks = b;
    s.signers = Some([
        Signer {
            title: "THƯ KÝ".into(),
            name: p.secretary_name.clone(),
        },
        Signer {
            title: "CHỦ TRÌ".into(),
            name: p.chair_name.clone(),
        },
    ]);
    s
}
