//! The one vocabulary of the TUI: everything a key, a test or an event can ask for.

/// A top-level view, switched with `1`–`4` or Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Dashboard,
    Programs,
    Tasks,
    Agencies,
}

impl View {
    /// In tab order.
    pub const ALL: [View; 4] = [View::Dashboard, View::Programs, View::Tasks, View::Agencies];

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// What can happen to the app state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    SwitchView(View),
    NextView,
    PrevView,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Drill down: open the selected row.
    Open,
    /// Back out of a drill-down, a detail or the help overlay.
    Back,
    /// Sort by the next column (`s`).
    SortNext,
    /// Reverse the sort (`S`).
    SortReverse,
    Reload,
    /// The terminal is now this size (columns, rows).
    Resize(u16, u16),
    /// Another connection committed (seen through `PRAGMA data_version`).
    DataChanged,
    // Hooks for the editing issue; not bound to keys yet.
    Edit,
    UpdateProgress,
    Urge,
    New,
    Delete,
    /// Start typing a search in the table (`/`).
    Search,
    /// Open the filter panel (`f`).
    Filter,
    /// Ask for the as-of date (`a`).
    SetAsOf,
    // Typing into a prompt or a panel.
    /// A typed character.
    Input(char),
    /// Delete the last character.
    Erase,
    /// Empty the focused field.
    ClearField,
    NextField,
    PrevField,
    /// Accept (Enter).
    Submit,
    /// Close without accepting (Esc).
    Cancel,
    /// In the filter panel: the focused filter's next / previous value.
    NextValue,
    PrevValue,
    /// In the filter panel: clear every filter.
    ClearFilters,
    /// Work done off the key loop (a search index) has finished.
    Background,
}
