//! Store tests on real temp-file databases.

use chrono::NaiveDate;

use super::test_support::{reopen_as, temp_store};
use super::*;
use crate::domain::*;

mod live;
mod reads;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn agency(code: &str, name: &str) -> Agency {
    Agency {
        code: code.into(),
        name: name.into(),
        kind: AgencyKind::Party,
        parent: None,
        head: None,
        members: None,
        staff: None,
    }
}

fn new_task(title: &str, lead: &str, with: &[&str], deadline: Option<NaiveDate>) -> NewTask {
    NewTask {
        program: "P".into(),
        category: "ideology".into(),
        title: title.into(),
        description: None,
        lead: lead.into(),
        with: with.iter().map(|s| s.to_string()).collect(),
        cadence: if deadline.is_some() {
            Cadence::Roadmap
        } else {
            Cadence::Recurring
        },
        deadline,
        basis: None,
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: d(2019, 1, 1),
        completed_on: None,
    }
}

/// A store with agencies A, B, C, program P and three tasks (led by A, B, and B with A).
fn fixture(login: &str) -> (tempfile::TempDir, Store) {
    let (dir, mut s) = temp_store(login);
    s.add_agency(agency("A", "Ban Tuyên giáo Tỉnh ủy"))
        .expect("A");
    s.add_agency(agency("B", "Ban Dân vận Tỉnh ủy")).expect("B");
    s.add_agency(agency("C", "Ủy ban Kiểm tra Tỉnh ủy"))
        .expect("C");
    s.add_program(Program {
        code: "P".into(),
        title: "Chương trình phối hợp năm 2019".into(),
        kind: ProgramKind::Coordination,
        starts_on: d(2019, 1, 1),
        ends_on: d(2019, 12, 31),
        parties: vec!["A".into(), "B".into()],
        basis: None,
        review_months: 6,
    })
    .expect("P");
    s.add_task(new_task(
        "Tuyên truyền Nghị quyết",
        "A",
        &[],
        Some(d(2019, 6, 30)),
    ))
    .expect("t1");
    s.add_task(new_task(
        "Công tác dân vận chính quyền",
        "B",
        &[],
        Some(d(2019, 3, 31)),
    ))
    .expect("t2");
    s.add_task(new_task("Khảo sát sự hài lòng", "B", &["A"], None))
        .expect("t3");
    (dir, s)
}

fn upd(p: i64, on: NaiveDate) -> ProgressUpdate {
    ProgressUpdate {
        progress: Some(Progress::new(p).expect("progress")),
        status: None,
        note: Some("ghi chú".into()),
        on,
    }
}

#[test]
fn fresh_file_is_migrated_wal_and_private() {
    let (_dir, s) = temp_store("me");
    assert_eq!(schema::version(s.conn()).expect("version"), schema::LATEST);
    let mode: String = s
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "wal");
    let fk: i64 = s
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("fk");
    assert_eq!(fk, 1);
    let sync: i64 = s
        .conn()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .expect("sync");
    assert_eq!(sync, 2, "synchronous=FULL");
    use std::os::unix::fs::PermissionsExt;
    let m = std::fs::metadata(s.path())
        .expect("meta")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(m & 0o007, 0, "not world-accessible: {m:o}");
    assert_eq!(s.categories().expect("cats").len(), 7);
}

#[test]
fn newer_schema_is_refused() {
    let (_dir, s) = temp_store("me");
    s.conn()
        .pragma_update(None, "user_version", schema::LATEST + 1)
        .expect("bump");
    let path = s.path().to_path_buf();
    drop(s);
    let e = Store::open(&path, false).err().expect("refused");
    assert!(e.to_string().contains("newer"), "{e}");
    let e = Store::open(&path, true)
        .err()
        .expect("refused read-only too");
    assert!(e.to_string().contains("newer"), "{e}");
}

#[test]
fn garbage_file_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let p = dir.path().join("x.db");
    std::fs::write(
        &p,
        b"this is not a database at all, just text. ".repeat(200),
    )
    .expect("w");
    let e = Store::open(&p, false).err().expect("refused");
    assert!(e.to_string().contains("not a phoihop database"), "{e}");
}

#[test]
fn read_only_refuses_writes() {
    let (_dir, s) = fixture("me");
    let path = s.path().to_path_buf();
    drop(s);
    let mut ro = Store::open(&path, true).expect("ro");
    let e = ro
        .update_progress(1, None, upd(50, d(2019, 2, 1)))
        .unwrap_err();
    assert_eq!(e.exit_code(), 5);
    assert_eq!(ro.task(1).expect("t").progress.get(), 0);
}

#[test]
fn update_records_history_and_audit_and_bumps_version() {
    let (_dir, mut s) = fixture("me");
    let t = s
        .update_progress(1, Some(1), upd(40, d(2019, 2, 1)))
        .expect("update");
    assert_eq!(t.version, 2);
    assert_eq!(t.status, Status::InProgress);
    let h = s.task_history(1).expect("history");
    assert_eq!(h.len(), 2);
    assert_eq!(h[1].progress.get(), 40);
    assert_eq!(h[1].actor, "me");
    assert_eq!(h[1].note.as_deref(), Some("ghi chú"));
    let (actor, before, after): (String, String, String) = s
        .conn()
        .query_row(
            "SELECT actor, before, after FROM audit WHERE action = 'update' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("audit row");
    assert_eq!(actor, "me");
    assert!(before.contains("\"progress\":0"), "{before}");
    assert!(after.contains("\"progress\":40"), "{after}");
    // The audit row alone says what was written and why: the note is in `after`.
    let after: serde_json::Value = serde_json::from_str(&after).expect("json");
    assert_eq!(after["note"], "ghi chú");
    assert_eq!(after["id"], 1);
}

#[test]
fn removal_records_what_was_removed() {
    let (_dir, mut s) = fixture("me");
    let title = s.task(1).expect("task").title;
    s.remove_task(1, None, d(2019, 3, 1), Some("trùng"))
        .expect("remove");
    let (before, after): (String, Option<String>) = s
        .conn()
        .query_row(
            "SELECT before, after FROM audit WHERE action = 'remove' ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("audit row");
    let before: serde_json::Value = serde_json::from_str(&before).expect("json");
    assert_eq!(before["title"], title.as_str());
    assert_eq!(before["id"], 1);
    assert!(after.is_none());
}

#[test]
fn stale_version_is_a_conflict_and_changes_nothing() {
    let (_dir, mut s) = fixture("me");
    s.update_progress(1, Some(1), upd(40, d(2019, 2, 1)))
        .expect("first");
    let e = s
        .update_progress(1, Some(1), upd(60, d(2019, 2, 2)))
        .unwrap_err();
    assert_eq!(e.exit_code(), 4);
    let t = s.task(1).expect("t");
    assert_eq!((t.progress.get(), t.version), (40, 2));
    assert_eq!(s.task_history(1).expect("h").len(), 2);
}

#[test]
fn audit_is_append_only() {
    let (_dir, s) = fixture("me");
    assert!(s
        .conn()
        .execute("UPDATE audit SET actor = 'x'", [])
        .is_err());
    assert!(s.conn().execute("DELETE FROM audit", []).is_err());
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("n");
    assert!(n >= 7);
}

#[test]
fn roles() {
    let (_dir, mut admin) = fixture("boss");
    assert!(admin.whoami().expect("who").single_user);
    admin.grant("boss", Role::Admin, None).expect("grant admin");
    admin
        .grant("op", Role::Operator, Some("A"))
        .expect("grant op");
    admin
        .grant("sup", Role::Supervisor, None)
        .expect("grant sup");
    assert!(admin.grant("op2", Role::Operator, None).is_err());

    let on = d(2019, 2, 1);
    let mut op = reopen_as(&admin, "op");
    op.update_progress(1, None, upd(10, on)).expect("own task");
    // A coordinated task: a note only; its progress is the lead's.
    assert_eq!(
        op.update_progress(3, None, upd(10, on))
            .unwrap_err()
            .exit_code(),
        5
    );
    op.update_progress(
        3,
        None,
        ProgressUpdate {
            progress: None,
            status: None,
            note: Some("Đã phối hợp".into()),
            on,
        },
    )
    .expect("coordinated task: a note");
    assert_eq!(
        op.update_progress(2, None, upd(10, on))
            .unwrap_err()
            .exit_code(),
        5
    );
    assert_eq!(
        op.add_agency(agency("D", "Sở Nội vụ"))
            .unwrap_err()
            .exit_code(),
        5
    );
    assert_eq!(
        op.add_task(new_task("Việc của B", "B", &[], None))
            .unwrap_err()
            .exit_code(),
        5
    );
    op.add_task(new_task("Việc của A", "A", &[], None))
        .expect("op adds own");
    let mut hand_off = TaskEdit {
        lead: Some("B".into()),
        ..Default::default()
    };
    hand_off.with = Some(vec![]);
    assert_eq!(
        op.edit_task(1, None, hand_off, on).unwrap_err().exit_code(),
        5
    );
    assert!(op.may_write_task(1).expect("may"));
    assert!(!op.may_write_task(2).expect("may"));

    for login in ["sup", "stranger"] {
        let mut s = reopen_as(&admin, login);
        let e = s.update_progress(1, None, upd(20, on)).unwrap_err();
        assert_eq!(e.exit_code(), 5, "{login}");
        assert!(e.to_string().contains("may only urge"), "{e}");
        s.urge_task(1, "Đề nghị báo cáo tiến độ", on)
            .expect("supervisor may urge");
        assert_eq!(
            s.grant(login, Role::Admin, None).unwrap_err().exit_code(),
            5
        );
    }
    assert_eq!(admin.task_urges(1).expect("urges").len(), 2);
    assert_eq!(admin.agency_urges("A", 10).expect("inbox").len(), 2);
    admin.revoke("sup", false).expect("revoke");
    assert_eq!(admin.revoke("sup", false).unwrap_err().exit_code(), 3);
}

#[test]
fn bad_values_are_invalid() {
    let (_dir, mut s) = fixture("me");
    let cases = vec![
        new_task("", "A", &[], None),
        new_task("Tiêu đề \u{1b}[31m đỏ", "A", &[], None),
        new_task("x\u{202e}y", "A", &[], None),
        new_task("Không rõ cơ quan", "ZZZ", &[], None),
        new_task("Phối hợp chính mình", "A", &["A"], None),
        NewTask {
            category: "sports".into(),
            ..new_task("Sai lĩnh vực", "A", &[], None)
        },
        NewTask {
            cadence: Cadence::Roadmap,
            ..new_task("Thiếu hạn", "A", &[], None)
        },
    ];
    for t in cases {
        let title = t.title.clone();
        assert_eq!(s.add_task(t).unwrap_err().exit_code(), 6, "{title:?}");
    }
    assert_eq!(s.count_tasks(&TaskFilter::default()).expect("n"), 3);
    let dup = s.add_agency(agency("A", "Trùng mã")).unwrap_err();
    assert_eq!(dup.exit_code(), 6);
    assert!(dup.to_string().contains("already exists"));
    let e = s
        .update_progress(
            1,
            None,
            ProgressUpdate {
                status: Some(Status::Done),
                ..upd(50, d(2019, 2, 1))
            },
        )
        .unwrap_err();
    assert_eq!(e.exit_code(), 6);
}
