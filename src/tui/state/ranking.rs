//! The Ranking view (issue 16, item 2): the lead agencies as [`Store::agency_ranking`]
//! orders them as of the session's date, sortable by any column in memory; `Enter` opens
//! the tasks an agency leads.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::columns::RankCol;
use super::lists::{cmp_f, Table};
use crate::error::Result;
use crate::store::ranking::RankRow;
use crate::store::{Scope, Store};
use crate::tui::action::Action;

/// An absent number (nothing due, nothing late) sorts before every present one.
fn cmp_opt(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => cmp_f(a, b),
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}

/// The order by column `col`; equal rows keep the ranking's order whichever the
/// direction (`descending` is the direction the table is reversed in afterwards).
fn rank_cmp(a: &RankRow, b: &RankRow, col: usize, descending: bool) -> Ordering {
    let by = match RankCol::ALL[col % RankCol::ALL.len()] {
        RankCol::Rank => a.rank.cmp(&b.rank),
        RankCol::Agency => crate::search::fold(&a.name).cmp(&crate::search::fold(&b.name)),
        RankCol::Rate => cmp_opt(a.on_time_rate, b.on_time_rate),
        RankCol::OnTime => a.counts.done_on_time.cmp(&b.counts.done_on_time),
        RankCol::Late => a.counts.done_late.cmp(&b.counts.done_late),
        RankCol::Overdue => a.counts.overdue.cmp(&b.counts.overdue),
        RankCol::InTime => a.counts.in_time.cmp(&b.counts.in_time),
        RankCol::Urges => a.urges.cmp(&b.urges),
        RankCol::MeanLate => cmp_opt(a.mean_days_late, b.mean_days_late),
    };
    let tie = a.rank.cmp(&b.rank);
    by.then(if descending { tie.reverse() } else { tie })
}

impl Table<RankRow> {
    /// Reads the ranking of the lead agencies in `scope` as of `as_of`, sorted as the
    /// table is, the selection kept on its agency.
    pub fn load_ranking(
        &mut self,
        store: &Store,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
        page: usize,
    ) -> Result<()> {
        let keep = self.selected().map(|r| r.code.clone());
        self.rows = store.agency_ranking(scope, as_of, today)?;
        let desc = self.sort.descending;
        self.resort(&|a: &RankRow, b: &RankRow, c| rank_cmp(a, b, c, desc));
        self.select_key(keep.as_deref(), page, |r| r.code.as_str());
        self.loaded = true;
        Ok(())
    }

    pub fn sort_ranking(&mut self, action: Action, page: usize) {
        // The direction once `action` is applied: `s` sorts ascending, `S` reverses.
        let desc = match action {
            Action::SortReverse => !self.sort.descending,
            _ => false,
        };
        self.apply_sort(
            action,
            RankCol::ALL.len(),
            page,
            |r| r.code.clone(),
            move |a, b, c| rank_cmp(a, b, c, desc),
        );
    }
}
