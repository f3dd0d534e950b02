//! The live delta (`store::live`) against a fresh full load, over random commit sequences
//! made by another connection: progress, status, edits, lead and category changes,
//! deadlines, moves, removals, restores, new tasks and agency merges, for sessions as of
//! today, as of a past date and as of a later date, whole and narrowed.

use super::*;

/// A small seeded generator (xorshift64*), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
        of[self.below(of.len() as u64) as usize]
    }
}

/// One open session: what it was read for, its tally and its numbers.
struct Session {
    scope: Scope,
    as_of: NaiveDate,
    tally: Tally,
    summary: Summary,
}

const TODAY: (i32, u32, u32) = (2019, 6, 1);

fn sessions(r: &Store) -> Vec<Session> {
    let today = d(TODAY.0, TODAY.1, TODAY.2);
    let scopes = [
        Scope::default(),
        Scope {
            agency: Some("B".into()),
            ..Default::default()
        },
        Scope {
            category: Some("ideology".into()),
            ..Default::default()
        },
        Scope {
            program: Some("Q".into()),
            ..Default::default()
        },
    ];
    let mut out = Vec::new();
    for scope in scopes {
        for as_of in [today, d(2019, 3, 10), d(2019, 7, 15)] {
            let (summary, tally) = r.summary_tally(&scope, as_of, today).expect("load");
            out.push(Session {
                scope: scope.clone(),
                as_of,
                tally,
                summary,
            });
        }
    }
    out
}

/// One random commit by the writer; refused ones (a merged agency, a removed task, a
/// date before the task's last version) leave the database as it was.
fn commit(w: &mut Store, rng: &mut Rng, on: NaiveDate, tasks: &mut i64) {
    let id = 1 + rng.below(*tasks as u64) as i64;
    let agencies = ["A", "B", "C", "D"];
    let _ = match rng.below(10) {
        0..=2 => {
            let status = match rng.below(4) {
                0 => Some(Status::Done),
                1 => Some(Status::Suspended),
                2 => Some(Status::InProgress),
                _ => None,
            };
            w.update_progress(
                id,
                None,
                ProgressUpdate {
                    progress: Some(Progress::new(rng.below(101) as i64).expect("0..=100")),
                    status,
                    note: None,
                    on,
                },
            )
            .map(|_| ())
        }
        3 => {
            let lead = rng.pick(&agencies).to_string();
            let with = vec![rng.pick(&agencies).to_string()];
            let edit = TaskEdit {
                lead: Some(lead),
                with: Some(with),
                ..Default::default()
            };
            w.edit_task(id, None, edit, on).map(|_| ())
        }
        4 => {
            let dl = d(2019, 1 + rng.below(9) as u32, 1 + rng.below(28) as u32);
            let edit = TaskEdit {
                deadline: Some(Some(dl)),
                reason: Some("điều chỉnh".into()),
                category: Some(rng.pick(&["ideology", "mass_mobilization"]).into()),
                ..Default::default()
            };
            w.edit_task(id, None, edit, on).map(|_| ())
        }
        5 => {
            let edit = TaskEdit {
                program: Some(rng.pick(&["P", "Q"]).into()),
                ..Default::default()
            };
            w.edit_task(id, None, edit, on).map(|_| ())
        }
        6 => w.remove_task(id, None, on, Some("trùng")),
        7 => w.restore_task(id, on).map(|_| ()),
        8 => {
            let dl = d(2019, 1 + rng.below(9) as u32, 1 + rng.below(28) as u32);
            let mut t = new_task("Nhiệm vụ mới", rng.pick(&agencies), &[], Some(dl));
            t.created_on = on;
            w.add_task(t).map(|_| {
                *tasks += 1;
            })
        }
        _ if rng.below(6) == 0 => {
            let old = rng.pick(&agencies);
            w.merge_agency(old, rng.pick(&agencies), on).map(|_| ())
        }
        _ => w.urge_task(id, "Đề nghị báo cáo", on).map(|_| ()),
    };
}

#[test]
fn live_delta_equals_a_fresh_full_load() {
    let today = d(TODAY.0, TODAY.1, TODAY.2);
    let (mut applied, mut unchanged, mut full) = (0, 0, 0);
    for seed in 1..=12u64 {
        let (_dir, mut w) = fixture("me");
        w.add_agency(agency("D", "Hội Nông dân tỉnh")).expect("D");
        let mut q = w.program("P").expect("P");
        q.code = "Q".into();
        q.title = "Chương trình công tác dân vận năm 2019".into();
        w.add_program(q).expect("Q");
        let mut tasks = 3;
        let r = reopen_as(&w, "me");
        let mut open = sessions(&r);
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut on = d(2019, 3, 1);
        for step in 0..60 {
            on += chrono::Duration::days(rng.below(3) as i64);
            let on = on.min(today);
            commit(&mut w, &mut rng, on, &mut tasks);
            for s in &mut open {
                let before = s.tally.clone();
                let delta = r
                    .snapshot(|r| r.summary_delta(&mut s.tally, &s.scope, s.as_of, today))
                    .expect("delta");
                match delta {
                    Delta::Applied { summary, .. } => {
                        applied += 1;
                        s.summary = summary;
                    }
                    Delta::Unchanged => unchanged += 1,
                    Delta::Full => {
                        full += 1;
                        assert_eq!(s.tally, before, "a full-load answer leaves the tally");
                        (s.summary, s.tally) =
                            r.summary_tally(&s.scope, s.as_of, today).expect("reload");
                    }
                }
                let fresh = r.summary(&s.scope, s.as_of, today).expect("fresh");
                assert_eq!(
                    s.summary, fresh,
                    "seed {seed}, step {step}, {:?} as of {}",
                    s.scope, s.as_of
                );
            }
        }
    }
    // Every path was taken: the test would catch a delta that always asks for a full load.
    assert!(applied > 500, "applied {applied}");
    assert!(unchanged > 500, "unchanged {unchanged}");
    assert!(full > 10, "full {full}");
}

#[test]
fn past_session_ignores_later_commits_and_replace_all_forces_a_full_load() {
    let today = d(2019, 6, 1);
    let (_dir, mut w) = fixture("me");
    let r = reopen_as(&w, "me");
    let past = d(2019, 3, 10);
    let (_, mut tally) = r
        .summary_tally(&Scope::default(), past, today)
        .expect("load");
    w.update_progress(1, None, upd(40, d(2019, 5, 1)))
        .expect("later");
    let delta = r
        .summary_delta(&mut tally, &Scope::default(), past, today)
        .expect("delta");
    assert_eq!(delta, Delta::Unchanged);
    // A back-dated write touches that date: in full.
    w.update_progress(3, None, upd(10, d(2019, 3, 5)))
        .expect("back-dated");
    let delta = r
        .summary_delta(&mut tally, &Scope::default(), past, today)
        .expect("delta");
    assert_eq!(delta, Delta::Full);
    // Clearing the data (versions deleted) is never applied as a delta.
    let (_, mut tally) = r
        .summary_tally(&Scope::default(), today, today)
        .expect("load");
    w.clear_data().expect("clear");
    let delta = r
        .summary_delta(&mut tally, &Scope::default(), today, today)
        .expect("delta");
    assert_eq!(delta, Delta::Full);
}

/// A table of tasks kept by `Store::table_delta` (and the TUI's `TaskList::refresh` on
/// top of it) against a fresh count and window, over the same random commits, for
/// tables filtered by nothing, status, an agency, a category, overdue, due soon and a
/// title word, live and as of a past date (issue 20: every visible table and count).
#[test]
fn a_table_kept_by_its_delta_equals_a_fresh_count_and_window() {
    use crate::tui::state::tasks::{TaskList, TaskListKind};
    let today = d(TODAY.0, TODAY.1, TODAY.2);
    let filters = || {
        let at = Some(today);
        vec![
            TaskFilter::default(),
            TaskFilter {
                status: Some(Status::InProgress),
                ..Default::default()
            },
            TaskFilter {
                agency: Some("B".into()),
                ..Default::default()
            },
            TaskFilter {
                category: Some("ideology".into()),
                program: Some("P".into()),
                ..Default::default()
            },
            TaskFilter {
                overdue: true,
                as_of: at,
                ..Default::default()
            },
            TaskFilter {
                due_soon: true,
                as_of: at,
                ..Default::default()
            },
            TaskFilter {
                contains: Some("moi".into()),
                ..Default::default()
            },
        ]
    };
    let (mut applied, mut unchanged, mut full) = (0, 0, 0);
    for seed in 1..=8u64 {
        let (_dir, mut w) = fixture("me");
        w.add_agency(agency("D", "Hội Nông dân tỉnh")).expect("D");
        let mut tasks = 3;
        let r = reopen_as(&w, "me");
        let page = 2;
        let mut counts = Vec::new();
        let mut tables = Vec::new();
        for past in [None, Some(d(2019, 3, 10))] {
            for f in filters() {
                let (mark, n) = r
                    .snapshot(|r| Ok((r.table_mark()?, r.count_tasks_at(&f, past)?)))
                    .expect("count");
                counts.push((f.clone(), past, mark, n));
                let mut t = TaskList::new(TaskListKind::All, f.clone());
                t.past = past;
                t.load(&r, page).expect("table");
                tables.push(t);
            }
        }
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut on = d(2019, 3, 1);
        for step in 0..60 {
            on += chrono::Duration::days(rng.below(3) as i64);
            let on = on.min(today);
            commit(&mut w, &mut rng, on, &mut tasks);
            for (f, past, mark, n) in &mut counts {
                match r
                    .snapshot(|r| r.table_delta(f, *past, *mark))
                    .expect("delta")
                {
                    TableDelta::Applied {
                        change, mark: m, ..
                    } => {
                        applied += 1;
                        *n += change;
                        *mark = m;
                    }
                    TableDelta::Unchanged(m) => {
                        unchanged += 1;
                        *mark = m;
                    }
                    TableDelta::Full => {
                        full += 1;
                        (*mark, *n) = r
                            .snapshot(|r| Ok((r.table_mark()?, r.count_tasks_at(f, *past)?)))
                            .expect("recount");
                    }
                }
                let fresh = r.count_tasks_at(f, *past).expect("fresh");
                assert_eq!(*n, fresh, "seed {seed}, step {step}, {f:?} as of {past:?}");
            }
            for t in &mut tables {
                // The cursor somewhere in the table, as a user leaves it.
                if t.total > 0 && rng.below(3) == 0 {
                    t.cursor.selected = rng.below(t.total as u64) as usize;
                    t.cursor.follow(t.total, page);
                    t.ensure_window(&r, page).expect("window");
                }
                t.refresh(&r, page).expect("refresh");
                let mut fresh = TaskList::new(TaskListKind::All, t.filter.clone());
                fresh.past = t.past;
                fresh.cursor = t.cursor;
                fresh.load(&r, page).expect("fresh table");
                // The rows as shown, whole: a touched task shown must show its new state.
                let ids = |x: &TaskList| x.visible(page).to_vec();
                assert_eq!(
                    t.total, fresh.total,
                    "seed {seed}, step {step}, {:?}",
                    t.filter
                );
                assert_eq!(
                    ids(t),
                    ids(&fresh),
                    "seed {seed}, step {step}, {:?}",
                    t.filter
                );
            }
        }
    }
    assert!(applied > 300, "applied {applied}");
    assert!(unchanged > 300, "unchanged {unchanged}");
    assert!(full > 10, "full {full}");
}
