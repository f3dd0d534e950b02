//! The programs and agencies tables: small enough to hold, sorted in memory.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::columns::{AgencyCol, ProgramCol, SortState};
use super::cursor::Cursor;
use crate::domain::{next_review, Agency, Program};
use crate::error::Result;
use crate::store::{Counts, Scope, Store, Summary};
use crate::tui::action::Action;

/// A program with its numbers.
#[derive(Debug, Clone)]
pub struct ProgramRow {
    pub program: Program,
    pub counts: Counts,
    pub next_review: Option<NaiveDate>,
}

/// An agency with the numbers of the tasks it leads.
#[derive(Debug, Clone)]
pub struct AgencyRow {
    /// Its place in protocol order (0 first), as the store lists agencies.
    pub order: usize,
    pub agency: Agency,
    pub counts: Counts,
}

/// A sortable, in-memory table.
#[derive(Debug, Clone)]
pub struct Table<R> {
    pub rows: Vec<R>,
    pub sort: SortState,
    pub cursor: Cursor,
    pub loaded: bool,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Table {
            rows: Vec::new(),
            sort: SortState::default(),
            cursor: Cursor::default(),
            loaded: false,
        }
    }
}

impl<R> Table<R> {
    pub fn selected(&self) -> Option<&R> {
        self.rows.get(self.cursor.selected)
    }

    pub fn visible(&self, page: usize) -> &[R] {
        let from = self.cursor.top.min(self.rows.len());
        let to = (from + page).min(self.rows.len());
        &self.rows[from..to]
    }

    pub fn apply_move(&mut self, action: Action, page: usize) -> bool {
        self.cursor.apply(action, self.rows.len(), page)
    }

    /// Puts the selection on the row whose `key` is `k` (else the first row).
    pub fn select_key(&mut self, k: Option<&str>, page: usize, key: impl Fn(&R) -> &str) {
        self.cursor = Cursor::default();
        if let Some(i) = k.and_then(|k| self.rows.iter().position(|r| key(r) == k)) {
            self.cursor.selected = i;
        }
        self.cursor.follow(self.rows.len(), page);
    }

    /// Applies `s`/`S` over `columns` columns; the selection stays on the same record.
    pub(super) fn apply_sort(
        &mut self,
        action: Action,
        columns: usize,
        page: usize,
        key: impl Fn(&R) -> String,
        cmp: impl Fn(&R, &R, usize) -> Ordering,
    ) {
        match action {
            Action::SortNext => self.sort.next(columns),
            Action::SortReverse => self.sort.reverse(),
            _ => return,
        }
        let keep = self.selected().map(&key);
        self.resort(&cmp);
        if let Some(k) = keep {
            if let Some(i) = self.rows.iter().position(|r| key(r) == k) {
                self.cursor.selected = i;
            }
        }
        self.cursor.follow(self.rows.len(), page);
    }

    pub(super) fn resort(&mut self, cmp: &impl Fn(&R, &R, usize) -> Ordering) {
        let col = self.sort.column;
        let desc = self.sort.descending;
        self.rows.sort_by(|a, b| {
            let o = cmp(a, b, col);
            if desc {
                o.reverse()
            } else {
                o
            }
        });
    }
}

pub(super) fn cmp_f(a: f64, b: f64) -> Ordering {
    a.partial_cmp(&b).unwrap_or(Ordering::Equal)
}

fn program_cmp(a: &ProgramRow, b: &ProgramRow, col: usize) -> Ordering {
    let by = match ProgramCol::ALL[col % ProgramCol::ALL.len()] {
        ProgramCol::Code => a.program.code.cmp(&b.program.code),
        ProgramCol::Title => {
            crate::search::fold(&a.program.title).cmp(&crate::search::fold(&b.program.title))
        }
        ProgramCol::Kind => a.program.kind.cmp(&b.program.kind),
        ProgramCol::Period => a.program.starts_on.cmp(&b.program.starts_on),
        ProgramCol::Tasks => a.counts.tasks.cmp(&b.counts.tasks),
        ProgramCol::Overdue => a.counts.overdue.cmp(&b.counts.overdue),
        ProgramCol::Progress => cmp_f(a.counts.progress, b.counts.progress),
        ProgramCol::NextReview => a.next_review.cmp(&b.next_review),
    };
    by.then_with(|| a.program.code.cmp(&b.program.code))
}

fn agency_cmp(a: &AgencyRow, b: &AgencyRow, col: usize) -> Ordering {
    let by = match AgencyCol::ALL[col % AgencyCol::ALL.len()] {
        AgencyCol::Order => a.order.cmp(&b.order),
        AgencyCol::Code => a.agency.code.cmp(&b.agency.code),
        AgencyCol::Name => {
            crate::search::fold(&a.agency.name).cmp(&crate::search::fold(&b.agency.name))
        }
        AgencyCol::Kind => a.agency.kind.cmp(&b.agency.kind),
        AgencyCol::Tasks => a.counts.tasks.cmp(&b.counts.tasks),
        AgencyCol::Overdue => a.counts.overdue.cmp(&b.counts.overdue),
        AgencyCol::Progress => cmp_f(a.counts.progress, b.counts.progress),
    };
    by.then_with(|| a.agency.code.cmp(&b.agency.code))
}

impl Table<ProgramRow> {
    /// Reads the programs and each one's numbers as of `as_of` (one aggregate per program),
    /// within `within` (its program, when set, is the only row; its agency and category
    /// narrow the numbers).
    pub fn load_programs(
        &mut self,
        store: &Store,
        within: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
        page: usize,
    ) -> Result<()> {
        let mut rows = Vec::new();
        // One pass over the tasks gives every program's counts.
        let all = store.program_counts(within, as_of, today)?;
        for program in store.programs()? {
            if within.program.as_ref().is_some_and(|p| *p != program.code) {
                continue;
            }
            let counts = all.get(&program.code).copied().unwrap_or_default();
            let next = next_review(
                program.starts_on,
                program.ends_on,
                program.review_months,
                as_of,
            );
            rows.push(ProgramRow {
                program,
                counts,
                next_review: next,
            });
        }
        self.rows = rows;
        self.resort(&program_cmp);
        self.cursor.follow(self.rows.len(), page);
        self.loaded = true;
        Ok(())
    }

    pub fn sort_programs(&mut self, action: Action, page: usize) {
        self.apply_sort(
            action,
            ProgramCol::ALL.len(),
            page,
            |r| r.program.code.clone(),
            program_cmp,
        );
    }
}

impl Table<AgencyRow> {
    /// Reads the agencies; their numbers come from the dashboard's summary (tasks led).
    pub fn load_agencies(
        &mut self,
        store: &Store,
        summary: Option<&Summary>,
        page: usize,
    ) -> Result<()> {
        let by_code: std::collections::HashMap<&str, Counts> = summary
            .map(|s| {
                s.agencies
                    .iter()
                    .map(|a| (a.code.as_str(), a.counts))
                    .collect()
            })
            .unwrap_or_default();
        let counts = |code: &str| by_code.get(code).copied().unwrap_or_default();
        self.rows = store
            .agencies()?
            .into_iter()
            .enumerate()
            .map(|(order, agency)| AgencyRow {
                order,
                counts: counts(&agency.code),
                agency,
            })
            .collect();
        self.resort(&agency_cmp);
        self.cursor.follow(self.rows.len(), page);
        self.loaded = true;
        Ok(())
    }

    pub fn sort_agencies(&mut self, action: Action, page: usize) {
        self.apply_sort(
            action,
            AgencyCol::ALL.len(),
            page,
            |r| r.agency.code.clone(),
            agency_cmp,
        );
    }
}
