//! End-to-end: the real `phoihop` binary in a pseudo-terminal, its screen read back with
//! a terminal emulator (vt100).

mod common;
mod pty_support;

use std::time::{Duration, Instant};

use pty_support::Session;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::demo_db(dir.path());
    (dir, path)
}

/// The first number after `name` on the line that holds it.
fn count_after(screen: &str, name: &str) -> Option<i64> {
    let line = screen.lines().find(|l| l.contains(name))?;
    let rest = &line[line.find(name)? + name.len()..];
    rest.split_whitespace().find_map(|w| w.parse().ok())
}

#[test]
fn dashboard_shows_the_seed_counts() {
    let (_d, db) = demo();
    let s = Session::start(
        &db,
        120,
        40,
        &[
            "--lang",
            "vi",
            "--program",
            "XDHTCT-2015-2020",
            "--as-of",
            "2020-12-31",
        ],
    );
    let screen = s.wait_text("Công tác MTTQ và các đoàn thể");
    let seed = [
        ("Công tác tư tưởng", 5),
        ("Công tác tổ chức xây dựng Đảng", 15),
        ("Công tác kiểm tra, giám sát", 4),
        ("Công tác dân vận", 11),
        ("Công tác nội chính", 4),
        ("Công tác xây dựng bộ máy chính quyền", 16),
        ("Công tác MTTQ và các đoàn thể", 3),
    ];
    for (name, n) in seed {
        assert_eq!(count_after(&screen, name), Some(n), "{name}:\n{screen}");
    }
    assert!(screen.contains("Nhiệm vụ 58"), "58 tasks in all:\n{screen}");
    assert!(
        screen.contains("31/12/2020"),
        "as-of date in dd/mm/yyyy:\n{screen}"
    );
    assert!(screen.contains("XDHTCT-2015-2020"));
}

#[test]
fn three_then_enter_opens_a_task_detail_and_help_shows() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 80, 24, &["--lang", "en", "--as-of", "2020-12-31"]);
    s.wait_text("Tasks by work category");
    s.send("3");
    s.wait_text("Sorted by");
    s.send("\r");
    let detail = s.wait_text("Task detail #");
    assert!(detail.contains("Lead"), "{detail}");
    s.send("?");
    let help = s.wait_text("Keys");
    assert!(help.contains("Back"), "{help}");
    // At 80×24 the help scrolls: the rest of it is a page down.
    s.send("\x1b[6~");
    s.wait_text("Quit");
    s.send("\x1b");
    s.wait_for("help closed", |t| !t.contains("Press ? or Esc"));
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
}

#[test]
fn q_quits_and_restores_the_terminal() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "vi"]);
    s.wait_text("Tổng quan");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    s.send("q");
    let took = s.wait_exit(Duration::from_secs(5));
    assert!(took < Duration::from_secs(2));
    assert!(s.child.try_wait().unwrap().unwrap().success());
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    let pid = s.child.process_id().unwrap() as i32;
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    s.wait_exit(Duration::from_secs(2));
    s.assert_restored();
}

#[test]
fn sighup_ends_the_process_within_a_second_and_restores_the_terminal() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    let pid = s.child.process_id().unwrap() as i32;
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(pid),
        nix::sys::signal::Signal::SIGHUP,
    )
    .unwrap();
    let took = s.wait_exit(Duration::from_secs(3));
    assert!(took <= Duration::from_secs(1), "took {took:?}");
    s.assert_restored();
}

#[test]
fn closing_the_pty_ends_the_process_within_a_second() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 100, 30, &["--lang", "en"]);
    s.wait_text("Dashboard");
    s.stop_reading();
    // Now close the master, as sshd does when the connection drops.
    let start = Instant::now();
    s.writer = None;
    s.master = None;
    s.wait_exit(Duration::from_secs(3));
    let took = start.elapsed();
    assert!(took <= Duration::from_secs(1), "took {took:?}");
}

#[test]
fn resize_to_20x5_and_back_does_not_crash() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 120, 40, &["--lang", "en"]);
    s.wait_text("Tasks by work category");
    s.resize(20, 5);
    s.wait_text("too small");
    for (c, r) in [(1, 1), (300, 100), (21, 6), (80, 24), (19, 4)] {
        s.resize(c, r);
    }
    s.resize(120, 40);
    s.wait_text("Tasks by work category");
    s.send("3");
    s.wait_text("Sorted by");
    assert!(s.child.try_wait().unwrap().is_none(), "still running");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    assert!(s.child.try_wait().unwrap().unwrap().success());
}

/// Plain line mode (issue 16): from a pipe, with TERM=dumb choosing it, the dashboard's
/// totals as labelled lines and `open 70` answered, with no escape sequence at all (no
/// alternate screen, no cursor addressing, no colour).
#[test]
fn plain_mode_from_a_pipe_prints_labelled_lines_and_takes_commands() {
    use std::io::Write;
    let (_d, db) = demo();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_phoihop"))
        .args(["--db", db.to_str().unwrap(), "--lang", "vi"])
        .env("TERM", "dumb")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"open 70\nfilter overdue\nbogus\nquit\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "an escape sequence: {text:?}");
    let lines: Vec<&str> = text.lines().collect();
    // The totals, each on its own labelled line, as the JSON report has them.
    let report = std::process::Command::new(env!("CARGO_BIN_EXE_phoihop"))
        .args(["--db", db.to_str().unwrap(), "report", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let t = &json["totals"];
    for (label, key) in [
        ("Nhiệm vụ: ", "tasks"),
        ("Hoàn thành đúng hạn: ", "done_on_time"),
        ("Chưa hoàn thành, quá hạn: ", "overdue"),
    ] {
        assert!(
            lines.contains(&format!("{label}{}", t[key]).as_str()),
            "{label}{} in {text}",
            t[key]
        );
    }
    assert!(lines.contains(&"Số: #70"), "{text}");
    assert!(
        lines.contains(
            &"Tên nhiệm vụ: Chuyển bộ phận lái xe, kế toán của các ban đảng về Văn phòng Tỉnh ủy"
        ),
        "{text}"
    );
    let overdue = t["overdue"].as_i64().unwrap();
    assert!(
        lines.contains(&format!("Nhiệm vụ: {overdue} (1–{overdue})").as_str()),
        "{text}"
    );
    assert!(
        lines.contains(&"Không có lệnh bogus; gõ help để xem các lệnh."),
        "{text}"
    );
}

/// Plain line mode in a terminal (`--plain`): no alternate screen, a prompt, and a task
/// opened by its number; `quit` ends it with 0.
#[test]
fn plain_mode_in_a_terminal_answers_lines_without_the_alternate_screen() {
    let (_d, db) = demo();
    let mut s = Session::start(&db, 120, 60, &["--lang", "en", "--plain"]);
    s.wait_text("line mode (read-only)");
    assert!(!s.screen_alternate(), "no alternate screen");
    s.send("12\r");
    s.wait_text("Title: Sắp xếp cán bộ, công chức");
    assert!(!s.screen_alternate());
    s.send("quit\r");
    assert_eq!(s.wait_code(Duration::from_secs(5)), 0);
}

/// `--wall 5`: the wallboard turns by itself (dashboard → ranking → trends → overdue
/// list; the trends' series read off the key loop), shows
/// the as-of date and the last change throughout, ignores the views' keys, pauses on
/// space, turns with ←/→, and quits with q, the terminal restored.
#[test]
fn the_wallboard_rotates_by_itself_and_quits_with_q() {
    let (_d, db) = demo();
    let mut s = Session::start(
        &db,
        80,
        24,
        &["--lang", "en", "--as-of", "2020-11-06", "--wall", "5"],
    );
    let first = s.wait_text("Dashboard 1/4");
    assert!(first.contains("As of 2020-11-06"), "{first}");
    assert!(first.contains("Last change"), "{first}");
    let started = Instant::now();
    // A view key does nothing on the wall: still the dashboard.
    s.send("3");
    std::thread::sleep(Duration::from_millis(500));
    assert!(s.text().contains("Dashboard 1/4"), "{}", s.text());
    let ranking = s.wait_text("Ranking 2/4");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_secs(3) && took < Duration::from_secs(12),
        "turned after {took:?}"
    );
    assert!(ranking.contains("Lead agency"), "{ranking}");
    assert!(ranking.contains("As of 2020-11-06"), "{ranking}");
    let trends = s.wait_text("Trends 3/4");
    assert!(trends.contains("As of 2020-11-06"), "{trends}");
    // Its series comes from the read lane: the sparklines and the latest value.
    let trends = s.wait_text("Mean progress");
    assert!(trends.contains("98.6%"), "{trends}");
    let overdue = s.wait_text("Overdue 4/4");
    assert!(overdue.contains("days late"), "{overdue}");
    // Space pauses; ← goes back by hand even when paused.
    s.send(" ");
    s.wait_text("Paused");
    s.send("\x1b[D");
    s.wait_text("Trends 3/4");
    std::thread::sleep(Duration::from_secs(6));
    assert!(s.text().contains("Trends 3/4"), "paused: {}", s.text());
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    s.assert_restored();
}

/// The demo database's TUI with each read of the job runner's read lane slowed down by
/// `ms` (a debug build's test knob, `PHOIHOP_TEST_READ_DELAY_MS`): a first read that
/// takes seconds, as the dashboard's of a large province does.
fn slowed(db: &std::path::Path, ms: u64, lang: &str) -> Session {
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
    cmd.arg("--db");
    cmd.arg(db);
    cmd.args(["--lang", lang]);
    cmd.env("LANG", "C.UTF-8");
    cmd.env(phoihop::tui::jobs::TEST_READ_DELAY_ENV, ms.to_string());
    Session::start_cmd(cmd, 100, 30)
}

#[test]
fn the_first_frame_says_reading_at_once_then_the_dashboard_and_q_during_the_read_quits() {
    let (_d, db) = demo();
    // The session's read, then the dashboard's: 1.5 s each.
    let started = Instant::now();
    let s = slowed(&db, 1500, "vi");
    // The frame, the header and the loading line first, without the dashboard's data.
    let first = s.wait_text("Đang đọc dữ liệu…");
    let shown = started.elapsed();
    assert!(first.contains("Tổng quan"), "the header:\n{first}");
    assert!(first.contains("q thoát"), "the keys that work:\n{first}");
    assert!(
        !first.contains("Nhiệm vụ theo lĩnh vực công tác"),
        "{first}"
    );
    assert!(
        shown < Duration::from_secs(1),
        "the first frame after {shown:?}"
    );
    // A key that needs data says so.
    let mut s = s;
    s.send("p");
    s.wait_text("Đang đọc dữ liệu; chờ đọc xong rồi thao tác tiếp.");
    // Then the dashboard, in place of the loading line.
    let loaded = s.wait_text("Nhiệm vụ theo lĩnh vực công tác");
    assert!(!loaded.contains("Đang đọc dữ liệu…"), "{loaded}");
    assert!(started.elapsed() >= Duration::from_millis(2500));
    // A view switched to before its first read is read off the key loop too.
    s.send("3");
    let tasks = s.wait_text("Đang đọc dữ liệu…");
    assert!(tasks.contains("Nhiệm vụ"), "{tasks}");
    s.wait_text("Sắp xếp");
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
    // Another start: while it reads, help opens and `q` quits at once, the terminal
    // restored.
    let mut t = slowed(&db, 3000, "en");
    t.wait_text("Reading…");
    let reading = Instant::now();
    t.send("?");
    let help = t.wait_text("Keys");
    assert!(help.contains("Quit"), "{help}");
    // `q` closes the help (as everywhere), then quits.
    t.send("q");
    t.wait_for("the help closed", |s| {
        s.contains("Reading…") && !s.contains("Keys")
    });
    t.send("q");
    let took = t.wait_exit(Duration::from_secs(5));
    assert!(took < Duration::from_secs(1), "q took {took:?}");
    assert!(
        reading.elapsed() < Duration::from_secs(3),
        "q was answered while the read ran ({:?})",
        reading.elapsed()
    );
    assert!(t.child.try_wait().unwrap().unwrap().success());
    t.assert_restored();
}

#[test]
fn a_failed_first_read_restores_the_terminal_and_says_why_in_the_users_language() {
    let (_d, db) = demo();
    let mut s = slowed(&db, 1500, "vi");
    s.wait_text("Đang đọc dữ liệu…");
    // The file goes away while the first read waits: the read lane cannot open it.
    for ext in ["", "-wal", "-shm"] {
        let mut p = db.clone().into_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(p);
    }
    let code = s.wait_code(Duration::from_secs(10));
    assert_ne!(code, 0);
    s.assert_restored();
    let screen = s.text();
    assert!(screen.contains("không tồn tại"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
}
