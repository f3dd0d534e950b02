//! Dates: accepted as `YYYY-MM-DD` or `dd/mm/yyyy`, stored as ISO, shown as `dd/mm/yyyy`
//! in Vietnamese.

use chrono::{Datelike, Months, NaiveDate};

use crate::error::{Error, Result};
use crate::lang::facts::Value;

pub use chrono::NaiveDate as Date;

/// Parses `YYYY-MM-DD` or `dd/mm/yyyy` (also `d/m/yyyy`). Impossible dates such as
/// 2019-02-30 are refused. `field` names the field in the error.
pub fn parse_date(field: &str, s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    let parsed = if t.contains('/') {
        NaiveDate::parse_from_str(t, "%d/%m/%Y")
    } else {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
    };
    match parsed {
        Ok(d) if (1900..=2200).contains(&d.year()) => Ok(d),
        _ => Err(Error::invalid(Value::BadDate {
            field: field.to_string(),
            text: crate::domain::text::escape(t).into_owned(),
        })),
    }
}

/// ISO form, as stored: `2018-06-30`.
pub fn iso(d: NaiveDate) -> String {
    // Written directly: the format string is parsed on every call otherwise (3 % of a
    // `task list --search` of 56,000 rows). Years outside 0–9999 as chrono writes them.
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// A stored date (`YYYY-MM-DD`), as `NaiveDate::parse_from_str(s, "%Y-%m-%d")` reads it:
/// the plain form read directly (the format string is parsed on every call otherwise,
/// once a date a row read), anything else through chrono.
pub fn parse_stored(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Vietnamese form: `30/06/2018`.
pub fn dmy(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
    } else {
        d.format("%d/%m/%Y").to_string()
    }
}

/// Adds whole months, clamping to the end of the month (31/08 + 6 months → 28/02).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_read_as_chrono_reads_them() {
        for t in [
            "2018-06-30",
            "0001-01-01",
            "9999-12-31",
            "2020-02-29",
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-01-00",
            "2020-1-05",
            "2020-01-5",
            "+2020-01-05",
            "20200105",
            "2020/01/05",
            "2020-01-0x",
            "",
            "10000-01-01",
            " 2020-01-05",
            "2020-01-05 ",
        ] {
            assert_eq!(
                parse_stored(t),
                NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn iso_and_dmy_write_what_chrono_writes() {
        for (y, m, d) in [
            (1, 1, 1),
            (999, 12, 31),
            (2018, 6, 30),
            (9999, 12, 31),
            (-5, 3, 4),
            (10000, 1, 2),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso(day), day.format("%Y-%m-%d").to_string(), "{day:?}");
            assert_eq!(dmy(day), day.format("%d/%m/%Y").to_string(), "{day:?}");
        }
    }

    #[test]
    fn both_forms() {
        let d = NaiveDate::from_ymd_opt(2018, 6, 30).unwrap();
        assert_eq!(parse_date("deadline", "2018-06-30").unwrap(), d);
        assert_eq!(parse_date("deadline", "30/06/2018").unwrap(), d);
        assert_eq!(parse_date("deadline", "30/6/2018").unwrap(), d);
        assert_eq!(dmy(d), "30/06/2018");
        assert_eq!(iso(d), "2018-06-30");
    }

    #[test]
    fn impossible_dates() {
        for bad in [
            "2019-02-30",
            "31/04/2020",
            "2019-13-01",
            "yesterday",
            "",
            "0001-01-01",
        ] {
            assert_eq!(
                parse_date("deadline", bad).unwrap_err().exit_code(),
                6,
                "{bad}"
            );
        }
    }
}
