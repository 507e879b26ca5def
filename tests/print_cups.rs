//! Printing through CUPS to its virtual PDF printer (`printer-driver-cups-pdf`, which
//! `.ci/run` installs and starts): what comes out has our page count and our first page,
//! pixel for pixel within a small tolerance. Its text cannot be compared: CUPS passes the
//! job through Ghostscript, which turns the fonts into glyphs without text.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn cups_pdf_printer() -> bool {
    Command::new("lpstat").arg("-e").output().is_ok_and(|o| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .any(|l| l.trim() == "PDF")
    })
}

/// Where cups-pdf puts its output for this user, and the PDFs there now.
fn outputs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("/var/spool/cups-pdf/ANONYMOUS")];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join("PDF"));
    }
    dirs.push(PathBuf::from("/root/PDF"));
    dirs.into_iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect()
}

/// A PDF that pdfinfo reads, the same size a moment later.
fn whole(pdf: &Path) -> bool {
    let size = || std::fs::metadata(pdf).map(|m| m.len()).ok();
    let before = size();
    std::thread::sleep(Duration::from_millis(500));
    let reads = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .is_ok_and(|o| o.status.success());
    reads && before.is_some() && size() == before
}

fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The first page as gray pixels at 40 dpi (width, height, pixels).
fn first_page(pdf: &Path, dir: &Path, name: &str) -> (usize, usize, Vec<u8>) {
    let stem = dir.join(name);
    let ok = Command::new("pdftoppm")
        .args(["-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(ok.success());
    let bytes = std::fs::read(stem.with_extension("pgm")).unwrap();
    // P5\n<w> <h>\n255\n<pixels>
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..].to_vec())
}

#[test]
fn a_list_printed_through_cups_comes_out_as_our_pdf() {
    if !cups_pdf_printer() {
        assert!(
            std::env::var_os("HOINGHI_REQUIRE_CUPS").is_none(),
            "the CUPS PDF printer is missing but required here"
        );
        eprintln!("skipped: no CUPS printer named PDF (printer-driver-cups-pdf)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hn.sqlite");
    let store = hoinghi::store::Store::open(&db, hoinghi::store::Missing::Create).unwrap();
    hoinghi::demo::fill(&store).unwrap();
    drop(store);
    let ours = dir.path().join("ours.pdf");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let db_arg = db.to_str().unwrap();
    run(&[
        "export",
        "signin",
        "--db",
        db_arg,
        "--out",
        ours.to_str().unwrap(),
    ]);
    let listed = run(&["printers"]);
    assert!(listed.lines().any(|l| l.starts_with("PDF")), "{listed}");
    let before = outputs();
    let said = run(&["print", "signin", "--db", db_arg, "--printer", "PDF"]);
    assert!(said.contains("PDF-"), "the job's id: {said}");
    let deadline = Instant::now() + Duration::from_secs(90);
    let printed = loop {
        if let Some(p) = outputs().into_iter().find(|p| !before.contains(p)) {
            // cups-pdf writes the file in place: it is whole once pdfinfo reads it and
            // its size holds still (a loaded machine takes longer than a second).
            if whole(&p) {
                break p;
            }
        }
        assert!(
            Instant::now() < deadline,
            "nothing came out of the PDF printer"
        );
        std::thread::sleep(Duration::from_millis(250));
    };
    assert_eq!(pages(&printed), pages(&ours), "the same page count");
    let (w1, h1, a) = first_page(&ours, dir.path(), "ours");
    let (w2, h2, b) = first_page(&printed, dir.path(), "printed");
    // A landscape list comes out turned onto the printer's portrait paper, as a real
    // printer prints it: ours is turned the same way before comparing.
    let share = if (w1, h1) == (w2, h2) {
        differ(&a, &b, w1, h1)
    } else {
        assert_eq!((w1, h1), (h2, w2), "the same page size, or turned");
        let left = differ(&turn(&a, w1, h1, false), &b, w2, h2);
        let right = differ(&turn(&a, w1, h1, true), &b, w2, h2);
        left.min(right)
    };
    eprintln!("{:.3}% of pixels differ beyond a neighbour", share * 100.0);
    assert!(share < 0.005, "{:.2}% of pixels differ", share * 100.0);
}

/// A grey picture turned a quarter: (w, h) becomes (h, w).
fn turn(img: &[u8], w: usize, h: usize, clockwise: bool) -> Vec<u8> {
    let mut out = vec![0u8; img.len()];
    for y in 0..h {
        for x in 0..w {
            let (nx, ny) = if clockwise {
                (h - 1 - y, x)
            } else {
                (y, w - 1 - x)
            };
            out[ny * h + nx] = img[y * w + x];
        }
    }
    out
}

/// The share of pixels of `a` with no neighbour of near shade in `b`: Ghostscript draws
/// the glyphs again, a fraction of a pixel off.
fn differ(a: &[u8], b: &[u8], w: usize, h: usize) -> f64 {
    let at = |img: &[u8], x: usize, y: usize| img[y * w + x];
    let mut differ = 0usize;
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let near = (0..9).any(|k| {
                let (nx, ny) = (x + k % 3 - 1, y + k / 3 - 1);
                at(a, x, y).abs_diff(at(b, nx, ny)) <= 64
            });
            if !near {
                differ += 1;
            }
        }
    }
    f64::from(u32::try_from(differ).unwrap()) / f64::from(u32::try_from(a.len()).unwrap())
}
