//! `AppState::update` on a temp-file database: navigation, drill-down and back, sort,
//! view switching.

mod common;

use phoihop::store::Store;
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::Lang;
use phoihop::tui::state::{AppState, Layer, TaskListKind};

fn app(dir: &tempfile::TempDir) -> AppState {
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, false).unwrap();
    AppState::new(
        store,
        Lang::En,
        common::as_of(),
        common::today(),
        None,
        (120, 40),
    )
    .unwrap()
}

#[test]
fn dashboard_counts_match_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let s = app(&dir);
    let sum = s.dashboard.summary.as_ref().unwrap();
    let prog = sum
        .categories
        .iter()
        .map(|c| c.counts.tasks)
        .collect::<Vec<_>>();
    // Whole database: the 2015-2020 program's tasks are among them.
    assert!(prog.iter().sum::<i64>() >= 58);
    let dir2 = tempfile::tempdir().unwrap();
    let store = Store::open(&common::demo_db(dir2.path()), true).unwrap();
    let scoped = AppState::new(
        store,
        Lang::En,
        common::as_of(),
        common::today(),
        Some("XDHTCT-2015-2020".into()),
        (120, 40),
    )
    .unwrap();
    let counts: Vec<i64> = scoped
        .dashboard
        .summary
        .as_ref()
        .unwrap()
        .categories
        .iter()
        .map(|c| c.counts.tasks)
        .collect();
    assert_eq!(counts, vec![5, 15, 4, 11, 4, 16, 3]);
    assert!(scoped.read_only);
}

#[test]
fn switching_views_loads_each_once_and_keeps_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = app(&dir);
    assert_eq!(s.view, View::Dashboard);
    assert!(s.update(Action::SwitchView(View::Tasks)));
    assert!(s.tasks.loaded && s.tasks.total >= 58);
    s.update(Action::Down);
    s.update(Action::Down);
    assert_eq!(s.tasks.cursor.selected, 2);
    s.update(Action::NextView);
    assert_eq!(s.view, View::Agencies);
    assert!(s.agencies.loaded && !s.agencies.rows.is_empty());
    s.update(Action::NextView);
    assert_eq!(s.view, View::Activity);
    assert!(s.activity.loaded);
    s.update(Action::NextView);
    assert_eq!(s.view, View::Dashboard);
    s.update(Action::PrevView);
    s.update(Action::PrevView);
    s.update(Action::PrevView);
    assert_eq!(s.view, View::Tasks);
    assert_eq!(
        s.tasks.cursor.selected, 2,
        "selection kept across view switches"
    );
}

#[test]
fn paging_reads_only_a_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = app(&dir);
    // A small terminal: 24 rows → 19 visible table rows.
    s.update(Action::Resize(80, 24));
    s.update(Action::SwitchView(View::Tasks));
    let page = s.page();
    assert_eq!(page, 19);
    assert!(s.tasks.rows.len() < s.tasks.total || s.tasks.total <= 4 * page);
    s.update(Action::PageDown);
    assert_eq!(s.tasks.cursor.selected, page);
    s.update(Action::Bottom);
    let total = s.tasks.total;
    assert_eq!(s.tasks.cursor.selected, total - 1);
    let sel = s.tasks.selected().expect("last row is in the window");
    let last = s.tasks.rows.last().unwrap();
    assert_eq!(sel.id, last.id);
    s.update(Action::Top);
    assert_eq!(s.tasks.selected().unwrap().id, s.tasks.visible(page)[0].id);
    s.update(Action::Up);
    assert_eq!(s.tasks.cursor.selected, 0);
}

#[test]
fn sorting_changes_the_order_and_the_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = app(&dir);
    s.update(Action::SwitchView(View::Tasks));
    let ids: Vec<i64> = s.tasks.rows.iter().map(|t| t.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "by id ascending");
    s.update(Action::SortReverse);
    assert!(s.tasks.sort.descending);
    let ids: Vec<i64> = s.tasks.rows.iter().map(|t| t.id).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "by id descending");
    // s cycles to the title column, ascending.
    s.update(Action::SortNext);
    assert_eq!(s.tasks.sort.column, 1);
    assert!(!s.tasks.sort.descending);
    let titles: Vec<String> = s
        .tasks
        .rows
        .iter()
        .map(|t| phoihop::search::fold(&t.title))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    // Agencies are sorted in memory; the selection stays on its record.
    s.update(Action::SwitchView(View::Agencies));
    s.update(Action::Down);
    let code = s.agencies.selected().unwrap().agency.code.clone();
    s.update(Action::SortNext); // by name
    s.update(Action::SortNext); // by kind
    s.update(Action::SortNext); // by tasks
    s.update(Action::SortReverse);
    assert_eq!(s.agencies.selected().unwrap().agency.code, code);
    let tasks: Vec<i64> = s.agencies.rows.iter().map(|r| r.counts.tasks).collect();
    assert!(tasks.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn drill_down_and_back_keep_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = app(&dir);
    // Programs → their tasks → a task's detail, and back.
    s.update(Action::SwitchView(View::Programs));
    let code = s
        .programs
        .rows
        .iter()
        .position(|r| r.program.code == "XDHTCT-2015-2020")
        .unwrap();
    for _ in 0..code {
        s.update(Action::Down);
    }
    assert_eq!(s.programs.cursor.selected, code);
    s.update(Action::Open);
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!("program opens its tasks")
    };
    assert_eq!(t.kind, TaskListKind::OfProgram("XDHTCT-2015-2020".into()));
    assert_eq!(t.total, 58);
    s.update(Action::Down);
    s.update(Action::Down);
    s.update(Action::Down);
    let id = match s.stack.last() {
        Some(Layer::Tasks(t)) => t.selected().unwrap().id,
        _ => unreachable!(),
    };
    s.update(Action::Open);
    let Some(Layer::Detail(d)) = s.stack.last() else {
        panic!("task opens its detail")
    };
    assert_eq!(d.task.id, id);
    assert!(!d.history.is_empty());
    s.update(Action::Back);
    match s.stack.last() {
        Some(Layer::Tasks(t)) => assert_eq!(t.selected().unwrap().id, id),
        _ => panic!("back to the tasks"),
    }
    s.update(Action::Back);
    assert!(s.stack.is_empty());
    assert_eq!(s.programs.cursor.selected, code);
    // Agencies → the tasks they lead.
    s.update(Action::SwitchView(View::Agencies));
    let i = s
        .agencies
        .rows
        .iter()
        .position(|r| r.counts.tasks > 0)
        .unwrap();
    for _ in 0..i {
        s.update(Action::Down);
    }
    let lead = s.agencies.selected().unwrap().agency.code.clone();
    s.update(Action::Open);
    match s.stack.last() {
        Some(Layer::Tasks(t)) => {
            assert!(t.total > 0);
            assert!(t.rows.iter().all(|r| r.lead == lead));
        }
        _ => panic!("agency opens its tasks"),
    }
    // A view switch leaves the drill-down.
    s.update(Action::SwitchView(View::Dashboard));
    assert!(s.stack.is_empty());
    // The dashboard's attention list opens a detail too.
    if !s.dashboard.attention.is_empty() {
        s.update(Action::Open);
        assert!(matches!(s.stack.last(), Some(Layer::Detail(_))));
        s.update(Action::Back);
    }
    // Help toggles, and Back closes it first.
    s.update(Action::ToggleHelp);
    assert!(s.help);
    s.update(Action::Back);
    assert!(!s.help);
    s.update(Action::Quit);
    assert!(s.quit);
}

#[test]
fn unknown_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, false).unwrap();
    let r = AppState::new(
        store,
        Lang::Vi,
        common::as_of(),
        common::today(),
        Some("NOPE".into()),
        (80, 24),
    );
    assert_eq!(r.err().unwrap().exit_code(), 3);
}
