//! Programs and categories: reads and admin-only writes.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::agencies::{referenced_agency, skeleton};
use super::{audit, unique_violation, Store};
use crate::domain::{Category, Program, ProgramKind};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Record};

/// Changes to a program (`None` = unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProgramEdit {
    pub title: Option<String>,
    pub kind: Option<ProgramKind>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub parties: Option<Vec<String>>,
    pub basis: Option<Option<String>>,
    pub review_months: Option<u32>,
}

/// A stored date (`YYYY-MM-DD`); a value that is not one is an error that says so, never
/// a default date.
pub(crate) fn parse_date_col(s: &str) -> rusqlite::Result<NaiveDate> {
    crate::domain::date::parse_stored(s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("the stored date `{s}` is not a date").into(),
        )
    })
}

fn get(conn: &Connection, code: &str) -> Result<Program> {
    let row: Option<(i64, Program)> = conn
        .query_row(
            "SELECT id, code, title, kind, starts_on, ends_on, basis, review_months FROM program WHERE code = ?1",
            [code],
            |r| {
                let kind: String = r.get(3)?;
                let s: String = r.get(4)?;
                let e: String = r.get(5)?;
                Ok((
                    r.get(0)?,
                    Program {
                        code: r.get(1)?,
                        title: r.get(2)?,
                        kind: kind.parse().unwrap_or(ProgramKind::Coordination),
                        starts_on: parse_date_col(&s)?,
                        ends_on: parse_date_col(&e)?,
                        parties: Vec::new(),
                        basis: r.get(6)?,
                        review_months: r.get(7)?,
                    },
                ))
            },
        )
        .optional()?;
    let (id, mut p) = row.ok_or_else(|| {
        Error::NotFound(
            Record::NoProgram {
                code: crate::domain::text::escape(code).into_owned(),
            }
            .into(),
        )
    })?;
    let mut st = conn.prepare_cached(
        "SELECT a.code FROM program_party pp JOIN agency a ON a.id = pp.agency_id WHERE pp.program_id = ?1 ORDER BY a.code",
    )?;
    p.parties = st
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

/// The id of the program with this code, if any.
pub(crate) fn program_id(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM program WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The id of the category with this code, if any.
pub(crate) fn category_id(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM category WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The sentence refusing a program title that looks like program `code`'s title.
pub(crate) fn confusable_program(
    title: &str,
    code: &str,
    existing: &str,
) -> crate::lang::facts::Record {
    crate::lang::facts::Record::ProgramLooksLike {
        title: crate::domain::text::escape(title).into_owned(),
        code: code.to_string(),
        existing: crate::domain::text::escape(existing).into_owned(),
    }
}

/// The title and skeleton of every program but `except` (the program being edited).
pub(crate) fn program_skeletons(
    conn: &Connection,
    except: Option<&str>,
) -> Result<Vec<(String, String, String)>> {
    let mut st = conn.prepare_cached("SELECT code, title FROM program")?;
    let mut rows = st.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (code, title): (String, String) = (r.get(0)?, r.get(1)?);
        if except != Some(code.as_str()) {
            out.push((skeleton(&title), code, title));
        }
    }
    Ok(out)
}

/// Refuses a program title (new, or the new title of program `except`) that looks the
/// same as another program's title (Unicode's confusable skeleton), or is the same again.
fn refuse_confusable_title(conn: &Connection, title: &str, except: Option<&str>) -> Result<()> {
    let wanted = skeleton(title);
    for (sk, code, existing) in program_skeletons(conn, except)? {
        if sk == wanted {
            return Err(Error::invalid(confusable_program(title, &code, &existing)));
        }
    }
    Ok(())
}

fn set_parties(tx: &Connection, id: i64, parties: &[String]) -> Result<()> {
    tx.execute("DELETE FROM program_party WHERE program_id = ?1", [id])?;
    for p in parties {
        let a = referenced_agency(tx, "signatory agency", p)?;
        tx.execute(
            "INSERT INTO program_party (program_id, agency_id) VALUES (?1, ?2)",
            [id, a],
        )?;
    }
    Ok(())
}

impl Store {
    /// Every program, ordered by start date then code.
    pub fn programs(&self) -> Result<Vec<Program>> {
        let codes: Vec<String> = {
            let mut st = self
                .conn()
                .prepare_cached("SELECT code FROM program ORDER BY starts_on, code")?;
            let rows = st.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        codes.iter().map(|c| get(self.conn(), c)).collect()
    }

    /// One program by code.
    pub fn program(&self, code: &str) -> Result<Program> {
        get(self.conn(), code)
    }

    /// The work categories, in their display order.
    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut st = self.conn().prepare_cached(
            "SELECT code, name_vi, name_en, position FROM category ORDER BY position, code",
        )?;
        let rows = st.query_map([], |r| {
            Ok(Category {
                code: r.get(0)?,
                name_vi: r.get(1)?,
                name_en: r.get(2)?,
                position: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a program (admin only).
    pub fn add_program(&mut self, program: Program) -> Result<Program> {
        let p = program.validated()?;
        self.write(|tx, who| {
            who.require_admin(Act::AddPrograms)?;
            refuse_confusable_title(tx, &p.title, None)?;
            tx.execute(
                "INSERT INTO program (code, title, kind, starts_on, ends_on, basis, review_months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![p.code, p.title, p.kind.code(), p.starts_on.to_string(), p.ends_on.to_string(), p.basis, p.review_months],
            )
            .map_err(|e| unique_violation(e, || crate::lang::facts::Record::CodeTaken { program: true, code: p.code.clone() }.into()))?;
            let id = tx.last_insert_rowid();
            set_parties(tx, id, &p.parties)?;
            audit(tx, who, "add", "program", &p.code, None::<&()>, Some(&p))?;
            Ok(p.clone())
        })
    }

    /// Changes a program (admin only).
    pub fn edit_program(&mut self, code: &str, edit: ProgramEdit) -> Result<Program> {
        self.write(|tx, who| {
            who.require_admin(Act::EditPrograms)?;
            let before = get(tx, code)?;
            let mut after = before.clone();
            if let Some(t) = edit.title {
                after.title = t;
            }
            if let Some(k) = edit.kind {
                after.kind = k;
            }
            if let Some(s) = edit.starts_on {
                after.starts_on = s;
            }
            if let Some(e) = edit.ends_on {
                after.ends_on = e;
            }
            if let Some(p) = edit.parties {
                after.parties = p;
            }
            if let Some(b) = edit.basis {
                after.basis = b;
            }
            if let Some(m) = edit.review_months {
                after.review_months = m;
            }
            let after = after.validated()?;
            if after.title != before.title {
                refuse_confusable_title(tx, &after.title, Some(code))?;
            }
            let id = program_id(tx, code)?.unwrap_or_default();
            tx.execute(
                "UPDATE program SET title = ?2, kind = ?3, starts_on = ?4, ends_on = ?5, basis = ?6, review_months = ?7, version = version + 1 WHERE id = ?1",
                params![id, after.title, after.kind.code(), after.starts_on.to_string(), after.ends_on.to_string(), after.basis, after.review_months],
            )?;
            set_parties(tx, id, &after.parties)?;
            audit(tx, who, "edit", "program", code, Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    /// Removes a program that has no tasks (admin only).
    pub fn remove_program(&mut self, code: &str) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin(Act::RemovePrograms)?;
            let before = get(tx, code)?;
            let id = program_id(tx, code)?.unwrap_or_default();
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM task WHERE program_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if n > 0 {
                return Err(Error::invalid(Record::ProgramHasTasks {
                    code: code.to_string(),
                    n,
                }));
            }
            let past: i64 = tx.query_row(
                "SELECT count(*) FROM task_version WHERE program_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if past > 0 {
                return Err(Error::invalid(Record::ProgramHeldTasks {
                    code: code.to_string(),
                }));
            }
            tx.execute("DELETE FROM program WHERE id = ?1", [id])?;
            audit(
                tx,
                who,
                "remove",
                "program",
                code,
                Some(&before),
                None::<&()>,
            )?;
            Ok(())
        })
    }
}
