//! Editing: opening a form (or saying why a key does nothing), saving through the store's
//! write functions with the version the form read, the delete confirmation and the
//! conflict dialog. Nothing is ever overwritten without the user asking for it.

use super::form::{Choices, Form, Opt, Request};
use super::{AppState, Layer, Notice};
use crate::domain::{AgencyKind, Cadence, ProgramKind, Role, Status, Task};
use crate::error::{Error, Result};
use crate::store::Change;
use crate::tui::action::{Action, View};
use crate::tui::i18n::Msg;
use crate::tui::state::tasks::TaskListKind;

/// What a delete confirmation is about (named in the dialog).
#[derive(Debug, Clone, PartialEq)]
pub enum DeleteTarget {
    Task {
        id: i64,
        version: i64,
        title: String,
    },
    Agency {
        code: String,
        name: String,
    },
    Program {
        code: String,
        title: String,
    },
}

/// A save that found the task changed since the form read it.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// The form, to go back to.
    pub form: Form,
    /// What the user asked for.
    pub request: Request,
    /// The task as the form read it.
    pub base: Task,
    /// The task as it is now.
    pub theirs: Task,
    /// The newest recorded change to the task (who and when).
    pub by: Option<Change>,
}

/// A dialog over everything.
#[derive(Debug, Clone)]
pub enum Dialog {
    Confirm(DeleteTarget),
    Conflict(Box<Conflict>),
    /// Leaving a changed form (`Esc`, or `Ctrl-c` when `quit`) asks first; the form
    /// stays open under it.
    Discard {
        quit: bool,
    },
    /// A write that found the database locked by another writer for longer than the TUI
    /// waits: retry, or go back (to the form, its input kept). See `state/writes.rs`.
    Busy(Box<super::writes::Write>),
}

/// What an editing key needs.
enum Need<'a> {
    /// To change this task (`None`: a new task).
    Task(Option<&'a Task>),
    /// To be an admin (agencies, programs).
    Admin,
    /// To urge (every role, but not a read-only open).
    Urge,
}

impl AppState {
    /// Why the acting login may not do this, in the interface language; `None` if it may.
    fn denied(&self, need: Need<'_>) -> Option<Msg> {
        if self.read_only {
            return Some(Msg::DenyReadOnly);
        }
        let who = self.who.as_ref()?;
        match need {
            Need::Urge => None,
            Need::Admin => (who.role != Role::Admin).then_some(Msg::DenyAdminOnly),
            Need::Task(task) => match who.role {
                Role::Admin => None,
                Role::Supervisor => Some(Msg::DenySupervisor),
                Role::Operator => match task {
                    Some(t) if !self.may_write(t) => Some(Msg::DenyNotYours),
                    _ => None,
                },
            },
        }
    }

    /// The task the editing keys act on: the detail's, the selected row's, the inbox
    /// item's or the activity row's. Read again, so the form has the current version.
    fn target_task(&self) -> Result<Option<Task>> {
        let id = match self.stack.last() {
            Some(Layer::Detail(d)) => Some(d.task.id),
            Some(Layer::Tasks(t)) => t.selected().map(|t| t.id),
            Some(Layer::Inbox) => self.inbox.selected().map(|i| i.urge.task_id),
            Some(Layer::Mine(m)) => m.selected().map(|t| t.id),
            None => match self.view {
                View::Dashboard => self.dashboard.selected().map(|t| t.id),
                View::Tasks => self.tasks.selected().map(|t| t.id),
                View::Activity => self.activity.selected().and_then(|r| r.change.task_id()),
                View::Programs | View::Agencies | View::Ranking | View::Trends => None,
            },
        };
        match id {
            Some(id) => match self.store.task(id) {
                Ok(t) => Ok(Some(t)),
                Err(Error::NotFound(_)) => Ok(None),
                Err(e) => Err(e),
            },
            None => Ok(None),
        }
    }

    /// What the pickers offer, read now.
    fn choices(&self) -> Result<Choices> {
        let lang = self.lang;
        Ok(Choices {
            programs: self
                .store
                .programs()?
                .into_iter()
                .map(|p| Opt::new(p.code, p.title))
                .collect(),
            categories: self
                .store
                .categories()?
                .into_iter()
                .map(|c| {
                    let name = c.name(lang.code()).to_string();
                    Opt::new(c.code, name)
                })
                .collect(),
            agencies: self
                .store
                .agencies()?
                .into_iter()
                .map(|a| Opt::new(a.code, a.name))
                .collect(),
            statuses: Status::ALL
                .iter()
                .map(|s| Opt::new(s.code(), lang.status(*s)))
                .collect(),
            cadences: Cadence::ALL
                .iter()
                .map(|c| {
                    let m = match c {
                        Cadence::Roadmap => Msg::Roadmap,
                        Cadence::Recurring => Msg::Recurring,
                    };
                    Opt::new(c.code(), lang.t(m))
                })
                .collect(),
            agency_kinds: AgencyKind::ALL
                .iter()
                .map(|k| {
                    let m = match k {
                        AgencyKind::Party => Msg::KindParty,
                        AgencyKind::Government => Msg::KindGovernment,
                        AgencyKind::Front => Msg::KindFront,
                    };
                    Opt::new(k.code(), lang.t(m))
                })
                .collect(),
            program_kinds: ProgramKind::ALL
                .iter()
                .map(|k| {
                    let m = match k {
                        ProgramKind::Coordination => Msg::KindCoordination,
                        ProgramKind::Building => Msg::KindBuilding,
                        ProgramKind::Action => Msg::KindAction,
                    };
                    Opt::new(k.code(), lang.t(m))
                })
                .collect(),
        })
    }

    /// `p`, `e`, `u`, `n`, `d`: opens the form or confirmation, or says why not.
    pub(crate) fn open_editor(&mut self, action: Action) -> Result<()> {
        self.help = false;
        let on_table = self.stack.is_empty();
        let records = match (on_table, self.view) {
            (true, View::Programs) => Some(View::Programs),
            (true, View::Agencies) => Some(View::Agencies),
            _ => None,
        };
        let deny = |s: &mut AppState, m: Msg| -> Result<()> {
            s.notice = Some(Notice::Denied(m));
            Ok(())
        };
        match action {
            Action::New if records.is_some() => {
                if let Some(m) = self.denied(Need::Admin) {
                    return deny(self, m);
                }
                let c = self.choices()?;
                self.form = Some(if records == Some(View::Programs) {
                    Form::new_program(&c, self.today)
                } else {
                    Form::new_agency(&c)
                });
            }
            Action::New => {
                if let Some(m) = self.denied(Need::Task(None)) {
                    return deny(self, m);
                }
                let program = match self.stack.last() {
                    Some(Layer::Tasks(t)) => match &t.kind {
                        TaskListKind::OfProgram(code) => Some(code.clone()),
                        _ => self.scope.program.clone(),
                    },
                    _ => self.scope.program.clone(),
                };
                let lead = self.operator_agency();
                let c = self.choices()?;
                self.form = Some(Form::new_task(&c, program.as_deref(), lead.as_deref()));
            }
            Action::Delete if records.is_some() => {
                if let Some(m) = self.denied(Need::Admin) {
                    return deny(self, m);
                }
                let target = if records == Some(View::Programs) {
                    self.programs.selected().map(|r| DeleteTarget::Program {
                        code: r.program.code.clone(),
                        title: r.program.title.clone(),
                    })
                } else {
                    self.agencies.selected().map(|r| DeleteTarget::Agency {
                        code: r.agency.code.clone(),
                        name: r.agency.name.clone(),
                    })
                };
                match target {
                    Some(t) => self.dialog = Some(Dialog::Confirm(t)),
                    None => self.notice = Some(Notice::Info(Msg::SelectRecord)),
                }
            }
            Action::Edit if records.is_some() => {
                self.notice = Some(Notice::Info(Msg::EditTasksOnly));
            }
            _ => {
                let Some(task) = self.target_task()? else {
                    self.notice = Some(Notice::Info(Msg::SelectTask));
                    return Ok(());
                };
                let need = if action == Action::Urge {
                    Need::Urge
                } else {
                    Need::Task(Some(&task))
                };
                if let Some(m) = self.denied(need) {
                    return deny(self, m);
                }
                // A coordinating agency adds a note; it does not edit or delete.
                let note_only = self.note_only(&task);
                match action {
                    Action::UpdateProgress if note_only => self.form = Some(Form::note(task)),
                    Action::Edit | Action::Delete if note_only => {
                        return deny(self, Msg::DenyCoordinating)
                    }
                    Action::UpdateProgress => {
                        let c = self.choices()?;
                        self.form = Some(Form::progress(task, &c));
                    }
                    Action::Edit => {
                        let c = self.choices()?;
                        self.form = Some(Form::edit_task(task, &c));
                    }
                    Action::Urge => self.form = Some(Form::urge(task)),
                    Action::Delete => {
                        self.dialog = Some(Dialog::Confirm(DeleteTarget::Task {
                            id: task.id,
                            version: task.version,
                            title: task.title,
                        }))
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// `i`: the inbox, its urges now counted as seen.
    pub(crate) fn open_inbox(&mut self) {
        self.help = false;
        if !matches!(self.stack.last(), Some(Layer::Inbox)) {
            self.stack.push(Layer::Inbox);
        }
        self.inbox.cursor = Default::default();
        self.inbox.mark_seen();
    }

    /// Applies an action to the open dialog or form. `None` when the action is not
    /// theirs (quit, resize, a commit by another session), to be applied as usual.
    pub(crate) fn apply_overlay(&mut self, action: Action) -> Result<Option<bool>> {
        let form_changed = self.form.as_ref().is_some_and(|f| f.is_changed());
        if action == Action::Quit {
            // Quitting from a changed form asks first, as leaving it does.
            return Ok(match &self.dialog {
                None if form_changed => {
                    self.dialog = Some(Dialog::Discard { quit: true });
                    Some(true)
                }
                Some(Dialog::Discard { .. }) => {
                    self.dialog = None;
                    Some(true)
                }
                Some(Dialog::Conflict(_)) => {
                    // The form behind a conflict holds unsaved input too.
                    if let Some(Dialog::Conflict(c)) = self.dialog.take() {
                        self.form = Some(c.form);
                    }
                    self.dialog = Some(Dialog::Discard { quit: true });
                    Some(true)
                }
                _ => None,
            });
        }
        if matches!(action, Action::Resize(..) | Action::DataChanged) {
            return Ok(None);
        }
        if let Some(dialog) = self.dialog.take() {
            match (dialog, action) {
                (Dialog::Confirm(t), Action::Confirm) => self.delete(t)?,
                (Dialog::Confirm(_), _) => self.notice = Some(Notice::Info(Msg::Cancelled)),
                (Dialog::Discard { quit }, Action::Confirm) => {
                    self.form = None;
                    if quit {
                        self.quit = true;
                    } else {
                        self.notice = Some(Notice::Info(Msg::Cancelled));
                    }
                }
                // Any other key: back to the form, as it was.
                (Dialog::Discard { .. }, _) => {}
                (Dialog::Conflict(c), Action::Overwrite) => {
                    let theirs = c.theirs.version;
                    self.save(c.form, c.request, Some(theirs))?
                }
                (Dialog::Conflict(_), Action::TakeTheirs) => {
                    self.form = None;
                    self.reload()?;
                    self.notice = Some(Notice::Info(Msg::TookTheirs));
                }
                (Dialog::Conflict(c), Action::Cancel) => self.form = Some(c.form),
                (d, _) => {
                    self.dialog = Some(d);
                    return Ok(Some(false));
                }
            }
            return Ok(Some(true));
        }
        let Some(form) = self.form.as_mut() else {
            return Ok(None);
        };
        match action {
            Action::Input(c) => form.input(c),
            Action::Paste(text) => form.paste(&text),
            Action::Text(e) => form.edit(e),
            Action::Erase => form.erase(),
            Action::ClearField => form.clear(),
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::Up => form.step(false),
            Action::Down => form.step(true),
            Action::Cancel if form_changed => self.dialog = Some(Dialog::Discard { quit: false }),
            Action::Cancel => {
                self.form = None;
                self.notice = Some(Notice::Info(Msg::Cancelled));
            }
            Action::FormEnter if form.newline() => {}
            Action::Submit | Action::FormEnter => {
                if let Some(req) = form.request(self.today) {
                    let form = form.clone();
                    self.save(form, req, None)?;
                }
            }
            _ => return Ok(Some(false)),
        }
        Ok(Some(true))
    }

    /// After a change elsewhere: an open form on a task notes what changed in it since
    /// the form read it (shown at once; saving still goes through the conflict dialog).
    pub(crate) fn note_form_task_changed(&mut self) -> Result<()> {
        let Some(form) = self.form.as_mut() else {
            return Ok(());
        };
        let Some(base) = form.kind.task() else {
            return Ok(());
        };
        form.changed_elsewhere = match self.store.task(base.id) {
            Ok(now) if now.version != base.version => super::form::task_diff(base, &now),
            Ok(_) => Vec::new(),
            Err(Error::NotFound(_)) => Vec::new(),
            Err(e) => return Err(e),
        };
        Ok(())
    }
}
