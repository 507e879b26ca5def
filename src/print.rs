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
        Err(Error::Print(format!(
            "Hệ thống in báo lỗi: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// The printers the system knows, the default one marked.
pub fn printers() -> Result<Vec<Printer>> {
    if cfg!(windows) {
        let list = run(Command::new("powershell").args([
            "-NoProfile",
            "-Command",
            "Get-CimInstance Win32_Printer | ForEach-Object { $_.Name + '|' + $_.Default }",
        ]))?;
        return Ok(list
            .lines()
            .filter_map(|l| l.rsplit_once('|'))
            .map(|(name, default)| Printer {
                name: name.trim().to_owned(),
                default: default.trim().eq_ignore_ascii_case("true"),
            })
            .collect());
    }
    let names = run(Command::new("lpstat").arg("-e"))?;
    // "system default destination: PDF", or "no system default destination".
    let default = run(Command::new("lpstat").arg("-d"))
        .ok()
        .and_then(|d| d.split_once(':').map(|(_, n)| n.trim().to_owned()));
    Ok(names
        .lines()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| Printer {
            name: name.to_owned(),
            default: default.as_deref() == Some(name),
        })
        .collect())
}

/// Sends `pdf` to `printer` (the default one when `None`), `copies` times; returns what
/// the system said of the job ("request id is PDF-3 (1 file(s))").
pub fn print(pdf: &Path, printer: Option<&str>, copies: u32, title: &str) -> Result<String> {
    let copies = copies.clamp(1, 999);
    if printer.is_none() && !printers()?.iter().any(|p| p.default) {
        return Err(Error::Print(
            "Máy này chưa có máy in mặc định. Hãy chọn một máy in (hoặc --printer TÊN), hoặc cài đặt máy in."
                .to_owned(),
        ));
    }
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
            run(Command::new("powershell").args(["-NoProfile", "-Command", &command]))?;
        }
        return Ok(format!("{copies} bản"));
    }
    let mut lp = Command::new("lp");
    if let Some(p) = printer {
        lp.args(["-d", p]);
    }
    lp.args(["-n", &copies.to_string(), "-t", title]).arg(pdf);
    Ok(run(&mut lp)?.trim().to_owned())
}
