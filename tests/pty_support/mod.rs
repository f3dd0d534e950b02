//! Shared harness of the TUI end-to-end tests: the real `phoihop` binary spawned in a
//! pseudo-terminal (portable-pty), its output fed to a terminal emulator (vt100) whose
//! screen the tests read back.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

pub struct Session {
    pub master: Option<Box<dyn MasterPty + Send>>,
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub stop: Arc<AtomicBool>,
    pub reader: Option<std::thread::JoinHandle<()>>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap()
}

impl Session {
    pub fn start(db: &Path, cols: u16, rows: u16, args: &[&str]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
        cmd.arg("--db");
        cmd.arg(db);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("LANG", "C.UTF-8");
        Session::start_cmd(cmd, cols, rows)
    }

    /// Runs any command in a new pseudo-terminal of `cols`×`rows`.
    pub fn start_cmd(mut cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
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
    pub fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.send("?");
        if let Some(h) = self.reader.take() {
            h.join().unwrap();
        }
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// True while the program is on the alternate screen (the TUI; never the line mode).
    #[allow(dead_code)]
    pub fn screen_alternate(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    pub fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Waits until the screen satisfies `ok`, else fails with the screen.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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

    pub fn wait_text(&self, needle: &str) -> String {
        self.wait_for(needle, |t| t.contains(needle))
    }

    /// Waits for the process to end; returns how long that took.
    pub fn wait_exit(&mut self, limit: Duration) -> Duration {
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

    /// Waits for the process to end; returns its exit code.
    pub fn wait_code(&mut self, limit: Duration) -> u32 {
        self.wait_exit(limit);
        self.child.try_wait().unwrap().unwrap().exit_code()
    }

    /// Sends text as a bracketed paste (the markers the terminal puts around a paste).
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
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

    pub fn assert_restored(&self) {
        // Give the reader thread a moment to take in the last bytes.
        std::thread::sleep(Duration::from_millis(200));
        let p = self.screen.lock().unwrap();
        assert!(!p.screen().alternate_screen(), "alternate screen left");
        assert!(!p.screen().hide_cursor(), "cursor shown again");
        assert!(!p.screen().bracketed_paste(), "bracketed paste turned off");
        assert_eq!(
            p.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reports turned off"
        );
    }

    /// Whether the program asked the terminal for mouse reports (clicks, SGR).
    #[allow(dead_code)]
    pub fn mouse_on(&self) -> bool {
        let p = self.screen.lock().unwrap();
        p.screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
            && p.screen().mouse_protocol_encoding() == vt100::MouseProtocolEncoding::Sgr
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
