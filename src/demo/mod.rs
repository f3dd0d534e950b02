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
pub use gen::{generate, GenOptions};

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
            let id = add_fixed_task(store, p.code, t)?;
            ids.insert((p.code, t.title), id);
        }
    }
    for &(program, title, on, message) in data::URGES {
        let id = ids.get(&(program, title)).copied().ok_or_else(|| {
            Error::Other(format!("The demo urges a task it does not hold: {title}.").into())
        })?;
        store.urge_task(id, message, date(on)?)?;
    }
    add_live_program(store, today)
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

fn add_fixed_task(store: &mut Store, program: &str, t: &TaskRow) -> Result<i64> {
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
        store.update_progress(
            task.id,
            None,
            ProgressUpdate {
                progress: Some(progress(p)?),
                status: None,
                note: Some(note),
                on,
            },
        )?;
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

fn add_live_program(store: &mut Store, today: NaiveDate) -> Result<()> {
    let year = today.year();
    let days = Duration::days;
    let created = today - days(data::LIVE_CREATED);
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(created);
    let dec31 = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    let code = live_program_code(today);
    store.add_program(Program {
        code: code.clone(),
        title: format!(
            "Chương trình phối hợp công tác năm {year} giữa Ban Cán sự Đảng UBND tỉnh và các ban xây dựng Đảng Tỉnh ủy"
        ),
        kind: ProgramKind::Coordination,
        starts_on: jan1.min(created),
        ends_on: dec31.max(today + days(120)),
        parties: ["BCSD-UBND", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        basis: Some("Quy định 08-QĐ/TW; Nghị quyết 05-NQ/TU".into()),
        review_months: 6,
    })?;
    for t in data::LIVE_TASKS {
        add_live_task(store, &code, t, today, created)?;
    }
    Ok(())
}

fn add_live_task(
    store: &mut Store,
    program: &str,
    t: &LiveTask,
    today: NaiveDate,
    created: NaiveDate,
) -> Result<()> {
    let days = Duration::days;
    let deadline = t.deadline.map(|d| today + days(d));
    let task = store.add_task(NewTask {
        program: program.into(),
        category: t.category.into(),
        title: t.title.replace("{Y}", &today.year().to_string()),
        description: None,
        lead: t.lead.into(),
        with: t.with.iter().map(|s| s.to_string()).collect(),
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
        store.update_progress(task.id, None, u)?;
    }
    for &(on, message) in t.urges {
        store.urge_task(task.id, message, today + days(on))?;
    }
    Ok(())
}
