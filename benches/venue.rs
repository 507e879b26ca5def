//! Speed at the venue with 100,000 attendees: CSV import end to end, one search
//! keystroke, one frame of the attendee table and of the check-in desk.
//! Run with `cargo bench`; criterion prints the figures.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write as _;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use hoinghi::import::{self, Choices, Kind, Known, Legacy, OnDuplicate, ReadOptions};
use hoinghi::store::{Missing, Store};
use hoinghi::ui::App;
use hoinghi::ui::action::Action;
use hoinghi::ui::data::Data;
use hoinghi::ui::dialogs::{Answer, Ask, FileDialogs};
use hoinghi::ui::panels::attendees::AttendeesPanel;

/// The allocator the app uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const N: usize = 100_000;

struct NoDialogs;
impl FileDialogs for NoDialogs {
    fn ask(&mut self, _: &Ask, _: Option<&Path>) -> Answer {
        Answer::Cancelled
    }
}

/// Plans a file as the window's preview does, every choice left to detection.
fn prepare(csv: &Path, known: &Known) -> import::Plan {
    import::prepare(
        Kind::Attendees,
        csv,
        &ReadOptions::default(),
        &Choices::default(),
        known,
    )
    .unwrap()
}

/// A realistic list: Vietnamese names, ranks, ~80 communes, unique phones; with
/// `legacy`, the names typed in TCVN3 (`.VnTime`) as old offices still send them.
fn write_csv(path: &Path, legacy: Option<Legacy>) {
    const FAMILY: [&str; 12] = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Dương",
    ];
    const MIDDLE: [&str; 8] = ["Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Kim"];
    const GIVEN: [&str; 20] = [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Đạt",
        "Hải",
        "Hùng",
        "Lâm",
        "Luân",
        "Nam",
        "Phúc",
        "Tâm",
        "Thảo",
        "Trang",
        "Trường",
        "Tuấn",
        "Uyên",
        "Vy",
        "Yến",
        "Ánh",
    ];
    const RANKS: [&str; 6] = [
        "Thiếu úy",
        "Trung úy",
        "Thượng úy",
        "Đại úy",
        "Thiếu tá",
        "Trung sĩ",
    ];
    let mut csv = String::from(
        "STT,Họ và tên,Giới tính,Năm sinh,Cấp bậc,Chức vụ,Đơn vị,Địa bàn,Nhóm,Số điện thoại\n",
    );
    for i in 0..N {
        let name = format!(
            "{} {} {}",
            FAMILY[i % 12],
            MIDDLE[(i / 12) % 8],
            GIVEN[(i / 96) % 20]
        );
        let name = legacy.map_or(name.clone(), |l| l.encode(&name));
        writeln!(
            csv,
            "{},{name},{},{},{},Cán bộ,Công an xã Số {},huyện {},CBCS Công an xã,09{:08}",
            i + 1,
            if i % 3 == 0 { "Nữ" } else { "Nam" },
            1970 + i % 35,
            RANKS[i % 6],
            i % 83,
            i % 8,
            i
        )
        .unwrap();
    }
    std::fs::write(path, csv).unwrap();
}

fn store_with_100k(csv: &Path) -> Store {
    let store = Store::open_in_memory().unwrap();
    let plan = prepare(csv, &Known::default());
    import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
    store
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1366.0, 768.0),
        )),
        ..Default::default()
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("attendees_100k.csv");
    write_csv(&csv, None);
    let tcvn3 = dir.path().join("attendees_100k_tcvn3.csv");
    write_csv(&tcvn3, Some(Legacy::Tcvn3));

    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    let mut n = 0;
    g.bench_function("csv_100k_end_to_end", |b| {
        b.iter(|| {
            n += 1;
            let store =
                Store::open(&dir.path().join(format!("hn{n}.sqlite")), Missing::Create).unwrap();
            let plan = prepare(&csv, &Known::load(&store, Kind::Attendees).unwrap());
            let s =
                import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
            assert_eq!(s.imported, N);
        });
    });
    // The window's two steps: reading and checking the file for the preview, then
    // storing once the organiser confirms.
    g.bench_function("csv_100k_preview", |b| {
        b.iter(|| prepare(&csv, &Known::default()));
    });
    // The same list with its names typed in TCVN3: detected and converted on the way.
    g.bench_function("csv_100k_tcvn3_preview", |b| {
        b.iter(|| {
            let plan = prepare(&tcvn3, &Known::default());
            assert_eq!(plan.columns[1].legacy, Some(Legacy::Tcvn3));
            plan
        });
    });
    let plan = prepare(&csv, &Known::default());
    g.bench_function("csv_100k_store", |b| {
        b.iter_batched(
            || {
                n += 1;
                Store::open(&dir.path().join(format!("hn{n}.sqlite")), Missing::Create).unwrap()
            },
            |store| {
                import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
                store
            },
            criterion::BatchSize::PerIteration,
        );
    });
    // The floor under any import: SQLite copying the same rows, already made, from a
    // table in memory into a new conference file, in one durable transaction (WAL,
    // synchronous=FULL, checkpoint at commit). No reading, checking, ids or history;
    // the insert trigger is dropped, as an import sets it aside.
    let made = dir.path().join(format!("hn{n}.sqlite"));
    g.bench_function("sqlite_floor_100k_rows", |b| {
        b.iter_batched(
            || {
                n += 1;
                let store = Store::open(&dir.path().join(format!("hn{n}.sqlite")), Missing::Create)
                    .unwrap();
                let conn = store.conn();
                conn.pragma_update(None, "temp_store", "MEMORY").unwrap();
                conn.execute("ATTACH ?1 AS made", [made.to_str().unwrap()])
                    .unwrap();
                conn.execute_batch(
                    "CREATE TEMP TABLE rows AS SELECT * FROM made.attendee; DETACH made;
                     DROP TRIGGER attendee_history_insert;",
                )
                .unwrap();
                store
            },
            |store| {
                store
                    .conn()
                    .execute_batch(
                        "BEGIN; INSERT INTO main.attendee SELECT * FROM temp.rows; COMMIT;",
                    )
                    .unwrap();
                store
            },
            criterion::BatchSize::PerIteration,
        );
    });
    g.finish();

    let store = store_with_100k(&csv);
    // What the window reads after an edit that is not a check-in.
    let mut g = c.benchmark_group("data");
    g.sample_size(10);
    g.bench_function("load_100k", |b| b.iter(|| Data::load(&store, 1).unwrap()));
    // After a question, gift or list edit the attendees are kept, the rest read again.
    let mut kept = Data::load(&store, 1).unwrap();
    g.bench_function("reload_except_attendees_100k", |b| {
        b.iter(|| kept.reload_except_attendees(&store).unwrap());
    });
    // Taking back a whole 100,000-person import, and making it again.
    g.bench_function("undo_and_redo_import_100k", |b| {
        b.iter(|| {
            assert!(store.undo().unwrap().is_some());
            assert!(store.redo().unwrap().is_some());
        });
    });
    g.finish();
    let data = Data::load(&store, 1).unwrap();
    let s = hoinghi::ui::i18n::Lang::Vi.strings();
    let mut panel = AttendeesPanel::default();
    let mut flip = false;
    c.bench_function("search_keystroke_100k", |b| {
        b.iter(|| {
            // Alternate two queries so every call rebuilds the view, as typing does.
            flip = !flip;
            panel.search = if flip {
                "tran van tr".into()
            } else {
                "tran van tra".into()
            };
            panel.visible_ids(&data, s).len()
        });
    });

    let mut app = App::with_store(store_with_100k(&csv), Box::new(NoDialogs));
    let ctx = egui::Context::default();
    hoinghi::ui::theme::install(&ctx);
    app.apply(Action::Navigate {
        page: hoinghi::ui::Page::Attendees,
        new_record: false,
    });
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    }
    c.bench_function("frame_attendees_100k", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame_ui(ui)));
    });

    app.apply(Action::Navigate {
        page: hoinghi::ui::Page::Desk,
        new_record: false,
    });
    let mut typed = input();
    typed.events.push(egui::Event::Text("tran van".into()));
    let _ = ctx.run_ui(typed, |ui| app.frame_ui(ui));
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    }
    c.bench_function("frame_desk_100k", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame_ui(ui)));
    });

    // A check-in at the desk and its undo, each committed and shown, as the door sees it.
    let id = app.store().unwrap().attendees().unwrap()[0].id.clone();
    let mut g = c.benchmark_group("desk");
    g.sample_size(20);
    g.bench_function("check_in_and_undo_100k", |b| {
        b.iter(|| {
            app.apply(Action::CheckIn(id.clone()));
            app.apply(Action::UndoCheckIn);
        });
    });

    // An attendee edit from the form, committed, patched into the view and drawn.
    app.apply(Action::Navigate {
        page: hoinghi::ui::Page::Attendees,
        new_record: false,
    });
    let person = app.store().unwrap().attendee(&id).unwrap();
    let mut flip = false;
    g.bench_function("edit_attendee_and_frame_100k", |b| {
        b.iter(|| {
            flip = !flip;
            let mut edited = person.data.clone();
            edited.note = if flip { "Ghi chú A" } else { "Ghi chú B" }.into();
            app.apply(Action::UpdateAttendee(id.clone(), edited));
            ctx.run_ui(input(), |ui| app.frame_ui(ui))
        });
    });
    g.finish();
}

/// A list of 5,000 people typed as a Word table, as offices send them: a unit cell
/// merged down over each block of 25 people, a group row spanning the table every 500.
fn write_docx(path: &Path) {
    const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let mut rows = vec![TableRow::new(
        ["STT", "Họ và tên", "Cấp bậc", "Chức vụ", "Đơn vị"]
            .iter()
            .map(|h| cell(h))
            .collect(),
    )];
    for i in 0..5_000 {
        if i % 500 == 0 {
            rows.push(TableRow::new(vec![
                cell(&format!(
                    "{}. CBCS Công an huyện {}",
                    ROMAN[i / 500],
                    i / 500
                ))
                .grid_span(5),
            ]));
        }
        let unit = if i % 25 == 0 {
            cell(&format!("Công an xã Số {}", i / 25)).vertical_merge(VMergeType::Restart)
        } else {
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .vertical_merge(VMergeType::Continue)
        };
        rows.push(TableRow::new(vec![
            cell(&(i + 1).to_string()),
            cell(&format!("Nguyễn Văn Người {i}")),
            cell("Thượng úy"),
            cell("Cán bộ"),
            unit,
        ]));
    }
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text("DANH SÁCH ĐẠI BIỂU")))
        .add_table(Table::new(rows));
    doc.build()
        .pack(std::fs::File::create(path).unwrap())
        .unwrap();
}

/// The window's preview of a 5,000-person Word table: reading the document and
/// planning every row. The goal is under a second.
fn docx(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh-sach-5000.docx");
    write_docx(&path);
    let mut g = c.benchmark_group("word");
    g.sample_size(10);
    g.bench_function("docx_5000_preview", |b| {
        b.iter(|| {
            let plan = prepare(&path, &Known::default());
            assert_eq!(plan.rows.len(), 5_000);
            assert_eq!(plan.skipped_headings, 10);
            plan
        });
    });
    g.finish();
}

/// The same venue work on a file locked by a passphrase and on an open one, side by side
/// in one run: importing 100,000 people, opening the file as the window does (key
/// derivation included), a search keystroke and a check-in committed to disk.
fn locked(c: &mut Criterion) {
    use hoinghi::store::key::Passphrase;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("attendees_100k.csv");
    write_csv(&csv, None);
    let pass = Passphrase::new("Hội nghị đối thoại 2026").unwrap();
    let plan = prepare(&csv, &Known::default());
    let files: Vec<(&str, Option<&Passphrase>, std::path::PathBuf)> = vec![
        ("open", None, dir.path().join("open.sqlite")),
        ("locked", Some(&pass), dir.path().join("locked.sqlite")),
    ];
    for (_, key, path) in &files {
        let store = Store::open_keyed(path, Missing::Create, *key).unwrap();
        import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true).unwrap();
        assert_eq!(store.is_locked(), key.is_some());
    }

    let mut g = c.benchmark_group("locked");
    g.sample_size(10);
    let mut n = 0;
    for (name, key, _) in &files {
        g.bench_function(format!("import_csv_100k/{name}"), |b| {
            b.iter_batched(
                || {
                    n += 1;
                    let path = dir.path().join(format!("import{n}.sqlite"));
                    Store::open_keyed(&path, Missing::Create, *key).unwrap()
                },
                |store| {
                    import::apply(&store, &plan, OnDuplicate::Skip, false, &mut |_, _| true)
                        .unwrap();
                    store
                },
                criterion::BatchSize::PerIteration,
            );
        });
    }
    for (name, key, path) in &files {
        g.bench_function(format!("open_and_load_100k/{name}"), |b| {
            b.iter(|| {
                let store = Store::open_keyed(path, Missing::Refuse, *key).unwrap();
                Data::load(&store, 1).unwrap()
            });
        });
    }
    let s = hoinghi::ui::i18n::Lang::Vi.strings();
    for (name, key, path) in &files {
        let store = Store::open_keyed(path, Missing::Refuse, *key).unwrap();
        let data = Data::load(&store, 1).unwrap();
        let mut panel = AttendeesPanel::default();
        let mut flip = false;
        g.bench_function(format!("search_keystroke_100k/{name}"), |b| {
            b.iter(|| {
                flip = !flip;
                panel.search = if flip { "tran van tr" } else { "tran van tra" }.into();
                panel.visible_ids(&data, s).len()
            });
        });
    }
    g.sample_size(20);
    for (name, key, path) in &files {
        let mut app = App::with_store(
            Store::open_keyed(path, Missing::Refuse, *key).unwrap(),
            Box::new(NoDialogs),
        );
        let id = app.store().unwrap().attendees().unwrap()[0].id.clone();
        g.bench_function(format!("check_in_and_undo_100k/{name}"), |b| {
            b.iter(|| {
                app.apply(Action::CheckIn(id.clone()));
                app.apply(Action::UndoCheckIn);
            });
        });
    }
    g.finish();
}

criterion_group!(venue, benches, docx, locked);
criterion_main!(venue);
