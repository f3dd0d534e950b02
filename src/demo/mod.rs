//! The demo data set, built from the seed reports, and `gen`, synthetic data for benchmarks.
//!
//! The demo is written through the store's ordinary write functions (`add_agency`,
//! `add_program`, `add_task`, `update_progress` with past dates, `urge_task`), so its
//! history and audit rows are real. Everything is fixed except the current-year program,
//! whose dates are relative to the `today` passed in. See `docs/demo.md`.

mod data;
mod gen;

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, ProgressUpdate, Status,
};
use crate::error::{Error, Result};
use crate::store::Store;

use data::{End, Live, LiveTask, TaskRow};
pub use gen::{generate, generate_reporting, GenOptions};

/// Loads the demo data set. Dates of the current-year program are relative to `today`.
/// Refuses a database that already has data unless `force`, in which case the data is
/// first cleared (in one transaction, audited as one row).
pub fn load(store: &mut Store, today: NaiveDate, force: bool) -> Result<()> {
    load_once(store, today, force).map(|_| ())
}

/// What [`load_once`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loaded {
    /// The demo data set was written (replacing what was there with `force`).
    Written,
    /// The database already held the demo data set; nothing was changed.
    AlreadyThere,
}

/// The `meta` key that says which data set a database was filled with.
const DATASET: &str = "dataset";

/// Loads the demo data set in one transaction: all of it or, if anything fails or the
/// process is killed, nothing (the data that was there stays). A database that already
/// holds the demo data set is left alone (`AlreadyThere`, so `demo` can be run twice);
/// one holding other data is refused without `force`.
pub fn load_once(store: &mut Store, today: NaiveDate, force: bool) -> Result<Loaded> {
    if store.holds_data()? && !force {
        if store.meta(DATASET)?.as_deref() == Some("demo") {
            return Ok(Loaded::AlreadyThere);
        }
        return Err(Error::Usage(crate::lang::facts::Cli::DemoNotEmpty.into()));
    }
    store.all_or_nothing(|store| {
        if store.holds_data()? {
            store.clear_data()?;
        }
        write_all(store, today)?;
        store.set_meta(DATASET, "demo")?;
        Ok(Loaded::Written)
    })
}

/// What happens to the demo's tasks after they are created, on a date: the store refuses
/// a change dated before a task's last one, so these are written in date order, the
/// 2025 merges among them.
enum Write {
    Progress(i64, ProgressUpdate),
    Urge(i64, String),
    Merge(&'static str, &'static str),
}

impl Write {
    /// Within one day: progress, then urges, then merges.
    fn rank(&self) -> u8 {
        match self {
            Write::Progress(..) => 0,
            Write::Urge(..) => 1,
            Write::Merge(..) => 2,
        }
    }
}

fn write_all(store: &mut Store, today: NaiveDate) -> Result<()> {
    for &(code, name, kind, parent, head, members, staff) in data::AGENCIES {
        store.add_agency(Agency {
            code: code.into(),
            name: name.into(),
            kind: kind.parse::<AgencyKind>()?,
            parent: parent.map(Into::into),
            head: head.map(Into::into),
            members,
            staff,
        })?;
    }
    let mut ids: HashMap<(&str, &str), i64> = HashMap::new();
    let mut steps: Vec<(NaiveDate, Write)> = Vec::new();
    for p in data::PROGRAMS {
        store.add_program(Program {
            code: p.code.into(),
            title: p.title.into(),
            kind: p.kind.parse::<ProgramKind>()?,
            starts_on: date(p.starts_on)?,
            ends_on: date(p.ends_on)?,
            parties: p.parties.iter().map(|s| s.to_string()).collect(),
            basis: p.basis.map(Into::into),
            review_months: p.review_months,
        })?;
        for t in p.tasks {
            let id = add_fixed_task(store, p.code, t, &mut steps)?;
            ids.insert((p.code, t.title), id);
        }
    }
    for &(program, title, on, message) in data::URGES {
        let id = ids.get(&(program, title)).copied().ok_or_else(|| {
            Error::Other(format!("The demo urges a task it does not hold: {title}.").into())
        })?;
        steps.push((date(on)?, Write::Urge(id, message.to_string())));
    }
    add_live_program(store, today, &mut steps)?;
    for &(old, new, on) in data::MERGES {
        let on = date(on)?;
        if on <= today {
            steps.push((on, Write::Merge(old, new)));
        }
    }
    steps.sort_by_key(|(on, step)| (*on, step.rank()));
    for (on, step) in steps {
        match step {
            Write::Progress(id, u) => {
                store.update_progress(id, None, u)?;
            }
            Write::Urge(id, message) => {
                store.urge_task(id, &message, on)?;
            }
            Write::Merge(old, new) => {
                store.merge_agency(old, new, on)?;
            }
        }
    }
    Ok(())
}

/// The agency that does `code`'s work on `on`: its successor if a demo merge dated then
/// or earlier ended it.
fn successor(code: &'static str, on: NaiveDate) -> Result<&'static str> {
    let mut code = code;
    while let Some(&(_, new, d)) = data::MERGES.iter().find(|m| m.0 == code) {
        if date(d)? > on {
            break;
        }
        code = new;
    }
    Ok(code)
}

/// A fixed date of the demo tables.
fn date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::Other(format!("The demo data holds a bad date `{s}`.").into()))
}

fn progress(n: u8) -> Result<Progress> {
    Progress::new(i64::from(n))
}

/// One progress update of a task's history: date, percentage, note.
type Step = (NaiveDate, u8, String);

const NOTE_PLAN: &str = "Đã ban hành kế hoạch triển khai thực hiện.";
const NOTE_DOING: &str = "Đang tổ chức thực hiện theo kế hoạch.";
const NOTE_ALMOST: &str = "Cơ bản hoàn thành các nội dung, đang hoàn thiện báo cáo.";
const NOTE_DONE: &str = "Hoàn thành, đã báo cáo kết quả.";
const NOTE_LATE: &str = "Hoàn thành chậm so với lộ trình; đã báo cáo, giải trình nguyên nhân.";
const NOTE_RECURRING_DONE: &str = "Tổng kết giai đoạn: hoàn thành nhiệm vụ thường xuyên.";

fn roadmap_note(level: u8) -> &'static str {
    match level {
        0..=30 => NOTE_PLAN,
        31..=69 => NOTE_DOING,
        _ => NOTE_ALMOST,
    }
}

/// The progress updates of a fixed task, oldest first: evenly spaced between its creation
/// and its end for a roadmap task, one per year-end review (*sơ kết năm*) for a recurring
/// one, then the last update (done, or left open).
fn steps(t: &TaskRow) -> Result<Vec<Step>> {
    let created = date(t.created_on)?;
    let deadline = t.deadline.map(date).transpose()?;
    let (end, target) = match t.end {
        End::Done(d) => (date(d)?, 100u8),
        End::Open(d, p) => (date(d)?, p),
    };
    let mut out: Vec<Step> = Vec::new();
    if deadline.is_some() {
        let span = (end - created).num_days();
        let levels: &[(i64, u32)] = if span > 360 {
            &[(1, 20), (2, 50), (3, 80)]
        } else if span > 90 {
            &[(1, 30), (2, 70)]
        } else {
            &[(1, 50)]
        };
        let parts = levels.len() as i64 + 1;
        for &(k, level) in levels {
            let p = (u32::from(target) * level / 100).max(5) as u8;
            if p < target && out.last().is_none_or(|s: &Step| s.1 < p) {
                let on = created + Duration::days(span * k / parts);
                out.push((on, p, roadmap_note(level as u8).to_string()));
            }
        }
    } else {
        let reviews: Vec<NaiveDate> = (created.year()..=end.year())
            .filter_map(|y| NaiveDate::from_ymd_opt(y, 12, 31))
            .filter(|d| *d > created + Duration::days(30) && *d < end - Duration::days(30))
            .collect();
        let n = reviews.len() as u32 + 1;
        for (k, on) in reviews.iter().enumerate() {
            let p = (u32::from(target) * (k as u32 + 1) / n).max(5) as u8;
            if p < target {
                out.push((
                    *on,
                    p,
                    format!(
                        "Sơ kết năm {}: triển khai thường xuyên, nền nếp.",
                        on.year()
                    ),
                ));
            }
        }
    }
    let last_note = match (t.note, t.end, deadline) {
        (Some(n), _, _) => n.to_string(),
        (None, End::Open(..), _) => NOTE_DOING.to_string(),
        (None, End::Done(_), None) => NOTE_RECURRING_DONE.to_string(),
        (None, End::Done(_), Some(d)) if end > d => NOTE_LATE.to_string(),
        (None, End::Done(_), Some(_)) => NOTE_DONE.to_string(),
    };
    out.push((end, target, last_note));
    Ok(out)
}

fn add_fixed_task(
    store: &mut Store,
    program: &str,
    t: &TaskRow,
    out: &mut Vec<(NaiveDate, Write)>,
) -> Result<i64> {
    let deadline = t.deadline.map(date).transpose()?;
    let task = store.add_task(NewTask {
        program: program.into(),
        category: t.category.into(),
        title: t.title.into(),
        description: None,
        lead: t.lead.into(),
        with: t.with.iter().map(|s| s.to_string()).collect(),
        cadence: if deadline.is_some() {
            Cadence::Roadmap
        } else {
            Cadence::Recurring
        },
        deadline,
        basis: t.basis.map(Into::into),
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: date(t.created_on)?,
        completed_on: None,
    })?;
    for (on, p, note) in steps(t)? {
        out.push((
            on,
            Write::Progress(
                task.id,
                ProgressUpdate {
                    progress: Some(progress(p)?),
                    status: None,
                    note: Some(note),
                    on,
                },
            ),
        ));
    }
    Ok(task.id)
}

/// The code of the current-year program (it must not clash with a fixed one).
pub fn live_program_code(today: NaiveDate) -> String {
    let code = format!("PH-{}", today.year());
    if data::PROGRAMS.iter().any(|p| p.code == code) {
        format!("CTPH-{}", today.year())
    } else {
        code
    }
}

fn add_live_program(
    store: &mut Store,
    today: NaiveDate,
    out: &mut Vec<(NaiveDate, Write)>,
) -> Result<()> {
    let year = today.year();
    let days = Duration::days;
    let created = today - days(data::LIVE_CREATED);
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(created);
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    let starts_on = jan1.min(created);
    let code = live_program_code(today);
    // The bodies that sign it are those of its start: after the 2025 reorganisation the
    // Đảng ủy UBND tỉnh and the Ban Tuyên giáo và Dân vận.
    let mut parties: Vec<String> = Vec::new();
    for &p in data::LIVE_PARTIES {
        let p = successor(p, starts_on)?.to_string();
        if !parties.contains(&p) {
            parties.push(p);
        }
    }
    let first = store.agency(&parties[0])?;
    store.add_program(Program {
        code: code.clone(),
        title: format!(
            "Chương trình phối hợp công tác năm {year} giữa {} và các ban xây dựng Đảng Tỉnh ủy",
            first.name
        ),
        kind: ProgramKind::Coordination,
        starts_on,
        ends_on: dec31.max(today + days(120)),
        parties,
        basis: Some("Quy định 08-QĐi/TW; Nghị quyết 05-NQ/TU".into()),
        review_months: 6,
    })?;
    for t in data::LIVE_TASKS {
        add_live_task(store, &code, t, today, created, out)?;
    }
    Ok(())
}

fn add_live_task(
    store: &mut Store,
    program: &str,
    t: &LiveTask,
    today: NaiveDate,
    created: NaiveDate,
    out: &mut Vec<(NaiveDate, Write)>,
) -> Result<()> {
    let days = Duration::days;
    let deadline = t.deadline.map(|d| today + days(d));
    let lead = successor(t.lead, created)?;
    let mut with: Vec<String> = Vec::new();
    for &w in t.with {
        let w = successor(w, created)?;
        if w != lead && !with.iter().any(|x| x == w) {
            with.push(w.to_string());
        }
    }
    let task = store.add_task(NewTask {
        program: program.into(),
        category: t.category.into(),
        title: t.title.replace("{Y}", &today.year().to_string()),
        description: None,
        lead: lead.into(),
        with,
        cadence: if deadline.is_some() {
            Cadence::Roadmap
        } else {
            Cadence::Recurring
        },
        deadline,
        basis: None,
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: created,
        completed_on: None,
    })?;
    let mid = |last: i64| created + days((today + days(last) - created).num_days() / 2);
    let mut updates: Vec<ProgressUpdate> = Vec::new();
    let upd =
        |on: NaiveDate, p: u8, status: Option<Status>, note: &str| -> Result<ProgressUpdate> {
            Ok(ProgressUpdate {
                progress: Some(progress(p)?),
                status,
                note: Some(note.to_string()),
                on,
            })
        };
    match t.state {
        Live::NotStarted => {}
        Live::Open(last, p) => {
            if p >= 10 {
                updates.push(upd(mid(last), p / 2, None, NOTE_PLAN)?);
            }
            updates.push(upd(today + days(last), p, None, NOTE_DOING)?);
        }
        Live::Done(on) => {
            let on = today + days(on);
            updates.push(upd(
                mid(on.signed_duration_since(today).num_days()),
                50,
                None,
                NOTE_PLAN,
            )?);
            let late = deadline.is_some_and(|d| on > d);
            updates.push(upd(
                on,
                100,
                None,
                if late { NOTE_LATE } else { NOTE_DONE },
            )?);
        }
        Live::Suspended(last, p) => {
            updates.push(upd(mid(last), p, None, NOTE_PLAN)?);
            updates.push(upd(
                today + days(last),
                p,
                Some(Status::Suspended),
                "Tạm dừng, chờ hướng dẫn của Trung ương.",
            )?);
        }
    }
    for u in updates {
        out.push((u.on, Write::Progress(task.id, u)));
    }
    for &(on, message) in t.urges {
        out.push((today + days(on), Write::Urge(task.id, message.to_string())));
    }
    Ok(())
}
