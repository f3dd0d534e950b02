//! The product's words, in Vietnamese and English: one catalog for the TUI, the CLI, the
//! store's errors and the reports. `Lang` picks the language; the TUI's labels are
//! [`Msg`] keys (`ui.rs`); error sentences are rendered from typed facts
//! ([`crate::error::Fact`], rendered in `facts/`). Stored data (titles, names) is shown as
//! stored.

use chrono::NaiveDate;

use crate::domain::{Bucket, Status};

/// Picks the Vietnamese or the English sentence; both are `format!` strings that may name
/// the bindings in scope.
macro_rules! say {
    ($lang:expr, $vi:literal, $en:literal) => {
        match $lang {
            $crate::lang::Lang::Vi => format!($vi),
            $crate::lang::Lang::En => format!($en),
        }
    };
}

pub mod deploy;
pub mod facts;
mod ui;
pub use ui::Msg;

use std::sync::atomic::{AtomicU8, Ordering};

/// The language the process speaks to its user; errors render in it when shown with
/// `Display` (`e.to_string()`). Set once at the edge: the CLI from `--lang` or `$LANG`
/// before it runs a command (the TUI it opens speaks the same one).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the process's language (see [`current`]).
pub fn set_current(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The process's language: English until [`set_current`] says otherwise.
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Vi as u8 {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi = 1,
    En = 0,
}

impl Lang {
    /// From the `--lang` value (`vi` or anything else for English).
    pub fn from_code(code: &str) -> Lang {
        if code == "vi" {
            Lang::Vi
        } else {
            Lang::En
        }
    }

    /// `vi` or `en`, as the domain's `Category::name` expects.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The catalog entry for `m`.
    pub fn t(self, m: Msg) -> &'static str {
        let (vi, en) = m.text();
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// A date as shown: `dd/mm/yyyy` in Vietnamese, ISO in English.
    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::Vi => crate::domain::date::dmy(d),
            Lang::En => crate::domain::date::iso(d),
        }
    }

    /// A one-decimal percentage (`73,4%` in Vietnamese, `73.4%` in English) that never
    /// rounds up to 100 % before the work is done (see [`crate::numfmt::percent`]).
    pub fn percent(self, p: f64) -> String {
        crate::numfmt::percent(p, self.code())
    }

    /// A count with thousands separators (`100.000` in Vietnamese, `100,000` in English).
    pub fn int(self, n: impl Into<i64>) -> String {
        crate::numfmt::int(n.into(), self.code())
    }

    /// The name of a task status.
    pub fn status(self, s: Status) -> &'static str {
        self.t(match s {
            Status::NotStarted => Msg::StatusNotStarted,
            Status::InProgress => Msg::StatusInProgress,
            Status::Done => Msg::StatusDone,
            Status::Suspended => Msg::StatusSuspended,
        })
    }

    /// A short category name for narrow columns (the code when unknown).
    pub fn category_short(self, code: &str) -> Option<&'static str> {
        let m = match code {
            "ideology" => Msg::CatIdeology,
            "organization" => Msg::CatOrganization,
            "inspection" => Msg::CatInspection,
            "mass_mobilization" => Msg::CatMass,
            "internal_affairs" => Msg::CatInternal,
            "government" => Msg::CatGovernment,
            "front" => Msg::CatFront,
            _ => return None,
        };
        Some(self.t(m))
    }

    /// The name of a role.
    pub fn role(self, r: crate::domain::Role) -> &'static str {
        self.t(match r {
            crate::domain::Role::Admin => Msg::RoleAdmin,
            crate::domain::Role::Operator => Msg::RoleOperator,
            crate::domain::Role::Supervisor => Msg::RoleSupervisor,
        })
    }

    /// The name of an agency's or a program's kind code (`party`, `building`, …).
    pub fn kind(self, code: &str) -> Option<&'static str> {
        let m = match code {
            "party" => Msg::KindParty,
            "government" => Msg::KindGovernment,
            "front" => Msg::KindFront,
            "coordination" => Msg::KindCoordination,
            "building" => Msg::KindBuilding,
            "action" => Msg::KindAction,
            _ => return None,
        };
        Some(self.t(m))
    }

    /// The name of a vocabulary code (a status, deadline bucket, cadence, agency or
    /// program kind, role), as tables show it; `None` for a code it does not know.
    pub fn code_name(self, code: &str) -> Option<&'static str> {
        use crate::domain::Role;
        let m = match code {
            "not_started" => return Some(self.status(Status::NotStarted)),
            "in_progress" => return Some(self.status(Status::InProgress)),
            "done" => return Some(self.status(Status::Done)),
            "suspended" => return Some(self.status(Status::Suspended)),
            "done_on_time" => return Some(self.bucket(Bucket::DoneOnTime)),
            "done_late" => return Some(self.bucket(Bucket::DoneLate)),
            "in_time" => return Some(self.bucket(Bucket::InTime)),
            "overdue" => return Some(self.bucket(Bucket::Overdue)),
            "admin" => return Some(self.role(Role::Admin)),
            "operator" => return Some(self.role(Role::Operator)),
            "supervisor" => return Some(self.role(Role::Supervisor)),
            "roadmap" => Msg::Roadmap,
            "recurring" => Msg::Recurring,
            other => return self.kind(other),
        };
        Some(self.t(m))
    }

    /// The name of a deadline bucket.
    pub fn bucket(self, b: Bucket) -> &'static str {
        self.t(match b {
            Bucket::DoneOnTime => Msg::DoneOnTime,
            Bucket::DoneLate => Msg::DoneLate,
            Bucket::InTime => Msg::InTime,
            Bucket::Overdue => Msg::Overdue,
        })
    }
}

/// Replaces the first `{}` in a catalog string.
pub fn fill(template: &str, value: impl std::fmt::Display) -> String {
    template.replacen("{}", &value.to_string(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        for m in Msg::ALL {
            let (vi, en) = m.text();
            assert!(!vi.is_empty() && !en.is_empty(), "{m:?}");
            assert_eq!(vi.matches("{}").count(), en.matches("{}").count(), "{m:?}");
        }
    }

    #[test]
    fn dates_and_numbers() {
        let d = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
        assert_eq!(Lang::Vi.date(d), "31/12/2020");
        assert_eq!(Lang::En.date(d), "2020-12-31");
        assert_eq!(Lang::Vi.percent(73.44), "73,4%");
        assert_eq!(Lang::Vi.percent(99.8), "99,8%");
        assert_eq!(Lang::Vi.percent(99.96), "99,9%");
        assert_eq!(Lang::Vi.int(100_000), "100.000");
        assert_eq!(Lang::En.int(100_000), "100,000");
        assert_eq!(fill(Lang::En.t(Msg::DaysLate), 3), "3 days late");
    }
}
