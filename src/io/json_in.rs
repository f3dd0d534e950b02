//! JSON import of the `export` format (see `docs/formats.md`). Every record is checked
//! field by field; errors name the file, the line the record starts on, and the field.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::fields::{self, AgencyFields, ProgramFields, TaskFields};
use crate::domain::{text, Category, Grant, Progress, Role, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Import;
use crate::store::import::{ImportBatch, ImportHistory, ImportTask, ImportUrge, Origin, Sourced};

/// The line (1-based) each element of each top-level array starts on, by key. A small
/// scanner over the text: serde_json's values do not keep their positions.
fn element_lines(src: &[u8]) -> HashMap<String, Vec<u64>> {
    let mut out: HashMap<String, Vec<u64>> = HashMap::new();
    let (mut line, mut depth) = (1u64, 0usize);
    let (mut in_str, mut esc) = (false, false);
    let mut str_start = 0usize;
    let mut last_str = String::new();
    let mut key = String::new();
    let mut top_is_array = false;
    let mut expect = false;
    for (i, &b) in src.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_str {
            if esc {
                esc = false;
            } else if b == b'\\' {
                esc = true;
            } else if b == b'"' {
                in_str = false;
                if depth == 1 {
                    last_str = String::from_utf8_lossy(&src[str_start..i]).into_owned();
                }
            }
            continue;
        }
        if depth == 2 && top_is_array && expect && !matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b']')
        {
            out.entry(key.clone()).or_default().push(line);
            expect = false;
        }
        match b {
            b'"' => {
                in_str = true;
                str_start = i + 1;
            }
            b':' if depth == 1 => key = last_str.clone(),
            b'[' | b'{' => {
                depth += 1;
                if depth == 2 {
                    top_is_array = b == b'[';
                    expect = true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 2 => expect = true,
            _ => {}
        }
    }
    out
}

/// A JSON object with its origin, for field extraction with good errors.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    o: &'a Origin,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, o: &'a Origin, what: &str, allowed: &[&str]) -> Result<Obj<'a>> {
        let map = v.as_object().ok_or_else(|| {
            o.invalid(
                what,
                Import::NotObject {
                    what: what.to_string(),
                },
            )
        })?;
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(o.invalid(
                k,
                Import::NotAField {
                    key: text::escape(k).into_owned(),
                    what: what.to_string(),
                    fields: allowed.join(", "),
                },
            ));
        }
        Ok(Obj { map, o })
    }

    /// The field as text ("" when missing or null). Numbers are accepted as text.
    fn text(&self, f: &str) -> Result<String> {
        match self.map.get(f) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(self.o.invalid(f, Import::ExpectedText)),
        }
    }

    fn required(&self, f: &str) -> Result<String> {
        if matches!(self.map.get(f), None | Some(Value::Null)) {
            return Err(self.o.invalid(
                f,
                Import::FieldMissing {
                    field: f.to_string(),
                },
            ));
        }
        self.text(f)
    }

    /// A list of codes: an array of strings, or a `;`-separated string.
    fn list(&self, f: &str) -> Result<String> {
        match self.map.get(f) {
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| self.o.invalid(f, Import::ExpectedCodes))
                })
                .collect::<Result<Vec<_>>>()
                .map(|v| v.join(";")),
            _ => self.text(f),
        }
    }

    fn array(&self, f: &str) -> Result<&'a [Value]> {
        match self.map.get(f) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(self.o.invalid(f, Import::ExpectedArray)),
        }
    }
}

const CATEGORY: &[&str] = &["code", "name_vi", "name_en", "position"];
const AGENCY: &[&str] = &["code", "name", "kind", "parent", "head", "members", "staff"];
const PROGRAM: &[&str] = &[
    "code",
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "parties",
    "basis",
    "review_months",
];
const TASK: &[&str] = &[
    "id",
    "program",
    "category",
    "title",
    "description",
    "lead",
    "with",
    "cadence",
    "deadline",
    "status",
    "progress",
    "completed_on",
    "basis",
    "created_on",
    "version",
    "history",
    "urges",
];
const HISTORY: &[&str] = &[
    "on",
    "at",
    "actor",
    "status",
    "progress",
    "completed_on",
    "note",
];
const URGE: &[&str] = &["on", "at", "actor", "agency", "message"];
const ROLE: &[&str] = &["login", "role", "agency"];
const TOP: &[&str] = &[
    "format",
    "version",
    "categories",
    "agencies",
    "programs",
    "tasks",
    "roles",
];

fn history(t: &Obj<'_>, v: &Value, n: usize) -> Result<ImportHistory> {
    let field = format!("history[{n}]");
    let h = Obj::new(v, t.o, &field, HISTORY)?;
    let f = |k: &str| format!("{field}.{k}");
    let status: Status = fields::vocab(t.o, &f("status"), &h.required("status")?, None)?;
    let progress = fields::at(
        t.o,
        &f("progress"),
        Progress::parse(&h.required("progress")?),
    )?;
    let completed_on = fields::opt_date(t.o, &f("completed_on"), &h.text("completed_on")?)?;
    if (status == Status::Done) != completed_on.is_some()
        || (status == Status::Done && progress != Progress::FULL)
    {
        return Err(t.o.invalid(&f("status"), Import::HistoryDone));
    }
    Ok(ImportHistory {
        on: fields::date(t.o, &f("on"), &h.required("on")?)?,
        at: fields::opt_line(t.o, &f("at"), &h.text("at")?)?,
        actor: fields::opt_line(t.o, &f("actor"), &h.text("actor")?)?,
        status,
        progress,
        completed_on,
        note: fields::opt_text(t.o, &f("note"), &h.text("note")?)?,
    })
}

fn urge(t: &Obj<'_>, v: &Value, n: usize) -> Result<ImportUrge> {
    let field = format!("urges[{n}]");
    let u = Obj::new(v, t.o, &field, URGE)?;
    let f = |k: &str| format!("{field}.{k}");
    Ok(ImportUrge {
        on: fields::date(t.o, &f("on"), &u.required("on")?)?,
        at: fields::opt_line(t.o, &f("at"), &u.text("at")?)?,
        actor: fields::opt_line(t.o, &f("actor"), &u.text("actor")?)?,
        agency: fields::opt_code(t.o, &f("agency"), &u.text("agency")?)?,
        message: fields::line(t.o, &f("message"), &u.required("message")?)?,
    })
}

fn task(v: &Value, o: &Origin, today: NaiveDate) -> Result<ImportTask> {
    let t = Obj::new(v, o, "task", TASK)?;
    let (program, category, title, lead) = (
        t.required("program")?,
        t.required("category")?,
        t.required("title")?,
        t.required("lead")?,
    );
    let (with, cadence, deadline, status, progress, basis) = (
        t.list("with")?,
        t.text("cadence")?,
        t.text("deadline")?,
        t.text("status")?,
        t.text("progress")?,
        t.text("basis")?,
    );
    let (created_on, completed_on, description) = (
        t.text("created_on")?,
        t.text("completed_on")?,
        t.text("description")?,
    );
    let f = TaskFields {
        program: &program,
        category: &category,
        title: &title,
        lead: &lead,
        with: &with,
        cadence: &cadence,
        deadline: &deadline,
        status: &status,
        progress: &progress,
        basis: &basis,
        created_on: &created_on,
        completed_on: &completed_on,
        description: &description,
    };
    let task = fields::task(o, &f, today)?;
    let history = t
        .array("history")?
        .iter()
        .enumerate()
        .map(|(i, v)| history(&t, v, i))
        .collect::<Result<Vec<_>>>()?;
    if let Some(first) = history.first() {
        if first.on < task.created_on {
            return Err(o.invalid(
                "history[0].on",
                Import::FirstHistoryBefore {
                    first: first.on,
                    created: task.created_on,
                },
            ));
        }
        // The last entry (by date, then order) must be the task's state.
        let mut last = first;
        for h in &history {
            if h.on >= last.on {
                last = h;
            }
        }
        if (last.status, last.progress, last.completed_on)
            != (task.status, task.progress, task.completed_on)
        {
            return Err(o.invalid(
                "history",
                Import::LastHistoryMismatch {
                    status: last.status,
                    progress: last.progress.get(),
                    task_status: task.status,
                    task_progress: task.progress.get(),
                },
            ));
        }
    }
    let urges = t
        .array("urges")?
        .iter()
        .enumerate()
        .map(|(i, v)| urge(&t, v, i))
        .collect::<Result<Vec<_>>>()?;
    Ok(ImportTask {
        task,
        history,
        urges,
    })
}

/// Reads a JSON file's bytes (the `export` format) into a batch.
pub fn read(
    file: &str,
    bytes: &[u8],
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        use crate::domain::text::escape;
        Error::Invalid(
            Import::Syntax {
                file: escape(file).into_owned(),
                line: e.line() as u64,
                json: true,
                detail: escape(&e.to_string()).into_owned(),
            }
            .into(),
        )
    })?;
    let lines = element_lines(bytes);
    let origin = |key: &str, i: usize| Origin {
        file: file.to_string(),
        line: lines.get(key).and_then(|l| l.get(i)).copied().unwrap_or(1),
    };
    let top_origin = Origin {
        file: file.to_string(),
        line: 1,
    };
    let top = Obj::new(&doc, &top_origin, "the file", TOP)?;
    let format = top.text("format")?;
    if !format.is_empty() && format != "phoihop" {
        return Err(top_origin.invalid(
            "format",
            Import::BadFormat {
                given: text::escape(&format).into_owned(),
            },
        ));
    }
    match top.text("version")?.as_str() {
        "" | "1" => {}
        v => {
            return Err(top_origin.invalid(
                "version",
                Import::BadVersion {
                    given: text::escape(v).into_owned(),
                },
            ))
        }
    }
    let mut batch = ImportBatch {
        label: file.to_string(),
        ..Default::default()
    };
    for (i, v) in top.array("categories")?.iter().enumerate() {
        let o = origin("categories", i);
        let c = Obj::new(v, &o, "category", CATEGORY)?;
        let position = fields::opt_int(&o, "position", &c.text("position")?)?.unwrap_or(0);
        let value = Category {
            code: fields::code(&o, "code", &c.required("code")?)?,
            name_vi: fields::line(&o, "name_vi", &c.required("name_vi")?)?,
            name_en: fields::line(&o, "name_en", &c.required("name_en")?)?,
            position,
        };
        batch.categories.push(Sourced { origin: o, value });
    }
    for (i, v) in top.array("agencies")?.iter().enumerate() {
        let o = origin("agencies", i);
        let a = Obj::new(v, &o, "agency", AGENCY)?;
        let r: Vec<String> = AGENCY.iter().map(|k| a.text(k)).collect::<Result<_>>()?;
        let (code, name) = (a.required("code")?, a.required("name")?);
        let f = AgencyFields {
            code: &code,
            name: &name,
            kind: &r[2],
            parent: &r[3],
            head: &r[4],
            members: &r[5],
            staff: &r[6],
        };
        let value = fields::agency(&o, &f)?;
        batch.agencies.push(Sourced { origin: o, value });
    }
    for (i, v) in top.array("programs")?.iter().enumerate() {
        let o = origin("programs", i);
        let p = Obj::new(v, &o, "program", PROGRAM)?;
        let (code, title, starts, ends) = (
            p.required("code")?,
            p.required("title")?,
            p.required("starts_on")?,
            p.required("ends_on")?,
        );
        let (kind, parties, basis, review) = (
            p.text("kind")?,
            p.list("parties")?,
            p.text("basis")?,
            p.text("review_months")?,
        );
        let f = ProgramFields {
            code: &code,
            title: &title,
            kind: &kind,
            starts_on: &starts,
            ends_on: &ends,
            parties: &parties,
            basis: &basis,
            review_months: &review,
        };
        let value = fields::program(&o, &f)?;
        batch.programs.push(Sourced { origin: o, value });
    }
    for (i, v) in top.array("tasks")?.iter().enumerate() {
        let o = origin("tasks", i);
        let value = task(v, &o, today)?;
        batch.tasks.push(Sourced { origin: o, value });
        if (i + 1) % 50_000 == 0 {
            progress(i as u64 + 1);
        }
    }
    for (i, v) in top.array("roles")?.iter().enumerate() {
        let o = origin("roles", i);
        let g = Obj::new(v, &o, "role", ROLE)?;
        let login = fields::line(&o, "login", &g.required("login")?)?;
        if login.chars().any(char::is_whitespace) {
            return Err(o.invalid("login", Import::LoginSpaces));
        }
        let role: Role = fields::vocab(&o, "role", &g.required("role")?, None)?;
        let agency = fields::opt_code(&o, "agency", &g.text("agency")?)?;
        if (role == Role::Operator) != agency.is_some() {
            return Err(o.invalid("agency", Import::OperatorAgency));
        }
        batch.grants.push(Sourced {
            origin: o,
            value: Grant {
                login,
                role,
                agency,
            },
        });
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_elements() {
        let src =
            b"{\n\"tasks\": [\n{\"a\": [1,\n2]},\n{\"b\": \"x,]\"}\n],\n\"roles\": [{\"x\":1}]\n}";
        let l = element_lines(src);
        assert_eq!(l["tasks"], vec![3, 5]);
        assert_eq!(l["roles"], vec![7]);
    }
}
