//! Progress, a whole percentage from 0 to 100, validated on construction.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::facts::Value;

/// A percentage from 0 to 100.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(try_from = "i64", into = "u8")]
pub struct Progress(u8);

impl Progress {
    /// 0 %.
    pub const ZERO: Progress = Progress(0);
    /// 100 %.
    pub const FULL: Progress = Progress(100);

    /// Checks that `n` is in 0..=100.
    pub fn new(n: i64) -> Result<Self> {
        if (0..=100).contains(&n) {
            Ok(Progress(n as u8))
        } else {
            Err(Error::invalid(Value::ProgressRange { n }))
        }
    }

    /// Parses text such as `40` or `40%`.
    pub fn parse(s: &str) -> Result<Self> {
        let t = s.trim().trim_end_matches('%').trim();
        match t.parse::<i64>() {
            Ok(n) => Progress::new(n),
            Err(_) => Err(Error::invalid(Value::ProgressNotNumber {
                text: crate::domain::text::escape(s.trim()).into_owned(),
            })),
        }
    }

    /// The percentage.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Progress {
    type Error = Error;
    fn try_from(n: i64) -> Result<Self> {
        Progress::new(n)
    }
}

impl From<Progress> for u8 {
    fn from(p: Progress) -> u8 {
        p.0
    }
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}%", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(Progress::new(0).unwrap().get(), 0);
        assert_eq!(Progress::new(100).unwrap().get(), 100);
        assert!(Progress::new(101).is_err());
        assert!(Progress::new(-5).is_err());
        assert_eq!(Progress::parse(" 40% ").unwrap().get(), 40);
        assert!(Progress::parse("4O").is_err());
        assert!(serde_json::from_str::<Progress>("101").is_err());
    }
}
