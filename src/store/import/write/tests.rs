//! The history an import makes for a task without one.

use super::*;
use crate::domain::{Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind};
use crate::store::import::{ImportHistory, Origin, Sourced};
use crate::store::test_support::temp_store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn task(title: &str, status: Status, p: i64, done: Option<NaiveDate>) -> ImportTask {
    ImportTask {
        task: NewTask {
            program: "P".into(),
            category: "ideology".into(),
            title: title.into(),
            description: None,
            lead: "A".into(),
            with: vec![],
            cadence: Cadence::Roadmap,
            deadline: Some(d(2019, 6, 30)),
            basis: None,
            status,
            progress: Progress::new(p).expect("progress"),
            created_on: d(2019, 1, 10),
            completed_on: done,
        },
        history: vec![],
        urges: vec![],
    }
}

/// A task imported without a history gets one made from its state, written in batches:
/// one entry on its creation date, or "not started" then "done" for a task completed
/// after that day; a given history is kept as given.
#[test]
fn imported_tasks_get_the_history_their_state_implies() {
    let (_dir, mut s) = temp_store("me");
    s.add_agency(Agency {
        code: "A".into(),
        name: "Ban Tuyên giáo Tỉnh ủy".into(),
        kind: AgencyKind::Party,
        parent: None,
        head: None,
        members: None,
        staff: None,
    })
    .expect("agency");
    s.add_program(Program {
        code: "P".into(),
        title: "Chương trình phối hợp năm 2019".into(),
        kind: ProgramKind::Coordination,
        starts_on: d(2019, 1, 1),
        ends_on: d(2019, 12, 31),
        parties: vec![],
        basis: None,
        review_months: 6,
    })
    .expect("program");
    let mut given = task("Có lịch sử", Status::InProgress, 50, None);
    given.history = vec![
        ImportHistory {
            on: d(2019, 1, 10),
            at: Some("2019-01-10T08:00:00Z".into()),
            actor: Some("cu".into()),
            status: Status::NotStarted,
            progress: Progress::ZERO,
            completed_on: None,
            note: Some("bắt đầu".into()),
        },
        ImportHistory {
            on: d(2019, 3, 1),
            at: None,
            actor: None,
            status: Status::InProgress,
            progress: Progress::new(50).expect("50"),
            completed_on: None,
            note: None,
        },
    ];
    let tasks = vec![
        task("Chưa bắt đầu", Status::NotStarted, 0, None),
        task("Đang làm", Status::InProgress, 40, None),
        given,
        task("Xong muộn", Status::Done, 100, Some(d(2019, 8, 1))),
        task("Xong ngay", Status::Done, 100, Some(d(2019, 1, 10))),
        task("Tạm dừng", Status::Suspended, 20, None),
        task("Xong sớm", Status::Done, 100, Some(d(2019, 2, 1))),
    ];
    let batch = ImportBatch {
        tasks: tasks
            .iter()
            .enumerate()
            .map(|(i, t)| Sourced {
                origin: Origin {
                    file: "t.csv".into(),
                    line: i as u64 + 2,
                },
                value: t.clone(),
            })
            .collect(),
        label: "t.csv".into(),
        ..Default::default()
    };
    let out = s.import(&batch, false).expect("import");
    type Row = (String, String, String, i64, Option<String>, Option<String>);
    let row = |on: &str,
               actor: &str,
               status: &str,
               p: i64,
               done: Option<&str>,
               note: Option<&str>|
     -> Row {
        (
            on.into(),
            actor.into(),
            status.into(),
            p,
            done.map(str::to_string),
            note.map(str::to_string),
        )
    };
    let start = "2019-01-10";
    let wants: Vec<Vec<Row>> = vec![
        vec![row(start, "me", "not_started", 0, None, None)],
        vec![row(start, "me", "in_progress", 40, None, None)],
        vec![
            row(start, "cu", "not_started", 0, None, Some("bắt đầu")),
            row("2019-03-01", "me", "in_progress", 50, None, None),
        ],
        vec![
            row(start, "me", "not_started", 0, None, None),
            row("2019-08-01", "me", "done", 100, Some("2019-08-01"), None),
        ],
        vec![row(start, "me", "done", 100, Some(start), None)],
        vec![row(start, "me", "suspended", 20, None, None)],
        vec![
            row(start, "me", "not_started", 0, None, None),
            row("2019-02-01", "me", "done", 100, Some("2019-02-01"), None),
        ],
    ];
    let want_rows: usize = wants.iter().map(Vec::len).sum();
    assert_eq!(out.history_added, want_rows as u64);
    let ids: Vec<i64> = {
        let mut st = s
            .conn()
            .prepare("SELECT id FROM task ORDER BY id")
            .expect("ids");
        let ids = st
            .query_map([], |r| r.get(0))
            .expect("ids")
            .collect::<rusqlite::Result<_>>()
            .expect("ids");
        ids
    };
    assert_eq!(ids.len(), tasks.len());
    for ((id, t), want) in ids.iter().zip(&tasks).zip(&wants) {
        let mut st = s
            .conn()
            .prepare(
                "SELECT on_date, actor, status, progress, completed_on, note FROM task_history \
                 WHERE task_id = ?1 ORDER BY on_date, id",
            )
            .expect("history");
        let got: Vec<Row> = st
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .expect("history")
            .collect::<rusqlite::Result<_>>()
            .expect("history");
        assert_eq!(&got, want, "{}", t.task.title);
    }
    // Each task's rows are together and in order, as if written task by task.
    let order: Vec<i64> = {
        let mut st = s
            .conn()
            .prepare("SELECT task_id FROM task_history ORDER BY id")
            .expect("order");
        let v = st
            .query_map([], |r| r.get(0))
            .expect("order")
            .collect::<rusqlite::Result<_>>()
            .expect("order");
        v
    };
    let given_id = ids[2];
    let implied: Vec<i64> = order.iter().copied().filter(|i| *i != given_id).collect();
    let mut implied_sorted = implied.clone();
    implied_sorted.sort_unstable();
    assert_eq!(implied, implied_sorted);
    assert_eq!(order.len(), want_rows);
}
