//! The malformed-import corpus (tests/fixtures/import/): every file is refused by the real
//! binary with exit 6 (or 5 for a role), an error naming the file, line and field, and the
//! database file left byte for byte as it was.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn phoihop(db: &Path) -> Command {
    let mut c = Command::cargo_bin("phoihop").unwrap();
    c.env("PHOIHOP_DB", db).env("LANG", "C");
    c
}

fn run_ok(db: &Path, args: &[&str]) {
    let out = phoihop(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A database with the agencies and the program the corpus refers to.
fn base_db(dir: &Path) -> PathBuf {
    let db = dir.join("base.db");
    run_ok(&db, &["init"]);
    for (code, name) in [
        ("BTC", "Ban Tổ chức Tỉnh ủy"),
        ("BTG", "Ban Tuyên giáo Tỉnh ủy"),
        ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy"),
    ] {
        run_ok(&db, &["agency", "add", code, "--name", name]);
    }
    run_ok(
        &db,
        &[
            "program",
            "add",
            "XD",
            "--title",
            "Chương trình xây dựng hệ thống chính trị",
            "--from",
            "2019-01-01",
            "--to",
            "2020-12-31",
        ],
    );
    run_ok(
        &db,
        &[
            "task",
            "add",
            "--program",
            "XD",
            "--category",
            "ideology",
            "--title",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "--lead",
            "BTG",
            "--cadence",
            "recurring",
        ],
    );
    db
}

fn corpus() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (file, expected) = l.split_once('\t').unwrap();
            (dir.join(file), expected.to_string())
        })
        .collect()
}

#[test]
fn corpus_is_large_enough_and_complete() {
    let c = corpus();
    assert!(c.len() >= 30, "only {} malformed files", c.len());
    for (path, _) in &c {
        assert!(path.exists(), "{} is listed but missing", path.display());
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let on_disk = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            let n = e.as_ref().unwrap().file_name();
            n != "expected.tsv"
        })
        .count();
    assert_eq!(on_disk, c.len(), "every fixture is listed in expected.tsv");
}

#[test]
fn every_malformed_file_is_refused_with_line_and_field_and_the_db_is_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let before = std::fs::read(&db).unwrap();
    let mut failures = Vec::new();
    for (path, expected) in corpus() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for dry in [false, true] {
            let mut cmd = phoihop(&db);
            cmd.arg("import").arg(&path);
            if dry {
                cmd.arg("--dry-run");
            }
            let out = cmd.output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            let code = out.status.code();
            let want = format!("{name} {expected}");
            if code != Some(6) || !err.contains(&want) {
                failures.push(format!(
                    "{name} (dry run {dry}): exit {code:?}, stderr {err:?}, wanted {want:?}"
                ));
            }
            assert_eq!(err.lines().count(), 1, "{name}: one line on stderr: {err}");
            assert!(!err.contains('\u{1b}'), "{name}: raw ESC on stderr");
            assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
            let after = std::fs::read(&db).unwrap();
            assert!(
                after == before,
                "{name}: the database file changed after a refused import"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_good_file_after_a_bad_one_still_imports_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let good = tmp.path().join("tasks.csv");
    std::fs::write(
        &good,
        "program,category,title,lead,with,cadence,deadline,status,progress,basis\n\
         XD,ideology,- Tổ chức sinh hoạt chính trị đầu tuần,BTG,BTC,roadmap,2019-06-30,in_progress,40,Nghị quyết 18-NQ/TW\n\
         XD,inspection,=Giám sát chuyên đề,UBKT,,recurring,,done,100,\n\
         XD,organization,+Kiện toàn tổ chức bộ máy,BTC,,roadmap,30/06/2019,not_started,,\n\
         XD,organization,@Rà soát quy hoạch cán bộ,BTC,,roadmap,2019-12-31,,,\n",
    )
    .unwrap();
    let out = phoihop(&db)
        .args(["import", good.to_str().unwrap(), "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 tasks"));
    let list = phoihop(&db)
        .args(["task", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1, "a dry run adds nothing");
    run_ok(&db, &["import", good.to_str().unwrap()]);
    let list = phoihop(&db)
        .args(["task", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let titles: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "- Tổ chức sinh hoạt chính trị đầu tuần",
            "=Giám sát chuyên đề",
            "+Kiện toàn tổ chức bộ máy",
            "@Rà soát quy hoạch cán bộ"
        ]
    );
    let check = phoihop(&db).args(["check"]).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn errors_name_the_right_line_with_crlf_line_endings_as_excel_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let rows = [
        "program,category,title,lead,with,cadence,deadline,status,progress,basis",
        "XD,ideology,Nhiệm vụ một,BTG,,roadmap,30/06/2020,,10,",
        "XD,ideology,\"Nhiệm vụ hai, có dấu phẩy\",BTG,,roadmap,30/06/2020,,20,",
        "XD,ideology,Nhiệm vụ ba,BTG,,roadmap,30/06/2020,,bad,",
    ];
    for (name, end) in [("lf.csv", "\n"), ("crlf.csv", "\r\n")] {
        let file = tmp.path().join(name);
        std::fs::write(&file, rows.join(end) + end).unwrap();
        for bom in [false, true] {
            if bom {
                let mut b = b"\xEF\xBB\xBF".to_vec();
                b.extend(std::fs::read(&file).unwrap());
                std::fs::write(&file, b).unwrap();
            }
            let out = phoihop(&db).arg("import").arg(&file).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(6), "{err}");
            assert!(
                err.contains(&format!("{name} line 4, field progress")),
                "{name} (BOM {bom}): {err}"
            );
        }
    }
}

#[test]
fn a_field_error_reads_in_vietnamese_under_lang_vi_with_the_same_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let file = tmp.path().join("nhiemvu.csv");
    std::fs::write(
        &file,
        "program,category,title,lead,with,cadence,deadline,status,progress,basis,completed_on\n\
         XD,ideology,Nhiệm vụ một,BTG,,roadmap,30/06/2020,,10,,\n\
         XD,ideology,Nhiệm vụ hai,BTG,,roadmap,30/06/2020,,20,,01/01/2020\n",
    )
    .unwrap();
    let before = std::fs::read(&db).unwrap();
    let run = |lang: &str| {
        let out = phoihop(&db)
            .args(["--lang", lang, "import"])
            .arg(&file)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (en_code, en) = run("en");
    let (vi_code, vi) = run("vi");
    assert_eq!(en_code, Some(6), "{en}");
    assert_eq!(vi_code, en_code, "{vi}");
    assert!(
        en.contains(
            "nhiemvu.csv line 3, field completed_on: Only a done task has a completion date."
        ),
        "{en}"
    );
    assert!(
        vi.contains("Dòng 3 của tệp ")
            && vi.contains(
                "nhiemvu.csv, trường `completed_on`: Chỉ nhiệm vụ đã hoàn thành mới có ngày hoàn thành."
            ),
        "{vi}"
    );
    assert!(!vi.contains("Only a done task"), "{vi}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the database changed");
}
