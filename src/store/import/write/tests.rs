//! The history an import makes for a task without one, checked against `history_of`.

use super::*;
use crate::domain::{Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind};
use crate::store::import::{Origin, Sourced};
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

/// The histories written (in batches) for tasks imported without one are those
/// `history_of` makes, row for row and in order; a given history is kept as given.
#[test]
fn implied_histories_are_those_of_history_of() {
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
    let want_rows: usize = tasks.iter().map(|t| history_of(t).len()).sum();
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
    type Row = (String, String, String, i64, Option<String>, Option<String>);
    for (id, t) in ids.iter().zip(&tasks) {
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
        let want: Vec<Row> = history_of(t)
            .into_iter()
            .map(|h| {
                (
                    h.on.to_string(),
                    h.actor.unwrap_or_else(|| "me".into()),
                    h.status.code().to_string(),
                    i64::from(h.progress.get()),
                    h.completed_on.map(|c| c.to_string()),
                    h.note,
                )
            })
            .collect();
        assert_eq!(got, want, "{}", t.task.title);
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
    let mut sorted = order.clone();
    sorted.sort_unstable();
    let given_id = ids[2];
    let implied: Vec<i64> = order.iter().copied().filter(|i| *i != given_id).collect();
    let mut implied_sorted = implied.clone();
    implied_sorted.sort_unstable();
    assert_eq!(implied, implied_sorted);
    assert_eq!(order.len(), want_rows);
}
