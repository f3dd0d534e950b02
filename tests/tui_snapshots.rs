//! Snapshots of every view at 60×20, 80×24 and 120×40 in both languages on the demo data,
//! with a fixed as-of date and a fixed today; the numbers of a generated 100,000-task
//! database; plus tiny terminals, resize storms and escaped stored text.

mod common;

use phoihop::store::Store;
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::Lang;
use phoihop::tui::state::AppState;
use phoihop::tui::theme::Theme;
use phoihop::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (120, 40)];

fn app(path: &std::path::Path, lang: Lang, program: Option<&str>, size: (u16, u16)) -> AppState {
    let store = Store::open(path, true).unwrap();
    AppState::new(
        store,
        lang,
        common::as_of(),
        common::today(),
        program.map(str::to_string),
        size,
    )
    .map(|mut s| {
        normalize(&mut s);
        s
    })
    .unwrap()
}

fn render(state: &AppState, theme: &Theme) -> String {
    let (w, h) = state.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, state, theme)).unwrap();
    t.backend().to_string()
}

/// Snapshots are taken under any user: the login shown is made the same everywhere.
fn normalize(s: &mut AppState) {
    if let Some(w) = &mut s.who {
        w.login = "operator".into();
    }
    for r in &mut s.activity.rows {
        r.change.actor = "operator".into();
    }
    if let Some(phoihop::tui::state::Dialog::Conflict(c)) = &mut s.dialog {
        if let Some(by) = &mut c.by {
            by.actor = "operator".into();
        }
    }
}

/// Drives the state to a screen, then snapshots it at both sizes.
fn snap(name: &str, lang: Lang, program: Option<&str>, actions: &[Action]) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for (w, h) in SIZES {
        let mut s = app(&path, lang, program, (w, h));
        for a in actions {
            s.update(a.clone());
        }
        let out = render(&s, &Theme::mono());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), out);
    }
}

#[test]
fn dashboard_vi() {
    snap("dashboard_vi", Lang::Vi, Some("XDHTCT-2015-2020"), &[]);
}

#[test]
fn dashboard_en_all_programs() {
    snap("dashboard_en", Lang::En, None, &[]);
}

#[test]
fn programs() {
    snap(
        "programs_vi",
        Lang::Vi,
        None,
        &[Action::SwitchView(View::Programs)],
    );
    snap(
        "programs_en",
        Lang::En,
        None,
        &[Action::SwitchView(View::Programs)],
    );
}

#[test]
fn tasks_sorted_by_deadline_descending() {
    use Action::*;
    snap(
        "tasks_vi",
        Lang::Vi,
        Some("XDHTCT-2015-2020"),
        &[
            SwitchView(View::Tasks),
            SortNext,
            SortNext,
            SortNext,
            SortNext,
            SortNext,
            SortReverse,
            Down,
            Down,
        ],
    );
}

#[test]
fn tasks_en() {
    snap(
        "tasks_en",
        Lang::En,
        None,
        &[Action::SwitchView(View::Tasks), Action::PageDown],
    );
}

#[test]
fn agencies_and_drill_down() {
    use Action::*;
    snap(
        "agencies_vi",
        Lang::Vi,
        None,
        &[SwitchView(View::Agencies), Down],
    );
    snap(
        "agencies_en",
        Lang::En,
        None,
        &[SwitchView(View::Agencies), Down],
    );
    snap(
        "agency_tasks_vi",
        Lang::Vi,
        None,
        &[
            SwitchView(View::Agencies),
            // Protocol order → code → name → kind → tasks, then the most tasks first.
            SortNext,
            SortNext,
            SortNext,
            SortNext,
            SortReverse,
            // The sort keeps the selected agency: back to the top, the one with most tasks.
            Top,
            Open,
        ],
    );
}

/// The Ranking view (issue 16) on the demo as of 06/11/2020: the program's lead agencies
/// in the store's order (the few-tasks ones starred, last), then all programs sorted by
/// the rate, best first.
#[test]
fn ranking() {
    use Action::*;
    snap(
        "ranking_vi",
        Lang::Vi,
        Some("XDHTCT-2015-2020"),
        &[SwitchView(View::Ranking)],
    );
    snap(
        "ranking_en",
        Lang::En,
        Some("XDHTCT-2015-2020"),
        &[SwitchView(View::Ranking)],
    );
    snap(
        "ranking_by_rate_en",
        Lang::En,
        None,
        &[SwitchView(View::Ranking), SortNext, SortNext, SortReverse],
    );
}

/// The Trends view (issue 16) on the demo as of 06/11/2020: the program's total at month
/// ends (at 120×40 the chart with its legend and the table of the last points, narrower
/// the sparklines), by category, by lead agency; all programs by review date in English.
#[test]
fn trends() {
    use Action::*;
    let p = Some("XDHTCT-2015-2020");
    snap("trends_vi", Lang::Vi, p, &[SwitchView(View::Trends)]);
    snap("trends_en", Lang::En, p, &[SwitchView(View::Trends)]);
    snap(
        "trends_categories_vi",
        Lang::Vi,
        p,
        &[SwitchView(View::Trends), TrendRows],
    );
    snap(
        "trends_categories_en",
        Lang::En,
        p,
        &[SwitchView(View::Trends), TrendRows],
    );
    snap(
        "trends_agencies_vi",
        Lang::Vi,
        p,
        &[SwitchView(View::Trends), TrendRows, TrendRows, Down],
    );
    snap(
        "trends_reviews_en",
        Lang::En,
        None,
        &[SwitchView(View::Trends), TrendPoints, TrendRows],
    );
}

/// The dashboard once its month series has come: a sparkline per category row from
/// 80×24 on (at 60×20 the series is not read and the table is as before).
#[test]
fn dashboard_with_sparklines() {
    let p = Some("XDHTCT-2015-2020");
    snap("dashboard_trend_vi", Lang::Vi, p, &[Action::Background]);
    snap("dashboard_trend_en", Lang::En, None, &[Action::Background]);
}

/// The command palette (`:`) over the tasks table: commands, agencies, programs and
/// tasks matching "dan van"; and `:70`.
#[test]
fn palette() {
    use Action::*;
    let typed = |q: &str| q.chars().map(Input).collect::<Vec<_>>();
    let mut go = vec![SwitchView(View::Tasks), Palette];
    go.extend(typed("dan van"));
    snap("palette_vi", Lang::Vi, None, &go);
    let mut go = vec![Palette];
    go.extend(typed("70"));
    snap("palette_en", Lang::En, None, &go);
}

/// The wallboard (`--wall 30`) at each of its screens (dashboard, ranking, trends,
/// overdue), in both languages; at 120×40 the main figures are large. The last change is the demo's, a fixed time.
#[test]
fn wallboard() {
    use Action::*;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in SIZES {
            let mut s = app(&path, lang, Some("XDHTCT-2015-2020"), (w, h));
            s.start_wall(30).unwrap();
            s.last_change = Some(common::as_of().and_hms_opt(14, 2, 0).unwrap());
            let code = if lang == Lang::Vi { "vi" } else { "en" };
            for (screen, go) in [
                ("dashboard", vec![]),
                ("ranking", vec![WallNext]),
                ("trends", vec![WallNext]),
                ("overdue", vec![WallNext]),
                ("paused", vec![WallPause]),
            ] {
                for a in go {
                    s.update(a);
                }
                let out = render(&s, &Theme::mono());
                insta::assert_snapshot!(format!("wall_{screen}_{code}_{w}x{h}"), out);
            }
        }
    }
}

#[test]
fn task_detail() {
    use Action::*;
    snap(
        "detail_vi",
        Lang::Vi,
        None,
        &[
            SwitchView(View::Tasks),
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
            Open,
        ],
    );
    snap(
        "detail_en",
        Lang::En,
        None,
        &[
            SwitchView(View::Tasks),
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
            Open,
        ],
    );
}

#[test]
fn help_overlay() {
    snap(
        "help_vi",
        Lang::Vi,
        None,
        &[Action::SwitchView(View::Tasks), Action::ToggleHelp],
    );
    snap("help_en", Lang::En, None, &[Action::ToggleHelp]);
    snap(
        "help_tasks_en",
        Lang::En,
        None,
        &[Action::SwitchView(View::Tasks), Action::ToggleHelp],
    );
}

#[test]
fn inbox() {
    for lang in [Lang::Vi, Lang::En] {
        snap(
            &format!("inbox_{}", lang.code()),
            lang,
            None,
            &[Action::Inbox],
        );
    }
}

#[test]
fn empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    drop(Store::open(&path, false).unwrap());
    for lang in [Lang::Vi, Lang::En] {
        let s = app(&path, lang, None, (80, 24));
        insta::assert_snapshot!(format!("empty_{}", lang.code()), render(&s, &Theme::mono()));
    }
}

#[test]
fn too_small_and_resize_storm_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = app(&path, Lang::Vi, None, (20, 5));
    insta::assert_snapshot!("too_small_20x5", render(&s, &Theme::mono()));
    let screens = [
        vec![],
        vec![Action::SwitchView(View::Tasks)],
        vec![Action::SwitchView(View::Tasks), Action::Open],
        vec![Action::SwitchView(View::Programs), Action::Open],
        vec![Action::SwitchView(View::Agencies), Action::ToggleHelp],
    ];
    for actions in screens {
        for a in &actions {
            s.update(a.clone());
        }
        for w in [1u16, 2, 5, 19, 20, 59, 60, 61, 79, 80, 133, 300] {
            for h in [1u16, 2, 3, 5, 14, 15, 16, 24, 41, 100] {
                s.update(Action::Resize(w, h));
                s.update(Action::Down);
                s.update(Action::PageDown);
                let out = render(&s, &Theme::new(phoihop::tui::ThemeChoice::Dark, false));
                assert_eq!(out.lines().count(), usize::from(h));
            }
        }
        s.update(Action::SwitchView(View::Dashboard));
    }
}

#[test]
fn stored_text_is_drawn_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    // Text that bypassed every input check (written straight into the file).
    let evil = "Báo cáo \u{1b}]52;c;SGVsbG8=\u{7} \u{202e}gnp.exe \u{1b}[2J xong";
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute(
            "UPDATE task SET title = ?1, description = ?1 WHERE id = 1",
            [evil],
        )
        .unwrap();
        // Its recorded versions too: the screens read as of a past date.
        c.execute(
            "UPDATE task_version SET title = ?1, description = ?1 WHERE task_id = 1",
            [evil],
        )
        .unwrap();
        c.execute("UPDATE agency SET name = ?1 WHERE code = (SELECT a.code FROM agency a JOIN task t ON t.lead_id = a.id WHERE t.id = 1)", [evil])
            .unwrap();
    }
    let mut s = app(&path, Lang::Vi, None, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    let table = render(&s, &Theme::mono());
    s.update(Action::Open);
    let detail = render(&s, &Theme::mono());
    s.update(Action::SwitchView(View::Agencies));
    let agencies = render(&s, &Theme::mono());
    for out in [&table, &detail, &agencies] {
        assert!(
            !out.contains('\u{1b}'),
            "raw ESC reached the screen:\n{out}"
        );
        assert!(!out.contains('\u{7}') && !out.contains('\u{202e}'));
        assert!(out.contains('␛'), "ESC shown visibly:\n{out}");
    }
    assert!(detail.contains("\\u{202e}"));
}

/// Snapshots of the editing screens on a writable copy: forms, the delete confirmation,
/// the conflict dialog and the Activity view (its times fixed, they are wall-clock).
mod editing {
    use super::*;

    fn writable(path: &std::path::Path, lang: Lang, size: (u16, u16)) -> AppState {
        let store = Store::open(path, false).unwrap();
        AppState::new(store, lang, common::as_of(), common::today(), None, size).unwrap()
    }

    fn each_size(name: &str, lang: Lang, drive: impl Fn(&mut AppState)) {
        for (w, h) in SIZES {
            let dir = tempfile::tempdir().unwrap();
            let path = common::demo_db(dir.path());
            let mut s = writable(&path, lang, (w, h));
            drive(&mut s);
            normalize(&mut s);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&s, &Theme::mono()));
        }
    }

    fn typed(s: &mut AppState, text: &str) {
        for c in text.chars() {
            s.update(Action::Input(c));
        }
    }

    #[test]
    fn progress_form_with_a_reason() {
        for lang in [Lang::Vi, Lang::En] {
            each_size(&format!("form_progress_{}", lang.code()), lang, |s| {
                s.update(Action::SwitchView(View::Tasks));
                s.update(Action::UpdateProgress);
                s.update(Action::ClearField);
                typed(s, "150");
            });
        }
    }

    /// An operator's home, "my agency's work" (the acting login made an operator of one
    /// agency), in both languages.
    #[test]
    fn mine_view() {
        for lang in [Lang::Vi, Lang::En] {
            for (w, h) in SIZES {
                let dir = tempfile::tempdir().unwrap();
                let path = common::demo_db(dir.path());
                let mut admin = Store::open(&path, false).unwrap();
                admin
                    .grant(
                        &phoihop::store::os_login(),
                        phoihop::domain::Role::Operator,
                        Some("BDVTU"),
                    )
                    .unwrap();
                drop(admin);
                let mut s = writable(&path, lang, (w, h));
                assert!(matches!(
                    s.stack.last(),
                    Some(phoihop::tui::state::Layer::Mine(_))
                ));
                normalize(&mut s);
                let code = lang.code();
                insta::assert_snapshot!(format!("mine_{code}_{w}x{h}"), render(&s, &Theme::mono()));
            }
        }
    }

    #[test]
    fn edit_form_with_a_pick_list() {
        each_size("form_edit_en", Lang::En, |s| {
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::Edit);
            s.update(Action::NextField);
            typed(s, "to chuc");
        });
    }

    #[test]
    fn new_task_form() {
        each_size("form_new_task_vi", Lang::Vi, |s| {
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::New);
            typed(s, "CCHC");
            s.update(Action::Submit);
        });
    }

    #[test]
    fn urge_form_and_delete_confirmation() {
        each_size("form_urge_vi", Lang::Vi, |s| {
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::Urge);
            typed(s, "Đề nghị báo cáo kết quả trước ngày 20/3");
        });
        each_size("confirm_delete_vi", Lang::Vi, |s| {
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::Delete);
        });
    }

    #[test]
    fn conflict_dialog() {
        each_size("conflict_vi", Lang::Vi, |s| {
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::UpdateProgress);
            let id = s.tasks.selected().unwrap().id;
            let mut other = Store::open(s.store().path(), false).unwrap();
            other
                .update_progress(
                    id,
                    None,
                    phoihop::domain::ProgressUpdate {
                        progress: Some(phoihop::domain::Progress::new(30).unwrap()),
                        status: None,
                        note: Some("Người khác cập nhật".into()),
                        on: common::today(),
                    },
                )
                .unwrap();
            s.update(Action::ClearField);
            typed(s, "80");
            s.update(Action::Submit);
            // The dialog names who changed it and when; make "when" stable.
            if let Some(phoihop::tui::state::Dialog::Conflict(c)) = &mut s.dialog {
                if let Some(by) = &mut c.by {
                    by.at = "2026-03-15T01:02:03.000Z".into();
                }
            }
        });
    }

    #[test]
    fn activity_view() {
        for lang in [Lang::Vi, Lang::En] {
            let code = lang.code();
            each_size(&format!("activity_{code}"), lang, |s| {
                s.update(Action::SwitchView(View::Tasks));
                s.update(Action::UpdateProgress);
                s.update(Action::ClearField);
                typed(s, "45");
                s.update(Action::NextField);
                s.update(Action::NextField);
                typed(s, "Đã triển khai");
                s.update(Action::Submit);
                s.update(Action::Urge);
                typed(s, "Khẩn trương");
                s.update(Action::Submit);
                s.update(Action::SwitchView(View::Activity));
                let when = chrono::NaiveDate::from_ymd_opt(2026, 3, 15)
                    .unwrap()
                    .and_hms_opt(8, 30, 0);
                for r in &mut s.activity.rows {
                    r.when = when;
                }
                s.live = true;
                s.last_change = when;
            });
        }
    }
}

/// The numbers of a 100,000-task database (`gen`'s data, fixed seed and today), read once:
/// thousands separators, no number cut, percentages as a reader expects.
mod hundred_thousand {
    use super::*;
    use std::sync::OnceLock;

    fn db() -> &'static std::path::Path {
        static DB: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
        let (_, p) = DB.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("gen.db");
            let mut store = Store::open(&path, false).unwrap();
            let opts = phoihop::demo::GenOptions {
                tasks: 100_000,
                agencies: 60,
                seed: 2026,
            };
            phoihop::demo::generate(&mut store, &opts, common::today()).unwrap();
            (dir, path)
        });
        p
    }

    fn each(name: &str, actions: &[Action]) {
        for lang in [Lang::Vi, Lang::En] {
            for (w, h) in SIZES {
                let store = Store::open(db(), true).unwrap();
                let mut s =
                    AppState::new(store, lang, common::today(), common::today(), None, (w, h))
                        .unwrap();
                for a in actions {
                    s.update(a.clone());
                }
                normalize(&mut s);
                let code = lang.code();
                insta::assert_snapshot!(
                    format!("{name}_{code}_{w}x{h}"),
                    render(&s, &Theme::mono())
                );
            }
        }
    }

    #[test]
    fn dashboard_programs_tasks_agencies() {
        each("big_dashboard", &[]);
        each("big_programs", &[Action::SwitchView(View::Programs)]);
        each(
            "big_tasks",
            &[Action::SwitchView(View::Tasks), Action::Bottom],
        );
        each("big_agencies", &[Action::SwitchView(View::Agencies)]);
    }
}
