//! End-to-end, the real binary in a pty: sorting keeps the selected task; the help at
//! 60×20 lists every key of the view (a page at a time); the hint bar at 80 columns keeps
//! `q`, and a supervisor is offered `u`, never `p`.

mod common;
mod pty_support;

use phoihop::domain::Role;
use phoihop::store::{os_login, Store};
use pty_support::Session;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    (dir, path)
}

/// The id on the selected row (`▶`).
fn selected_id(screen: &str) -> Option<i64> {
    let line = screen.lines().find(|l| l.contains('▶'))?;
    let rest = &line[line.find('▶')? + '▶'.len_utf8()..];
    rest.split_whitespace().next()?.parse().ok()
}

#[test]
fn sorting_keeps_the_selected_task() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 80, 24, &["--lang", "en"]);
    s.wait_text("Tasks by work category");
    s.send("3");
    s.wait_text("Sorted by: ID");
    for _ in 0..6 {
        s.send("j");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
    let screen = s.wait_text("7/104");
    let id = selected_id(&screen).unwrap();
    assert_eq!(id, 7);
    s.send("s");
    let screen = s.wait_text("Sorted by: Title");
    assert_eq!(selected_id(&screen), Some(id), "{screen}");
    s.send("S");
    let screen = s.wait_text("▼");
    assert_eq!(selected_id(&screen), Some(id), "{screen}");
}

#[test]
fn help_at_60x20_lists_every_key_of_the_view() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 60, 20, &["--lang", "en"]);
    s.wait_text("Dashboard");
    s.send("3");
    s.wait_text("Sorted by");
    s.send("?");
    let mut seen = s.wait_text("Keys");
    for _ in 0..4 {
        s.send("\x1b[6~");
        std::thread::sleep(std::time::Duration::from_millis(150));
        seen.push_str(&s.text());
    }
    for d in [
        "Up",
        "Page down",
        "First row",
        "Open",
        "Sort by the next",
        "Reverse the sort",
        "Update progress",
        "Edit the task",
        "Delete (asks",
        "Urge the lead",
        "Inbox of urges",
        "Search (accents",
        "#70 or :70",
        "Filters",
        "Show the data as of",
        "Next view",
        "Reload",
        "Help",
        "Quit",
    ] {
        assert!(seen.contains(d), "help at 60×20 lacks {d:?}:\n{seen}");
    }
}

#[test]
fn a_supervisor_is_offered_u_and_q_stays_in_sight() {
    let (_d, db) = demo();
    Store::open(&db, false)
        .unwrap()
        .grant(&os_login(), Role::Supervisor, None)
        .unwrap();
    let mut s = Session::start(&db, 80, 24, &["--lang", "en"]);
    s.wait_text("Dashboard");
    s.send("3");
    let screen = s.wait_text("Sorted by");
    let last = screen.lines().last().unwrap_or_default().to_string();
    assert!(last.contains("q quit"), "{last}");
    assert!(last.contains("u urge"), "{last}");
    assert!(!last.contains("p progress"), "{last}");
}
