//! The national roll-up (*tổng hợp toàn quốc*): one report over the provinces' replicas.
//!
//! Each replica is opened read-only on its own connection ([`Store::open_replica`]:
//! `immutable=1`, or `mode=ro` when a -wal is beside it), never attached, so there is no
//! limit on how many are read. The files are read on as many threads as the machine has
//! cores, each province's report built by the one report use case ([`report::build`]), so
//! a province's row is that province's own `report`.
//!
//! Before its numbers are summed, a province is judged: a replica whose schema version is
//! not this phoihop's, that fails the check, or whose newest write is older than
//! `max_age` (its replication has stopped, or nobody has written there) is listed with its
//! reason and left out of the totals.

pub mod docx;
pub mod render;
pub mod xlsx;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::report::{self, Report};
use crate::store::replica::OpenMode;
use crate::store::{schema, CategoryCounts, Counts, Store};

/// The `meta` keys that name a province (set by its admin); else the file's name is used.
pub const META_NAME: &str = "province_name";
pub const META_CODE: &str = "province_code";

/// How thoroughly each replica is checked before it is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Check {
    /// No check.
    None,
    /// SQLite's `quick_check` and the audit log's hash chain.
    #[default]
    Quick,
    /// Everything `phoihop check` verifies (integrity, foreign keys, the audit chain, the
    /// domain's rules).
    Full,
}

/// What a roll-up covers.
#[derive(Debug, Clone)]
pub struct Request {
    /// One program code (in every province), or all programs.
    pub program: Option<String>,
    pub from: Option<NaiveDate>,
    /// The date the roll-up is as of.
    pub to: NaiveDate,
    /// A province whose newest write is older than this (seconds) is stale.
    pub max_age: Option<i64>,
    pub check: Check,
}

/// Why a province is not summed.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Read and summed.
    Summed,
    /// The newest write is older than `max_age` (or the file was never written).
    Stale { last_write: Option<DateTime<Utc>> },
    /// Another schema version than this phoihop's.
    Schema { found: i64 },
    /// The check found problems (the first few, one sentence each).
    Failed { findings: Vec<String> },
    /// The file could not be opened or read.
    Unreadable { error: String },
}

impl State {
    /// The machine-readable name (JSON, CSV).
    pub fn code(&self) -> &'static str {
        match self {
            State::Summed => "summed",
            State::Stale { .. } => "stale",
            State::Schema { .. } => "schema_mismatch",
            State::Failed { .. } => "check_failed",
            State::Unreadable { .. } => "unreadable",
        }
    }

    /// One sentence saying why the province is not summed, in the language.
    pub fn reason(&self, lang: &str, max_age: Option<i64>) -> String {
        let vi = lang == "vi";
        match self {
            State::Summed => String::new(),
            State::Stale { last_write } => {
                let age = max_age.map(render::age).unwrap_or_default();
                match (last_write, vi) {
                    (Some(t), true) => format!(
                        "Bản sao cũ: lần ghi mới nhất lúc {} (UTC), quá {age}.",
                        t.format("%d/%m/%Y %H:%M:%S")
                    ),
                    (Some(t), false) => format!(
                        "Stale replica: its newest write is from {} UTC, more than {age} ago.",
                        t.format("%Y-%m-%d %H:%M:%S")
                    ),
                    (None, true) => "Bản sao chưa có lần ghi nào.".into(),
                    (None, false) => "Stale replica: nothing was ever written to it.".into(),
                }
            }
            State::Schema { found } if vi => format!(
                "Phiên bản lược đồ {found}, khác phiên bản {} của phoihop này.",
                schema::LATEST
            ),
            State::Schema { found } => format!(
                "Schema version {found}, not this phoihop's {}.",
                schema::LATEST
            ),
            State::Failed { findings } => {
                let first = findings.first().map(String::as_str).unwrap_or("");
                if vi {
                    format!("Không qua kiểm tra ({} lỗi): {first}", findings.len())
                } else {
                    format!("Fails the check ({} findings): {first}", findings.len())
                }
            }
            State::Unreadable { error } if vi => format!("Không đọc được: {error}"),
            State::Unreadable { error } => format!("Cannot be read: {error}"),
        }
    }
}

/// One province's replica.
#[derive(Debug, Clone)]
pub struct Province {
    /// The code (`meta` province_code, else the file name without `.db`).
    pub code: String,
    /// The name (`meta` province_name, else the code).
    pub name: String,
    pub file: PathBuf,
    pub open_mode: Option<OpenMode>,
    pub schema_version: Option<i64>,
    pub last_write: Option<DateTime<Utc>>,
    pub state: State,
    /// The province's own report (also for a stale one, shown but not summed).
    pub report: Option<Report>,
}

/// The roll-up: every province, and the totals of those summed.
#[derive(Debug, Clone)]
pub struct Rollup {
    pub program: Option<String>,
    pub from: Option<NaiveDate>,
    pub as_of: NaiveDate,
    /// When the roll-up was read (UTC): the time staleness is measured from.
    pub read_at: DateTime<Utc>,
    pub max_age: Option<i64>,
    pub check: Check,
    /// In the order the files were given (a directory's files by name).
    pub provinces: Vec<Province>,
    pub totals: Counts,
    /// Every category, summed over the provinces summed.
    pub categories: Vec<CategoryCounts>,
    pub urges: i64,
    pub due_soon: i64,
}

impl Rollup {
    /// The provinces whose numbers are in the totals.
    pub fn summed(&self) -> impl Iterator<Item = &Province> {
        self.provinces.iter().filter(|p| p.state == State::Summed)
    }
}

/// The replicas named on the command line: each FILE as given, each DIR's `*.db` files by
/// name (not its subdirectories). A path that is neither, or a directory with no `*.db`,
/// is a usage error.
pub fn replica_files(args: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for a in args {
        if a.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(a)
                .map_err(|e| {
                    Error::Other(
                        crate::lang::facts::Db::ListDir {
                            path: a.display().to_string(),
                            detail: e.to_string(),
                        }
                        .into(),
                    )
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "db"))
                .collect();
            if files.is_empty() {
                return Err(Error::Usage(
                    format!(
                        "The directory {} holds no replica (no *.db file).",
                        a.display()
                    )
                    .into(),
                ));
            }
            files.sort();
            out.extend(files);
        } else if a.is_file() {
            out.push(a.clone());
        } else {
            return Err(Error::NotFound(
                format!("There is no replica at {}.", a.display()).into(),
            ));
        }
    }
    if out.is_empty() {
        return Err(Error::Usage(
            crate::lang::facts::Cli::NoReplicasGiven.into(),
        ));
    }
    Ok(out)
}

/// Adds `o` into `into` (the progress mean is recomputed by [`finish`]).
pub fn add_counts(into: &mut Counts, o: &Counts) {
    into.tasks += o.tasks;
    into.done_on_time += o.done_on_time;
    into.done_late += o.done_late;
    into.in_time += o.in_time;
    into.overdue += o.overdue;
    into.progress_sum += o.progress_sum;
}

/// The mean progress of summed counts, to one decimal, as the store computes it.
pub fn finish(c: &mut Counts) {
    c.progress = if c.tasks > 0 {
        (c.progress_sum as f64 / c.tasks as f64 * 10.0).round() / 10.0
    } else {
        0.0
    };
}

fn file_code(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string())
}

/// Reads and judges one replica.
pub fn read_province(
    file: &Path,
    req: &Request,
    today: NaiveDate,
    read_at: DateTime<Utc>,
) -> Province {
    let mut p = Province {
        code: file_code(file),
        name: String::new(),
        file: file.to_path_buf(),
        open_mode: None,
        schema_version: None,
        last_write: None,
        state: State::Summed,
        report: None,
    };
    if let Err(e) = judge(&mut p, req, today, read_at) {
        p.state = State::Unreadable {
            error: crate::domain::text::escape(&e.to_string()).into_owned(),
        };
    }
    if p.name.is_empty() {
        p.name = p.code.clone();
    }
    p
}

fn judge(p: &mut Province, req: &Request, today: NaiveDate, read_at: DateTime<Utc>) -> Result<()> {
    let (store, mode) = Store::open_replica(&p.file)?;
    p.open_mode = Some(mode);
    // The report seeks the same B-trees again and again: a page cache the file's size.
    store.tune_for_report()?;
    let version = store.schema_version()?;
    p.schema_version = Some(version);
    if version != schema::LATEST {
        p.state = State::Schema { found: version };
        return Ok(());
    }
    // Everything from one read transaction: the judgement and the numbers agree.
    store.snapshot(|s| {
        if let Some(code) = s.meta(META_CODE)?.filter(|c| !c.trim().is_empty()) {
            p.code = code;
        }
        if let Some(name) = s.meta(META_NAME)?.filter(|c| !c.trim().is_empty()) {
            p.name = name;
        }
        p.last_write = s.last_write()?;
        let findings = match req.check {
            Check::None => Vec::new(),
            Check::Quick => s.quick_check()?,
            Check::Full => s.check()?.into_iter().map(|f| f.what.to_string()).collect(),
        };
        if !findings.is_empty() {
            p.state = State::Failed { findings };
            return Ok(());
        }
        let rreq = report::Request {
            program: req.program.clone(),
            from: req.from,
            to: req.to,
        };
        // Only what the roll-up prints of a province (docs/performance.md).
        p.report = Some(report::build_parts(s, &rreq, today, report::Parts::Rollup)?);
        if let Some(max) = req.max_age {
            let fresh = p
                .last_write
                .is_some_and(|t| (read_at - t).num_milliseconds() <= max * 1000);
            if !fresh {
                p.state = State::Stale {
                    last_write: p.last_write,
                };
            }
        }
        Ok(())
    })
}

/// Reads every replica (on as many threads as there are cores, each file on its own
/// connection) and sums those that pass.
pub fn build(files: &[PathBuf], req: &Request, today: NaiveDate) -> Result<Rollup> {
    build_reporting(files, req, today, &|| {})
}

/// [`build`], calling `read` (from the reading threads) as each replica is read: a
/// progress bar over the files.
pub fn build_reporting(
    files: &[PathBuf],
    req: &Request,
    today: NaiveDate,
    read: &(dyn Fn() + Sync),
) -> Result<Rollup> {
    if let Some(f) = req.from {
        if f > req.to {
            return Err(Error::Usage(
                format!("The period starts ({f}) after it ends ({}).", req.to).into(),
            ));
        }
    }
    let read_at = Utc::now();
    let slots: Vec<Mutex<Option<Province>>> = files.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(files.len())
        .max(1);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let p = read_province(file, req, today, read_at);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(p);
                }
                read();
            });
        }
    });
    let mut provinces = Vec::with_capacity(files.len());
    for (slot, file) in slots.into_iter().zip(files) {
        let p = slot
            .into_inner()
            .ok()
            .flatten()
            .unwrap_or_else(|| Province {
                code: file_code(file),
                name: file_code(file),
                file: file.clone(),
                open_mode: None,
                schema_version: None,
                last_write: None,
                state: State::Unreadable {
                    error: "the reading thread stopped".into(),
                },
                report: None,
            });
        provinces.push(p);
    }
    Ok(sum(provinces, req, read_at))
}

/// The totals over the provinces summed.
pub fn sum(provinces: Vec<Province>, req: &Request, read_at: DateTime<Utc>) -> Rollup {
    let mut totals = Counts::default();
    let mut categories: Vec<CategoryCounts> = Vec::new();
    let (mut urges, mut due_soon) = (0, 0);
    for r in provinces
        .iter()
        .filter(|p| p.state == State::Summed)
        .filter_map(|p| p.report.as_ref())
    {
        add_counts(&mut totals, &r.totals);
        urges += r.urges;
        due_soon += r.due_soon;
        for c in &r.categories {
            match categories
                .iter_mut()
                .find(|x| x.category.code == c.category.code)
            {
                Some(x) => add_counts(&mut x.counts, &c.counts),
                None => {
                    let mut c = c.clone();
                    c.counts.progress = 0.0;
                    categories.push(c);
                }
            }
        }
    }
    finish(&mut totals);
    for c in &mut categories {
        finish(&mut c.counts);
    }
    Rollup {
        program: req.program.clone(),
        from: req.from,
        as_of: req.to,
        read_at,
        max_age: req.max_age,
        check: req.check,
        provinces,
        totals,
        categories,
        urges,
        due_soon,
    }
}

#[cfg(test)]
mod tests;
