//! The audit rows of an import: one per record added (category, agency, program, task
//! with its restored history and urges, role), each chained like every audit row and
//! written in the import's transaction, a batch of rows to a statement
//! ([`ChainAppender`]). The import's summary row (the counts) follows them.
//!
//! Every row has `action = import`, the record's kind as `entity` and its key (code,
//! task id or login), and as `after` the record as imported with `source`, the file and
//! line it came from. So the log says who brought in which task with which dates, not
//! only how many.

use chrono::NaiveDate;
use serde::Serialize;

use super::{ImportBatch, ImportHistory, ImportTask, ImportUrge, Origin, Plan, Sourced};
use crate::domain::{Cadence, Progress, Status};
use crate::error::Result;
use crate::store::audit_chain::ChainAppender;

/// A record as its audit row's `after`: the record's own fields and `source`.
#[derive(Serialize)]
struct WithSource<'a, T: Serialize> {
    #[serde(flatten)]
    record: &'a T,
    source: String,
}

/// A task as its audit row's `after` (empty and absent fields left out: a million rows of
/// them is the audit's share of a large import).
#[derive(Serialize)]
struct TaskRecord<'a> {
    program: &'a str,
    category: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    lead: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    with: &'a [String],
    cadence: Cadence,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    status: Status,
    progress: Progress,
    created_on: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    history: &'a [ImportHistory],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    urges: &'a [ImportUrge],
    source: String,
}

fn task_after(t: &ImportTask, origin: &Origin) -> Result<String> {
    let n = &t.task;
    let r = TaskRecord {
        program: &n.program,
        category: &n.category,
        title: &n.title,
        description: n.description.as_deref(),
        lead: &n.lead,
        with: &n.with,
        cadence: n.cadence,
        deadline: n.deadline,
        basis: n.basis.as_deref(),
        status: n.status,
        progress: n.progress,
        created_on: n.created_on,
        completed_on: n.completed_on,
        history: &t.history,
        urges: &t.urges,
        source: origin.to_string(),
    };
    json(&r)
}

fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| {
        crate::error::Error::Other(
            format!(
            "An imported record could not be written to the audit log ({e}); nothing was imported."
        )
            .into(),
        )
    })
}

fn after<T: Serialize>(s: &Sourced<T>) -> Result<String> {
    json(&WithSource {
        record: &s.value,
        source: s.origin.to_string(),
    })
}

/// The audit rows of one import, in the order its records are written.
pub(super) struct Logged<'c>(ChainAppender<'c>);

impl<'c> Logged<'c> {
    pub(super) fn new(conn: &'c rusqlite::Connection, login: &str) -> Result<Logged<'c>> {
        Ok(Logged(ChainAppender::new(conn, login)?))
    }

    /// The new categories, agencies and programs.
    pub(super) fn head(&mut self, batch: &ImportBatch, p: &Plan) -> Result<()> {
        for &i in &p.new_categories {
            let c = &batch.categories[i];
            self.0
                .push("import", "category", c.value.code.clone(), after(c)?)?;
        }
        for &i in &p.new_agencies {
            let a = &batch.agencies[i];
            self.0
                .push("import", "agency", a.value.code.clone(), after(a)?)?;
        }
        for &i in &p.new_programs {
            let pr = &batch.programs[i];
            self.0
                .push("import", "program", pr.value.code.clone(), after(pr)?)?;
        }
        Ok(())
    }

    /// Tasks just written with the ids `first_id`, `first_id + 1`, ….
    pub(super) fn tasks<'t>(
        &mut self,
        first_id: i64,
        tasks: impl Iterator<Item = &'t Sourced<ImportTask>>,
    ) -> Result<()> {
        for (i, t) in tasks.enumerate() {
            let id = first_id + i as i64;
            self.0.push(
                "import",
                "task",
                id.to_string(),
                task_after(&t.value, &t.origin)?,
            )?;
        }
        Ok(())
    }

    /// The new roles.
    pub(super) fn grants(&mut self, batch: &ImportBatch, p: &Plan) -> Result<()> {
        for &i in &p.new_grants {
            let g = &batch.grants[i];
            self.0
                .push("import", "role", g.value.login.clone(), after(g)?)?;
        }
        Ok(())
    }

    pub(super) fn finish(self) -> Result<()> {
        self.0.finish()
    }
}
