//! Forms: fields validated as they are typed, each with its reason shown beside it, and
//! the request a valid form sends to the store. Text is NFC-normalized as it is typed and
//! control or invisible characters are refused at the field.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::domain::date::parse_date;
use crate::domain::text::{self, is_dangerous, MAX_TEXT_CHARS};
use crate::domain::update::apply_update;
use crate::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, ProgressUpdate, Status,
    Task, TaskEdit,
};
use crate::search::fold;
use crate::tui::i18n::Msg;

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
}

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

fn codes_of(v: &str) -> Vec<String> {
    v.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// What a form is for.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// `p`: progress, status and a note, on the task as read when the form opened.
    Progress(Box<Task>),
    /// `e`: the task's descriptive fields.
    EditTask(Box<Task>),
    NewTask,
    NewAgency,
    NewProgram,
    /// `u`: a message to the task's lead agency.
    Urge(Box<Task>),
}

impl FormKind {
    /// The task the form was opened on (with the version it read).
    pub fn task(&self) -> Option<&Task> {
        match self {
            FormKind::Progress(t) | FormKind::EditTask(t) | FormKind::Urge(t) => Some(t),
            _ => None,
        }
    }
}

/// A problem with the form as a whole (shown under the fields).
#[derive(Debug, Clone, PartialEq)]
pub enum FormError {
    Msg(Msg),
    /// The store refused; its sentence follows the catalog prefix.
    Store(Msg, String),
}

/// An open form.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<FormError>,
}

/// What a valid form asks the store to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Progress {
        id: i64,
        version: i64,
        update: ProgressUpdate,
    },
    Edit {
        id: i64,
        version: i64,
        edit: TaskEdit,
    },
    NewTask(NewTask),
    NewAgency(Agency),
    NewProgram(Program),
    Urge {
        id: i64,
        message: String,
    },
}

/// The lists the pickers choose from.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub programs: Vec<Opt>,
    pub categories: Vec<Opt>,
    pub agencies: Vec<Opt>,
    pub statuses: Vec<Opt>,
    pub cadences: Vec<Opt>,
    pub agency_kinds: Vec<Opt>,
    pub program_kinds: Vec<Opt>,
}

impl Choices {
    fn agency_codes(&self) -> Vec<String> {
        self.agencies.iter().map(|o| o.code.clone()).collect()
    }
}

fn pick(options: &[Opt], current: Option<&str>, optional: bool) -> FieldKind {
    FieldKind::Pick(Picker::new(options.to_vec(), current, optional))
}

/// A pick list of names only (statuses, kinds, categories).
fn pick_name(options: &[Opt], current: Option<&str>) -> FieldKind {
    let mut p = Picker::new(options.to_vec(), current, false);
    p.show_code = false;
    FieldKind::Pick(p)
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

impl Form {
    fn new(kind: FormKind, fields: Vec<Field>) -> Form {
        Form {
            kind,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// `p` on a task.
    pub fn progress(task: Task, c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Progress,
                Msg::FieldProgress,
                FieldKind::Percent,
                task.progress.get().to_string(),
            ),
            Field::new(
                Key::Status,
                Msg::Status,
                pick_name(&c.statuses, Some(task.status.code())),
                "",
            ),
            Field::new(Key::Note, Msg::FieldNote, FieldKind::Text, ""),
        ];
        Form::new(FormKind::Progress(Box::new(task)), fields)
    }

    /// `e` on a task.
    pub fn edit_task(task: Task, c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Title,
                Msg::Title,
                FieldKind::Line { required: true },
                task.title.clone(),
            ),
            Field::new(
                Key::Category,
                Msg::Category,
                pick_name(&c.categories, Some(&task.category)),
                "",
            ),
            Field::new(
                Key::Lead,
                Msg::Lead,
                pick(&c.agencies, Some(&task.lead), false),
                "",
            ),
            Field::new(
                Key::With,
                Msg::FieldWith,
                FieldKind::Codes {
                    known: c.agency_codes(),
                },
                task.with.join(", "),
            ),
            Field::new(
                Key::Cadence,
                Msg::Cadence,
                pick_name(&c.cadences, Some(task.cadence.code())),
                "",
            ),
            Field::new(
                Key::Deadline,
                Msg::FieldDeadline,
                FieldKind::Date { required: false },
                date_text(task.deadline),
            ),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                task.basis.clone().unwrap_or_default(),
            ),
            Field::new(
                Key::Description,
                Msg::Description,
                FieldKind::Text,
                task.description.clone().unwrap_or_default(),
            ),
        ];
        let mut f = Form::new(FormKind::EditTask(Box::new(task)), fields);
        f.cross_check();
        f
    }

    /// `n` where tasks are shown; `program` and `lead` prefill their fields.
    pub fn new_task(c: &Choices, program: Option<&str>, lead: Option<&str>) -> Form {
        let fields = vec![
            Field::new(
                Key::Program,
                Msg::Program,
                pick(&c.programs, program, false),
                "",
            ),
            Field::new(
                Key::Category,
                Msg::Category,
                pick_name(&c.categories, None),
                "",
            ),
            Field::new(
                Key::Title,
                Msg::Title,
                FieldKind::Line { required: true },
                "",
            ),
            Field::new(Key::Lead, Msg::Lead, pick(&c.agencies, lead, false), ""),
            Field::new(
                Key::With,
                Msg::FieldWith,
                FieldKind::Codes {
                    known: c.agency_codes(),
                },
                "",
            ),
            Field::new(
                Key::Cadence,
                Msg::Cadence,
                pick_name(&c.cadences, Some(Cadence::Roadmap.code())),
                "",
            ),
            Field::new(
                Key::Deadline,
                Msg::FieldDeadline,
                FieldKind::Date { required: false },
                "",
            ),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                "",
            ),
            Field::new(Key::Description, Msg::Description, FieldKind::Text, ""),
        ];
        let mut f = Form::new(FormKind::NewTask, fields);
        f.cross_check();
        f
    }

    /// `n` in the agencies view.
    pub fn new_agency(c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Code,
                Msg::Code,
                FieldKind::Code {
                    taken: c.agency_codes(),
                },
                "",
            ),
            Field::new(Key::Name, Msg::Name, FieldKind::Line { required: true }, ""),
            Field::new(
                Key::Kind,
                Msg::Kind,
                pick_name(&c.agency_kinds, Some(AgencyKind::Party.code())),
                "",
            ),
            Field::new(
                Key::Parent,
                Msg::FieldParent,
                pick(&c.agencies, None, true),
                "",
            ),
            Field::new(
                Key::Head,
                Msg::Head,
                FieldKind::Line { required: false },
                "",
            ),
        ];
        Form::new(FormKind::NewAgency, fields)
    }

    /// `n` in the programs view; `today` prefills the period.
    pub fn new_program(c: &Choices, today: NaiveDate) -> Form {
        let taken = c.programs.iter().map(|o| o.code.clone()).collect();
        let end = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 12, 31);
        let fields = vec![
            Field::new(Key::Code, Msg::Code, FieldKind::Code { taken }, ""),
            Field::new(
                Key::Title,
                Msg::ProgramTitle,
                FieldKind::Line { required: true },
                "",
            ),
            Field::new(
                Key::Kind,
                Msg::Kind,
                pick_name(&c.program_kinds, Some(ProgramKind::Action.code())),
                "",
            ),
            Field::new(
                Key::Starts,
                Msg::FieldStarts,
                FieldKind::Date { required: true },
                date_text(Some(today)),
            ),
            Field::new(
                Key::Ends,
                Msg::FieldEnds,
                FieldKind::Date { required: true },
                date_text(end),
            ),
            Field::new(
                Key::Review,
                Msg::FieldReview,
                FieldKind::Number { min: 0, max: 120 },
                "6",
            ),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                "",
            ),
        ];
        Form::new(FormKind::NewProgram, fields)
    }

    /// `u` on a task.
    pub fn urge(task: Task) -> Form {
        let fields = vec![Field::new(
            Key::Message,
            Msg::FieldMessage,
            FieldKind::Line { required: true },
            "",
        )];
        Form::new(FormKind::Urge(Box::new(task)), fields)
    }

    pub fn field(&self, k: Key) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == k)
    }

    fn field_mut(&mut self, k: Key) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == k)
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// A refused character leaves the value as it was, with the reason shown.
    pub fn input(&mut self, c: char) {
        let accepted = self.fields.get_mut(self.focus).is_some_and(|f| f.input(c));
        if accepted {
            self.after_change();
        }
    }

    pub fn erase(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.erase();
        }
        self.after_change();
    }

    pub fn clear(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.clear();
        }
        self.after_change();
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev_field(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// ↑/↓: within a pick list, else to the previous/next field.
    pub fn step(&mut self, down: bool) {
        let stepped = self
            .fields
            .get_mut(self.focus)
            .is_some_and(|f| f.step(down));
        if stepped {
            self.after_change();
        } else if down {
            self.next_field();
        } else {
            self.prev_field();
        }
    }

    fn after_change(&mut self) {
        self.error = None;
        self.cross_check();
    }

    fn text(&self, k: Key) -> Option<String> {
        let f = self.field(k)?;
        let v = f.value.trim();
        if v.is_empty() {
            return None;
        }
        match f.kind {
            FieldKind::Text => text::clean_text("text", v).ok(),
            _ => text::clean_line("text", v).ok(),
        }
    }

    fn date(&self, k: Key) -> Option<NaiveDate> {
        let v = &self.field(k)?.value;
        parse_date("date", v).ok()
    }

    fn chosen(&self, k: Key) -> Option<String> {
        self.field(k)?
            .picker()?
            .chosen_opt()
            .map(|o| o.code.clone())
    }

    fn codes(&self, k: Key) -> Vec<String> {
        self.field(k)
            .map(|f| codes_of(&f.value))
            .unwrap_or_default()
    }

    /// Checks that involve more than one field, setting the reason on the field to fix.
    fn cross_check(&mut self) {
        // Field-level reasons first; a cross reason only where the field itself is fine.
        for f in &mut self.fields {
            f.reason = f.check();
        }
        let cadence = self.chosen(Key::Cadence);
        let deadline = self.date(Key::Deadline);
        if cadence.as_deref() == Some(Cadence::Roadmap.code()) && deadline.is_none() {
            if let Some(f) = self.field_mut(Key::Deadline) {
                f.reason.get_or_insert(Msg::ReasonRoadmapDeadline);
            }
        }
        if let Some(lead) = self.chosen(Key::Lead) {
            if self.codes(Key::With).contains(&lead) {
                if let Some(f) = self.field_mut(Key::With) {
                    f.reason.get_or_insert(Msg::ReasonLeadInWith);
                }
            }
        }
        if let (Some(s), Some(e)) = (self.date(Key::Starts), self.date(Key::Ends)) {
            if e < s {
                if let Some(f) = self.field_mut(Key::Ends) {
                    f.reason.get_or_insert(Msg::ReasonEndsBeforeStarts);
                }
            }
        }
        if let FormKind::Progress(task) = &self.kind {
            let upd = self.progress_update(task, NaiveDate::MIN);
            let bad = apply_update((task.status, task.progress, task.completed_on), &upd).is_err()
                && (upd.progress.is_some() || upd.status.is_some());
            if bad {
                if let Some(f) = self.field_mut(Key::Status) {
                    f.reason.get_or_insert(Msg::ReasonDoneNeedsFull);
                }
            }
        }
    }

    /// Only the fields that differ from the task are sent, so the store's rules (100% →
    /// done, …) apply as on the command line.
    fn progress_update(&self, task: &Task, on: NaiveDate) -> ProgressUpdate {
        let progress = self
            .field(Key::Progress)
            .and_then(|f| Progress::parse(f.value.trim()).ok())
            .filter(|p| *p != task.progress);
        let status = self
            .chosen(Key::Status)
            .and_then(|s| s.parse::<Status>().ok())
            .filter(|s| *s != task.status);
        ProgressUpdate {
            progress,
            status,
            note: self.text(Key::Note),
            on,
        }
    }

    /// Moves the focus to the first field with a reason; false when there is none.
    pub fn focus_first_invalid(&mut self) -> bool {
        match self.fields.iter().position(|f| f.reason.is_some()) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    /// The request this form makes, when every field validates. `today` dates the update,
    /// the new task and the urge. Otherwise sets the form's error and focus.
    pub fn request(&mut self, today: NaiveDate) -> Option<Request> {
        self.cross_check();
        if self.focus_first_invalid() {
            self.error = Some(FormError::Msg(Msg::FixFields));
            return None;
        }
        let req = match &self.kind {
            FormKind::Progress(task) => {
                let update = self.progress_update(task, today);
                if update.progress.is_none() && update.status.is_none() && update.note.is_none() {
                    self.error = Some(FormError::Msg(Msg::NothingToSave));
                    return None;
                }
                Request::Progress {
                    id: task.id,
                    version: task.version,
                    update,
                }
            }
            FormKind::EditTask(task) => {
                let mut edit = TaskEdit::default();
                let title = self.text(Key::Title).unwrap_or_default();
                if title != task.title {
                    edit.title = Some(title);
                }
                let description = self.text(Key::Description);
                if description != task.description {
                    edit.description = Some(description);
                }
                let category = self.chosen(Key::Category).unwrap_or_default();
                if category != task.category {
                    edit.category = Some(category);
                }
                let lead = self.chosen(Key::Lead).unwrap_or_default();
                if lead != task.lead {
                    edit.lead = Some(lead);
                }
                let with = self.codes(Key::With);
                if with != task.with {
                    edit.with = Some(with);
                }
                let cadence = self
                    .chosen(Key::Cadence)
                    .and_then(|c| c.parse::<Cadence>().ok())
                    .unwrap_or(task.cadence);
                if cadence != task.cadence {
                    edit.cadence = Some(cadence);
                }
                let deadline = self.date(Key::Deadline);
                if deadline != task.deadline {
                    edit.deadline = Some(deadline);
                }
                let basis = self.text(Key::Basis);
                if basis != task.basis {
                    edit.basis = Some(basis);
                }
                if edit == TaskEdit::default() {
                    self.error = Some(FormError::Msg(Msg::NothingToSave));
                    return None;
                }
                Request::Edit {
                    id: task.id,
                    version: task.version,
                    edit,
                }
            }
            FormKind::NewTask => Request::NewTask(NewTask {
                program: self.chosen(Key::Program).unwrap_or_default(),
                category: self.chosen(Key::Category).unwrap_or_default(),
                title: self.text(Key::Title).unwrap_or_default(),
                description: self.text(Key::Description),
                lead: self.chosen(Key::Lead).unwrap_or_default(),
                with: self.codes(Key::With),
                cadence: self
                    .chosen(Key::Cadence)
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(Cadence::Roadmap),
                deadline: self.date(Key::Deadline),
                basis: self.text(Key::Basis),
                status: Status::NotStarted,
                progress: Progress::ZERO,
                created_on: today,
                completed_on: None,
            }),
            FormKind::NewAgency => Request::NewAgency(Agency {
                code: self.text(Key::Code).unwrap_or_default(),
                name: self.text(Key::Name).unwrap_or_default(),
                kind: self
                    .chosen(Key::Kind)
                    .and_then(|k| k.parse().ok())
                    .unwrap_or(AgencyKind::Party),
                parent: self.chosen(Key::Parent),
                head: self.text(Key::Head),
                members: None,
                staff: None,
            }),
            FormKind::NewProgram => Request::NewProgram(Program {
                code: self.text(Key::Code).unwrap_or_default(),
                title: self.text(Key::Title).unwrap_or_default(),
                kind: self
                    .chosen(Key::Kind)
                    .and_then(|k| k.parse().ok())
                    .unwrap_or(ProgramKind::Action),
                starts_on: self.date(Key::Starts).unwrap_or(today),
                ends_on: self.date(Key::Ends).unwrap_or(today),
                parties: Vec::new(),
                basis: self.text(Key::Basis),
                review_months: self
                    .field(Key::Review)
                    .and_then(|f| f.value.trim().parse().ok())
                    .unwrap_or(6),
            }),
            FormKind::Urge(task) => Request::Urge {
                id: task.id,
                message: self.text(Key::Message).unwrap_or_default(),
            },
        };
        Some(req)
    }
}

/// The fields where two versions of a task differ: (label, before, after) in raw form
/// for the view to format.
pub fn task_diff(a: &Task, b: &Task) -> Vec<(Msg, TaskValue, TaskValue)> {
    let mut out = Vec::new();
    let mut push = |m: Msg, x: TaskValue, y: TaskValue| {
        if x != y {
            out.push((m, x, y));
        }
    };
    use TaskValue as V;
    push(
        Msg::Title,
        V::Text(a.title.clone()),
        V::Text(b.title.clone()),
    );
    push(
        Msg::Progress,
        V::Percent(a.progress.get()),
        V::Percent(b.progress.get()),
    );
    push(Msg::Status, V::Status(a.status), V::Status(b.status));
    push(
        Msg::Category,
        V::Text(a.category.clone()),
        V::Text(b.category.clone()),
    );
    push(Msg::Lead, V::Text(a.lead.clone()), V::Text(b.lead.clone()));
    push(
        Msg::With,
        V::Text(a.with.join(", ")),
        V::Text(b.with.join(", ")),
    );
    push(Msg::Cadence, V::Cadence(a.cadence), V::Cadence(b.cadence));
    push(Msg::Deadline, V::Date(a.deadline), V::Date(b.deadline));
    push(
        Msg::Basis,
        V::Text(a.basis.clone().unwrap_or_default()),
        V::Text(b.basis.clone().unwrap_or_default()),
    );
    push(
        Msg::Description,
        V::Text(a.description.clone().unwrap_or_default()),
        V::Text(b.description.clone().unwrap_or_default()),
    );
    out
}

/// A task field's value, formatted by the view in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskValue {
    Text(String),
    Percent(u8),
    Status(Status),
    Date(Option<NaiveDate>),
    Cadence(Cadence),
}

/// What the request would change, as (label, value) for the conflict dialog's "yours".
pub fn request_fields(req: &Request) -> Vec<(Msg, TaskValue)> {
    use TaskValue as V;
    let mut out = Vec::new();
    match req {
        Request::Progress { update, .. } => {
            if let Some(p) = update.progress {
                out.push((Msg::Progress, V::Percent(p.get())));
            }
            if let Some(s) = update.status {
                out.push((Msg::Status, V::Status(s)));
            }
            if let Some(n) = &update.note {
                out.push((Msg::FieldNote, V::Text(n.clone())));
            }
        }
        Request::Edit { edit, .. } => {
            if let Some(t) = &edit.title {
                out.push((Msg::Title, V::Text(t.clone())));
            }
            if let Some(c) = &edit.category {
                out.push((Msg::Category, V::Text(c.clone())));
            }
            if let Some(l) = &edit.lead {
                out.push((Msg::Lead, V::Text(l.clone())));
            }
            if let Some(w) = &edit.with {
                out.push((Msg::With, V::Text(w.join(", "))));
            }
            if let Some(d) = edit.deadline {
                out.push((Msg::Deadline, V::Date(d)));
            }
            if let Some(b) = &edit.basis {
                out.push((Msg::Basis, V::Text(b.clone().unwrap_or_default())));
            }
            if let Some(d) = &edit.description {
                out.push((Msg::Description, V::Text(d.clone().unwrap_or_default())));
            }
            if let Some(c) = edit.cadence {
                out.push((Msg::Cadence, V::Cadence(c)));
            }
        }
        _ => {}
    }
    out
}
