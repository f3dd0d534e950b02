//! The part of [`AppState::update`](super::AppState::update) that talks to the job runner
//! (`tui::jobs`): a finished job's result applied (or dropped when the screen moved on),
//! the retry offer of a write that found the database locked, `z` (undo), and the
//! dashboard read again off the key loop.
//!
//! Generations: each job's id is its generation. The state keeps the id of the write in
//! flight and of the dashboard read it waits for; a result with another id is dropped. A
//! dashboard read also carries the scope and dates it was made for, and is dropped when
//! they are not those in force any more (new filters, another as-of date).

use chrono::NaiveDate;

use super::dashboard::Dashboard;
use super::edit::Dialog;
use super::writes::{Undo, Write};
use super::{AppState, Notice};
use crate::error::Result;
use crate::store::{Scope, Store};
use crate::tui::action::Action;
use crate::tui::i18n::Msg;
use crate::tui::jobs::{Done, Lane, Runner};

/// The runner and what the state waits for from it.
#[derive(Default)]
pub struct Jobs {
    pub(super) runner: Option<Runner>,
    /// The write in flight (one at a time) and its id.
    pub(super) write: Option<(u64, Write)>,
    /// The dashboard read in flight.
    dashboard: Option<u64>,
    /// The data changed again while the dashboard was being read: read it once more.
    dashboard_again: bool,
    /// The changes of this session that `z` undoes, oldest first.
    pub(super) undo: Vec<Undo>,
    /// The first reads of the views and of the session (`firstload.rs`).
    pub(super) first: super::firstload::FirstReads,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("write", &self.write.as_ref().map(|w| w.0))
            .field("dashboard", &self.dashboard)
            .field("undo", &self.undo.len())
            .finish()
    }
}

/// What a dashboard read was made for.
type DashKey = (Scope, NaiveDate, NaiveDate);

impl AppState {
    /// Runs writes and slow reads on a job runner whose results wake the loop through
    /// `notify` (without it everything runs in place, as `update()` tests do).
    pub(crate) fn start_runner(
        &mut self,
        notify: std::sync::mpsc::Sender<crate::tui::event::Event>,
    ) {
        let path = self.store.path().to_path_buf();
        self.jobs.runner = Some(Runner::new(path, self.read_only, notify));
    }

    /// True while a write runs off the key loop ("đang lưu…").
    pub fn saving(&self) -> bool {
        self.jobs.write.is_some()
    }

    /// True when `z` has something of this session to undo.
    pub fn can_undo(&self) -> bool {
        !self.jobs.undo.is_empty()
    }

    /// The changes `z` would undo, newest last.
    pub fn undo_list(&self) -> &[Undo] {
        &self.jobs.undo
    }

    /// The actions of the job runner, of the retry offer and of `z`; `None` for the
    /// others.
    pub(super) fn apply_jobs(&mut self, action: &Action) -> Result<Option<bool>> {
        if let Action::Job(done) = action {
            return self.job_done(done).map(Some);
        }
        if matches!(self.dialog, Some(Dialog::Busy(_))) {
            return self.apply_busy(action);
        }
        if *action == Action::Quit && self.saving() {
            // Quitting would cut the write off: it ends within seconds (saved, or the
            // retry offer), then `q` quits.
            self.notice = Some(Notice::Info(Msg::StillSaving));
            return Ok(Some(true));
        }
        let editing = matches!(
            action,
            Action::Edit
                | Action::UpdateProgress
                | Action::Urge
                | Action::New
                | Action::Delete
                | Action::Undo
        );
        if editing && self.dialog.is_none() && self.form.is_none() {
            if self.saving() {
                // One write at a time: the next waits for the one in flight.
                self.notice = Some(Notice::Info(Msg::StillSaving));
                return Ok(Some(true));
            }
            if *action == Action::Undo {
                self.help = false;
                match self.jobs.undo.pop() {
                    Some(u) if self.read_only => {
                        self.jobs.undo.push(u);
                        self.notice = Some(Notice::Denied(Msg::DenyReadOnly));
                    }
                    Some(u) => self.start_write(Write::Undo(u))?,
                    None => self.notice = Some(Notice::Info(Msg::NothingToUndo)),
                }
                return Ok(Some(true));
            }
        }
        Ok(None)
    }

    /// The retry offer: `r`/`Enter` tries the write again, `Esc` goes back (to the form,
    /// as it was typed; an undo goes back on the list).
    fn apply_busy(&mut self, action: &Action) -> Result<Option<bool>> {
        let Some(Dialog::Busy(w)) = self.dialog.take() else {
            return Ok(None);
        };
        match action {
            Action::Confirm => self.start_write(*w)?,
            Action::Cancel | Action::Quit => {
                match *w {
                    Write::Save { form, .. } => self.form = Some(*form),
                    Write::Undo(u) => self.jobs.undo.push(u),
                    Write::Delete(_) => {}
                }
                if *action == Action::Quit && self.form.is_some() {
                    // Quitting asks first when the form holds input.
                    self.dialog = Some(Dialog::Discard { quit: true });
                } else if *action == Action::Quit {
                    self.quit = true;
                } else if self.form.is_none() {
                    self.notice = Some(Notice::Info(Msg::Cancelled));
                }
            }
            // A change elsewhere or a resize: the offer stays.
            Action::DataChanged | Action::Resize(..) | Action::Background => {
                self.dialog = Some(Dialog::Busy(w));
                return Ok(None);
            }
            _ => {
                self.dialog = Some(Dialog::Busy(w));
                return Ok(Some(false));
            }
        }
        Ok(Some(true))
    }

    /// A finished job: applied when the state still waits for it, else dropped.
    fn job_done(&mut self, done: &Done) -> Result<bool> {
        match done.lane {
            Lane::Write => {
                let Some((id, _)) = &self.jobs.write else {
                    return Ok(false);
                };
                if *id != done.id {
                    return Ok(false);
                }
                let Some((_, w)) = self.jobs.write.take() else {
                    return Ok(false);
                };
                let out = done
                    .take::<Result<super::writes::Wrote>>()
                    .unwrap_or_else(|| Err(crate::error::Error::Other("lost result".into())));
                self.finish_write(w, out.and_then(|r| r))?;
                Ok(true)
            }
            Lane::Series => self.trend_done(done).unwrap_or(Ok(false)),
            Lane::Read => {
                if self.export_job() == Some(done.id) {
                    return Ok(self.export_done(done));
                }
                if self.jobs.dashboard != Some(done.id) {
                    return self.first_read_done(done);
                }
                self.jobs.dashboard = None;
                let out = done.take::<(DashKey, Result<Dashboard>)>();
                let mut changed = false;
                match out {
                    Some(Ok((key, fresh))) if key == self.dash_key() => {
                        self.apply_dashboard(fresh?);
                        changed = true;
                    }
                    // Made for other filters or another date: read it for these.
                    Some(Ok(_)) => self.jobs.dashboard_again = true,
                    Some(Err(e)) => return Err(e),
                    None => {}
                }
                if std::mem::take(&mut self.jobs.dashboard_again) {
                    self.read_dashboard_in_background();
                }
                Ok(changed)
            }
        }
    }

    fn dash_key(&self) -> DashKey {
        (self.scope.clone(), self.as_of, self.today)
    }

    /// Reads the dashboard again off the key loop (its aggregates take ~0.35 s at
    /// 1,000,000 tasks): the old numbers stay on screen until the new ones come. False
    /// when there is no runner or the dashboard was never loaded (then it is read in place).
    pub(super) fn read_dashboard_in_background(&mut self) -> bool {
        if !self.dashboard.loaded || self.jobs.runner.is_none() {
            return false;
        }
        if self.jobs.dashboard.is_some() {
            self.jobs.dashboard_again = true;
            return true;
        }
        let mut d = self.dashboard.take_for_refresh();
        let key = self.dash_key();
        let Some(runner) = self.jobs.runner.as_mut() else {
            return false;
        };
        let submitted = runner.submit(Lane::Read, move |s: &mut Store| {
            let (scope, as_of, today) = &key;
            let r = d.refresh(s, scope, *as_of, *today).map(|()| d);
            (key.clone(), r)
        });
        match submitted {
            Ok(id) => {
                self.jobs.dashboard = Some(id);
                true
            }
            Err(_) => false,
        }
    }

    /// The fresh dashboard in place of the shown one, each cursor kept on its record
    /// (the user may have moved while it was read).
    fn apply_dashboard(&mut self, mut fresh: Dashboard) {
        let old = &self.dashboard;
        let keep = old.attention.get(old.cursor.selected).map(|t| t.id);
        let keep_agency = old.selected_agency().map(|a| a.code.clone());
        fresh.focus = old.focus;
        fresh.cursor = old.cursor;
        fresh.agency_cursor = old.agency_cursor;
        if let Some(i) = keep.and_then(|id| fresh.attention.iter().position(|t| t.id == id)) {
            fresh.cursor.selected = i;
        }
        fresh.cursor.follow(fresh.attention.len(), 1);
        let at = keep_agency.and_then(|k| fresh.agencies().iter().position(|a| a.code == k));
        if let Some(i) = at {
            fresh.agency_cursor.selected = i;
        }
        let n = fresh.agencies().len();
        fresh.agency_cursor.follow(n, 1);
        self.dashboard = fresh;
    }
}
