//! Task writes: each in one `BEGIN IMMEDIATE` transaction that checks the caller's role
//! and the version they read, bumps it, and appends a history row and an audit row.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::access::Who;
use super::agencies::referenced_agency;
use super::programs::{category_id, program_id};
use super::tasks::{get, lead_id, with_ids};
use super::{audit, now_stamp, Store};
use crate::domain::fold::fold;
use crate::domain::update::apply_update;
use crate::domain::validate::{check_cadence, clean_with};
use crate::domain::{text, NewTask, ProgressUpdate, Status, Task, TaskEdit, Urge};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Files, Record, Written};

pub(super) fn agency_ids(tx: &Connection, field: &str, codes: &[String]) -> Result<Vec<i64>> {
    codes
        .iter()
        .map(|c| referenced_agency(tx, field, c))
        .collect()
}

pub(super) fn check_version(task: &Task, expect: Option<i64>) -> Result<()> {
    match expect {
        Some(v) if v != task.version => Err(Error::Conflict(
            Record::TaskChanged {
                id: task.id,
                now: task.version,
                had: v,
            }
            .into(),
        )),
        _ => Ok(()),
    }
}

/// The latest version date of a task (`None` before its first version).
fn last_version_date(tx: &Connection, id: i64) -> Result<Option<NaiveDate>> {
    let d: Option<String> = tx
        .prepare_cached("SELECT max(valid_from) FROM task_version WHERE task_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    d.map(|d| super::asof::date_col(id, super::row::Stored::VersionDate, &d).map_err(Error::from))
        .transpose()
}

/// Records the task's current row (as just written in `task` and `task_with`) as its
/// version from `on`: the version in force until now ends on `on`. A change cannot be
/// dated before the task's latest version.
pub(super) fn record_version(
    tx: &Connection,
    who: &Who,
    id: i64,
    on: NaiveDate,
    change: &str,
    note: Option<&str>,
) -> Result<()> {
    if let Some(last) = last_version_date(tx, id)? {
        if on < last {
            return Err(Error::invalid(Record::DatedBefore { id, last, on }));
        }
    }
    let day = on.to_string();
    tx.prepare_cached(
        "UPDATE task_version SET valid_to = ?2 WHERE task_id = ?1 AND valid_to = '9999-12-31'",
    )?
    .execute(params![id, day])?;
    tx.prepare_cached(
        "INSERT INTO task_version (task_id, valid_from, at, actor, change, note, removed, program_id, \
            category_id, title, title_fold, description, lead_id, with_ids, cadence, deadline, status, \
            progress, completed_on, basis) \
         SELECT t.id, ?2, ?3, ?4, ?5, ?6, t.removed_on IS NOT NULL, t.program_id, t.category_id, t.title, \
            t.title_fold, t.description, t.lead_id, \
            (SELECT json_group_array(x.agency_id) FROM \
               (SELECT agency_id FROM task_with WHERE task_id = t.id ORDER BY agency_id) x), \
            t.cadence, t.deadline, t.status, t.progress, t.completed_on, t.basis \
         FROM task t WHERE t.id = ?1",
    )?
    .execute(params![id, day, now_stamp(), who.login, change, note])?;
    Ok(())
}

/// The first versions of a new task. A task recorded as done after the day it was
/// created was open until then: its history says so (created not started, done on its
/// completion date), never "done" before it was completed.
fn record_created(tx: &Connection, who: &Who, id: i64, t: &NewTask) -> Result<()> {
    record_version(tx, who, id, t.created_on, "create", None)?;
    if let Some(done) = t
        .completed_on
        .filter(|d| t.status == Status::Done && *d > t.created_on)
    {
        tx.prepare_cached(
            "UPDATE task_version SET status = 'not_started', progress = 0, completed_on = NULL \
             WHERE task_id = ?1",
        )?
        .execute([id])?;
        record_version(tx, who, id, done, "progress", None)?;
    }
    Ok(())
}

pub(super) fn set_with(tx: &Connection, id: i64, with: &[i64]) -> Result<()> {
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
                Error::invalid(Record::UnknownProgram { code: text::escape(&t.program).into_owned() })
            })?;
            let category = category_id(tx, &t.category)?.ok_or_else(|| {
                Error::invalid(Record::UnknownCategory { code: text::escape(&t.category).into_owned() })
            })?;
            let lead = referenced_agency(tx, "lead agency", &t.lead)?;
            let with = agency_ids(tx, "coordinating agency", &t.with)?;
            who.require_task_write(lead, &with, Act::AddTask)?;
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
            record_created(tx, who, id, &t)?;
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
            who.require_task_write(lead, &with_ids(tx, id)?, Act::UpdateTask(id))?;
            if update.progress.is_some() || update.status.is_some() {
                who.require_lead(lead, Act::ChangeProgress(id))?;
            }
            check_version(&before, expect_version)?;
            let state = apply_update(
                (before.status, before.progress, before.completed_on),
                &update,
            )?;
            tx.prepare_cached(
                "UPDATE task SET status = ?2, progress = ?3, completed_on = ?4, version = version + 1 WHERE id = ?1",
            )?
            .execute(params![id, state.0.code(), state.1.get(), state.2.map(|d| d.to_string())])?;
            record_version(tx, who, id, update.on, "progress", update.note.as_deref())?;
            let after = get(tx, id)?;
            let noted = with_note(&after, update.note.as_deref())?;
            audit(tx, who, action, "task", &id.to_string(), Some(&before), Some(&noted))?;
            Ok(after)
        })
    }

    /// Changes a task's fields, checking `expect_version`, as a version dated `on`.
    pub fn edit_task(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        edit: TaskEdit,
        on: NaiveDate,
    ) -> Result<Task> {
        self.edit_task_as(id, expect_version, edit, on, "edit")
    }

    /// Like [`Store::edit_task`], after a conflict the user chose to overwrite; the audit
    /// row's action is `overwrite_edit`.
    pub fn overwrite_task(
        &mut self,
        id: i64,
        expect_version: i64,
        edit: TaskEdit,
        on: NaiveDate,
    ) -> Result<Task> {
        self.edit_task_as(id, Some(expect_version), edit, on, "overwrite_edit")
    }

    fn edit_task_as(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        edit: TaskEdit,
        on: NaiveDate,
        action: &str,
    ) -> Result<Task> {
        let reason = match &edit.reason {
            Some(r) => text::clean_optional("reason", r)?,
            None => None,
        };
        self.write(|tx, who| {
            let before = get(tx, id)?;
            let lead = lead_id(tx, id)?;
            who.require_lead(lead, Act::EditTask(id))?;
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
            if let Some(v) = edit.program {
                t.program = text::clean_code("program code", &v)?;
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
                Error::invalid(Record::UnknownCategory { code: text::escape(&t.category).into_owned() })
            })?;
            let program = program_id(tx, &t.program)?.ok_or_else(|| {
                Error::invalid(Record::UnknownProgram { code: text::escape(&t.program).into_owned() })
            })?;
            let new_lead = referenced_agency(tx, "lead agency", &t.lead)?;
            let new_with = agency_ids(tx, "coordinating agency", &t.with)?;
            // What kind of change this is, for the record (the weightiest one).
            let change = if t.program != before.program {
                who.require_admin(Act::MoveTask(id))?;
                "move"
            } else if new_lead != lead {
                who.require_admin(Act::HandTask(id))?;
                "lead"
            } else if t.deadline != before.deadline {
                // A closed program's deadlines are the admin's to set.
                let ends: String = tx.query_row(
                    "SELECT ends_on FROM program WHERE id = ?1",
                    [program],
                    |r| r.get(0),
                )?;
                if ends.as_str() < on.to_string().as_str() {
                    who.require_admin(Act::DeadlineAfterEnd { task: id, ends })?;
                }
                "deadline"
            } else {
                "edit"
            };
            who.require_task_write(new_lead, &new_with, Act::HandTaskToOthers(id))?;
            if t.deadline != before.deadline && reason.is_none() {
                return Err(Error::invalid(Record::DeadlineNeedsReason { id }));
            }
            tx.execute(
                "UPDATE task SET title = ?2, title_fold = ?3, description = ?4, category_id = ?5, lead_id = ?6, cadence = ?7, deadline = ?8, basis = ?9, program_id = ?10, version = version + 1 WHERE id = ?1",
                params![id, t.title, fold(&t.title), t.description, category, new_lead, t.cadence.code(), t.deadline.map(|d| d.to_string()), t.basis, program],
            )?;
            set_with(tx, id, &new_with)?;
            record_version(tx, who, id, on, change, reason.as_deref())?;
            let after = get(tx, id)?;
            let noted = with_note(&after, reason.as_deref())?;
            audit(tx, who, action, "task", &id.to_string(), Some(&before), Some(&noted))?;
            Ok(after)
        })
    }

    /// Removes a task from `on` onwards: it is absent as of `on` and later, and present,
    /// with its history and urges, as of every earlier date. Admin only.
    pub fn remove_task(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        on: NaiveDate,
        note: Option<&str>,
    ) -> Result<()> {
        let note = note
            .map(|n| text::clean_optional("note", n))
            .transpose()?
            .flatten();
        self.write(|tx, who| {
            let before = get(tx, id)?;
            who.require_admin(Act::RemoveTask(id))?;
            check_version(&before, expect_version)?;
            tx.execute(
                "UPDATE task SET removed_on = ?2, version = version + 1 WHERE id = ?1",
                params![id, on.to_string()],
            )?;
            record_version(tx, who, id, on, "remove", note.as_deref())?;
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

    /// Brings back a removed task from `on` onwards (it stays absent between its removal
    /// and `on`). Admin only.
    pub fn restore_task(&mut self, id: i64, on: NaiveDate) -> Result<Task> {
        self.restore_task_checked(id, None, on)
    }

    /// Like [`Store::restore_task`], refused with a conflict when the task is no longer
    /// at `expect_version` (the version its removal left): the undo of a removal.
    pub fn restore_task_checked(
        &mut self,
        id: i64,
        expect_version: Option<i64>,
        on: NaiveDate,
    ) -> Result<Task> {
        self.write(|tx, who| {
            who.require_admin(Act::RestoreTask(id))?;
            if let Some(v) = expect_version {
                let now: Option<i64> = tx
                    .query_row("SELECT version FROM task WHERE id = ?1", [id], |r| r.get(0))
                    .optional()?;
                if let Some(now) = now.filter(|now| *now != v) {
                    return Err(Error::Conflict(
                        Record::TaskChanged { id, now, had: v }.into(),
                    ));
                }
            }
            let removed: Option<Option<String>> = tx
                .query_row("SELECT removed_on FROM task WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            match removed {
                None => return Err(Error::NotFound(Record::NoTask { id }.into())),
                Some(None) => return Err(Error::invalid(Record::NotRemoved { id })),
                Some(Some(_)) => {}
            }
            tx.execute(
                "UPDATE task SET removed_on = NULL, version = version + 1 WHERE id = ?1",
                [id],
            )?;
            record_version(tx, who, id, on, "restore", None)?;
            let after = get(tx, id)?;
            audit(
                tx,
                who,
                "restore",
                "task",
                &id.to_string(),
                None::<&()>,
                Some(&after),
            )?;
            Ok(after)
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

/// The audit `after` of a task write that carries a note (an update's note, a deadline
/// adjustment's reason): the task's fields and `"note"` (null when there is none), so the
/// audit log alone says what was written and why.
pub(super) fn with_note(after: &Task, note: Option<&str>) -> Result<serde_json::Value> {
    let mut v = serde_json::to_value(after).map_err(|e| {
        Error::Other(
            Files::Encode {
                what: Written::Change,
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "note".into(),
            note.map_or(serde_json::Value::Null, Into::into),
        );
    }
    Ok(v)
}
