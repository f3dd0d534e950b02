//! Form fields: pick lists that narrow as you type (diacritics ignored) and the kinds of
//! field, each validated as it is typed with the reason shown beside it.
//!
//! The text is edited by `ratatui-textarea` (the ratatui organisation's continuation of
//! tui-textarea): a cursor, word jumps, readline deletions and, in notes and descriptions,
//! several lines. The field keeps its own checks around it: control and invisible
//! characters are refused, the length is capped, and the text is kept in NFC with the
//! cursor where the user left it.

use ratatui_textarea::{CursorMove, TextArea};
use unicode_normalization::UnicodeNormalization;

use crate::domain::date::parse_date;
use crate::domain::text::{self, is_dangerous, MAX_TEXT_CHARS};
use crate::domain::Progress;
use crate::search::fold;
use crate::tui::action::TextEdit;
use crate::tui::i18n::Msg;

/// One choice of a pick list: the stored code and what is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub code: String,
    pub label: String,
    folded: String,
}

impl Opt {
    pub fn new(code: impl Into<String>, label: impl Into<String>) -> Opt {
        let code = code.into();
        let label = label.into();
        let folded = fold(&format!("{code} {label}"));
        Opt {
            code,
            label,
            folded,
        }
    }
}

/// A pick list narrowed by what is typed (diacritics and case ignored, every word must
/// occur); ↑/↓ move among the matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub options: Vec<Opt>,
    /// The chosen option (index into `options`).
    pub chosen: Option<usize>,
    /// When true, an empty query means "none".
    pub optional: bool,
    /// Whether the code is shown beside the name (agencies, programs), or only the name
    /// (statuses, kinds, categories).
    pub show_code: bool,
}

impl Picker {
    pub fn new(options: Vec<Opt>, current: Option<&str>, optional: bool) -> Picker {
        let chosen = current.and_then(|c| options.iter().position(|o| o.code == c));
        Picker {
            options,
            chosen,
            optional,
            show_code: true,
        }
    }

    /// How an option is shown.
    pub fn shown(&self, o: &Opt) -> String {
        if self.show_code {
            format!("{} — {}", o.code, o.label)
        } else {
            o.label.clone()
        }
    }

    /// Indexes of the options matching `query`.
    pub fn matches(&self, query: &str) -> Vec<usize> {
        let q = fold(query);
        let terms: Vec<&str> = q.split_whitespace().collect();
        (0..self.options.len())
            .filter(|&i| terms.iter().all(|t| self.options[i].folded.contains(t)))
            .collect()
    }

    fn requery(&mut self, query: &str) {
        self.chosen = if query.trim().is_empty() && self.optional {
            None
        } else {
            self.matches(query).first().copied()
        };
    }

    fn step(&mut self, query: &str, down: bool) {
        let m = self.matches(query);
        if m.is_empty() {
            return;
        }
        let pos = self.chosen.and_then(|c| m.iter().position(|&i| i == c));
        let next = match (pos, down) {
            (None, _) => 0,
            (Some(p), true) => (p + 1).min(m.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
        };
        self.chosen = Some(m[next]);
    }

    pub fn chosen_opt(&self) -> Option<&Opt> {
        self.chosen.and_then(|i| self.options.get(i))
    }
}

/// What a field holds and how it is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// One line of text.
    Line { required: bool },
    /// A note or description (optional).
    Text,
    /// A new record's code, which must not be taken.
    Code { taken: Vec<String> },
    /// A date, `dd/mm/yyyy` or `yyyy-mm-dd`.
    Date { required: bool },
    /// A percentage 0–100; empty = unchanged.
    Percent,
    /// A whole number in a range.
    Number { min: i64, max: i64 },
    /// One of a list.
    Pick(Picker),
    /// Several of a list (the coordinating agencies): the text narrows the list as in a
    /// pick list, `Enter` adds the highlighted match, `Backspace` on an empty text takes
    /// the last one off.
    Multi(MultiPick),
}

/// The options chosen so far in a [`FieldKind::Multi`], and the pick list to add more.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiPick {
    pub picker: Picker,
    /// The chosen codes, in the order they were added.
    pub picked: Vec<String>,
    initial: Vec<String>,
}

impl MultiPick {
    /// `current` codes not among the options are kept (a task's past agency stays until
    /// it is taken off).
    pub fn new(options: Vec<Opt>, current: &[String]) -> MultiPick {
        MultiPick {
            picker: Picker::new(options, None, true),
            picked: current.to_vec(),
            initial: current.to_vec(),
        }
    }

    /// The name of a chosen code (the code itself when it is not an option).
    pub fn name_of<'a>(&'a self, code: &'a str) -> &'a str {
        self.picker
            .options
            .iter()
            .find(|o| o.code == code)
            .map_or(code, |o| o.label.as_str())
    }

    /// The chosen names, joined.
    pub fn names(&self) -> String {
        self.picked
            .iter()
            .map(|c| self.name_of(c))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Which field (forms look their fields up by key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Progress,
    Status,
    Note,
    Program,
    Category,
    Title,
    Lead,
    With,
    Cadence,
    Deadline,
    Basis,
    Description,
    Code,
    Name,
    Kind,
    Parent,
    Head,
    Starts,
    Ends,
    Review,
    Message,
    /// Why the deadline changes (*điều chỉnh thời hạn*), in the edit form.
    Reason,
}

/// A field: its value as typed and, when it does not validate, the reason.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: Key,
    pub label: Msg,
    pub kind: FieldKind,
    /// The text, lines joined with `\n` (always the editor's text).
    pub value: String,
    pub reason: Option<Msg>,
    /// The value when the form opened (to tell whether leaving would lose input).
    initial: String,
    editor: TextArea<'static>,
}

impl PartialEq for Field {
    fn eq(&self, other: &Field) -> bool {
        self.key == other.key
            && self.label == other.label
            && self.kind == other.kind
            && self.value == other.value
            && self.reason == other.reason
            && self.cursor() == other.cursor()
    }
}

/// An editor holding `text`, the cursor at its end.
fn editor_with(text: &str) -> TextArea<'static> {
    let mut e = TextArea::new(text.split('\n').map(str::to_string).collect());
    e.move_cursor(CursorMove::Bottom);
    e.move_cursor(CursorMove::End);
    e
}

impl Field {
    pub fn new(key: Key, label: Msg, kind: FieldKind, value: impl Into<String>) -> Field {
        let value: String = value.into();
        let mut f = Field {
            key,
            label,
            kind,
            editor: editor_with(&value),
            initial: value.clone(),
            value,
            reason: None,
        };
        if let FieldKind::Pick(p) = &mut f.kind {
            if !f.value.is_empty() {
                p.requery(&f.value);
            }
        }
        f.reason = f.check();
        f
    }

    /// True for notes and descriptions: `Enter` adds a line.
    pub fn multiline(&self) -> bool {
        matches!(self.kind, FieldKind::Text)
    }

    /// True when the text (or the choice of several) differs from what the form opened
    /// with.
    pub fn is_changed(&self) -> bool {
        let picked_changed = match &self.kind {
            FieldKind::Multi(m) => m.picked != m.initial,
            _ => false,
        };
        self.value != self.initial || picked_changed
    }

    /// `Enter` in a choice of several: adds the highlighted match and empties the text.
    /// False when there is nothing typed (the form is then saved) or nothing matches.
    pub fn add_chosen(&mut self) -> bool {
        let FieldKind::Multi(m) = &mut self.kind else {
            return false;
        };
        if self.value.trim().is_empty() {
            return false;
        }
        let Some(code) = m.picker.chosen_opt().map(|o| o.code.clone()) else {
            return false;
        };
        if !m.picked.contains(&code) {
            m.picked.push(code);
        }
        self.clear();
        true
    }

    /// The codes a choice of several holds: those added, and the highlighted match of
    /// what is still typed (so a form saved with a match typed keeps it).
    pub fn codes(&self) -> Vec<String> {
        let FieldKind::Multi(m) = &self.kind else {
            return Vec::new();
        };
        let mut out = m.picked.clone();
        if !self.value.trim().is_empty() {
            if let Some(o) = m.picker.chosen_opt() {
                if !out.contains(&o.code) {
                    out.push(o.code.clone());
                }
            }
        }
        out
    }

    /// The cursor: (line, character in the line).
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.editor.cursor();
        (c.0, c.1)
    }

    /// The lines of the text.
    pub fn lines(&self) -> &[String] {
        self.editor.lines()
    }

    /// Why the value does not validate, if it does not.
    pub fn check(&self) -> Option<Msg> {
        let v = self.value.as_str();
        let text_reason = |e: crate::error::Error| -> Msg {
            let m = e.to_string();
            if m.contains("must not be empty") {
                Msg::ReasonRequired
            } else if m.contains("characters long") {
                Msg::ReasonTooLong
            } else if m.contains("not allowed") {
                Msg::ReasonControl
            } else {
                Msg::ReasonBadCode
            }
        };
        match &self.kind {
            FieldKind::Line { required } => {
                if *required {
                    text::clean_line("text", v).err().map(text_reason)
                } else {
                    text::clean_optional("text", v).err().map(text_reason)
                }
            }
            FieldKind::Text => text::clean_text("text", v).err().map(text_reason),
            FieldKind::Code { taken } => match text::clean_code("code", v) {
                Err(e) => Some(text_reason(e)),
                Ok(c) if taken.contains(&c) => Some(Msg::ReasonCodeTaken),
                Ok(_) => None,
            },
            FieldKind::Date { required } => {
                if v.trim().is_empty() {
                    required.then_some(Msg::ReasonRequired)
                } else {
                    parse_date("date", v).err().map(|_| Msg::ReasonBadDate)
                }
            }
            FieldKind::Percent => {
                if v.trim().is_empty() {
                    None
                } else {
                    Progress::parse(v.trim())
                        .err()
                        .map(|_| Msg::ReasonBadPercent)
                }
            }
            FieldKind::Number { min, max } => match v.trim().parse::<i64>() {
                Ok(n) if (*min..=*max).contains(&n) => None,
                _ => Some(Msg::ReasonBadNumber),
            },
            FieldKind::Pick(p) => {
                if p.chosen.is_some() || (p.optional && v.trim().is_empty()) {
                    None
                } else if v.trim().is_empty() {
                    Some(Msg::ReasonRequired)
                } else {
                    Some(Msg::ReasonNoMatch)
                }
            }
            FieldKind::Multi(m) => {
                (!v.trim().is_empty() && m.picker.chosen.is_none()).then_some(Msg::ReasonNoMatch)
            }
        }
    }

    /// Types a character at the cursor. Control and invisible characters are refused
    /// (the reason says why); the value is kept in NFC.
    /// Returns false when the character was refused.
    pub fn input(&mut self, c: char) -> bool {
        if is_dangerous(c) {
            self.reason = Some(Msg::ReasonControl);
            return false;
        }
        if self.value.chars().count() >= MAX_TEXT_CHARS {
            self.reason = Some(Msg::ReasonTooLong);
            return false;
        }
        self.editor.insert_char(c);
        self.changed();
        true
    }

    /// Inserts pasted text at the cursor as one change. Line breaks stay in a multi-line
    /// field and become spaces in a one-line field; tabs become spaces; other control and
    /// invisible characters are dropped (the reason says so); the length stays capped.
    /// Returns false when nothing was inserted.
    pub fn paste(&mut self, text: &str) -> bool {
        let multiline = self.multiline();
        let room = MAX_TEXT_CHARS.saturating_sub(self.value.chars().count());
        let mut refused = false;
        let mut clean = String::new();
        for c in text.chars() {
            let c = match c {
                '\n' if multiline => '\n',
                '\n' | '\t' => ' ',
                c if is_dangerous(c) => {
                    refused = true;
                    continue;
                }
                c => c,
            };
            clean.push(c);
        }
        let clean: String = clean.chars().take(room).collect();
        let cut = clean.chars().count() == room && text.chars().count() > room;
        if !clean.is_empty() {
            self.editor.insert_str(&clean);
            self.changed();
        }
        if refused {
            self.reason = Some(Msg::ReasonControl);
        } else if cut {
            self.reason = Some(Msg::ReasonTooLong);
        }
        !clean.is_empty()
    }

    /// A new line at the cursor (multi-line fields only; false otherwise).
    pub fn newline(&mut self) -> bool {
        if !self.multiline() || self.value.chars().count() >= MAX_TEXT_CHARS {
            return false;
        }
        self.editor.insert_newline();
        self.changed();
        true
    }

    /// Deletes the character before the cursor (`Backspace`); in a choice of several with
    /// nothing typed, takes the last choice off.
    pub fn erase(&mut self) {
        if self.value.is_empty() {
            if let FieldKind::Multi(m) = &mut self.kind {
                m.picked.pop();
                self.reason = self.check();
                return;
            }
        }
        self.editor.delete_char();
        self.changed();
    }

    pub fn clear(&mut self) {
        self.editor = editor_with("");
        self.changed();
    }

    /// Moves the cursor or deletes around it.
    pub fn edit(&mut self, e: TextEdit) {
        let modified = match e {
            TextEdit::Left => self.moved(CursorMove::Back),
            TextEdit::Right => self.moved(CursorMove::Forward),
            TextEdit::LineStart => self.moved(CursorMove::Head),
            TextEdit::LineEnd => self.moved(CursorMove::End),
            TextEdit::WordLeft => self.moved(CursorMove::WordBack),
            TextEdit::WordRight => self.moved(CursorMove::WordForward),
            TextEdit::DeleteNext => self.editor.delete_next_char(),
            TextEdit::DeleteWordBack => self.editor.delete_word(),
            TextEdit::DeleteWordNext => self.editor.delete_next_word(),
            TextEdit::KillToEnd => self.editor.delete_line_by_end(),
        };
        if modified {
            self.changed();
        }
    }

    fn moved(&mut self, m: CursorMove) -> bool {
        self.editor.move_cursor(m);
        false
    }

    /// After an edit: the value read back from the editor and kept in NFC (the cursor
    /// stays after the same characters), the pick list narrowed, the reason checked.
    fn changed(&mut self) {
        let text = self.editor.lines().join("\n");
        if unicode_normalization::is_nfc_quick(text.chars())
            != unicode_normalization::IsNormalized::Yes
        {
            let (row, col) = self.cursor();
            let lines: Vec<String> = self
                .editor
                .lines()
                .iter()
                .map(|l| l.nfc().collect())
                .collect();
            let col = self.editor.lines()[row].chars().take(col).nfc().count();
            self.editor = TextArea::new(lines);
            self.editor.move_cursor(CursorMove::Jump(
                u16::try_from(row).unwrap_or(u16::MAX),
                u16::try_from(col).unwrap_or(u16::MAX),
            ));
        }
        self.value = self.editor.lines().join("\n");
        let v = self.value.clone();
        match &mut self.kind {
            FieldKind::Pick(p) => p.requery(&v),
            FieldKind::Multi(m) => m.picker.requery(&v),
            _ => {}
        }
        self.reason = self.check();
    }

    /// ↑/↓ in a pick list or between a note's lines; false when there is nowhere to go
    /// in the field.
    pub fn step(&mut self, down: bool) -> bool {
        if self.multiline() {
            // Between the lines of a note; past its first or last line, to the next field.
            let (row, _) = self.cursor();
            let n = self.editor.lines().len();
            if (down && row + 1 < n) || (!down && row > 0) {
                self.editor.move_cursor(if down {
                    CursorMove::Down
                } else {
                    CursorMove::Up
                });
                return true;
            }
            return false;
        }
        let v = self.value.clone();
        match &mut self.kind {
            FieldKind::Pick(p) => {
                p.step(&v, down);
                self.reason = self.check();
                true
            }
            // Among the matches of what is typed; with nothing typed, to the next field.
            FieldKind::Multi(m) if !v.trim().is_empty() => {
                m.picker.step(&v, down);
                self.reason = self.check();
                true
            }
            _ => false,
        }
    }

    pub fn picker(&self) -> Option<&Picker> {
        match &self.kind {
            FieldKind::Pick(p) => Some(p),
            _ => None,
        }
    }

    pub fn multi(&self) -> Option<&MultiPick> {
        match &self.kind {
            FieldKind::Multi(m) => Some(m),
            _ => None,
        }
    }
}

/// Pasted text for a one-line prompt (search, as-of): line breaks and tabs become spaces,
/// control and invisible characters are dropped.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|&c| !is_dangerous(c))
        .collect()
}

#[cfg(test)]
mod tests;
