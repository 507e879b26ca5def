//! The follow-up sheet sent to each unit (phiếu chuyển ý kiến, kiến nghị).

use std::collections::HashMap;

use super::{by_unit, conference_day, conference_name};
use crate::domain::{FollowStatus, Question, date};
use crate::export::Options;
use crate::export::build::{Source, sheet};
use crate::export::sheet::{Align, Cell, Section, Sheet, Signer, col};
use crate::text::identity;

use Align::{Center as C, Left as L};

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

/// What a unit writes in the status column, offered in its spreadsheet.
const STATUSES: [&str; 3] = [
    FollowStatus::Open.vi(),
    FollowStatus::InProgress.vi(),
    FollowStatus::Done.vi(),
];

/// The follow-up sheet: a page (a worksheet) per unit with the opinions it owes a
/// written answer, their id for the import of answers, and the answer's columns, empty
/// or as already answered (a sheet sent twice comes back whole).
pub(in crate::export) fn follow_up(src: &Source, opts: &Options) -> Sheet {
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
