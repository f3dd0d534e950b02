//! Concurrency through real processes: many writers on overlapping tasks mixing updates,
//! edits and urges (every confirmed write recorded, versions consistent, no "database is
//! locked"), and two editors with the same `--expect-version` (exactly one wins, the
//! other exits 4 and changes nothing).
//!
//! The bounded version runs in `cargo test`; scripts/stress.sh sets REL_WRITERS and
//! REL_UPDATES for the long runs (8 × 250, and 32 writers in its long mode).

mod cli_support;
mod rel_support;

use std::collections::HashMap;
use std::path::Path;

use cli_support::Db;
use rel_support::{assert_one_sentence, cmd, knob, parts, scalar};

/// What one writer process did.
#[derive(Debug)]
enum Op {
    Update { task: i64, note: String },
    Edit { task: i64, title: String },
    Urge { task: i64, message: String },
}

fn op_for(w: usize, i: usize, tasks: &[i64]) -> Op {
    // Writers start on different tasks and walk over all of them, so every task is
    // written by every writer.
    let task = tasks[(w + i) % tasks.len()];
    match i % 10 {
        3 => Op::Edit {
            task,
            title: format!("Nhiệm vụ {task} — sửa bởi w{w} lần {i}"),
        },
        7 => Op::Urge {
            task,
            message: format!("Đôn đốc w{w}-u{i}"),
        },
        _ => Op::Update {
            task,
            note: format!("w{w}-u{i}"),
        },
    }
}

fn run_op(db: &Path, w: usize, i: usize, op: &Op) -> (i32, String, String) {
    let mut c = cmd(db);
    match op {
        Op::Update { task, note } => c
            .args(["task", "update", &task.to_string()])
            .args(["--progress", &((w * 7 + i) % 100).to_string()])
            .args(["--note", note]),
        Op::Edit { task, title } => c
            .args(["task", "edit", &task.to_string()])
            .args(["--title", title]),
        Op::Urge { task, message } => c
            .args(["task", "urge", &task.to_string()])
            .args(["--message", message]),
    };
    parts(&c.output().expect("run phoihop"))
}

#[test]
fn many_writers_mixed_writes_on_overlapping_tasks() {
    let writers = knob("REL_WRITERS", 8);
    let per_writer = knob("REL_UPDATES", 25);
    let db = Db::new();
    let tasks = db.seed(&[
        ("ideology", "Một", "A", Some("2030-06-30")),
        ("organization", "Hai", "B", Some("2030-06-30")),
        ("front", "Ba", "A", None),
        ("inspection", "Bốn", "B", Some("2031-01-31")),
    ]);
    let audit_before = scalar(&db.path, "SELECT count(*) FROM audit");
    let started = std::time::Instant::now();
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let path = db.path.clone();
            let tasks = tasks.clone();
            std::thread::spawn(move || {
                let mut done = Vec::new();
                let mut failures = Vec::new();
                for i in 0..per_writer {
                    let op = op_for(w, i, &tasks);
                    let (code, out, err) = run_op(&path, w, i, &op);
                    if code == 0 && err.is_empty() && !out.trim().is_empty() {
                        done.push(op);
                    } else {
                        failures.push(format!("w{w}-{i} {op:?}: exit {code}: {err}"));
                    }
                }
                (done, failures)
            })
        })
        .collect();
    let mut done = Vec::new();
    let mut failures = Vec::new();
    for h in handles {
        let (d, f) = h.join().expect("writer thread");
        done.extend(d);
        failures.extend(f);
    }
    let elapsed = started.elapsed();
    eprintln!(
        "{writers} writers × {per_writer} writes: {} confirmed in {:.1} s",
        done.len(),
        elapsed.as_secs_f64()
    );
    assert!(
        !failures
            .iter()
            .any(|f| f.contains("locked") || f.contains("busy")),
        "{failures:?}"
    );
    assert!(
        failures.is_empty(),
        "{} failed writes, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    assert_eq!(done.len(), writers * per_writer);

    // Per task: every confirmed update is one history row with its note, every edit one
    // version, every urge one urge row with its message.
    let mut updates: HashMap<i64, Vec<&str>> = HashMap::new();
    let mut edits: HashMap<i64, usize> = HashMap::new();
    let mut urges: HashMap<i64, Vec<&str>> = HashMap::new();
    for op in &done {
        match op {
            Op::Update { task, note } => updates.entry(*task).or_default().push(note),
            Op::Edit { task, .. } => *edits.entry(*task).or_default() += 1,
            Op::Urge { task, message } => urges.entry(*task).or_default().push(message),
        }
    }
    for t in &tasks {
        let shown = db.json(&["task", "show", &t.to_string()]);
        let history = shown["history"].as_array().unwrap();
        let notes: Vec<&str> = history.iter().filter_map(|h| h["note"].as_str()).collect();
        let want_notes = updates.get(t).cloned().unwrap_or_default();
        // Creation, then one version per confirmed update and per edit.
        let n_edits_here = edits.get(t).copied().unwrap_or(0);
        assert_eq!(
            history.len(),
            1 + want_notes.len() + n_edits_here,
            "task {t} history"
        );
        for n in &want_notes {
            assert_eq!(
                notes.iter().filter(|x| *x == n).count(),
                1,
                "task {t}: note {n}"
            );
        }
        let n_edits = edits.get(t).copied().unwrap_or(0);
        assert_eq!(
            shown["version"].as_i64().unwrap() as usize,
            1 + want_notes.len() + n_edits,
            "task {t}: version = 1 + updates + edits"
        );
        let got_urges: Vec<&str> = shown["urges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["message"].as_str().unwrap())
            .collect();
        let mut want_urges = urges.get(t).cloned().unwrap_or_default();
        let mut got_sorted = got_urges.clone();
        want_urges.sort();
        got_sorted.sort();
        assert_eq!(got_sorted, want_urges, "task {t} urges");
        // The last history row is the task's state.
        let last = history.last().unwrap();
        assert_eq!(last["progress"], shown["progress"], "task {t}");
        assert_eq!(last["status"], shown["status"], "task {t}");
    }
    assert_eq!(
        scalar(&db.path, "SELECT count(*) FROM audit"),
        audit_before + done.len() as i64,
        "one audit row per confirmed write"
    );
    db.ok(&["check"]);
}

/// Starts two writers at once; returns both results in the order given.
fn race(db: &Path, a: &[String], b: &[String]) -> [(i32, String, String); 2] {
    let ca = cmd(db).args(a).spawn_output();
    let cb = cmd(db).args(b).spawn_output();
    [ca.wait(), cb.wait()]
}

/// A child whose output is collected on wait.
struct Pending(std::process::Child);

impl Pending {
    fn wait(self) -> (i32, String, String) {
        parts(&self.0.wait_with_output().expect("wait"))
    }
}

trait SpawnOutput {
    fn spawn_output(&mut self) -> Pending;
}

impl SpawnOutput for std::process::Command {
    fn spawn_output(&mut self) -> Pending {
        use std::process::Stdio;
        Pending(
            self.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn phoihop"),
        )
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn two_editors_same_expected_version_exactly_one_wins() {
    let rounds = knob("REL_RACE_ROUNDS", 12);
    let db = Db::new();
    let id = db.seed(&[("ideology", "Nhiệm vụ tranh chấp", "A", Some("2030-06-30"))])[0];
    let ids = id.to_string();
    let mut wins = [0usize; 2];
    for r in 0..rounds {
        let before = db.json(&["task", "show", &ids]);
        let v = before["version"].as_i64().unwrap();
        let vs = v.to_string();
        let history_before = before["history"].as_array().unwrap().len();
        let audit_before = scalar(&db.path, "SELECT count(*) FROM audit");
        // Alternate the kinds of write that collide: update/update, update/edit,
        // edit/edit.
        let (a, b) = match r % 3 {
            0 => (
                strings(&[
                    "task",
                    "update",
                    &ids,
                    "--progress",
                    "11",
                    "--note",
                    &format!("a{r}"),
                    "--expect-version",
                    &vs,
                ]),
                strings(&[
                    "task",
                    "update",
                    &ids,
                    "--progress",
                    "22",
                    "--note",
                    &format!("b{r}"),
                    "--expect-version",
                    &vs,
                ]),
            ),
            1 => (
                strings(&[
                    "task",
                    "update",
                    &ids,
                    "--progress",
                    "33",
                    "--note",
                    &format!("a{r}"),
                    "--expect-version",
                    &vs,
                ]),
                strings(&[
                    "task",
                    "edit",
                    &ids,
                    "--title",
                    &format!("Tiêu đề b{r}"),
                    "--expect-version",
                    &vs,
                ]),
            ),
            _ => (
                strings(&[
                    "task",
                    "edit",
                    &ids,
                    "--title",
                    &format!("Tiêu đề a{r}"),
                    "--expect-version",
                    &vs,
                ]),
                strings(&[
                    "task",
                    "edit",
                    &ids,
                    "--title",
                    &format!("Tiêu đề b{r}"),
                    "--expect-version",
                    &vs,
                ]),
            ),
        };
        let [ra, rb] = race(&db.path, &a, &b);
        let codes = (ra.0, rb.0);
        let (winner, loser) = match codes {
            (0, 4) => (0, &rb),
            (4, 0) => (1, &ra),
            _ => panic!("round {r}: exits {codes:?}: {} | {}", ra.2, rb.2),
        };
        wins[winner] += 1;
        assert_one_sentence(&loser.2);
        assert!(loser.1.is_empty(), "the loser printed {}", loser.1);
        assert!(loser.2.contains("version"), "{}", loser.2);

        let after = db.json(&["task", "show", &ids]);
        assert_eq!(after["version"].as_i64().unwrap(), v + 1, "round {r}");
        assert_eq!(
            scalar(&db.path, "SELECT count(*) FROM audit"),
            audit_before + 1,
            "round {r}: only the winner is audited"
        );
        let history = after["history"].as_array().unwrap();
        let notes: Vec<&str> = history.iter().filter_map(|h| h["note"].as_str()).collect();
        let tag = |w: usize| {
            if w == 0 {
                format!("a{r}")
            } else {
                format!("b{r}")
            }
        };
        let win_args = if winner == 0 { &a } else { &b };
        let lose_tag = tag(1 - winner);
        assert!(
            !notes.contains(&lose_tag.as_str()),
            "round {r}: the loser's note is stored"
        );
        assert!(
            !after["title"].as_str().unwrap().ends_with(&lose_tag),
            "round {r}: the loser's title is stored"
        );
        if win_args[1] == "update" {
            assert_eq!(history.len(), history_before + 1);
            assert!(notes.contains(&tag(winner).as_str()));
        } else {
            // An edit is a version of its own too.
            assert_eq!(history.len(), history_before + 1);
            assert!(after["title"].as_str().unwrap().ends_with(&tag(winner)));
        }
    }
    eprintln!("wins: first {} second {}", wins[0], wins[1]);
    // A stale version is refused even with nobody racing.
    let v = db.json(&["task", "show", &ids])["version"]
        .as_i64()
        .unwrap();
    let bytes = db.bytes();
    let (code, _, err) = rel_support::run(
        &db.path,
        &[
            "task",
            "remove",
            &ids,
            "--expect-version",
            &(v - 1).to_string(),
        ],
    );
    assert_eq!(code, 4, "{err}");
    assert!(db.bytes() == bytes);
    db.ok(&["check"]);
}
