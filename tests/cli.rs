//! The command line as a script would use it: exit codes, stdout for data, stderr for messages.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn hoinghi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(args)
        .output()
        .unwrap()
}

fn demo_file(dir: &Path) -> String {
    let db = dir.join("demo.sqlite").display().to_string();
    let out = hoinghi(&["demo", "--db", &db]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "messages go to stderr");
    assert!(String::from_utf8_lossy(&out.stderr).contains("520 đại biểu"));
    db
}

#[test]
fn demo_then_stats_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let out = hoinghi(&["stats", "--db", &db, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["attendees"], 520);
    assert_eq!(v["questions"], 60);
    assert_eq!(v["gifts"], 10);
    assert_eq!(v["commendations"], 2);
    assert_eq!(v["gift_value_total_vnd"], 20_000_000);
    assert_eq!(v["questions_by_topic"]["Chế độ chính sách"], 15);
    assert!(v["checked_in"].as_i64().unwrap() > 0);
    assert!(v["gifts_handed_over"].as_i64().unwrap() > 0);
    let by_status: i64 = v["questions_by_status"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_i64().unwrap())
        .sum();
    assert_eq!(by_status, 60);
}

#[test]
fn demo_refuses_a_file_with_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = hoinghi(&["demo", "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("đã có dữ liệu"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn list_searches_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let out = hoinghi(&[
        "list",
        "attendees",
        "--db",
        &db,
        "--search",
        "nguyen thanh trang",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 1);
    assert_eq!(arr[0]["full_name"], "Nguyễn Thanh Tràng");
    assert_eq!(arr[0]["rank"], "Đại tá");

    for kind in ["questions", "gifts", "commendations"] {
        let out = hoinghi(&["list", kind, "--db", &db, "--json"]);
        assert_eq!(out.status.code(), Some(0), "{kind}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let n = v.as_array().unwrap().len();
        assert_eq!(
            n,
            match kind {
                "questions" => 60,
                "gifts" => 10,
                _ => 2,
            },
            "{kind}"
        );
    }
    let out = hoinghi(&["list", "commendations", "--db", &db]);
    let text = String::from_utf8(out.stdout).unwrap();
    // The sample was held ten days ago; its decision was signed eleven days before that.
    let line = text
        .lines()
        .find(|l| l.contains("2776/QĐ-CAT-PX01\t"))
        .expect("decision");
    let date = line.split('\t').nth(
        line.split('\t')
            .position(|c| c == "2776/QĐ-CAT-PX01")
            .unwrap()
            + 1,
    );
    assert!(
        date.is_some_and(|d| hoinghi::domain::date::parse(d).is_some()),
        "{text}"
    );
}

#[test]
fn reading_commands_refuse_a_missing_file_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("absent.sqlite");
    for args in [vec!["stats", "--json"], vec!["list", "attendees"]] {
        let mut a = args.clone();
        a.extend(["--db", db.to_str().unwrap()]);
        let out = hoinghi(&a);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8_lossy(&out.stderr).contains("không tồn tại"));
        assert!(!db.exists());
    }
}

#[test]
fn a_foreign_file_is_refused_with_exit_1_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "just text").unwrap();
    let out = hoinghi(&["demo", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không phải"));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "just text");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        hoinghi(&["list", "people", "--db", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(hoinghi(&["stats"]).status.code(), Some(2));
    assert_eq!(hoinghi(&["frobnicate", "--db", "x"]).status.code(), Some(2));
}

/// Each cause is said once, in Vietnamese: a missing file, and an import whose
/// spreadsheet cannot be read (the operating system's English text is not repeated).
#[test]
fn failures_print_each_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.sqlite");
    let out = hoinghi(&["stats", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("Lỗi: Tệp {} không tồn tại.\n", db.display())
    );
    assert!(out.stdout.is_empty());

    let csv = dir.path().join("khong-co.csv");
    let out = hoinghi(&[
        "import",
        "attendees",
        csv.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "Lỗi: Không đọc/ghi được tệp {}: không tìm thấy tệp hoặc thư mục\n",
            csv.display()
        )
    );
    assert!(!db.exists(), "a refused import creates no file");
}

/// Each person's badge code comes out of `list --json`, and every list exports as Word.
#[test]
fn list_json_gives_badge_codes_and_lists_export_as_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let out = hoinghi(&["list", "attendees", "--db", &db, "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let people = v.as_array().unwrap();
    assert_eq!(people.len(), 520);
    for p in people {
        let code = p["code"].as_str().unwrap();
        assert!(hoinghi::domain::attendee::is_badge_code(code), "{code}");
    }
    let docx = dir.path().join("Danh sách.docx");
    let out = hoinghi(&[
        "export",
        "gifts",
        "--db",
        &db,
        "--out",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a Word file is a zip");
    let doc = docx_rs::read_docx(&bytes).unwrap();
    assert!(!doc.document.children.is_empty());
}

/// Exporting the script says how many items it wrote: it said "0 dòng" (a script has no
/// rows).
#[test]
fn exporting_the_script_counts_its_items() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let pdf = dir.path().join("kich-ban.pdf");
    let out = hoinghi(&[
        "export",
        "script",
        "--db",
        &db,
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("kich-ban.pdf (10 mục, "), "{err}");
    assert!(!err.contains("dòng"), "{err}");
}

/// Without a printing system (no `lp`/`lpstat` on the path), printing is a message in
/// Vietnamese and exit 1, never a silent nothing; the list is not changed.
#[cfg(unix)]
#[test]
fn printing_without_a_printing_system_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let empty = tempfile::tempdir().unwrap();
    for args in [
        vec!["printers"],
        vec!["print", "signin", "--db", db.as_str()],
        vec!["print", "signin", "--db", db.as_str(), "--printer", "PDF"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(&args)
            .env("PATH", empty.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("chưa có hệ thống in"), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

/// A shell script `name` in `dir` that stands in for a system command.
#[cfg(unix)]
fn fake_command(dir: &Path, name: &str, script: &str) {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Issue 21 §3: a printer installed and the print service stopped. CUPS's `lpstat -e`
/// then lists nothing and says nothing; the app said "Máy này chưa có máy in nào", the
/// wrong cause, without the system's words. It names the stopped service and quotes it.
#[cfg(unix)]
#[test]
fn printing_with_the_print_service_stopped_says_so_in_the_system_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let bin = tempfile::tempdir().unwrap();
    fake_command(
        bin.path(),
        "lpstat",
        r#"case "$1" in
  -r) echo "scheduler is not running" ;;
  -d) echo "no system default destination" ;;
esac
exit 0"#,
    );
    fake_command(
        bin.path(),
        "lp",
        r#"echo "lp: Scheduler is not running." >&2; exit 1"#,
    );
    for args in [
        vec!["printers"],
        vec!["print", "signin", "--db", db.as_str()],
        vec!["print", "signin", "--db", db.as_str(), "--printer", "PDF"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(&args)
            .env("PATH", bin.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("Dịch vụ in của máy này đang tắt"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("«scheduler is not running»"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("chưa có máy in"), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}

/// Issue 21 §3: after a job the window said "Đã gửi tới máy in: request id is PDF-1 (1
/// file(s))". The sentence names the copies and the printer (the default one's name when
/// none was chosen); the job's id is for the log, and for a script on standard output.
#[cfg(unix)]
#[test]
fn a_print_job_is_told_as_copies_sent_to_a_named_printer() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_file(dir.path());
    let bin = tempfile::tempdir().unwrap();
    let asked = bin.path().join("lp-args");
    fake_command(
        bin.path(),
        "lpstat",
        r#"case "$1" in
  -e) printf 'Laser\nPDF\n' ;;
  -d) echo "system default destination: PDF" ;;
  -r) echo "scheduler is running" ;;
esac
exit 0"#,
    );
    fake_command(
        bin.path(),
        "lp",
        &format!(
            r#"printf '%s ' "$@" > '{}'; echo "request id is PDF-7 (1 file(s))""#,
            asked.display()
        ),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(["print", "signin", "--db", &db, "--copies", "2"])
        .env("PATH", bin.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "request id is PDF-7 (1 file(s))"
    );
    assert!(err.contains("Đã gửi 2 bản"), "{err}");
    assert!(
        err.contains("tới máy in «PDF»"),
        "the default printer's name: {err}"
    );
    assert!(!err.contains("request id"), "{err}");
    let lp = std::fs::read_to_string(&asked).unwrap();
    assert!(lp.starts_with("-n 2 -t "), "{lp}");
    // The window's sentence, in both languages.
    let vi = hoinghi::ui::i18n::VI.print_sent(1, "PDF");
    assert_eq!(vi, "Đã gửi 1 bản tới máy in «PDF»");
    assert_eq!(
        hoinghi::ui::i18n::EN.print_sent(1, "PDF"),
        "Sent 1 copy to the printer «PDF»"
    );
}
