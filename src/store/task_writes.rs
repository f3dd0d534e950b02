//! Task writes: each in one `BEGIN IMMEDIATE` transaction that checks the caller's role
//! and the version they read, bumps it, and appends a history row and an audit row.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::access::Who;
use super::agencies::referenced_agency;
use super::programs::{category_id, program_id};
use super::tasks::get;
use super::{audit, now_stamp, Store};
use crate::domain::update::apply_update;
use crate::domain::validate::{check_cadence, clean_with};
use crate::domain::{text, NewTask, Progress, ProgressUpdate, Status, Task, TaskEdit, Urge};
use crate::error::{Error, Result};
use crate::search::fold;

fn agency_ids(tx: &Transaction<'_>, field: &str, codes: &[String]) -> Result<Vec<i64>> {
    codes
        .iter()
        .map(|c| referenced_agency(tx, field, c))
        .collect()
}

pub(super) fn with_ids(conn: &Connection, task: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached("SELECT agency_id FROM task_with WHERE task_id = ?1")?;
    let ids = st
        .query_map([task], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(super) fn lead_id(conn: &Connection, task: i64) -> Result<i64> {
    conn.query_row("SELECT lead_id FROM task WHERE id = ?1", [task], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("No task has the id {task}.")))
}

fn check_version(task: &Task, expect: Option<i64>) -> Result<()> {
    match expect {
        Some(v) if v != task.version => Err(Error::Conflict(format!(
            "Task {} was changed by someone else since you read it (it is at version {}, you had {v}); reload it and decide again.",
            task.id, task.version
        ))),
        _ => Ok(()),
    }
}

fn insert_history(
    tx: &Transaction<'_>,
    who: &Who,
    id: i64,
    on: NaiveDate,
    state: (Status, Progress, Option<NaiveDate>),
    note: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO task_history (task_id, at, on_date, actor, status, progress, completed_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        now_stamp(),
        on.to_string(),
        who.login,
        state.0.code(),
        state.1.get(),
        state.2.map(|d| d.to_string()),
        note
    ])?;
    Ok(())
}

fn set_with(tx: &Transaction<'_>, id: i64, with: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM task_with WHERE task_id = ?1", [id])?;
    let mut st = tx.prepare_cached("INSERT INTO task_with (task_id, agency_id) VALUES (?1, ?2)")?;
    for a in with {
        st.execute([id, *a])?;
    }
    Ok(())
}

impl Store {
    /// Adds a task. Operators may add only tasks their agency leads or coordinates.
    pub fn add_task(&mut self, task: NewTask) -> Result<Task> {
        let t = task.validated()?;
        let id = self.write(|tx, who| {
            let program = program_id(tx, &t.program)?.ok_or_else(|| {
                Error::invalid(format!(
                    "The program `{}` is not a known program code.",
                    text::escape(&t.program)
                ))
            })?;
            let category = category_id(tx, &t.category)?.ok_or_else(|| {
                Error::invalid(format!(
                    "The category `{}` is not a known category code.",
                    text::escape(&t.category)
                ))
            })?;
            let lead = referenced_agency(tx, "lead agency", &t.lead)?;
            let with = agency_ids(tx, "coordinating agency", &t.with)?;
            who.require_task_write(lead, &with, "add this task")?;
            tx.prepare_cached(
                "INSERT INTO task (program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, completed_on, basis, created_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                program,
                category,
                t.title,
                fold(&t.title),
                t.description,
                lead,
                t.cadence.code(),
                t.deadline.map(|d| d.to_string()),
                t.status.code(),
                t.progress.get(),
                t.completed_on.map(|d| d.to_string()),
                t.basis,
                t.created_on.to_string()
            ])?;
            let id = tx.last_insert_rowid();
            set_with(tx, id, &with)?;
            insert_history(
                tx,
                who,
                id,
                t.created_on,
                (t.status, t.progress, t.completed_on),
                None,
            )?;
            let after = get(tx, id)?;
            audit(tx, who, "add", "task", &id.to_string(), None::<&()>, Some(&after))?;
            Ok(id)
        })?;
        self.task(id)
    }

    /// Updates progress and/or status with a note, checking `expect_version`.
    pub fn update_progress(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        update: ProgressUpdate,
    ) -> Result<Task> {
        self.update_progress_as(id, expect_version, update, "update")
    }

    /// Like [`Store::update_progress`], after a conflict the user chose to overwrite:
    /// `expect_version` is the version they were shown (theirs), and the audit row's
    /// action is `overwrite_update`, so the overwrite is on record as one.
    pub fn overwrite_progress(
        &mut self,
        id: i64,
        expect_version: i64,
        update: ProgressUpdate,
    ) -> Result<Task> {
        self.update_progress_as(id, Some(expect_version), update, "overwrite_update")
    }

    fn update_progress_as(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        update: ProgressUpdate,
        action: &str,
    ) -> Result<Task> {
        let note = match &update.note {
            Some(n) => Some(text::clean_text("note", n)?).filter(|s| !s.is_empty()),
            None => None,
        };
        let update = ProgressUpdate { note, ..update };
        self.write(|tx, who| {
            let before = get(tx, id)?;
            let lead = lead_id(tx, id)?;
            who.require_task_write(lead, &with_ids(tx, id)?, &format!("update task {id}"))?;
            check_version(&before, expect_version)?;
            let state = apply_update(
                (before.status, before.progress, before.completed_on),
                &update,
            )?;
            tx.prepare_cached(
                "UPDATE task SET status = ?2, progress = ?3, completed_on = ?4, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, state.0.code(), state.1.get(), state.2.map(|d| d.to_string())])?;
            insert_history(tx, who, id, update.on, state, update.note.as_deref())?;
            let after = get(tx, id)?;
            audit(tx, who, action, "task", &id.to_string(), Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    /// Changes a task's descriptive fields, checking `expect_version`.
    pub fn edit_task(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        edit: TaskEdit,
    ) -> Result<Task> {
        self.edit_task_as(id, expect_version, edit, "edit")
    }

    /// Like [`Store::edit_task`], after a conflict the user chose to overwrite; the audit
    /// row's action is `overwrite_edit`.
    pub fn overwrite_task(&mut self, id: i64, expect_version: i64, edit: TaskEdit) -> Result<Task> {
        self.edit_task_as(id, Some(expect_version), edit, "overwrite_edit")
    }

    fn edit_task_as(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        edit: TaskEdit,
        action: &str,
    ) -> Result<Task> {
        self.write(|tx, who| {
            let before = get(tx, id)?;
            let lead = lead_id(tx, id)?;
            who.require_task_write(lead, &with_ids(tx, id)?, &format!("edit task {id}"))?;
            check_version(&before, expect_version)?;
            let mut t = before.clone();
            if let Some(v) = edit.title {
                t.title = text::clean_line("title", &v)?;
            }
            if let Some(v) = edit.description {
                t.description = match v {
                    Some(d) => Some(text::clean_text("description", &d)?).filter(|s| !s.is_empty()),
                    None => None,
                };
            }
            if let Some(v) = edit.category {
                t.category = v;
            }
            if let Some(v) = edit.lead {
                t.lead = text::clean_code("lead agency code", &v)?;
            }
            if let Some(v) = edit.with {
                t.with = v;
            }
            t.with = clean_with(&t.lead, t.with)?;
            if let Some(v) = edit.cadence {
                t.cadence = v;
            }
            if let Some(v) = edit.deadline {
                t.deadline = v;
            }
            if let Some(v) = edit.basis {
                t.basis = match v {
                    Some(b) => text::clean_optional("legal basis", &b)?,
                    None => None,
                };
            }
            check_cadence(t.cadence, t.deadline)?;
            let category = category_id(tx, &t.category)?.ok_or_else(|| {
                Error::invalid(format!(
                    "The category `{}` is not a known category code.",
                    text::escape(&t.category)
                ))
            })?;
            let new_lead = referenced_agency(tx, "lead agency", &t.lead)?;
            let new_with = agency_ids(tx, "coordinating agency", &t.with)?;
            who.require_task_write(new_lead, &new_with, &format!("hand task {id} to agencies other than their own"))?;
            tx.execute(
                "UPDATE task SET title = ?2, title_fold = ?3, description = ?4, category_id = ?5, lead_id = ?6, cadence = ?7, deadline = ?8, basis = ?9, version = version + 1 WHERE id = ?1",
                params![id, t.title, fold(&t.title), t.description, category, new_lead, t.cadence.code(), t.deadline.map(|d| d.to_string()), t.basis],
            )?;
            set_with(tx, id, &new_with)?;
            let after = get(tx, id)?;
            audit(tx, who, action, "task", &id.to_string(), Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    /// Removes a task (with its history and urges; the audit row keeps what it was).
    pub fn remove_task(&mut self, id: i64, expect_version: Option<i64>) -> Result<()> {
        self.write(|tx, who| {
            let before = get(tx, id)?;
            let lead = lead_id(tx, id)?;
            who.require_task_write(lead, &with_ids(tx, id)?, &format!("remove task {id}"))?;
            check_version(&before, expect_version)?;
            tx.execute("DELETE FROM task WHERE id = ?1", [id])?;
            audit(
                tx,
                who,
                "remove",
                "task",
                &id.to_string(),
                Some(&before),
                None::<&()>,
            )?;
            Ok(())
        })
    }

    /// Sends an urge (*đôn đốc*) about a task to its lead agency. Every role may urge;
    /// only a read-only open may not.
    pub fn urge_task(&mut self, id: i64, message: &str, on: NaiveDate) -> Result<Urge> {
        let message = text::clean_line("message", message)?;
        self.write(|tx, who| {
            let task = get(tx, id)?;
            let lead = lead_id(tx, id)?;
            tx.execute(
                "INSERT INTO urge (task_id, agency_id, at, on_date, actor, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, lead, now_stamp(), on.to_string(), who.login, message],
            )?;
            let urge = Urge {
                id: tx.last_insert_rowid(),
                task_id: id,
                at: now_stamp(),
                on,
                actor: who.login.clone(),
                message: message.clone(),
            };
            audit(tx, who, "urge", "task", &task.id.to_string(), None::<&()>, Some(&urge))?;
            Ok(urge)
        })
    }
}
