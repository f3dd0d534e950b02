//! The scripting CLI, end to end: the real binary on temp-file databases.

mod cli_support;

use std::os::unix::fs::PermissionsExt;

use cli_support::{bin, ids, Db};
use serde_json::{json, Value};

#[test]
fn init_creates_schema_with_a_private_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let out = bin().arg("--db").arg(&path).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!(
        "schema version {}",
        phoihop::store::schema::LATEST
    )));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & !0o660, 0, "mode {mode:o} is wider than 0660");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, phoihop::store::schema::LATEST);
    let cats: i64 = conn
        .query_row("SELECT count(*) FROM category", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cats, 7);
    // Running init again is harmless.
    let again = bin().arg("--db").arg(&path).arg("init").output().unwrap();
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn database_path_from_env_then_xdg() {
    let dir = tempfile::tempdir().unwrap();
    let env_db = dir.path().join("env.db");
    let out = bin()
        .env("PHOIHOP_DB", &env_db)
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(env_db.exists());

    let xdg = dir.path().join("xdg");
    std::fs::create_dir(&xdg).unwrap();
    let out = bin()
        .env("XDG_DATA_HOME", &xdg)
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(xdg.join("phoihop").join("phoihop.db").exists());
}

#[test]
fn agency_round_trip() {
    let db = Db::new();
    db.ok(&[
        "agency",
        "add",
        "TU",
        "--name",
        "Tỉnh ủy",
        "--kind",
        "party",
    ]);
    let out = db.ok(&[
        "agency",
        "add",
        "DUK",
        "--name",
        "Đảng ủy Khối các cơ quan tỉnh",
        "--parent",
        "TU",
        "--head",
        "Nguyễn Văn An",
        "--members",
        "5000",
        "--staff",
        "7000",
    ]);
    assert_eq!(
        out.trim(),
        "Added agency DUK (Đảng ủy Khối các cơ quan tỉnh)."
    );
    let shown = db.json(&["agency", "show", "DUK"]);
    assert_eq!(
        shown,
        json!({"code": "DUK", "name": "Đảng ủy Khối các cơ quan tỉnh", "kind": "party",
               "parent": "TU", "head": "Nguyễn Văn An", "members": 5000, "staff": 7000})
    );
    let all = db.json(&["agency", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    // Substring search ignores diacritics and case.
    let found = db.json(&["agency", "list", "--search", "dang uy"]);
    assert_eq!(found[0]["code"], "DUK");
    assert_eq!(found.as_array().unwrap().len(), 1);

    db.ok(&[
        "agency",
        "edit",
        "DUK",
        "--name",
        "Đảng ủy Khối",
        "--head",
        "",
        "--kind",
        "government",
    ]);
    let shown = db.json(&["agency", "show", "DUK"]);
    assert_eq!(shown["name"], "Đảng ủy Khối");
    assert_eq!(shown["head"], Value::Null);
    assert_eq!(shown["kind"], "government");
    assert_eq!(shown["members"], 5000);

    // TU is DUK's parent, so it cannot go first.
    db.fails(6, &["agency", "remove", "TU"]);
    db.ok(&["agency", "remove", "DUK"]);
    db.ok(&["agency", "remove", "TU"]);
    db.fails(3, &["agency", "show", "DUK"]);
    assert_eq!(db.json(&["agency", "list"]), json!([]));
    db.fails(6, &["agency", "add", "X", "--name", "X", "--kind", "club"]);
}

#[test]
fn program_round_trip() {
    let db = Db::new();
    db.seed(&[]);
    db.ok(&[
        "program",
        "add",
        "PH-2016",
        "--title",
        "Chương trình phối hợp năm 2016",
        "--from",
        "01/01/2016",
        "--to",
        "31/12/2016",
        "--kind",
        "coordination",
        "--party",
        "A",
        "--basis",
        "Quy định 08-QĐ/TW",
        "--review-months",
        "3",
    ]);
    let p = db.json(&["program", "show", "PH-2016"]);
    assert_eq!(
        p,
        json!({"code": "PH-2016", "title": "Chương trình phối hợp năm 2016", "kind": "coordination",
               "from": "2016-01-01", "to": "2016-12-31", "parties": ["A"],
               "basis": "Quy định 08-QĐ/TW", "review_months": 3})
    );
    db.ok(&[
        "program",
        "edit",
        "PH-2016",
        "--party",
        "A",
        "--party",
        "B",
        "--to",
        "2017-06-30",
        "--basis",
        "",
    ]);
    let p = db.json(&["program", "show", "PH-2016"]);
    assert_eq!(p["parties"], json!(["A", "B"]));
    assert_eq!(p["to"], "2017-06-30");
    assert_eq!(p["basis"], Value::Null);
    let codes: Vec<String> = db
        .json(&["program", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["PH-2016", "P"]);
    db.fails(
        6,
        &[
            "program",
            "add",
            "Q",
            "--title",
            "Q",
            "--from",
            "2020-01-01",
            "--to",
            "2019-01-01",
        ],
    );
    db.fails(
        6,
        &[
            "program",
            "add",
            "Q",
            "--title",
            "Q",
            "--from",
            "2020-01-01",
            "--to",
            "2020-12-31",
            "--party",
            "NOPE",
        ],
    );
    db.ok(&["program", "remove", "PH-2016"]);
    db.fails(3, &["program", "show", "PH-2016"]);
}

#[test]
fn task_round_trip_in_json() {
    let db = Db::new();
    let ids_ = db.seed(&[(
        "ideology",
        "Quán triệt Nghị quyết 18-NQ/TW",
        "A",
        Some("2019-06-30"),
    )]);
    let id = ids_[0];
    let id_s = id.to_string();
    let listed = db.json(&["task", "list"]);
    assert_eq!(
        listed,
        json!([{"id": id, "program": "P", "category": "ideology",
                "title": "Quán triệt Nghị quyết 18-NQ/TW", "lead": "A", "with": [],
                "cadence": "roadmap", "deadline": "2019-06-30", "status": "not_started",
                "progress": 0, "completed_on": null, "version": 1, "bucket": "overdue"}])
    );

    let out = db.ok(&[
        "task",
        "update",
        &id_s,
        "--progress",
        "40",
        "--note",
        "Đã tổ chức hội nghị",
    ]);
    assert_eq!(
        out.trim(),
        format!("Updated task {id}: 40%, in_progress (version 2).")
    );
    db.ok(&[
        "task",
        "edit",
        &id_s,
        "--title",
        "Quán triệt, triển khai Nghị quyết 18-NQ/TW",
        "--category",
        "organization",
        "--with",
        "B",
        "--deadline",
        "30/06/2020",
        "--reason",
        "Điều chỉnh theo kế hoạch của Tỉnh ủy",
        "--basis",
        "Nghị quyết 18-NQ/TW",
        "--expect-version",
        "2",
    ]);
    db.ok(&[
        "task",
        "urge",
        &id_s,
        "--message",
        "Đề nghị báo cáo tiến độ",
    ]);
    let t = db.json(&["task", "show", &id_s]);
    assert_eq!(t["title"], "Quán triệt, triển khai Nghị quyết 18-NQ/TW");
    assert_eq!(t["category"], "organization");
    assert_eq!(t["with"], json!(["B"]));
    assert_eq!(t["deadline"], "2020-06-30");
    assert_eq!(t["basis"], "Nghị quyết 18-NQ/TW");
    assert_eq!(t["version"], 3);
    assert_eq!(t["progress"], 40);
    let history = t["history"].as_array().unwrap();
    // Created, the progress update, then the edit (a deadline adjustment, with its reason).
    assert_eq!(history.len(), 3);
    assert_eq!(history[2]["change"], "deadline");
    assert_eq!(history[2]["note"], "Điều chỉnh theo kế hoạch của Tỉnh ủy");
    assert_eq!(history[1]["progress"], 40);
    assert_eq!(history[1]["note"], "Đã tổ chức hội nghị");
    assert_eq!(history[1]["actor"], phoihop::store::os_login());
    assert_eq!(t["urges"][0]["message"], "Đề nghị báo cáo tiến độ");

    db.ok(&["task", "update", &id_s, "--status", "done"]);
    let t = db.json(&["task", "show", &id_s]);
    assert_eq!(t["status"], "done");
    assert_eq!(t["progress"], 100);
    assert!(t["completed_on"].is_string());

    // The coordinating agency shows up in --agency filters.
    assert_eq!(ids(&db.json(&["task", "list", "--agency", "B"])), [id]);
    assert_eq!(ids(&db.json(&["task", "list", "--agency", "A"])), [id]);
    assert_eq!(ids(&db.json(&["task", "list", "--status", "done"])), [id]);
    assert_eq!(
        ids(&db.json(&["task", "list", "--search", "quan triet"])),
        [id]
    );
    assert!(ids(&db.json(&["task", "list", "--category", "ideology"])).is_empty());

    db.fails(4, &["task", "remove", &id_s, "--expect-version", "1"]);
    db.ok(&["task", "remove", &id_s, "--expect-version", "4"]);
    db.fails(3, &["task", "show", &id_s]);
    db.fails(3, &["task", "update", &id_s, "--progress", "1"]);
}

#[test]
fn csv_and_table_formats() {
    let db = Db::new();
    let id = db.seed(&[(
        "front",
        "Vận động \"Ngày vì người nghèo\", năm 2019",
        "A",
        None,
    )])[0];
    let csv = db.ok(&["task", "list", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
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
            "bucket"
        ]
    );
    let row = r.records().next().unwrap().unwrap();
    assert_eq!(&row[0], id.to_string());
    assert_eq!(&row[3], "Vận động \"Ngày vì người nghèo\", năm 2019");
    assert_eq!(&row[6], "recurring");

    // Stored text that slipped in from outside (here: written by plain SQLite) is shown
    // escaped in tables, never raw.
    db.sqlite()
        .execute(
            "UPDATE task SET title = 'x\u{1b}]52;c;aGk=\u{7}y\u{202e}z' WHERE id = ?1",
            [id],
        )
        .unwrap();
    for args in [
        vec!["task", "list"],
        vec!["task", "show", &id.to_string()],
        vec!["--lang", "vi", "task", "list"],
    ] {
        let out = db.ok(&args);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(!out.contains('\u{202e}'), "{out:?}");
        assert!(out.contains("x␛]52;c;aGk=␇y\\u{202e}z"), "{out}");
    }
    let vi = db.ok(&["--lang", "vi", "task", "list"]);
    assert!(
        // The catalog's names, as the TUI shows them.
        vi.contains("Thường xuyên") && vi.contains("Chưa triển khai"),
        "{vi}"
    );
    let vi = db.ok(&["--lang", "vi", "program", "list"]);
    assert!(vi.contains("Tiêu đề") && vi.contains("01/01/2019"), "{vi}");
    let header = db.ok(&["agency", "list"]);
    assert!(header.starts_with("Code  Name"), "{header}");
}

#[test]
fn buckets_at_chosen_dates() {
    let db = Db::new();
    let t = db.seed(&[
        ("ideology", "Mở", "A", Some("2100-06-30")),
        ("organization", "Xong muộn", "A", Some("2020-01-01")),
        ("inspection", "Xong đúng hạn", "B", Some("2099-12-31")),
        ("front", "Thường xuyên", "B", None),
        ("government", "Sắp đến hạn", "A", Some("10/07/2100")),
    ]);
    db.ok(&["task", "update", &t[1].to_string(), "--status", "done"]);
    db.ok(&["task", "update", &t[2].to_string(), "--progress", "100"]);
    let list = |extra: &[&str], as_of: &str| {
        let mut a = vec!["--as-of", as_of, "task", "list"];
        a.extend(extra);
        ids(&db.json(&a))
    };
    assert_eq!(
        list(&["--bucket", "overdue"], "2100-06-30"),
        Vec::<i64>::new()
    );
    assert_eq!(
        list(&["--bucket", "in_time"], "2100-06-30"),
        [t[0], t[3], t[4]]
    );
    assert_eq!(list(&["--bucket", "overdue"], "2100-07-01"), [t[0]]);
    assert_eq!(list(&["--bucket", "in_time"], "01/07/2100"), [t[3], t[4]]);
    assert_eq!(list(&["--bucket", "done_late"], "2100-07-01"), [t[1]]);
    assert_eq!(list(&["--bucket", "done_on_time"], "2100-07-01"), [t[2]]);
    assert_eq!(list(&["--due-soon"], "2100-07-01"), [t[4]]);
    assert_eq!(list(&["--due-soon"], "2100-06-26"), [t[0], t[4]]);
    assert_eq!(list(&["--due-soon"], "2100-06-25"), [t[0]]);
    assert_eq!(list(&["--overdue"], "2100-07-11"), [t[0], t[4]]);
    // The bucket field agrees with the filter.
    let all = db.json(&["--as-of", "2100-07-01", "task", "list"]);
    let buckets: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["bucket"].as_str().unwrap())
        .collect();
    assert_eq!(
        buckets,
        ["overdue", "done_late", "done_on_time", "in_time", "in_time"]
    );
    let shown = db.json(&["--as-of", "2100-07-01", "task", "show", &t[4].to_string()]);
    assert_eq!(shown["due_soon"], true);
    db.fails(6, &["task", "list", "--bucket", "late"]);
    db.fails(6, &["--as-of", "2019-02-30", "task", "list"]);
}

#[test]
fn stale_expect_version_is_a_conflict_and_changes_nothing() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "Nhiệm vụ", "A", Some("2020-06-30"))])[0].to_string();
    db.ok(&["task", "update", &id, "--progress", "10"]);
    let before = db.bytes();
    let err = db.fails(
        4,
        &[
            "task",
            "update",
            &id,
            "--progress",
            "50",
            "--expect-version",
            "1",
        ],
    );
    assert!(err.contains("version 2"), "{err}");
    db.fails(
        4,
        &[
            "task",
            "edit",
            &id,
            "--title",
            "Khác",
            "--expect-version",
            "1",
        ],
    );
    db.fails(4, &["task", "remove", &id, "--expect-version", "1"]);
    assert!(db.bytes() == before, "the database file changed");
    db.ok(&[
        "task",
        "update",
        &id,
        "--progress",
        "50",
        "--expect-version",
        "2",
    ]);
}

#[test]
fn bad_values_are_invalid_and_change_nothing() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "Nhiệm vụ", "A", Some("2020-06-30"))])[0].to_string();
    let before = db.bytes();
    let add = |cat: &'static str, title: &'static str, lead: &'static str, dl: &'static str| {
        vec![
            "task",
            "add",
            "--program",
            "P",
            "--category",
            cat,
            "--title",
            title,
            "--lead",
            lead,
            "--deadline",
            dl,
        ]
    };
    let cases: Vec<Vec<&str>> = vec![
        vec!["task", "update", &id, "--progress", "101"],
        vec!["task", "update", &id, "--progress", "-5"],
        vec!["task", "update", &id, "--progress", "4O"],
        vec!["task", "update", &id, "--status", "finished"],
        vec!["task", "update", &id, "--note", "a\u{1b}[2Jb"],
        vec!["task", "edit", &id, "--deadline", "2019-02-30"],
        vec!["task", "edit", &id, "--category", "sports"],
        vec!["task", "edit", &id, "--lead", "NOPE"],
        vec!["task", "edit", &id, "--title", "   "],
        add("ideology", "Tiêu đề", "A", "2019-02-30"),
        add("ideology", "Tiêu đề", "A", "30/02/2019"),
        add("sports", "Tiêu đề", "A", "2019-06-30"),
        add("ideology", "Tiêu đề", "NOPE", "2019-06-30"),
        add("ideology", "", "A", "2019-06-30"),
        add("ideology", "Tiêu\u{1b}]0;pwned\u{7}đề", "A", "2019-06-30"),
        add("ideology", "Tiêu\u{202e}đề", "A", "2019-06-30"),
        vec![
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            "--title",
            "T",
            "--lead",
            "A",
            "--with",
            "NOPE",
        ],
        vec!["task", "urge", &id, "--message", "\u{7}"],
        vec!["agency", "add", "C", "--name", "x\u{1b}y"],
        vec!["agency", "add", "C D", "--name", "x"],
        vec!["agency", "add", "C", "--name", "x", "--members", "-1"],
    ];
    for args in &cases {
        let err = db.fails(6, args);
        assert!(!err.contains('\u{1b}'), "raw ESC echoed on stderr: {err:?}");
        assert!(db.bytes() == before, "{args:?} changed the database file");
    }
}

#[test]
fn usage_and_not_found_exit_codes() {
    let db = Db::new();
    db.seed(&[]);
    db.fails(2, &["task", "frobnicate"]);
    db.fails(2, &["task", "update", "x"]);
    db.fails(2, &["task", "update", "1", "--expect-version", "two"]);
    db.fails(2, &["task", "add", "--program", "P"]);
    // A wallboard turning faster than every 5 seconds, or not a number.
    db.fails(2, &["--wall", "2"]);
    db.fails(2, &["--wall", "soon"]);
    db.fails(3, &["task", "show", "999"]);
    db.fails(3, &["agency", "show", "NOPE"]);
    db.fails(3, &["program", "show", "NOPE"]);
    db.fails(3, &["user", "revoke", "nobody"]);
    let id = db.add_task("ideology", "T", "A", None).to_string();
    // Nothing to update.
    db.fails(2, &["task", "update", &id]);
    // `--help` is not an error.
    let (code, out, _) = db.run(&["task", "list", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--due-soon"));
}

#[test]
fn usage_errors_speak_the_users_language() {
    let db = Db::new();
    db.seed(&[]);
    let before = db.bytes();
    // (arguments, the Vietnamese sentence's start, the English sentence's start)
    let cases: [(&[&str], &str, &str); 7] = [
        (
            &["task", "list", "--formt", "json"],
            "Không có tùy chọn `--formt`. Có phải ý là `--format`?",
            "unexpected argument '--formt'",
        ),
        (
            &["task", "lisst"],
            "Không có lệnh `lisst`. Có phải ý là `list`?",
            "unrecognized subcommand 'lisst'",
        ),
        (
            &["task", "list", "--format", "xml"],
            "Giá trị `xml` không dùng được cho --format <FORMAT>; chỉ nhận: table, json, csv",
            "invalid value 'xml'",
        ),
        (
            &["task", "list", "--limit", "abc"],
            "Giá trị `abc` không hợp lệ cho --limit <N>: không phải số nguyên",
            "invalid value 'abc'",
        ),
        (
            &["task", "show"],
            "Thiếu <ID>",
            "the following required arguments were not provided",
        ),
        (
            &["task", "show", "1", "2"],
            "Thừa `2` trong câu lệnh",
            "unexpected argument '2'",
        ),
        (
            &["task", "list", "--format"],
            "--format <FORMAT> cần có một giá trị",
            "a value is required for '--format <FORMAT>'",
        ),
    ];
    for (args, vi, en) in cases {
        let mut with_vi = vec!["--lang", "vi"];
        with_vi.extend_from_slice(args);
        let (code, _, err) = db.run(&with_vi);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("phoihop: {vi}")),
            "{args:?}: {err}"
        );
        assert!(
            err.trim_end()
                .ends_with("xem `phoihop --help` (hoặc `phoihop LỆNH --help`)."),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
        let (code, _, err) = db.run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("phoihop: {en}")),
            "{args:?}: {err}"
        );
    }
    assert!(
        db.bytes() == before,
        "a refused command line changed the database"
    );
}

#[test]
fn read_only_refuses_writes() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "T", "A", None)])[0].to_string();
    let before = db.bytes();
    db.fails(
        5,
        &["--read-only", "task", "update", &id, "--progress", "5"],
    );
    db.fails(
        5,
        &["--read-only", "task", "urge", &id, "--message", "Nhanh"],
    );
    db.fails(5, &["--read-only", "agency", "add", "C", "--name", "C"]);
    assert!(db.bytes() == before);
    assert_eq!(ids(&db.json(&["--read-only", "task", "list"])).len(), 1);
    let missing = db.dir.path().join("none.db");
    let (code, _, err) = cli_support::run_in(&missing, &["--read-only", "task", "list"]);
    assert_eq!(code, 3, "{err}");
    assert!(!missing.exists());
}

#[test]
fn audit_log_is_append_only() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "T", "A", None)])[0].to_string();
    db.ok(&["task", "update", &id, "--progress", "20"]);
    let conn = db.sqlite();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert!(n >= 5, "{n} audit rows");
    let actor: String = conn
        .query_row(
            "SELECT actor FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, phoihop::store::os_login());
    assert!(conn.execute("UPDATE audit SET actor = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM audit", []).is_err());
    let after: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, n);
}

#[test]
fn backup_and_check() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "T", "A", None)])[0];
    assert!(db.ok(&["check"]).contains("healthy"));
    assert_eq!(db.json(&["check"]), json!([]));
    let dest = db.dir.path().join("copy.db");
    db.ok(&["backup", dest.to_str().unwrap()]);
    let (code, out, _) = cli_support::run_in(&dest, &["task", "list", "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&serde_json::from_str(&out).unwrap()), [id]);
    db.fails(2, &["backup", dest.to_str().unwrap()]);

    // Break a rule behind phoihop's back: check reports it and exits 1.
    db.sqlite()
        .execute("UPDATE task SET status = 'done' WHERE id = ?1", [id])
        .unwrap();
    let (code, out, err) = db.run(&["check"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains(&format!("Task {id} is done but not at 100%")),
        "{out}"
    );
    cli_support::assert_one_sentence(&err);
}

#[test]
fn language_from_flag_and_env() {
    let db = Db::new();
    let vi = bin()
        .env("LANG", "vi_VN.UTF-8")
        .arg("--db")
        .arg(&db.path)
        .args(["agency", "add", "A", "--name", "Văn phòng Tỉnh ủy"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&vi.stdout).trim(),
        "Đã thêm cơ quan A (Văn phòng Tỉnh ủy)."
    );
    let en = bin()
        .env("LANG", "vi_VN.UTF-8")
        .arg("--db")
        .arg(&db.path)
        .args(["--lang", "en", "agency", "remove", "A"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&en.stdout).trim(),
        "Removed agency A."
    );
}

#[test]
fn user_grant_list_revoke() {
    let db = Db::new();
    db.seed(&[]);
    assert_eq!(db.json(&["user", "list"]), json!([]));
    let me = phoihop::store::os_login();
    // The first grant makes the database multi-user: grant ourselves admin first.
    db.ok(&["user", "grant", &me, "--role", "admin"]);
    db.ok(&[
        "user", "grant", "lan", "--role", "operator", "--agency", "A",
    ]);
    db.ok(&["user", "grant", "zz-sup", "--role", "supervisor"]);
    db.fails(6, &["user", "grant", "x", "--role", "boss"]);
    db.fails(2, &["user", "grant", "x", "--role", "operator"]);
    db.fails(
        6,
        &[
            "user", "grant", "x", "--role", "operator", "--agency", "NOPE",
        ],
    );
    let list = db.json(&["user", "list"]);
    let mut want = vec![
        json!({"login": "lan", "role": "operator", "agency": "A"}),
        json!({"login": me, "role": "admin", "agency": null}),
        json!({"login": "zz-sup", "role": "supervisor", "agency": null}),
    ];
    want.sort_by_key(|g| g["login"].as_str().unwrap().to_string());
    assert_eq!(list, Value::Array(want));
    db.ok(&["user", "revoke", "zz-sup"]);
    assert_eq!(db.json(&["user", "list"]).as_array().unwrap().len(), 2);
    // The last admin can be neither revoked nor demoted while other roles are granted.
    let before = db.bytes();
    let err = db.fails(5, &["user", "revoke", &me]);
    assert!(err.contains("last admin"), "{err}");
    let err = db.fails(5, &["user", "grant", &me, "--role", "supervisor"]);
    assert!(err.contains("last admin"), "{err}");
    assert!(db.bytes() == before, "a refused revoke changed the file");
    // With a second admin, revoking our own admin role leaves us a supervisor: further
    // grants are refused.
    db.ok(&["user", "grant", "hai", "--role", "admin"]);
    db.ok(&["user", "revoke", &me]);
    db.fails(5, &["user", "grant", "x", "--role", "admin"]);
}
