//! Keys → actions, per mode. The help overlay and the hint bar are generated from
//! [`BINDINGS`], so they cannot drift from what the keys do.

use super::action::{Action, TextEdit, View};
use super::i18n::Msg;
use super::input::Key;

/// Where the keys are being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    /// Agencies, programs or tasks table.
    Table,
    Detail,
    Help,
    /// A form is open: typed characters go to the focused field.
    Form,
    /// A yes/no confirmation (delete).
    Confirm,
    /// The conflict dialog after a stale save.
    Conflict,
    /// The offer to retry a write that found the database locked by another writer.
    Busy,
    /// Typing a search query into the table's search line (`/`).
    Search,
    /// The filter panel (`f`).
    Filter,
    /// Typing the as-of date (`a`).
    AsOf,
    /// The command palette (`:`): typed characters go to its line.
    Palette,
    /// The wallboard (`--wall`): only `q`, space and `←`/`→`.
    Wall,
    /// The export file's name (`x`): typed characters go to it.
    Export,
    /// A view whose first read runs off the key loop: only the keys that need no data
    /// (quit, help, the view keys).
    Loading,
    /// The Trends view: rows that move, its own keys for the rows and the points.
    Trends,
}

impl Mode {
    /// Modes where the global bindings do not apply (the keys belong to an overlay).
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Mode::Help
                | Mode::Form
                | Mode::Confirm
                | Mode::Conflict
                | Mode::Busy
                | Mode::Search
                | Mode::Filter
                | Mode::AsOf
                | Mode::Palette
                | Mode::Wall
                | Mode::Export
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every mode but the help overlay.
    Global,
    Only(&'static [Mode]),
}

/// One binding: the keys, what they do, where, and how help and hints name it.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: Scope,
    /// The help overlay's description.
    pub help: Msg,
    /// The hint bar's short word, when the binding is worth a hint.
    pub hint: Option<Msg>,
}

/// The groups of modes the bindings name.
const LISTS: &[Mode] = &[Mode::Dashboard, Mode::Table, Mode::Detail];
/// Where the selection moves (the lists, and the Trends view's rows).
const MOVES: &[Mode] = &[Mode::Dashboard, Mode::Table, Mode::Detail, Mode::Trends];
const TABLES: &[Mode] = &[Mode::Dashboard, Mode::Table, Mode::Trends];
const OPENS: &[Mode] = &[Mode::Dashboard, Mode::Table];
const BACKS: &[Mode] = &[Mode::Table, Mode::Detail];
const DASHBOARD: &[Mode] = &[Mode::Dashboard];
const SORTS: &[Mode] = &[Mode::Table];
const HELP: &[Mode] = &[Mode::Help];
const FORM: &[Mode] = &[Mode::Form];
const CONFIRM: &[Mode] = &[Mode::Confirm];
const CONFLICT: &[Mode] = &[Mode::Conflict];
const BUSY: &[Mode] = &[Mode::Busy];
const OVERLAYS: &[Mode] = &[
    Mode::Help,
    Mode::Form,
    Mode::Confirm,
    Mode::Conflict,
    Mode::Busy,
    Mode::Search,
    Mode::Filter,
    Mode::AsOf,
    Mode::Palette,
    Mode::Wall,
    Mode::Export,
];
const SEARCH: &[Mode] = &[Mode::Search];
const FILTER: &[Mode] = &[Mode::Filter];
const PROMPTS: &[Mode] = &[Mode::Search, Mode::AsOf, Mode::Palette, Mode::Export];
const EXPORT: &[Mode] = &[Mode::Export];
const PALETTE: &[Mode] = &[Mode::Palette];
const WALL: &[Mode] = &[Mode::Wall];
const TRENDS: &[Mode] = &[Mode::Trends];
const ASOF: &[Mode] = &[Mode::AsOf];

mod bindings;
pub use bindings::BINDINGS;

/// One binding on one line.
const fn bind(
    keys: &'static [Key],
    action: Action,
    scope: Scope,
    help: Msg,
    hint: Option<Msg>,
) -> Binding {
    Binding {
        keys,
        action,
        scope,
        help,
        hint,
    }
}

/// A view's key, everywhere the global keys apply, named in help by the view's name.
const fn view_key(keys: &'static [Key], view: View, help: Msg) -> Binding {
    bind(keys, Action::SwitchView(view), Scope::Global, help, None)
}

/// A key of the wallboard.
const fn in_wall(keys: &'static [Key], action: Action, help: Msg, hint: Option<Msg>) -> Binding {
    bind(keys, action, Scope::Only(WALL), help, hint)
}

/// A key of the export prompt.
const fn in_export(keys: &'static [Key], action: Action, help: Msg, hint: Option<Msg>) -> Binding {
    bind(keys, action, Scope::Only(EXPORT), help, hint)
}

/// A key of the Trends view.
const fn in_trends(keys: &'static [Key], action: Action, help: Msg, hint: Option<Msg>) -> Binding {
    bind(keys, action, Scope::Only(TRENDS), help, hint)
}

/// A key of the command palette.
const fn in_palette(keys: &'static [Key], action: Action, help: Msg, hint: Option<Msg>) -> Binding {
    bind(keys, action, Scope::Only(PALETTE), help, hint)
}

impl Binding {
    /// Whether the binding is live in `mode`.
    pub fn applies(&self, mode: Mode) -> bool {
        match self.scope {
            Scope::Global => !mode.is_overlay(),
            Scope::Only(modes) => modes.contains(&mode),
        }
    }

    /// The keys as help shows them: `↑/k`.
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The action a key asks for in `mode`, if any. Mode-specific bindings win over global ones.
/// In a form, a character key that no binding takes is typed into the focused field.
/// The bindings in force are the defaults with the config file's remaps ([`remap`]).
/// In a table, a Vietnamese letter (an input method's `đ`, `ư`, `â`…) acts as its plain
/// letter (see [`telex`]).
pub fn action_for(mode: Mode, key: Key) -> Option<Action> {
    if let Key::Mouse(m) = key {
        return Some(Action::Mouse(m));
    }
    if let Key::Char(c) = key {
        if let Some(p) = telex::plain_letter(c).filter(|_| telex::reads_plain(mode)) {
            return action_for(mode, Key::Char(p));
        }
    }
    let action = action_in(remap::table(), mode, key);
    if mode == Mode::Loading && action.is_none() {
        // A screen's key pressed before its data came: `update()` says it is being read.
        return action_in(remap::table(), Mode::Table, key)
            .or_else(|| action_in(remap::table(), Mode::Dashboard, key));
    }
    action
}

/// [`action_for`] over a given table of bindings.
pub fn action_in(table: &[Binding], mode: Mode, key: Key) -> Option<Action> {
    let hit = |b: &&Binding| b.applies(mode) && b.keys.contains(&key);
    table
        .iter()
        .filter(|b| matches!(b.scope, Scope::Only(_)))
        .find(hit)
        .or_else(|| table.iter().find(hit))
        .map(|b| b.action.clone())
        .or(match (mode, key) {
            (Mode::Form, Key::Char(c)) => Some(Action::Input(c)),
            // Only `y` confirms: any other key (but Ctrl-c, which quits) says no.
            (Mode::Confirm, _) => Some(Action::Cancel),
            // In the search and as-of prompts, a character no binding takes is typed.
            (Mode::Search | Mode::AsOf | Mode::Palette | Mode::Export, Key::Char(c)) => {
                Some(Action::Input(c))
            }
            _ => None,
        })
}

/// The bindings live in `mode`: those of the mode itself first, then the global ones.
pub fn bindings_for(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let own = remap::table()
        .iter()
        .filter(move |b| matches!(b.scope, Scope::Only(_)) && b.applies(mode));
    let global = remap::table()
        .iter()
        .filter(move |b| matches!(b.scope, Scope::Global) && b.applies(mode));
    own.chain(global)
}

/// The commands on a screen: the bindings of its mode that do something there for this
/// login, its own first, then the global ones. The help overlay lists them and the
/// command palette offers them, so neither can drift from the keys.
pub fn commands(here: &Here) -> impl Iterator<Item = &'static Binding> {
    let here = *here;
    bindings_for(here.mode).filter(move |b| here.live(b))
}

mod hints;
pub mod remap;
pub mod telex;
pub use hints::{hints, hints_here, Here};

#[cfg(test)]
mod tests;
