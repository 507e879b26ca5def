//! Printing a list's PDF on the printers the system knows: CUPS (`lpstat`, `lp`) on Linux
//! and macOS; on Windows, the printers Windows lists and the shell's print verb
//! (`Start-Process -Verb PrintTo`), which hands the PDF to the program registered to
//! print PDFs. Verified with CUPS and its virtual PDF printer; the Windows path is the
//! system's own and needs a PDF program that prints (Edge, Acrobat, `SumatraPDF`).

use std::path::Path;
use std::process::Command;

use crate::error::{Error, Result};

/// A printer as the system names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printer {
    pub name: String,
    pub default: bool,
}

fn no_system(detail: &str) -> Error {
    Error::Print(format!(
        "Máy này chưa có hệ thống in dùng được ({detail}). Hãy lưu tệp PDF rồi in từ chương trình khác, hoặc cài đặt máy in."
    ))
}

fn run(cmd: &mut Command) -> Result<String> {
    let out = cmd.output().map_err(|e| no_system(&e.to_string()))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        // The system's own words (often English: "scheduler is not running"), after ours.
        Err(Error::Print(format!("Hệ thống in báo lỗi: {}", said(&out))))
    }
}

/// What a command wrote, its errors first, on one line.
fn said(out: &std::process::Output) -> String {
    let mut text = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if text.is_empty() {
        stdout.trim().clone_into(&mut text);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The print service stopped, in the system's own words (CUPS's `lpstat -r`: "scheduler
/// is not running"; Windows: the Print Spooler's status); `None` when it runs or cannot
/// be asked. CUPS lists no printer, and says nothing, while its scheduler is stopped, so
/// an empty list is not "no printer" until this is asked.
fn service_stopped() -> Option<String> {
    if cfg!(windows) {
        let out = Command::new("powershell")
            .args(["-NoProfile", "-Command", "(Get-Service Spooler).Status"])
            .output()
            .ok()?;
        let status = said(&out);
        return (out.status.success() && !status.eq_ignore_ascii_case("running"))
            .then(|| format!("Print Spooler: {status}"));
    }
    // In English whatever the locale, so that it can be read here.
    let out = Command::new("lpstat")
        .arg("-r")
        .env("LC_ALL", "C")
        .output()
        .ok()?;
    let status = said(&out);
    (status.contains("not running") || status.contains("not responding")).then_some(status)
}

fn stopped(words: &str) -> Error {
    Error::Print(format!(
        "Dịch vụ in của máy này đang tắt, nên không thấy máy in nào (hệ thống báo: «{words}»). Hãy bật lại dịch vụ in ({}) rồi thử lại, hoặc lưu tệp PDF rồi in từ máy khác.",
        if cfg!(windows) {
            "Print Spooler, trong Services"
        } else {
            "CUPS: sudo systemctl start cups"
        }
    ))
}

/// A job handed to the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    /// The printer, as the system names it (the default one's name when none was chosen).
    pub printer: String,
    pub copies: u32,
    /// What the system said of the job ("request id is PDF-3 (1 file(s))"), for the log.
    pub job: String,
}

/// The printers the system knows, the default one marked.
pub fn printers() -> Result<Vec<Printer>> {
    if cfg!(windows) {
        let list = run(Command::new("powershell").args([
            "-NoProfile",
            "-Command",
            "Get-CimInstance Win32_Printer | ForEach-Object { $_.Name + '|' + $_.Default }",
        ]))?;
        let list: Vec<Printer> = list
            .lines()
            .filter_map(|l| l.rsplit_once('|'))
            .map(|(name, default)| Printer {
                name: name.trim().to_owned(),
                default: default.trim().eq_ignore_ascii_case("true"),
            })
            .collect();
        return checked(list);
    }
    let names = run(Command::new("lpstat").arg("-e"))?;
    // "system default destination: PDF", or "no system default destination".
    let default = run(Command::new("lpstat").arg("-d"))
        .ok()
        .and_then(|d| d.split_once(':').map(|(_, n)| n.trim().to_owned()));
    checked(
        names
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|name| Printer {
                name: name.to_owned(),
                default: default.as_deref() == Some(name),
            })
            .collect(),
    )
}

/// An empty list is "no printer" only while the print service runs.
fn checked(list: Vec<Printer>) -> Result<Vec<Printer>> {
    if list.is_empty()
        && let Some(words) = service_stopped()
    {
        return Err(stopped(&words));
    }
    Ok(list)
}

/// Sends `pdf` to `printer` (the default one when `None`), `copies` times; says which
/// printer took it and what the system said of the job.
pub fn print(pdf: &Path, printer: Option<&str>, copies: u32, title: &str) -> Result<Sent> {
    let copies = copies.clamp(1, 999);
    let name = match printer {
        Some(p) => p.to_owned(),
        None => printers()?
            .into_iter()
            .find(|p| p.default)
            .map(|p| p.name)
            .ok_or_else(|| {
                Error::Print(
                    "Máy này chưa có máy in mặc định. Hãy chọn một máy in (hoặc --printer TÊN), hoặc cài đặt máy in."
                        .to_owned(),
                )
            })?,
    };
    if cfg!(windows) {
        let file = pdf.display().to_string().replace('\'', "''");
        let command = match printer {
            Some(p) => format!(
                "Start-Process -FilePath '{file}' -Verb PrintTo -ArgumentList '\"{}\"' -Wait",
                p.replace('\'', "''")
            ),
            None => format!("Start-Process -FilePath '{file}' -Verb Print -Wait"),
        };
        for _ in 0..copies {
            sent_or_stopped(run(Command::new("powershell").args([
                "-NoProfile",
                "-Command",
                &command,
            ])))?;
        }
        return Ok(Sent {
            printer: name,
            copies,
            job: format!("{copies} × PrintTo"),
        });
    }
    let mut lp = Command::new("lp");
    if let Some(p) = printer {
        lp.args(["-d", p]);
    }
    lp.args(["-n", &copies.to_string(), "-t", title]).arg(pdf);
    let job = sent_or_stopped(run(&mut lp))?.trim().to_owned();
    Ok(Sent {
        printer: name,
        copies,
        job,
    })
}

/// A job the system refused because its print service is stopped says so.
fn sent_or_stopped(result: Result<String>) -> Result<String> {
    result.map_err(|e| match service_stopped() {
        Some(words) => stopped(&words),
        None => e,
    })
}
