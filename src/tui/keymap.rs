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

const LISTS: &[Mode] = &[Mode::Dashboard, Mode::Table, Mode::Detail];
const TABLES: &[Mode] = &[Mode::Dashboard, Mode::Table];
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
];
const SEARCH: &[Mode] = &[Mode::Search];
const FILTER: &[Mode] = &[Mode::Filter];
const PROMPTS: &[Mode] = &[Mode::Search, Mode::AsOf];
const ASOF: &[Mode] = &[Mode::AsOf];

/// The default keymap (product.md's keys).
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Up,
        scope: Scope::Only(LISTS),
        help: Msg::ActUp,
        hint: None,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Down,
        scope: Scope::Only(LISTS),
        help: Msg::ActDown,
        hint: None,
    },
    Binding {
        keys: &[Key::PageUp, Key::Ctrl('u')],
        action: Action::PageUp,
        scope: Scope::Only(LISTS),
        help: Msg::ActPageUp,
        hint: None,
    },
    Binding {
        keys: &[Key::PageDown, Key::Ctrl('d')],
        action: Action::PageDown,
        scope: Scope::Only(LISTS),
        help: Msg::ActPageDown,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('g'), Key::Home],
        action: Action::Top,
        scope: Scope::Only(TABLES),
        help: Msg::ActTop,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('G'), Key::End],
        action: Action::Bottom,
        scope: Scope::Only(TABLES),
        help: Msg::ActBottom,
        hint: None,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Open,
        scope: Scope::Only(OPENS),
        help: Msg::ActOpen,
        hint: Some(Msg::HintOpen),
    },
    Binding {
        keys: &[Key::Char('m')],
        action: Action::Home,
        scope: Scope::Only(LISTS),
        help: Msg::ActHome,
        hint: None,
    },
    Binding {
        keys: &[Key::Right, Key::Left, Key::Char('l'), Key::Char('h')],
        action: Action::NextPanel,
        scope: Scope::Only(DASHBOARD),
        help: Msg::ActPanel,
        hint: Some(Msg::HintPanel),
    },
    Binding {
        keys: &[Key::Esc, Key::Backspace],
        action: Action::Back,
        scope: Scope::Only(BACKS),
        help: Msg::ActBack,
        hint: Some(Msg::HintBack),
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::SortNext,
        scope: Scope::Only(SORTS),
        help: Msg::ActSort,
        hint: Some(Msg::HintSort),
    },
    Binding {
        keys: &[Key::Char('S')],
        action: Action::SortReverse,
        scope: Scope::Only(SORTS),
        help: Msg::ActSortReverse,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('p')],
        action: Action::UpdateProgress,
        scope: Scope::Only(LISTS),
        help: Msg::ActProgress,
        hint: Some(Msg::HintProgress),
    },
    Binding {
        keys: &[Key::Char('e')],
        action: Action::Edit,
        scope: Scope::Only(LISTS),
        help: Msg::ActEdit,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('n')],
        action: Action::New,
        scope: Scope::Only(LISTS),
        help: Msg::ActNew,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('d')],
        action: Action::Delete,
        scope: Scope::Only(LISTS),
        help: Msg::ActDelete,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('u')],
        action: Action::Urge,
        scope: Scope::Only(LISTS),
        help: Msg::ActUrge,
        hint: Some(Msg::HintUrge),
    },
    Binding {
        keys: &[Key::Char('z')],
        action: Action::Undo,
        scope: Scope::Only(LISTS),
        help: Msg::ActUndo,
        hint: Some(Msg::HintUndo),
    },
    Binding {
        keys: &[Key::Char('i')],
        action: Action::Inbox,
        scope: Scope::Only(LISTS),
        help: Msg::ActInbox,
        hint: None,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::FormEnter,
        scope: Scope::Only(FORM),
        help: Msg::ActFormEnter,
        hint: Some(Msg::HintSave),
    },
    Binding {
        keys: &[Key::Ctrl('s'), Key::AltEnter],
        action: Action::Submit,
        scope: Scope::Only(FORM),
        help: Msg::ActSave,
        hint: Some(Msg::HintSave),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        scope: Scope::Only(FORM),
        help: Msg::ActCancel,
        hint: Some(Msg::HintCancel),
    },
    Binding {
        keys: &[Key::Tab],
        action: Action::NextField,
        scope: Scope::Only(FORM),
        help: Msg::ActNextField,
        hint: Some(Msg::HintField),
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevField,
        scope: Scope::Only(FORM),
        help: Msg::ActPrevField,
        hint: None,
    },
    Binding {
        keys: &[Key::Up],
        action: Action::Up,
        scope: Scope::Only(FORM),
        help: Msg::ActFormUp,
        hint: None,
    },
    Binding {
        keys: &[Key::Down],
        action: Action::Down,
        scope: Scope::Only(FORM),
        help: Msg::ActFormDown,
        hint: Some(Msg::HintChoose),
    },
    Binding {
        keys: &[Key::Left],
        action: Action::Text(TextEdit::Left),
        scope: Scope::Only(FORM),
        help: Msg::ActCursorLeft,
        hint: None,
    },
    Binding {
        keys: &[Key::Right],
        action: Action::Text(TextEdit::Right),
        scope: Scope::Only(FORM),
        help: Msg::ActCursorRight,
        hint: None,
    },
    Binding {
        keys: &[Key::Home, Key::Ctrl('a')],
        action: Action::Text(TextEdit::LineStart),
        scope: Scope::Only(FORM),
        help: Msg::ActLineStart,
        hint: None,
    },
    Binding {
        keys: &[Key::End, Key::Ctrl('e')],
        action: Action::Text(TextEdit::LineEnd),
        scope: Scope::Only(FORM),
        help: Msg::ActLineEnd,
        hint: None,
    },
    Binding {
        keys: &[Key::Alt('b'), Key::CtrlLeft],
        action: Action::Text(TextEdit::WordLeft),
        scope: Scope::Only(FORM),
        help: Msg::ActWordLeft,
        hint: None,
    },
    Binding {
        keys: &[Key::Alt('f'), Key::CtrlRight],
        action: Action::Text(TextEdit::WordRight),
        scope: Scope::Only(FORM),
        help: Msg::ActWordRight,
        hint: None,
    },
    Binding {
        keys: &[Key::Backspace],
        action: Action::Erase,
        scope: Scope::Only(FORM),
        help: Msg::ActEraseBack,
        hint: None,
    },
    Binding {
        keys: &[Key::Delete],
        action: Action::Text(TextEdit::DeleteNext),
        scope: Scope::Only(FORM),
        help: Msg::ActDeleteNext,
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('w'), Key::AltBackspace],
        action: Action::Text(TextEdit::DeleteWordBack),
        scope: Scope::Only(FORM),
        help: Msg::ActDeleteWordBack,
        hint: None,
    },
    Binding {
        keys: &[Key::Alt('d')],
        action: Action::Text(TextEdit::DeleteWordNext),
        scope: Scope::Only(FORM),
        help: Msg::ActDeleteWordNext,
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('k')],
        action: Action::Text(TextEdit::KillToEnd),
        scope: Scope::Only(FORM),
        help: Msg::ActKillToEnd,
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('u')],
        action: Action::ClearField,
        scope: Scope::Only(FORM),
        help: Msg::ActClearField,
        hint: None,
    },
    // A confirmation: only `y` says yes; every other key says no.
    Binding {
        keys: &[Key::Char('y')],
        action: Action::Confirm,
        scope: Scope::Only(CONFIRM),
        help: Msg::ActConfirm,
        hint: Some(Msg::HintYes),
    },
    Binding {
        keys: &[Key::Char('n'), Key::Esc, Key::Enter],
        action: Action::Cancel,
        scope: Scope::Only(CONFIRM),
        help: Msg::ActConfirmOther,
        hint: Some(Msg::HintNo),
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::TakeTheirs,
        scope: Scope::Only(CONFLICT),
        help: Msg::ActTakeTheirs,
        hint: Some(Msg::HintTakeTheirs),
    },
    Binding {
        keys: &[Key::Char('o')],
        action: Action::Overwrite,
        scope: Scope::Only(CONFLICT),
        help: Msg::ActOverwrite,
        hint: Some(Msg::HintOverwrite),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        scope: Scope::Only(CONFLICT),
        help: Msg::ActBackToForm,
        hint: Some(Msg::HintBackToForm),
    },
    // A write found the database locked: try again, or back to the form.
    Binding {
        keys: &[Key::Char('r'), Key::Enter],
        action: Action::Confirm,
        scope: Scope::Only(BUSY),
        help: Msg::ActRetry,
        hint: Some(Msg::HintRetry),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        scope: Scope::Only(BUSY),
        help: Msg::ActKeepEditing,
        hint: Some(Msg::HintKeepEditing),
    },
    Binding {
        keys: &[Key::Char('/')],
        action: Action::Search,
        scope: Scope::Only(SORTS),
        help: Msg::ActSearch,
        hint: Some(Msg::HintSearch),
    },
    Binding {
        keys: &[Key::Char('f')],
        action: Action::Filter,
        scope: Scope::Only(TABLES),
        help: Msg::ActFilter,
        hint: Some(Msg::HintFilter),
    },
    Binding {
        keys: &[Key::Char('a')],
        action: Action::SetAsOf,
        scope: Scope::Only(TABLES),
        help: Msg::ActAsOf,
        hint: None,
    },
    // Typing a search: letters, digits and spaces go into the query.
    Binding {
        keys: &[Key::Enter],
        action: Action::Submit,
        scope: Scope::Only(SEARCH),
        help: Msg::ActSearchKeep,
        hint: Some(Msg::HintKeep),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        scope: Scope::Only(SEARCH),
        help: Msg::ActSearchClear,
        hint: Some(Msg::HintClear),
    },
    Binding {
        keys: &[Key::Up],
        action: Action::Up,
        scope: Scope::Only(SEARCH),
        help: Msg::ActUp,
        hint: None,
    },
    Binding {
        keys: &[Key::Down],
        action: Action::Down,
        scope: Scope::Only(SEARCH),
        help: Msg::ActDown,
        hint: Some(Msg::HintMove),
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::PageUp,
        scope: Scope::Only(SEARCH),
        help: Msg::ActPageUp,
        hint: None,
    },
    Binding {
        keys: &[Key::PageDown],
        action: Action::PageDown,
        scope: Scope::Only(SEARCH),
        help: Msg::ActPageDown,
        hint: None,
    },
    // Search and as-of prompts.
    Binding {
        keys: &[Key::Backspace],
        action: Action::Erase,
        scope: Scope::Only(PROMPTS),
        help: Msg::ActErase,
        hint: None,
    },
    Binding {
        keys: &[Key::Ctrl('u')],
        action: Action::ClearField,
        scope: Scope::Only(PROMPTS),
        help: Msg::ActClearEntry,
        hint: None,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Submit,
        scope: Scope::Only(ASOF),
        help: Msg::ActAsOfApply,
        hint: Some(Msg::HintApply),
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Cancel,
        scope: Scope::Only(ASOF),
        help: Msg::ActClose,
        hint: Some(Msg::HintCancel),
    },
    // The filter panel.
    Binding {
        keys: &[Key::Up, Key::Char('k'), Key::BackTab],
        action: Action::PrevField,
        scope: Scope::Only(FILTER),
        help: Msg::ActPrevFilter,
        hint: None,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j'), Key::Tab],
        action: Action::NextField,
        scope: Scope::Only(FILTER),
        help: Msg::ActNextFilter,
        hint: Some(Msg::HintFilterField),
    },
    Binding {
        keys: &[Key::Right, Key::Char('l'), Key::Char(' ')],
        action: Action::NextValue,
        scope: Scope::Only(FILTER),
        help: Msg::ActNextValue,
        hint: Some(Msg::HintValue),
    },
    Binding {
        keys: &[Key::Left, Key::Char('h')],
        action: Action::PrevValue,
        scope: Scope::Only(FILTER),
        help: Msg::ActPrevValue,
        hint: None,
    },
    Binding {
        keys: &[Key::Backspace, Key::Delete, Key::Char('x')],
        action: Action::ClearField,
        scope: Scope::Only(FILTER),
        help: Msg::ActClearFilter,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('c')],
        action: Action::ClearFilters,
        scope: Scope::Only(FILTER),
        help: Msg::ActClearFilters,
        hint: Some(Msg::HintClearAll),
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Submit,
        scope: Scope::Only(FILTER),
        help: Msg::ActFilterApply,
        hint: Some(Msg::HintApply),
    },
    Binding {
        keys: &[Key::Esc, Key::Char('f')],
        action: Action::Cancel,
        scope: Scope::Only(FILTER),
        help: Msg::ActClose,
        hint: Some(Msg::HintCancel),
    },
    Binding {
        keys: &[Key::Char('1')],
        action: Action::SwitchView(View::Dashboard),
        scope: Scope::Global,
        help: Msg::ViewDashboard,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('2')],
        action: Action::SwitchView(View::Programs),
        scope: Scope::Global,
        help: Msg::ViewPrograms,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('3')],
        action: Action::SwitchView(View::Tasks),
        scope: Scope::Global,
        help: Msg::ViewTasks,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('4')],
        action: Action::SwitchView(View::Agencies),
        scope: Scope::Global,
        help: Msg::ViewAgencies,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('5')],
        action: Action::SwitchView(View::Activity),
        scope: Scope::Global,
        help: Msg::ViewActivity,
        hint: None,
    },
    Binding {
        keys: &[Key::Tab],
        action: Action::NextView,
        scope: Scope::Global,
        help: Msg::ActNextView,
        hint: Some(Msg::HintViews),
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::PrevView,
        scope: Scope::Global,
        help: Msg::ActPrevView,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('r')],
        action: Action::Reload,
        scope: Scope::Global,
        help: Msg::ActReload,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('?')],
        action: Action::ToggleHelp,
        scope: Scope::Global,
        help: Msg::ActHelp,
        hint: Some(Msg::HintHelp),
    },
    Binding {
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        action: Action::Quit,
        scope: Scope::Global,
        help: Msg::ActQuit,
        hint: Some(Msg::HintQuit),
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Up,
        scope: Scope::Only(HELP),
        help: Msg::ActScrollUp,
        hint: None,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Down,
        scope: Scope::Only(HELP),
        help: Msg::ActScrollDown,
        hint: None,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::PageUp,
        scope: Scope::Only(HELP),
        help: Msg::ActPageUp,
        hint: None,
    },
    Binding {
        keys: &[Key::PageDown, Key::Char(' ')],
        action: Action::PageDown,
        scope: Scope::Only(HELP),
        help: Msg::ActPageDown,
        hint: None,
    },
    Binding {
        keys: &[Key::Char('?'), Key::Esc, Key::Char('q')],
        action: Action::ToggleHelp,
        scope: Scope::Only(HELP),
        help: Msg::HintClose,
        hint: Some(Msg::HintClose),
    },
    Binding {
        keys: &[Key::Ctrl('c')],
        action: Action::Quit,
        scope: Scope::Only(OVERLAYS),
        help: Msg::ActQuit,
        hint: None,
    },
];

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
    action_in(remap::table(), mode, key)
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
            (Mode::Search | Mode::AsOf, Key::Char(c)) => Some(Action::Input(c)),
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

mod hints;
pub mod remap;
pub mod telex;
pub use hints::{hints, hints_here, Here};

#[cfg(test)]
mod tests;
