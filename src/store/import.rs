//! Bulk import, all or nothing: categories, agencies, programs, tasks (with their history
//! and urges) and roles, checked against the database and the caller's role, then written
//! in ONE `BEGIN IMMEDIATE` transaction with prepared, cached statements.
//!
//! The records arrive already cleaned and checked field by field (`crate::io`); here the
//! references are resolved (codes in the database or earlier in the same import), the
//! roles are enforced (admins for agencies, programs, categories, roles and restored
//! histories; operators only for tasks their agency leads or coordinates; supervisors
//! nothing), and duplicates are refused. Every error names the file, the line and the
//! field. Nothing is written until every record has been checked; any error rolls the
//! transaction back, leaving the database file as it was.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::access::Who;
use super::{audit, now_stamp, Store};
use crate::domain::{Agency, Category, Grant, NewTask, Program, Progress, Role, Status};
use crate::error::{Error, Result};
use crate::search::fold;

/// Where a record came from: file and line, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}", self.file, self.line)
    }
}

impl Origin {
    /// An invalid-data error about `field` of this record.
    pub fn invalid(&self, field: &str, msg: impl fmt::Display) -> Error {
        // Escaped: the message may quote the file's own bytes (a header, a key).
        let m = format!("{self}, field {field}: {msg}");
        Error::Invalid(crate::domain::text::escape(&m).into_owned())
    }
}

/// A record and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub origin: Origin,
    pub value: T,
}

/// A history entry to restore. Missing `at`/`actor` become now and the importing login.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportHistory {
    pub on: NaiveDate,
    pub at: Option<String>,
    pub actor: Option<String>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// An urge to restore. A missing agency is the task's lead.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportUrge {
    pub on: NaiveDate,
    pub at: Option<String>,
    pub actor: Option<String>,
    pub agency: Option<String>,
    pub message: String,
}

/// A task to add, with its history (empty: one is made from its state) and urges.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportTask {
    pub task: NewTask,
    pub history: Vec<ImportHistory>,
    pub urges: Vec<ImportUrge>,
}

/// Everything one import adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportBatch {
    pub categories: Vec<Sourced<Category>>,
    pub agencies: Vec<Sourced<Agency>>,
    pub programs: Vec<Sourced<Program>>,
    pub tasks: Vec<Sourced<ImportTask>>,
    pub grants: Vec<Sourced<Grant>>,
    /// Names the import in the audit log (the file names).
    pub label: String,
}

/// What an import changed (or, with `dry_run`, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub dry_run: bool,
    pub categories_added: u64,
    pub categories_unchanged: u64,
    pub agencies_added: u64,
    pub agencies_unchanged: u64,
    pub programs_added: u64,
    pub programs_unchanged: u64,
    pub tasks_added: u64,
    pub history_added: u64,
    pub urges_added: u64,
    pub roles_added: u64,
    pub roles_unchanged: u64,
}

/// A code resolved to a row already in the database or to a record of this import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ref {
    Db(i64),
    New(usize),
}

/// A task's resolved program, category, lead, coordinating agencies and urged agencies.
type TaskRefs = (Ref, Ref, Ref, Vec<Ref>, Vec<Ref>);

#[derive(Debug, Default)]
struct Plan {
    new_categories: Vec<usize>,
    new_agencies: Vec<usize>,
    agencies: HashMap<String, Ref>,
    new_programs: Vec<usize>,
    programs: HashMap<String, Ref>,
    categories: HashMap<String, Ref>,
    /// Per task: program, category, lead, coordinating agencies, urge agencies.
    tasks: Vec<TaskRefs>,
    new_grants: Vec<usize>,
    outcome: ImportOutcome,
}

fn code_map(conn: &Connection, sql: &str) -> Result<HashMap<String, Ref>> {
    let mut st = conn.prepare(sql)?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(1)?, Ref::Db(r.get(0)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn resolve(
    map: &HashMap<String, Ref>,
    origin: &Origin,
    field: &str,
    what: &str,
    code: &str,
) -> Result<Ref> {
    map.get(code).copied().ok_or_else(|| {
        origin.invalid(
            field,
            format!(
                "`{}` is not a known {what} code (neither in the database nor earlier in the import).",
                crate::domain::text::escape(code)
            ),
        )
    })
}

fn denied(origin: &Origin, e: Error) -> Error {
    match e {
        Error::PermissionDenied(m) => Error::PermissionDenied(format!("{origin}: {m}")),
        other => other,
    }
}

/// Checks every record of `batch` against the database and `who`; writes nothing.
fn plan(conn: &Connection, who: &Who, batch: &ImportBatch) -> Result<Plan> {
    let mut p = Plan {
        agencies: code_map(conn, "SELECT id, code FROM agency")?,
        programs: code_map(conn, "SELECT id, code FROM program")?,
        categories: code_map(conn, "SELECT id, code FROM category")?,
        ..Default::default()
    };
    let existing_categories = db_categories(conn)?;
    let mut seen: HashMap<String, &Origin> = HashMap::new();
    for (i, c) in batch.categories.iter().enumerate() {
        let code = &c.value.code;
        if let Some(first) = seen.insert(code.clone(), &c.origin) {
            return Err(c.origin.invalid(
                "code",
                format!("The category code `{code}` appears twice (first at {first})."),
            ));
        }
        match existing_categories.get(code) {
            Some(old) if *old == c.value => p.outcome.categories_unchanged += 1,
            Some(_) => {
                return Err(c.origin.invalid("code", format!("A category with the code `{code}` already exists with other names or position; change it in the database instead.")))
            }
            None => {
                who.require_admin("add categories")
                    .map_err(|e| denied(&c.origin, e))?;
                p.categories.insert(code.clone(), Ref::New(i));
                p.new_categories.push(i);
                p.outcome.categories_added += 1;
            }
        }
    }

    seen.clear();
    for (i, a) in batch.agencies.iter().enumerate() {
        let code = &a.value.code;
        if let Some(first) = seen.insert(code.clone(), &a.origin) {
            return Err(a.origin.invalid(
                "code",
                format!("The agency code `{code}` appears twice (first at {first})."),
            ));
        }
        if p.agencies.contains_key(code) {
            if db_agency(conn, code)? == a.value {
                p.outcome.agencies_unchanged += 1;
                continue;
            }
            return Err(a.origin.invalid("code", format!("An agency with the code `{code}` already exists with other data; change it with `phoihop agency edit` instead.")));
        }
        who.require_admin("add agencies")
            .map_err(|e| denied(&a.origin, e))?;
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
                        format!(
                            "Placing `{}` under `{parent}` would make a cycle of agencies.",
                            a.value.code
                        ),
                    ));
                }
                cursor = parent_of.get(c).copied().flatten();
                hops += 1;
            }
        }
    }

    seen.clear();
    for (i, pr) in batch.programs.iter().enumerate() {
        let code = &pr.value.code;
        if let Some(first) = seen.insert(code.clone(), &pr.origin) {
            return Err(pr.origin.invalid(
                "code",
                format!("The program code `{code}` appears twice (first at {first})."),
            ));
        }
        for party in &pr.value.parties {
            resolve(&p.agencies, &pr.origin, "parties", "agency", party)?;
        }
        if p.programs.contains_key(code) {
            if db_program(conn, code)? == pr.value {
                p.outcome.programs_unchanged += 1;
                continue;
            }
            return Err(pr.origin.invalid("code", format!("A program with the code `{code}` already exists with other data; change it with `phoihop program edit` instead.")));
        }
        who.require_admin("add programs")
            .map_err(|e| denied(&pr.origin, e))?;
        p.programs.insert(code.clone(), Ref::New(i));
        p.new_programs.push(i);
        p.outcome.programs_added += 1;
    }

    // The tasks already in the programs this import adds to, by (program, category, lead,
    // title): importing the same file twice does not add its tasks twice.
    let mut existing: std::collections::HashSet<(i64, i64, i64, String)> = Default::default();
    {
        let mut seen_programs = std::collections::HashSet::new();
        let mut st =
            conn.prepare("SELECT category_id, lead_id, title FROM task WHERE program_id = ?1")?;
        for t in &batch.tasks {
            if let Some(Ref::Db(id)) = p.programs.get(&t.value.task.program) {
                if seen_programs.insert(*id) {
                    let rows = st.query_map([id], |r| {
                        Ok((
                            *id,
                            r.get::<_, i64>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, String>(2)?,
                        ))
                    })?;
                    for row in rows {
                        existing.insert(row?);
                    }
                }
            }
        }
    }
    p.tasks.reserve(batch.tasks.len());
    for t in &batch.tasks {
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
            if !existing.is_empty() && existing.contains(&(pid, cid, lid, task.title.clone())) {
                return Err(o.invalid(
                    "title",
                    format!(
                        "The program `{}` already has this task (same category, lead agency and title); it is not added twice.",
                        task.program
                    ),
                ));
            }
        }
        match (lead, with.iter().all(|w| matches!(w, Ref::Db(_)))) {
            (Ref::Db(l), true) => {
                let ids: Vec<i64> = with
                    .iter()
                    .filter_map(|w| match w {
                        Ref::Db(i) => Some(*i),
                        Ref::New(_) => None,
                    })
                    .collect();
                who.require_task_write(l, &ids, "import this task")
                    .map_err(|e| denied(o, e))?;
            }
            // New agencies: only an admin got this far.
            _ => who
                .require_admin("import tasks of new agencies")
                .map_err(|e| denied(o, e))?,
        }
        if !it.history.is_empty() || !it.urges.is_empty() {
            who.require_admin("restore task histories and urges")
                .map_err(|e| denied(o, e))?;
        }
        p.outcome.tasks_added += 1;
        p.outcome.history_added += history_len(it) as u64;
        p.outcome.urges_added += it.urges.len() as u64;
        p.tasks.push((program, category, lead, with, urges));
    }

    seen.clear();
    let grants = db_grants(conn)?;
    for (i, g) in batch.grants.iter().enumerate() {
        let login = &g.value.login;
        if let Some(first) = seen.insert(login.clone(), &g.origin) {
            return Err(g.origin.invalid(
                "login",
                format!("The login `{login}` appears twice (first at {first})."),
            ));
        }
        if let Some(a) = &g.value.agency {
            resolve(&p.agencies, &g.origin, "agency", "agency", a)?;
        }
        match grants.get(login) {
            Some(old) if *old == g.value => p.outcome.roles_unchanged += 1,
            Some(_) => {
                return Err(g.origin.invalid("login", format!("The login `{login}` already has another role; change it with `phoihop user grant` instead.")))
            }
            None => {
                who.require_admin("grant roles")
                    .map_err(|e| denied(&g.origin, e))?;
                p.new_grants.push(i);
                p.outcome.roles_added += 1;
            }
        }
    }
    Ok(p)
}

/// The history a task is stored with: the one given, or one made from its state.
fn history_of(t: &ImportTask) -> Vec<ImportHistory> {
    if !t.history.is_empty() {
        return t.history.clone();
    }
    let task = &t.task;
    let entry = |on, status, progress, completed_on| ImportHistory {
        on,
        at: None,
        actor: None,
        status,
        progress,
        completed_on,
        note: None,
    };
    match (task.status, task.completed_on) {
        (Status::Done, Some(c)) if c > task.created_on => vec![
            entry(task.created_on, Status::NotStarted, Progress::ZERO, None),
            entry(c, Status::Done, Progress::FULL, Some(c)),
        ],
        _ => vec![entry(
            task.created_on,
            task.status,
            task.progress,
            task.completed_on,
        )],
    }
}

fn history_len(t: &ImportTask) -> usize {
    if !t.history.is_empty() {
        t.history.len()
    } else {
        history_of(t).len()
    }
}

/// Indexes of the bulk tables, dropped during a large import and rebuilt after it
/// (one sort per index instead of a million random inserts).
fn bulk_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
         AND tbl_name IN ('task', 'task_with', 'task_history', 'urge')",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Tasks from which dropping and rebuilding the indexes pays.
const BULK_TASKS: usize = 20_000;

fn apply(conn: &Connection, who: &Who, batch: &ImportBatch, p: &Plan) -> Result<()> {
    let now = now_stamp();
    let mut category_ids: HashMap<usize, i64> = HashMap::new();
    for &i in &p.new_categories {
        let c = &batch.categories[i].value;
        conn.execute(
            "INSERT INTO category (code, name_vi, name_en, position) VALUES (?1, ?2, ?3, ?4)",
            params![c.code, c.name_vi, c.name_en, c.position],
        )?;
        category_ids.insert(i, conn.last_insert_rowid());
    }
    let mut agency_ids: HashMap<usize, i64> = HashMap::new();
    for &i in &p.new_agencies {
        let a = &batch.agencies[i].value;
        conn.prepare_cached(
            "INSERT INTO agency (code, name, name_fold, kind, head, members, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![a.code, a.name, fold(&a.name), a.kind.code(), a.head, a.members, a.staff])?;
        agency_ids.insert(i, conn.last_insert_rowid());
    }
    let agency = |r: Ref| match r {
        Ref::Db(id) => id,
        Ref::New(i) => agency_ids.get(&i).copied().unwrap_or_default(),
    };
    for &i in &p.new_agencies {
        let a = &batch.agencies[i].value;
        if let Some(parent) = &a.parent {
            if let Some(&r) = p.agencies.get(parent) {
                conn.execute(
                    "UPDATE agency SET parent_id = ?1 WHERE code = ?2",
                    params![agency(r), a.code],
                )?;
            }
        }
    }
    let mut program_ids: HashMap<usize, i64> = HashMap::new();
    for &i in &p.new_programs {
        let pr = &batch.programs[i].value;
        conn.execute(
            "INSERT INTO program (code, title, kind, starts_on, ends_on, basis, review_months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![pr.code, pr.title, pr.kind.code(), pr.starts_on.to_string(), pr.ends_on.to_string(), pr.basis, pr.review_months],
        )?;
        let id = conn.last_insert_rowid();
        program_ids.insert(i, id);
        for party in &pr.parties {
            if let Some(&r) = p.agencies.get(party) {
                conn.execute(
                    "INSERT INTO program_party (program_id, agency_id) VALUES (?1, ?2)",
                    params![id, agency(r)],
                )?;
            }
        }
    }
    let program = |r: Ref| match r {
        Ref::Db(id) => id,
        Ref::New(i) => program_ids.get(&i).copied().unwrap_or_default(),
    };
    let category = |r: Ref| match r {
        Ref::Db(id) => id,
        Ref::New(i) => category_ids.get(&i).copied().unwrap_or_default(),
    };

    let bulk = batch.tasks.len() >= BULK_TASKS;
    if bulk {
        // A large page cache keeps the transaction's pages (and the index sorts) in
        // memory instead of spilling them to the WAL and temp files mid-way.
        conn.pragma_update(None, "cache_size", -131_072)?;
        // Let the index sorts use helper threads (both cores).
        conn.pragma_update(None, "threads", 4)?;
    }
    let indexes = if bulk {
        let ix = bulk_indexes(conn)?;
        for (name, _) in &ix {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        ix
    } else {
        Vec::new()
    };
    {
        let mut ins_task = conn.prepare_cached(
            "INSERT INTO task (program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, completed_on, basis, created_on) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut ins_with =
            conn.prepare_cached("INSERT INTO task_with (task_id, agency_id) VALUES (?1, ?2)")?;
        let mut ins_hist = conn.prepare_cached(
            "INSERT INTO task_history (task_id, at, on_date, actor, status, progress, completed_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut ins_urge = conn.prepare_cached(
            "INSERT INTO urge (task_id, agency_id, at, on_date, actor, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mut date_buf = String::new();
        for (t, refs) in batch.tasks.iter().zip(&p.tasks) {
            let it = &t.value;
            let task = &it.task;
            let (pr, cat, lead, with, urge_agencies) = refs;
            date_buf.clear();
            ins_task.execute(params![
                program(*pr),
                category(*cat),
                task.title,
                fold(&task.title),
                task.description,
                agency(*lead),
                task.cadence.code(),
                task.deadline.map(|d| d.to_string()),
                task.status.code(),
                task.progress.get(),
                task.completed_on.map(|d| d.to_string()),
                task.basis,
                task.created_on.to_string()
            ])?;
            let id = conn.last_insert_rowid();
            for w in with {
                ins_with.execute(params![id, agency(*w)])?;
            }
            for h in history_of(it) {
                ins_hist.execute(params![
                    id,
                    h.at.as_deref().unwrap_or(&now),
                    h.on.to_string(),
                    h.actor.as_deref().unwrap_or(&who.login),
                    h.status.code(),
                    h.progress.get(),
                    h.completed_on.map(|d| d.to_string()),
                    h.note
                ])?;
            }
            for (u, a) in it.urges.iter().zip(urge_agencies) {
                ins_urge.execute(params![
                    id,
                    agency(*a),
                    u.at.as_deref().unwrap_or(&now),
                    u.on.to_string(),
                    u.actor.as_deref().unwrap_or(&who.login),
                    u.message
                ])?;
            }
        }
    }
    for (_, sql) in &indexes {
        conn.execute_batch(sql)?;
    }
    for &i in &p.new_grants {
        let g = &batch.grants[i].value;
        let agency_id = g
            .agency
            .as_ref()
            .and_then(|a| p.agencies.get(a))
            .map(|r| agency(*r));
        if g.role == Role::Operator && agency_id.is_none() {
            return Err(batch.grants[i].origin.invalid(
                "agency",
                "An operator is bound to an agency; give its code.",
            ));
        }
        conn.execute(
            "INSERT INTO role_grant (login, role, agency_id) VALUES (?1, ?2, ?3)",
            params![g.login, g.role.code(), agency_id],
        )?;
    }
    Ok(())
}

impl Store {
    /// Imports `batch` all or nothing. With `dry_run` every check is made and the
    /// outcome reported, but nothing is written (this also works on a read-only open).
    pub fn import(&mut self, batch: &ImportBatch, dry_run: bool) -> Result<ImportOutcome> {
        if dry_run {
            let who = self.whoami()?;
            return self.snapshot(|s| {
                let mut p = plan(s.conn(), &who, batch)?;
                p.outcome.dry_run = true;
                Ok(p.outcome)
            });
        }
        self.write(|tx, who| {
            let p = plan(tx, who, batch)?;
            apply(tx, who, batch, &p)?;
            audit(
                tx,
                who,
                "import",
                "import",
                &batch.label,
                None::<&()>,
                Some(&p.outcome),
            )?;
            Ok(p.outcome)
        })
    }
}

fn date_col(s: String) -> NaiveDate {
    super::programs::parse_date_col(&s)
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
                    starts_on: date_col(r.get(4)?),
                    ends_on: date_col(r.get(5)?),
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
