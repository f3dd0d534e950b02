//! Search (`/`), filters (`f`) and the as-of date (`a`) through `AppState::update` on the
//! demo data in a temp file; snapshots of an active search with a filter at 80×24 and
//! 120×40 in both languages; the help overlay lists the new keys.

mod common;

use phoihop::domain::Status;
use phoihop::store::{Store, TaskFilter};
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::Lang;
use phoihop::tui::keymap::{self, Mode};
use phoihop::tui::state::{AppState, Layer};
use phoihop::tui::theme::Theme;
use phoihop::tui::view;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;

const PROGRAM: &str = "XDHTCT-2015-2020";

fn app(path: &std::path::Path, lang: Lang, as_of: chrono::NaiveDate, size: (u16, u16)) -> AppState {
    let store = Store::open(path, true).unwrap();
    AppState::new(store, lang, as_of, common::today(), None, size).unwrap()
}

fn typed(s: &mut AppState, text: &str) {
    for c in text.chars() {
        s.update(Action::Input(c));
    }
}

fn titles(s: &AppState) -> Vec<String> {
    s.tasks.rows.iter().map(|t| t.title.clone()).collect()
}

fn render(state: &AppState) -> Terminal<TestBackend> {
    let (w, h) = state.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, state, &Theme::mono())).unwrap();
    t
}

#[test]
fn search_narrows_as_the_query_grows_and_esc_clears() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = app(&path, Lang::Vi, common::today(), (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    let all = s.tasks.total;
    assert!(all >= 58);
    s.update(Action::Search);
    assert_eq!(s.mode(), Mode::Search);
    // Nothing typed: the whole table.
    assert_eq!(s.tasks.total, all);
    let mut counts = Vec::new();
    for c in "dan van".chars() {
        s.update(Action::Input(c));
        counts.push(s.tasks.total);
    }
    // Each key narrows (never widens) the matches.
    assert!(counts.windows(2).all(|w| w[1] <= w[0]), "{counts:?}");
    let n = s.tasks.total;
    assert!(n > 0 && n < all, "{n} of {all}");
    // Every row shown matches, whatever its accents: "Dân vận".
    for t in &s.tasks.rows {
        let f = phoihop::search::fold(&t.title);
        assert!(f.contains("dan") || f.contains('d'), "{}", t.title);
    }
    assert!(titles(&s)
        .iter()
        .any(|t| phoihop::search::fold(t).contains("dan van")));
    // The count is the search library's on the same titles.
    let store = Store::open(&path, true).unwrap();
    let direct =
        phoihop::cli::search::search_tasks(&store, &TaskFilter::default(), "dan van", 100_000)
            .unwrap();
    assert_eq!(n, direct.len());
    // Backspace widens again.
    s.update(Action::Erase);
    assert!(s.tasks.total >= n);
    // Enter keeps the filter and returns to moving; j moves.
    s.update(Action::Submit);
    assert_eq!(s.mode(), Mode::Table);
    assert_eq!(s.search_query(), Some("dan va"));
    let kept = s.tasks.total;
    s.update(Action::Down);
    assert_eq!(s.tasks.cursor.selected, 1.min(kept - 1));
    // `/` again continues the same query.
    s.update(Action::Search);
    typed(&mut s, "n");
    assert_eq!(s.tasks.total, n);
    // Esc clears: the whole table again.
    s.update(Action::Cancel);
    assert_eq!(s.mode(), Mode::Table);
    assert_eq!(s.search_query(), None);
    assert_eq!(s.tasks.total, all);
}

/// Waits for the search thread's answers until the newest query is answered.
fn settle(s: &mut AppState, rx: &std::sync::mpsc::Receiver<phoihop::tui::event::Event>) {
    while s.task_search().is_some_and(|t| t.pending()) {
        let ev = rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("the search thread answers");
        assert_eq!(ev, phoihop::tui::event::Event::Background);
        s.update(Action::Background);
    }
}

/// The background path, forced on the small demo: the index built on a thread and kept
/// there, every query answered there; the keys typed meanwhile apply when the answers
/// come.
#[test]
fn large_indexes_are_built_and_narrowed_off_the_key_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, true).unwrap();
    let count = |q: &str| {
        phoihop::cli::search::search_tasks(&store, &TaskFilter::default(), q, 100_000)
            .unwrap()
            .len()
    };
    let mut s = app(&path, Lang::En, common::today(), (120, 40));
    let (tx, rx) = std::sync::mpsc::channel();
    s.set_notifier(tx);
    s.set_background_above(0);
    s.update(Action::SwitchView(View::Tasks));
    let all = s.tasks.total;
    s.update(Action::Search);
    assert!(s.task_search().unwrap().building());
    typed(&mut s, "dan van");
    assert_eq!(s.search_query(), Some("dan van"));
    settle(&mut s, &rx);
    assert_eq!(s.tasks.total, count("dan van"));
    assert!(s.tasks.total < all);
    // More keys, answered in turn.
    s.update(Action::Erase);
    s.update(Action::Erase);
    assert!(s.task_search().unwrap().pending());
    settle(&mut s, &rx);
    assert_eq!(s.tasks.total, count("dan v"));
    // The rows shown are the best matches, read by id.
    let top =
        phoihop::cli::search::search_tasks(&store, &TaskFilter::default(), "dan v", 3).unwrap();
    let shown: Vec<i64> = s.tasks.rows.iter().take(3).map(|t| t.id).collect();
    assert_eq!(shown, top.iter().map(|(t, _)| t.id).collect::<Vec<_>>());
    // A result for a search cleared meanwhile is dropped.
    s.update(Action::Cancel);
    s.update(Action::Search);
    s.update(Action::Cancel);
    let _ = rx.recv_timeout(std::time::Duration::from_secs(30));
    s.update(Action::Background);
    assert_eq!(s.tasks.total, all);
}

/// Renames the first task of the tasks table (by another connection, as another session
/// would) so that its title holds `word`.
fn rename_first_task(path: &std::path::Path, word: &str) -> i64 {
    let mut w = Store::open(path, false).unwrap();
    let t = w
        .tasks(
            &TaskFilter::default(),
            phoihop::store::TaskSort::Id,
            false,
            0,
            1,
        )
        .unwrap()
        .remove(0);
    let edit = phoihop::domain::TaskEdit {
        title: Some(format!("Tổng kết {word} công tác dân vận")),
        ..Default::default()
    };
    w.edit_task(
        t.id,
        Some(t.version),
        edit,
        chrono::Local::now().date_naive(),
    )
    .unwrap();
    t.id
}

/// Live refresh reads an open task search's index again: a title changed by another
/// session matches (or stops matching) without the search being restarted, in place
/// for a small index, and off the key loop for an index kept on its thread, with the old
/// matches shown meanwhile.
#[test]
fn live_refresh_rebuilds_an_open_task_search() {
    // Built above: in place, or on a thread that keeps the index.
    for build in [usize::MAX, 0] {
        let dir = tempfile::tempdir().unwrap();
        let path = common::demo_db(dir.path());
        let mut s = app(&path, Lang::En, common::today(), (120, 40));
        let (tx, rx) = std::sync::mpsc::channel();
        s.set_notifier(tx);
        s.set_background_above(build);
        s.update(Action::SwitchView(View::Tasks));
        s.update(Action::Search);
        typed(&mut s, "'xyzzy");
        settle(&mut s, &rx);
        assert_eq!(
            s.tasks.total, 0,
            "nothing matches before (built above {build})"
        );
        let id = rename_first_task(&path, "xyzzy");
        s.update(Action::DataChanged);
        if build == 0 {
            // Built off the key loop: the old matches stay until the new index answers.
            assert!(s.task_search().unwrap().refreshing());
            assert_eq!(s.tasks.total, 0);
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while s
            .task_search()
            .is_some_and(|t| t.pending() || t.refreshing())
        {
            assert!(std::time::Instant::now() < deadline, "no rebuild answer");
            if rx
                .recv_timeout(std::time::Duration::from_millis(200))
                .is_ok()
            {
                s.update(Action::Background);
            }
        }
        assert_eq!(s.search_query(), Some("'xyzzy"));
        assert_eq!(
            s.tasks.total, 1,
            "the renamed task matches (built above {build})"
        );
        assert_eq!(s.tasks.rows[0].id, id);
        assert!(s.tasks.rows[0].title.contains("xyzzy"));
        // Typing goes on over the new index.
        typed(&mut s, "x");
        settle(&mut s, &rx);
        assert_eq!(s.tasks.total, 0);
        s.update(Action::Erase);
        settle(&mut s, &rx);
        assert_eq!(s.tasks.total, 1);
    }
}

#[test]
fn kept_search_is_cleared_by_back_before_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = app(&path, Lang::En, common::today(), (120, 40));
    s.update(Action::SwitchView(View::Programs));
    let all = s.programs.rows.len();
    s.update(Action::Search);
    typed(&mut s, "2015");
    assert!(s.programs.rows.len() < all);
    assert!(s.programs.rows.iter().any(|r| r.program.code == PROGRAM));
    s.update(Action::Submit);
    // Open the program's tasks, search in them, back out twice.
    let i = s
        .programs
        .rows
        .iter()
        .position(|r| r.program.code == PROGRAM)
        .unwrap();
    for _ in 0..i {
        s.update(Action::Down);
    }
    s.update(Action::Open);
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!("no drill-down")
    };
    assert_eq!(t.total, 58);
    s.update(Action::Search);
    typed(&mut s, "dang uy");
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!()
    };
    assert!(t.total > 0 && t.total < 58, "{}", t.total);
    s.update(Action::Submit);
    s.update(Action::Back); // clears the layer's search
    let Some(Layer::Tasks(t)) = s.stack.last() else {
        panic!("Back left the layer instead of clearing its search")
    };
    assert_eq!(t.total, 58);
    s.update(Action::Back); // leaves the layer
    assert!(s.stack.is_empty());
    // The programs search is still kept; Esc clears it.
    assert_eq!(s.search_query(), Some("2015"));
    s.update(Action::Back);
    assert_eq!(s.programs.rows.len(), all);
}

#[test]
fn agencies_search_ignores_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = app(&path, Lang::Vi, common::today(), (120, 40));
    s.update(Action::SwitchView(View::Agencies));
    s.update(Action::Search);
    typed(&mut s, "dang uy khoi");
    assert!(!s.agencies.rows.is_empty());
    assert!(phoihop::search::fold(&s.agencies.rows[0].agency.name).contains("dang uy khoi"));
}

#[test]
fn filters_combine_with_the_search_and_narrow_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = app(&path, Lang::Vi, common::today(), (120, 40));
    let whole = s.dashboard.summary.as_ref().unwrap().totals.tasks;
    // f, then the program field: step to the 2015-2020 program.
    s.update(Action::Filter);
    assert_eq!(s.mode(), Mode::Filter);
    for _ in 0..20 {
        if s.find.panel.as_ref().unwrap().draft.program.as_deref() == Some(PROGRAM) {
            break;
        }
        s.update(Action::NextValue);
    }
    assert_eq!(
        s.find.panel.as_ref().unwrap().draft.program.as_deref(),
        Some(PROGRAM)
    );
    s.update(Action::Submit);
    assert_eq!(s.mode(), Mode::Dashboard);
    let counts: Vec<i64> = s
        .dashboard
        .summary
        .as_ref()
        .unwrap()
        .categories
        .iter()
        .map(|c| c.counts.tasks)
        .collect();
    assert_eq!(counts, vec![5, 15, 4, 11, 4, 16, 3]);
    assert!(whole > 58);
    // The tasks table: 58, then a status filter on top, then a search on top of both.
    s.update(Action::SwitchView(View::Tasks));
    assert_eq!(s.tasks.total, 58);
    s.update(Action::Filter);
    s.update(Action::NextField);
    s.update(Action::NextField); // status
    s.update(Action::NextValue);
    let status = s.find.panel.as_ref().unwrap().draft.status.unwrap();
    s.update(Action::Submit);
    let store = Store::open(&path, true).unwrap();
    let filter = TaskFilter {
        program: Some(PROGRAM.into()),
        status: Some(status),
        ..Default::default()
    };
    let expect = store.count_tasks(&filter).unwrap() as usize;
    assert_eq!(s.tasks.total, expect);
    assert!(s.tasks.rows.iter().all(|t| t.status == status));
    s.update(Action::Search);
    typed(&mut s, "cong tac");
    let direct = phoihop::cli::search::search_tasks(&store, &filter, "cong tac", 1000).unwrap();
    assert_eq!(s.tasks.total, direct.len());
    assert!(s
        .tasks
        .rows
        .iter()
        .all(|t| t.status == status && t.program == PROGRAM));
    // Clearing the filters keeps the search, over the whole table again.
    s.update(Action::Submit);
    s.update(Action::Filter);
    s.update(Action::ClearFilters);
    s.update(Action::Submit);
    let wide =
        phoihop::cli::search::search_tasks(&store, &TaskFilter::default(), "cong tac", 100_000)
            .unwrap();
    assert_eq!(s.tasks.total, wide.len());
    // Esc in the panel changes nothing.
    s.update(Action::Filter);
    s.update(Action::NextValue);
    s.update(Action::Cancel);
    assert!(s.filters().is_empty());
    let _ = Status::Done;
}

#[test]
fn as_of_rebuilds_the_past_and_empty_returns_to_today() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let store = Store::open(&path, true).unwrap();
    let mut s = AppState::new(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        Some(PROGRAM.into()),
        (120, 40),
    )
    .unwrap();
    let now = s.dashboard.summary.clone().unwrap().totals;
    s.update(Action::SetAsOf);
    assert_eq!(s.mode(), Mode::AsOf);
    typed(&mut s, "31/12/20");
    // Not a date yet: Enter does nothing, the prompt stays open.
    s.update(Action::Submit);
    assert_eq!(s.mode(), Mode::AsOf);
    typed(&mut s, "17");
    s.update(Action::Submit);
    assert_eq!(s.mode(), Mode::Dashboard);
    assert_eq!(s.as_of, common::d(2017, 12, 31));
    let then = s.dashboard.summary.clone().unwrap().totals;
    assert_ne!(then, now);
    // The same numbers as the store's summary as of that date.
    let store = Store::open(&path, true).unwrap();
    let scope = phoihop::store::Scope {
        program: Some(PROGRAM.into()),
        ..Default::default()
    };
    let direct = store
        .summary(&scope, common::d(2017, 12, 31), common::today())
        .unwrap();
    assert_eq!(then, direct.totals);
    // The tasks table shows each task's state then.
    s.update(Action::SwitchView(View::Tasks));
    let past = store
        .tasks_at(
            &TaskFilter {
                program: Some(PROGRAM.into()),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            100,
            Some(common::d(2017, 12, 31)),
        )
        .unwrap();
    assert_eq!(s.tasks.total, past.len());
    assert_eq!(s.tasks.rows[0].status, past[0].status);
    // A bad date: the reason, and nothing changes.
    s.update(Action::SetAsOf);
    s.update(Action::ClearField);
    typed(&mut s, "30/02/2019");
    assert!(!s.asof_check().unwrap().is_ok());
    s.update(Action::Submit);
    assert_eq!(s.as_of, common::d(2017, 12, 31));
    // Empty returns to today.
    s.update(Action::ClearField);
    s.update(Action::Submit);
    assert_eq!(s.as_of, common::today());
    assert_eq!(s.tasks.total, 58);
}

#[test]
fn help_lists_the_new_keys() {
    for mode in [Mode::Table, Mode::Dashboard] {
        let labels: Vec<String> = keymap::bindings_for(mode).map(|b| b.keys_label()).collect();
        assert!(labels.iter().any(|l| l == "f"), "{mode:?}");
        assert!(labels.iter().any(|l| l == "a"), "{mode:?}");
    }
    assert!(keymap::bindings_for(Mode::Table).any(|b| b.keys_label() == "/"));
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        let mut s = app(&path, lang, common::as_of(), (120, 40));
        s.update(Action::SwitchView(View::Tasks));
        s.update(Action::ToggleHelp);
        let out = render(&s).backend().to_string();
        for (key, msg) in [
            ("/", phoihop::tui::i18n::Msg::ActSearch),
            ("f", phoihop::tui::i18n::Msg::ActFilter),
            ("a", phoihop::tui::i18n::Msg::ActAsOf),
        ] {
            let desc = lang.t(msg);
            assert!(
                out.lines()
                    .any(|l| l.contains(&format!("{key} ")) && l.contains(desc)),
                "help lacks {key} {desc}:\n{out}"
            );
        }
    }
}

/// An active search with highlighted matches and a filter, at both sizes, both languages.
#[test]
fn snapshots_of_a_search_with_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let mut s = app(&path, lang, common::as_of(), (w, h));
            // Filter: the 2015-2020 program.
            s.update(Action::Filter);
            while s.find.panel.as_ref().unwrap().draft.program.as_deref() != Some(PROGRAM) {
                s.update(Action::NextValue);
            }
            s.update(Action::Submit);
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::Search);
            typed(&mut s, "dan van");
            let term = render(&s);
            let code = if lang == Lang::Vi { "vi" } else { "en" };
            insta::assert_snapshot!(
                format!("search_filter_{code}_{w}x{h}"),
                term.backend().to_string()
            );
            // The matched characters are bold and underlined in the accented title.
            let buf = term.backend().buffer();
            let marked: String = buf
                .content()
                .iter()
                .filter(|c| c.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD))
                .map(|c| c.symbol().to_string())
                .collect();
            let folded = phoihop::search::fold(&marked);
            assert!(folded.contains("danvan"), "marked: {marked:?}");
            assert!(
                marked.contains('â') || marked.contains('ậ'),
                "marked: {marked:?}"
            );
        }
    }
}

/// The filter panel itself and the as-of prompt with its reason.
#[test]
fn snapshots_of_the_panel_and_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for lang in [Lang::Vi, Lang::En] {
        let code = if lang == Lang::Vi { "vi" } else { "en" };
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let mut s = app(&path, lang, common::as_of(), (w, h));
            s.update(Action::SwitchView(View::Tasks));
            s.update(Action::Filter);
            s.update(Action::NextField);
            s.update(Action::NextField);
            s.update(Action::NextValue);
            insta::assert_snapshot!(
                format!("filter_panel_{code}_{w}x{h}"),
                render(&s).backend().to_string()
            );
            s.update(Action::Cancel);
            s.update(Action::SetAsOf);
            s.update(Action::ClearField);
            typed(&mut s, "31/02/2019");
            insta::assert_snapshot!(
                format!("asof_prompt_{code}_{w}x{h}"),
                render(&s).backend().to_string()
            );
        }
    }
}
