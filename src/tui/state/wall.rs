//! The wallboard (`phoihop --wall [SECONDS]`, issue 16 item 3): the dashboard, the
//! ranking, the trends and the overdue list in turn, each read again after a change as every screen
//! is (it shows a top-level view: see `refresh.rs`). The event loop turns it on its clock
//! ([`Action::WallNext`]); the keys are only `q`, space (pause) and `←`/`→`.

use super::{AppState, Panel};
use crate::error::Result;
use crate::tui::action::{Action, View};

/// A screen of the rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallScreen {
    Dashboard,
    Ranking,
    /// The Trends view (its series read off the key loop, as on the view).
    Trends,
    /// The dashboard's overdue and due-soon list, the whole screen.
    Overdue,
}

impl WallScreen {
    /// In turn.
    pub const ALL: [WallScreen; 4] = [
        WallScreen::Dashboard,
        WallScreen::Ranking,
        WallScreen::Trends,
        WallScreen::Overdue,
    ];

    /// The view it shows (and keeps fresh).
    pub fn view(self) -> View {
        match self {
            WallScreen::Dashboard | WallScreen::Overdue => View::Dashboard,
            WallScreen::Ranking => View::Ranking,
            WallScreen::Trends => View::Trends,
        }
    }

    fn index(self) -> usize {
        WallScreen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// The wallboard's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wall {
    /// Seconds on each screen.
    pub every: u64,
    pub screen: WallScreen,
    pub paused: bool,
}

impl AppState {
    /// Shows the wallboard, turning every `every` seconds, from the dashboard.
    pub fn start_wall(&mut self, every: u64) -> Result<()> {
        self.stack.clear();
        self.help = false;
        self.wall = Some(Wall {
            every,
            screen: WallScreen::Dashboard,
            paused: false,
        });
        self.switch(View::Dashboard)?;
        // Every screen of the rotation read now, before the first turn: a turn then only
        // draws (at 1,000,000 tasks the ranking's first read takes a few hundred ms). On
        // the read lane when the first reads run there, after the dashboard's.
        for s in WallScreen::ALL {
            let v = s.view();
            if v != self.view
                && (self.stale.view(v) || !self.view_loaded(v))
                && !self.load_in_background(v)
            {
                self.reload_view(v)?;
            }
        }
        Ok(())
    }

    /// An action on the wallboard: `None` when it is not the wallboard's (the caller
    /// goes on with it: a resize, a change, the date, a job's result, quit).
    pub(super) fn wall_key(&mut self, action: &Action) -> Result<Option<bool>> {
        let Some(mut w) = self.wall else {
            return Ok(None);
        };
        let n = WallScreen::ALL.len();
        let step = match action {
            Action::WallNext => 1,
            Action::WallPrev => n - 1,
            Action::WallPause => {
                w.paused = !w.paused;
                self.wall = Some(w);
                return Ok(Some(true));
            }
            Action::Quit
            | Action::Resize(..)
            | Action::DataChanged
            | Action::DateChanged(_)
            | Action::Background
            | Action::Job(_) => return Ok(None),
            // Every other key does nothing on the wall.
            _ => return Ok(Some(false)),
        };
        w.screen = WallScreen::ALL[(w.screen.index() + step) % n];
        self.wall = Some(w);
        let view = w.screen.view();
        if view != self.view {
            self.switch(view)?;
        }
        // The overdue list from its top, the dashboard's lists as they open.
        self.dashboard.focus = Panel::Attention;
        self.dashboard.cursor = Default::default();
        self.ranking.cursor = Default::default();
        self.trends.cursor = Default::default();
        Ok(Some(true))
    }
}
