//! Honest hints and a kept place, through `AppState::update` on the demo data: sort and
//! clearing a search keep the selected record; the hint bar and the help show only keys
//! that do something on the screen, for the login; `q` stays in sight at 80 columns; the
//! help fits 60×20 by scrolling and lists every live key of the view.

mod common;

use phoihop::domain::Role;
use phoihop::store::{os_login, Store};
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::{Lang, Msg};
use phoihop::tui::keymap::{self, hints_here};
use phoihop::tui::state::AppState;
use phoihop::tui::theme::Theme;
use phoihop::tui::{view, ThemeChoice};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn open(path: &std::path::Path, size: (u16, u16)) -> AppState {
    let store = Store::open(path, false).unwrap();
    AppState::new(
        store,
        Lang::Vi,
        common::today(),
        common::today(),
        None,
        size,
    )
    .unwrap()
}

fn render(state: &AppState) -> String {
    let (w, h) = state.size;
    let theme = Theme::new(ThemeChoice::Mono, true);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| view::draw(f, state, &theme)).unwrap();
    t.backend().to_string()
}

fn hint_words(s: &AppState) -> Vec<Msg> {
    hints_here(&s.here()).into_iter().map(|(_, m)| m).collect()
}

fn selected_task(s: &AppState) -> i64 {
    s.tasks.selected().unwrap().id
}

#[test]
fn sorting_tasks_keeps_the_selected_task() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    for _ in 0..7 {
        s.update(Action::Down);
    }
    let id = selected_task(&s);
    for a in [
        Action::SortNext,
        Action::SortNext,
        Action::SortReverse,
        Action::SortNext,
        Action::SortNext,
    ] {
        s.update(a.clone());
        assert_eq!(selected_task(&s), id, "after {a:?}");
        // The selected row is on screen.
        assert!(s.tasks.visible(s.page()).iter().any(|t| t.id == id));
    }
}

#[test]
fn clearing_a_search_keeps_the_selected_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    s.update(Action::Search);
    for c in "dan van".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Down);
    s.update(Action::Down);
    let id = selected_task(&s);
    s.update(Action::Cancel);
    assert_eq!(s.search_query(), None);
    assert_eq!(selected_task(&s), id, "Esc on the search kept the task");
    // Programs: by code.
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Search);
    for c in "cai cach".chars() {
        s.update(Action::Input(c));
    }
    let code = s.programs.selected().unwrap().program.code.clone();
    s.update(Action::Cancel);
    assert_eq!(s.programs.selected().unwrap().program.code, code);
}

#[test]
fn hints_show_only_what_works_here() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (200, 40));
    s.update(Action::SwitchView(View::Tasks));
    let h = hint_words(&s);
    for m in [
        Msg::HintSort,
        Msg::HintSearch,
        Msg::HintFilter,
        Msg::HintProgress,
    ] {
        assert!(h.contains(&m), "{m:?} in Tasks: {h:?}");
    }
    s.update(Action::SwitchView(View::Activity));
    let h = hint_words(&s);
    for m in [Msg::HintSort, Msg::HintSearch, Msg::HintFilter] {
        assert!(!h.contains(&m), "{m:?} in Activity: {h:?}");
    }
    s.update(Action::Inbox);
    let h = hint_words(&s);
    assert!(!h.contains(&Msg::HintSort), "no sort in the inbox: {h:?}");
    assert!(
        !h.contains(&Msg::HintSearch),
        "no search in the inbox: {h:?}"
    );
}

#[test]
fn supervisors_are_shown_u_not_p() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut admin = Store::open(&path, false).unwrap();
    admin.grant(&os_login(), Role::Supervisor, None).unwrap();
    let mut s = open(&path, (200, 40));
    s.update(Action::SwitchView(View::Tasks));
    let h = hints_here(&s.here());
    assert!(
        h.iter().any(|(k, m)| k == "u" && *m == Msg::HintUrge),
        "{h:?}"
    );
    assert!(!h.iter().any(|(k, _)| k == "p"), "{h:?}");
    // Help lists u and none of p, e, n, d.
    s.update(Action::ToggleHelp);
    let here = s.here_in(s.base_mode());
    let keys: Vec<String> = keymap::bindings_for(s.base_mode())
        .filter(|b| here.live(b))
        .map(|b| b.keys_label())
        .collect();
    assert!(keys.contains(&"u".to_string()), "{keys:?}");
    for k in ["p", "e", "n", "d"] {
        assert!(
            !keys.contains(&k.to_string()),
            "{k} for a supervisor: {keys:?}"
        );
    }
}

#[test]
fn quit_stays_in_the_hint_bar_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (80, 24));
    for v in View::ALL {
        s.update(Action::SwitchView(v));
        let screen = render(&s);
        let last = screen.lines().last().unwrap().to_string();
        assert!(last.contains("q thoát"), "{v:?}: {last}");
    }
}

#[test]
fn help_at_60x20_scrolls_through_every_key_of_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (60, 20));
    s.update(Action::SwitchView(View::Tasks));
    let here = s.here_in(s.base_mode());
    let want: Vec<String> = keymap::bindings_for(s.base_mode())
        .filter(|b| here.live(b))
        .map(|b| Lang::Vi.t(b.help).to_string())
        .collect();
    s.update(Action::ToggleHelp);
    let mut seen = String::new();
    for _ in 0..30 {
        seen.push_str(&render(&s));
        s.update(Action::Down);
    }
    // Descriptions may wrap: compare word by word on the joined screens.
    let flat: String = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    for d in &want {
        let first = d.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&first), "help at 60×20 lacks {d:?}");
    }
    for k in ["f", "a", "/", "s", "q"] {
        assert!(
            keymap::bindings_for(s.base_mode()).any(|b| b.keys_label().starts_with(k)),
            "{k}"
        );
    }
}

#[test]
fn numbers_have_separators_and_never_round_up_to_100() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    for (lang, tasks, progress) in [
        (Lang::Vi, "Nhiệm vụ 100.000", "99,8%"),
        (Lang::En, "Tasks 100,000", "99.8%"),
    ] {
        for size in [(60, 20), (80, 24), (120, 40)] {
            let mut s = open(&path, size);
            s.lang = lang;
            let sum = s.dashboard.summary.as_mut().unwrap();
            sum.totals.tasks = 100_000;
            sum.totals.progress = 99.8;
            let screen = render(&s);
            assert!(screen.contains(tasks), "{size:?}:\n{screen}");
            assert!(screen.contains(progress), "{size:?}:\n{screen}");
            assert!(!screen.contains("100000"), "{size:?}:\n{screen}");
        }
    }
}

#[test]
fn programs_and_agencies_offer_no_task_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (200, 40));
    for v in [View::Programs, View::Agencies] {
        s.update(Action::SwitchView(v));
        let here = s.here_in(s.base_mode());
        let keys: Vec<String> = keymap::bindings_for(s.base_mode())
            .filter(|b| here.live(b))
            .map(|b| b.keys_label())
            .collect();
        for k in ["p", "e", "u"] {
            assert!(!keys.contains(&k.to_string()), "{k} in {v:?}: {keys:?}");
        }
        for k in ["n", "d", "s", "/"] {
            assert!(keys.contains(&k.to_string()), "{k} in {v:?}: {keys:?}");
        }
    }
}

#[test]
fn each_view_keeps_its_drill_down() {
    use phoihop::tui::state::Layer;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (120, 40));
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Open);
    s.update(Action::Down);
    s.update(Action::Down);
    let in_program = match s.stack.last() {
        Some(Layer::Tasks(t)) => t.selected().unwrap().id,
        _ => panic!("no drill-down"),
    };
    s.update(Action::Open);
    assert_eq!(s.stack.len(), 2);
    // Away and back (Tab round the views, or the view's number): the same two layers.
    for _ in 0..View::ALL.len() {
        s.update(Action::NextView);
    }
    assert_eq!(s.view, View::Programs);
    assert_eq!(s.stack.len(), 2, "Tab round kept the drill-down");
    match s.stack.last() {
        Some(Layer::Detail(d)) => assert_eq!(d.task.id, in_program),
        _ => panic!("the detail is back on top"),
    }
    s.update(Action::SwitchView(View::Tasks));
    assert!(s.stack.is_empty(), "Tasks has its own (empty) stack");
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Back);
    match s.stack.last() {
        Some(Layer::Tasks(t)) => assert_eq!(t.selected().unwrap().id, in_program),
        _ => panic!("the program's tasks under the detail"),
    }
    // The view's own key goes back to its top.
    s.update(Action::SwitchView(View::Programs));
    assert!(s.stack.is_empty());
}

#[test]
fn a_kept_drill_down_is_read_again_when_shown() {
    use phoihop::tui::state::Layer;
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (120, 40));
    s.update(Action::SwitchView(View::Programs));
    s.update(Action::Open);
    s.update(Action::Open);
    let id = match s.stack.last() {
        Some(Layer::Detail(d)) => d.task.id,
        _ => panic!("no detail"),
    };
    s.update(Action::SwitchView(View::Dashboard));
    // Another connection changes the task meanwhile; the dashboard sees the change.
    let mut other = Store::open(&path, false).unwrap();
    let v = other.task(id).unwrap().version;
    other
        .update_progress(
            id,
            Some(v),
            phoihop::domain::ProgressUpdate {
                progress: Some(phoihop::domain::Progress::new(37).unwrap()),
                status: None,
                note: None,
                on: common::today(),
            },
        )
        .unwrap();
    s.update(Action::DataChanged);
    s.update(Action::SwitchView(View::Programs));
    match s.stack.last() {
        Some(Layer::Detail(d)) => assert_eq!(d.task.progress.get(), 37),
        _ => panic!("the detail is back"),
    }
    // New filters (or an as-of date) since: the drill-down is not brought back.
    s.update(Action::SwitchView(View::Dashboard));
    s.update(Action::SetAsOf);
    for c in "01/01/2020".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Submit);
    s.update(Action::SwitchView(View::Programs));
    assert!(s.stack.is_empty());
}

#[test]
fn hash_or_colon_and_a_number_goes_to_that_task() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    let mut s = open(&path, (120, 40));
    s.update(Action::SwitchView(View::Tasks));
    for (query, id) in [("#70", 70), (":12", 12), ("# 3", 3)] {
        s.update(Action::Search);
        for c in query.chars() {
            s.update(Action::Input(c));
        }
        s.update(Action::Submit);
        assert_eq!(s.search_query(), None, "{query}");
        assert_eq!(selected_task(&s), id, "{query}");
    }
    // Sorted another way, still that task.
    s.update(Action::SortNext);
    s.update(Action::Search);
    for c in "#70".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Submit);
    assert_eq!(selected_task(&s), 70);
    // No such task: said so.
    s.update(Action::Search);
    for c in "#99999".chars() {
        s.update(Action::Input(c));
    }
    s.update(Action::Submit);
    assert_eq!(s.search_query(), None);
    assert_eq!(
        s.notice,
        Some(phoihop::tui::state::Notice::Info(Msg::NoSuchTaskHere))
    );
}
