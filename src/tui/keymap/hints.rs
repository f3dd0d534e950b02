//! The one-line hint bar, generated from the same bindings as the help overlay.

use super::{bindings_for, Mode};
use crate::tui::action::{Action, View};
use crate::tui::i18n::Msg;

/// The hint bar's entries in `mode`: (first key's label, short word). The view switch keys
/// are summarised as `1-4`.
pub fn hints(mode: Mode) -> Vec<(String, Msg)> {
    let mut out = Vec::new();
    if !mode.is_overlay() {
        out.push(("↑↓".to_string(), Msg::HintMove));
    }
    for b in bindings_for(mode) {
        if let Some(h) = b.hint {
            let label = if b.action == Action::NextView {
                format!("1-{}/{}", View::ALL.len(), b.keys[0].label())
            } else if b.action == Action::Down {
                "↑↓".to_string()
            } else {
                b.keys[0].label()
            };
            out.push((label, h));
        }
    }
    // Help and quit come right after moving: help lists everything else when the line
    // is short, and quitting must always be in sight (an 80-column SSH session).
    let mut at = usize::from(!mode.is_overlay()).min(out.len());
    for first in [Msg::HintHelp, Msg::HintQuit] {
        if let Some(i) = out.iter().position(|(_, m)| *m == first) {
            let hint = out.remove(i);
            at = at.min(out.len());
            out.insert(at, hint);
            at += 1;
        }
    }
    out
}
