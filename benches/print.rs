//! Printing and exporting: the sign-in sheet PDF of 500 and of 20,000 attendees, and the
//! XLSX of 100,000. Records are made in code; the figures cover building the list and
//! writing the file's bytes. Run with `cargo bench --bench print`.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use hoinghi::domain::{Attendee, AttendeeData};
use hoinghi::export::{Format, ListKind, Options, Source, render};

/// The allocator the app uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Dương",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Kim"];
const GIVEN: [&str; 10] = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hùng",
    "Phúc",
    "Thảo",
    "Trường",
    "Yến",
];
const RANKS: [&str; 6] = [
    "Thiếu úy",
    "Trung úy",
    "Thượng úy",
    "Đại úy",
    "Thiếu tá",
    "Trung sĩ",
];

/// `n` attendees of ~80 communes, a third of them checked in.
fn source(n: usize) -> Source {
    let conference = hoinghi::domain::Conference {
        name: "Hội nghị đối thoại giữa Đảng ủy, Ban Giám đốc Công an tỉnh với CBCS Công an cấp xã"
            .into(),
        superior_agency: "Bộ Công an".into(),
        issuing_unit: "Công an tỉnh Hậu Giang".into(),
        place_name: "Hậu Giang".into(),
        ..hoinghi::domain::Conference::new_file_defaults()
    };
    let attendees = (0..n)
        .map(|i| Attendee {
            id: format!("{i:08}"),
            data: AttendeeData {
                full_name: format!(
                    "{} {} {} {}",
                    FAMILY[i % 12],
                    MIDDLE[(i / 12) % 8],
                    GIVEN[(i / 96) % 10],
                    i / 960
                ),
                gender: if i % 3 == 0 { "Nữ" } else { "Nam" }.into(),
                birth_year: Some(1970 + i32::try_from(i % 35).unwrap()),
                rank: RANKS[i % 6].into(),
                position: if i % 9 == 0 {
                    "Phó Trưởng Công an xã"
                } else {
                    "Cán bộ"
                }
                .into(),
                unit: format!("Công an xã Vĩnh Thuận Số {}", i % 83),
                district: format!("huyện {}", i % 8),
                // Every 25th a guest, to be introduced one by one.
                group: if i % 25 == 0 {
                    "Khách mời"
                } else {
                    "CBCS Công an xã"
                }
                .into(),
                phone: format!("09{i:08}"),
                note: String::new(),
                protocol_order: None,
                badge_code: format!("{}", 1_000_000_000 + i),
                excused: false,
                absence_reason: String::new(),
            },
            checked_in_at: (i % 3 == 0).then(|| "2026-11-26T00:30:00Z".to_owned()),
            checked_in_desk: None,
            created_at: String::new(),
            updated_at: String::new(),
        })
        .collect();
    let programme = hoinghi::domain::programme::SEED
        .iter()
        .enumerate()
        .map(
            |(i, (time, title, part))| hoinghi::domain::programme::Item {
                id: format!("item{i}"),
                position: i64::try_from(i + 1).unwrap(),
                data: hoinghi::domain::programme::ItemData {
                    start_time: (*time).to_owned(),
                    title: (*title).to_owned(),
                    part: *part,
                    ..Default::default()
                },
                arrangement: String::new(),
            },
        )
        .collect();
    Source {
        conference,
        attendees,
        programme,
        ..Source::default()
    }
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("print");
    g.sample_size(10);
    for n in [500, 20_000] {
        let src = source(n);
        g.bench_function(format!("signin_pdf_{n}"), |b| {
            b.iter(|| {
                let (bytes, rows) = render(
                    &src,
                    ListKind::Signin,
                    &Options::default(),
                    Format::Pdf,
                    &mut |_, _| true,
                )
                .unwrap();
                assert_eq!(rows, n);
                bytes.len()
            });
        });
    }
    let src = source(500);
    // What the export page does before its first page shows: the short PDF of the first
    // rows, then hayro drawing page 1 at the preview's width (760 px).
    g.bench_function("preview_first_page_500", |b| {
        b.iter(|| {
            let (pdf, _) = hoinghi::export::render_first(
                &src,
                ListKind::Signin,
                &Options::default(),
                Format::Pdf,
                Some(hoinghi::ui::preview::FIRST_ROWS),
            )
            .unwrap();
            let page = hoinghi::ui::preview::render(&pdf, 0, 760).unwrap();
            page.size[0]
        });
    });
    // The whole MC's script of a 500-person conference (20 guests introduced one by one).
    g.bench_function("script_500", |b| {
        b.iter(|| src.script().len());
    });
    g.bench_function("signin_docx_500", |b| {
        b.iter(|| {
            let (bytes, rows) = render(
                &src,
                ListKind::Signin,
                &Options::default(),
                Format::Docx,
                &mut |_, _| true,
            )
            .unwrap();
            assert_eq!(rows, 500);
            bytes.len()
        });
    });
    let src = source(100_000);
    g.bench_function("attendees_xlsx_100000", |b| {
        b.iter(|| {
            let (bytes, rows) = render(
                &src,
                ListKind::Attendees,
                &Options::default(),
                Format::Xlsx,
                &mut |_, _| true,
            )
            .unwrap();
            assert_eq!(rows, 100_000);
            bytes.len()
        });
    });
    g.finish();
}

criterion_group!(print, benches);
criterion_main!(print);
