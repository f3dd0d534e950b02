//! The one-line hint bar, generated from the same bindings as the help overlay, showing
//! only the keys that do something on this screen for this login ([`Here`]).

use super::{bindings_for, Binding, Mode};
use crate::tui::action::{Action, View};
use crate::tui::i18n::Msg;

/// What decides which keys do something on the screen shown: the mode, what kind of
/// table it is, and what the acting login may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Here {
    pub mode: Mode,
    /// Sort and search work (tasks, programs and agencies tables).
    pub sortable: bool,
    /// `/` searches this table.
    pub searchable: bool,
    /// Filters and the as-of date apply (the dashboard and those tables).
    pub filterable: bool,
    /// A top-level view: `Back` does nothing.
    pub top_level: bool,
    /// The programs or agencies table (new and delete need an admin).
    pub records: bool,
    /// The login may change tasks (not `--read-only`, not a supervisor).
    pub may_write: bool,
    /// The login is an admin (or no role was granted yet).
    pub admin: bool,
    /// The login may urge (anyone, unless `--read-only`).
    pub may_urge: bool,
    /// In a form: the focused field is a note (`Enter` adds a line).
    pub multiline: bool,
    /// The confirmation is "Discard the changes?" (not a delete).
    pub discard: bool,
    /// The task on screen is one the operator's agency only coordinates: `p` adds a
    /// note, `e` does nothing.
    pub note_only: bool,
    /// The login is an operator of an agency (`m`: their agency's work).
    pub operator: bool,
    /// This session made a change that `z` can undo (and no write is in flight).
    pub undo: bool,
}

impl Here {
    /// Every key of `mode` counts (prompts and panels, where nothing depends on the role).
    pub fn everything(mode: Mode) -> Here {
        Here {
            mode,
            sortable: true,
            searchable: true,
            filterable: true,
            top_level: false,
            records: false,
            may_write: true,
            admin: true,
            may_urge: true,
            multiline: false,
            discard: false,
            note_only: false,
            operator: true,
            undo: true,
        }
    }

    /// Whether the binding does something here.
    pub fn live(&self, b: &Binding) -> bool {
        match b.action {
            Action::SortNext | Action::SortReverse => self.sortable,
            Action::Search => self.searchable,
            Action::Filter | Action::SetAsOf => self.filterable,
            Action::Back => !(self.top_level && self.mode == Mode::Table),
            Action::New | Action::Delete if self.records => self.admin,
            // Programs and agencies rows are not tasks: progress, edit and urge act on
            // tasks only.
            Action::UpdateProgress | Action::Edit | Action::Urge if self.records => false,
            Action::Edit if self.note_only => false,
            Action::Home => self.operator,
            // Help lists `z` for every login that writes; the bar only once there is
            // something to undo.
            Action::Undo => self.may_write || self.undo,
            Action::UpdateProgress | Action::Edit | Action::New | Action::Delete => self.may_write,
            Action::Urge => self.may_urge,
            // `Ctrl-s` is worth a hint only where `Enter` does not save.
            Action::Submit if self.mode == Mode::Form => self.multiline,
            // Nothing to reload or run before the first read has come.
            Action::Reload | Action::Palette => self.mode != Mode::Loading,
            _ => true,
        }
    }

    /// The hint word of a binding here, if it has one.
    fn hint(&self, b: &Binding) -> Option<Msg> {
        match (&b.action, self.multiline) {
            (Action::FormEnter, true) => Some(Msg::HintNewLine),
            (Action::UpdateProgress, _) if self.note_only => Some(Msg::HintNote),
            (Action::Confirm, _) if self.discard => Some(Msg::HintDiscard),
            (Action::Cancel, _) if self.mode == Mode::Confirm && self.discard => {
                Some(Msg::HintBackToForm)
            }
            (Action::Undo, _) if !self.undo => None,
            // Ctrl-s is listed in help; the bar names it only in a note.
            (Action::Submit, false) if self.mode == Mode::Form => None,
            _ => b.hint,
        }
    }
}

/// The hint bar's entries in `mode` with every key counted (see [`hints_here`]).
pub fn hints(mode: Mode) -> Vec<(String, Msg)> {
    hints_here(&Here::everything(mode))
}

/// The hint bar's entries on this screen: (first key's label, short word), only for keys
/// that do something here. The view switch keys are summarised as `1-5`.
pub fn hints_here(here: &Here) -> Vec<(String, Msg)> {
    let mode = here.mode;
    let mut out = Vec::new();
    if mode == Mode::Help {
        out.push(("↑↓".to_string(), Msg::HintScroll));
    } else if !mode.is_overlay() && mode != Mode::Loading {
        out.push(("↑↓".to_string(), Msg::HintMove));
    }
    for b in bindings_for(mode).filter(|b| here.live(b)) {
        if let Some(h) = here.hint(b) {
            let label = if b.action == Action::NextView {
                format!("1-{}/{}", View::ALL.len(), b.keys[0].label())
            } else if matches!(b.action, Action::NextPanel | Action::WallNext) {
                "←→".to_string()
            } else if b.action == Action::Down {
                "↑↓".to_string()
            } else if mode == Mode::Confirm && b.action == Action::Cancel {
                // Every key but `y` says no: Enter among them.
                b.keys_label()
            } else {
                b.keys[0].label()
            };
            if label == "↑↓" && out.iter().any(|(l, _)| l == "↑↓") {
                continue;
            }
            out.push((label, h));
        }
    }
    // Help and quit come right after moving: help lists everything else when the line
    // is short, and quitting must always be in sight (an 80-column SSH session). Then the
    // one write this login makes most: progress, or for a supervisor the urge; on the
    // Trends view its own two keys.
    let mut at = usize::from(!mode.is_overlay() && mode != Mode::Loading).min(out.len());
    let write = if here.may_write && !here.records {
        Msg::HintProgress
    } else {
        Msg::HintUrge
    };
    let mut firsts = vec![Msg::HintHelp, Msg::HintQuit, write];
    if mode == Mode::Trends {
        firsts.extend([Msg::HintTrendRows, Msg::HintTrendPoints]);
    }
    for first in firsts {
        if let Some(i) = out.iter().position(|(_, m)| *m == first) {
            let hint = out.remove(i);
            at = at.min(out.len());
            out.insert(at, hint);
            at += 1;
        }
    }
    out
}
