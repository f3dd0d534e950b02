//! End-to-end: the real `phoihop` binary in a pseudo-terminal, its screen read back with
//! a terminal emulator (vt100).

mod common;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Session {
    fn start(db: &Path, cols: u16, rows: u16, args: &[&str]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
        cmd.arg("--db");
        cmd.arg(db);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let s = screen.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stop2 = stop.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            child,
            screen,
            stop,
            reader: Some(reader),
        }
    }

    /// Stops reading the screen so that this test holds no copy of the pty master: the
    /// reader wakes on the next output (a key that redraws is sent) and drops its copy.
    fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.send("?");
        if let Some(h) = self.reader.take() {
            h.join().unwrap();
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Waits until the screen satisfies `ok`, else fails with the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let t = self.text();
            if ok(&t) {
                return t;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; the screen:\n{t}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn wait_text(&self, needle: &str) -> String {
        self.wait_for(needle, |t| t.contains(needle))
    }

    /// Waits for the process to end; returns how long that took.
    fn wait_exit(&mut self, limit: Duration) -> Duration {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let _ = status;
                return start.elapsed();
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!("the process did not end within {limit:?}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .unwrap()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen.lock().unwrap().set_size(nz(rows), nz(cols));
    }

    fn assert_restored(&self) {
        // Give the reader thread a moment to take in the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let p = self.screen.lock().unwrap();
        assert!(!p.screen().alternate_screen(), "alternate screen left");
        assert!(!p.screen().hide_cursor(), "cursor shown again");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

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
    assert!(help.contains("Back") && help.contains("Quit"), "{help}");
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
