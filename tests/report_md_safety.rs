//! Markdown reports cannot carry code (issue 21): a corpus of hostile titles, agency
//! names, a program title and urge messages goes through the md report in both
//! languages; no raw `<` comes out, no `javascript:` (nor any other non-http scheme), and
//! no link other than http/https/mailto can form.

#[path = "report_fixture.rs"]
mod fixture;

use fixture::{d, today};
use phoihop::domain::{
    Agency, AgencyKind, Cadence, NewTask, Program, ProgramKind, Progress, Status,
};
use phoihop::report::{self, Request};

/// Titles a hostile or careless user could type.
const HOSTILE: [&str; 16] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[bấm vào đây](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](JaVaScRiPt:alert(1))",
    "![ảnh](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[a]: javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[x](java&#115;cript:alert(1))",
    "<a href=\"javascript:alert(1)\">Báo cáo</a>",
    "\\<script>alert(1)\\</script>",
    "[x](<javascript:alert(1)>)",
    "[x]\n(javascript:alert(1))",
    "Xem [x][1] [1]: data:text/html,alert(1)",
    "<!-- --><iframe src=//evil>",
];

fn hostile_store(path: &std::path::Path) -> phoihop::store::Store {
    let mut s = fixture::build(path);
    s.add_agency(Agency {
        code: "EVIL".into(),
        name: "<b onmouseover=alert(1)>Ban [x](javascript:alert(1))</b>".into(),
        kind: AgencyKind::Party,
        parent: None,
        head: None,
        members: None,
        staff: None,
    })
    .unwrap();
    s.add_program(Program {
        code: "HOSTILE".into(),
        title: "<script>alert(1)</script> [x](javascript:alert(1))".into(),
        kind: ProgramKind::Building,
        starts_on: d(2019, 1, 1),
        ends_on: d(2020, 12, 31),
        parties: vec!["BTC".into()],
        basis: Some("<iframe src=javascript:alert(1)>".into()),
        review_months: 6,
    })
    .unwrap();
    for (i, title) in HOSTILE.iter().enumerate() {
        let title = title.replace('\n', " ");
        let t = s
            .add_task(NewTask {
                program: if i % 2 == 0 {
                    "HOSTILE"
                } else {
                    "XD-2019-2020"
                }
                .into(),
                category: "ideology".into(),
                title,
                description: Some("<script>x</script>".into()),
                lead: if i % 3 == 0 { "EVIL" } else { "BTC" }.into(),
                with: vec!["BTG".into()],
                cadence: Cadence::Roadmap,
                deadline: Some(d(2019, 6, 30)),
                basis: None,
                status: Status::NotStarted,
                progress: Progress::ZERO,
                created_on: d(2019, 1, 2),
                completed_on: None,
            })
            .unwrap();
        s.urge_task(
            t.id,
            "<script>alert(1)</script> [x](javascript:1)",
            d(2019, 8, 1),
        )
        .unwrap();
    }
    s
}

#[test]
fn hostile_text_cannot_become_markup_in_the_md_report() {
    let tmp = tempfile::tempdir().unwrap();
    let store = hostile_store(&tmp.path().join("h.db"));
    for program in [None, Some("HOSTILE"), Some("XD-2019-2020")] {
        let req = Request {
            program: program.map(String::from),
            from: None,
            to: d(2020, 1, 1),
        };
        let r = report::build(&store, &req, today()).unwrap();
        assert!(!r.overdue.is_empty());
        for lang in ["vi", "en"] {
            let md = report::markdown::render(&r, lang);
            let what = format!("{program:?} {lang}");
            assert!(!md.contains('<'), "{what}: a raw `<`:\n{md}");
            let lower = md.to_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!lower.contains(scheme), "{what}: `{scheme}` in:\n{md}");
            }
            // Every `](` that could open a link is escaped (`\](`).
            for (i, _) in md.match_indices("](") {
                assert!(
                    md[..i].ends_with('\\'),
                    "{what}: a link can form at {}",
                    &md[i.saturating_sub(30)..(i + 30).min(md.len())]
                );
            }
            // The hostile rows are there, shown as text.
            assert!(md.contains("&lt;") && md.contains("alert(1)"), "{what}");
            if program == Some("HOSTILE") {
                assert!(
                    md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn http_links_in_the_data_stay_links() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = fixture::build(&tmp.path().join("l.db"));
    s.add_task(NewTask {
        program: "XD-2019-2020".into(),
        category: "ideology".into(),
        title: "Đăng tin trên [cổng thông tin](https://www.quangninh.gov.vn)".into(),
        description: None,
        lead: "BTC".into(),
        with: vec![],
        cadence: Cadence::Roadmap,
        deadline: Some(d(2019, 6, 30)),
        basis: None,
        status: Status::NotStarted,
        progress: Progress::ZERO,
        created_on: d(2019, 1, 2),
        completed_on: None,
    })
    .unwrap();
    let req = Request {
        program: Some("XD-2019-2020".into()),
        from: None,
        to: d(2020, 1, 1),
    };
    let r = report::build(&s, &req, today()).unwrap();
    let md = report::markdown::render(&r, "vi");
    assert!(
        md.contains("[cổng thông tin](https://www.quangninh.gov.vn)"),
        "{md}"
    );
}
