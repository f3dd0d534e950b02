//! The as-of prompt (`a`): a date typed as `dd/mm/yyyy` or `YYYY-MM-DD`, checked as it is
//! typed, with the reason shown while it is not (yet) a date.

use chrono::NaiveDate;

use crate::domain::date::parse_date;
use crate::tui::i18n::Msg;

/// What the text typed so far amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOfCheck {
    /// Nothing typed: back to today.
    Today,
    Date(NaiveDate),
    /// Could still become a date.
    Incomplete,
    /// A character no date has.
    BadChar,
    /// Complete but no such day (30/02/2019) or out of range.
    NoSuchDay,
    /// A day after today: nothing is known about it yet.
    Future,
}

impl AsOfCheck {
    /// The reason to show, for everything but a usable date.
    pub fn reason(self) -> Msg {
        match self {
            AsOfCheck::Today => Msg::AsOfToday,
            AsOfCheck::Date(_) => Msg::AsOfOk,
            AsOfCheck::Incomplete => Msg::AsOfIncomplete,
            AsOfCheck::BadChar => Msg::AsOfBadChar,
            AsOfCheck::NoSuchDay => Msg::AsOfNoSuchDay,
            AsOfCheck::Future => Msg::AsOfFuture,
        }
    }

    pub fn is_ok(self) -> bool {
        matches!(self, AsOfCheck::Today | AsOfCheck::Date(_))
    }
}

/// Checks `text` as an as-of date, given today.
pub fn check(text: &str, today: NaiveDate) -> AsOfCheck {
    let t = text.trim();
    if t.is_empty() {
        return AsOfCheck::Today;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '/' || c == '-')
    {
        return AsOfCheck::BadChar;
    }
    // Complete when the year is there: dd/mm/yyyy (last part of 4 digits) or yyyy-mm-dd.
    let complete = if t.contains('/') {
        let parts: Vec<&str> = t.split('/').collect();
        parts.len() == 3 && parts[2].len() == 4 && parts.iter().all(|p| !p.is_empty())
    } else if t.contains('-') {
        let parts: Vec<&str> = t.split('-').collect();
        parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2
    } else {
        false
    };
    if !complete {
        // Too many parts or too long a part can never become a date.
        let too_many = t.split('/').count() > 3
            || t.split('-').count() > 3
            || (t.contains('/') && t.contains('-'))
            || t.split(['/', '-']).any(|p| p.len() > 4);
        return if too_many {
            AsOfCheck::NoSuchDay
        } else {
            AsOfCheck::Incomplete
        };
    }
    match parse_date("as-of date", t) {
        Ok(d) if d > today => AsOfCheck::Future,
        Ok(d) => AsOfCheck::Date(d),
        Err(_) => AsOfCheck::NoSuchDay,
    }
}

/// The open prompt.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AsOfPrompt {
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_as_typed() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        let d = |y, m, dd| AsOfCheck::Date(NaiveDate::from_ymd_opt(y, m, dd).unwrap());
        assert_eq!(check("", today), AsOfCheck::Today);
        assert_eq!(check("3", today), AsOfCheck::Incomplete);
        assert_eq!(check("31/12/20", today), AsOfCheck::Incomplete);
        assert_eq!(check("31/12/2017", today), d(2017, 12, 31));
        assert_eq!(check("6/11/2020", today), d(2020, 11, 6));
        assert_eq!(check("2020-11-06", today), d(2020, 11, 6));
        assert_eq!(check("2020-11", today), AsOfCheck::Incomplete);
        assert_eq!(check("30/02/2019", today), AsOfCheck::NoSuchDay);
        assert_eq!(check("1/1/2030", today), AsOfCheck::Future);
        assert_eq!(check("1a", today), AsOfCheck::BadChar);
        assert_eq!(check("1/1/1/1", today), AsOfCheck::NoSuchDay);
        assert!(check("15/03/2026", today).is_ok());
    }
}
