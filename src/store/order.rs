//! Protocol order of agencies and the review dates of programs (schema version 6).
//!
//! An agency's `position` is its rank among its siblings (the agencies with the same
//! parent). The protocol order walks the agency tree: the top-level agencies by position,
//! each followed by its own agencies by position, and so on down (the view
//! `agency_order`, whose `path` sorts in that order). A new agency goes last among its
//! siblings, and so does one moved under another parent (triggers of schema 6); a
//! database older than schema 6 numbers each agency's siblings in the order they were
//! added (id order), which is the order an administrator usually adds them in.
//!
//! A program's review dates are the ends of its review periods (every `review_months`
//! from 1 January of its first year: 30/06 and 31/12 for six months) and its last day,
//! unless dates were set for it (`program.reviews`, a JSON list).

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::agencies::referenced_agency;
use super::programs::{parse_date_col, program_id};
use super::{audit, Store};
use crate::error::{Error, Result};

/// Migration 6: agency positions, their tree order, a program's own review dates.
pub(crate) const MIGRATION_SQL: &str = r#"
ALTER TABLE agency ADD COLUMN position INTEGER CHECK (position IS NULL OR position >= 1);
UPDATE agency SET position = (SELECT count(*) FROM agency b
                              WHERE b.parent_id IS agency.parent_id AND b.id <= agency.id);
CREATE TRIGGER agency_position_new AFTER INSERT ON agency WHEN NEW.position IS NULL
BEGIN
    UPDATE agency SET position = (SELECT coalesce(max(position), 0) + 1 FROM agency
                                  WHERE parent_id IS NEW.parent_id AND id <> NEW.id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER agency_position_moved AFTER UPDATE OF parent_id ON agency
WHEN NEW.parent_id IS NOT OLD.parent_id
BEGIN
    UPDATE agency SET position = (SELECT coalesce(max(position), 0) + 1 FROM agency
                                  WHERE parent_id IS NEW.parent_id AND id <> NEW.id)
    WHERE id = NEW.id;
END;
CREATE VIEW agency_order (id, path) AS
    WITH RECURSIVE t(id, path, depth) AS (
        SELECT id, printf('%08d%012d', coalesce(position, 0), id), 0 FROM agency WHERE parent_id IS NULL
        UNION ALL
        SELECT a.id, t.path || printf('%08d%012d', coalesce(a.position, 0), a.id), t.depth + 1
        FROM agency a JOIN t ON a.parent_id = t.id WHERE t.depth < 64
    )
    SELECT id, path FROM t;
ALTER TABLE program ADD COLUMN reviews TEXT;
"#;

/// Joins the protocol order of agency alias `a` (as `ao`).
pub(crate) const ORDER_JOIN: &str = "LEFT JOIN agency_order ao ON ao.id = a.id";
/// Sorts by protocol order (after [`ORDER_JOIN`]); an agency outside the tree goes last.
pub(crate) const ORDER_BY: &str = "coalesce(ao.path, '~'), a.code";

/// The review dates a program has by default (see [`crate::domain::review_dates`]).
pub fn default_reviews(starts_on: NaiveDate, ends_on: NaiveDate, months: u32) -> Vec<NaiveDate> {
    crate::domain::review_dates(starts_on, ends_on, months)
}

/// Checks review dates given for a program: each within its span, sorted and distinct;
/// its last day is added when missing (the final review).
pub fn checked_reviews(
    dates: &[NaiveDate],
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    let mut v: Vec<NaiveDate> = dates.to_vec();
    v.sort();
    v.dedup();
    if let Some(d) = v.iter().find(|d| **d <= starts_on || **d > ends_on) {
        return Err(Error::invalid(crate::lang::facts::Record::ReviewOutside {
            on: crate::domain::date::dmy(*d).to_string(),
            starts: crate::domain::date::dmy(starts_on).to_string(),
            ends: crate::domain::date::dmy(ends_on).to_string(),
        }));
    }
    if v.last() != Some(&ends_on) {
        v.push(ends_on);
    }
    Ok(v)
}

impl Store {
    /// The review dates set for a program (`None`: the default schedule).
    pub fn program_reviews(&self, code: &str) -> Result<Option<Vec<NaiveDate>>> {
        let json: Option<Option<String>> = self
            .conn()
            .query_row("SELECT reviews FROM program WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(Some(json)) = json else {
            return Ok(None);
        };
        let list: Vec<String> = serde_json::from_str(&json).map_err(|e| {
            Error::Other(
                crate::lang::facts::Db::ReviewsDamaged {
                    code: code.to_string(),
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
        let dates = list
            .iter()
            .map(|s| parse_date_col(s))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(dates))
    }

    /// The review dates of a program: those set for it, else the default schedule.
    pub fn review_schedule(&self, p: &crate::domain::Program) -> Result<Vec<NaiveDate>> {
        Ok(match self.program_reviews(&p.code)? {
            Some(d) => d,
            None => default_reviews(p.starts_on, p.ends_on, p.review_months),
        })
    }

    /// Sets a program's review dates (admin only); `None` goes back to the default
    /// schedule. The program's last day is always the final review.
    pub fn set_program_reviews(&mut self, code: &str, dates: Option<&[NaiveDate]>) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin("edit programs")?;
            let (start, end): (String, String) = tx
                .query_row(
                    "SELECT starts_on, ends_on FROM program WHERE code = ?1 AND removed_on IS NULL",
                    [code],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| {
                    Error::NotFound(
                        format!(
                            "No program has the code `{}`.",
                            crate::domain::text::escape(code)
                        )
                        .into(),
                    )
                })?;
            let (start, end) = (parse_date_col(&start)?, parse_date_col(&end)?);
            let before: Option<String> =
                tx.query_row("SELECT reviews FROM program WHERE code = ?1", [code], |r| {
                    r.get(0)
                })?;
            let after = match dates {
                None => None,
                Some(d) => {
                    let v = checked_reviews(d, start, end)?;
                    let s: Vec<String> = v.iter().map(|d| d.to_string()).collect();
                    Some(
                        serde_json::to_string(&s)
                            .map_err(|e| Error::Other(e.to_string().into()))?,
                    )
                }
            };
            let id = program_id(tx, code)?.unwrap_or_default();
            tx.execute(
                "UPDATE program SET reviews = ?2, version = version + 1 WHERE id = ?1",
                params![id, after],
            )?;
            audit(
                tx,
                who,
                "edit",
                "program",
                code,
                Some(&serde_json::json!({ "reviews": before })),
                Some(&serde_json::json!({ "reviews": after })),
            )?;
            Ok(())
        })
    }

    /// An agency's position among its siblings.
    pub fn agency_position(&self, code: &str) -> Result<i64> {
        let p: Option<Option<i64>> = self
            .conn()
            .query_row("SELECT position FROM agency WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()?;
        match p {
            Some(p) => Ok(p.unwrap_or(0)),
            None => Err(Error::NotFound(
                format!(
                    "No agency has the code `{}`.",
                    crate::domain::text::escape(code)
                )
                .into(),
            )),
        }
    }

    /// Places an agency at `position` (1 = first) among its siblings (admin only); the
    /// siblings from there on move down one place. A position past the last puts it last.
    pub fn set_agency_position(&mut self, code: &str, position: i64) -> Result<i64> {
        if position < 1 {
            return Err(Error::invalid(crate::lang::facts::Cli::BadPosition {
                n: position,
            }));
        }
        self.write(|tx, who| {
            who.require_admin("edit agencies")?;
            let id = referenced_agency(tx, "agency", code)?;
            let (parent, before): (Option<i64>, Option<i64>) = tx.query_row(
                "SELECT parent_id, position FROM agency WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            // The siblings in their current order, without this agency, then this one
            // put in its place; all renumbered 1, 2, 3 …
            let mut st = tx.prepare(
                "SELECT id FROM agency WHERE parent_id IS ?1 AND id <> ?2 ORDER BY coalesce(position, 0), id",
            )?;
            let mut ids: Vec<i64> = st
                .query_map(params![parent, id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            drop(st);
            let at = (position as usize - 1).min(ids.len());
            ids.insert(at, id);
            for (i, a) in ids.iter().enumerate() {
                tx.execute(
                    "UPDATE agency SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
                    params![a, i as i64 + 1],
                )?;
            }
            let after = at as i64 + 1;
            audit(
                tx,
                who,
                "edit",
                "agency",
                code,
                Some(&serde_json::json!({ "position": before })),
                Some(&serde_json::json!({ "position": after })),
            )?;
            Ok(after)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn reviews_fall_at_the_end_of_each_half_year_and_on_the_last_day() {
        assert_eq!(
            default_reviews(d(2015, 12, 15), d(2017, 3, 1), 6),
            vec![
                d(2015, 12, 31),
                d(2016, 6, 30),
                d(2016, 12, 31),
                d(2017, 3, 1)
            ]
        );
        assert_eq!(
            default_reviews(d(2019, 1, 1), d(2019, 12, 31), 6),
            vec![d(2019, 6, 30), d(2019, 12, 31)]
        );
        assert_eq!(
            default_reviews(d(2019, 1, 1), d(2020, 6, 30), 12),
            vec![d(2019, 12, 31), d(2020, 6, 30)]
        );
        assert_eq!(
            default_reviews(d(2019, 1, 1), d(2019, 12, 31), 0),
            vec![d(2019, 12, 31)]
        );
        assert_eq!(
            default_reviews(d(2020, 2, 10), d(2020, 9, 30), 3),
            vec![d(2020, 3, 31), d(2020, 6, 30), d(2020, 9, 30)]
        );
    }

    #[test]
    fn given_reviews_are_checked() {
        let (s, e) = (d(2021, 1, 1), d(2021, 12, 31));
        assert_eq!(
            checked_reviews(&[d(2021, 9, 30), d(2021, 3, 31), d(2021, 9, 30)], s, e).unwrap(),
            vec![d(2021, 3, 31), d(2021, 9, 30), e]
        );
        assert!(checked_reviews(&[d(2022, 1, 1)], s, e).is_err());
        assert!(checked_reviews(&[s], s, e).is_err());
    }
}
