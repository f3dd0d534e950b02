//! The small closed vocabularies of the domain, each stored and printed by a stable code.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::error::Error;

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident, $what:literal { $($(#[$vm:meta])* $variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable code stored in the database and used on the command line.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.code()) }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(Error::invalid(crate::lang::facts::Value::BadCode {
                        what: $what.to_string(),
                        given: crate::domain::text::escape(s).into_owned(),
                        allowed: [$($code),+].join(", "),
                    })),
                }
            }
        }
    };
}

code_enum!(
    /// What sort of body an agency is.
    AgencyKind, "agency kind" { Party = "party", Government = "government", Front = "front" }
);
code_enum!(
    /// What sort of program: a yearly coordination program, a multi-year building
    /// program, an action program.
    ProgramKind, "program kind" { Coordination = "coordination", Building = "building", Action = "action" }
);
code_enum!(
    /// A task on a roadmap with a deadline (*theo lộ trình*) or a recurring one (*thường xuyên*).
    Cadence, "cadence" { Roadmap = "roadmap", Recurring = "recurring" }
);
code_enum!(
    /// Where a task stands.
    Status, "status" {
        NotStarted = "not_started", InProgress = "in_progress", Done = "done", Suspended = "suspended"
    }
);
code_enum!(
    /// The four deadline buckets of Vietnamese task-tracking reports.
    Bucket, "deadline bucket" {
        /// *hoàn thành đúng hạn*
        DoneOnTime = "done_on_time",
        /// *hoàn thành quá hạn*
        DoneLate = "done_late",
        /// *chưa hoàn thành, trong hạn*
        InTime = "in_time",
        /// *chưa hoàn thành, quá hạn*
        Overdue = "overdue",
    }
);
code_enum!(
    /// What a login may do.
    Role, "role" { Admin = "admin", Operator = "operator", Supervisor = "supervisor" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for s in Status::ALL {
            assert_eq!(s.code().parse::<Status>().unwrap(), *s);
        }
        let e = "finished".parse::<Status>().unwrap_err();
        assert_eq!(e.exit_code(), 6);
        assert!(e.to_string().contains("not_started"));
    }
}
