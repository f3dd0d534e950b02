//! Crashes: `kill -9` of the real binary at random moments of a burst of edits. After
//! every round `PRAGMA integrity_check` is `ok`, `phoihop check` finds nothing, and every
//! write whose process printed its confirmation is in the database.
//!
//! 20 rounds in `cargo test`; scripts/stress.sh sets REL_CRASH_ROUNDS=100. The seed of the
//! random moments is printed; REL_SEED replays it.

mod cli_support;
mod rel_support;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use cli_support::Db;
use rel_support::{cmd, integrity, knob, run};

/// A small xorshift generator: enough for random moments, reproducible from its seed.
pub struct Rng(u64);

impl Rng {
    pub fn from_env() -> Rng {
        let seed = std::env::var("REL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            })
            | 1;
        eprintln!("REL_SEED={seed}");
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Starts one write; its output is read after it ends or is killed.
fn start(db: &Path, args: &[String]) -> Child {
    cmd(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn phoihop")
}

/// The typical duration of one `task update`, to aim the kills inside it.
fn typical_write(db: &Path, task: i64) -> Duration {
    let mut best = Duration::MAX;
    for i in 0..3 {
        let t = Instant::now();
        let (code, _, err) = run(
            db,
            &[
                "task",
                "update",
                &task.to_string(),
                "--note",
                &format!("đo {i}"),
            ],
        );
        assert_eq!(code, 0, "{err}");
        best = best.min(t.elapsed());
    }
    best
}

#[test]
fn kill_9_during_bursts_of_edits_loses_no_confirmed_write() {
    let rounds = knob("REL_CRASH_ROUNDS", 20);
    let burst = knob("REL_CRASH_BURST", 4);
    let mut rng = Rng::from_env();
    let db = Db::new();
    let tasks = db.seed(&[
        ("ideology", "Một", "A", Some("2030-06-30")),
        ("organization", "Hai", "B", Some("2030-06-30")),
    ]);
    let typical = typical_write(&db.path, tasks[0]);
    let window = (typical.as_micros() as u64 * 3 / 2).max(2_000);
    eprintln!("typical write {typical:?}; kills within {window} µs");

    let mut confirmed: Vec<(i64, String, bool)> = Vec::new(); // (task, tag, is_edit)
    let (mut killed, mut finished) = (0usize, 0usize);
    for r in 0..rounds {
        let mut children = Vec::new();
        for k in 0..burst {
            let task = tasks[(r + k) % tasks.len()];
            let tag = format!("r{r}-k{k}");
            let is_edit = k % 3 == 2;
            let args: Vec<String> = if is_edit {
                vec![
                    "task".into(),
                    "edit".into(),
                    task.to_string(),
                    "--title".into(),
                    format!("Tiêu đề {tag}"),
                ]
            } else {
                vec![
                    "task".into(),
                    "update".into(),
                    task.to_string(),
                    "--progress".into(),
                    ((r * 7 + k) % 100).to_string(),
                    "--note".into(),
                    tag.clone(),
                ]
            };
            children.push((task, tag, is_edit, start(&db.path, &args)));
        }
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        // kill -9 every writer of the burst that is still running.
        for (_, _, _, c) in children.iter_mut() {
            if matches!(c.try_wait(), Ok(None)) {
                let _ = c.kill();
                killed += 1;
            } else {
                finished += 1;
            }
        }
        for (task, tag, is_edit, c) in children {
            let out = c.wait_with_output().expect("wait");
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{stderr}");
            if out.status.success() {
                assert!(stderr.is_empty(), "{tag}: {stderr}");
            }
            if stdout.starts_with("Updated task") || stdout.starts_with("Changed task") {
                confirmed.push((task, tag, is_edit));
            }
        }
        // The first look at the file after the crash is a plain SQLite connection.
        assert_eq!(integrity(&db.path), "ok", "round {r}");
        for (task, tag, is_edit) in &confirmed {
            let shown = db.json(&["task", "show", &task.to_string()]);
            if *is_edit {
                // A later edit may have replaced the title: its audit row remains.
                let n = rel_support::scalar(
                    &db.path,
                    &format!(
                        "SELECT count(*) FROM audit WHERE action = 'edit' AND entity_key = '{task}' AND after LIKE '%Tiêu đề {tag}\"%'"
                    ),
                );
                assert_eq!(n, 1, "round {r}: confirmed edit {tag} lost");
            } else {
                let found = shown["history"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|h| h["note"].as_str() == Some(tag));
                assert!(found, "round {r}: confirmed update {tag} lost");
            }
        }
        let (code, out, err) = run(&db.path, &["check"]);
        assert_eq!(code, 0, "round {r}: check: {out} {err}");
    }
    eprintln!(
        "{rounds} rounds: {killed} writers killed, {finished} finished, {} confirmed writes kept",
        confirmed.len()
    );
    assert!(!confirmed.is_empty());
    // The kills must land inside writes at least sometimes, or the test proves nothing.
    assert!(killed > 0, "no writer was ever killed");
}

/// A CSV of `n` tasks for program P led by A, titles tagged with `tag`.
fn import_csv(dir: &Path, tag: &str, n: usize) -> std::path::PathBuf {
    use std::fmt::Write;
    let mut s =
        String::from("program,category,title,lead,with,cadence,deadline,status,progress,basis\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "P,ideology,Nhiệm vụ nhập {tag} số {i},A,B,roadmap,2025-06-30,in_progress,{},Nghị quyết 18-NQ/TW",
            i % 100
        );
    }
    let path = dir.join(format!("{tag}.csv"));
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn kill_9_during_a_large_import_leaves_all_or_nothing() {
    let rounds = knob("REL_CRASH_ROUNDS", 20);
    let n = knob("REL_IMPORT_TASKS", 3000);
    let mut rng = Rng::from_env();
    let db = Db::new();
    db.seed(&[("ideology", "Có sẵn", "A", None)]);
    let count = |sql: &str| rel_support::scalar(&db.path, sql);
    // Aim the kills over the whole import: time one first.
    let t = Instant::now();
    let first = import_csv(db.dir.path(), "do", n);
    let (code, _, err) = run(&db.path, &["import", first.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let window = (t.elapsed().as_micros() as u64 * 6 / 5).max(5_000);
    eprintln!("import of {n} tasks took {:?}", t.elapsed());

    let (mut absent, mut present) = (0, 0);
    for r in 0..rounds {
        let tasks_before = count("SELECT count(*) FROM task");
        let history_before = count("SELECT count(*) FROM task_history");
        let imports_before = count("SELECT count(*) FROM audit WHERE action = 'import'");
        let file = import_csv(db.dir.path(), &format!("r{r}"), n);
        let mut child = start(
            &db.path,
            &["import".to_string(), file.display().to_string()],
        );
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(integrity(&db.path), "ok", "round {r}");
        let tasks = count("SELECT count(*) FROM task");
        let history = count("SELECT count(*) FROM task_history");
        let imports = count("SELECT count(*) FROM audit WHERE action = 'import'");
        let tagged = count(&format!(
            "SELECT count(*) FROM task WHERE title LIKE 'Nhiệm vụ nhập r{r} số %'"
        ));
        if tasks == tasks_before {
            assert!(
                !stdout.starts_with("Imported"),
                "round {r}: confirmed import lost"
            );
            assert_eq!(
                (history, imports, tagged),
                (history_before, imports_before, 0)
            );
            absent += 1;
        } else {
            assert_eq!(
                tasks,
                tasks_before + n as i64,
                "round {r}: a partial import"
            );
            assert_eq!(tagged, n as i64);
            assert_eq!(history, history_before + n as i64);
            // One audit row per task and the import's own.
            assert_eq!(imports, imports_before + n as i64 + 1);
            present += 1;
        }
        let with = count("SELECT count(*) FROM task_with");
        assert_eq!(
            with,
            tasks - 1,
            "round {r}: coordinating agencies of a partial import"
        );
        std::fs::remove_file(&file).unwrap();
    }
    let (code, out, err) = run(&db.path, &["check"]);
    assert_eq!(code, 0, "{out} {err}");
    eprintln!("{rounds} killed imports: {absent} wholly absent, {present} wholly present");
    assert!(absent > 0, "no import was ever interrupted");
}

/// `demo --force` killed with `kill -9` at 20 random moments of its run (REL_SEED replays
/// them): every time the old data, whole (marked by an agency added just before), or the
/// new, whole — never a mix — with `PRAGMA integrity_check` ok and `phoihop check`
/// finding nothing.
#[test]
fn kill_9_during_demo_force_leaves_the_old_data_or_the_new() {
    let rounds = knob("REL_DEMO_KILLS", 20);
    let mut rng = Rng::from_env();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let count = |sql: &str| rel_support::scalar(&db, sql);
    let (code, _, err) = run(&db, &["demo"]);
    assert_eq!(code, 0, "{err}");
    let t = Instant::now();
    let (code, _, err) = run(&db, &["demo", "--force"]);
    assert_eq!(code, 0, "{err}");
    let window = (t.elapsed().as_micros() as u64 * 6 / 5).max(5_000);
    let (agencies, tasks, programs) = (
        count("SELECT count(*) FROM agency"),
        count("SELECT count(*) FROM task WHERE removed_on IS NULL"),
        count("SELECT count(*) FROM program"),
    );
    eprintln!("demo --force took {:?}", t.elapsed());
    let (mut old, mut new) = (0, 0);
    for r in 0..rounds {
        let marker = format!("DAU-{r}");
        let (code, _, err) = run(
            &db,
            &[
                "agency",
                "add",
                &marker,
                "--name",
                &format!("Cơ quan đánh dấu {r}"),
            ],
        );
        assert_eq!(code, 0, "{err}");
        let before = count("SELECT count(*) FROM agency");
        let audit_before = count("SELECT count(*) FROM audit");
        let mut child = start(&db, &["demo".to_string(), "--force".to_string()]);
        std::thread::sleep(Duration::from_micros(rng.below(window)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "round {r}"
        );
        assert_eq!(integrity(&db), "ok", "round {r}");
        let marked = count(&format!(
            "SELECT count(*) FROM agency WHERE code = '{marker}'"
        ));
        let now = (
            count("SELECT count(*) FROM agency"),
            count("SELECT count(*) FROM task WHERE removed_on IS NULL"),
            count("SELECT count(*) FROM program"),
        );
        if marked == 1 {
            // The old data: exactly as it was, its audit log too.
            assert_eq!(
                now,
                (before, tasks, programs),
                "round {r}: old data changed"
            );
            assert_eq!(
                count("SELECT count(*) FROM audit"),
                audit_before,
                "round {r}"
            );
            old += 1;
        } else {
            // The new data: the whole demo, no marker left.
            assert_eq!(now, (agencies, tasks, programs), "round {r}: partial demo");
            assert_eq!(
                count("SELECT count(*) FROM agency WHERE code LIKE 'DAU-%'"),
                0
            );
            new += 1;
        }
        let (code, out, err) = run(&db, &["check"]);
        assert_eq!(code, 0, "round {r}: {out} {err}");
    }
    eprintln!("{rounds} killed demo --force runs: {old} left the old data, {new} the new");
    assert!(old > 0, "no run was ever interrupted");
}
