//! Form fields: pick lists that narrow as you type (diacritics ignored) and the kinds of
//! field, each validated as it is typed with the reason shown beside it.

use unicode_normalization::UnicodeNormalization;

use super::form::Key;
use crate::domain::date::parse_date;
use crate::domain::text::{self, is_dangerous, MAX_TEXT_CHARS};
use crate::domain::Progress;
use crate::search::fold;
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
    /// Agency codes separated by commas or spaces, each known.
    Codes { known: Vec<String> },
}

/// A field: its value as typed and, when it does not validate, the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: Key,
    pub label: Msg,
    pub kind: FieldKind,
    pub value: String,
    pub reason: Option<Msg>,
}

impl Field {
    pub fn new(key: Key, label: Msg, kind: FieldKind, value: impl Into<String>) -> Field {
        let mut f = Field {
            key,
            label,
            kind,
            value: value.into(),
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
            FieldKind::Codes { known } => codes_of(v)
                .iter()
                .any(|c| !known.contains(c))
                .then_some(Msg::ReasonUnknownAgency),
        }
    }

    /// Types a character. Control and invisible characters are refused (the reason
    /// says why); the value is kept in NFC.
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
        self.value.push(c);
        self.value = self.value.nfc().collect();
        self.changed();
        true
    }

    pub fn erase(&mut self) {
        self.value.pop();
        self.changed();
    }

    pub fn clear(&mut self) {
        self.value.clear();
        self.changed();
    }

    fn changed(&mut self) {
        let v = self.value.clone();
        if let FieldKind::Pick(p) = &mut self.kind {
            p.requery(&v);
        }
        self.reason = self.check();
    }

    /// ↑/↓ in a pick list; false when the field is not one.
    pub fn step(&mut self, down: bool) -> bool {
        let v = self.value.clone();
        match &mut self.kind {
            FieldKind::Pick(p) => {
                p.step(&v, down);
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
}

pub(super) fn codes_of(v: &str) -> Vec<String> {
    v.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
