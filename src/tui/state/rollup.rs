//! The roll-up screen (`phoihop --rollup DIR`): the national totals and categories as the
//! dashboard shows them, with a Provinces table in place of the lead agencies. Read-only:
//! nothing here can write. `Enter` on a province asks the event loop to open that
//! replica's own dashboard (read-only); `q` leaves it and comes back here.
//! [`RollupScreen::update`] is the only place this state changes.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::cursor::Cursor;
use crate::error::Result;
use crate::rollup::{self, Province, Request, Rollup, State};
use crate::store::Summary;
use crate::tui::action::Action;
use crate::tui::i18n::Lang;
use crate::tui::input::Key;

/// What a key does on the roll-up screen.
#[derive(Debug, Clone, PartialEq)]
pub enum RollupAction {
    /// A cursor movement ([`Action::Up`] … [`Action::Bottom`]).
    Move(Action),
    /// Open the selected province's dashboard.
    Open,
    /// Read the replicas again.
    Reload,
    Quit,
    Resize(u16, u16),
}

/// The key's action on this screen.
pub fn action_for(key: Key) -> Option<RollupAction> {
    use RollupAction::*;
    Some(match key {
        Key::Up | Key::Char('k') => Move(Action::Up),
        Key::Down | Key::Char('j') => Move(Action::Down),
        Key::PageUp => Move(Action::PageUp),
        Key::PageDown => Move(Action::PageDown),
        Key::Home | Key::Char('g') => Move(Action::Top),
        Key::End | Key::Char('G') => Move(Action::Bottom),
        Key::Enter => Open,
        Key::Char('r') => Reload,
        Key::Char('q') | Key::Esc | Key::Ctrl('c') => Quit,
        _ => return None,
    })
}

/// The roll-up screen's state.
pub struct RollupScreen {
    pub rollup: Rollup,
    /// The national numbers in the dashboard's shape (no agencies).
    pub summary: Summary,
    pub lang: Lang,
    pub today: NaiveDate,
    pub cursor: Cursor,
    pub size: (u16, u16),
    pub quit: bool,
    /// The replica to open next (set by `Enter`, taken by the event loop).
    pub open: Option<PathBuf>,
    /// A line for the status bar.
    pub notice: Option<String>,
    files: Vec<PathBuf>,
    req: Request,
}

fn summary_of(r: &Rollup) -> Summary {
    Summary {
        as_of: r.as_of,
        totals: r.totals,
        categories: r.categories.clone(),
        agencies: Vec::new(),
        due_soon: r.due_soon,
    }
}

impl RollupScreen {
    /// Reads every replica (see [`rollup::build`]).
    pub fn new(
        files: Vec<PathBuf>,
        req: Request,
        lang: Lang,
        today: NaiveDate,
        size: (u16, u16),
    ) -> Result<RollupScreen> {
        let r = rollup::build(&files, &req, today)?;
        Ok(RollupScreen {
            summary: summary_of(&r),
            rollup: r,
            lang,
            today,
            cursor: Cursor::default(),
            size,
            quit: false,
            open: None,
            notice: None,
            files,
            req,
        })
    }

    /// The province rows shown: every province, summed or not, in the files' order.
    pub fn provinces(&self) -> &[Province] {
        &self.rollup.provinces
    }

    /// Rows of the Provinces table that fit on the screen.
    pub fn page(&self) -> usize {
        let rows = crate::tui::view::rollup::provinces_height(self.size);
        usize::from(rows.saturating_sub(3)).max(1)
    }

    /// Applies an action; returns whether the screen must be drawn again.
    pub fn update(&mut self, a: RollupAction) -> bool {
        match a {
            RollupAction::Move(m) => {
                let (n, page) = (self.provinces().len(), self.page());
                self.cursor.apply(m, n, page)
            }
            RollupAction::Open => {
                let Some(p) = self.rollup.provinces.get(self.cursor.selected) else {
                    return false;
                };
                match &p.state {
                    State::Unreadable { .. } | State::Schema { .. } => {
                        self.notice = Some(p.state.reason(self.lang.code(), self.rollup.max_age));
                    }
                    _ => {
                        self.open = Some(p.file.clone());
                        self.notice = None;
                    }
                }
                true
            }
            RollupAction::Reload => {
                match rollup::build(&self.files, &self.req, self.today) {
                    Ok(r) => {
                        self.summary = summary_of(&r);
                        self.rollup = r;
                        self.notice = None;
                    }
                    Err(e) => self.notice = Some(e.to_string()),
                }
                let (n, page) = (self.provinces().len(), self.page());
                self.cursor.follow(n, page);
                true
            }
            RollupAction::Quit => {
                self.quit = true;
                true
            }
            RollupAction::Resize(w, h) => {
                self.size = (w, h);
                let (n, page) = (self.provinces().len(), self.page());
                self.cursor.follow(n, page);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{generate, GenOptions};
    use crate::store::Store;

    #[test]
    fn moves_opens_and_refuses_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let mut files = Vec::new();
        for i in 1..=2u64 {
            let f = dir.path().join(format!("p{i}.db"));
            let mut s = Store::open(&f, false).unwrap();
            let opts = GenOptions {
                tasks: 30,
                agencies: 8,
                seed: i,
            };
            generate(&mut s, &opts, today).unwrap();
            files.push(f);
        }
        let junk = dir.path().join("z.db");
        std::fs::write(&junk, b"junk junk junk").unwrap();
        files.push(junk);
        let req = Request {
            program: None,
            from: None,
            to: today,
            max_age: None,
            check: rollup::Check::Quick,
        };
        let mut s = RollupScreen::new(files.clone(), req, Lang::En, today, (80, 24)).unwrap();
        assert_eq!(s.summary.totals.tasks, 60);
        assert!(s.update(action_for(Key::Down).unwrap()));
        assert!(s.update(RollupAction::Open));
        assert_eq!(s.open.take(), Some(files[1].clone()));
        s.update(RollupAction::Move(Action::Bottom));
        assert!(s.update(RollupAction::Open));
        assert_eq!(s.open, None, "an unreadable replica is not opened");
        assert!(s.notice.as_deref().unwrap_or("").contains("Cannot be read"));
        assert!(
            !s.update(RollupAction::Move(Action::Down)),
            "already at the end"
        );
        s.update(RollupAction::Reload);
        assert_eq!(s.summary.totals.tasks, 60);
        s.update(action_for(Key::Char('q')).unwrap());
        assert!(s.quit);
    }
}
