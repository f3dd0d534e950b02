//! Filters (`f`): program, category, status, deadline bucket, lead agency, lead or
//! coordinating agency, due soon. They narrow every task table (combined with its search),
//! and the dashboard, programs and agencies by program, category and agency.

use chrono::NaiveDate;

use crate::domain::{Bucket, Status};
use crate::error::Result;
use crate::store::{Scope, Store, TaskFilter};

/// The filters in force. Empty fields do not narrow.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub program: Option<String>,
    pub category: Option<String>,
    pub status: Option<Status>,
    pub bucket: Option<Bucket>,
    /// Tasks this agency leads.
    pub lead: Option<String>,
    /// Tasks this agency leads or coordinates.
    pub agency: Option<String>,
    pub due_soon: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// What the dashboard's numbers are narrowed to.
    pub fn scope(&self) -> Scope {
        Scope {
            program: self.program.clone(),
            agency: self.agency.clone(),
            category: self.category.clone(),
        }
    }

    /// `base` (what a table shows: all tasks, a program's, an agency's) narrowed by these
    /// filters; a field the base sets itself is kept. Buckets are those of `as_of`.
    pub fn narrow(&self, base: &TaskFilter, as_of: NaiveDate) -> TaskFilter {
        TaskFilter {
            program: base.program.clone().or_else(|| self.program.clone()),
            category: base.category.clone().or_else(|| self.category.clone()),
            lead: base.lead.clone().or_else(|| self.lead.clone()),
            agency: base.agency.clone().or_else(|| self.agency.clone()),
            status: base.status.or(self.status),
            bucket: base.bucket.or(self.bucket),
            due_soon: base.due_soon || self.due_soon,
            overdue: base.overdue,
            deadline_from: base.deadline_from,
            contains: base.contains.clone(),
            ids: base.ids.clone(),
            as_of: Some(as_of),
        }
    }
}

/// A field of the filter panel, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Program,
    Category,
    Status,
    Bucket,
    Lead,
    Agency,
    DueSoon,
}

impl FilterField {
    pub const ALL: [FilterField; 7] = [
        FilterField::Program,
        FilterField::Category,
        FilterField::Status,
        FilterField::Bucket,
        FilterField::Lead,
        FilterField::Agency,
        FilterField::DueSoon,
    ];

    /// True for the fields that narrow the dashboard too.
    pub fn scopes_dashboard(self) -> bool {
        matches!(
            self,
            FilterField::Program | FilterField::Category | FilterField::Agency
        )
    }
}

/// A choice for a code field: the code and its name (Vietnamese, English).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

/// The open filter panel: a draft of the filters, applied on Enter.
#[derive(Debug, Clone)]
pub struct FilterPanel {
    pub draft: Filters,
    pub field: usize,
    pub programs: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub agencies: Vec<Choice>,
}

/// The next (or previous) item after `cur` in `none, items…`, wrapping around.
fn step<T: Clone + PartialEq>(items: &[T], cur: Option<&T>, forward: bool) -> Option<T> {
    let n = items.len() + 1;
    let i = match cur {
        None => 0,
        Some(c) => items.iter().position(|x| x == c).map_or(0, |p| p + 1),
    };
    let j = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    j.checked_sub(1).and_then(|k| items.get(k).cloned())
}

impl FilterPanel {
    /// A panel over `filters`, with the choices read from the store.
    pub fn open(store: &Store, filters: &Filters) -> Result<FilterPanel> {
        let programs = store
            .programs()?
            .into_iter()
            .map(|p| Choice {
                name_vi: p.title.clone(),
                name_en: p.title,
                code: p.code,
            })
            .collect();
        let categories = store
            .categories()?
            .into_iter()
            .map(|c| Choice {
                code: c.code,
                name_vi: c.name_vi,
                name_en: c.name_en,
            })
            .collect();
        let agencies = store
            .agencies()?
            .into_iter()
            .map(|a| Choice {
                name_vi: a.name.clone(),
                name_en: a.name,
                code: a.code,
            })
            .collect();
        Ok(FilterPanel {
            draft: filters.clone(),
            field: 0,
            programs,
            categories,
            agencies,
        })
    }

    pub fn focused(&self) -> FilterField {
        FilterField::ALL[self.field % FilterField::ALL.len()]
    }

    pub fn next_field(&mut self, forward: bool) {
        let n = FilterField::ALL.len();
        self.field = if forward {
            (self.field + 1) % n
        } else {
            (self.field + n - 1) % n
        };
    }

    /// The focused filter's next (or previous) value; the first step from "any" is the
    /// first value, and past the last comes "any" again.
    pub fn step_value(&mut self, forward: bool) {
        let codes = |v: &[Choice]| v.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
        let field = self.focused();
        let d = &mut self.draft;
        match field {
            FilterField::Program => {
                d.program = step(&codes(&self.programs), d.program.as_ref(), forward)
            }
            FilterField::Category => {
                d.category = step(&codes(&self.categories), d.category.as_ref(), forward)
            }
            FilterField::Lead => d.lead = step(&codes(&self.agencies), d.lead.as_ref(), forward),
            FilterField::Agency => {
                d.agency = step(&codes(&self.agencies), d.agency.as_ref(), forward)
            }
            FilterField::Status => d.status = step(Status::ALL, d.status.as_ref(), forward),
            FilterField::Bucket => d.bucket = step(Bucket::ALL, d.bucket.as_ref(), forward),
            FilterField::DueSoon => d.due_soon = !d.due_soon,
        }
    }

    /// Clears the focused filter.
    pub fn clear_field(&mut self) {
        let field = self.focused();
        let d = &mut self.draft;
        match field {
            FilterField::Program => d.program = None,
            FilterField::Category => d.category = None,
            FilterField::Status => d.status = None,
            FilterField::Bucket => d.bucket = None,
            FilterField::Lead => d.lead = None,
            FilterField::Agency => d.agency = None,
            FilterField::DueSoon => d.due_soon = false,
        }
    }

    /// The name of a code among `choices` in `lang` ("vi" or "en"), or the code.
    pub fn name_of<'a>(choices: &'a [Choice], code: &'a str, lang: &str) -> &'a str {
        choices
            .iter()
            .find(|c| c.code == code)
            .map(|c| {
                if lang == "vi" {
                    c.name_vi.as_str()
                } else {
                    c.name_en.as_str()
                }
            })
            .unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cycle_through_any() {
        let items = vec!["a", "b"];
        assert_eq!(step(&items, None, true), Some("a"));
        assert_eq!(step(&items, Some(&"a"), true), Some("b"));
        assert_eq!(step(&items, Some(&"b"), true), None);
        assert_eq!(step(&items, None, false), Some("b"));
        assert_eq!(step::<&str>(&[], None, true), None);
    }

    #[test]
    fn narrowing_keeps_the_base() {
        let f = Filters {
            program: Some("P".into()),
            lead: Some("X".into()),
            status: Some(Status::Done),
            ..Default::default()
        };
        let base = TaskFilter {
            lead: Some("Y".into()),
            ..Default::default()
        };
        let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let n = f.narrow(&base, d);
        assert_eq!(n.lead.as_deref(), Some("Y"));
        assert_eq!(n.program.as_deref(), Some("P"));
        assert_eq!(n.status, Some(Status::Done));
        assert_eq!(n.as_of, Some(d));
    }
}
