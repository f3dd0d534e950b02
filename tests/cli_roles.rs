//! Roles through the real binary. There is no flag or variable that changes who you are,
//! so these tests grant roles to the login that runs them.

mod cli_support;

use cli_support::{ids, Db};
use phoihop::store::os_login;

#[test]
fn single_user_mode_until_a_grant() {
    let db = Db::new();
    // No grant yet: the running login is admin and may do everything.
    let id = db.seed(&[("ideology", "T", "A", None)])[0].to_string();
    db.ok(&["task", "update", &id, "--progress", "10"]);
    db.ok(&["agency", "edit", "A", "--head", "Trần Thị Bình"]);
}

#[test]
fn supervisor_may_only_urge() {
    let db = Db::new();
    let t = db.seed(&[("ideology", "Nhiệm vụ của A", "A", Some("2020-06-30"))]);
    let id = t[0].to_string();
    db.ok(&["user", "grant", &os_login(), "--role", "supervisor"]);
    let before = db.bytes();
    let err = db.fails(5, &["task", "update", &id, "--progress", "50"]);
    assert!(err.contains("supervisor"), "{err}");
    db.fails(5, &["task", "edit", &id, "--title", "Khác"]);
    db.fails(5, &["task", "remove", &id]);
    db.fails(
        5,
        &[
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            "--title",
            "Mới",
            "--lead",
            "A",
        ],
    );
    db.fails(5, &["agency", "add", "C", "--name", "C"]);
    db.fails(5, &["program", "remove", "P"]);
    db.fails(5, &["user", "grant", "other", "--role", "admin"]);
    assert!(db.bytes() == before, "a refused write changed the file");

    // Reading and urging work.
    assert_eq!(ids(&db.json(&["task", "list"])), t);
    let out = db.ok(&[
        "task",
        "urge",
        &id,
        "--message",
        "Đề nghị khẩn trương hoàn thành",
    ]);
    assert!(out.starts_with("Urged A about task"), "{out}");
    let shown = db.json(&["task", "show", &id]);
    assert_eq!(
        shown["urges"][0]["message"],
        "Đề nghị khẩn trương hoàn thành"
    );
    assert_eq!(shown["urges"][0]["actor"], os_login());
    assert_eq!(shown["progress"], 0);
}

#[test]
fn operator_writes_only_their_agency_tasks() {
    let db = Db::new();
    let t = db.seed(&[
        ("ideology", "Của A", "A", Some("2020-06-30")),
        ("organization", "Của B", "B", Some("2020-06-30")),
    ]);
    // B leads, A coordinates.
    let shared = db.add_task("front", "B chủ trì, A phối hợp", "B", None);
    let shared_s = shared.to_string();
    db.ok(&["task", "edit", &shared_s, "--with", "A"]);
    db.ok(&[
        "user",
        "grant",
        &os_login(),
        "--role",
        "operator",
        "--agency",
        "A",
    ]);
    let (a, b) = (t[0].to_string(), t[1].to_string());

    db.ok(&[
        "task",
        "update",
        &a,
        "--progress",
        "60",
        "--note",
        "A cập nhật",
    ]);
    // A coordinated task: a dated note, not its progress (the lead answers for that).
    db.ok(&[
        "task",
        "update",
        &shared_s,
        "--note",
        "A đã phối hợp tổ chức",
    ]);
    db.fails(5, &["task", "update", &shared_s, "--progress", "30"]);
    db.ok(&["task", "edit", &a, "--title", "Của A (sửa)"]);
    let before = db.bytes();
    let err = db.fails(5, &["task", "update", &b, "--progress", "60"]);
    assert!(err.contains("operator of A"), "{err}");
    db.fails(5, &["task", "edit", &b, "--title", "x"]);
    db.fails(5, &["task", "remove", &b]);
    // Nor may an operator hand its own task to another agency.
    db.fails(5, &["task", "edit", &a, "--lead", "B"]);
    db.fails(5, &["agency", "edit", "A", "--name", "x"]);
    db.fails(5, &["user", "revoke", &os_login()]);
    assert!(db.bytes() == before, "a refused write changed the file");

    // A new task for their own agency is allowed, one for another agency is not.
    db.add_task("ideology", "A thêm", "A", None);
    db.fails(
        5,
        &[
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            "--title",
            "Cho B",
            "--lead",
            "B",
        ],
    );
    let shown = db.json(&["task", "show", &a]);
    assert_eq!(shown["progress"], 60);
    assert_eq!(shown["title"], "Của A (sửa)");
    assert_eq!(db.json(&["task", "show", &b])["progress"], 0);
}

/// Refusals speak the interface language, with the same exit code: a role refusal and a
/// read-only refusal under `--lang vi` and `--lang en` (and `LANG=vi_VN.UTF-8`).
#[test]
fn refusals_come_in_the_interface_language() {
    let db = Db::new();
    let t = db.seed(&[
        ("ideology", "Của A", "A", Some("2020-06-30")),
        ("organization", "Của B", "B", Some("2020-06-30")),
    ]);
    let b = t[1].to_string();
    db.ok(&[
        "user",
        "grant",
        &os_login(),
        "--role",
        "operator",
        "--agency",
        "A",
    ]);
    let before = db.bytes();
    let update = ["task", "update", b.as_str(), "--progress", "60"];
    let with = |lang: &'static str| -> Vec<&str> {
        let mut v = vec!["--lang", lang];
        v.extend_from_slice(&update);
        v
    };
    let vi = db.fails(5, &with("vi"));
    let en = db.fails(5, &with("en"));
    let login = os_login();
    assert_eq!(
        vi.trim_end(),
        format!(
            "phoihop: Tài khoản `{login}` là chuyên viên của A, nên không được cập nhật nhiệm vụ {b} (chuyên viên chỉ được thay đổi nhiệm vụ do cơ quan mình chủ trì hoặc phối hợp)."
        )
    );
    assert_eq!(
        en.trim_end(),
        format!(
            "phoihop: Login `{login}` is an operator of A, and so may not update task {b} (operators may change only tasks their agency leads or coordinates)."
        )
    );
    // Without --lang, $LANG decides.
    let (code, _, env_vi) = cli_support::bin()
        .env("LANG", "vi_VN.UTF-8")
        .arg("--db")
        .arg(&db.path)
        .args(update)
        .output()
        .map(|o| {
            (
                o.status.code().unwrap_or(-1),
                (),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .expect("run phoihop");
    assert_eq!((code, env_vi.as_str()), (5, vi.as_str()));

    // Read-only: the same refusal, exit 5, in each language.
    let a = t[0].to_string();
    let ro = |lang: &'static str| {
        vec![
            "--read-only",
            "--lang",
            lang,
            "task",
            "update",
            a.as_str(),
            "--progress",
            "10",
        ]
    };
    let ro_vi = db.fails(5, &ro("vi"));
    let ro_en = db.fails(5, &ro("en"));
    assert_eq!(
        ro_vi.trim_end(),
        "phoihop: Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (--read-only), nên không thể thay đổi dữ liệu."
    );
    assert_eq!(
        ro_en.trim_end(),
        "phoihop: The database is open read-only (--read-only), so nothing can be changed."
    );
    assert!(db.bytes() == before, "a refused write changed the file");
}

/// Issue #21: `task list --mine` lists the operator's agency's work — the tasks it leads
/// (overdue first), then those it coordinates — and tells anyone else, in one sentence,
/// that it is an operator's list.
#[test]
fn task_list_mine_is_the_operators_agency_lead_then_coordinating() {
    let db = Db::new();
    let t = db.seed(&[
        ("ideology", "A chủ trì, còn hạn", "A", Some("2030-06-30")),
        (
            "organization",
            "A chủ trì, quá hạn",
            "A",
            Some("2020-06-30"),
        ),
        ("inspection", "Của B", "B", Some("2030-06-30")),
    ]);
    let shared = db.add_task("front", "B chủ trì, A phối hợp", "B", Some("2020-03-31"));
    db.ok(&["task", "edit", &shared.to_string(), "--with", "A"]);
    // An admin (single-user mode) has no agency of their own.
    let err = db.fails(2, &["task", "list", "--mine"]);
    assert!(
        err.contains("--mine") && err.contains("not an operator"),
        "{err}"
    );
    db.ok(&[
        "user",
        "grant",
        &os_login(),
        "--role",
        "operator",
        "--agency",
        "A",
    ]);
    // Led (the overdue one first), then coordinated; B's own task is not there.
    assert_eq!(
        ids(&db.json(&["task", "list", "--mine"])),
        vec![t[1], t[0], shared]
    );
    // Other filters narrow it, in the same order.
    assert_eq!(
        ids(&db.json(&["task", "list", "--mine", "--overdue"])),
        vec![t[1], shared]
    );

    // A supervisor gets the sentence too.
    let other = Db::new();
    other.seed(&[("ideology", "T", "A", None)]);
    other.ok(&["user", "grant", &os_login(), "--role", "supervisor"]);
    let err = other.fails(2, &["task", "list", "--mine"]);
    assert!(err.contains("not an operator"), "{err}");
}
