//! Shared test fixtures: a database with the demo data, fixed dates.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use phoihop::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, ProgressUpdate, Status,
};
use phoihop::store::Store;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fixed "today" of every TUI test.
pub fn today() -> NaiveDate {
    d(2026, 3, 15)
}

/// The fixed as-of date of the dashboard snapshots: the 2015-2020 program's final review.
pub fn as_of() -> NaiveDate {
    d(2020, 11, 6)
}

/// Creates `dir/demo.db` with the demo data (through the demo module when it is built,
/// else a fixture with the same seed-003 counts built through the store's write API).
pub fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    let mut store = Store::open(&path, false).unwrap();
    if phoihop::demo::load(&mut store, today(), false).is_err() {
        fixture(&mut store);
    }
    path
}

fn agency(code: &str, name: &str, kind: AgencyKind) -> Agency {
    Agency {
        code: code.into(),
        name: name.into(),
        kind,
        parent: None,
        head: None,
        members: None,
        staff: None,
    }
}

fn fixture(store: &mut Store) {
    let agencies = [
        ("TU", "Tỉnh ủy", AgencyKind::Party),
        ("VPTU", "Văn phòng Tỉnh ủy", AgencyKind::Party),
        ("BTCTU", "Ban Tổ chức Tỉnh ủy", AgencyKind::Party),
        ("BTGTU", "Ban Tuyên giáo Tỉnh ủy", AgencyKind::Party),
        ("BDVTU", "Ban Dân vận Tỉnh ủy", AgencyKind::Party),
        ("BNCTU", "Ban Nội chính Tỉnh ủy", AgencyKind::Party),
        ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy", AgencyKind::Party),
        (
            "BCSUBND",
            "Ban Cán sự Đảng UBND tỉnh",
            AgencyKind::Government,
        ),
        ("DUK", "Đảng ủy Khối các cơ quan tỉnh", AgencyKind::Party),
        ("MTTQ", "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind::Front),
    ];
    for (c, n, k) in agencies {
        store.add_agency(agency(c, n, k)).unwrap();
    }
    store
        .add_program(Program {
            code: "XDHTCT-2015-2020".into(),
            title: "Chương trình xây dựng hệ thống chính trị giai đoạn 2015-2020".into(),
            kind: ProgramKind::Building,
            starts_on: d(2015, 11, 6),
            ends_on: d(2020, 12, 31),
            parties: vec!["TU".into()],
            basis: Some("Nghị quyết 18-NQ/TW".into()),
            review_months: 6,
        })
        .unwrap();
    let cats = [
        (
            "ideology",
            5,
            "BTGTU",
            "Quán triệt, tuyên truyền nghị quyết",
        ),
        (
            "organization",
            15,
            "BTCTU",
            "Sắp xếp tổ chức bộ máy, kiện toàn cấp ủy",
        ),
        (
            "inspection",
            4,
            "UBKTTU",
            "Kiểm tra, giám sát việc thực hiện",
        ),
        ("mass_mobilization", 11, "BDVTU", "Đổi mới công tác dân vận"),
        (
            "internal_affairs",
            4,
            "BNCTU",
            "Phòng, chống tham nhũng, lãng phí",
        ),
        (
            "government",
            16,
            "BCSUBND",
            "Cải cách hành chính, tinh giản biên chế",
        ),
        ("front", 3, "MTTQ", "Giám sát, phản biện xã hội"),
    ];
    let mut k = 0;
    for (cat, n, lead, title) in cats {
        for i in 0..n {
            k += 1;
            let deadline = d(
                2016 + (k % 5),
                1 + (k as u32 * 5) % 12,
                1 + (k as u32 * 7) % 28,
            );
            let (status, progress, completed) = match k % 4 {
                0 => (
                    Status::Done,
                    100,
                    Some(deadline - chrono::Duration::days(10)),
                ),
                1 => (
                    Status::Done,
                    100,
                    Some(deadline + chrono::Duration::days(20)),
                ),
                2 => (Status::InProgress, 40 + (k % 50) as i64, None),
                _ => (Status::NotStarted, 0, None),
            };
            let recurring = k % 9 == 0;
            let t = store
                .add_task(NewTask {
                    program: "XDHTCT-2015-2020".into(),
                    category: cat.into(),
                    title: format!("{title} (đợt {})", i + 1),
                    description: Some(format!(
                        "{title}, theo kế hoạch của Tỉnh ủy; báo cáo kết quả về Văn phòng Tỉnh ủy."
                    )),
                    lead: lead.into(),
                    with: if k % 3 == 0 {
                        vec!["VPTU".into(), "DUK".into()]
                    } else {
                        vec![]
                    },
                    cadence: if recurring {
                        Cadence::Recurring
                    } else {
                        Cadence::Roadmap
                    },
                    deadline: if recurring { None } else { Some(deadline) },
                    basis: Some("Nghị quyết 18-NQ/TW".into()),
                    status: Status::NotStarted,
                    progress: Progress::ZERO,
                    created_on: d(2015, 12, 1),
                    completed_on: None,
                })
                .unwrap();
            if status != Status::NotStarted {
                let on = completed.unwrap_or(d(2017, 6, 1)).min(d(2020, 10, 1));
                store
                    .update_progress(
                        t.id,
                        None,
                        ProgressUpdate {
                            progress: Some(Progress::new(progress).unwrap()),
                            status: Some(status),
                            note: Some("Đã báo cáo tiến độ".into()),
                            on,
                        },
                    )
                    .unwrap();
            }
            if k % 7 == 0 {
                store
                    .urge_task(t.id, "Đề nghị khẩn trương hoàn thành", d(2020, 9, 1))
                    .unwrap();
            }
        }
    }
}
