//! A bounded fuzz smoke of the importers (proptest): random bytes, hostile cell text and
//! damaged spreadsheets never panic, a refused import changes nothing, and what is
//! stored is the text that was given (normalised, never interpreted).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use hoinghi::import::{Choices, Kind, Known, OnDuplicate, ReadOptions};
use hoinghi::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// `cases` per run in CI; `PROPTEST_CASES=N` runs a longer fuzz by hand.
fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text people and attackers put in cells.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{1,30}",
        Just("=HYPERLINK(\"http://x.invalid\",\"bấm\")".to_owned()),
        Just("+cmd|' /C calc'!A0".to_owned()),
        Just("@SUM(1+1)".to_owned()),
        Just("Lê'; DROP TABLE attendee; --".to_owned()),
        Just("Robert\"); DELETE FROM history; --".to_owned()),
        Just("👮\u{200d}♂️ Nguyễn Văn 🎉".to_owned()),
        Just("Nguye\u{302}\u{303}n Thi\u{323} Hoa".to_owned()),
        Just("Trần\u{a0}Văn\u{a0}Bình".to_owned()),
        Just("Tab\there\u{7}bell\u{1b}[31mred".to_owned()),
        "[a-zà-ỹ ]{3000,6000}",
        "[\\x00-\\x1f]{1,8}",
    ]
}

/// Imports a file into a fresh in-memory conference. A refused file changes nothing.
fn import_attendees(path: &Path) -> (Store, Option<usize>) {
    let store = Store::open_in_memory().unwrap();
    let Ok(plan) = hoinghi::import::prepare(
        Kind::Attendees,
        path,
        &ReadOptions::default(),
        &Choices::default(),
        &Known::default(),
    ) else {
        return (store, None);
    };
    if let Ok(summary) =
        hoinghi::import::apply(&store, &plan, OnDuplicate::Skip, true, &mut |_, _| true)
    {
        (store, Some(summary.imported))
    } else {
        assert_eq!(
            store.attendees().unwrap().len(),
            0,
            "a refused import adds nothing"
        );
        (store, None)
    }
}

#[test]
fn random_bytes_as_csv_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.csv");
    let prefixes: [&[u8]; 5] = [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"sep=;\r\n",
        "STT;Họ và tên;Đơn vị\r\n".as_bytes(),
    ];
    TestRunner::new(config(400))
        .run(
            &(
                0..prefixes.len(),
                proptest::collection::vec(any::<u8>(), 0..2048),
            ),
            |(p, body)| {
                let mut bytes = prefixes[p].to_vec();
                bytes.extend(body);
                std::fs::write(&path, &bytes).unwrap();
                let _ = import_attendees(&path);
                for kind in [Kind::Questions, Kind::Gifts, Kind::Commendations] {
                    let _ = hoinghi::import::prepare(
                        kind,
                        &path,
                        &ReadOptions::default(),
                        &Choices::default(),
                        &Known::default(),
                    );
                }
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn hostile_cells_in_csv_are_stored_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.csv");
    let row = (hostile_text(), hostile_text(), hostile_text());
    let stored_total = AtomicUsize::new(0);
    TestRunner::new(config(150))
        .run(&proptest::collection::vec(row, 1..12), |rows| {
            let mut w = csv::Writer::from_path(&path).unwrap();
            w.write_record(["STT", "Họ và tên", "Đơn vị", "Ghi chú"])
                .unwrap();
            for (i, (name, unit, note)) in rows.iter().enumerate() {
                w.write_record([&(i + 1).to_string(), name, unit, note])
                    .unwrap();
            }
            w.flush().unwrap();
            drop(w);
            let (store, imported) = import_attendees(&path);
            let given: HashSet<String> = rows
                .iter()
                .map(|(n, _, _)| hoinghi::text::normalize(n))
                .collect();
            let stored = store.attendees().unwrap();
            stored_total.fetch_add(stored.len(), Ordering::Relaxed);
            if let Some(n) = imported {
                prop_assert_eq!(stored.len(), n);
            }
            for a in &stored {
                prop_assert!(given.contains(&a.data.full_name), "{:?}", a.data.full_name);
            }
            // The tables are all still there, whatever the cells said.
            prop_assert!(store.gifts().is_ok());
            prop_assert!(store.history(1).is_ok());
            Ok(())
        })
        .unwrap();
    // The check above ran on real rows, not only on refused files.
    assert!(stored_total.into_inner() > 150);
}

fn xlsx_with(rows: &[(String, f64)], path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "DANH SÁCH ĐẠI BIỂU").unwrap();
    for (c, h) in ["STT", "Họ và tên", "Số điện thoại", "Đơn vị"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(2, u16::try_from(c).unwrap(), *h)
            .unwrap();
    }
    for (i, (text, number)) in rows.iter().enumerate() {
        let r = u32::try_from(i).unwrap() + 3;
        sheet.write_number(r, 0, f64::from(r - 2)).unwrap();
        sheet.write_string(r, 1, text).unwrap();
        sheet.write_number(r, 2, *number).unwrap();
        sheet.write_string(r, 3, text).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn hostile_cells_in_xlsx_never_panic_and_are_stored_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ds.xlsx");
    let row = (
        hostile_text().prop_map(|s| s.chars().take(32_000).collect::<String>()),
        prop_oneof![
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            Just(912_345_678.0)
        ],
    );
    let stored_total = AtomicUsize::new(0);
    TestRunner::new(config(60))
        .run(&proptest::collection::vec(row, 1..8), |rows| {
            xlsx_with(&rows, &path);
            let (store, _) = import_attendees(&path);
            stored_total.fetch_add(store.attendees().unwrap().len(), Ordering::Relaxed);
            let given: HashSet<String> = rows
                .iter()
                .map(|(n, _)| hoinghi::text::normalize(n))
                .collect();
            for a in store.attendees().unwrap() {
                prop_assert!(given.contains(&a.data.full_name));
            }
            Ok(())
        })
        .unwrap();
    assert!(stored_total.into_inner() > 60);
}

#[test]
fn damaged_xlsx_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.xlsx");
    xlsx_with(
        &[
            ("Nguyễn Văn An".to_owned(), 912_345_678.0),
            ("Lê Thị Bích".to_owned(), 987_654_321.0),
        ],
        &good,
    );
    let original = std::fs::read(&good).unwrap();
    let bad = dir.path().join("bad.xlsx");
    let damage = (
        proptest::collection::vec((0..original.len(), any::<u8>()), 0..16),
        0..=original.len(),
    );
    TestRunner::new(config(300))
        .run(&damage, |(flips, keep)| {
            let mut bytes = original.clone();
            for (at, b) in flips {
                bytes[at] = b;
            }
            bytes.truncate(keep);
            std::fs::write(&bad, &bytes).unwrap();
            let _ = import_attendees(&bad);
            Ok(())
        })
        .unwrap();
}
