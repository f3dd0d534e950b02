//! Validation of records before they are stored: text cleaned (NFC, no control
//! characters), codes checked, ranges and date order checked. The store calls these for
//! every write, so the CLI, the TUI and import share them.

use super::model::{Agency, NewTask, Program};
use super::text::{clean_code, clean_line, clean_optional, clean_record_code, clean_text};
use super::{Cadence, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Value;

fn opt_line(field: &str, v: Option<String>) -> Result<Option<String>> {
    match v {
        Some(s) => clean_optional(field, &s),
        None => Ok(None),
    }
}

fn count(field: &str, v: Option<i64>) -> Result<Option<i64>> {
    match v {
        Some(n) if !(0..=10_000_000).contains(&n) => Err(Error::invalid(Value::NumberRange {
            field: field.to_string(),
            n,
        })),
        other => Ok(other),
    }
}

impl Agency {
    /// The agency with its text cleaned and its fields checked.
    pub fn validated(self) -> Result<Agency> {
        Ok(Agency {
            code: clean_record_code("agency code", &self.code)?,
            name: clean_line("agency name", &self.name)?,
            kind: self.kind,
            parent: match self.parent {
                Some(p) => Some(clean_code("parent agency code", &p)?),
                None => None,
            },
            head: opt_line("head", self.head)?,
            members: count("member count", self.members)?,
            staff: count("staff count", self.staff)?,
        })
    }
}

impl Program {
    /// The program with its text cleaned and its fields checked.
    pub fn validated(self) -> Result<Program> {
        if self.ends_on < self.starts_on {
            return Err(Error::invalid(Value::EndsBeforeStarts {
                ends: self.ends_on,
                starts: self.starts_on,
            }));
        }
        if self.review_months > 120 {
            return Err(Error::invalid(Value::ReviewRange {
                months: i64::from(self.review_months),
            }));
        }
        let mut parties = Vec::new();
        for p in self.parties {
            let c = clean_code("signatory agency code", &p)?;
            if !parties.contains(&c) {
                parties.push(c);
            }
        }
        Ok(Program {
            code: clean_record_code("program code", &self.code)?,
            title: clean_line("program title", &self.title)?,
            kind: self.kind,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            parties,
            basis: opt_line("legal basis", self.basis)?,
            review_months: self.review_months,
        })
    }
}

/// Checks the coordinating agencies: codes, no duplicates, not the lead itself.
pub fn clean_with(lead: &str, with: Vec<String>) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for w in with {
        let c = clean_code("coordinating agency code", &w)?;
        if c == lead {
            return Err(Error::invalid(Value::LeadAlsoWith { code: c }));
        }
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Checks that a roadmap task has a deadline.
pub fn check_cadence(cadence: Cadence, deadline: Option<chrono::NaiveDate>) -> Result<()> {
    if cadence == Cadence::Roadmap && deadline.is_none() {
        return Err(Error::invalid(Value::RoadmapNeedsDeadline));
    }
    Ok(())
}

impl NewTask {
    /// The task with its text cleaned and its fields checked.
    pub fn validated(self) -> Result<NewTask> {
        let lead = clean_code("lead agency code", &self.lead)?;
        check_cadence(self.cadence, self.deadline)?;
        if self.status != Status::Done && self.progress == super::Progress::FULL {
            return Err(Error::invalid(Value::FullButNotDone {
                status: self.status,
                flag: false,
            }));
        }
        if self.status == Status::NotStarted && self.progress.get() > 0 {
            return Err(Error::invalid(Value::NotStartedAtZero {
                progress: self.progress.get(),
            }));
        }
        let completed_on = match (self.status, self.completed_on) {
            (Status::Done, Some(d)) => Some(d),
            (Status::Done, None) => Some(self.created_on),
            (_, _) => None,
        };
        Ok(NewTask {
            program: clean_code("program code", &self.program)?,
            category: clean_code("category code", &self.category)?,
            title: clean_line("title", &self.title)?,
            description: match self.description {
                Some(d) => Some(clean_text("description", &d)?).filter(|s| !s.is_empty()),
                None => None,
            },
            with: clean_with(&lead, self.with)?,
            lead,
            cadence: self.cadence,
            deadline: self.deadline,
            basis: opt_line("legal basis", self.basis)?,
            status: self.status,
            progress: if self.status == Status::Done {
                super::Progress::FULL
            } else {
                self.progress
            },
            created_on: self.created_on,
            completed_on,
        })
    }
}
