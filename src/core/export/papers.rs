//! The papers after the conference: the minutes (biên bản), the notice of the chair's
//! conclusions (thông báo kết luận), the report on how it went (báo cáo kết quả) — each
//! a document of headings, paragraphs and tables in Decree 30 form — and the follow-up
//! sheet (phiếu chuyển ý kiến): a table of the opinions each unit owes a written
//! answer, a page per unit, with empty columns for the answer.

use std::collections::HashMap;

use jiff::civil::Date;

use super::Options;
use super::build::{Offices, Source, lead, percent, sheet, stt};
use super::sheet::{Align, Block, Cell, Column, Para, Section, Sheet, Signer, TableBlock, col};
use crate::domain::protocol::Ladder;
use crate::domain::{FollowStatus, FollowUpCounts, Handling, Question, Status, date, money};
use crate::error::{Error, Result};
use crate::text::{fold, identity, sort_key};

use Align::{Center as C, Left as L, Right as R};

/// The document's number, left for the clerk (văn thư) to fill in when it is issued.
fn number(kind: &str) -> String {
    format!("Số:          /{kind}")
}

fn count(x: usize) -> Cell {
    Cell::Int(i64::try_from(x).unwrap_or(i64::MAX))
}

fn heading(text: impl Into<String>) -> Block {
    Block::Heading(text.into())
}

fn body(text: impl Into<String>) -> Block {
    Block::Para(Para::body(text))
}

fn table(columns: Vec<Column>, sections: Vec<Section>) -> Block {
    Block::Table(TableBlock { columns, sections })
}

/// "ngày 05 tháng 02 năm 2026" (Decree 30 pads days below 10 and months below 3).
fn long_date(d: Date) -> String {
    let month = if d.month() < 3 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// "08:00", "8h" or "8 giờ" → "08 giờ 00 phút"; anything else stays as typed.
fn spoken_time(t: &str) -> String {
    let t = t.trim();
    let parts: Vec<&str> = t
        .split([':', 'h', 'H', 'g'])
        .map(|p| p.trim().trim_start_matches("iờ").trim())
        .collect();
    let num = |p: &str| p.parse::<u32>().ok();
    match parts.as_slice() {
        [h] | [h, ""] => num(h)
            .filter(|h| *h < 24)
            .map(|h| format!("{h:02} giờ 00 phút")),
        [h, m] => match (num(h), num(m)) {
            (Some(h), Some(m)) if h < 24 && m < 60 => Some(format!("{h:02} giờ {m:02} phút")),
            _ => None,
        },
        _ => None,
    }
    .unwrap_or_else(|| t.to_owned())
}

/// When the sitting began and ended: as the papers' details say, else the programme's
/// first and last items.
fn sitting(src: &Source) -> (String, String) {
    let p = &src.papers;
    let first = src
        .programme
        .iter()
        .map(|i| i.data.start_time.as_str())
        .find(|t| !t.is_empty());
    let last = src
        .programme
        .iter()
        .rev()
        .map(|i| i.data.start_time.as_str())
        .find(|t| !t.is_empty());
    let pick = |typed: &str, fallback: Option<&str>| {
        if typed.is_empty() {
            fallback.map(spoken_time).unwrap_or_default()
        } else {
            spoken_time(typed)
        }
    };
    (pick(&p.began_at, first), pick(&p.ended_at, last))
}

/// The conference's first day.
fn conference_day(src: &Source) -> Option<Date> {
    date::parse(&src.conference.start_date)
}

/// "Ngày 16/11/2026, tại Hội trường …, Hội nghị … đã được tổ chức, do đồng chí …
/// chủ trì": the opening sentence of the notice and the report, as far as the file
/// knows; `title`: with the chair's office.
fn held(src: &Source, title: bool) -> String {
    let mut parts = Vec::new();
    if let Some(d) = conference_day(src) {
        parts.push(format!("Ngày {}", date::display(&d.to_string())));
    }
    let venue = &src.conference.venue;
    if !venue.is_empty() {
        let at = if parts.is_empty() { "Tại" } else { "tại" };
        parts.push(format!("{at} {venue}"));
    }
    parts.push(format!("{} đã được tổ chức", conference_name(src)));
    let p = &src.papers;
    if !p.chair_name.is_empty() {
        parts.push(if title && !p.chair_title.is_empty() {
            format!("do đồng chí {}, {} chủ trì", p.chair_name, p.chair_title)
        } else {
            format!("do đồng chí {} chủ trì", p.chair_name)
        });
    }
    parts.join(", ")
}

/// The conference's name, or a plain one.
fn conference_name(src: &Source) -> String {
    let name = src.conference.name.trim();
    if name.is_empty() {
        "Hội nghị".to_owned()
    } else {
        name.to_owned()
    }
}

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

/// Who raised an opinion, on a unit's sheet: name and unit, or "Ẩn danh".
fn asker(q: &Question) -> String {
    let d = &q.data;
    match (
        d.anonymous,
        d.asker_name.is_empty(),
        d.asker_unit.is_empty(),
    ) {
        (true, _, _) | (false, true, true) => "Ẩn danh".to_owned(),
        (false, false, false) => format!("{}, {}", d.asker_name, d.asker_unit),
        (false, false, true) => d.asker_name.clone(),
        (false, true, false) => d.asker_unit.clone(),
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

/// Opinions by topic in the conference's order of topics (unknown topics last), each
/// topic's opinions by number. `merged`: with the ones merged into another.
fn by_topic(src: &Source, merged: bool) -> Vec<(String, Vec<&Question>)> {
    let mut list: Vec<&Question> = src
        .questions
        .iter()
        .filter(|q| merged || q.data.merged_into.is_none())
        .collect();
    list.sort_by_key(|q| q.data.number);
    let mut order: Vec<(String, Vec<&Question>)> = src
        .topics
        .iter()
        .map(|t| (t.name.clone(), Vec::new()))
        .collect();
    for q in list {
        match order.iter_mut().find(|(name, _)| *name == q.topic) {
            Some(slot) => slot.1.push(q),
            None => order.push((q.topic.clone(), vec![q])),
        }
    }
    order.retain(|(_, l)| !l.is_empty());
    for (name, _) in &mut order {
        if name.is_empty() {
            "Chưa phân loại".clone_into(name);
        }
    }
    order
}

/// Convened, present, excused (absent with a reason), absent without one.
fn attendance(people: &[&crate::domain::Attendee]) -> (usize, usize, usize, usize) {
    let present = people.iter().filter(|a| a.checked_in_at.is_some()).count();
    let excused = people
        .iter()
        .filter(|a| a.checked_in_at.is_none() && a.data.excused)
        .count();
    (
        people.len(),
        present,
        excused,
        people.len() - present - excused,
    )
}

/// The minutes: time and place, who chaired and who kept them, attendance, the
/// programme as it ran, the opinions by topic with the answers, the conclusions; signed
/// by the secretary and the chair.
pub(super) fn minutes(src: &Source) -> Sheet {
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

/// The capacity the chair signs in: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" for a deputy, the
/// office for the head, from the ladder of offices.
fn chair_capacity(src: &Source) -> String {
    let title = src.papers.chair_title.trim();
    if title.is_empty() {
        return "CHỦ TRÌ HỘI NGHỊ".to_owned();
    }
    let ladder = if src.offices.is_empty() {
        Ladder::seed()
    } else {
        Ladder::from_offices(&src.offices)
    };
    let Some(office) = ladder.office_of(title).and_then(|i| ladder.name(i)) else {
        return title.to_uppercase();
    };
    match office.strip_prefix("Phó ") {
        Some(head) => format!("KT. {}\n{}", head.to_uppercase(), office.to_uppercase()),
        None => office.to_uppercase(),
    }
}

/// The "Nơi nhận:" lines: each recipient "- …;", the filing copy ("Lưu: VT") last and
/// ending with a full stop.
fn recipients(src: &Source) -> Vec<String> {
    let mut lines: Vec<String> = src
        .papers
        .recipient_lines()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let filing = |l: &String| fold(l).starts_with("luu");
    let kept: Vec<String> = lines.iter().filter(|l| filing(l)).cloned().collect();
    lines.retain(|l| !filing(l));
    if kept.is_empty() {
        lines.push("Lưu: VT".to_owned());
    } else {
        lines.extend(kept);
    }
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("- {l}{}", if i == last { "." } else { ";" }))
        .collect()
}

/// The opinions owed a written answer, by unit in Vietnamese order (opinions given to
/// no unit last), each unit's by number.
fn by_unit(src: &Source) -> Vec<(String, Vec<&Question>)> {
    let mut units: Vec<(String, Vec<&Question>)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut owed: Vec<&Question> = src
        .questions
        .iter()
        .filter(|q| q.data.is_followed_up())
        .collect();
    owed.sort_by_key(|q| q.data.number);
    for q in owed {
        let unit = &q.data.follow.responsible_unit;
        let key = identity(unit);
        let i = *at.entry(key).or_insert_with(|| {
            units.push((unit.clone(), Vec::new()));
            units.len() - 1
        });
        units[i].1.push(q);
    }
    units.sort_by_cached_key(|(u, _)| {
        if u.is_empty() {
            vec![0xff]
        } else {
            sort_key(u)
        }
    });
    units
}

/// The units given opinions to answer in writing, in Vietnamese order (the export
/// page's choice of unit for the follow-up sheet).
pub fn follow_up_units(questions: &[Question]) -> Vec<String> {
    let src = Source {
        questions: questions.to_vec(),
        ..Source::default()
    };
    by_unit(&src)
        .into_iter()
        .map(|(u, _)| u)
        .filter(|u| !u.is_empty())
        .collect()
}

/// Fails, naming the units that have opinions, when `unit` was given none.
pub(super) fn check_unit(src: &Source, unit: &str) -> Result<()> {
    let units = by_unit(src);
    if units.iter().any(|(u, _)| identity(u) == identity(unit)) {
        return Ok(());
    }
    let known: Vec<&str> = units
        .iter()
        .map(|(u, _)| u.as_str())
        .filter(|u| !u.is_empty())
        .collect();
    Err(Error::NoSuchUnit {
        unit: unit.trim().to_owned(),
        known: if known.is_empty() {
            "chưa có".to_owned()
        } else {
            known.join("; ")
        },
    })
}

/// The notice of the chair's conclusions: the conclusions, then the opinions given to
/// units to answer in writing, by unit; "Nơi nhận" at the bottom left, the chair's
/// signature on the right.
pub(super) fn conclusion(src: &Source) -> Sheet {
    let p = &src.papers;
    let mut s = sheet("THÔNG BÁO", src, Vec::new());
    let chair = if p.chair_title.is_empty() {
        "chủ trì".to_owned()
    } else {
        p.chair_title.clone()
    };
    s.subtitle = format!("Kết luận của đồng chí {chair} tại {}", conference_name(src));
    s.number = Some(number("TB"));
    s.dated = Some(date::today().to_string());
    let mut b = Vec::new();
    b.push(body(format!(
        "{}. Sau khi nghe ý kiến, kiến nghị của đại biểu và ý kiến trả lời của các đơn vị, đồng chí chủ trì hội nghị kết luận như sau:",
        held(src, true)
    )));
    let conclusions = p.conclusion_paragraphs();
    if conclusions.is_empty() {
        b.push(body("(Chưa ghi kết luận.)"));
    }
    b.extend(conclusions.into_iter().map(body));

    let units = by_unit(src);
    if units.is_empty() {
        b.push(body(
            "Các ý kiến, kiến nghị đã được trả lời tại hội nghị; không có ý kiến nào phải trả lời bằng văn bản.",
        ));
    } else {
        let owed: usize = units.iter().map(|(_, l)| l.len()).sum();
        let to = if src.conference.organiser.is_empty() {
            String::new()
        } else {
            format!(
                ", gửi kết quả về {} để tổng hợp, báo cáo",
                src.conference.organiser
            )
        };
        b.push(body(format!(
            "Giao các đơn vị chủ trì nghiên cứu, trả lời bằng văn bản {owed} ý kiến, kiến nghị sau đây trong thời hạn được giao{to}:"
        )));
        let mut rows = Vec::new();
        for (unit, list) in &units {
            let unit = if unit.is_empty() {
                "(Chưa giao)"
            } else {
                unit
            };
            for q in list {
                rows.push(vec![
                    stt(rows.len()),
                    Cell::Int(q.data.number),
                    Cell::text(&q.data.content),
                    Cell::text(unit),
                    q.data
                        .follow
                        .deadline
                        .clone()
                        .map_or(Cell::Blank, Cell::Date),
                ]);
            }
        }
        b.push(table(
            vec![
                col("STT", 8.0, C),
                col("Số", 8.0, C),
                col("Nội dung ý kiến", 80.0, L),
                col("Đơn vị chủ trì giải quyết", 40.0, L).room(36.0),
                col("Thời hạn", 18.0, C),
            ],
            vec![Section {
                rows,
                ..Section::default()
            }],
        ));
    }
    b.push(body(
        "Thông báo để các đơn vị, cá nhân có liên quan biết, thực hiện./.",
    ));
    s.blocks = b;
    s.recipients = recipients(src);
    s.signers = Some([
        Signer::default(),
        Signer {
            title: chair_capacity(src),
            name: p.chair_name.clone(),
        },
    ]);
    s
}

/// The report on how the conference went: attendance by group, opinions by topic and
/// handling, awards and gifts, and the follow-up as it stands today.
pub(super) fn results_report(src: &Source) -> Sheet {
    let today = date::today();
    let mut s = sheet("BÁO CÁO", src, Vec::new());
    s.subtitle = format!(
        "Kết quả tổ chức {}",
        crate::text::lowercase_first(&conference_name(src))
    );
    s.number = Some(number("BC"));
    s.dated = Some(today.to_string());
    let mut b = Vec::new();
    b.push(body(format!("{}. Kết quả như sau:", held(src, false))));

    b.push(heading("I. THÀNH PHẦN, SỐ LƯỢNG ĐẠI BIỂU"));
    let everyone: Vec<&crate::domain::Attendee> = src.attendees.iter().collect();
    let (convened, present, excused, absent) = attendance(&everyone);
    b.push(body(format!(
        "Tổng số đại biểu được triệu tập: {convened} đồng chí; có mặt: {present} đồng chí (đạt {}); vắng: {} đồng chí, trong đó có lý do: {excused} đồng chí, không có lý do: {absent} đồng chí.",
        percent(present, convened),
        convened - present
    )));
    b.extend(attendance_table(src));

    b.push(heading("II. Ý KIẾN, KIẾN NGHỊ CỦA ĐẠI BIỂU"));
    b.extend(opinions_tables(src));

    b.push(heading("III. KHEN THƯỞNG, TẶNG QUÀ"));
    b.extend(awards(src));

    b.push(heading(format!(
        "IV. KẾT QUẢ GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ (tính đến ngày {})",
        date::display(&today.to_string())
    )));
    b.extend(follow_up_state(src, today));

    b.push(body(format!(
        "Trên đây là báo cáo kết quả tổ chức {}./.",
        crate::text::lowercase_first(&conference_name(src))
    )));
    s.blocks = b;
    s.recipients = recipients(src);
    let c = &src.conference;
    s.signers = Some([
        Signer::default(),
        Signer {
            title: c.signer_right_title.clone(),
            name: c.signer_right_name.clone(),
        },
    ]);
    s
}

/// Attendance by group (thành phần), with the total.
fn attendance_table(src: &Source) -> Option<Block> {
    if src.attendees.is_empty() {
        return None;
    }
    let mut groups: Vec<(String, Vec<&crate::domain::Attendee>)> = Vec::new();
    for a in &src.attendees {
        let g = if a.data.group.is_empty() {
            "(Chưa ghi thành phần)"
        } else {
            a.data.group.as_str()
        };
        match groups.iter_mut().find(|(name, _)| name == g) {
            Some(slot) => slot.1.push(a),
            None => groups.push((g.to_owned(), vec![a])),
        }
    }
    groups.sort_by_cached_key(|(g, _)| sort_key(g));
    let row = |first: Cell, name: &str, people: &[&crate::domain::Attendee]| {
        let (convened, present, excused, _) = attendance(people);
        vec![
            first,
            Cell::text(name),
            count(convened),
            count(present),
            count(convened - present),
            count(excused),
            Cell::text(percent(present, convened)),
        ]
    };
    let rows = groups
        .iter()
        .enumerate()
        .map(|(i, (g, people))| row(stt(i), g, people))
        .collect();
    let everyone: Vec<&crate::domain::Attendee> = src.attendees.iter().collect();
    Some(table(
        vec![
            col("STT", 8.0, C),
            col("Thành phần", 50.0, L),
            col("Triệu tập", 14.0, R),
            col("Có mặt", 14.0, R),
            col("Vắng", 14.0, R),
            col("Vắng có lý do", 14.0, R),
            col("Tỷ lệ có mặt", 14.0, R),
        ],
        vec![Section {
            rows,
            total: Some(row(Cell::Blank, "Tổng cộng", &everyone)),
            ..Section::default()
        }],
    ))
}

/// The handlings the report counts, in its columns' order.
const HANDLINGS: [Handling; 5] = [
    Handling::AnsweredInHall,
    Handling::InWriting,
    Handling::ToUnit,
    Handling::Noted,
    Handling::Undecided,
];

/// How many opinions were raised, merged and withdrawn, and a cross table of the rest:
/// topics down, handlings across.
fn opinions_tables(src: &Source) -> Vec<Block> {
    let all = src.questions.len();
    if all == 0 {
        return vec![body("Không có ý kiến, kiến nghị nào.")];
    }
    let merged = src
        .questions
        .iter()
        .filter(|q| q.data.merged_into.is_some())
        .count();
    let withdrawn = src
        .questions
        .iter()
        .filter(|q| q.data.merged_into.is_none() && q.data.status == Status::Withdrawn)
        .count();
    let topics: Vec<(String, Vec<&Question>)> = by_topic(src, false)
        .into_iter()
        .map(|(t, l)| {
            let kept = l
                .into_iter()
                .filter(|q| q.data.status != Status::Withdrawn)
                .collect::<Vec<_>>();
            (t, kept)
        })
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let counted: usize = topics.iter().map(|(_, l)| l.len()).sum();
    let mut raised = vec![format!("Đại biểu nêu {all} ý kiến, kiến nghị")];
    if merged > 0 {
        raised.push(format!(
            "trong đó {merged} ý kiến trùng nội dung đã được gộp"
        ));
    }
    if withdrawn > 0 {
        raised.push(format!("{withdrawn} ý kiến người nêu rút lại"));
    }
    let sentence = format!(
        "{}; {counted} nội dung được tổng hợp theo lĩnh vực và cách xử lý như sau:",
        raised.join(", ")
    );
    let handled = |list: &[&Question], h: Handling| {
        list.iter().filter(|q| q.data.follow.handling == h).count()
    };
    let everything: Vec<&Question> = topics.iter().flat_map(|(_, l)| l.iter().copied()).collect();
    // A handling no opinion had is left out, but for the usual three.
    let shown: Vec<Handling> = HANDLINGS
        .into_iter()
        .filter(|h| {
            matches!(
                h,
                Handling::AnsweredInHall | Handling::InWriting | Handling::ToUnit
            ) || handled(&everything, *h) > 0
        })
        .collect();
    let mut columns = vec![col("STT", 8.0, C), col("Lĩnh vực", 50.0, L).room(45.0)];
    columns.extend(shown.iter().map(|h| col(h.vi(), 14.0, R).room(17.0)));
    columns.push(col("Tổng số", 12.0, R).room(14.0));
    let row = |first: Cell, name: &str, list: &[&Question]| {
        let mut r = vec![first, Cell::text(name)];
        r.extend(shown.iter().map(|h| count(handled(list, *h))));
        r.push(count(list.len()));
        r
    };
    let rows = topics
        .iter()
        .enumerate()
        .map(|(i, (t, l))| row(stt(i), t, l))
        .collect();
    vec![
        body(sentence),
        table(
            columns,
            vec![Section {
                rows,
                total: Some(row(Cell::Blank, "Tổng cộng", &everything)),
                ..Section::default()
            }],
        ),
    ]
}

/// Commendations by kind and gifts with their total in figures and in words.
fn awards(src: &Source) -> Vec<Block> {
    let mut b = Vec::new();
    let list = &src.commendations;
    if list.is_empty() {
        b.push(body("- Khen thưởng: không có."));
    } else {
        let mut kinds: Vec<(String, usize)> = Vec::new();
        for c in list {
            match kinds.iter_mut().find(|k| k.0 == c.data.kind) {
                Some(k) => k.1 += 1,
                None => kinds.push((c.data.kind.clone(), 1)),
            }
        }
        let collective = list.iter().filter(|c| c.data.collective).count();
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        b.push(body(format!(
            "- Khen thưởng: {} trường hợp được khen thưởng ({}), gồm {} cá nhân và {collective} tập thể.",
            list.len(),
            kinds.join(", "),
            list.len() - collective
        )));
    }
    let gifts = &src.gifts;
    if gifts.is_empty() {
        b.push(body("- Tặng quà: không có."));
    } else {
        let total: i64 = gifts.iter().map(|g| g.data.value_vnd).sum();
        let handed = gifts
            .iter()
            .filter(|g| g.data.handed_over_at.is_some())
            .count();
        b.push(body(format!(
            "- Tặng quà: {} suất quà cho các đồng chí có hoàn cảnh khó khăn (đã trao {handed} suất), tổng giá trị {} đồng (Bằng chữ: {}).",
            gifts.len(),
            money::format_vnd(total),
            money::vnd_in_words(total)
        )));
    }
    b
}

/// The follow-up on `today`: counts, a table by unit, and the overdue opinions named.
fn follow_up_state(src: &Source, today: Date) -> Vec<Block> {
    let c = FollowUpCounts::of(&src.questions, today);
    let units = by_unit(src);
    let in_progress = units
        .iter()
        .flat_map(|(_, l)| l.iter())
        .filter(|q| q.data.follow.status == FollowStatus::InProgress)
        .count();
    let in_progress = i64::try_from(in_progress).unwrap_or(0);
    let mut b = vec![body(format!(
        "Số ý kiến, kiến nghị phải trả lời bằng văn bản: {}; đã giải quyết: {}; chưa hoàn thành: {} (đang giải quyết: {in_progress}, chưa giải quyết: {}); quá hạn: {}. Ngoài ra, {} ý kiến đã được trả lời trực tiếp tại hội nghị, {} ý kiến được ghi nhận, tiếp thu.",
        c.to_answer,
        c.done,
        c.open,
        c.open - in_progress,
        c.overdue,
        c.answered_in_hall,
        c.noted
    ))];
    if units.is_empty() {
        return b;
    }
    let row = |first: Cell, name: &str, list: &[&Question]| {
        let with = |st: FollowStatus| list.iter().filter(|q| q.data.follow.status == st).count();
        vec![
            first,
            Cell::text(name),
            count(list.len()),
            count(with(FollowStatus::Done)),
            count(with(FollowStatus::InProgress)),
            count(with(FollowStatus::Open)),
            count(
                list.iter()
                    .filter(|q| q.data.follow.is_overdue(today))
                    .count(),
            ),
        ]
    };
    let rows = units
        .iter()
        .enumerate()
        .map(|(i, (u, l))| row(stt(i), if u.is_empty() { "(Chưa giao)" } else { u }, l))
        .collect();
    let everything: Vec<&Question> = units.iter().flat_map(|(_, l)| l.iter().copied()).collect();
    b.push(table(
        vec![
            col("STT", 8.0, C),
            col("Đơn vị chủ trì giải quyết", 50.0, L),
            col("Được giao", 14.0, R),
            col("Đã giải quyết", 14.0, R),
            col("Đang giải quyết", 14.0, R),
            col("Chưa giải quyết", 14.0, R),
            col("Quá hạn", 12.0, R),
        ],
        vec![Section {
            rows,
            total: Some(row(Cell::Blank, "Tổng cộng", &everything)),
            ..Section::default()
        }],
    ));
    let mut overdue: Vec<&Question> = everything
        .iter()
        .copied()
        .filter(|q| q.data.follow.is_overdue(today))
        .collect();
    overdue.sort_by_key(|q| q.data.number);
    if !overdue.is_empty() {
        b.push(body(format!(
            "Các ý kiến, kiến nghị quá hạn chưa được giải quyết ({}):",
            overdue.len()
        )));
        let rows = overdue
            .iter()
            .map(|q| {
                let f = &q.data.follow;
                vec![
                    Cell::Int(q.data.number),
                    Cell::text(&q.data.content),
                    Cell::text(&f.responsible_unit),
                    f.deadline.clone().map_or(Cell::Blank, Cell::Date),
                    Cell::Int(f.days_overdue(today)),
                ]
            })
            .collect();
        b.push(table(
            vec![
                col("Số", 8.0, C),
                col("Nội dung ý kiến", 70.0, L),
                col("Đơn vị chủ trì", 40.0, L).room(34.0),
                col("Thời hạn", 18.0, C),
                col("Số ngày quá hạn", 14.0, R),
            ],
            vec![Section {
                rows,
                ..Section::default()
            }],
        ));
    }
    b
}

/// What a unit writes in the status column, offered in its spreadsheet.
const STATUSES: [&str; 3] = [
    FollowStatus::Open.vi(),
    FollowStatus::InProgress.vi(),
    FollowStatus::Done.vi(),
];

/// The follow-up sheet: a page (a worksheet) per unit with the opinions it owes a
/// written answer, their id for the import of answers, and the answer's columns, empty
/// or as already answered (a sheet sent twice comes back whole).
pub(super) fn follow_up(src: &Source, opts: &Options) -> Sheet {
    let mut s = sheet(
        "PHIẾU CHUYỂN Ý KIẾN, KIẾN NGHỊ",
        src,
        vec![
            col("Mã", 4.0, L).data_only().xlsx_chars(12),
            col("Số", 8.0, C),
            col("Nội dung ý kiến", 80.0, L).room(60.0).xlsx_chars(60),
            col("Người/đơn vị hỏi", 30.0, L).room(34.0).xlsx_chars(28),
            col("Thời hạn", 16.0, C).xlsx_chars(12),
            col("Nội dung trả lời", 40.0, L).room(50.0).xlsx_chars(50),
            col("Số văn bản", 14.0, C).room(22.0).xlsx_chars(16),
            col("Ngày văn bản", 14.0, C).room(22.0).xlsx_chars(13),
            col("Tình trạng", 14.0, C)
                .room(22.0)
                .xlsx_chars(18)
                .choices(&STATUSES),
        ],
    );
    "Danh sách ý kiến cần trả lời".clone_into(&mut s.subtitle);
    s.landscape = true;
    s.page_per_section = true;
    s.sheet_per_section = true;
    s.min_row_mm = 12.0;
    s.dated = Some(date::today().to_string());
    let day = conference_day(src)
        .map(|d| format!(", ngày {}", date::display(&d.to_string())))
        .unwrap_or_default();
    s.intro = vec![
        format!("Ý kiến, kiến nghị của đại biểu tại {}{day}.", conference_name(src)),
        "Đề nghị đơn vị ghi nội dung trả lời, số và ngày văn bản trả lời, tình trạng (Chưa giải quyết, Đang giải quyết, Đã giải quyết) vào các cột để trống và gửi lại trước thời hạn (tệp Excel: giữ nguyên cột Mã).".to_owned(),
    ];
    let wanted = opts.unit.as_deref().map(identity);
    let numbers: HashMap<&str, i64> = src
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.data.number))
        .collect();
    let mut others: HashMap<&str, Vec<i64>> = HashMap::new();
    for q in &src.questions {
        if let Some(main) = &q.data.merged_into
            && numbers.contains_key(main.as_str())
        {
            others.entry(main.as_str()).or_default().push(q.data.number);
        }
    }
    for (unit, list) in by_unit(src) {
        if wanted.as_ref().is_some_and(|w| *w != identity(&unit)) {
            continue;
        }
        let rows = list
            .iter()
            .map(|q| {
                let f = &q.data.follow;
                let mut who = asker(q);
                if let Some(more) = others.get(q.id.as_str()) {
                    let mut more = more.clone();
                    more.sort_unstable();
                    let more: Vec<String> = more.iter().map(ToString::to_string).collect();
                    who = format!("{who}; cùng ý kiến: số {}", more.join(", "));
                }
                let answered = f.status != FollowStatus::Open
                    || !f.written_answer.is_empty()
                    || !f.answer_doc_no.is_empty();
                vec![
                    Cell::text(&q.id),
                    Cell::Int(q.data.number),
                    Cell::text(&q.data.content),
                    Cell::text(who),
                    f.deadline.clone().map_or(Cell::Blank, Cell::Date),
                    Cell::text(&f.written_answer),
                    Cell::text(&f.answer_doc_no),
                    f.answer_doc_date.clone().map_or(Cell::Blank, Cell::Date),
                    if answered {
                        Cell::text(f.status.vi())
                    } else {
                        Cell::Blank
                    },
                ]
            })
            .collect();
        let name = if unit.is_empty() {
            "(Chưa giao đơn vị)".to_owned()
        } else {
            unit
        };
        s.sections.push(Section {
            heading: Some(format!("Đơn vị chủ trì giải quyết: {name}")),
            footer: Some(format!("Đơn vị có {} ý kiến cần trả lời.", list.len())),
            rows,
            total: None,
        });
    }
    if s.sections.is_empty() {
        s.sections.push(Section {
            footer: Some("Chưa có ý kiến nào phải trả lời bằng văn bản.".to_owned()),
            ..Section::default()
        });
    }
    s.signers = Some([
        Signer {
            title: "NGƯỜI LẬP PHIẾU".into(),
            name: src.conference.signer_left_name.clone(),
        },
        Signer {
            title: "THỦ TRƯỞNG ĐƠN VỊ GIẢI QUYẾT".into(),
            name: String::new(),
        },
    ]);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_out_as_the_minutes_say_them() {
        assert_eq!(spoken_time("08:00"), "08 giờ 00 phút");
        assert_eq!(spoken_time("7h30"), "07 giờ 30 phút");
        assert_eq!(spoken_time("11"), "11 giờ 00 phút");
        assert_eq!(spoken_time("buổi sáng"), "buổi sáng");
        assert_eq!(spoken_time("25:00"), "25:00");
    }

    #[test]
    fn recipients_end_with_the_filing_copy_and_a_full_stop() {
        let mut src = Source::default();
        src.papers.recipients =
            "Lưu: VT, PX03\nĐồng chí Giám đốc (để báo cáo);\n- Các phòng".into();
        assert_eq!(
            recipients(&src),
            [
                "- Đồng chí Giám đốc (để báo cáo);",
                "- Các phòng;",
                "- Lưu: VT, PX03."
            ]
        );
        src.papers.recipients = String::new();
        assert_eq!(recipients(&src), ["- Lưu: VT."]);
    }

    #[test]
    fn a_deputy_signs_for_the_head() {
        let mut src = Source::default();
        src.papers.chair_title = "Phó Giám đốc Công an tỉnh".into();
        assert_eq!(chair_capacity(&src), "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
        src.papers.chair_title = "Giám đốc Công an tỉnh".into();
        assert_eq!(chair_capacity(&src), "GIÁM ĐỐC");
    }
}
