//! Forms: fields validated as they are typed, each with its reason shown beside it, and
//! the request a valid form sends to the store. Text is NFC-normalized as it is typed and
//! control or invisible characters are refused at the field.

use chrono::NaiveDate;

use crate::domain::date::parse_date;
use crate::domain::text;
use crate::domain::update::apply_update;
use crate::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, ProgressUpdate, Status,
    Task, TaskEdit,
};
use crate::tui::i18n::Msg;

pub use super::field::{Field, FieldKind, Key, MultiPick, Opt, Picker};

mod build;

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
    /// The task changed elsewhere since the form read it: what differs (before → now).
    /// Saving still asks (the conflict dialog); this only says so at once.
    pub changed_elsewhere: Vec<(Msg, TaskValue, TaskValue)>,
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

    /// The coordinating agencies: the same list as the lead's, several at a time.
    fn agencies_several(&self, current: &[String]) -> FieldKind {
        FieldKind::Multi(MultiPick::new(self.agencies.clone(), current))
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

    /// A paste into the focused field (one change, line breaks kept in a note).
    pub fn paste(&mut self, text: &str) {
        let inserted = self
            .fields
            .get_mut(self.focus)
            .is_some_and(|f| f.paste(text));
        if inserted {
            self.after_change();
        }
    }

    /// `Enter`: a new line when the focused field is a note, the highlighted agency added
    /// in a choice of several with something typed; false otherwise (the form is then
    /// saved).
    pub fn newline(&mut self) -> bool {
        if self
            .fields
            .get_mut(self.focus)
            .is_some_and(|f| f.add_chosen())
        {
            self.after_change();
            return true;
        }
        let focused_multiline = self.focused().is_some_and(|f| f.multiline());
        if !focused_multiline {
            return false;
        }
        if let Some(f) = self.fields.get_mut(self.focus) {
            if f.newline() {
                self.after_change();
            }
        }
        true
    }

    /// Cursor movement and deletion in the focused field.
    pub fn edit(&mut self, e: crate::tui::action::TextEdit) {
        let before = self.focused().map(|f| f.value.clone());
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.edit(e);
        }
        if self.focused().map(|f| f.value.clone()) != before {
            self.after_change();
        }
    }

    /// True when leaving the form would lose something typed.
    pub fn is_changed(&self) -> bool {
        self.fields.iter().any(|f| f.is_changed())
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

    /// ↑/↓: within a pick list or a note's lines, else to the previous/next field.
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
        self.field(k).map(Field::codes).unwrap_or_default()
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
                    // A deadline adjustment (điều chỉnh thời hạn) carries its reason.
                    edit.reason = self.text(Key::Reason);
                    if edit.reason.is_none() {
                        if let Some(i) = self.fields.iter().position(|f| f.key == Key::Reason) {
                            self.fields[i].reason = Some(Msg::ReasonNeedsReason);
                            self.focus = i;
                        }
                        self.error = Some(FormError::Msg(Msg::FixFields));
                        return None;
                    }
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
