//! Word documents made the way offices make their attendee lists: a title, a table with
//! a unit cell merged down over its people and group rows spanning the table, a count
//! row, the place and date, and the signatures in a borderless table underneath.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};

/// One paragraph of text.
pub fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// A cell holding one paragraph.
pub fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(text))
}

/// A cell spanning `n` columns.
pub fn span(text: &str, n: usize) -> TableCell {
    cell(text).grid_span(n)
}

/// The first cell of a merge down, its text in several paragraphs.
pub fn merged(paragraphs: &[&str]) -> TableCell {
    paragraphs
        .iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(para(p)))
        .vertical_merge(VMergeType::Restart)
}

/// A cell under a merge's first cell.
pub fn under() -> TableCell {
    TableCell::new()
        .add_paragraph(Paragraph::new())
        .vertical_merge(VMergeType::Continue)
}

/// Writes a document.
pub fn write(path: &Path, doc: Docx) {
    let file = std::fs::File::create(path).unwrap();
    doc.build().pack(file).unwrap();
}

/// One person of [`attendee_list`] as it should be stored, and the table row it is on.
pub struct Expected {
    pub name: &'static str,
    pub unit: &'static str,
    pub group: &'static str,
    pub row: usize,
}

/// The people of [`attendee_list`].
pub const PEOPLE: [Expected; 8] = [
    Expected {
        name: "Nguyễn Thanh Tràng",
        unit: "Công an tỉnh Hậu Giang",
        group: "Lãnh đạo",
        row: 3,
    },
    Expected {
        name: "Lê Văn Hùng",
        unit: "Phòng Tham mưu",
        group: "Lãnh đạo",
        row: 4,
    },
    Expected {
        name: "Trần Thị Mai",
        unit: "Phòng Tham mưu",
        group: "Lãnh đạo",
        row: 5,
    },
    Expected {
        name: "Phạm Văn Lâm",
        unit: "Đảng ủy xã Long Trị",
        group: "Khách mời",
        row: 7,
    },
    Expected {
        name: "Huỳnh Thị Thu",
        unit: "Đảng ủy xã Long Trị",
        group: "Khách mời",
        row: 8,
    },
    Expected {
        name: "Đặng Thị Hường",
        unit: "Công an xã Long Trị",
        group: "CBCS Công an xã",
        row: 11,
    },
    Expected {
        name: "Võ Văn Tâm",
        unit: "Công an xã Long Trị",
        group: "CBCS Công an xã",
        row: 12,
    },
    Expected {
        name: "Nguyễn Thanh Thúy",
        unit: "Công an xã Vị Bình",
        group: "CBCS Công an xã",
        row: 14,
    },
];

/// The list as an office types it in Word, every text of the table passed through
/// `typed` (an old font's encoding, or as it is). Nguyễn Thanh Thúy's year of birth on
/// table row 14 is mistyped ("19x0").
pub fn attendee_list(typed: &dyn Fn(&str) -> String) -> Docx {
    let t = |s: &str| typed(s);
    let row = |stt: &str, name: &str, year: &str, position: &str, unit: TableCell| {
        TableRow::new(vec![
            cell(stt),
            cell(&t(name)),
            cell(year),
            cell(&t(position)),
            unit,
            cell(""),
        ])
    };
    let heading = |text: &str| TableRow::new(vec![span(&t(text), 6)]);
    let unit_heading = |text: &str| TableRow::new(vec![cell(""), span(&t(text), 5)]);
    let list = Table::new(vec![
        TableRow::new(
            [
                "STT",
                "Họ và tên",
                "Năm sinh",
                "Chức vụ",
                "Đơn vị",
                "Ghi chú",
            ]
            .iter()
            .map(|h| cell(h))
            .collect(),
        ),
        heading("I. Lãnh đạo"),
        row(
            "1",
            "Nguyễn Thanh Tràng",
            "1970",
            "Phó Giám đốc",
            cell(&t("Công an tỉnh Hậu Giang")),
        ),
        row(
            "2",
            "Lê Văn Hùng",
            "1975",
            "Trưởng phòng",
            merged(&[&t("Phòng Tham mưu")]),
        ),
        row("3", "Trần Thị Mai", "1980", "Phó Trưởng phòng", under()),
        heading("II. Khách mời"),
        row(
            "4",
            "Phạm Văn Lâm",
            "1968",
            "Bí thư Đảng ủy",
            merged(&[&t("Đảng ủy"), &t("xã Long Trị")]),
        ),
        row("5", "Huỳnh Thị Thu", "1972", "Chủ tịch UBND", under()),
        heading("III. CBCS Công an xã"),
        unit_heading("1. Công an xã Long Trị"),
        row("6", "Đặng Thị Hường", "1995", "Cán bộ", cell("")),
        row("7", "Võ Văn Tâm", "1990", "Phó Trưởng Công an xã", cell("")),
        unit_heading("2. Công an xã Vị Bình"),
        row(
            "8",
            "Nguyễn Thanh Thúy",
            "19x0",
            "Trưởng Công an xã",
            cell(""),
        ),
        heading("Tổng cộng: 8 đồng chí"),
    ])
    .set_grid(vec![600, 2400, 900, 2200, 2400, 900]);
    let signatures = Table::new(vec![
        TableRow::new(vec![cell("NGƯỜI LẬP BIỂU"), cell("THỦ TRƯỞNG ĐƠN VỊ")]),
        TableRow::new(vec![
            cell("(Ký, ghi rõ họ tên)"),
            cell("(Ký, ghi rõ họ tên, đóng dấu)"),
        ]),
        TableRow::new(vec![cell(""), cell("")]),
        TableRow::new(vec![cell("Nguyễn Văn Lập"), cell("Đại tá Trần Văn Bình")]),
    ])
    .clear_all_border();
    Docx::new()
        .add_paragraph(para("CÔNG AN TỈNH HẬU GIANG"))
        .add_paragraph(para("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ ĐỐI THOẠI"))
        .add_table(list)
        .add_paragraph(para("Hậu Giang, ngày 26 tháng 11 năm 2026"))
        .add_table(signatures)
}
