//! Dates as people type them (dd/mm/yyyy) and as they are stored (ISO yyyy-mm-dd).

pub use jiff::civil::Date;

/// `day` moved by `days` (negative: earlier); the same day if that leaves the calendar.
pub fn add_days(day: Date, days: i64) -> Date {
    day.checked_add(jiff::Span::new().days(days)).unwrap_or(day)
}

/// Parses "14/11/2022", "14-11-2022", "14.11.2022" or "2022-11-14".
#[allow(
    clippy::many_single_char_names,
    reason = "y/m/d and the three parts read best short"
)]
pub fn parse(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 {
        (*a, *b, *c)
    } else {
        (*c, *b, *a)
    };
    let y: i16 = y.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// "2022-11-14" → "14/11/2022"; anything unparsable is returned as is.
pub fn display(iso: &str) -> String {
    match parse(iso) {
        Some(d) => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        None => iso.to_owned(),
    }
}

/// Today's date on this computer, or the date `HOINGHI_TODAY` gives (dd/mm/yyyy or
/// ISO): the follow-up's deadlines can be rehearsed, and tested, on another day.
pub fn today() -> Date {
    std::env::var("HOINGHI_TODAY")
        .ok()
        .and_then(|t| parse(&t))
        .unwrap_or_else(|| jiff::Zoned::now().date())
}

/// This year, read once: asking the time zone for every imported row is slow.
pub fn this_year() -> i32 {
    static YEAR: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| i32::from(today().year()))
}

/// The current instant as stored in the file (RFC 3339, UTC).
pub fn now_stamp() -> String {
    jiff::Timestamp::now().to_string()
}

/// A stored instant shown as local "HH:MM dd/mm".
pub fn display_time(stamp: &str) -> String {
    match stamp.parse::<jiff::Timestamp>() {
        Ok(ts) => {
            let z = ts.to_zoned(jiff::tz::TimeZone::system());
            format!(
                "{:02}:{:02} {:02}/{:02}",
                z.hour(),
                z.minute(),
                z.day(),
                z.month()
            )
        }
        Err(_) => stamp.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vietnamese_and_iso_dates() {
        assert_eq!(
            parse("14/11/2022").map(|d| d.to_string()),
            Some("2022-11-14".into())
        );
        assert_eq!(
            parse("2022-11-14").map(|d| d.to_string()),
            Some("2022-11-14".into())
        );
        assert_eq!(parse("31/02/2022"), None);
        assert_eq!(display("2022-11-14"), "14/11/2022");
    }
}
