//! Writes from the TUI: a save, a delete or an undo becomes a [`Write`], run on the job
//! runner's write lane (its own connection, waiting [`crate::tui::jobs::WRITE_WAIT`] for
//! another writer's lock) while the screen keeps answering keys and the status bar says
//! "đang lưu…". The form closes while it saves; its input travels with the write, so a
//! refusal, a conflict or a locked database brings it back as it was. Without a runner
//! (tests of `update()`), the same write runs in place.
//!
//! Every task edit, progress update and removal that succeeds is kept for `z` (undo,
//! newest first, see `state/jobs.rs`).

use chrono::NaiveDate;

use super::edit::{Conflict, DeleteTarget, Dialog};
use super::form::{Form, FormError, Request};
use super::{AppState, Layer, Notice};
use crate::domain::Task;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::tui::action::View;
use crate::tui::i18n::Msg;
use crate::tui::jobs::Lane;

/// A write asked for, with what it needs to come back to.
#[derive(Debug, Clone)]
pub enum Write {
    /// A form's request; `overwrite` is the version the user chose to overwrite.
    Save {
        form: Box<Form>,
        req: Request,
        overwrite: Option<i64>,
    },
    Delete(DeleteTarget),
    Undo(Undo),
}

/// A change made in this session that `z` can undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub id: i64,
    pub title: String,
    /// The version the change left: the undo is refused (a conflict) when the task is
    /// not at it any more.
    pub version: i64,
    pub kind: UndoKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum UndoKind {
    /// A progress update: the task as it was before.
    Progress(Box<Task>),
    /// An edit: the task as it was before.
    Edit(Box<Task>),
    /// A dated removal: undone by restoring the task.
    Delete,
}

impl Undo {
    /// "12 «title»", for the messages that name the task.
    pub fn named(&self) -> String {
        format!("{} «{}»", self.id, self.title)
    }
}

/// What a write did, for the status bar, and the record it added.
pub(super) struct Wrote {
    msg: Msg,
    what: String,
    new: Option<Added>,
    /// The undo of this write, when it is one `z` can undo.
    undo: Option<Undo>,
    /// The task after an undo, for the chained undos of the same task.
    after: Option<(i64, i64, i64)>,
}

impl Wrote {
    fn task(msg: Msg, id: i64) -> Wrote {
        Wrote {
            msg,
            what: id.to_string(),
            new: None,
            undo: None,
            after: None,
        }
    }
}

/// A record just added, for the cursor to go to.
enum Added {
    Task(i64),
    Agency(String),
    Program(String),
}

/// The part of a [`Write`] that runs on the write lane (no form: plain data).
enum Job {
    Save {
        req: Request,
        overwrite: Option<i64>,
    },
    Delete(DeleteTarget),
    Undo(Undo, String),
}

impl AppState {
    /// Sends a request. `overwrite` is the version the user chose to overwrite (after a
    /// conflict). A stale version opens the conflict dialog; a refusal stays in the form.
    pub(super) fn save(&mut self, form: Form, req: Request, overwrite: Option<i64>) -> Result<()> {
        self.start_write(Write::Save {
            form: Box::new(form),
            req,
            overwrite,
        })
    }

    /// Deletes after the confirmation.
    pub(super) fn delete(&mut self, target: DeleteTarget) -> Result<()> {
        self.start_write(Write::Delete(target))
    }

    /// Runs `w` on the write lane (the form closes meanwhile, kept in the write), or in
    /// place without a runner.
    pub(super) fn start_write(&mut self, w: Write) -> Result<()> {
        let job = match &w {
            Write::Save { req, overwrite, .. } => Job::Save {
                req: req.clone(),
                overwrite: *overwrite,
            },
            Write::Delete(t) => Job::Delete(t.clone()),
            Write::Undo(u) => {
                let note = crate::tui::i18n::fill(self.lang.t(Msg::UndoNote), u.version);
                Job::Undo(u.clone(), note)
            }
        };
        let today = self.today;
        if let Some(runner) = self.jobs.runner.as_mut() {
            let id = runner.submit(Lane::Write, move |s: &mut Store| run(s, job, today))?;
            self.form = None;
            self.dialog = None;
            self.jobs.write = Some((id, w));
            return Ok(());
        }
        let out = run(&mut self.store, job, today);
        self.finish_write(w, out)
    }

    /// Shows what a write did: the notice naming the record, or the form back with the
    /// reason, the conflict dialog, or the offer to retry when the database stayed locked.
    pub(super) fn finish_write(&mut self, w: Write, out: Result<Wrote>) -> Result<()> {
        let done = match out {
            Ok(done) => done,
            Err(Error::Busy(_)) => {
                self.dialog = Some(Dialog::Busy(Box::new(w)));
                return Ok(());
            }
            Err(e) => return self.write_failed(w, e),
        };
        if matches!(w, Write::Save { .. }) {
            self.form = None;
        }
        self.dialog = None;
        self.reload()?;
        if let Some(new) = &done.new {
            self.select_added(new)?;
        }
        if let Some(u) = done.undo {
            self.jobs.undo.push(u);
        }
        if let Some((id, was, now)) = done.after {
            // The earlier changes of the same task undo from the version this undo left.
            for u in self
                .jobs
                .undo
                .iter_mut()
                .filter(|u| u.id == id && u.version == was)
            {
                u.version = now;
            }
        }
        self.notice = Some(Notice::Done(done.msg, done.what));
        Ok(())
    }

    fn write_failed(&mut self, w: Write, e: Error) -> Result<()> {
        match w {
            Write::Save {
                form,
                req,
                overwrite: _,
            } => self.save_failed(*form, req, e),
            Write::Delete(_) => {
                match e {
                    Error::Conflict(_) => {
                        self.reload()?;
                        self.notice = Some(Notice::Denied(Msg::DeleteConflict));
                    }
                    e => self.notice = Some(Notice::Error(e.to_string())),
                }
                Ok(())
            }
            Write::Undo(u) => {
                match e {
                    Error::Conflict(_) | Error::NotFound(_) => {
                        // Changed (or removed) elsewhere since: nothing is clobbered.
                        self.reload()?;
                        self.notice = Some(Notice::Done(Msg::UndoConflict, u.named()));
                    }
                    e => self.notice = Some(Notice::Error(e.to_string())),
                }
                Ok(())
            }
        }
    }

    fn save_failed(&mut self, form: Form, req: Request, e: Error) -> Result<()> {
        match e {
            Error::Conflict(_) => {
                let base = form.kind.task().cloned();
                let id = base.as_ref().map(|t| t.id).unwrap_or_default();
                match (base, self.store.task(id)) {
                    (Some(base), Ok(theirs)) => {
                        let by = self.store.latest_change("task", &id.to_string())?;
                        self.form = None;
                        self.dialog = Some(Dialog::Conflict(Box::new(Conflict {
                            form,
                            request: req,
                            base,
                            theirs,
                            by,
                        })));
                    }
                    _ => {
                        self.form = None;
                        self.reload()?;
                        self.notice = Some(Notice::Info(Msg::TaskRemoved));
                    }
                }
            }
            Error::NotFound(_) if form.kind.task().is_some() => {
                self.form = None;
                self.reload()?;
                self.notice = Some(Notice::Info(Msg::TaskRemoved));
            }
            e => {
                let prefix = match e {
                    Error::PermissionDenied(_) => Msg::SaveRefused,
                    _ => Msg::SaveFailed,
                };
                let mut form = form;
                form.error = Some(FormError::Store(prefix, e.to_string()));
                self.help = false;
                self.form = Some(form);
            }
        }
        Ok(())
    }

    /// After an add: the cursor on the new record in the table shown. A new task that the
    /// table shown does not hold (the dashboard, the Activity view, a table filtered to
    /// other tasks) is opened in its detail, so the screen always shows what was added.
    fn select_added(&mut self, new: &Added) -> Result<()> {
        let page = self.page();
        match new {
            Added::Agency(code) if self.stack.is_empty() && self.view == View::Agencies => {
                self.agencies
                    .select_key(Some(code), page, |r| r.agency.code.as_str());
            }
            Added::Program(code) if self.stack.is_empty() && self.view == View::Programs => {
                self.programs
                    .select_key(Some(code), page, |r| r.program.code.as_str());
            }
            Added::Agency(_) | Added::Program(_) => {}
            Added::Task(id) => {
                let id = *id;
                if let Some(Layer::Mine(m)) = self.stack.last_mut() {
                    if m.select_id(id, page) {
                        return Ok(());
                    }
                }
                let table = match self.stack.last_mut() {
                    Some(Layer::Tasks(t)) => Some(&mut **t),
                    None if self.view == View::Tasks => Some(&mut self.tasks),
                    _ => None,
                };
                let found = match table {
                    Some(t) => t.select_id(&self.store, id, page)?,
                    None => false,
                };
                if !found {
                    let past = self.past();
                    let detail = super::Detail::load(&self.store, id, past)?;
                    self.stack.push(Layer::Detail(Box::new(detail)));
                }
            }
        }
        Ok(())
    }
}

/// The write itself, on whichever connection runs it.
fn run(store: &mut Store, job: Job, today: NaiveDate) -> Result<Wrote> {
    match job {
        Job::Save { req, overwrite } => save_request(store, &req, overwrite, today),
        Job::Delete(target) => {
            let done = match &target {
                DeleteTarget::Task { id, version, title } => {
                    store.remove_task(*id, Some(*version), today, None)?;
                    Wrote {
                        undo: Some(Undo {
                            id: *id,
                            title: title.clone(),
                            version: version + 1,
                            kind: UndoKind::Delete,
                        }),
                        ..Wrote::task(Msg::DeletedTask, *id)
                    }
                }
                DeleteTarget::Agency { code, name } => {
                    store.remove_agency(code)?;
                    Wrote {
                        what: name.clone(),
                        ..Wrote::task(Msg::DeletedAgency, 0)
                    }
                }
                DeleteTarget::Program { code, .. } => {
                    store.remove_program(code)?;
                    Wrote {
                        what: code.clone(),
                        ..Wrote::task(Msg::DeletedProgram, 0)
                    }
                }
            };
            Ok(done)
        }
        Job::Undo(u, note) => {
            let (msg, after) = match &u.kind {
                UndoKind::Progress(previous) => (
                    Msg::UndoneUpdate,
                    store.undo_task_change(u.id, u.version, previous, today, &note)?,
                ),
                UndoKind::Edit(previous) => (
                    Msg::UndoneEdit,
                    store.undo_task_change(u.id, u.version, previous, today, &note)?,
                ),
                UndoKind::Delete => (
                    Msg::UndoneDelete,
                    store.restore_task_checked(u.id, Some(u.version), today)?,
                ),
            };
            // The undone change's "before" is where an earlier change of the same task
            // left it: that one now undoes from the version this undo left.
            let was = match &u.kind {
                UndoKind::Progress(p) | UndoKind::Edit(p) => p.version,
                UndoKind::Delete => u.version - 1,
            };
            Ok(Wrote {
                what: u.named(),
                after: Some((u.id, was, after.version)),
                ..Wrote::task(msg, u.id)
            })
        }
    }
}

/// A form's request, and the undo of it when it is a task's edit or progress update
/// that wrote over exactly the version read just before it.
fn save_request(
    store: &mut Store,
    req: &Request,
    overwrite: Option<i64>,
    today: NaiveDate,
) -> Result<Wrote> {
    let undo = |before: Option<Task>, expect: i64, after: &Task, edit: bool| {
        before
            .filter(|b| b.version == expect && after.version == expect + 1)
            .map(|b| Undo {
                id: after.id,
                title: after.title.clone(),
                version: after.version,
                kind: if edit {
                    UndoKind::Edit(Box::new(b))
                } else {
                    UndoKind::Progress(Box::new(b))
                },
            })
    };
    Ok(match req {
        Request::Progress {
            id,
            version,
            update,
        } => {
            let before = store.task(*id).ok();
            let expect = overwrite.unwrap_or(*version);
            let after = match overwrite {
                Some(v) => store.overwrite_progress(*id, v, update.clone())?,
                None => store.update_progress(*id, Some(*version), update.clone())?,
            };
            Wrote {
                undo: undo(before, expect, &after, false),
                ..Wrote::task(Msg::UpdatedTask, *id)
            }
        }
        Request::Edit { id, version, edit } => {
            let before = store.task(*id).ok();
            let expect = overwrite.unwrap_or(*version);
            let after = match overwrite {
                Some(v) => store.overwrite_task(*id, v, edit.clone(), today)?,
                None => store.edit_task(*id, Some(*version), edit.clone(), today)?,
            };
            Wrote {
                undo: undo(before, expect, &after, true),
                ..Wrote::task(Msg::SavedTask, *id)
            }
        }
        Request::NewTask(t) => {
            let t = store.add_task(t.clone())?;
            Wrote {
                new: Some(Added::Task(t.id)),
                ..Wrote::task(Msg::AddedTask, t.id)
            }
        }
        Request::NewAgency(a) => {
            let a = store.add_agency(a.clone())?;
            Wrote {
                what: a.name.clone(),
                new: Some(Added::Agency(a.code)),
                ..Wrote::task(Msg::AddedAgency, 0)
            }
        }
        Request::NewProgram(p) => {
            let p = store.add_program(p.clone())?;
            Wrote {
                what: p.code.clone(),
                new: Some(Added::Program(p.code)),
                ..Wrote::task(Msg::AddedProgram, 0)
            }
        }
        Request::Urge { id, message } => {
            store.urge_task(*id, message, today)?;
            Wrote::task(Msg::UrgedTask, *id)
        }
    })
}
