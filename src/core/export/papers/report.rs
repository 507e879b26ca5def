//! The report on how the conference went (báo cáo kết quả tổ chức hội nghị).

use jiff::civil::Date;

use super::{
    attendance, body, by_topic, by_unit, conference_name, count, heading, held, number, recipients,
    table,
};
use crate::domain::{FollowStatus, FollowUpCounts, Handling, Question, Status, date, money};
use crate::export::build::{Source, percent, sheet, stt};
use crate::export::sheet::{Align, Block, Cell, Section, Sheet, Signer, col};
use crate::text::sort_key;

use Align::{Center as C, Left as L, Right as R};

/// The report on how the conference went: attendance by group, opinions by topic and
/// handling, awards and gifts, and the follow-up as it stands today.
pub(in crate::export) fn results_report(src: &Source) -> Sheet {
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
