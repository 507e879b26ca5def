//! The papers after the conference (issue 23), read back the way an office would: the
//! PDF through `pdftotext`, the Word file's text from its XML and its tables through a
//! Word reader, the follow-up spreadsheet with calamine, the command line by its exit
//! code and the files it leaves. Every figure is checked against the store's own count.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader as _};
use hoinghi::domain::{Question, date, money};
use hoinghi::export::{
    Block, Format, ListKind, Options, Source, build, document_table_layout, export, render,
};
use hoinghi::store::Store;

/// The sample conference, with a few of those absent excused (the sample has none, and
/// excused and absent must not be mixed up).
fn sample() -> Store {
    let store = common::demo_store();
    let away: Vec<String> = store
        .attendees()
        .unwrap()
        .into_iter()
        .filter(|a| a.checked_in_at.is_none())
        .take(7)
        .map(|a| a.id)
        .collect();
    for id in &away {
        store.set_excused(id, true, "Đi công tác").unwrap();
    }
    store
}

fn pdf_text(path: &Path, layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Text without line breaks or repeated spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words a PDF prints in the column headed `header` of one of the document's
/// tables, page by page and line by line: the column's cells read down, each cell whole
/// (pdftotext's own reading order runs across a row's cells).
fn pdf_column(store: &Store, kind: ListKind, header: &str, pdf: &Path) -> String {
    let src = Source::load(store).unwrap();
    let sheet = build(&src, kind, &Options::default());
    let table = sheet
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.columns.iter().any(|c| c.header == header) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table with a column {header}"));
    let widths = document_table_layout(table).unwrap();
    let at = table
        .columns
        .iter()
        .position(|c| c.header == header)
        .unwrap();
    // The text block starts 30 mm from the page's left edge.
    let pt = |mm: f32| f64::from(mm) * 72.0 / 25.4;
    let left = pt(30.0 + widths[..at].iter().sum::<f32>());
    let right = left + pt(widths[at]);
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    let html = String::from_utf8(out.stdout).unwrap();
    let attr = |w: &str, name: &str| -> f64 {
        let from = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[from..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words: Vec<(usize, i64, f64, String)> = Vec::new();
    for (page, body) in html.split("<page ").skip(1).enumerate() {
        for w in body.split("<word ").skip(1) {
            let x = attr(w, "xMin");
            if x <= left || x >= right {
                continue;
            }
            #[allow(clippy::cast_possible_truncation, reason = "points on a page")]
            let y = (attr(w, "yMin") * 10.0).round() as i64;
            let text = w.split('>').nth(1).unwrap().trim_end_matches("</word");
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            words.push((page, y, x, text));
        }
    }
    words.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
    words.into_iter().map(|w| w.3).collect::<Vec<_>>().join(" ")
}

/// A list written to `dir` as `name`; its path.
fn write(
    store: &Store,
    kind: ListKind,
    opts: &Options,
    dir: &Path,
    name: &str,
) -> std::path::PathBuf {
    let src = Source::load(store).unwrap();
    let path = dir.join(name);
    export(&src, kind, opts, &path, &mut |_, _| true).unwrap();
    path
}

/// A Word file's paragraphs as text, in order (table cells included).
fn docx_paragraphs(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            for run in p.split("<w:t").skip(1) {
                let Some(start) = run.find('>') else { continue };
                let Some(end) = run.find("</w:t>") else {
                    continue;
                };
                text.push_str(&run[start + 1..end]);
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Convened, present, excused, absent without a reason, from the store.
fn attendance(store: &Store) -> (usize, usize, usize, usize) {
    let people = store.attendees().unwrap();
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

/// The opinions owed a written answer, by the unit that answers them.
fn owed_by_unit(store: &Store) -> BTreeMap<String, Vec<Question>> {
    let mut units: BTreeMap<String, Vec<Question>> = BTreeMap::new();
    for q in store.questions().unwrap() {
        if q.data.is_followed_up() {
            units
                .entry(q.data.follow.responsible_unit.clone())
                .or_default()
                .push(q);
        }
    }
    units
}

#[test]
#[cfg_attr(windows, ignore = "reads PDFs with poppler's pdftotext, a Linux tool")]
fn minutes_hold_every_opinion_and_the_desk_s_attendance() {
    let store = sample();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        &store,
        ListKind::Minutes,
        &Options::default(),
        dir.path(),
        "bb.pdf",
    );
    let layout = pdf_text(&pdf, true);
    let text = flat(&layout);
    let (convened, present, excused, absent) = attendance(&store);
    assert!(excused > 0 && absent > 0);
    let line = format!(
        "số đại biểu được triệu tập: {convened} đồng chí; có mặt: {present} đồng chí; vắng có lý do: {excused} đồng chí; vắng không có lý do: {absent} đồng chí."
    );
    assert!(text.contains(&line), "{line} not in the minutes");
    let papers = store.paper_details().unwrap();
    for needle in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BIÊN BẢN",
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Hội trường Công an tỉnh Hậu Giang",
        // The programme's first item begins the sitting; the details say when it ended.
        "từ 07 giờ 30 phút đến 11 giờ 00 phút",
        papers.chair_name.as_str(),
        papers.secretary_name.as_str(),
    ] {
        assert!(text.contains(needle), "the minutes lack {needle}");
    }
    // Signed by the secretary and the chair, not by the list's usual signers.
    assert!(!text.contains("NGƯỜI LẬP DANH SÁCH"));
    for c in papers.conclusion_paragraphs() {
        assert!(text.contains(&flat(c)), "a conclusion is missing: {c}");
    }
    for item in store.programme().unwrap() {
        assert!(
            text.contains(&item.data.start_time),
            "{}",
            item.data.start_time
        );
    }
    // Every opinion: its number at the start of a row with the start of its content
    // beside it, and its content whole in its column, its unit in the one beside.
    let contents = pdf_column(
        &store,
        ListKind::Minutes,
        "Nội dung ý kiến, kiến nghị",
        &pdf,
    );
    let askers = pdf_column(&store, ListKind::Minutes, "Đơn vị người nêu", &pdf);
    let questions = store.questions().unwrap();
    assert_eq!(questions.len(), 60);
    for q in &questions {
        let first: Vec<&str> = q.data.content.split_whitespace().take(2).collect();
        let number = format!("{} ", q.data.number);
        assert!(
            layout.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with(&number) && flat(l).contains(&first.join(" "))
            }),
            "opinion {} is not on a row of its own",
            q.data.number
        );
        assert!(
            contents.contains(&flat(&q.data.content)),
            "opinion {}'s content is cut",
            q.data.number
        );
        if q.data.anonymous {
            continue;
        }
        assert!(askers.contains(&flat(&q.data.asker_unit)));
    }
    let anonymous = questions.iter().filter(|q| q.data.anonymous).count();
    assert!(anonymous > 0);
    assert_eq!(
        askers.matches("Ẩn danh").count(),
        anonymous,
        "anonymous opinions say so"
    );

    // The Word file: each opinion's content whole in a cell, the answer beside it.
    let docx = write(
        &store,
        ListKind::Minutes,
        &Options::default(),
        dir.path(),
        "bb.docx",
    );
    let paragraphs = docx_paragraphs(&docx);
    for q in &questions {
        assert!(
            paragraphs.contains(&q.data.content),
            "opinion {} in the Word file",
            q.data.number
        );
        if !q.data.answer.is_empty() {
            assert!(paragraphs.iter().any(|p| p.contains(&q.data.answer)));
        }
        if q.data.is_followed_up() {
            // Sent on: who answers it and by when.
            let f = &q.data.follow;
            let deadline = date::display(f.deadline.as_deref().unwrap());
            assert!(
                paragraphs.iter().any(|p| p.contains(&format!(
                    "{} ({} chủ trì, thời hạn {deadline})",
                    f.handling.vi(),
                    f.responsible_unit
                ))),
                "opinion {}: its handling",
                q.data.number
            );
        }
    }
    assert!(paragraphs.iter().any(|p| p.contains(&line)));
}

#[test]
#[cfg_attr(windows, ignore = "reads PDFs with poppler's pdftotext, a Linux tool")]
fn results_report_adds_up_to_the_store_s_counts() {
    let store = sample();
    let today = date::today();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        &store,
        ListKind::ResultsReport,
        &Options::default(),
        dir.path(),
        "bc.pdf",
    );
    let text = flat(&pdf_text(&pdf, true));
    let (convened, present, excused, absent) = attendance(&store);
    for needle in [
        "BÁO CÁO".to_owned(),
        format!("Tổng số đại biểu được triệu tập: {convened} đồng chí; có mặt: {present} đồng chí"),
        format!("trong đó có lý do: {excused} đồng chí, không có lý do: {absent} đồng chí"),
        "Nơi nhận:".to_owned(),
    ] {
        assert!(text.contains(&needle), "the report lacks {needle}");
    }
    // Gifts: the total in figures and in words.
    let gifts = store.gifts().unwrap();
    let total: i64 = gifts.iter().map(|g| g.data.value_vnd).sum();
    let gifts_line = format!(
        "{} suất quà cho các đồng chí có hoàn cảnh khó khăn (đã trao {} suất), tổng giá trị {} đồng (Bằng chữ: {}).",
        gifts.len(),
        gifts
            .iter()
            .filter(|g| g.data.handed_over_at.is_some())
            .count(),
        money::format_vnd(total),
        money::vnd_in_words(total)
    );
    assert_eq!(total, 20_000_000);
    assert!(text.contains(&gifts_line), "{gifts_line}");
    assert!(text.contains("Hai mươi triệu đồng"));
    let awards = store.commendations().unwrap();
    assert!(text.contains(&format!(
        "Khen thưởng: {} trường hợp được khen thưởng ({} Giấy khen)",
        awards.len(),
        awards.len()
    )));
    // The follow-up today, as the store counts it.
    let c = store.follow_up_counts(today).unwrap();
    assert!(c.to_answer > 0 && c.done > 0 && c.overdue > 0);
    let follow = format!(
        "phải trả lời bằng văn bản: {}; đã giải quyết: {}; chưa hoàn thành: {}",
        c.to_answer, c.done, c.open
    );
    assert!(text.contains(&follow), "{follow}");
    assert!(text.contains(&format!("quá hạn: {}.", c.overdue)));
    assert!(text.contains(&format!(
        "(tính đến ngày {})",
        date::display(&today.to_string())
    )));
    // The overdue ones named, with their unit and deadline.
    let overdue: Vec<Question> = store
        .questions()
        .unwrap()
        .into_iter()
        .filter(|q| q.data.is_followed_up() && q.data.follow.is_overdue(today))
        .collect();
    assert_eq!(overdue.len(), usize::try_from(c.overdue).unwrap());
    let contents = pdf_column(&store, ListKind::ResultsReport, "Nội dung ý kiến", &pdf);
    let units = pdf_column(&store, ListKind::ResultsReport, "Đơn vị chủ trì", &pdf);
    let deadlines = pdf_column(&store, ListKind::ResultsReport, "Thời hạn", &pdf);
    for q in &overdue {
        assert!(contents.contains(&flat(&q.data.content)));
        assert!(units.contains(&q.data.follow.responsible_unit));
        assert!(deadlines.contains(&date::display(q.data.follow.deadline.as_deref().unwrap())));
    }

    // The Word file's tables: attendance by group and opinions by topic and handling
    // total what the store holds.
    let src = Source::load(&store).unwrap();
    let (bytes, _) = render(
        &src,
        ListKind::ResultsReport,
        &Options::default(),
        Format::Docx,
        &mut |_, _| true,
    )
    .unwrap();
    let doc = docx_rs::read_docx(&bytes).unwrap();
    let tables: Vec<Vec<Vec<String>>> = doc
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Table(t) => Some(table_text(t)),
            _ => None,
        })
        .collect();
    let find = |header: &str| {
        tables
            .iter()
            .find(|t| t.first().is_some_and(|r| r.iter().any(|c| c == header)))
            .unwrap_or_else(|| panic!("no table with {header}"))
    };
    let groups = find("Thành phần");
    let total_row = groups.last().unwrap();
    assert_eq!(total_row[1], "Tổng cộng");
    assert_eq!(
        total_row[2..6],
        [
            convened.to_string(),
            present.to_string(),
            (convened - present).to_string(),
            excused.to_string()
        ]
    );
    let by_group: usize = groups[1..groups.len() - 1]
        .iter()
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(by_group, convened, "the groups add up to the whole");

    let topics = find("Lĩnh vực");
    let header = &topics[0];
    let total_row = topics.last().unwrap();
    let counted: Vec<Question> = store
        .questions()
        .unwrap()
        .into_iter()
        .filter(|q| {
            q.data.merged_into.is_none() && q.data.status != hoinghi::domain::Status::Withdrawn
        })
        .collect();
    assert_eq!(total_row.last().unwrap(), &counted.len().to_string());
    for h in hoinghi::domain::Handling::ALL {
        let n = counted
            .iter()
            .filter(|q| q.data.follow.handling == h)
            .count();
        match header.iter().position(|c| c == h.vi()) {
            Some(col) => assert_eq!(total_row[col], n.to_string(), "{}", h.vi()),
            None => assert_eq!(n, 0, "{} is left out only when none", h.vi()),
        }
    }
    let units = find("Được giao");
    let total_row = units.last().unwrap();
    assert_eq!(
        total_row[2..4],
        [c.to_answer.to_string(), c.done.to_string()]
    );
    assert_eq!(total_row.last().unwrap(), &c.overdue.to_string());

    // Its figures in a spreadsheet: the tables' totals as numbers.
    let xlsx = write(
        &store,
        ListKind::ResultsReport,
        &Options::default(),
        dir.path(),
        "bc.xlsx",
    );
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    let name = book.sheet_names()[0].clone();
    let rows: Vec<Vec<Data>> = book
        .worksheet_range(&name)
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let totals: Vec<&Vec<Data>> = rows
        .iter()
        .filter(|r| r.get(1) == Some(&Data::String("Tổng cộng".into())))
        .collect();
    assert_eq!(totals.len(), 3, "attendance, opinions, follow-up");
    assert_eq!(number(&totals[0][2]), i64::try_from(convened).ok());
    assert_eq!(number(&totals[2][2]), Some(c.to_answer));
}

/// A Word table's cells as text, row by row.
fn table_text(t: &docx_rs::Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| {
            let docx_rs::TableChild::TableRow(row) = r;
            row.cells
                .iter()
                .map(|c| {
                    let docx_rs::TableRowChild::TableCell(cell) = c;
                    cell.children
                        .iter()
                        .filter_map(|x| match x {
                            docx_rs::TableCellContent::Paragraph(p) => Some(p.raw_text()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect()
        })
        .collect()
}

#[test]
#[cfg_attr(windows, ignore = "reads PDFs with poppler's pdftotext, a Linux tool")]
fn conclusion_notice_names_every_assigned_unit_and_the_recipients() {
    let store = sample();
    let dir = tempfile::tempdir().unwrap();
    let units = owed_by_unit(&store);
    assert!(
        units.len() >= 4,
        "the sample sends opinions to several units"
    );
    let papers = store.paper_details().unwrap();
    let recipients = papers.recipient_lines();
    assert!(!recipients.is_empty());
    for format in ["pdf", "docx"] {
        let path = write(
            &store,
            ListKind::Conclusion,
            &Options::default(),
            dir.path(),
            &format!("tb.{format}"),
        );
        let (text, contents, assigned) = if format == "pdf" {
            (
                flat(&pdf_text(&path, false)),
                pdf_column(&store, ListKind::Conclusion, "Nội dung ý kiến", &path),
                pdf_column(
                    &store,
                    ListKind::Conclusion,
                    "Đơn vị chủ trì giải quyết",
                    &path,
                ),
            )
        } else {
            let text = flat(&docx_paragraphs(&path).join("\n"));
            (text.clone(), text.clone(), text)
        };
        assert!(text.contains("THÔNG BÁO"), "{format}");
        assert!(
            text.contains(&format!(
                "Kết luận của đồng chí {} tại Hội nghị đối thoại",
                papers.chair_title
            )),
            "{format}"
        );
        for unit in units.keys() {
            assert!(
                assigned.contains(unit.as_str()),
                "{format}: {unit} is not named"
            );
        }
        for (unit, list) in &units {
            for q in list {
                assert!(
                    contents.contains(&flat(&q.data.content)),
                    "{format}: {unit}"
                );
            }
        }
        assert!(text.contains("Nơi nhận:"), "{format}");
        let last = recipients.len() - 1;
        for (i, r) in recipients.iter().enumerate() {
            let line = format!("- {r}{}", if i == last { "." } else { ";" });
            assert!(text.contains(&line), "{format}: {line}");
        }
        for c in papers.conclusion_paragraphs() {
            assert!(text.contains(&flat(c)), "{format}: {c}");
        }
        assert!(text.contains("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"), "{format}");
        assert!(text.contains(&papers.chair_name), "{format}");
    }
}

/// The cells of a worksheet as text (numbers without a fraction as integers).
fn sheet_rows(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A cell's whole number.
fn number(cell: &Data) -> Option<i64> {
    match cell {
        Data::Int(n) => Some(*n),
        #[allow(clippy::cast_possible_truncation, reason = "small whole numbers")]
        Data::Float(f) if f.fract() == 0.0 => Some(*f as i64),
        _ => None,
    }
}

const HEADERS: [&str; 9] = [
    "Mã",
    "Số",
    "Nội dung ý kiến",
    "Người/đơn vị hỏi",
    "Thời hạn",
    "Nội dung trả lời",
    "Số văn bản",
    "Ngày văn bản",
    "Tình trạng",
];

/// The row of the header (0-based) and the records below it, up to the first row
/// without an id.
fn records(rows: &[Vec<Data>]) -> (usize, Vec<Vec<Data>>) {
    let header = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String("Mã".into())))
        .expect("a header row");
    let records = rows[header + 1..]
        .iter()
        .take_while(|r| matches!(r.first(), Some(Data::String(s)) if !s.is_empty()))
        .cloned()
        .collect();
    (header, records)
}

#[test]
fn follow_up_workbook_has_a_sheet_per_unit_each_opinion_with_its_exact_id() {
    let store = sample();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &store,
        ListKind::FollowUp,
        &Options::default(),
        dir.path(),
        "fu.xlsx",
    );
    let units = owed_by_unit(&store);
    let book = calamine::open_workbook_auto(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), units.len(), "a worksheet per unit: {names:?}");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let formulas_free = names
        .iter()
        .all(|n| book.worksheet_formula(n).unwrap().used_cells().count() == 0);
    assert!(formulas_free);
    let mut seen = BTreeSet::new();
    for name in &names {
        let rows = sheet_rows(&path, name);
        let (header, records) = records(&rows);
        assert_eq!(header, 7, "{name}: the header is row 8");
        let texts: Vec<String> = rows[header].iter().map(ToString::to_string).collect();
        assert_eq!(texts, HEADERS, "{name}");
        // The unit's full name is on the sheet (its name may be cut to 31 letters).
        let Data::String(heading) = &rows[3][0] else {
            panic!("{name}: no unit line")
        };
        let unit = heading.strip_prefix("Đơn vị chủ trì giải quyết: ").unwrap();
        assert!(unit.starts_with(name.as_str()), "{name} ≠ {unit}");
        let owed = &units[unit];
        assert_eq!(records.len(), owed.len(), "{unit}: one row per opinion");
        for r in &records {
            let Data::String(id) = &r[0] else {
                panic!("{unit}: the id is not text: {:?}", r[0])
            };
            let q = owed
                .iter()
                .find(|q| q.id == *id)
                .unwrap_or_else(|| panic!("{unit}: {id} is not one of its opinions"));
            assert_eq!(number(&r[1]), Some(q.data.number), "{unit}: its number");
            assert_eq!(r[2], Data::String(q.data.content.clone()));
            let f = &q.data.follow;
            if f.written_answer.is_empty() {
                assert_eq!(r[5], Data::Empty, "{unit}: the answer is left to fill in");
            } else {
                // Answered already: the sheet comes back as it went.
                assert_eq!(r[5], Data::String(f.written_answer.clone()));
                assert_eq!(r[6], Data::String(f.answer_doc_no.clone()));
                assert!(matches!(r[7], Data::DateTime(_)), "a date: {:?}", r[7]);
                assert_eq!(r[8], Data::String(f.status.vi().to_owned()));
            }
            seen.insert(id.clone());
        }
    }
    let all: BTreeSet<String> = units.values().flatten().map(|q| q.id.clone()).collect();
    assert_eq!(seen, all, "every opinion owed an answer, once");
    let answered = units
        .values()
        .flatten()
        .filter(|q| !q.data.follow.written_answer.is_empty())
        .count();
    assert!(answered > 0, "the sample has answers to carry");
}

#[test]
fn cli_writes_the_papers_and_one_unit_s_sheet_and_refuses_what_makes_no_sense() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    let d = db.to_str().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .output()
            .unwrap()
    };
    let ok = |o: &std::process::Output| {
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    ok(&run(&["demo", "--db", d]));
    for list in ["minutes", "conclusion", "results-report", "follow-up"] {
        for (ext, magic) in [("pdf", &b"%PDF-"[..]), ("docx", &b"PK"[..])] {
            let out = dir.path().join(format!("{list}.{ext}"));
            ok(&run(&[
                "export",
                list,
                "--db",
                d,
                "--out",
                out.to_str().unwrap(),
            ]));
            assert!(
                std::fs::read(&out).unwrap().starts_with(magic),
                "{list}.{ext}"
            );
        }
    }

    // One unit's sheet: only its opinions.
    let unit = "Phòng Tổ chức cán bộ";
    let out = dir.path().join("px01.xlsx");
    let o = run(&[
        "export",
        "follow-up",
        "--db",
        d,
        "--unit",
        unit,
        "--out",
        out.to_str().unwrap(),
    ]);
    ok(&o);
    assert!(o.stdout.is_empty(), "messages go to stderr");
    let store = Store::open_read_only(&db).unwrap();
    let owed = owed_by_unit(&store);
    let book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names(), [unit]);
    let (_, rows) = records(&sheet_rows(&out, unit));
    let ids: BTreeSet<String> = rows.iter().map(|r| r[0].to_string()).collect();
    let want: BTreeSet<String> = owed[unit].iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids, want);
    assert!(owed.len() > 1, "other units were left out");
    // Typed as people type it: case and spacing aside.
    let out = dir.path().join("px01-b.xlsx");
    ok(&run(&[
        "export",
        "follow-up",
        "--db",
        d,
        "--unit",
        "phòng tổ chức  cán bộ",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(records(&sheet_rows(&out, unit)).1.len(), want.len());

    // A unit given nothing: a Vietnamese message, exit 1, no file.
    let out = dir.path().join("none.xlsx");
    let o = run(&[
        "export",
        "follow-up",
        "--db",
        d,
        "--unit",
        "Phòng Không Có",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Không có ý kiến nào giao cho đơn vị «Phòng Không Có»"),
        "{err}"
    );
    assert!(
        err.contains(unit),
        "the units that have opinions are named: {err}"
    );
    assert!(!out.exists());

    // Minutes are signed papers: not a spreadsheet.
    for (list, ext) in [
        ("minutes", "csv"),
        ("conclusion", "xlsx"),
        ("results-report", "csv"),
    ] {
        let out = dir.path().join(format!("x.{ext}"));
        let o = run(&["export", list, "--db", d, "--out", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{list}.{ext}");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("chỉ xuất ra được tệp .pdf, .docx")
                || String::from_utf8_lossy(&o.stderr)
                    .contains("chỉ xuất ra được tệp .pdf hoặc .docx"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!out.exists());
    }
    // --unit belongs to the follow-up sheet.
    let out = dir.path().join("ky.pdf");
    let o = run(&[
        "export",
        "signin",
        "--db",
        d,
        "--unit",
        unit,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists());
}

/// A new file (no programme, no opinions, no paper details): every paper is still
/// written, with room left to fill in by hand, in every format it is written in.
#[test]
fn a_new_file_s_papers_are_written_with_blanks_to_fill() {
    let store = Store::open_in_memory().unwrap();
    let src = Source::load(&store).unwrap();
    for kind in [
        ListKind::Minutes,
        ListKind::Conclusion,
        ListKind::ResultsReport,
        ListKind::FollowUp,
    ] {
        for format in kind.formats() {
            let (bytes, _) = render(&src, kind, &Options::default(), *format, &mut |_, _| true)
                .unwrap_or_else(|e| panic!("{kind:?} as {format:?}: {e}"));
            assert!(!bytes.is_empty(), "{kind:?} as {format:?}");
        }
    }
    let minutes = hoinghi::export::build(&src, ListKind::Minutes, &Options::default());
    let text: Vec<String> = minutes
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.text.clone()),
            _ => None,
        })
        .collect();
    assert!(text.iter().any(|t| t == "- Địa điểm: ……………."), "{text:?}");
    let notice = hoinghi::export::build(&src, ListKind::Conclusion, &Options::default());
    assert_eq!(notice.recipients, ["- Lưu: VT."]);
}
