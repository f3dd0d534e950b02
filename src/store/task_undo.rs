//! Undoing a change made in this session (the TUI's `z`): a new version of the task that
//! puts back the values it had before the change, with a note, recorded in the audit as
//! `undo`. Nothing is clobbered: when the task changed again since (by anyone), the undo
//! is refused as a conflict. The undo of a removal is [`Store::restore_task_checked`].

use chrono::NaiveDate;
use rusqlite::params;

use super::agencies::referenced_agency;
use super::programs::{category_id, program_id};
use super::task_writes::{agency_ids, check_version, record_version, set_with, with_note};
use super::tasks::get;
use super::tasks::lead_id;
use super::{audit, Store};
use crate::domain::fold::fold;
use crate::domain::{text, Task};
use crate::error::{Error, Result};

impl Store {
    /// Puts task `id` back as `previous` (its fields, status and progress), provided it is
    /// still at `expect_version` (the version the change being undone left), as a version
    /// dated `on` carrying `note`. The roles are those of the change it undoes: the lead
    /// agency (or an admin) for fields, status and progress; an admin to move a task back
    /// to another program or lead agency.
    pub fn undo_task_change(
        &mut self,
        id: i64,
        expect_version: i64,
        previous: &Task,
        on: NaiveDate,
        note: &str,
    ) -> Result<Task> {
        let note = text::clean_optional("note", note)?;
        self.write(|tx, who| {
            let before = get(tx, id)?;
            check_version(&before, Some(expect_version))?;
            let lead = lead_id(tx, id)?;
            let t = previous;
            let program = program_id(tx, &t.program)?.ok_or_else(|| {
                Error::invalid(crate::lang::facts::Record::UnknownProgram {
                    code: text::escape(&t.program).to_string(),
                })
            })?;
            let category = category_id(tx, &t.category)?.ok_or_else(|| {
                Error::invalid(crate::lang::facts::Record::UnknownCategory {
                    code: text::escape(&t.category).to_string(),
                })
            })?;
            let new_lead = referenced_agency(tx, "lead agency", &t.lead)?;
            let new_with = agency_ids(tx, "coordinating agency", &t.with)?;
            let fields_differ = t.title != before.title
                || t.description != before.description
                || t.category != before.category
                || t.with != before.with
                || t.cadence != before.cadence
                || t.basis != before.basis;
            let state_differs = t.status != before.status
                || t.progress != before.progress
                || t.completed_on != before.completed_on;
            // The kind of version, as the change it undoes was recorded (the weightiest).
            let change = if t.program != before.program {
                who.require_admin(format!("move task {id} back to another program"))?;
                "move"
            } else if new_lead != lead {
                who.require_admin(format!("hand task {id} back to another lead agency"))?;
                "lead"
            } else if t.deadline != before.deadline {
                who.require_lead(lead, format!("change the deadline of task {id}"))?;
                "deadline"
            } else if fields_differ {
                who.require_lead(lead, format!("edit task {id}"))?;
                "edit"
            } else {
                if state_differs {
                    who.require_lead(lead, format!("change the progress or status of task {id}"))?;
                }
                "progress"
            };
            who.require_task_write(new_lead, &new_with, format!("undo a change of task {id}"))?;
            tx.execute(
                "UPDATE task SET title = ?2, title_fold = ?3, description = ?4, category_id = ?5, lead_id = ?6, \
                 cadence = ?7, deadline = ?8, basis = ?9, program_id = ?10, status = ?11, progress = ?12, \
                 completed_on = ?13, version = version + 1 WHERE id = ?1",
                params![
                    id,
                    t.title,
                    fold(&t.title),
                    t.description,
                    category,
                    new_lead,
                    t.cadence.code(),
                    t.deadline.map(|d| d.to_string()),
                    t.basis,
                    program,
                    t.status.code(),
                    t.progress.get(),
                    t.completed_on.map(|d| d.to_string())
                ],
            )?;
            set_with(tx, id, &new_with)?;
            record_version(tx, who, id, on, change, note.as_deref())?;
            let after = get(tx, id)?;
            let noted = with_note(&after, note.as_deref())?;
            audit(tx, who, "undo", "task", &id.to_string(), Some(&before), Some(&noted))?;
            Ok(after)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Progress, ProgressUpdate, Status};
    use crate::error::Error;
    use crate::store::test_support::temp_store;
    use crate::store::Store;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn one_task(store: &mut Store) -> crate::domain::Task {
        crate::demo::load(store, day(), false).expect("demo");
        store
            .tasks(&Default::default(), Default::default(), false, 0, 200)
            .expect("tasks")
            .into_iter()
            .find(|t| t.status != Status::Done)
            .expect("a task not done")
    }

    #[test]
    fn undo_puts_back_the_values_as_a_new_version_with_a_note_and_an_audit_row() {
        let (_d, mut store) = temp_store("root");
        let before = one_task(&mut store);
        let update = ProgressUpdate {
            progress: Some(Progress::new(77).unwrap()),
            status: Some(Status::InProgress),
            note: Some("họp xong".into()),
            on: day(),
        };
        let after = store
            .update_progress(before.id, Some(before.version), update)
            .unwrap();
        assert_eq!(after.progress.get(), 77);
        let undone = store
            .undo_task_change(before.id, after.version, &before, day(), "Hoàn tác")
            .unwrap();
        assert_eq!(undone.progress, before.progress);
        assert_eq!(undone.status, before.status);
        assert_eq!(undone.version, after.version + 1);
        let c = &store.recent_changes(1).unwrap()[0];
        assert_eq!(c.action, "undo");
        assert_eq!(c.note.as_deref(), Some("Hoàn tác"));
    }

    #[test]
    fn undo_after_a_change_elsewhere_is_a_conflict_and_changes_nothing() {
        let (_d, mut store) = temp_store("root");
        let before = one_task(&mut store);
        let mine = store
            .update_progress(
                before.id,
                Some(before.version),
                ProgressUpdate {
                    progress: Some(Progress::new(40).unwrap()),
                    status: None,
                    note: None,
                    on: day(),
                },
            )
            .unwrap();
        let theirs = store
            .update_progress(
                before.id,
                Some(mine.version),
                ProgressUpdate {
                    progress: Some(Progress::new(50).unwrap()),
                    status: None,
                    note: None,
                    on: day(),
                },
            )
            .unwrap();
        let e = store
            .undo_task_change(before.id, mine.version, &before, day(), "undo")
            .unwrap_err();
        assert!(matches!(e, Error::Conflict(_)), "{e}");
        assert_eq!(store.task(before.id).unwrap(), theirs);
    }

    #[test]
    fn the_undo_of_a_removal_restores_only_when_nothing_changed_since() {
        let (_d, mut store) = temp_store("root");
        let t = one_task(&mut store);
        store
            .remove_task(t.id, Some(t.version), day(), None)
            .unwrap();
        let stale = store.restore_task_checked(t.id, Some(t.version), day());
        assert!(matches!(stale, Err(Error::Conflict(_))), "{stale:?}");
        let back = store
            .restore_task_checked(t.id, Some(t.version + 1), day())
            .unwrap();
        assert_eq!(back.title, t.title);
    }
}
