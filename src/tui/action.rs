//! The one vocabulary of the TUI: everything a key, a test or an event can ask for.

/// A top-level view, switched with `1`–`7` or Tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Dashboard,
    Programs,
    Tasks,
    Agencies,
    /// Recent changes, newest first.
    Activity,
    /// Lead agencies ranked by on-time completion (issue 16).
    Ranking,
    /// Progress over time: mean progress and the four buckets at each point (issue 16).
    Trends,
}

impl View {
    /// In tab order.
    pub const ALL: [View; 7] = [
        View::Dashboard,
        View::Programs,
        View::Tasks,
        View::Agencies,
        View::Activity,
        View::Ranking,
        View::Trends,
    ];

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// Cursor movement and deletion inside the focused text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Left,
    Right,
    /// Start / end of the line (`Home`, `Ctrl-a` / `End`, `Ctrl-e`).
    LineStart,
    LineEnd,
    /// A word back / forward (`Alt-b`, `Ctrl-←` / `Alt-f`, `Ctrl-→`).
    WordLeft,
    WordRight,
    /// Delete the character under the cursor (`Del`).
    DeleteNext,
    /// Delete the word before the cursor (`Ctrl-w`, `Alt-Backspace`).
    DeleteWordBack,
    /// Delete the word after the cursor (`Alt-d`).
    DeleteWordNext,
    /// Delete to the end of the line (`Ctrl-k`).
    KillToEnd,
}

/// What can happen to the app state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A click, a double click or the wheel (see `state/mouse.rs`).
    Mouse(super::input::mouse::Mouse),
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
    /// The local date is now this one (the clock passed midnight): "today" moves, and
    /// a screen that followed today follows it.
    DateChanged(chrono::NaiveDate),
    /// An operator's home, "My agency's work" (`m`), over the screen shown.
    Home,
    /// On the dashboard: the other panel (the overdue list or the lead agencies).
    NextPanel,
    /// Open the inbox of urges (`i`).
    Inbox,
    // Editing: each opens a form or a confirmation, or explains why it cannot.
    Edit,
    UpdateProgress,
    Urge,
    New,
    Delete,
    // Inside a form.
    /// A typed character for the focused field.
    Input(char),
    /// Delete the last character of the focused field.
    Erase,
    /// Empty the focused field.
    ClearField,
    NextField,
    PrevField,
    /// Save the form (`Ctrl-s`, `Alt-Enter`; `Enter` in prompts and panels).
    Submit,
    /// `Enter` in a form: a new line in a multi-line field (a note), else save.
    FormEnter,
    /// Move or delete inside the focused text field.
    Text(TextEdit),
    /// Text pasted (bracketed paste): inserted into the focused field as one action,
    /// line breaks kept where the field holds them; nothing in a table.
    Paste(String),
    /// Close the form or dialog without writing (Esc).
    Cancel,
    // Inside a dialog.
    /// Yes to a confirmation (delete).
    Confirm,
    /// In the conflict dialog: write mine over theirs, recorded as an overwrite.
    Overwrite,
    /// In the conflict dialog: drop mine and show theirs.
    TakeTheirs,
    /// Start typing a search in the table (`/`).
    Search,
    /// Open the filter panel (`f`).
    Filter,
    /// Ask for the as-of date (`a`).
    SetAsOf,
    /// In the filter panel: the focused filter's next / previous value.
    NextValue,
    PrevValue,
    /// In the filter panel: clear every filter.
    ClearFilters,
    /// Work done off the key loop (a search index) has finished.
    Background,
    /// A job of the runner has finished: its result, applied by `update()` unless the
    /// screen moved on (a newer job of the same kind was started).
    Job(super::jobs::Done),
    /// The loop's slow tick while a first read runs: the loading line's spinner turns.
    Tick,
    /// Undo the newest change made in this session that is not undone yet (`z`).
    Undo,
    /// Open the command palette (`:`).
    Palette,
    /// The wallboard's next / previous screen (`→`/`←`, and its clock), pause (space).
    WallNext,
    WallPrev,
    WallPause,
    /// Write the table shown to a CSV file (`x`), after asking for its name.
    Export,
    /// On the Trends view: the rows in turn, the total → by category → by lead agency (`c`).
    TrendRows,
    /// On the Trends view: points at month ends or at the review dates (`t`).
    TrendPoints,
}
