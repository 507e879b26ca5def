//! CSV for other programs: UTF-8 with a BOM (so Excel shows Vietnamese), CRLF, one
//! header row, one line per record. Text a spreadsheet would run as a formula is
//! neutralised with a leading apostrophe.

use super::sheet::{Cell, Sheet};
use super::xlsx::looks_like_formula;
use crate::error::{Error, Result};

/// The value as written: numbers bare (no thousands dots), text neutralised.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Int(n) | Cell::Money(n) => n.to_string(),
        Cell::Text(s) | Cell::Phone(s) if looks_like_formula(s) => format!("'{s}"),
        other => other.display(),
    }
}

/// Writes the rows of `sheet` (titles and totals are for print, not for CSV). When the
/// sheet has sections (units, topics), their heading is the first column.
pub fn write(sheet: &Sheet, progress: &mut dyn FnMut(usize, usize) -> bool) -> Result<Vec<u8>> {
    let sectioned = sheet.sections.iter().any(|s| s.heading.is_some());
    let mut out = Vec::with_capacity(64 + sheet.row_count() * 96);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let err = |e: csv::Error| Error::Write {
        format: "CSV",
        detail: e.to_string(),
    };
    let mut header: Vec<&str> = Vec::new();
    if sectioned {
        header.push("Mục");
    }
    header.extend(sheet.columns.iter().map(|c| c.header));
    w.write_record(&header).map_err(err)?;
    let total = sheet.row_count();
    let mut done = 0;
    for s in &sheet.sections {
        let heading = s.heading.clone().unwrap_or_default();
        for r in &s.rows {
            let mut rec: Vec<String> = Vec::with_capacity(r.len() + 1);
            if sectioned {
                rec.push(field(&Cell::Text(heading.clone())));
            }
            rec.extend(r.iter().map(field));
            w.write_record(&rec).map_err(err)?;
            done += 1;
            if done % 4096 == 0 && !progress(done, total) {
                return Err(Error::Cancelled);
            }
        }
    }
    progress(total, total);
    w.into_inner().map_err(|e| Error::Write {
        format: "CSV",
        detail: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_numbers_are_not() {
        assert_eq!(field(&Cell::text("=1+1")), "'=1+1");
        assert_eq!(field(&Cell::text("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(field(&Cell::text("\tx")), "'\tx");
        assert_eq!(field(&Cell::text("Nguyễn Văn A")), "Nguyễn Văn A");
        assert_eq!(field(&Cell::Money(-5)), "-5");
        assert_eq!(field(&Cell::Money(2_000_000)), "2000000");
    }
}
