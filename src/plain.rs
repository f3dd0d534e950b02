//! Plain line mode (`phoihop --plain`, and the TUI's choice when `TERM=dumb`; issue 16,
//! item 6): no alternate screen, no cursor addressing, no colour. Each view is printed as
//! labelled lines that a screen reader (NVDA, Orca over SSH) reads in order, and commands
//! are read as lines: `dashboard`, `tasks`, `next`, `open 70` (or `70`, `#70`),
//! `filter overdue|due-soon|all`, `search TEXT`, `as-of DATE|today`, `help`, `quit`.
//! Read-only: it changes nothing. Every text from the database is escaped for a
//! terminal.

use std::io::{BufRead, Write};

use chrono::NaiveDate;

use crate::domain::{bucket, text, Task};
use crate::error::{Error, Result};
use crate::lang::facts::Files;
use crate::lang::{fill, Lang, Msg};
use crate::store::{Scope, Store, TaskFilter, TaskSort};

/// Rows a `tasks` page prints.
pub const PAGE: usize = 20;

/// What the session looks at.
struct Session<'a> {
    store: &'a Store,
    lang: Lang,
    today: NaiveDate,
    /// `None`: today.
    as_of: Option<NaiveDate>,
    program: Option<String>,
    filter: Filter,
    search: Option<String>,
    page: usize,
    /// Category code → its name in the language.
    categories: std::collections::HashMap<String, String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Overdue,
    DueSoon,
}

impl Session<'_> {
    fn day(&self) -> NaiveDate {
        self.as_of.unwrap_or(self.today)
    }

    fn past(&self) -> Option<NaiveDate> {
        self.as_of.filter(|d| *d < self.today)
    }

    fn t(&self, m: Msg) -> &'static str {
        self.lang.t(m)
    }

    fn filter(&self) -> TaskFilter {
        TaskFilter {
            program: self.program.clone(),
            overdue: self.filter == Filter::Overdue,
            due_soon: self.filter == Filter::DueSoon,
            contains: self.search.clone(),
            as_of: Some(self.day()),
            ..Default::default()
        }
    }

    /// The dashboard: the totals, each category, the first overdue and due-soon tasks.
    fn dashboard(&self, out: &mut Vec<String>) -> Result<()> {
        let scope = Scope {
            program: self.program.clone(),
            ..Default::default()
        };
        let s = self.store.summary(&scope, self.day(), self.today)?;
        let l = self.lang;
        out.push(format!(
            "{}: {}",
            self.t(Msg::ViewDashboard),
            self.program.as_deref().unwrap_or(self.t(Msg::AllPrograms))
        ));
        out.push(format!("{}: {}", self.t(Msg::AsOf), l.date(self.day())));
        let c = &s.totals;
        for (m, n) in [
            (Msg::Tasks, c.tasks),
            (Msg::DoneOnTime, c.done_on_time),
            (Msg::DoneLate, c.done_late),
            (Msg::InTime, c.in_time),
            (Msg::Overdue, c.overdue),
            (Msg::DueSoon, s.due_soon),
        ] {
            out.push(format!("{}: {}", self.t(m), l.int(n)));
        }
        out.push(format!(
            "{}: {}",
            self.t(Msg::MeanProgress),
            l.percent(c.progress)
        ));
        out.push(format!("{}:", self.t(Msg::CategoriesTitle)));
        for cat in &s.categories {
            let k = &cat.counts;
            out.push(format!(
                "- {}: {} {}, {} {}, {} {}",
                cat.category.name(l.code()),
                l.int(k.tasks),
                self.t(Msg::Tasks).to_lowercase(),
                l.int(k.overdue),
                self.t(Msg::ShortOverdue).to_lowercase(),
                self.t(Msg::Progress).to_lowercase(),
                l.percent(k.progress)
            ));
        }
        let attention = |overdue: bool| -> Result<Vec<Task>> {
            let f = TaskFilter {
                program: self.program.clone(),
                overdue,
                due_soon: !overdue,
                as_of: Some(self.day()),
                ..Default::default()
            };
            self.store
                .tasks_at(&f, TaskSort::Deadline, false, 0, PAGE, self.past())
        };
        let mut list = attention(true)?;
        list.extend(attention(false)?);
        list.truncate(PAGE);
        out.push(format!(
            "{}: {}",
            self.t(Msg::AttentionTitle),
            l.int(list.len() as i64)
        ));
        for t in &list {
            out.push(format!("- {}", self.task_line(t)));
        }
        Ok(())
    }

    /// One task in a list: number, title, lead, deadline and how it stands.
    fn task_line(&self, t: &Task) -> String {
        let l = self.lang;
        let when = match t.deadline {
            Some(d) => {
                let late = (self.day() - d).num_days();
                let b = bucket(t.status, t.deadline, t.completed_on, self.day());
                if b == crate::domain::Bucket::Overdue {
                    format!("{} {}", l.date(d), fill(self.t(Msg::DaysLate), l.int(late)))
                } else {
                    format!("{} {}", l.date(d), l.bucket(b).to_lowercase())
                }
            }
            None => self.t(Msg::Recurring).to_string(),
        };
        format!(
            "#{} {} — {} {}, {} {}, {} {}",
            t.id,
            text::escape(&t.title),
            self.t(Msg::Lead).to_lowercase(),
            text::escape(&t.lead),
            self.t(Msg::Deadline).to_lowercase(),
            when,
            self.t(Msg::Progress).to_lowercase(),
            l.percent(f64::from(t.progress.get()))
        )
    }

    /// A page of the tasks table, with the filter and search in force.
    fn tasks(&self, out: &mut Vec<String>) -> Result<()> {
        let f = self.filter();
        let total = self.store.count_tasks_at(&f, self.past())?;
        let rows =
            self.store
                .tasks_at(&f, TaskSort::Id, false, self.page * PAGE, PAGE, self.past())?;
        let l = self.lang;
        let from = (self.page * PAGE + 1).min(total as usize);
        out.push(format!(
            "{}: {} ({}–{})",
            self.t(Msg::ViewTasks),
            l.int(total),
            l.int(from as i64),
            l.int((self.page * PAGE + rows.len()) as i64)
        ));
        for t in &rows {
            out.push(format!("- {}", self.task_line(t)));
        }
        if (self.page + 1) * PAGE < total as usize {
            out.push(self.t(Msg::PlainMore).to_string());
        }
        Ok(())
    }

    /// A task's detail as labelled lines.
    fn open(&self, id: i64, out: &mut Vec<String>) -> Result<()> {
        let f = TaskFilter {
            ids: Some(vec![id]),
            as_of: Some(self.day()),
            ..Default::default()
        };
        let Some(t) = self
            .store
            .tasks_at(&f, TaskSort::Id, false, 0, 1, self.past())?
            .pop()
        else {
            out.push(fill(self.t(Msg::PlainNoTask), id));
            return Ok(());
        };
        let l = self.lang;
        let b = bucket(t.status, t.deadline, t.completed_on, self.day());
        let opt =
            |d: Option<NaiveDate>| d.map_or_else(|| self.t(Msg::None_).to_string(), |d| l.date(d));
        let lines = [
            (Msg::Id, format!("#{}", t.id)),
            (Msg::Title, text::escape(&t.title).into_owned()),
            (Msg::Program, text::escape(&t.program).into_owned()),
            (
                Msg::Category,
                self.categories
                    .get(&t.category)
                    .cloned()
                    .unwrap_or_else(|| t.category.clone()),
            ),
            (Msg::Lead, text::escape(&t.lead).into_owned()),
            (Msg::With, text::escape(&t.with.join(", ")).into_owned()),
            (
                Msg::Deadline,
                format!("{} ({})", opt(t.deadline), l.bucket(b)),
            ),
            (Msg::Status, l.status(t.status).to_string()),
            (Msg::Progress, l.percent(f64::from(t.progress.get()))),
            (Msg::Completed, opt(t.completed_on)),
            (Msg::Created, l.date(t.created_on)),
        ];
        for (m, v) in lines {
            out.push(format!("{}: {v}", self.t(m)));
        }
        Ok(())
    }
}

/// Where the line mode starts: the day, the as-of date (`None`: today), the program.
pub struct Start {
    pub lang: Lang,
    pub today: NaiveDate,
    pub as_of: Option<NaiveDate>,
    pub program: Option<String>,
}

/// Runs the line mode on `input` until `quit` or its end, printing to `output`.
/// `prompt` ("> ") is printed when a command is awaited (when the input is a terminal).
pub fn run(
    store: &Store,
    start: Start,
    input: impl BufRead,
    mut output: impl Write,
    prompt: bool,
) -> Result<()> {
    let lang = start.lang;
    let today = start.today;
    let categories = store
        .categories()?
        .into_iter()
        .map(|c| (c.code.clone(), c.name(lang.code()).to_string()))
        .collect();
    let mut s = Session {
        store,
        lang,
        today,
        as_of: start.as_of,
        program: start.program,
        filter: Filter::All,
        search: None,
        page: 0,
        categories,
    };
    let mut out = vec![lang.t(Msg::PlainIntro).to_string()];
    s.dashboard(&mut out)?;
    let write = |output: &mut dyn Write, lines: &mut Vec<String>| -> Result<()> {
        for l in lines.drain(..) {
            writeln!(output, "{l}").map_err(|e| {
                Error::Other(
                    Files::Output {
                        detail: e.to_string(),
                    }
                    .into(),
                )
            })?;
        }
        if prompt {
            let _ = write!(output, "> ");
        }
        output.flush().map_err(|e| {
            Error::Other(
                Files::Output {
                    detail: e.to_string(),
                }
                .into(),
            )
        })
    };
    write(&mut output, &mut out)?;
    for line in input.lines() {
        let line = line.map_err(|e| {
            Error::Other(
                Files::Output {
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
        let (cmd, arg) = line
            .trim()
            .split_once(' ')
            .map_or((line.trim(), ""), |(c, a)| (c, a.trim()));
        let id = |a: &str| a.trim_start_matches(['#', ':']).parse::<i64>().ok();
        match cmd.to_lowercase().as_str() {
            "" => continue,
            "quit" | "q" | "exit" => break,
            "help" | "?" => out.push(lang.t(Msg::PlainHelp).to_string()),
            "dashboard" | "1" => s.dashboard(&mut out)?,
            "tasks" | "3" => {
                s.page = 0;
                s.tasks(&mut out)?;
            }
            "next" => {
                s.page += 1;
                s.tasks(&mut out)?;
            }
            "open" if id(arg).is_some() => s.open(id(arg).unwrap_or(0), &mut out)?,
            c if id(c).is_some() && arg.is_empty() => s.open(id(c).unwrap_or(0), &mut out)?,
            "filter" => {
                s.filter = match arg {
                    "overdue" => Filter::Overdue,
                    "due-soon" | "due_soon" => Filter::DueSoon,
                    _ => Filter::All,
                };
                s.page = 0;
                s.tasks(&mut out)?;
            }
            "search" => {
                s.search = (!arg.is_empty()).then(|| arg.to_string());
                s.page = 0;
                s.tasks(&mut out)?;
            }
            "as-of" | "asof" => {
                if arg.is_empty() || arg == "today" {
                    s.as_of = None;
                    s.dashboard(&mut out)?;
                } else {
                    match crate::domain::date::parse_date("as-of", arg) {
                        Ok(d) if d <= today => {
                            s.as_of = Some(d);
                            s.dashboard(&mut out)?;
                        }
                        _ => out.push(fill(lang.t(Msg::PlainBadDate), text::escape(arg))),
                    }
                }
            }
            _ => out.push(fill(lang.t(Msg::PlainUnknown), text::escape(cmd))),
        }
        write(&mut output, &mut out)?;
    }
    Ok(())
}
