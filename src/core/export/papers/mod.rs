//! The papers after the conference: the minutes (biên bản), the notice of the chair's
//! conclusions (thông báo kết luận), the report on how it went (báo cáo kết quả) — each
//! a document of headings, paragraphs and tables in Decree 30 form — and the follow-up
//! sheet (phiếu chuyển ý kiến): a table of the opinions each unit owes a written
//! answer, a page per unit, with empty columns for the answer.

use std::collections::HashMap;

use jiff::civil::Date;

use super::build::Source;
use super::sheet::{Block, Cell, Column, Para, Section, TableBlock};
use crate::domain::protocol::Ladder;
use crate::domain::{Question, date};
use crate::error::{Error, Result};
use crate::text::{fold, identity, sort_key};

mod conclusion;
mod follow_up;
mod minutes;
mod report;

pub(super) use conclusion::conclusion;
pub(super) use follow_up::follow_up;
pub(super) use minutes::minutes;
pub(super) use report::results_report;

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
