//! task add|list|show|update|edit|remove|urge.
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::agency::opt_or_none;
use super::output::{self, Cell, Record};
use super::{Context, Format};
use crate::domain::{
    bucket, date::parse_date, due_soon, Bucket, Cadence, HistoryEntry, NewTask, Progress,
    ProgressUpdate, Status, Task, TaskEdit, Urge,
};
use crate::error::Result;
use crate::store::{TaskFilter, TaskSort};

#[derive(Debug, Subcommand)]
pub enum TaskCmd {
    /// Add a task.
    Add(AddArgs),
    /// List tasks (filters combine).
    List(ListArgs),
    /// Show one task with its history and urges.
    Show(ShowArgs),
    /// Update progress and/or status, with a note.
    Update(UpdateArgs),
    /// Change a task's descriptive fields (only those given).
    Edit(EditArgs),
    /// Remove a task from today on (admin only); it stays in every earlier view, with
    /// its history and urges.
    Remove(RemoveArgs),
    /// Bring back a removed task from today on (admin only).
    Restore(RestoreArgs),
    /// Remind the lead agency of a task (đôn đốc).
    Urge(UrgeArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Program code.
    #[arg(long, value_name = "C")]
    pub program: String,
    /// Category code (ideology, organization, inspection, mass_mobilization,
    /// internal_affairs, government, front).
    #[arg(long, value_name = "C")]
    pub category: String,
    #[arg(long, value_name = "T")]
    pub title: String,
    /// Lead agency code (chủ trì).
    #[arg(long, value_name = "A")]
    pub lead: String,
    /// A coordinating agency code (phối hợp); repeat for each.
    #[arg(long = "with", value_name = "A")]
    pub with: Vec<String>,
    /// roadmap|recurring (default: roadmap with --deadline, recurring without).
    #[arg(long)]
    pub cadence: Option<String>,
    /// YYYY-MM-DD or dd/mm/yyyy.
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// Legal basis.
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    /// A longer description.
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_name = "C")]
    pub program: Option<String>,
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Tasks this agency leads or coordinates.
    #[arg(long, value_name = "A", conflicts_with = "mine")]
    pub agency: Option<String>,
    /// An operator's own work: the tasks their agency leads, then those it coordinates,
    /// each overdue first, then due within 14 days, then the rest (as the TUI's home).
    #[arg(long, conflicts_with = "search")]
    pub mine: bool,
    /// not_started|in_progress|done|suspended.
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// done_on_time|done_late|in_time|overdue, as of --as-of (else today).
    #[arg(long, value_name = "B")]
    pub bucket: Option<String>,
    /// Only overdue tasks (as of --as-of, else today).
    #[arg(long)]
    pub overdue: bool,
    /// Only open tasks due within 14 days (as of --as-of, else today).
    #[arg(long)]
    pub due_soon: bool,
    /// Only tasks whose title matches Q: every word fuzzy-matched, diacritics and case
    /// ignored (fzf's extended syntax); best matches first.
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
    /// At most N tasks.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub id: i64,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    pub id: i64,
    /// Progress, a whole percentage from 0 to 100.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub progress: Option<String>,
    /// not_started|in_progress|done|suspended.
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Refuse (exit 4) unless the task is still at this version.
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub id: i64,
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    #[arg(long, value_name = "A")]
    pub lead: Option<String>,
    /// Replace the coordinating agencies (repeat for each).
    #[arg(long = "with", value_name = "A")]
    pub with: Vec<String>,
    /// Remove every coordinating agency.
    #[arg(long, conflicts_with = "with")]
    pub no_with: bool,
    /// roadmap|recurring.
    #[arg(long)]
    pub cadence: Option<String>,
    /// New deadline ("" for none).
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// New legal basis ("" for none).
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    /// New description ("" for none).
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Move the task to another program (admin only).
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// Why the deadline changes (điều chỉnh thời hạn); required with --deadline.
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Refuse (exit 4) unless the task is still at this version.
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    pub id: i64,
    /// Why the task is removed (kept with the removal).
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Refuse (exit 4) unless the task is still at this version.
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct UrgeArgs {
    pub id: i64,
    #[arg(long, value_name = "TEXT")]
    pub message: String,
}

/// The keys of `task list --format json`, in order (a documented contract).
pub const LIST_KEYS: &[&str] = &[
    "id",
    "program",
    "category",
    "title",
    "lead",
    "with",
    "cadence",
    "deadline",
    "status",
    "progress",
    "completed_on",
    "version",
    "bucket",
];

/// The categories' Vietnamese names by code, for Vietnamese tables.
pub type CategoryNames = std::collections::HashMap<String, std::sync::Arc<str>>;

/// Reads [`CategoryNames`].
pub fn category_names(store: &crate::store::Store) -> Result<CategoryNames> {
    Ok(store
        .categories()?
        .into_iter()
        .map(|c| (c.code, c.name_vi.into()))
        .collect())
}

fn category_cell(code: String, names: &CategoryNames) -> Cell {
    let vi = names
        .get(&code)
        .cloned()
        .unwrap_or_else(|| code.as_str().into());
    Cell::Named { code, vi }
}

/// A task as a list record, its bucket computed as of `as_of`: the task's text moved
/// into the record, not copied (a list writes every row once).
pub fn list_record(t: Task, as_of: NaiveDate, names: &CategoryNames) -> Record {
    let bucket = bucket(t.status, t.deadline, t.completed_on, as_of);
    Record::with_fields(LIST_KEYS.len())
        .field("id", Cell::Int(t.id))
        .text("program", t.program)
        .field("category", category_cell(t.category, names))
        .text("title", t.title)
        .text("lead", t.lead)
        .field("with", Cell::List(t.with))
        .code("cadence", t.cadence.code())
        .field("deadline", Cell::Date(t.deadline))
        .code("status", t.status.code())
        .field("progress", Cell::Int(t.progress.get().into()))
        .field("completed_on", Cell::Date(t.completed_on))
        .field("version", Cell::Int(t.version))
        .code("bucket", bucket.code())
}

fn history_record(h: &HistoryEntry) -> Record {
    Record::new()
        .text("at", &h.at)
        .field("on", Cell::Date(Some(h.on)))
        .text("actor", &h.actor)
        .code("status", h.status.code())
        .field("progress", Cell::Int(h.progress.get().into()))
        .field("note", Cell::OptText(h.note.clone()))
        .text("change", &h.change)
}

fn urge_record(u: &Urge) -> Record {
    Record::new()
        .text("at", &u.at)
        .field("on", Cell::Date(Some(u.on)))
        .text("actor", &u.actor)
        .text("message", &u.message)
}

/// A task as a show record: every field, its bucket and "due soon" as of `as_of`, its
/// history and its urges.
pub fn show_record(
    t: &Task,
    as_of: NaiveDate,
    history: &[HistoryEntry],
    urges: &[Urge],
    names: &CategoryNames,
) -> Record {
    Record::new()
        .field("id", Cell::Int(t.id))
        .text("program", &t.program)
        .field("category", category_cell(t.category.clone(), names))
        .text("title", &t.title)
        .field("description", Cell::OptText(t.description.clone()))
        .text("lead", &t.lead)
        .field("with", Cell::List(t.with.clone()))
        .code("cadence", t.cadence.code())
        .field("deadline", Cell::Date(t.deadline))
        .code("status", t.status.code())
        .field("progress", Cell::Int(t.progress.get().into()))
        .field("completed_on", Cell::Date(t.completed_on))
        .field("basis", Cell::OptText(t.basis.clone()))
        .field("created_on", Cell::Date(Some(t.created_on)))
        .field("version", Cell::Int(t.version))
        .code(
            "bucket",
            bucket(t.status, t.deadline, t.completed_on, as_of).code(),
        )
        .field(
            "due_soon",
            Cell::Bool(due_soon(t.status, t.deadline, as_of)),
        )
        .nest("history", history.iter().map(history_record).collect())
        .nest("urges", urges.iter().map(urge_record).collect())
}

fn opt_parse<T: std::str::FromStr<Err = crate::Error>>(v: &Option<String>) -> Result<Option<T>> {
    v.as_deref().map(str::parse::<T>).transpose()
}

/// "" clears the deadline; anything else must be a date.
fn deadline_edit(v: &Option<String>) -> Result<Option<Option<NaiveDate>>> {
    match v.as_deref() {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(Some(None)),
        Some(s) => Ok(Some(Some(parse_date("deadline", s)?))),
    }
}

/// Runs a `task` subcommand.
pub fn run(ctx: &Context, cmd: &TaskCmd) -> Result<()> {
    match cmd {
        TaskCmd::Add(a) => add(ctx, a),
        TaskCmd::List(a) => list(ctx, a),
        TaskCmd::Show(a) => {
            let store = ctx.open()?;
            let past = ctx.past();
            // One snapshot: the task, its history and its urges as of the same moment.
            let (t, history, urges) = store.snapshot(|s| {
                let t = s.task_as_of(a.id, past)?;
                let history = s.task_history_upto(a.id, past)?;
                let mut urges = s.task_urges(a.id)?;
                if let Some(d) = past {
                    urges.retain(|u| u.on <= d);
                }
                Ok((t, history, urges))
            })?;
            let names = category_names(&store)?;
            let r = show_record(&t, ctx.as_of_or_today(), &history, &urges, &names);
            output::show(a.format, ctx.lang, &r)
        }
        TaskCmd::Update(a) => {
            let update = ProgressUpdate {
                progress: a.progress.as_deref().map(Progress::parse).transpose()?,
                status: opt_parse::<Status>(&a.status)?,
                note: a.note.clone(),
                on: ctx.today,
            };
            let mut store = ctx.open()?;
            let t = store.update_progress(a.id, a.expect_version, update)?;
            output::confirm(&format!(
                "{} {}: {}, {} ({} {}).",
                ctx.say("Updated task", "Đã cập nhật nhiệm vụ"),
                t.id,
                t.progress,
                t.status,
                ctx.say("version", "phiên bản"),
                t.version
            ))
        }
        TaskCmd::Edit(a) => {
            let edit = TaskEdit {
                title: a.title.clone(),
                description: opt_or_none(&a.description),
                category: a.category.clone(),
                lead: a.lead.clone(),
                with: if a.no_with {
                    Some(Vec::new())
                } else if a.with.is_empty() {
                    None
                } else {
                    Some(a.with.clone())
                },
                cadence: opt_parse::<Cadence>(&a.cadence)?,
                deadline: deadline_edit(&a.deadline)?,
                basis: opt_or_none(&a.basis),
                program: a.program.clone(),
                reason: a.reason.clone(),
            };
            let mut store = ctx.open()?;
            let t = store.edit_task(a.id, a.expect_version, edit, ctx.today)?;
            output::confirm(&format!(
                "{} {} ({} {}).",
                ctx.say("Changed task", "Đã sửa nhiệm vụ"),
                t.id,
                ctx.say("version", "phiên bản"),
                t.version
            ))
        }
        TaskCmd::Remove(a) => {
            let mut store = ctx.open()?;
            store.remove_task(a.id, a.expect_version, ctx.today, a.note.as_deref())?;
            output::confirm(&format!(
                "{} {} ({} {}; `phoihop task restore {}`).",
                ctx.say("Removed task", "Đã xóa nhiệm vụ"),
                a.id,
                ctx.say("from", "từ ngày"),
                ctx.today.format("%d/%m/%Y"),
                a.id
            ))
        }
        TaskCmd::Restore(a) => {
            let mut store = ctx.open()?;
            let t = store.restore_task(a.id, ctx.today)?;
            output::confirm(&format!(
                "{} {} ({} {}).",
                ctx.say("Restored task", "Đã khôi phục nhiệm vụ"),
                t.id,
                ctx.say("from", "từ ngày"),
                ctx.today.format("%d/%m/%Y")
            ))
        }
        TaskCmd::Urge(a) => {
            let mut store = ctx.open()?;
            let u = store.urge_task(a.id, &a.message, ctx.today)?;
            let lead = store.task(a.id)?.lead;
            output::confirm(&format!(
                "{} {lead} {} {} ({} {}).",
                ctx.say("Urged", "Đã đôn đốc"),
                ctx.say("about task", "về nhiệm vụ"),
                u.task_id,
                ctx.say("urge", "lượt đôn đốc"),
                u.id
            ))
        }
    }
}

fn add(ctx: &Context, a: &AddArgs) -> Result<()> {
    let deadline = a
        .deadline
        .as_deref()
        .map(|s| parse_date("deadline", s))
        .transpose()?;
    let cadence = match opt_parse::<Cadence>(&a.cadence)? {
        Some(c) => c,
        None if deadline.is_some() => Cadence::Roadmap,
        None => Cadence::Recurring,
    };
    let task = NewTask {
        program: a.program.clone(),
        category: a.category.clone(),
        title: a.title.clone(),
        description: a.description.clone(),
        lead: a.lead.clone(),
        with: a.with.clone(),
        cadence,
        deadline,
        basis: a.basis.clone(),
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: ctx.today,
        completed_on: None,
    };
    let mut store = ctx.open()?;
    let t = store.add_task(task)?;
    output::confirm(&format!(
        "{} {} ({} {}).",
        ctx.say("Added task", "Đã thêm nhiệm vụ"),
        t.id,
        ctx.say("version", "phiên bản"),
        t.version
    ))
}

fn list(ctx: &Context, a: &ListArgs) -> Result<()> {
    let as_of = ctx.as_of_or_today();
    let filter = TaskFilter {
        program: a.program.clone(),
        category: a.category.clone(),
        agency: a.agency.clone(),
        lead: None,
        status: opt_parse::<Status>(&a.status)?,
        bucket: opt_parse::<Bucket>(&a.bucket)?,
        overdue: a.overdue,
        due_soon: a.due_soon,
        deadline_from: None,
        contains: None,
        ids: None,
        as_of: Some(as_of),
    };
    let store = ctx.open()?;
    let names = category_names(&store)?;
    let limit = a.limit.unwrap_or(i64::MAX as usize);
    if a.mine {
        let who = store.whoami()?;
        let code = match (who.role, who.agency) {
            (crate::domain::Role::Operator, Some((_, code))) => code,
            _ => {
                return Err(crate::error::Error::Usage(
                    crate::lang::facts::Access::MineNotOperator {
                        login: crate::domain::text::escape(&who.login).into_owned(),
                    }
                    .into(),
                ))
            }
        };
        // The other filters narrow the list; the order is the home's.
        let keep: std::collections::HashSet<i64> = store
            .tasks_at(
                &TaskFilter {
                    agency: Some(code.clone()),
                    ..filter
                },
                TaskSort::Id,
                false,
                0,
                i64::MAX as usize,
                ctx.past(),
            )?
            .into_iter()
            .map(|t| t.id)
            .collect();
        let records: Vec<Record> = store
            .agency_work(&code, as_of, ctx.past())?
            .into_iter()
            .filter(|w| keep.contains(&w.task.id))
            .take(limit)
            .map(|w| list_record(w.task, as_of, &names))
            .collect();
        return output::list(a.format, ctx.lang, LIST_KEYS, &records);
    }
    // With --search the tasks come ranked by the fuzzy matcher (best first), as in the TUI.
    if let Some(q) = a.search.as_deref().filter(|q| !q.trim().is_empty()) {
        // The ranked rows are read in rank order, all over the file: with SQLite's 2 MB
        // page cache the same pages were read again and again (docs/performance.md).
        if a.limit.is_none() {
            store.tune_for_report()?;
        }
        let past = ctx.past();
        // Every match, written as read: the ranked rows are read and rendered in chunks
        // on two connections at once while they are written (docs/performance.md).
        if let (None, Some(format)) = (a.limit, output::Joinable::of(a.format)) {
            return output::stream_parts(format, LIST_KEYS, |put| {
                super::search::each_ranked_part(
                    &store,
                    &filter,
                    q,
                    limit,
                    past,
                    |tasks| {
                        let records = tasks.into_iter().map(|t| list_record(t, as_of, &names));
                        output::render_part(format, records)
                    },
                    put,
                )
            });
        }
        // A few (--limit), or a table, which reads its records twice (widths, then
        // lines): the rows read first, in one snapshot.
        return store.snapshot(|s| {
            let ids = super::search::search_task_ids_at(s, &filter, q, limit, past)?;
            let tasks = s.tasks_by_ids_at(&ids, past)?;
            output::stream_list(a.format, ctx.lang, LIST_KEYS, |sink| {
                tasks
                    .iter()
                    .try_for_each(|t| sink(list_record(t.clone(), as_of, &names)))
            })
        });
    }
    if a.limit.is_none() {
        store.tune_for_long_read()?;
    }
    // Written as read, in one snapshot (a table reads twice: widths, then lines).
    store.snapshot(|s| {
        output::stream_list(a.format, ctx.lang, LIST_KEYS, |sink| {
            s.each_task_at(&filter, TaskSort::Id, false, 0, limit, ctx.past(), |t| {
                sink(list_record(t, as_of, &names))
            })
        })
    })
}
