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
    assert_eq!(s.view, View::Ranking);
    assert!(s.ranking.loaded);
    s.update(Action::NextView);
    assert_eq!(s.view, View::Trends);
    assert!(s
        .trend_data(phoihop::tui::state::trends::TrendPoints::Monthly)
        .is_some());
    s.update(Action::NextView);
    assert_eq!(s.view, View::Dashboard);
    s.update(Action::PrevView);
    s.update(Action::PrevView);
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
    // Agencies come in protocol order, sorted in memory; the selection stays on its
    // record.
    s.update(Action::SwitchView(View::Agencies));
    let orders: Vec<usize> = s.agencies.rows.iter().map(|r| r.order).collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "protocol order");
    assert_eq!(s.agencies.rows[0].agency.code, "TU");
    s.update(Action::Down);
    let code = s.agencies.selected().unwrap().agency.code.clone();
    s.update(Action::SortNext); // by code
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

/// A writable state over `path` showing the data as of the fixed today (changes made
/// today show in the tables).
fn live_app(path: &std::path::Path) -> AppState {
    let store = Store::open(path, false).unwrap();
    let today = common::today();
    AppState::new(store, Lang::En, today, today, None, (120, 40)).unwrap()
}

/// Polls like the event loop's tick: a changed data_version raises DataChanged.
fn poll(s: &mut AppState, seen: &mut i64) -> bool {
    let now = s.data_version().unwrap();
    if now == *seen {
        return false;
    }
    *seen = now;
    s.update(Action::DataChanged);
    true
}

/// Another process's progress update: `task` goes to 37 % (38 % when it was at 37).
fn other_moves(path: &std::path::Path, task: i64) -> u8 {
    let mut other = Store::open(path, false).unwrap();
    let t = other.task(task).unwrap();
    let to = if t.progress.get() == 37 { 38 } else { 37 };
    other
        .update_progress(
            task,
            Some(t.version),
            phoihop::domain::ProgressUpdate {
                progress: Some(phoihop::domain::Progress::new(i64::from(to)).unwrap()),
                status: None,
                note: Some("from elsewhere".into()),
                on: common::today(),
            },
        )
        .unwrap();
    to
}

fn program_row(s: &AppState, code: &str) -> phoihop::store::Counts {
    s.programs
        .rows
        .iter()
        .find(|r| r.program.code == code)
        .unwrap()
        .counts
}

fn agency_row(s: &AppState, code: &str) -> phoihop::store::Counts {
    s.agencies
        .rows
        .iter()
        .find(|r| r.agency.code == code)
        .unwrap()
        .counts
}

#[test]
fn a_change_reads_only_the_visible_screen_and_each_other_one_when_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = live_app(&path);
    // Every view loaded, each with its cursor off the first row; the tasks view on top.
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Down);
    let program = s.programs.selected().unwrap().program.code.clone();
    s.update(Action::SwitchView(View::Agencies));
    s.update(Action::Down);
    let agency = s.agencies.selected().unwrap().agency.code.clone();
    s.update(Action::SwitchView(View::Activity));
    s.update(Action::Down);
    let change = s.activity.selected().unwrap().change.id;
    s.update(Action::SwitchView(View::Ranking));
    s.update(Action::SwitchView(View::Tasks));
    let task = s.tasks.selected().unwrap().clone();
    let urges = |s: &AppState| {
        s.ranking
            .rows
            .iter()
            .find(|r| r.code == task.lead)
            .unwrap()
            .urges
    };
    let before_urges = urges(&s);
    let before_dash = s.dashboard.summary.as_ref().unwrap().totals;
    let before_prog = program_row(&s, &task.program);
    let before_agency = agency_row(&s, &task.lead);
    let before_activity = s.activity.rows[0].change.id;
    let before_inbox = s.inbox.items.len();
    let mut seen = s.data_version().unwrap();
    assert!(!poll(&mut s, &mut seen), "nothing changed yet");

    // Another connection commits a progress update and an urge.
    let to = other_moves(&path, task.id);
    Store::open(&path, false)
        .unwrap()
        .urge_task(task.id, "Báo cáo tiến độ", common::today())
        .unwrap();
    assert!(poll(&mut s, &mut seen));

    // The visible table and the status bar's inbox are read again…
    let row = s.tasks.selected().unwrap();
    assert_eq!((row.id, row.progress.get()), (task.id, to));
    assert_eq!(
        s.inbox.items.len(),
        before_inbox + 1,
        "the badge is current"
    );
    assert!(!s.stale.view(View::Tasks));
    // …the others are not: they still hold what they read before, marked stale.
    assert_eq!(s.dashboard.summary.as_ref().unwrap().totals, before_dash);
    assert_eq!(program_row(&s, &task.program), before_prog);
    assert_eq!(agency_row(&s, &task.lead), before_agency);
    assert_eq!(s.activity.rows[0].change.id, before_activity);
    for v in [
        View::Dashboard,
        View::Programs,
        View::Agencies,
        View::Activity,
        View::Ranking,
    ] {
        assert!(s.stale.view(v), "{v:?} is stale");
    }

    // Each is read when shown, its cursor on the same record.
    s.update(Action::SwitchView(View::Activity));
    assert!(!s.stale.view(View::Activity));
    assert_eq!(s.activity.rows[0].change.action, "urge");
    assert_eq!(s.activity.rows[1].change.key, task.id.to_string());
    assert_eq!(s.activity.selected().unwrap().change.id, change);
    assert_eq!(s.activity.cursor.selected, 3, "two new rows above it");
    s.update(Action::SwitchView(View::Programs));
    assert_ne!(program_row(&s, &task.program), before_prog);
    assert_eq!(s.programs.selected().unwrap().program.code, program);
    // The agencies' numbers come from the dashboard's summary, which is read first.
    s.update(Action::SwitchView(View::Agencies));
    assert!(!s.stale.view(View::Dashboard));
    assert_ne!(agency_row(&s, &task.lead), before_agency);
    assert_eq!(s.agencies.selected().unwrap().agency.code, agency);
    s.update(Action::SwitchView(View::Ranking));
    assert_eq!(
        urges(&s),
        before_urges + 1,
        "the ranking counts the new urge"
    );
    s.update(Action::SwitchView(View::Trends));
    let trend = s
        .trend_data(phoihop::tui::state::trends::TrendPoints::Monthly)
        .unwrap()
        .latest()
        .unwrap()
        .totals;
    s.update(Action::SwitchView(View::Dashboard));
    assert_ne!(s.dashboard.summary.as_ref().unwrap().totals, before_dash);
    assert_eq!(s.dashboard.summary.as_ref().unwrap().totals, trend);
    // Nothing is left stale, and shown again nothing is read twice.
    for v in View::ALL {
        assert!(!s.stale.view(v), "{v:?}");
    }
    assert!(!poll(&mut s, &mut seen));
}

#[test]
fn a_stale_layer_is_read_when_uncovered_and_a_removed_task_closes() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = live_app(&path);
    let mut seen = s.data_version().unwrap();
    // Programs → the first program's tasks → the second task's detail.
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Open);
    s.update(Action::Down);
    let task = match s.stack.last() {
        Some(Layer::Tasks(t)) => t.selected().unwrap().clone(),
        _ => panic!("the program's tasks"),
    };
    s.update(Action::Open);
    assert_eq!(s.stack.len(), 2);

    let to = other_moves(&path, task.id);
    assert!(poll(&mut s, &mut seen));
    // The detail on top shows the change; the table under it is stale and not read.
    let Some(Layer::Detail(d)) = s.stack.last() else {
        panic!("the detail stays open")
    };
    assert_eq!(d.task.progress.get(), to);
    assert!(s.stale.layer(0) && !s.stale.layer(1));
    let Some(Layer::Tasks(t)) = s.stack.first() else {
        panic!()
    };
    assert_eq!(
        t.selected().unwrap().progress,
        task.progress,
        "the covered table was not read"
    );
    // Back: the table is read as it is uncovered, the cursor on the same task.
    s.update(Action::Back);
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!()
    };
    let row = t.selected().unwrap();
    assert_eq!((row.id, row.progress.get()), (task.id, to));
    assert!(!s.stale.layer(0));
    let total = t.total;

    // Detail again, the inbox over it; another process deletes the task.
    s.update(Action::Open);
    s.update(Action::Inbox);
    assert_eq!(s.stack.len(), 3);
    let mut other = Store::open(&path, false).unwrap();
    let v = other.task(task.id).unwrap().version;
    other
        .remove_task(task.id, Some(v), chrono::Local::now().date_naive(), None)
        .unwrap();
    assert!(poll(&mut s, &mut seen));
    assert_eq!(s.stack.len(), 3, "the inbox on top stays");
    assert!(s.stale.layer(1) && s.stale.layer(0));
    // Back closes the inbox; the detail under it has no task any more: it closes too,
    // with a notice, and the table under it is read without the task.
    s.update(Action::Back);
    assert_eq!(s.stack.len(), 1);
    assert_eq!(
        s.notice,
        Some(phoihop::tui::state::Notice::Info(
            phoihop::tui::i18n::Msg::TaskRemoved
        ))
    );
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!()
    };
    assert_eq!(t.total, total - 1);
    assert!(t.rows.iter().all(|r| r.id != task.id));
    // The program view under the layers was marked stale by both changes: Back reads it.
    assert!(s.stale.view(View::Programs));
    s.update(Action::Back);
    assert!(s.stack.is_empty() && !s.stale.view(View::Programs));
}

#[test]
fn kept_list_searches_narrow_the_rows_read_when_shown_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = live_app(&path);
    let mut seen = s.data_version().unwrap();
    s.update(Action::SwitchView(View::Programs));
    let all = s.programs.rows.len();
    s.update(Action::Search);
    for c in "2015".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Submit);
    let narrowed = s.programs.rows.len();
    assert!(narrowed < all);
    let code = s.programs.selected().unwrap().program.code.clone();
    // An agencies search kept too.
    s.update(Action::SwitchView(View::Agencies));
    let all_agencies = s.agencies.rows.len();
    s.update(Action::Search);
    s.update(Action::Input('u'));
    s.update(Action::Submit);
    let agencies = s.agencies.rows.len();
    assert!(agencies < all_agencies && agencies > 0, "{agencies}");
    // A change while the tasks view is shown; the programs view is read when shown.
    s.update(Action::SwitchView(View::Tasks));
    let task = s.tasks.selected().unwrap().id;
    other_moves(&path, task);
    assert!(poll(&mut s, &mut seen));
    assert!(s.stale.view(View::Programs) && s.stale.view(View::Agencies));
    // The agencies first: read and narrowed by their kept search.
    s.update(Action::SwitchView(View::Agencies));
    assert_eq!(s.agencies.rows.len(), agencies);
    s.update(Action::SwitchView(View::Programs));
    assert!(!s.stale.view(View::Programs));
    assert_eq!(s.search_query(), Some("2015"));
    assert_eq!(s.programs.rows.len(), narrowed, "narrowed once, not twice");
    assert_eq!(s.programs.selected().unwrap().program.code, code);
    // Esc clears the search: every program is back (the kept full list is the new one).
    s.update(Action::Back);
    assert_eq!(s.programs.rows.len(), all);
    // Reading the programs did not narrow the (fresh) agencies' kept search again: shown,
    // they are not read, and erasing the query widens to every agency.
    s.update(Action::SwitchView(View::Agencies));
    assert!(!s.stale.view(View::Agencies));
    assert_eq!(s.agencies.rows.len(), agencies);
    s.update(Action::Search);
    s.update(Action::Erase);
    assert_eq!(s.agencies.rows.len(), all_agencies);
}

/// A program drill-down takes its count from the Programs row instead of counting again:
/// for every program, today and on past dates, it is the count the store gives.
#[test]
fn a_program_drill_down_counts_what_the_store_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let today = common::today();
    for as_of in [
        today,
        chrono::NaiveDate::from_ymd_opt(2017, 12, 31).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2020, 11, 6).unwrap(),
    ] {
        let store = Store::open(&path, false).unwrap();
        let mut s = AppState::new(store, Lang::En, as_of, today, None, (120, 40)).unwrap();
        s.update(Action::SwitchView(View::Programs));
        let n = s.programs.rows.len();
        assert!(n >= 5);
        for i in 0..n {
            s.update(Action::Top);
            for _ in 0..i {
                s.update(Action::Down);
            }
            s.update(Action::Open);
            let Some(Layer::Tasks(t)) = s.stack.last() else {
                panic!("program {i} opens its tasks")
            };
            let counted = Store::open(&path, true)
                .unwrap()
                .count_tasks_at(&t.filter, t.past)
                .unwrap();
            assert_eq!(t.total as i64, counted, "program {i} as of {as_of}");
            s.update(Action::Back);
        }
    }
}

// ---- Issue 21: say what happened; the lead-agency panel; an operator's home. ----

fn today_app(path: &std::path::Path, lang: Lang, size: (u16, u16)) -> AppState {
    let store = Store::open(path, false).unwrap();
    AppState::new(store, lang, common::today(), common::today(), None, size).unwrap()
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.update(Action::Input(c));
    }
}

fn render(s: &AppState) -> String {
    let (w, h) = s.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    t.draw(|f| phoihop::tui::view::draw(f, s, &phoihop::tui::theme::Theme::mono()))
        .unwrap();
    t.backend().to_string()
}

/// Fills the new-task form: program, category, title, lead, deadline; then saves.
fn add_task(s: &mut AppState, title: &str) {
    use phoihop::tui::state::form::Key;
    s.update(Action::New);
    typed(s, "CCHC");
    s.update(Action::NextField);
    typed(s, "dan van");
    s.update(Action::NextField);
    typed(s, title);
    s.update(Action::NextField);
    typed(s, "BTGDVTU");
    for _ in 0..20 {
        if s.form.as_ref().unwrap().focused().unwrap().key == Key::Deadline {
            break;
        }
        s.update(Action::NextField);
    }
    typed(s, "30/9/2026");
    s.update(Action::Submit);
    assert!(s.form.is_none(), "{:?}", s.form.as_ref().map(|f| &f.error));
}

#[test]
fn an_added_task_is_named_and_the_cursor_is_on_it() {
    use phoihop::tui::i18n::Msg;
    use phoihop::tui::state::Notice;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = today_app(&path, Lang::Vi, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    assert_eq!(s.tasks.cursor.selected, 0);
    add_task(&mut s, "Tổ chức hội nghị dân vận khéo");
    let id = s.tasks.selected().expect("a task selected").id;
    assert_eq!(
        s.tasks.selected().unwrap().title,
        "Tổ chức hội nghị dân vận khéo"
    );
    assert_eq!(s.notice, Some(Notice::Done(Msg::AddedTask, id.to_string())));
    assert!(render(&s).contains(&format!("Đã thêm nhiệm vụ #{id}")));

    // From the dashboard (no table holds the new task) its detail opens.
    s.update(Action::SwitchView(View::Dashboard));
    add_task(&mut s, "Sơ kết công tác dân vận quý III");
    let Some(Layer::Detail(d)) = s.stack.last() else {
        panic!("the new task's detail is shown")
    };
    assert_eq!(d.task.title, "Sơ kết công tác dân vận quý III");
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::AddedTask, d.task.id.to_string()))
    );

    // English, and the other writes name their task too.
    let mut s = today_app(&path, Lang::En, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    let id = s.tasks.selected().unwrap().id;
    s.update(Action::Urge);
    typed(&mut s, "Please report by Friday");
    s.update(Action::Submit);
    assert!(render(&s).contains(&format!("Sent an urge about task #{id}.")));
    s.update(Action::Delete);
    s.update(Action::Confirm);
    assert!(render(&s).contains(&format!("Deleted task #{id}.")));
}

#[test]
fn the_detail_hides_the_version_and_wraps_values_at_their_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = today_app(&path, Lang::Vi, (80, 24));
    s.update(Action::SwitchView(View::Tasks));
    // A task with a long legal basis or lead name.
    s.update(Action::Open);
    let screen = render(&s);
    assert!(!screen.contains("Phiên bản"), "{screen}");
    // Every line inside the box that is not a label line starts under the values
    // (column 1 + 18 + 1) or is a section of its own; none restarts at column 1 with a
    // piece of a value.
    let id = match s.stack.last() {
        Some(Layer::Detail(d)) => d.task.id,
        _ => panic!(),
    };
    // Make the basis long, so that it must wrap at 80 columns.
    let long = "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về một số vấn đề tiếp tục đổi mới, sắp xếp tổ chức bộ máy";
    let mut store = Store::open(&path, false).unwrap();
    let t = store.task(id).unwrap();
    store
        .edit_task(
            id,
            Some(t.version),
            phoihop::domain::TaskEdit {
                basis: Some(Some(long.into())),
                ..Default::default()
            },
            common::today(),
        )
        .unwrap();
    s.update(Action::Reload);
    let screen = render(&s);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Căn cứ"))
        .expect("the basis line");
    let next = lines[at + 1].trim_start_matches('"');
    // The continuation is indented to the value column (a border, 18 + 1 spaces).
    let inner: String = next.chars().skip(1).take(19).collect();
    assert!(inner.trim().is_empty(), "{next:?}\n{screen}");
    assert!(
        next.contains("Trung ương") || next.contains("Chấp hành"),
        "{screen}"
    );
}

#[test]
fn the_lead_agency_panel_is_selectable_and_opens_its_tasks() {
    use phoihop::tui::state::Panel;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = today_app(&path, Lang::En, (80, 24));
    assert_eq!(s.dashboard.focus, Panel::Attention);
    // → moves to the agencies panel; at 80×24 it takes the overdue list's place.
    assert!(s.update(Action::NextPanel));
    assert_eq!(s.dashboard.focus, Panel::Agencies);
    let screen = render(&s);
    assert!(screen.contains("Lead agencies"), "{screen}");
    assert!(screen.contains("←→ panel"), "{screen}");
    s.update(Action::Down);
    let chosen = s.dashboard.selected_agency().unwrap().clone();
    assert_eq!(s.dashboard.agency_cursor.selected, 1);
    assert!(s.update(Action::Open));
    match s.stack.last() {
        Some(Layer::Tasks(t)) => {
            assert_eq!(
                t.kind,
                TaskListKind::LedBy(chosen.code.clone(), chosen.name.clone())
            );
            assert_eq!(t.total as i64, chosen.counts.tasks);
        }
        other => panic!("{other:?}"),
    }
    // Back to the panel, its selection kept; ← back to the overdue list.
    s.update(Action::Back);
    assert_eq!(s.dashboard.focus, Panel::Agencies);
    assert_eq!(
        s.dashboard.selected_agency().map(|a| a.code.clone()),
        Some(chosen.code)
    );
    s.update(Action::NextPanel);
    assert_eq!(s.dashboard.focus, Panel::Attention);
    s.update(Action::Open);
    assert!(matches!(s.stack.last(), Some(Layer::Detail(_))));
}

fn operator_of(path: &std::path::Path, agency: &str) {
    let mut admin = Store::open(path, false).unwrap();
    admin
        .grant(
            &phoihop::store::os_login(),
            phoihop::domain::Role::Operator,
            Some(agency),
        )
        .unwrap();
}

#[test]
fn an_operator_starts_on_their_agencys_work() {
    use phoihop::store::mine::{Part, Urgency};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    // Admins (single-user mode) start on the dashboard, as before.
    let s = today_app(&path, Lang::Vi, (80, 24));
    assert!(s.stack.is_empty());
    // The demo's Ban Dân vận (BDVTU) passed its work to the Ban Tuyên giáo và Dân vận
    // (BTGDVTU) in the 2025 merge; that ban leads overdue work on any today.
    operator_of(&path, "BTGDVTU");
    let mut s = today_app(&path, Lang::Vi, (80, 24));
    let Some(Layer::Mine(w)) = s.stack.last() else {
        panic!("an operator's home: {:?}", s.stack.len())
    };
    let w = w.clone();
    // Every task BTGDVTU leads or coordinates, and only those.
    let all = s
        .store()
        .tasks(
            &phoihop::store::TaskFilter {
                agency: Some("BTGDVTU".into()),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            100_000,
        )
        .unwrap();
    assert_eq!(w.rows.len(), all.len());
    assert!(w.rows.iter().any(|r| r.part == Part::Coordinating));
    // Led first, then coordinated; within each overdue, due soon, the rest.
    let keys: Vec<(Part, Urgency)> = w.rows.iter().map(|r| (r.part, r.urgency)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for r in &w.rows {
        assert_eq!(r.part == Part::Lead, r.task.lead == "BTGDVTU");
        let b = phoihop::domain::bucket(
            r.task.status,
            r.task.deadline,
            r.task.completed_on,
            common::today(),
        );
        assert_eq!(
            r.urgency == Urgency::Overdue,
            b == phoihop::domain::Bucket::Overdue
        );
        if r.urgency == Urgency::DueSoon {
            let days = (r.task.deadline.unwrap() - common::today()).num_days();
            assert!((0..=14).contains(&days));
        }
    }
    let (led, with) = w.counts();
    assert!(
        led.overdue > 0,
        "the demo's BTGDVTU leads overdue work: {led:?} {with:?}"
    );
    // The first screen, no key pressed: the title's counts and an overdue task on top.
    let screen = render(&s);
    let head = format!("Việc của cơ quan tôi: chủ trì {}", led.tasks);
    assert!(screen.contains(&head), "{screen}");
    let overdue = if led.overdue > 0 {
        led.overdue
    } else {
        with.overdue
    };
    assert!(screen.contains(&format!("{overdue} quá hạn")), "{screen}");
    assert!(
        screen.contains(&format!("phối hợp {}", with.tasks)),
        "{screen}"
    );
    assert!(screen.contains(&w.rows[0].task.id.to_string()), "{screen}");
    assert!(screen.contains("quá hạn"), "{screen}");
    // Enter opens the task; Esc, and Esc again, goes to the whole province.
    s.update(Action::Open);
    assert!(matches!(s.stack.last(), Some(Layer::Detail(_))));
    s.update(Action::Back);
    assert!(matches!(s.stack.last(), Some(Layer::Mine(_))));
    s.update(Action::Back);
    assert!(s.stack.is_empty());
    assert_eq!(s.view, View::Dashboard);
    // `m` brings the home back.
    s.update(Action::Home);
    assert!(matches!(s.stack.last(), Some(Layer::Mine(_))));
}

#[test]
fn a_coordinating_operator_gets_a_note_form_and_no_edit_key() {
    use phoihop::store::mine::Part;
    use phoihop::tui::i18n::Msg;
    use phoihop::tui::keymap::hints_here;
    use phoihop::tui::state::form::Key;
    use phoihop::tui::state::{FormKind, Notice};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    operator_of(&path, "BTGDVTU");
    let mut s = today_app(&path, Lang::Vi, (120, 40));
    // The first task BTGDVTU only coordinates, on the home.
    let Some(Layer::Mine(w)) = s.stack.last() else {
        panic!("home")
    };
    let at = w
        .rows
        .iter()
        .position(|r| r.part == Part::Coordinating)
        .expect("BTGDVTU coordinates a task");
    let task = w.rows[at].task.clone();
    for _ in 0..at {
        s.update(Action::Down);
    }
    assert_eq!(s.task_on_screen().map(|t| t.id), Some(task.id));
    let hints: Vec<Msg> = hints_here(&s.here()).into_iter().map(|(_, m)| m).collect();
    assert!(hints.contains(&Msg::HintNote), "{hints:?}");
    assert!(!hints.contains(&Msg::HintEdit), "{hints:?}");
    let help: Vec<_> = phoihop::tui::keymap::bindings_for(s.mode())
        .filter(|b| s.here().live(b))
        .map(|b| b.action.clone())
        .collect();
    assert!(!help.contains(&Action::Edit), "{help:?}");
    // `e` says why; `p` opens the note alone.
    s.update(Action::Edit);
    assert_eq!(s.notice, Some(Notice::Denied(Msg::DenyCoordinating)));
    assert!(s.form.is_none());
    s.update(Action::UpdateProgress);
    let form = s.form.as_ref().expect("a note form");
    assert!(matches!(form.kind, FormKind::Progress(_)));
    assert_eq!(
        form.fields.iter().map(|f| f.key).collect::<Vec<_>>(),
        vec![Key::Note]
    );
    assert!(render(&s).contains("Ghi chú phối hợp"));
    typed(&mut s, "Ban Dân vận đã cử cán bộ tham gia đoàn kiểm tra");
    s.update(Action::Submit);
    assert!(s.form.is_none(), "{:?}", s.form.as_ref().map(|f| &f.error));
    assert_eq!(
        s.notice,
        Some(Notice::Done(Msg::UpdatedTask, task.id.to_string()))
    );
    let after = s.store().task(task.id).unwrap();
    assert_eq!((after.progress, after.status), (task.progress, task.status));
    assert_eq!(after.version, task.version + 1);
    // On a task it leads, `p` is the full progress form and `e` is offered.
    s.update(Action::Top);
    let led = s.task_on_screen().unwrap().clone();
    assert_eq!(led.lead, "BTGDVTU");
    assert!(!s.here().note_only);
    s.update(Action::UpdateProgress);
    assert!(s.form.as_ref().unwrap().field(Key::Progress).is_some());
}

mod mouse_and_lists {
    use super::*;
    use phoihop::tui::input::mouse::{Mouse, MouseKind};

    fn at(kind: MouseKind, col: u16, row: u16) -> Action {
        Action::Mouse(Mouse { kind, col, row })
    }

    #[test]
    fn a_click_selects_a_double_click_opens_the_wheel_moves() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = app(&dir);
        for v in [View::Tasks, View::Programs, View::Agencies] {
            s.update(Action::SwitchView(v));
            // Row 3 of the screen is the table's first row (tabs, border, header).
            assert!(s.update(at(MouseKind::Click, 10, 5)), "{v:?}");
            let sel = match v {
                View::Tasks => s.tasks.cursor.selected,
                View::Programs => s.programs.cursor.selected,
                _ => s.agencies.cursor.selected,
            };
            assert_eq!(sel, 2, "{v:?}");
            // The header, the border and past the last row select nothing.
            assert!(!s.update(at(MouseKind::Click, 10, 2)));
            assert!(!s.update(at(MouseKind::Click, 10, 39)));
        }
        s.update(Action::SwitchView(View::Tasks));
        s.update(at(MouseKind::WheelDown, 10, 10));
        assert_eq!(s.tasks.cursor.selected, 5);
        s.update(at(MouseKind::WheelUp, 10, 10));
        s.update(at(MouseKind::WheelUp, 10, 10));
        assert_eq!(s.tasks.cursor.selected, 0);
        // A double click on row 4 selects it and opens it.
        let id = s.tasks.rows[3].id;
        s.update(at(MouseKind::DoubleClick, 10, 6));
        match s.stack.last() {
            Some(Layer::Detail(d)) => assert_eq!(d.task.id, id),
            other => panic!("a detail opened: {other:?}"),
        }
        // In a detail a click does nothing; the wheel scrolls it.
        assert!(!s.update(at(MouseKind::Click, 10, 6)));
        s.update(Action::Back);
        // The help scrolls with the wheel; a form ignores the mouse.
        s.update(Action::ToggleHelp);
        s.update(Action::Resize(60, 20));
        assert!(s.update(at(MouseKind::WheelDown, 10, 10)));
        assert!(s.help_scroll > 0);
        s.update(Action::ToggleHelp);
        s.update(Action::Resize(120, 40));
        s.update(Action::UpdateProgress);
        assert!(s.form.is_some());
        let sel = s.tasks.cursor.selected;
        assert!(!s.update(at(MouseKind::Click, 10, 8)));
        assert!(!s.update(at(MouseKind::WheelDown, 10, 8)));
        assert_eq!(s.tasks.cursor.selected, sel);
        assert!(s.form.is_some());
    }

    #[test]
    fn vietnamese_letters_act_as_plain_letters_in_tables_only() {
        use phoihop::tui::input::Key;
        use phoihop::tui::keymap::{action_for, Mode};
        assert_eq!(
            action_for(Mode::Table, Key::Char('đ')),
            Some(Action::Delete)
        );
        assert_eq!(action_for(Mode::Table, Key::Char('ư')), Some(Action::Urge));
        assert_eq!(action_for(Mode::Table, Key::Char('ĵ')), Some(Action::Down));
        assert_eq!(
            action_for(Mode::Table, Key::Char('Ŝ')),
            Some(Action::SortReverse)
        );
        assert_eq!(
            action_for(Mode::Dashboard, Key::Char('ê')),
            Some(Action::Edit)
        );
        // Text keeps what was typed; a dialog takes only its plain letters.
        assert_eq!(
            action_for(Mode::Form, Key::Char('đ')),
            Some(Action::Input('đ'))
        );
        assert_eq!(
            action_for(Mode::Search, Key::Char('ư')),
            Some(Action::Input('ư'))
        );
        assert_eq!(
            action_for(Mode::Confirm, Key::Char('ý')),
            Some(Action::Cancel)
        );
    }

    /// A generated database with thousands of overdue tasks: the dashboard's list counts
    /// all of them and scrolls to the last due-soon task, a window at a time.
    #[test]
    fn the_attention_list_scrolls_through_all_of_it() {
        use phoihop::store::TaskFilter;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gen.db");
        let today = common::today();
        {
            let mut store = Store::open(&path, false).unwrap();
            let opts = phoihop::demo::GenOptions {
                tasks: 6000,
                agencies: 40,
                seed: 7,
            };
            phoihop::demo::generate(&mut store, &opts, today).unwrap();
        }
        for as_of in [today, today - chrono::Duration::days(200)] {
            let store = Store::open(&path, true).unwrap();
            let past = (as_of < today).then_some(as_of);
            let count = |overdue, due_soon| {
                let f = TaskFilter {
                    as_of: Some(as_of),
                    overdue,
                    due_soon,
                    ..Default::default()
                };
                store.count_tasks_at(&f, past).unwrap() as usize
            };
            let (overdue, soon) = (count(true, false), count(false, true));
            assert!(overdue > 300 && soon > 0, "{overdue} {soon}");
            let mut s = AppState::new(
                Store::open(&path, true).unwrap(),
                Lang::En,
                as_of,
                today,
                None,
                (120, 40),
            )
            .unwrap();
            let d = &s.dashboard;
            assert_eq!(d.attention_total, overdue + soon);
            assert!(d.attention.len() <= phoihop::tui::state::dashboard::ATTENTION_WINDOW);
            // Down through the overdue ones into the due-soon ones, in deadline order.
            let mut last = None;
            for seen in 0..(overdue + 10) {
                s.update(Action::Down);
                let t = s.dashboard.selected().unwrap().clone();
                if let (Some(prev), Some(dl)) = (last, t.deadline) {
                    if seen < overdue - 1 {
                        assert!(dl >= prev, "deadline order");
                    }
                }
                last = t.deadline;
            }
            let t = s.dashboard.selected().unwrap();
            assert!(t.deadline.unwrap() >= as_of, "a due-soon task: {t:?}");
            s.update(Action::Bottom);
            assert_eq!(s.dashboard.cursor.selected, overdue + soon - 1);
            assert!(s.dashboard.selected().is_some());
            s.update(Action::Top);
            let first = s.dashboard.selected().unwrap().clone();
            assert!(first.deadline.unwrap() < as_of);
            // The title gives the true count.
            let (w, h) = s.size;
            let mut term =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            let theme = phoihop::tui::theme::Theme::mono();
            term.draw(|f| phoihop::tui::view::draw(f, &s, &theme))
                .unwrap();
            let screen = term.backend().to_string();
            let shown = Lang::En.int((overdue + soon) as i64);
            assert!(screen.contains(&format!("· {shown}")), "{shown}\n{screen}");
        }
    }
}

/// The Ranking view (`6`) shows the rows of the store's ranking — the one the report's
/// annex prints, tested against a table computed from `task list` in
/// `tests/report_formats.rs` — in its order; sorts by any column and back; opens the
/// tasks an agency leads; and is read again after another session's commit.
#[test]
fn the_ranking_view_shows_the_stores_ranking_sorts_and_drills_down() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, false).unwrap();
    let mut s = AppState::new(
        store,
        Lang::En,
        common::as_of(),
        common::today(),
        Some("XDHTCT-2015-2020".into()),
        (80, 24),
    )
    .unwrap();
    s.update(Action::SwitchView(View::Ranking));
    assert_eq!(s.view, View::Ranking);
    let scope = phoihop::store::Scope {
        program: Some("XDHTCT-2015-2020".into()),
        ..Default::default()
    };
    let want = s
        .store()
        .agency_ranking(&scope, common::as_of(), common::today())
        .unwrap();
    assert!(want.len() > 3, "the demo has lead agencies to rank");
    assert_eq!(
        s.ranking.rows, want,
        "the view shows the store's rows, in order"
    );
    let ranks: Vec<usize> = s.ranking.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, (1..=want.len()).collect::<Vec<_>>());

    // `s` to the rate column (rank → agency → rate), `S` reverses it: the best rate
    // first, ties in ranking order; the selection stays on its agency.
    s.update(Action::Down);
    let picked = s.ranking.selected().unwrap().code.clone();
    s.update(Action::SortNext);
    s.update(Action::SortNext);
    s.update(Action::SortReverse);
    assert_eq!(s.ranking.selected().unwrap().code, picked);
    let rates: Vec<f64> = s
        .ranking
        .rows
        .iter()
        .map(|r| r.on_time_rate.unwrap_or(-1.0))
        .collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    // Equal rates keep the ranking's order, even sorted descending.
    assert!(s
        .ranking
        .rows
        .windows(2)
        .all(|w| w[0].on_time_rate != w[1].on_time_rate || w[0].rank < w[1].rank));
    assert_ne!(s.ranking.rows, want, "sorted by rate, the few come up");
    // Round the columns back to the rank, ascending: the store's order again.
    for _ in 0..7 {
        s.update(Action::SortNext);
    }
    assert_eq!(s.ranking.sort.column, 0);
    assert_eq!(s.ranking.rows, want);

    // Enter opens the tasks the selected agency leads; Esc comes back to the ranking.
    s.update(Action::Top);
    let first = s.ranking.selected().unwrap().clone();
    assert!(s.update(Action::Open));
    match s.stack.last() {
        Some(Layer::Tasks(t)) => {
            assert_eq!(
                t.kind,
                TaskListKind::LedBy(first.code.clone(), first.name.clone())
            );
            assert_eq!(t.total as i64, first.counts.tasks, "every task it leads");
        }
        other => panic!("expected the agency's tasks, got {other:?}"),
    }
    s.update(Action::Back);
    assert!(s.stack.is_empty() && s.view == View::Ranking);

    // Another session urges the first agency's task: the urge count is read again.
    let mut seen = s.data_version().unwrap();
    let task = s
        .store()
        .tasks(
            &phoihop::store::TaskFilter {
                program: Some("XDHTCT-2015-2020".into()),
                lead: Some(first.code.clone()),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            1,
        )
        .unwrap()[0]
        .id;
    Store::open(&path, false)
        .unwrap()
        .urge_task(task, "Báo cáo tiến độ", common::as_of())
        .unwrap();
    assert!(poll(&mut s, &mut seen));
    let now = s
        .ranking
        .rows
        .iter()
        .find(|r| r.code == first.code)
        .unwrap();
    assert_eq!(now.urges, first.urges + 1);
}

fn type_in(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.update(Action::Input(c));
    }
}

fn palette_runs(s: &AppState, want: &Action) -> bool {
    use phoihop::tui::state::palette::Target;
    s.palette
        .as_ref()
        .unwrap()
        .shown
        .iter()
        .any(|e| e.target == Target::Run(want.clone()))
}

/// The palette (`:`) offers every command of the screen under it — the list help draws —
/// and each is found by a word of its description typed without diacritics, in both
/// languages; Esc closes it; `:70` opens task 70; an agency's name opens its tasks.
#[test]
fn the_palette_finds_every_command_by_a_plain_word_and_opens_records() {
    use phoihop::tui::keymap;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        let store = Store::open(&path, false).unwrap();
        let mut s = AppState::new(
            store,
            lang,
            common::as_of(),
            common::today(),
            None,
            (120, 40),
        )
        .unwrap();
        // The dashboard, a table and a task detail: each mode's commands.
        let screens: [&[Action]; 3] = [
            &[],
            &[Action::SwitchView(View::Tasks)],
            &[Action::SwitchView(View::Tasks), Action::Open],
        ];
        let mut checked = 0;
        for go in screens {
            for a in go {
                s.update(a.clone());
            }
            let here = s.here_in(s.base_mode());
            for b in keymap::commands(&here).filter(|b| b.action != Action::Palette) {
                // The longest word of the description, folded (no diacritics).
                let folded = phoihop::search::fold(lang.t(b.help));
                let word = folded
                    .split(|c: char| !c.is_alphanumeric())
                    .max_by_key(|w| w.len())
                    .unwrap()
                    .to_string();
                assert!(!phoihop::search::has_diacritics(&word));
                s.update(Action::Palette);
                assert!(s.palette.is_some(), "`:` opens the palette");
                type_in(&mut s, &word);
                assert!(
                    palette_runs(&s, &b.action),
                    "{lang:?}: {word:?} finds {:?} ({})",
                    b.action,
                    lang.t(b.help)
                );
                s.update(Action::Cancel);
                assert!(s.palette.is_none(), "Esc closes it");
                checked += 1;
            }
            s.update(Action::SwitchView(View::Dashboard));
        }
        assert!(checked > 30, "{checked} commands checked");
    }

    let mut s = AppState::new(
        Store::open(&path, false).unwrap(),
        Lang::Vi,
        common::as_of(),
        common::today(),
        None,
        (120, 40),
    )
    .unwrap();
    // "loc" finds Lọc (the filters), and Enter runs it: the filter panel opens.
    s.update(Action::Palette);
    type_in(&mut s, "loc");
    assert!(palette_runs(&s, &Action::Filter));
    let at = s
        .palette
        .as_ref()
        .unwrap()
        .shown
        .iter()
        .position(|e| e.target == phoihop::tui::state::palette::Target::Run(Action::Filter))
        .unwrap();
    for _ in 0..at {
        s.update(Action::Down);
    }
    s.update(Action::Submit);
    assert!(s.palette.is_none());
    assert_eq!(s.mode(), phoihop::tui::keymap::Mode::Filter);
    s.update(Action::Cancel);

    // `:70` (typed `70`, `#70`): the first entry is task 70; Enter opens its detail.
    for q in ["70", "#70"] {
        s.update(Action::Palette);
        type_in(&mut s, q);
        s.update(Action::Submit);
        match s.stack.last() {
            Some(Layer::Detail(d)) => assert_eq!(d.task.id, 70, "{q}"),
            other => panic!("{q}: expected task 70, got {other:?}"),
        }
        s.update(Action::Back);
    }

    // An agency's name without diacritics: its tasks.
    let agency = s.store().agencies().unwrap().remove(0);
    s.update(Action::Palette);
    type_in(&mut s, &phoihop::search::fold(&agency.name));
    let first = s.palette.as_ref().unwrap().shown[0].clone();
    assert_eq!(
        first.target,
        phoihop::tui::state::palette::Target::Agency(agency.code.clone(), agency.name.clone())
    );
    s.update(Action::Submit);
    match s.stack.last() {
        Some(Layer::Tasks(t)) => assert_eq!(t.kind, TaskListKind::LedBy(agency.code, agency.name)),
        other => panic!("expected the agency's tasks, got {other:?}"),
    }

    // A task by words of its title, folded: "dan van" finds a task on mass mobilisation.
    s.update(Action::Palette);
    type_in(&mut s, "dan van");
    let shown = &s.palette.as_ref().unwrap().shown;
    assert!(shown
        .iter()
        .any(|e| matches!(e.target, phoihop::tui::state::palette::Target::Task(_))));
}

/// The wallboard: dashboard → ranking → trends → overdue list and round again with its clock or
/// `→`, back with `←`, space pauses; every other action of the views does nothing; each
/// screen is its view, read again after another session's commit.
#[test]
fn the_wallboard_turns_through_its_screens_and_takes_only_its_keys() {
    use phoihop::tui::input::Key;
    use phoihop::tui::keymap::{action_for, Mode};
    use phoihop::tui::state::wall::WallScreen;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = live_app(&path);
    s.update(Action::SwitchView(View::Tasks));
    s.start_wall(30).unwrap();
    // The month series of the dashboard's sparklines is read (in place: no runner).
    s.update(Action::Background);
    assert_eq!(s.mode(), Mode::Wall);
    assert_eq!(s.view, View::Dashboard);
    // Only q, Ctrl-c, space and the arrows mean something there.
    assert_eq!(action_for(Mode::Wall, Key::Char('q')), Some(Action::Quit));
    assert_eq!(
        action_for(Mode::Wall, Key::Char(' ')),
        Some(Action::WallPause)
    );
    assert_eq!(action_for(Mode::Wall, Key::Right), Some(Action::WallNext));
    assert_eq!(action_for(Mode::Wall, Key::Left), Some(Action::WallPrev));
    for k in ['3', '/', 'f', ':', '?', 'e', 'p', 'n', 'r', 'c', 't'] {
        assert_eq!(action_for(Mode::Wall, Key::Char(k)), None, "{k}");
    }
    for a in [
        Action::SwitchView(View::Tasks),
        Action::Open,
        Action::Down,
        Action::Palette,
    ] {
        assert!(!s.update(a.clone()), "{a:?} does nothing on the wall");
    }
    assert_eq!(s.view, View::Dashboard);
    let order: Vec<(WallScreen, View)> = (0..4)
        .map(|_| {
            s.update(Action::WallNext);
            let w = s.wall.unwrap();
            (w.screen, s.view)
        })
        .collect();
    assert_eq!(
        order,
        vec![
            (WallScreen::Ranking, View::Ranking),
            (WallScreen::Trends, View::Trends),
            (WallScreen::Overdue, View::Dashboard),
            (WallScreen::Dashboard, View::Dashboard),
        ]
    );
    s.update(Action::WallNext);
    s.update(Action::WallPrev);
    assert_eq!(s.wall.unwrap().screen, WallScreen::Dashboard);
    s.update(Action::WallPause);
    assert!(s.wall.unwrap().paused);
    s.update(Action::WallPause);
    assert!(!s.wall.unwrap().paused);

    // Live: another session's urge shows on the ranking when it comes round.
    s.update(Action::WallNext);
    let lead = s.ranking.rows[0].code.clone();
    let before = s.ranking.rows[0].urges;
    let task = s
        .store()
        .tasks(
            &phoihop::store::TaskFilter {
                lead: Some(lead.clone()),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            1,
        )
        .unwrap()[0]
        .id;
    let mut seen = s.data_version().unwrap();
    Store::open(&path, false)
        .unwrap()
        .urge_task(task, "Báo cáo tiến độ", common::today())
        .unwrap();
    assert!(poll(&mut s, &mut seen));
    let now = s
        .ranking
        .rows
        .iter()
        .find(|r| r.code == lead)
        .unwrap()
        .urges;
    assert_eq!(now, before + 1);
    assert!(s.update(Action::Quit) || s.quit);
    assert!(s.quit);
}

/// `x` writes the table shown — searched, sorted, as of its date — to a CSV file in the
/// working directory, named after the view and the date, the name editable first; the
/// file holds exactly the rows the table shows, in its order; an existing file is never
/// overwritten; a screen without a table says so.
#[test]
fn x_exports_exactly_the_rows_shown() {
    use phoihop::tui::keymap::Mode;
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = AppState::new(
        Store::open(&path, false).unwrap(),
        Lang::Vi,
        common::as_of(),
        common::today(),
        None,
        (80, 24),
    )
    .unwrap();
    s.export_dir = out.path().to_path_buf();
    s.update(Action::Export);
    assert!(s.export.is_none(), "no table on the dashboard");
    s.update(Action::SwitchView(View::Tasks));
    s.update(Action::Search);
    type_in(&mut s, "dan van");
    s.update(Action::Submit);
    // Sorted by deadline, latest first.
    for _ in 0..5 {
        s.update(Action::SortNext);
    }
    s.update(Action::SortReverse);
    let total = s.tasks.total;
    assert!(total > 3 && total < 60, "{total} tasks match");
    let mut shown = Vec::new();
    s.update(Action::Top);
    for _ in 0..total {
        shown.push(s.tasks.selected().unwrap().id.to_string());
        s.update(Action::Down);
    }
    s.update(Action::Export);
    assert_eq!(s.mode(), Mode::Export);
    assert_eq!(s.export.as_ref().unwrap().name, "nhiem-vu-2020-11-06.csv");
    // The name is edited: "-dan-van" before ".csv".
    for _ in 0..4 {
        s.update(Action::Erase);
    }
    type_in(&mut s, "-dan-van.csv");
    s.update(Action::Submit);
    assert!(s.export.is_none(), "{:?}", s.notice);
    let file = out.path().join("nhiem-vu-2020-11-06-dan-van.csv");
    let mut r = csv::Reader::from_path(&file).unwrap();
    assert_eq!(r.headers().unwrap().get(0), Some("Số"));
    let ids: Vec<String> = r.records().map(|x| x.unwrap()[0].to_string()).collect();
    assert_eq!(ids, shown, "the rows shown, in their order");
    let written = std::fs::read(&file).unwrap();

    // The same name again: refused, the prompt stays, the file unchanged.
    s.update(Action::Export);
    for _ in 0..4 {
        s.update(Action::Erase);
    }
    type_in(&mut s, "-dan-van.csv");
    s.update(Action::Submit);
    assert!(s.export.is_some());
    assert!(matches!(
        s.notice,
        Some(phoihop::tui::state::Notice::Error(_))
    ));
    assert_eq!(std::fs::read(&file).unwrap(), written);
    s.update(Action::Cancel);
    assert!(s.export.is_none());

    // The ranking: every row, the header in the session's language.
    s.update(Action::SwitchView(View::Ranking));
    s.update(Action::Export);
    assert_eq!(s.export.as_ref().unwrap().name, "xep-hang-2020-11-06.csv");
    s.update(Action::Submit);
    let mut r = csv::Reader::from_path(out.path().join("xep-hang-2020-11-06.csv")).unwrap();
    assert_eq!(r.headers().unwrap().get(1), Some("Cơ quan chủ trì"));
    let names: Vec<String> = r.records().map(|x| x.unwrap()[1].to_string()).collect();
    let want: Vec<String> = s.ranking.rows.iter().map(|r| r.name.clone()).collect();
    assert_eq!(names, want);
}

/// `x` then Tab: the name switches to `.xlsx` (and back), and the file written is a
/// workbook of the same rows as the CSV — the header bold and frozen, the columns fitted,
/// ids and progress as numbers, a title that looks like a formula kept as a text cell
/// (never a formula); an existing workbook is not overwritten.
#[test]
fn x_then_tab_writes_the_table_as_a_workbook() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use phoihop::tui::keymap::{action_for, Mode};
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    // A title a spreadsheet would run, on a task the search below finds.
    let hostile = "=HYPERLINK(\"http://x\") dân vận";
    {
        let mut w = Store::open(&path, false).unwrap();
        let t = w
            .tasks(
                &phoihop::store::TaskFilter::default(),
                phoihop::store::TaskSort::Id,
                false,
                0,
                1,
            )
            .unwrap()
            .remove(0);
        let edit = phoihop::domain::TaskEdit {
            title: Some(hostile.into()),
            ..Default::default()
        };
        w.edit_task(t.id, Some(t.version), edit, common::today())
            .unwrap();
    }
    let mut s = AppState::new(
        Store::open(&path, false).unwrap(),
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        (80, 24),
    )
    .unwrap();
    s.export_dir = out.path().to_path_buf();
    s.update(Action::SwitchView(View::Tasks));
    s.update(Action::Search);
    type_in(&mut s, "dan van");
    s.update(Action::Submit);
    let total = s.tasks.total;
    assert!(total > 3, "{total} tasks match");
    let mut shown = Vec::new();
    s.update(Action::Top);
    for _ in 0..total {
        let t = s.tasks.selected().unwrap();
        shown.push((t.id, t.title.clone(), t.progress.get()));
        s.update(Action::Down);
    }
    assert!(shown.iter().any(|(_, t, _)| t == hostile), "{shown:?}");
    s.update(Action::Export);
    let name = |s: &AppState| s.export.as_ref().unwrap().name.clone();
    assert_eq!(name(&s), format!("nhiem-vu-{}.csv", common::today()));
    // Tab is the key, in the prompt only; it goes back and forth.
    let tab = action_for(Mode::Export, phoihop::tui::input::Key::Tab).unwrap();
    s.update(tab.clone());
    assert_eq!(name(&s), format!("nhiem-vu-{}.xlsx", common::today()));
    s.update(tab.clone());
    assert_eq!(name(&s), format!("nhiem-vu-{}.csv", common::today()));
    s.update(tab.clone());
    assert_eq!(s.mode(), Mode::Export);
    s.update(Action::Submit);
    assert!(s.export.is_none(), "{:?}", s.notice);
    let file = out
        .path()
        .join(format!("nhiem-vu-{}.xlsx", common::today()));
    let mut wb: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(wb.sheet_names(), ["Nhiệm vụ"]);
    let range = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("Số".into())));
    assert_eq!(range.height(), 1 + total);
    let styles = wb.worksheet_style("Nhiệm vụ").unwrap();
    for c in 0..range.width() as u32 {
        assert!(styles.get((0, c)).unwrap().font.as_ref().unwrap().is_bold());
    }
    let rows: Vec<(f64, String, f64)> = (1..range.height())
        .map(|r| {
            let num = |c| match range.get((r, c)) {
                Some(Data::Float(x)) => *x,
                other => panic!("row {r} col {c}: {other:?}"),
            };
            (num(0), range.get((r, 1)).unwrap().to_string(), num(7))
        })
        .collect();
    let want: Vec<(f64, String, f64)> = shown
        .iter()
        .map(|(id, t, p)| (*id as f64, t.clone(), *p as f64))
        .collect();
    assert_eq!(rows, want, "the rows shown, in their order");
    let formulas = wb.worksheet_formula("Nhiệm vụ").unwrap();
    assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));
    // The sheet's XML: frozen below the header, no formula, every column at least as
    // wide as its header.
    let mut xml = String::new();
    zip::ZipArchive::new(std::fs::File::open(&file).unwrap())
        .unwrap()
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""));
    assert!(!xml.contains("<f>"));
    let widths: Vec<f64> = xml
        .split("<col ")
        .skip(1)
        .map(|p| {
            let i = p.find("width=\"").unwrap() + 7;
            p[i..].split('"').next().unwrap().parse().unwrap()
        })
        .collect();
    let header: Vec<String> = (0..range.width())
        .map(|c| range.get((0, c)).unwrap().to_string())
        .collect();
    assert_eq!(widths.len(), header.len(), "{xml}");
    for (w, h) in widths.iter().zip(&header) {
        assert!(*w >= h.chars().count() as f64, "`{h}` in {w}");
    }
    let title_width = widths[1];
    let longest = shown
        .iter()
        .map(|(_, t, _)| t.chars().count())
        .max()
        .unwrap();
    assert!(
        title_width >= longest.min(60) as f64,
        "{title_width} for {longest}"
    );

    // The same name again: refused, the workbook unchanged.
    let written = std::fs::read(&file).unwrap();
    s.update(Action::Export);
    s.update(tab);
    s.update(Action::Submit);
    assert!(s.export.is_some());
    assert!(matches!(
        s.notice,
        Some(phoihop::tui::state::Notice::Error(_))
    ));
    assert_eq!(std::fs::read(&file).unwrap(), written);
}

/// The Trends view (`7`): its series is the store's, at month ends up to the as-of
/// date; the last point is the dashboard's numbers as of that date (totals, every
/// category, every lead agency); `c` turns the rows total → categories → agencies,
/// `t` the points to the review dates, each of which counts what the summary counts as
/// of that date; a commit elsewhere is read again (live).
#[test]
fn the_trends_view_reads_the_series_and_its_last_point_is_the_dashboards() {
    use phoihop::store::{series, Scope};
    use phoihop::tui::keymap::Mode;
    use phoihop::tui::state::trends::{TrendPoints, TrendRows};
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let program = "XDHTCT-2015-2020";
    let mut s = AppState::new(
        Store::open(&path, false).unwrap(),
        Lang::Vi,
        common::as_of(),
        common::today(),
        Some(program.into()),
        (120, 40),
    )
    .unwrap();
    // Not read before a screen needs it.
    assert!(s.trend_data(TrendPoints::Monthly).is_none());
    assert!(s.update(Action::SwitchView(View::Trends)));
    assert_eq!(s.mode(), Mode::Trends);
    let d = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    assert_eq!(*d.points.last().unwrap(), common::as_of());
    assert!(d.points.len() > 12, "{} month ends", d.points.len());
    assert!(d.points[..d.points.len() - 1]
        .iter()
        .all(|p| *p == series::month_end(*p)));
    assert_eq!(d.points.len(), d.series.len());
    // The last point is what the dashboard shows as of the same date.
    let dash = s.dashboard.summary.clone().unwrap();
    let last = d.latest().unwrap();
    assert_eq!(last.totals, dash.totals);
    assert_eq!(last.categories, dash.categories);
    assert_eq!(last.agencies, dash.agencies);
    assert_eq!(last.due_soon, dash.due_soon);
    assert_eq!(last.totals.tasks, 58);
    // The review dates of the program, within the span, are marked.
    let reviews = {
        let st = Store::open(&path, true).unwrap();
        st.review_schedule(&st.program(program).unwrap()).unwrap()
    };
    let marked: Vec<_> = reviews
        .iter()
        .copied()
        .filter(|r| *r >= d.points[0] && *r <= common::as_of())
        .collect();
    assert!(!marked.is_empty());
    assert_eq!(d.reviews, marked);

    // `c`: the categories, in the dashboard's order, then the lead agencies as the
    // dashboard lists them, then the total again.
    assert_eq!(s.trend_rows().len(), 1);
    assert!(s.update(Action::TrendRows));
    assert_eq!(s.trends.rows, TrendRows::Categories);
    let names: Vec<String> = s.trend_rows().iter().map(|r| r.code.clone()).collect();
    let want: Vec<String> = dash
        .categories
        .iter()
        .map(|c| c.category.code.clone())
        .collect();
    assert_eq!(names, want);
    s.update(Action::Down);
    s.update(Action::Down);
    assert_eq!(s.trends.cursor.selected, 2);
    s.update(Action::TrendRows);
    assert_eq!(s.trends.rows, TrendRows::Agencies);
    assert_eq!(
        s.trends.cursor.selected, 0,
        "a new kind of row starts at the top"
    );
    let codes: Vec<String> = s.trend_rows().iter().map(|r| r.code.clone()).collect();
    let want: Vec<String> = s
        .dashboard
        .agencies()
        .iter()
        .map(|a| a.code.clone())
        .collect();
    assert_eq!(codes, want);
    for r in s.trend_rows() {
        let a = dash.agencies.iter().find(|a| a.code == r.code).unwrap();
        assert_eq!(r.latest(), Some(a.counts), "{}", r.code);
    }
    s.update(Action::TrendRows);
    assert_eq!(s.trends.rows, TrendRows::Total);

    // `t`: the review dates up to the as-of date, then the as-of date; each point's
    // numbers, in total and by category, are the summary's as of that date.
    assert!(s.update(Action::TrendPoints));
    assert_eq!(s.trends.points, TrendPoints::Reviews);
    let r = s.trend_data(TrendPoints::Reviews).unwrap().clone();
    assert_eq!(r.points, series::review_points(&reviews, common::as_of()));
    let st = Store::open(&path, true).unwrap();
    let scope = Scope {
        program: Some(program.into()),
        ..Default::default()
    };
    for (p, got) in r.points.iter().zip(&r.series) {
        let want = st.summary(&scope, *p, common::today()).unwrap();
        assert_eq!(got.totals, want.totals, "{p}");
        assert_eq!(got.categories, want.categories, "{p}");
    }
    // The other keys of the view do nothing elsewhere.
    s.update(Action::SwitchView(View::Dashboard));
    assert!(!s.update(Action::TrendRows));
    assert_eq!(s.trends.rows, TrendRows::Total);
}

/// Live: on the Trends view as of today, another session's update is read again, and
/// its last point follows the dashboard's numbers.
#[test]
fn the_trends_view_is_read_again_after_a_change_elsewhere() {
    use phoihop::tui::state::trends::TrendPoints;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = live_app(&path);
    let mut seen = s.data_version().unwrap();
    s.update(Action::SwitchView(View::Trends));
    let before = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    let task = s
        .store()
        .tasks(
            &phoihop::store::TaskFilter {
                status: Some(phoihop::domain::Status::InProgress),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            1,
        )
        .unwrap()[0]
        .id;
    other_moves(&path, task);
    assert!(poll(&mut s, &mut seen));
    let after = s.trend_data(TrendPoints::Monthly).unwrap().clone();
    assert_ne!(
        before.latest().unwrap().totals.progress_sum,
        after.latest().unwrap().totals.progress_sum
    );
    // The dashboard, read when shown, agrees with the series' last point.
    s.update(Action::SwitchView(View::Dashboard));
    assert_eq!(
        s.dashboard.summary.as_ref().unwrap().totals,
        after.latest().unwrap().totals
    );
}

/// The dashboard's sparklines: its month series is read only for a screen of at least
/// 80×24 and after the dashboard itself (which draws without it).
#[test]
fn the_dashboard_reads_its_month_series_from_80x24_on() {
    use phoihop::tui::state::trends::TrendPoints;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, false).unwrap();
    let mut s = AppState::new(
        store,
        Lang::En,
        common::as_of(),
        common::today(),
        None,
        (60, 20),
    )
    .unwrap();
    assert!(s.dashboard.loaded);
    assert!(s.trend_data(TrendPoints::Monthly).is_none());
    s.update(Action::Resize(70, 22));
    assert!(s.trend_data(TrendPoints::Monthly).is_none(), "too small");
    s.update(Action::Resize(80, 24));
    let d = s.trend_data(TrendPoints::Monthly).unwrap();
    assert_eq!(
        d.latest().unwrap().totals,
        s.dashboard.summary.as_ref().unwrap().totals
    );
}

/// The palette finds the Trends view by a word without diacritics, in both languages,
/// and, on the Trends view, its own keys.
#[test]
fn the_palette_finds_the_trends_view_and_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for (lang, words) in [
        (Lang::Vi, ["dien bien", "theo thoi gian", "ky so ket"]),
        (Lang::En, ["trends", "over time", "review dates"]),
    ] {
        let store = Store::open(&path, false).unwrap();
        let mut s = AppState::new(
            store,
            lang,
            common::as_of(),
            common::today(),
            None,
            (120, 40),
        )
        .unwrap();
        for (i, (word, want)) in words
            .iter()
            .zip([
                Action::SwitchView(View::Trends),
                Action::SwitchView(View::Trends),
                Action::TrendPoints,
            ])
            .enumerate()
        {
            if i == 2 {
                s.update(Action::SwitchView(View::Trends));
            }
            s.update(Action::Palette);
            type_in(&mut s, word);
            assert!(palette_runs(&s, &want), "{lang:?}: {word:?} finds {want:?}");
            s.update(Action::Cancel);
        }
        // Enter on it opens the view.
        s.update(Action::SwitchView(View::Dashboard));
        s.update(Action::Palette);
        type_in(&mut s, words[0]);
        let at = s
            .palette
            .as_ref()
            .unwrap()
            .shown
            .iter()
            .position(|e| {
                e.target
                    == phoihop::tui::state::palette::Target::Run(Action::SwitchView(View::Trends))
            })
            .unwrap();
        for _ in 0..at {
            s.update(Action::Down);
        }
        s.update(Action::Submit);
        assert_eq!(s.view, View::Trends);
    }
}
