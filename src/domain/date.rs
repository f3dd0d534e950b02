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
    d.format("%Y-%m-%d").to_string()
}

/// Vietnamese form: `30/06/2018`.
pub fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// Adds whole months, clamping to the end of the month (31/08 + 6 months → 28/02).
pub fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

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
