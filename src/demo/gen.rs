//! `gen`: a deterministic synthetic database for benchmarks. The same seed, counts and
//! `today` give the same data. Titles combine the seeds' wording with diacritics; the
//! spread over categories follows seed 003 (5/15/4/11/4/16/3); deadlines lie around
//! `today` (many done, some overdue, some due soon).

use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use crate::domain::{Agency, AgencyKind, Cadence, Program, ProgramKind, Progress, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Cli;
use crate::store::bulk::BulkTask;
use crate::store::Store;

mod words;
use words::*;

/// Options of `gen`.
#[derive(Debug, Clone, Serialize)]
pub struct GenOptions {
    pub tasks: u64,
    pub agencies: u32,
    pub seed: u64,
}

/// The most agencies `gen` makes.
pub const MAX_AGENCIES: u32 = 100_000;
/// The most tasks `gen` makes.
pub const MAX_TASKS: u64 = 50_000_000;

/// Fills an empty database with synthetic data (deterministic for a seed and `today`), in
/// one transaction with one audit row.
pub fn generate(store: &mut Store, opts: &GenOptions, today: NaiveDate) -> Result<()> {
    generate_reporting(store, opts, today, &mut |_| {})
}

/// [`generate`], calling `done` with the number of tasks made so far (every 1,024 tasks
/// and at the end): a progress bar.
pub fn generate_reporting(
    store: &mut Store,
    opts: &GenOptions,
    today: NaiveDate,
    done: &mut dyn FnMut(u64),
) -> Result<()> {
    if opts.agencies == 0 || opts.agencies > MAX_AGENCIES {
        return Err(Error::Usage(
            Cli::GenAgencies {
                max: MAX_AGENCIES as u64,
            }
            .into(),
        ));
    }
    if opts.tasks > MAX_TASKS {
        return Err(Error::Usage(Cli::GenTasksMax { max: MAX_TASKS }.into()));
    }
    if store.holds_data()? {
        return Err(Error::Usage(Cli::GenNotEmpty.into()));
    }
    let mut rng = StdRng::seed_from_u64(opts.seed);
    let agencies = make_agencies(&mut rng, opts.agencies);
    let programs = make_programs(today, &agencies);
    let weights: Vec<u32> = store
        .categories()?
        .iter()
        .map(|c| category_weight(&c.code))
        .collect();
    if weights.is_empty() && opts.tasks > 0 {
        return Err(Error::invalid(Cli::NoCategories));
    }
    let mut g = TaskGen {
        rng,
        today,
        categories: Cumulative::new(&weights),
        programs: Cumulative::new(PROGRAM_WEIGHTS),
        names: agencies.iter().map(|a| a.name.clone()).collect(),
    };
    let total = opts.tasks;
    let tasks = (0..total).map(move |i| {
        if i % 1024 == 0 {
            done(i);
        }
        g.next_task()
    });
    store.bulk_load(&agencies, &programs, tasks, opts)?;
    Ok(())
}

/// Seed 003's counts per category as weights; other categories weigh 5.
fn category_weight(code: &str) -> u32 {
    match code {
        "ideology" => 5,
        "organization" => 15,
        "inspection" => 4,
        "mass_mobilization" => 11,
        "internal_affairs" => 4,
        "government" => 16,
        "front" => 3,
        _ => 5,
    }
}

/// Weighted choice by cumulative sums.
struct Cumulative {
    sums: Vec<u32>,
}

impl Cumulative {
    fn new(weights: &[u32]) -> Self {
        let mut total = 0;
        let sums = weights
            .iter()
            .map(|w| {
                total += w.max(&1);
                total
            })
            .collect();
        Cumulative { sums }
    }

    fn pick(&self, rng: &mut StdRng) -> usize {
        let total = self.sums.last().copied().unwrap_or(1);
        let r = rng.random_range(0..total);
        self.sums.partition_point(|s| *s <= r)
    }
}

fn pick<'a>(rng: &mut StdRng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

fn person(rng: &mut StdRng) -> String {
    format!(
        "{} {} {}",
        pick(rng, FAMILY),
        pick(rng, MIDDLE),
        pick(rng, GIVEN)
    )
}

fn make_agencies(rng: &mut StdRng, n: u32) -> Vec<Agency> {
    let kind = |k: &str| k.parse().unwrap_or(AgencyKind::Party);
    let mut out: Vec<Agency> = Vec::with_capacity(n as usize);
    for &(code, name, k, parent) in PROVINCIAL.iter().take(n as usize) {
        let counted = code.starts_with("DUK");
        out.push(Agency {
            code: code.into(),
            name: name.into(),
            kind: kind(k),
            parent: parent.map(Into::into),
            head: Some(person(rng)),
            members: counted.then(|| rng.random_range(2_000..9_000)),
            staff: counted.then(|| rng.random_range(3_000..12_000)),
        });
    }
    let mut i = 0usize;
    while out.len() < n as usize {
        let place = PLACES[i % PLACES.len()];
        let (prefix, body, k, parent) = DISTRICT[(i / PLACES.len()) % DISTRICT.len()];
        let round = i / (PLACES.len() * DISTRICT.len());
        let name = if round == 0 {
            format!("{body} {place}")
        } else {
            format!("{body} {place} (cụm {})", round + 1)
        };
        // Top-level parents exist only when n is large enough to hold them.
        let parent = out.iter().any(|a| a.code == parent).then(|| parent.into());
        out.push(Agency {
            code: format!("{prefix}-{i:05}"),
            name,
            kind: kind(k),
            parent,
            head: rng.random_bool(0.8).then(|| person(rng)),
            members: None,
            staff: None,
        });
        i += 1;
    }
    out
}

const PROGRAM_WEIGHTS: &[u32] = &[25, 15, 25, 15, 10, 10];

fn make_programs(today: NaiveDate, agencies: &[Agency]) -> Vec<Program> {
    let y = today.year();
    let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    let parties = |codes: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = codes
            .iter()
            .filter(|c| agencies.iter().any(|a| a.code == **c))
            .map(|c| c.to_string())
            .collect();
        if v.is_empty() {
            v.extend(agencies.first().map(|a| a.code.clone()));
        }
        v
    };
    let program = |code: String,
                   title: String,
                   kind: ProgramKind,
                   from: NaiveDate,
                   to: NaiveDate,
                   p: Vec<String>,
                   basis: &str| Program {
        code,
        title,
        kind,
        starts_on: from,
        ends_on: to,
        parties: p,
        basis: Some(basis.into()),
        review_months: 6,
    };
    vec![
        program(
            format!("CTCT-{y}"),
            format!("Chương trình công tác năm {y} của Ban Thường vụ Tỉnh ủy"),
            ProgramKind::Action,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["TU"]),
            "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh",
        ),
        program(
            format!("PH-{y}"),
            format!("Chương trình phối hợp công tác năm {y} giữa Ban Cán sự Đảng UBND tỉnh và các ban xây dựng Đảng Tỉnh ủy"),
            ProgramKind::Coordination,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["BCSD-UBND", "BTCTU", "BTGTU", "BDVTU", "BNCTU", "UBKTTU"]),
            "Quy định 08-QĐi/TW",
        ),
        program(
            format!("XDHTCT-{}-{}", y - 1, y + 4),
            format!(
                "Chương trình xây dựng hệ thống chính trị của tỉnh giai đoạn {}-{}",
                y - 1,
                y + 4
            ),
            ProgramKind::Building,
            ymd(y - 1, 10, 1),
            ymd(y + 4, 10, 31),
            parties(&["TU", "BTCTU"]),
            "Nghị quyết 18-NQ/TW",
        ),
        program(
            format!("CCHC-{}-{}", y - 3, y + 4),
            format!(
                "Chương trình hành động đẩy mạnh cải cách hành chính giai đoạn {}-{}",
                y - 3,
                y + 4
            ),
            ProgramKind::Action,
            ymd(y - 3, 1, 1),
            ymd(y + 4, 12, 31),
            parties(&["DUK", "BCSD-UBND"]),
            "Nghị quyết 05-NQ/TU",
        ),
        program(
            format!("CDS-{}-{}", y - 1, y + 1),
            format!(
                "Kế hoạch chuyển đổi số trong các cơ quan đảng, chính quyền giai đoạn {}-{}",
                y - 1,
                y + 1
            ),
            ProgramKind::Action,
            ymd(y - 1, 1, 1),
            ymd(y + 1, 12, 31),
            parties(&["UBND", "STTTT"]),
            "Nghị quyết 05-NQ/TU",
        ),
        program(
            format!("DV-{y}"),
            format!("Chương trình phối hợp công tác dân vận năm {y}"),
            ProgramKind::Coordination,
            ymd(y, 1, 1),
            ymd(y, 12, 31),
            parties(&["BDVTU", "MTTQ", "BCSD-UBND"]),
            "Quyết định 290-QĐ/TW",
        ),
    ]
}

struct TaskGen {
    rng: StdRng,
    today: NaiveDate,
    categories: Cumulative,
    programs: Cumulative,
    names: Vec<String>,
}

impl TaskGen {
    fn days(&mut self, lo: i64, hi: i64) -> Duration {
        Duration::days(self.rng.random_range(lo..=hi))
    }

    fn title(&mut self, category: usize, lead: usize) -> String {
        let objects = OBJECTS.get(category).copied().unwrap_or(OBJECTS[0]);
        let verb = pick(&mut self.rng, VERBS);
        let object = pick(&mut self.rng, objects);
        let mut t = String::with_capacity(112);
        t.push_str(verb);
        t.push(' ');
        t.push_str(object);
        let len = |s: &str| s.chars().count();
        let r = self.rng.random_range(0..10u32);
        let year;
        let tail: Option<&str> = match r {
            0..=2 => {
                let y = self.today.year() + self.rng.random_range(-2..=1);
                year = match self.rng.random_range(0..3u32) {
                    0 => format!("năm {y}"),
                    1 => format!("6 tháng đầu năm {y}"),
                    _ => {
                        let q = ["I", "II", "III", "IV"][self.rng.random_range(0..4usize)];
                        format!("quý {q} năm {y}")
                    }
                };
                Some(&year)
            }
            3..=5 => Some(pick(&mut self.rng, TAILS)),
            6..=7 => self.names.get(lead).map(|n| n.as_str()),
            _ => None,
        };
        if let Some(tail) = tail {
            let prep = if r >= 6 { "tại " } else { "" };
            if len(&t) + 1 + len(prep) + len(tail) <= 90 {
                t.push(' ');
                t.push_str(prep);
                t.push_str(tail);
            }
        }
        if len(&t) < 30 {
            t.push_str(" trong tình hình mới");
        }
        t
    }

    fn next_task(&mut self) -> BulkTask {
        let today = self.today;
        let category = self.categories.pick(&mut self.rng);
        let program = self.programs.pick(&mut self.rng);
        let n = self.names.len();
        let lead = self.rng.random_range(0..n);
        let mut with = Vec::new();
        let k = match self.rng.random_range(0..100u32) {
            0..=29 => 0,
            30..=74 => 1,
            _ => 2,
        };
        for _ in 0..k.min(n.saturating_sub(1)) {
            let w = self.rng.random_range(0..n);
            if w != lead && !with.contains(&w) {
                with.push(w);
            }
        }
        let roadmap = self.rng.random_bool(0.7);
        let (deadline, created) = if roadmap {
            let d = today + self.days(-540, 240);
            let c = (d - self.days(45, 720)).min(today);
            (Some(d), c)
        } else {
            (None, today - self.days(30, 1500))
        };
        let r = self.rng.random_range(0..100u32);
        let (status, completed_on) = match deadline {
            Some(d) if d < today => match r {
                0..=61 => {
                    let from = created.max(d - Duration::days(90));
                    let span = (d - from).num_days().max(0);
                    (Status::Done, Some(from + self.days(0, span)))
                }
                62..=79 => {
                    let span = (today - d).num_days().max(1);
                    (Status::Done, Some(d + self.days(1, span)))
                }
                80..=96 => (Status::InProgress, None),
                _ => (Status::Suspended, None),
            },
            Some(_) => match r {
                0..=21 => {
                    let span = (today - created).num_days().max(0);
                    (Status::Done, Some(created + self.days(0, span)))
                }
                22..=74 => (Status::InProgress, None),
                75..=96 => (Status::NotStarted, None),
                _ => (Status::Suspended, None),
            },
            None => match r {
                0..=29 => {
                    let span = (today - created).num_days().max(0);
                    (Status::Done, Some(created + self.days(0, span)))
                }
                30..=89 => (Status::InProgress, None),
                _ => (Status::NotStarted, None),
            },
        };
        let p = match status {
            Status::Done => 100,
            Status::InProgress => self.rng.random_range(5..=95),
            Status::Suspended => self.rng.random_range(0..=60),
            Status::NotStarted => 0,
        };
        let note = match (status, deadline, completed_on) {
            (Status::Done, Some(d), Some(c)) if c > d => Some(NOTE_LATE),
            (Status::Done, ..) => Some(NOTE_DONE),
            (Status::InProgress, ..) => Some(NOTE_DOING),
            (Status::Suspended, ..) => Some(NOTE_PAUSED),
            (Status::NotStarted, ..) => None,
        };
        let basis = self
            .rng
            .random_bool(0.2)
            .then(|| pick(&mut self.rng, BASES));
        BulkTask {
            program,
            category,
            title: self.title(category, lead),
            lead,
            with,
            cadence: if roadmap {
                Cadence::Roadmap
            } else {
                Cadence::Recurring
            },
            deadline,
            status,
            progress: Progress::new(p).unwrap_or_default(),
            completed_on,
            basis,
            created_on: created,
            note,
            // An open task reached its state halfway between its creation and today.
            updated_on: matches!(status, Status::InProgress | Status::Suspended)
                .then(|| created + Duration::days((today - created).num_days().max(0) / 2)),
        }
    }
}

#[cfg(test)]
mod tests;
