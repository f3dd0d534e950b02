//! A small program with a dated progress history, built through the store's public API
//! (the same calls the CLI makes). Shared by the report, export and import tests with
//! `#[path = "report_fixture.rs"] mod fixture;`.
#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use phoihop::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, ProgressUpdate, Status,
};
use phoihop::store::Store;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fixed "today" of the fixture.
pub fn today() -> NaiveDate {
    d(2024, 3, 15)
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

#[allow(clippy::too_many_arguments)]
fn task(
    category: &str,
    title: &str,
    lead: &str,
    with: &[&str],
    deadline: Option<NaiveDate>,
    created: NaiveDate,
) -> NewTask {
    NewTask {
        program: "XD-2019-2020".into(),
        category: category.into(),
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
        basis: Some("Nghị quyết 18-NQ/TW".into()),
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: created,
        completed_on: None,
    }
}

fn upd(store: &mut Store, id: i64, p: i64, on: NaiveDate, note: &str) {
    store
        .update_progress(
            id,
            None,
            ProgressUpdate {
                progress: Some(Progress::new(p).unwrap()),
                status: None,
                note: Some(note.into()),
                on,
            },
        )
        .unwrap();
}

/// Creates the fixture database at `path`.
pub fn build(path: &Path) -> Store {
    let mut s = Store::open(path, false).unwrap();
    for (c, n, k) in [
        ("BTC", "Ban Tổ chức Tỉnh ủy", AgencyKind::Party),
        ("BTG", "Ban Tuyên giáo Tỉnh ủy", AgencyKind::Party),
        ("BDV", "Ban Dân vận Tỉnh ủy", AgencyKind::Party),
        ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy", AgencyKind::Party),
        (
            "BCSD-UBND",
            "Ban Cán sự Đảng UBND tỉnh",
            AgencyKind::Government,
        ),
        ("MTTQ", "Ủy ban MTTQ tỉnh", AgencyKind::Front),
    ] {
        s.add_agency(agency(c, n, k)).unwrap();
    }
    s.add_program(Program {
        code: "XD-2019-2020".into(),
        title: "Chương trình xây dựng hệ thống chính trị năm 2019-2020".into(),
        kind: ProgramKind::Building,
        starts_on: d(2019, 1, 1),
        ends_on: d(2020, 12, 31),
        parties: vec!["BTC".into(), "BTG".into()],
        basis: Some("Nghị quyết 18-NQ/TW".into()),
        review_months: 6,
    })
    .unwrap();
    let start = d(2019, 1, 2);
    let specs: Vec<(NewTask, Vec<(i64, NaiveDate)>)> = vec![
        (
            task(
                "ideology",
                "Tổ chức sinh hoạt chính trị dưới nghi thức chào cờ",
                "BTG",
                &["BTC"],
                Some(d(2019, 6, 30)),
                start,
            ),
            vec![(50, d(2019, 3, 1)), (100, d(2019, 6, 20))],
        ),
        (
            task(
                "ideology",
                "- Phát hành sách \"128 câu chuyện kể về Chủ tịch Hồ Chí Minh\"",
                "BTG",
                &[],
                Some(d(2019, 9, 30)),
                start,
            ),
            vec![(30, d(2019, 5, 1)), (100, d(2019, 11, 15))],
        ),
        (
            task(
                "organization",
                "=Ban hành Quy định trách nhiệm nêu gương \"10 xây\", \"10 chống\"",
                "BTC",
                &["UBKT"],
                Some(d(2019, 12, 31)),
                start,
            ),
            vec![(20, d(2019, 4, 1)), (60, d(2019, 10, 1))],
        ),
        (
            task(
                "organization",
                "Đánh giá chất lượng tổ chức cơ sở đảng và đảng viên",
                "BTC",
                &[],
                None,
                start,
            ),
            vec![(40, d(2019, 12, 1)), (70, d(2020, 6, 1))],
        ),
        (
            task(
                "inspection",
                "+Tăng cường kiểm tra, giám sát và thi hành kỷ luật trong Đảng",
                "UBKT",
                &["BTC"],
                Some(d(2020, 6, 30)),
                start,
            ),
            vec![(50, d(2019, 8, 1)), (100, d(2020, 5, 30))],
        ),
        (
            task(
                "mass_mobilization",
                "@Nhân rộng mô hình \"Dân vận khéo\" trên các lĩnh vực",
                "BDV",
                &["MTTQ"],
                Some(d(2020, 3, 31)),
                start,
            ),
            vec![(10, d(2019, 9, 1))],
        ),
        (
            task(
                "government",
                "Đổi mới tổ chức và hoạt động của UBND các cấp",
                "BCSD-UBND",
                &["BTC"],
                Some(d(2020, 12, 31)),
                d(2019, 7, 1),
            ),
            vec![(25, d(2019, 12, 15)), (80, d(2020, 9, 1))],
        ),
        (
            task(
                "front",
                "Giám sát, phản biện xã hội; góp ý xây dựng Đảng, chính quyền",
                "MTTQ",
                &["BDV"],
                None,
                start,
            ),
            vec![(30, d(2019, 6, 1))],
        ),
    ];
    for (t, updates) in specs {
        let id = s.add_task(t).unwrap().id;
        for (p, on) in updates {
            upd(&mut s, id, p, on, "Cập nhật tiến độ");
        }
    }
    s.urge_task(
        3,
        "Đề nghị khẩn trương hoàn thành, báo cáo Thường trực Tỉnh ủy",
        d(2020, 1, 10),
    )
    .unwrap();
    s.urge_task(6, "Đề nghị báo cáo tiến độ", d(2019, 12, 20))
        .unwrap();
    s.urge_task(6, "Đôn đốc lần 2", d(2020, 5, 4)).unwrap();
    s
}
