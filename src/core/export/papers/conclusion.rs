//! The notice of the chair's conclusions (thông báo kết luận).

use super::{body, by_unit, chair_capacity, conference_name, held, number, recipients, table};
use crate::domain::date;
use crate::export::build::{Source, sheet, stt};
use crate::export::sheet::{Align, Cell, Section, Sheet, Signer, col};

use Align::{Center as C, Left as L};

/// The notice of the chair's conclusions: the conclusions, then the opinions given to
/// units to answer in writing, by unit; "Nơi nhận" at the bottom left, the chair's
/// signature on the right.
pub(in crate::export) fn conclusion(src: &Source) -> Sheet {
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
