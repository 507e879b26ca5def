//! Lists that fit their content, Word files, QR codes on badges and place cards: read
//! back the way an office would (pdftotext, a Word reader, a QR decoder).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "pixel geometry of a rendered page"
)]

mod common;

#[cfg(not(windows))]
use std::path::Path;
#[cfg(not(windows))]
use std::process::Command;

use hoinghi::domain::AttendeeDraft;
#[cfg(not(windows))]
use hoinghi::export::export;
use hoinghi::export::{Format, ListKind, Options, Source, build, layout, render};
use hoinghi::store::Store;

/// The sample conference and one officer with a 30-letter name.
fn conference() -> Store {
    let store = common::demo_store();
    let d = AttendeeDraft {
        full_name: "Nguyễn Thị Hồng Phương Thảo Vy".into(),
        rank: "Thượng úy".into(),
        position: "Phó Trưởng Công an xã".into(),
        unit: "Công an xã Vĩnh Viễn A".into(),
        ..AttendeeDraft::default()
    }
    .validate()
    .unwrap();
    assert_eq!(d.full_name.chars().count(), 30);
    store.add_attendee(&d).unwrap();
    store
}

#[cfg(not(windows))]
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

/// Widths of a sheet's columns by header, and its orientation.
fn widths(sheet: &hoinghi::export::Sheet) -> (bool, impl Fn(&str) -> f32) {
    let (landscape, mm) = layout(sheet).unwrap();
    let headers: Vec<&str> = sheet.columns.iter().map(|c| c.header).collect();
    (landscape, move |h: &str| {
        mm[headers.iter().position(|x| *x == h).unwrap()]
    })
}

#[test]
fn sign_in_sheet_widths_come_from_the_content() {
    // Names and short units: portrait, the 30-letter name whole, room to sign.
    let store = Store::open_in_memory().unwrap();
    for (name, unit) in [
        ("Nguyễn Thị Hồng Phương Thảo Vy", "Công an xã Vị Thanh"),
        ("Lê Văn An", "Công an xã Long Trị"),
        ("Trần Bình", "Phòng Tham mưu"),
    ] {
        let d = AttendeeDraft {
            full_name: name.into(),
            rank: "Thượng úy".into(),
            position: "Cán bộ".into(),
            unit: unit.into(),
            ..AttendeeDraft::default()
        };
        store.add_attendee(&d.validate().unwrap()).unwrap();
    }
    let src = Source::load(&store).unwrap();
    let sheet = build(&src, ListKind::Signin, &Options::default());
    let (landscape, at) = widths(&sheet);
    assert!(!landscape, "portrait A4 holds names and units");
    assert!(at("Ký nhận") >= 35.0, "room to sign: {} mm", at("Ký nhận"));
    assert!(
        at("STT") < 15.0,
        "STT takes what it needs: {} mm",
        at("STT")
    );
    assert!(at("Họ và tên") > at("STT") * 3.0);
    let total: f32 = [
        "STT",
        "Họ và tên",
        "Cấp bậc",
        "Chức vụ",
        "Đơn vị",
        "Ký nhận",
        "Ghi chú",
    ]
    .iter()
    .map(|h| at(h))
    .sum();
    assert!(
        (total - 165.0).abs() < 0.5,
        "the table spans the page: {total} mm"
    );

    // The sample: positions and units too long for two lines beside a signature in
    // portrait, so the page turns and nothing breaks.
    let store = conference();
    let src = Source::load(&store).unwrap();
    let sheet = build(&src, ListKind::Signin, &Options::default());
    let (landscape, at) = widths(&sheet);
    assert!(landscape, "landscape when portrait cannot fit");
    assert!(at("Ký nhận") >= 35.0);
    assert!(
        at("Đơn vị") > at("Cấp bậc"),
        "the long column gets the room"
    );
    // Every list keeps inside its page.
    for kind in ListKind::ALL {
        let sheet = build(&src, kind, &Options::default());
        let (landscape, mm) = layout(&sheet).unwrap();
        let page = if landscape { 252.0 } else { 165.0 };
        assert!(mm.iter().sum::<f32>() <= page + 0.5, "{kind:?}");
    }
}

#[cfg(not(windows))]
#[test]
fn every_name_reads_back_on_one_line_and_short_headers_stay_whole() {
    let store = conference();
    let src = Source::load(&store).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ky-nhan.pdf");
    export(
        &src,
        ListKind::Signin,
        &Options::default(),
        &path,
        &mut |_, _| true,
    )
    .unwrap();
    let text = pdf_text(&path);
    let lines: Vec<&str> = text.lines().collect();
    for a in store.attendees().unwrap() {
        let name = &a.data.full_name;
        assert!(
            lines.iter().any(|l| l.contains(name.as_str())),
            "{name} is cut over two lines"
        );
    }
    // The sample turns landscape: nearly every unit stays on one line as well (the
    // longest few, of the provincial offices, may take two).
    let people = store.attendees().unwrap();
    let whole = people
        .iter()
        .filter(|a| lines.iter().any(|l| l.contains(a.data.unit.as_str())))
        .count();
    assert!(
        whole * 100 >= people.len() * 95,
        "{whole} of {} units whole",
        people.len()
    );
    for header in ["STT", "Ghi chú", "Ký nhận", "Cấp bậc", "Chức vụ"] {
        assert!(lines.iter().any(|l| l.contains(header)), "{header} broken");
    }
}

#[test]
fn word_files_have_the_table_a_repeated_header_and_whole_rows() {
    let store = conference();
    let src = Source::load(&store).unwrap();
    let (bytes, rows) = render(
        &src,
        ListKind::Signin,
        &Options::default(),
        Format::Docx,
        &mut |_, _| true,
    )
    .unwrap();
    assert_eq!(rows, 521);
    let doc = docx_rs::read_docx(&bytes).unwrap();
    let tables: Vec<&docx_rs::Table> = doc
        .document
        .children
        .iter()
        .filter_map(|c| match c {
            docx_rs::DocumentChild::Table(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let cell = |t: &docx_rs::Table, r: usize, c: usize| -> String {
        let docx_rs::TableChild::TableRow(row) = &t.rows[r];
        let docx_rs::TableRowChild::TableCell(cell) = &row.cells[c];
        cell.children
            .iter()
            .filter_map(|x| match x {
                docx_rs::TableCellContent::Paragraph(p) => Some(p.raw_text()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Heading blocks, the list, the signatures.
    assert_eq!(tables.len(), 3);
    assert!(cell(tables[0], 0, 1).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    let list = tables[1];
    assert_eq!(cell(list, 0, 1), "Họ và tên");
    assert_eq!(list.rows.len(), 1 + 521);
    let names: Vec<String> = (1..list.rows.len()).map(|r| cell(list, r, 1)).collect();
    assert!(names.iter().any(|n| n == "Nguyễn Thị Hồng Phương Thảo Vy"));
    let mut xml = String::new();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        1,
        "the header row repeats"
    );
    assert!(
        xml.matches("<w:cantSplit />").count() >= 521,
        "rows never split"
    );
    assert!(xml.contains("Times New Roman"));
    // A wide list is landscape, as its PDF.
    let (bytes, _) = render(
        &src,
        ListKind::Attendees,
        &Options::default(),
        Format::Docx,
        &mut |_, _| true,
    )
    .unwrap();
    let mut xml = String::new();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(r#"w:orient="landscape""#));
}

/// A part of a Word file, as text.
fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut xml = String::new();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

/// Issue 21 §4: Word files were stored without compression (1.4 MB for 520 rows), put
/// the page number on page 1, and underlined the motto's letters.
#[test]
fn word_files_are_compressed_numbered_from_page_two_with_lines_below_the_heading() {
    let store = conference();
    let src = Source::load(&store).unwrap();
    let (bytes, _) = render(
        &src,
        ListKind::Signin,
        &Options::default(),
        Format::Docx,
        &mut |_, _| true,
    )
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..zip.len() {
        let part = zip.by_index(i).unwrap();
        if !part.is_dir() && part.size() > 0 {
            assert_eq!(
                part.compression(),
                zip::CompressionMethod::Deflated,
                "{:?} is compressed",
                part.name()
            );
        }
    }
    assert!(
        bytes.len() < 200 * 1024,
        "521 rows in {} KB",
        bytes.len() / 1024
    );
    // Page numbers from page 2: a first page of its own, whose header has no number.
    let xml = docx_part(&bytes, "word/document.xml");
    assert!(
        xml.contains("<w:titlePg"),
        "the first page has its own header"
    );
    let first = xml
        .split("<w:headerReference")
        .skip(1)
        .find(|r| r.contains(r#"w:type="first""#))
        .expect("a header for the first page");
    let id = first
        .split(r#"r:id=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap();
    let rels = docx_part(&bytes, "word/_rels/document.xml.rels");
    let target = rels
        .split("<Relationship ")
        .find(|r| r.contains(&format!(r#"Id="{id}""#)))
        .and_then(|r| r.split(r#"Target=""#).nth(1))
        .and_then(|r| r.split('"').next())
        .unwrap();
    let header = docx_part(&bytes, &format!("word/{target}"));
    assert!(
        !header.contains("PAGE"),
        "no page number on page 1: {header}"
    );
    // The heading's lines are paragraph borders below the text, not underlines.
    assert!(!xml.contains("<w:u "), "nothing underlined");
    assert!(!xml.contains("________"), "no line typed with underscores");
    let motto = xml.find("Độc lập - Tự do - Hạnh phúc").unwrap();
    let next = &xml[motto..];
    let rule = next.find("<w:pBdr>").expect("a line below the motto");
    assert!(
        next[rule..].starts_with("<w:pBdr><w:top "),
        "{}",
        &next[rule..rule + 80]
    );
    assert!(
        next[..rule].matches("<w:p>").count() + next[..rule].matches("<w:p ").count() == 1,
        "the line is the paragraph right after the motto"
    );
}

/// `LibreOffice` opens the Word file and prints the same names (when it is installed;
/// CI installs it and sets `HOINGHI_REQUIRE_SOFFICE`).
#[cfg(not(windows))]
#[test]
fn libreoffice_reads_the_word_file() {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("HOINGHI_REQUIRE_SOFFICE").is_none(),
            "soffice is missing but required here"
        );
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let store = conference();
    let src = Source::load(&store).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("ky-nhan.docx");
    export(
        &src,
        ListKind::Signin,
        &Options::default(),
        &docx,
        &mut |_, _| true,
    )
    .unwrap();
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&dir.path().join("ky-nhan.pdf"));
    assert!(text.contains("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ"));
    let thao: Vec<&str> = text.lines().filter(|l| l.contains("Thảo")).collect();
    assert!(
        thao.iter()
            .any(|l| l.contains("Nguyễn Thị Hồng Phương Thảo Vy")),
        "the long name on one line in Word too: {thao:?}"
    );
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    // Issue 21 §4: LibreOffice broke "CÔNG AN TỈNH HẬU / GIANG" in its block.
    assert!(
        text.lines().any(|l| l.contains("CÔNG AN TỈNH HẬU GIANG")),
        "the issuing unit on one line"
    );
    // Page numbers from page 2 (pages are split by form feeds).
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 2, "{} pages", pages.len());
    let top = |p: &str| {
        p.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    assert_ne!(top(pages[0]), "1", "no number on page 1");
    assert_eq!(top(pages[1]), "2", "page 2 is numbered");
}

#[test]
fn badges_carry_a_qr_code_that_reads_back_as_the_person_s_code() {
    let store = conference();
    let people = store.attendees().unwrap();
    let codes: std::collections::HashSet<&str> =
        people.iter().map(|a| a.data.badge_code.as_str()).collect();
    assert_eq!(codes.len(), people.len(), "every code is its own");
    assert!(
        people
            .iter()
            .all(|a| hoinghi::domain::attendee::is_badge_code(&a.data.badge_code))
    );
    let src = Source::load(&store).unwrap();
    let (pdf, _) = render(
        &src,
        ListKind::Badges,
        &Options::default(),
        Format::Pdf,
        &mut |_, _| true,
    )
    .unwrap();
    // As a desk scanner sees a printed page (300 dpi), one badge at a time: ten 90 × 54 mm
    // badges, two across and five down, centred on the A4 page.
    let page = hoinghi::ui::preview::render(&pdf, 0, 2480).unwrap();
    let [w, _] = page.size;
    let px_per_mm = w as f64 / 210.0;
    let mut read = 0;
    for slot in 0..10 {
        let (col, row) = (f64::from(slot % 2), f64::from(slot / 2));
        let x0 = ((15.0 + col * 90.0) * px_per_mm) as usize;
        let y0 = ((13.5 + row * 54.0) * px_per_mm) as usize;
        let (bw, bh) = ((90.0 * px_per_mm) as usize, (54.0 * px_per_mm) as usize);
        let px = &page.pixels;
        let mut decoder = rqrr::PreparedImage::prepare_from_greyscale(bw, bh, |x, y| {
            let c = px[(y0 + y) * w + x0 + x];
            u8::try_from((u32::from(c.r()) + u32::from(c.g()) + u32::from(c.b())) / 3).unwrap_or(0)
        });
        let grids = decoder.detect_grids();
        assert_eq!(grids.len(), 1, "badge {slot} has one code");
        let (_, content) = grids[0].decode().unwrap();
        assert!(
            codes.contains(content.as_str()),
            "{content} is someone's code"
        );
        // Issue 21 §4: about 12 mm; now at least 16 mm.
        let b = grids[0].bounds;
        let (x_lo, x_hi) = (
            b.iter().map(|p| p.x).min().unwrap(),
            b.iter().map(|p| p.x).max().unwrap(),
        );
        let side_mm = f64::from(x_hi - x_lo) / px_per_mm;
        assert!(side_mm >= 16.0, "badge {slot}: a code {side_mm:.1} mm wide");
        read += 1;
    }
    assert_eq!(read, 10);
}

#[cfg(not(windows))]
#[test]
fn place_cards_name_the_head_table_on_both_faces() {
    let store = common::demo_store();
    let src = Source::load(&store).unwrap();
    let head = hoinghi::export::head_table(&src);
    assert!(!head.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bang-ten.pdf");
    export(
        &src,
        ListKind::PlaceCards,
        &Options::default(),
        &path,
        &mut |_, _| true,
    )
    .unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert_eq!(pages, head.len(), "a card for each");
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let first = &head[0].data;
    assert_eq!(
        text.matches(first.full_name.as_str()).count(),
        2,
        "both faces"
    );
}

/// Issue 21 §4: badges' QR codes were about 12 mm with a thin quiet zone. Printed at
/// 150 dpi, zbar reads every badge of page 1, one badge at a time as a desk's scanner
/// sees it. (zbar reading a whole page of ten codes in a grid is not reliable whatever
/// the codes' size: it misses one now and then, zbar issue #182.) Needs zbarimg
/// (zbar-tools) and pdftoppm; CI sets `HOINGHI_REQUIRE_ZBAR` so that a missing zbarimg
/// fails there.
#[cfg(not(windows))]
#[test]
fn zbar_reads_every_badge_of_a_page_printed_at_150_dpi() {
    let found = Command::new("zbarimg")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("HOINGHI_REQUIRE_ZBAR").is_none(),
            "zbarimg is missing but required here"
        );
        eprintln!("skipped: zbarimg (zbar-tools) is not installed");
        return;
    }
    let store = conference();
    let people = store.attendees().unwrap();
    let codes: std::collections::HashSet<&str> =
        people.iter().map(|a| a.data.badge_code.as_str()).collect();
    let src = Source::load(&store).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("the.pdf");
    export(
        &src,
        ListKind::Badges,
        &Options::default(),
        &pdf,
        &mut |_, _| true,
    )
    .unwrap();
    // 90 × 54 mm badges, two across and five down, centred on the A4 page.
    let px = |mm: f64| ((mm * 150.0 / 25.4) as i64).to_string();
    let mut read = std::collections::HashSet::new();
    for slot in 0..10 {
        let (col, row) = (f64::from(slot % 2), f64::from(slot / 2));
        let stem = dir.path().join(format!("badge{slot}"));
        let ok = Command::new("pdftoppm")
            .args([
                "-gray",
                "-r",
                "150",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                "-png",
            ])
            .args(["-x", &px(15.0 + col * 90.0), "-y", &px(13.5 + row * 54.0)])
            .args(["-W", &px(90.0), "-H", &px(54.0)])
            .arg(&pdf)
            .arg(&stem)
            .status()
            .unwrap();
        assert!(ok.success());
        let out = Command::new("zbarimg")
            .args(["--raw", "--nodbus", "-q"])
            .arg(stem.with_extension("png"))
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let data = text.trim();
        assert!(codes.contains(data), "badge {slot}: zbar read «{data}»");
        read.insert(data.to_owned());
    }
    assert_eq!(read.len(), 10, "ten badges, ten codes");
}
