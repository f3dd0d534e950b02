//! Store tests of the reads: buckets in SQL, the summary and attention list, windows,
//! agencies and programs, backup, data_version.

use super::*;

#[test]
fn sql_buckets_agree_with_domain() {
    let (_dir, mut s) = fixture("me");
    s.update_progress(1, None, upd(100, d(2019, 6, 30)))
        .expect("on time");
    s.update_progress(2, None, upd(100, d(2019, 4, 15)))
        .expect("late");
    // An open task, to cross its deadline and its due-soon window.
    s.add_task(new_task("Sơ kết 9 tháng", "A", &[], Some(d(2019, 9, 30))))
        .expect("t4");
    for as_of in [
        d(2019, 1, 15),
        d(2019, 5, 1),
        d(2019, 7, 1),
        d(2019, 9, 15),
        d(2019, 9, 16),
        d(2019, 9, 30),
        d(2019, 10, 1),
        d(2020, 1, 1),
    ] {
        let filter = TaskFilter::default();
        // The summary's fold (live table) counts what the domain's rules say.
        let sum = s.summary(&Scope::default(), as_of, as_of).expect("summary");
        let all = s
            .tasks(&filter, TaskSort::Id, false, 0, 100)
            .expect("tasks");
        let n = |b: Bucket| {
            all.iter()
                .filter(|t| bucket(t.status, t.deadline, t.completed_on, as_of) == b)
                .count() as i64
        };
        let soon = all
            .iter()
            .filter(|t| crate::domain::due_soon(t.status, t.deadline, as_of))
            .count() as i64;
        let c = sum.totals;
        assert_eq!(
            [c.done_on_time, c.done_late, c.in_time, c.overdue],
            [
                n(Bucket::DoneOnTime),
                n(Bucket::DoneLate),
                n(Bucket::InTime),
                n(Bucket::Overdue)
            ],
            "summary as of {as_of}"
        );
        assert_eq!(sum.due_soon, soon, "due soon as of {as_of}");
        for t in s
            .tasks(&filter, TaskSort::Id, false, 0, 100)
            .expect("tasks")
        {
            let b = bucket(t.status, t.deadline, t.completed_on, as_of);
            let f = TaskFilter {
                bucket: Some(b),
                ids: Some(vec![t.id]),
                as_of: Some(as_of),
                ..Default::default()
            };
            assert_eq!(
                s.count_tasks(&f).expect("n"),
                1,
                "task {} as of {as_of}",
                t.id
            );
        }
    }
}

#[test]
fn summary_now_and_as_of_history() {
    let (_dir, mut s) = fixture("me");
    s.update_progress(1, None, upd(50, d(2019, 3, 1)))
        .expect("u1");
    s.update_progress(1, None, upd(100, d(2019, 6, 1)))
        .expect("u2");
    s.update_progress(2, None, upd(100, d(2019, 4, 15)))
        .expect("u3");
    let scope = Scope::default();
    let today = d(2020, 1, 1);

    let now = s.summary(&scope, today, today).expect("now");
    assert_eq!(now.totals.tasks, 3);
    assert_eq!(
        (
            now.totals.done_on_time,
            now.totals.done_late,
            now.totals.in_time,
            now.totals.overdue
        ),
        (1, 1, 1, 0)
    );
    assert!(
        (now.totals.progress - 66.7).abs() < 0.01,
        "{}",
        now.totals.progress
    );
    assert_eq!(now.categories.len(), 7);
    assert_eq!(now.categories[0].counts.tasks, 3);
    assert_eq!(
        now.agencies
            .iter()
            .map(|a| a.code.as_str())
            .collect::<Vec<_>>(),
        ["A", "B"]
    );

    // On 1 April 2019 task 1 was at 50 % and in time, task 2 overdue, task 3 in time.
    let then = s.summary(&scope, d(2019, 4, 1), today).expect("then");
    assert_eq!(
        (
            then.totals.done_on_time,
            then.totals.done_late,
            then.totals.in_time,
            then.totals.overdue
        ),
        (0, 0, 2, 1)
    );
    assert!(
        (then.totals.progress - 16.7).abs() < 0.01,
        "{}",
        then.totals.progress
    );
    // Before anything existed.
    let before = s.summary(&scope, d(2018, 12, 31), today).expect("before");
    assert_eq!(before.totals.tasks, 0);
    // Scoped to agency A: leads task 1, coordinates task 3.
    let a = s
        .summary(
            &Scope {
                agency: Some("A".into()),
                ..Default::default()
            },
            today,
            today,
        )
        .expect("a");
    assert_eq!(a.totals.tasks, 2);
}

#[test]
fn attention_lists_overdue_then_due_soon() {
    let (_dir, s) = fixture("me");
    let as_of = d(2019, 6, 20);
    let list = s
        .attention(&Scope::default(), as_of, 10)
        .expect("attention");
    let ids: Vec<i64> = list.iter().map(|t| t.id).collect();
    assert_eq!(ids, [2, 1], "task 2 overdue since 31/03, task 1 due 30/06");
}

#[test]
fn windowed_sorted_reads() {
    let (_dir, s) = fixture("me");
    let f = TaskFilter::default();
    let by_title: Vec<String> = s
        .tasks(&f, TaskSort::Title, false, 0, 10)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(by_title[0], "Công tác dân vận chính quyền");
    let page = s.tasks(&f, TaskSort::Id, true, 1, 1).expect("page");
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, 2);
    let t3 = s.task(3).expect("t3");
    assert_eq!(t3.with, vec!["A".to_string()]);
    let q = TaskFilter {
        contains: Some("DAN van".into()),
        ..Default::default()
    };
    assert_eq!(s.count_tasks(&q).expect("n"), 1);
    let q = TaskFilter {
        contains: Some("khao hai".into()),
        ..Default::default()
    };
    assert_eq!(s.count_tasks(&q).expect("n"), 1, "terms in any order");
    let q = TaskFilter {
        agency: Some("A".into()),
        ..Default::default()
    };
    assert_eq!(s.count_tasks(&q).expect("n"), 2);
}

#[test]
fn agencies_and_programs_edit_and_remove() {
    let (_dir, mut s) = fixture("me");
    let e = s.remove_agency("A").unwrap_err();
    assert_eq!(e.exit_code(), 6);
    s.add_agency(agency("D", "Sở Nội vụ")).expect("D");
    s.edit_agency(
        "D",
        agencies::AgencyEdit {
            parent: Some(Some("C".into())),
            ..Default::default()
        },
    )
    .expect("parent");
    let cyc = s.edit_agency(
        "C",
        agencies::AgencyEdit {
            parent: Some(Some("D".into())),
            ..Default::default()
        },
    );
    assert_eq!(cyc.unwrap_err().exit_code(), 6);
    assert_eq!(s.agencies_matching("so noi").expect("m")[0].code, "D");
    s.edit_agency(
        "D",
        agencies::AgencyEdit {
            parent: Some(None),
            ..Default::default()
        },
    )
    .expect("unparent");
    s.remove_agency("D").expect("remove D");
    assert_eq!(s.agency("D").unwrap_err().exit_code(), 3);
    assert_eq!(s.remove_program("P").unwrap_err().exit_code(), 6);
    let p = s
        .edit_program(
            "P",
            programs::ProgramEdit {
                review_months: Some(3),
                ..Default::default()
            },
        )
        .expect("edit");
    assert_eq!(p.review_months, 3);
    assert_eq!(s.program("P").expect("p").parties, ["A", "B"]);
}

#[test]
fn backup_and_check() {
    let (dir, s) = fixture("me");
    assert!(s.check().expect("check").is_empty());
    let dest = dir.path().join("copy.db");
    s.backup(&dest).expect("backup");
    let copy = Store::open(&dest, true).expect("open copy");
    assert_eq!(copy.count_tasks(&TaskFilter::default()).expect("n"), 3);
    assert_eq!(s.backup(&dest).unwrap_err().exit_code(), 2);
}

#[test]
fn data_version_moves_on_foreign_commit() {
    let (_dir, s) = fixture("me");
    let mut other = reopen_as(&s, "me");
    let v0 = s.data_version().expect("v0");
    other
        .update_progress(1, None, upd(30, d(2019, 2, 1)))
        .expect("write");
    assert_ne!(s.data_version().expect("v1"), v0);
}

/// The two halves of a split read see one snapshot: a task added by another login while
/// the first half runs is seen by neither half, and both see the tasks added before.
#[test]
fn a_split_read_is_one_snapshot_on_two_connections() {
    let (_dir, s) = fixture("me");
    let mut writer = reopen_as(&s, "me");
    let all = TaskFilter::default();
    let before = s.count_tasks(&all).expect("count");
    let (gate_tx, gate_rx) = std::sync::mpsc::channel::<()>();
    let (here, there) = s
        .snapshot_split(
            |s| {
                writer
                    .add_task(new_task("Giao ban quý", "A", &[], Some(d(2019, 9, 30))))
                    .expect("added while the split read runs");
                gate_tx.send(()).expect("gate");
                s.count_tasks(&all)
            },
            {
                let all = all.clone();
                move |s| {
                    gate_rx.recv().expect("gate");
                    // On its own connection (its own thread): the commit is not seen here.
                    Ok((s.count_tasks(&all)?, std::thread::current().id()))
                }
            },
        )
        .expect("split read");
    assert_eq!(here, before);
    assert_eq!(there.0, before);
    assert_ne!(
        there.1,
        std::thread::current().id(),
        "the second half ran on a thread"
    );
    // After the read, the new task is there.
    assert_eq!(s.count_tasks(&all).expect("count"), before + 1);
    // Inside a snapshot already, both halves run here, in that snapshot.
    let inner = s
        .snapshot(|s| {
            s.snapshot_split(
                |s| s.count_tasks(&all),
                |s| Ok((s.count_tasks(&all)?, std::thread::current().id())),
            )
        })
        .expect("nested");
    assert_eq!(inner.0, before + 1);
    assert_eq!(inner.1 .1, std::thread::current().id());
}

/// The codes the task rows name are kept while nothing is written: a code changed by
/// another connection, by this one, or inside a write transaction later rolled back
/// reads as it stands at each read.
#[test]
fn kept_codes_follow_every_write() {
    let (_dir, s) = fixture("me");
    let t = s.task(3).expect("t3");
    assert_eq!(
        (t.lead.as_str(), t.with.clone()),
        ("B", vec!["A".to_string()])
    );
    let other = rusqlite::Connection::open(s.path()).expect("other");
    other
        .execute("UPDATE agency SET code = 'B2' WHERE code = 'B'", [])
        .expect("other writes");
    assert_eq!(s.task(3).expect("t3").lead, "B2");
    s.conn()
        .execute("UPDATE agency SET code = 'A2' WHERE code = 'A'", [])
        .expect("this one writes");
    assert_eq!(s.task(3).expect("t3").with, vec!["A2"]);
    s.conn()
        .execute_batch("BEGIN IMMEDIATE; UPDATE agency SET code = 'A3' WHERE code = 'A2';")
        .expect("a write begun");
    assert_eq!(s.task(3).expect("t3").with, vec!["A3"]);
    s.conn().execute_batch("ROLLBACK").expect("rolled back");
    assert_eq!(s.task(3).expect("t3").with, vec!["A2"]);
    // In a past version too (its coordinating agencies as a JSON array of ids).
    let past = s
        .task_as_of(3, Some(chrono::Local::now().date_naive()))
        .expect("t3 now");
    assert_eq!(
        (past.lead.as_str(), past.with),
        ("B2", vec!["A2".to_string()])
    );
}
