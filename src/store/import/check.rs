//! Checking an import: codes resolved against the database and earlier records, duplicates
//! refused, roles enforced. Nothing here writes.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::write::history_len;
use super::{CodeMap, ImportBatch, ImportTask, Origin, Plan, Ref, Sourced, TaskRefs};
use crate::domain::{Agency, Category, Grant, Program, Role};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Fact, Import};
use crate::store::access::Who;
use crate::store::agencies::{agency_skeletons, confusable_agency, skeleton};
use crate::store::programs::{confusable_program, program_skeletons};

fn code_map(conn: &Connection, sql: &str) -> Result<CodeMap> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(1)?, Ref::Db(r.get(0)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn resolve(map: &CodeMap, origin: &Origin, field: &str, what: &str, code: &str) -> Result<Ref> {
    map.get(code).copied().ok_or_else(|| {
        origin.invalid(
            field,
            Import::UnknownCode {
                what: what.to_string(),
                code: crate::domain::text::escape(code).into_owned(),
            },
        )
    })
}

/// The fact of a `what` code given twice, the first time at `first`.
fn twice(what: &str, code: &str, first: &Origin) -> Import {
    Import::CodeTwice {
        what: what.to_string(),
        code: code.to_string(),
        file: crate::domain::text::escape(&first.file).into_owned(),
        line: first.line,
    }
}

fn denied(origin: &Origin, e: Error) -> Error {
    match e {
        Error::PermissionDenied(m) => Error::PermissionDenied(Fact::At {
            file: origin.file.clone(),
            line: origin.line,
            field: None,
            inner: Box::new(m),
        }),
        other => other,
    }
}

/// Checks the categories, agencies and programs of `batch` (not its tasks or roles)
/// against the database and `who`; writes nothing.
pub(super) fn plan_head(conn: &Connection, who: &Who, batch: &ImportBatch) -> Result<Plan> {
    let mut p = Plan {
        agencies: code_map(conn, "SELECT id, code FROM agency")?,
        programs: code_map(conn, "SELECT id, code FROM program")?,
        categories: code_map(conn, "SELECT id, code FROM category")?,
        // Read here, not passed in: the rule it serves must not be the caller's to move.
        today: chrono::Local::now().date_naive(),
        ..Default::default()
    };
    let existing_categories = db_categories(conn)?;
    let mut seen: HashMap<String, &Origin> = HashMap::new();
    for (i, c) in batch.categories.iter().enumerate() {
        let code = &c.value.code;
        if let Some(first) = seen.insert(code.clone(), &c.origin) {
            return Err(c.origin.invalid("code", twice("category", code, first)));
        }
        match existing_categories.get(code) {
            Some(old) if *old == c.value => p.outcome.categories_unchanged += 1,
            Some(_) => {
                return Err(c
                    .origin
                    .invalid("code", Import::CategoryDiffers { code: code.clone() }))
            }
            None => {
                who.require_admin(Act::AddCategories)
                    .map_err(|e| denied(&c.origin, e))?;
                p.categories.insert(code.clone(), Ref::New(i));
                p.new_categories.push(i);
                p.outcome.categories_added += 1;
            }
        }
    }

    // Names and titles a new one may not look like: those in the database and those
    // earlier in the import (read only when the import adds any).
    let mut agency_names = if batch.agencies.is_empty() {
        Vec::new()
    } else {
        agency_skeletons(conn, None)?
    };
    seen.clear();
    for (i, a) in batch.agencies.iter().enumerate() {
        let code = &a.value.code;
        if let Some(first) = seen.insert(code.clone(), &a.origin) {
            return Err(a.origin.invalid("code", twice("agency", code, first)));
        }
        if p.agencies.contains_key(code) {
            if db_agency(conn, code)? == a.value {
                p.outcome.agencies_unchanged += 1;
                continue;
            }
            return Err(a
                .origin
                .invalid("code", Import::AgencyDiffers { code: code.clone() }));
        }
        who.require_admin(Act::AddAgencies)
            .map_err(|e| denied(&a.origin, e))?;
        let sk = skeleton(&a.value.name);
        if let Some((_, other, name)) = agency_names.iter().find(|(s, _, _)| *s == sk) {
            return Err(a
                .origin
                .invalid("name", confusable_agency(&a.value.name, other, name)));
        }
        agency_names.push((sk, code.clone(), a.value.name.clone()));
        p.agencies.insert(code.clone(), Ref::New(i));
        p.new_agencies.push(i);
        p.outcome.agencies_added += 1;
    }
    // Parents: known, and no cycle among the new agencies.
    let parent_of: HashMap<&str, Option<&str>> = batch
        .agencies
        .iter()
        .map(|a| (a.value.code.as_str(), a.value.parent.as_deref()))
        .collect();
    for &i in &p.new_agencies {
        let a = &batch.agencies[i];
        if let Some(parent) = &a.value.parent {
            resolve(&p.agencies, &a.origin, "parent", "agency", parent)?;
            let mut cursor = Some(parent.as_str());
            let mut hops = 0;
            while let Some(c) = cursor {
                if c == a.value.code || hops > batch.agencies.len() {
                    return Err(a.origin.invalid(
                        "parent",
                        Import::Cycle {
                            code: a.value.code.clone(),
                            parent: parent.clone(),
                        },
                    ));
                }
                cursor = parent_of.get(c).copied().flatten();
                hops += 1;
            }
        }
    }

    let mut program_titles = if batch.programs.is_empty() {
        Vec::new()
    } else {
        program_skeletons(conn, None)?
    };
    seen.clear();
    for (i, pr) in batch.programs.iter().enumerate() {
        let code = &pr.value.code;
        if let Some(first) = seen.insert(code.clone(), &pr.origin) {
            return Err(pr.origin.invalid("code", twice("program", code, first)));
        }
        for party in &pr.value.parties {
            resolve(&p.agencies, &pr.origin, "parties", "agency", party)?;
        }
        if p.programs.contains_key(code) {
            if db_program(conn, code)? == pr.value {
                p.outcome.programs_unchanged += 1;
                continue;
            }
            return Err(pr
                .origin
                .invalid("code", Import::ProgramDiffers { code: code.clone() }));
        }
        who.require_admin(Act::AddPrograms)
            .map_err(|e| denied(&pr.origin, e))?;
        let sk = skeleton(&pr.value.title);
        if let Some((_, other, title)) = program_titles.iter().find(|(s, _, _)| *s == sk) {
            return Err(pr
                .origin
                .invalid("title", confusable_program(&pr.value.title, other, title)));
        }
        program_titles.push((sk, code.clone(), pr.value.title.clone()));
        p.programs.insert(code.clone(), Ref::New(i));
        p.new_programs.push(i);
        p.outcome.programs_added += 1;
    }
    Ok(p)
}

/// The tasks already in the programs an import adds to, by (program, category, lead,
/// title): importing the same file twice does not add its tasks twice. A program's tasks
/// are read the first time one of its tasks is checked, before any is written.
#[derive(Default)]
pub(super) struct Existing {
    programs: HashSet<i64>,
    tasks: HashSet<(i64, i64, i64, String)>,
}

impl Existing {
    fn contains(
        &mut self,
        conn: &Connection,
        program: i64,
        category: i64,
        lead: i64,
        title: &str,
    ) -> Result<bool> {
        if self.programs.insert(program) {
            let mut st = conn.prepare_cached(
                "SELECT category_id, lead_id, title FROM task WHERE program_id = ?1",
            )?;
            let rows = st.query_map([program], |r| {
                Ok((
                    program,
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                self.tasks.insert(row?);
            }
        }
        // Cheap test first: most imports go to programs without tasks yet.
        if self.tasks.is_empty() {
            return Ok(false);
        }
        Ok(self
            .tasks
            .contains(&(program, category, lead, title.to_string())))
    }
}

/// Resolves and checks one task (codes, duplicates, roles) and counts it in the outcome.
pub(super) fn check_task(
    conn: &Connection,
    who: &Who,
    p: &mut Plan,
    existing: &mut Existing,
    t: &Sourced<ImportTask>,
) -> Result<TaskRefs> {
    let (o, it) = (&t.origin, &t.value);
    let task = &it.task;
    let program = resolve(&p.programs, o, "program", "program", &task.program)?;
    let category = resolve(&p.categories, o, "category", "category", &task.category)?;
    let lead = resolve(&p.agencies, o, "lead", "agency", &task.lead)?;
    let with = task
        .with
        .iter()
        .map(|w| resolve(&p.agencies, o, "with", "agency", w))
        .collect::<Result<Vec<_>>>()?;
    let urges = it
        .urges
        .iter()
        .map(|u| match &u.agency {
            Some(a) => resolve(&p.agencies, o, "urges", "agency", a),
            None => Ok(lead),
        })
        .collect::<Result<Vec<_>>>()?;
    if let (Ref::Db(pid), Ref::Db(cid), Ref::Db(lid)) = (program, category, lead) {
        if existing.contains(conn, pid, cid, lid, &task.title)? {
            return Err(o.invalid(
                "title",
                Import::TaskTwice {
                    program: task.program.clone(),
                },
            ));
        }
    }
    match (lead, with.iter().all(|w| matches!(w, Ref::Db(_)))) {
        (Ref::Db(l), true) => {
            if who.role != Role::Admin {
                let ids: Vec<i64> = with
                    .iter()
                    .filter_map(|w| match w {
                        Ref::Db(i) => Some(*i),
                        Ref::New(_) => None,
                    })
                    .collect();
                who.require_task_write(l, &ids, Act::ImportTask)
                    .map_err(|e| denied(o, e))?;
            }
        }
        // New agencies: only an admin got this far.
        _ => who
            .require_admin(Act::ImportNewAgencyTasks)
            .map_err(|e| denied(o, e))?,
    }
    if !it.history.is_empty() || !it.urges.is_empty() {
        who.require_admin(Act::RestoreHistories)
            .map_err(|e| denied(o, e))?;
    }
    // Only an admin back-dates the record: a task created or completed before today
    // would count in past reviews.
    if let Some((field, d)) = [
        ("created_on", Some(task.created_on)),
        ("completed_on", task.completed_on),
    ]
    .into_iter()
    .find_map(|(f, d)| d.filter(|d| *d < p.today).map(|d| (f, d)))
    {
        who.require_admin(Act::ImportBackdated {
            field: field.to_string(),
            on: d,
        })
        .map_err(|e| denied(o, e))?;
    }
    p.outcome.tasks_added += 1;
    p.outcome.history_added += history_len(it) as u64;
    p.outcome.urges_added += it.urges.len() as u64;
    Ok((program, category, lead, with, urges))
}

/// Checks the roles of `batch` against the database and `who`.
pub(super) fn check_grants(
    conn: &Connection,
    who: &Who,
    batch: &ImportBatch,
    p: &mut Plan,
) -> Result<()> {
    let mut seen: HashMap<String, &Origin> = HashMap::new();
    let grants = db_grants(conn)?;
    for (i, g) in batch.grants.iter().enumerate() {
        let login = &g.value.login;
        if let Some(first) = seen.insert(login.clone(), &g.origin) {
            return Err(g.origin.invalid(
                "login",
                Import::LoginTwice {
                    login: login.clone(),
                    file: crate::domain::text::escape(&first.file).into_owned(),
                    line: first.line,
                },
            ));
        }
        if let Some(a) = &g.value.agency {
            resolve(&p.agencies, &g.origin, "agency", "agency", a)?;
        }
        match grants.get(login) {
            Some(old) if *old == g.value => p.outcome.roles_unchanged += 1,
            Some(_) => {
                return Err(g.origin.invalid(
                    "login",
                    Import::LoginHasRole {
                        login: login.clone(),
                    },
                ))
            }
            None => {
                who.require_admin(Act::GrantRoles)
                    .map_err(|e| denied(&g.origin, e))?;
                p.new_grants.push(i);
                p.outcome.roles_added += 1;
            }
        }
    }
    Ok(())
}

/// Checks every record of `batch` against the database and `who`; writes nothing.
pub(super) fn plan(conn: &Connection, who: &Who, batch: &ImportBatch) -> Result<Plan> {
    let mut p = plan_head(conn, who, batch)?;
    let mut existing = Existing::default();
    p.tasks.reserve(batch.tasks.len());
    for t in &batch.tasks {
        let refs = check_task(conn, who, &mut p, &mut existing, t)?;
        p.tasks.push(refs);
    }
    check_grants(conn, who, batch, &mut p)?;
    Ok(p)
}

fn date_col(s: String) -> rusqlite::Result<NaiveDate> {
    crate::store::programs::parse_date_col(&s)
}

fn db_categories(conn: &Connection) -> Result<HashMap<String, Category>> {
    let mut st = conn.prepare("SELECT code, name_vi, name_en, position FROM category")?;
    let rows = st.query_map([], |r| {
        Ok(Category {
            code: r.get(0)?,
            name_vi: r.get(1)?,
            name_en: r.get(2)?,
            position: r.get(3)?,
        })
    })?;
    rows.map(|r| r.map(|c| (c.code.clone(), c)).map_err(Error::from))
        .collect()
}

fn db_agency(conn: &Connection, code: &str) -> Result<Agency> {
    Ok(conn.query_row(
        "SELECT a.code, a.name, a.kind, p.code, a.head, a.members, a.staff FROM agency a \
         LEFT JOIN agency p ON p.id = a.parent_id WHERE a.code = ?1",
        [code],
        |r| {
            let kind: String = r.get(2)?;
            Ok(Agency {
                code: r.get(0)?,
                name: r.get(1)?,
                kind: kind.parse().unwrap_or(crate::domain::AgencyKind::Party),
                parent: r.get(3)?,
                head: r.get(4)?,
                members: r.get(5)?,
                staff: r.get(6)?,
            })
        },
    )?)
}

fn db_program(conn: &Connection, code: &str) -> Result<Program> {
    let (id, mut p) = conn.query_row(
        "SELECT id, code, title, kind, starts_on, ends_on, basis, review_months FROM program WHERE code = ?1",
        [code],
        |r| {
            let kind: String = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                Program {
                    code: r.get(1)?,
                    title: r.get(2)?,
                    kind: kind.parse().unwrap_or(crate::domain::ProgramKind::Coordination),
                    starts_on: date_col(r.get(4)?)?,
                    ends_on: date_col(r.get(5)?)?,
                    parties: Vec::new(),
                    basis: r.get(6)?,
                    review_months: r.get(7)?,
                },
            ))
        },
    )?;
    let mut st = conn.prepare(
        "SELECT a.code FROM program_party pp JOIN agency a ON a.id = pp.agency_id WHERE pp.program_id = ?1 ORDER BY a.code",
    )?;
    p.parties = st
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

fn db_grants(conn: &Connection) -> Result<HashMap<String, Grant>> {
    let mut st = conn.prepare(
        "SELECT g.login, g.role, a.code FROM role_grant g LEFT JOIN agency a ON a.id = g.agency_id",
    )?;
    let rows = st.query_map([], |r| {
        let role: String = r.get(1)?;
        Ok(Grant {
            login: r.get(0)?,
            role: role.parse().unwrap_or(Role::Supervisor),
            agency: r.get(2)?,
        })
    })?;
    rows.map(|r| r.map(|g| (g.login.clone(), g)).map_err(Error::from))
        .collect()
}
