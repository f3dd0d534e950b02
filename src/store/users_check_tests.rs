//! Store-level tests of `grants` (behind `user list`) and `check`, with several logins
//! on one temp file.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::test_support::{reopen_as, temp_store};
use crate::domain::{
    Agency, AgencyKind, Cadence, Grant, NewTask, Program, ProgramKind, Progress, ProgressUpdate,
    Role, Status,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn seed(store: &mut super::Store) -> (i64, i64) {
    for code in ["A", "B"] {
        store
            .add_agency(Agency {
                code: code.into(),
                name: format!("Ban {code}"),
                kind: AgencyKind::Party,
                parent: None,
                head: None,
                members: None,
                staff: None,
            })
            .unwrap();
    }
    store
        .add_program(Program {
            code: "P".into(),
            title: "Chương trình".into(),
            kind: ProgramKind::Building,
            starts_on: d(2015, 11, 1),
            ends_on: d(2020, 11, 6),
            parties: vec!["A".into()],
            basis: None,
            review_months: 6,
        })
        .unwrap();
    let mut add = |lead: &str| {
        store
            .add_task(NewTask {
                program: "P".into(),
                category: "ideology".into(),
                title: format!("Nhiệm vụ của {lead}"),
                description: None,
                lead: lead.into(),
                with: vec![],
                cadence: Cadence::Roadmap,
                deadline: Some(d(2018, 6, 30)),
                basis: None,
                status: Status::NotStarted,
                progress: Progress::ZERO,
                created_on: d(2018, 1, 1),
                completed_on: None,
            })
            .unwrap()
            .id
    };
    (add("A"), add("B"))
}

fn upd(n: i64) -> ProgressUpdate {
    ProgressUpdate {
        progress: Some(Progress::new(n).unwrap()),
        status: None,
        note: None,
        on: d(2018, 3, 1),
    }
}

#[test]
fn grants_list_and_roles_per_login() {
    let (_dir, mut admin) = temp_store("hoa");
    let (a, b) = seed(&mut admin);
    assert!(admin.grants().unwrap().is_empty());
    assert!(admin.whoami().unwrap().single_user);
    admin.grant("hoa", Role::Admin, None).unwrap();
    admin.grant("lan", Role::Operator, Some("A")).unwrap();
    admin.grant("minh", Role::Supervisor, None).unwrap();
    assert_eq!(
        admin.grants().unwrap(),
        vec![
            Grant {
                login: "hoa".into(),
                role: Role::Admin,
                agency: None
            },
            Grant {
                login: "lan".into(),
                role: Role::Operator,
                agency: Some("A".into())
            },
            Grant {
                login: "minh".into(),
                role: Role::Supervisor,
                agency: None
            },
        ]
    );

    let mut lan = reopen_as(&admin, "lan");
    assert_eq!(lan.update_progress(a, None, upd(40)).unwrap().version, 2);
    assert_eq!(
        lan.update_progress(b, None, upd(40))
            .unwrap_err()
            .exit_code(),
        5
    );
    let mut minh = reopen_as(&admin, "minh");
    assert_eq!(
        minh.update_progress(a, None, upd(50))
            .unwrap_err()
            .exit_code(),
        5
    );
    minh.urge_task(a, "Đề nghị báo cáo", d(2018, 3, 2)).unwrap();
    // A login without a grant is a supervisor once grants exist.
    let mut stranger = reopen_as(&admin, "khach");
    assert!(stranger.whoami().unwrap().ungranted);
    assert_eq!(
        stranger
            .grant("khach", Role::Admin, None)
            .unwrap_err()
            .exit_code(),
        5
    );
    assert_eq!(admin.revoke("nobody", false).unwrap_err().exit_code(), 3);
    admin.revoke("lan", false).unwrap();
    assert_eq!(admin.grants().unwrap().len(), 2);
    assert_eq!(admin.task(b).unwrap().version, 1);
}

#[test]
fn check_is_clean_then_reports_broken_rows() {
    let (_dir, mut store) = temp_store("hoa");
    let (a, b) = seed(&mut store);
    store.update_progress(a, None, upd(100)).unwrap();
    assert_eq!(store.check().unwrap(), vec![]);
    // Rows broken behind the store's back (another tool, a bad import).
    store
        .conn()
        .execute("UPDATE task SET progress = 50 WHERE id = ?1", [a])
        .unwrap();
    store
        .conn()
        .execute(
            "UPDATE task SET completed_on = '2018-01-02' WHERE id = ?1",
            [b],
        )
        .unwrap();
    let found: Vec<String> = store
        .check()
        .unwrap()
        .into_iter()
        .map(|f| f.what.render(crate::lang::Lang::En))
        .collect();
    assert!(
        found.contains(&format!("Task {a} is done but not at 100%.")),
        "{found:?}"
    );
    assert!(
        found.contains(&format!("Task {a} differs from its last version.")),
        "{found:?}"
    );
    assert!(
        found.contains(&format!("Task {b} is not done but has a completion date.")),
        "{found:?}"
    );
}
