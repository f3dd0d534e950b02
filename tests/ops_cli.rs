//! Operating phoihop like a server tool (docs/cli.md, docs/deployment.md): the config
//! files and their precedence through the real binary, refusals with file and line, a
//! remapped key in the help, the man page and the completion scripts, `--version`, the
//! log, and `check --deployment` on a real throwaway install (real accounts, as root).

mod cli_support;
mod pty_support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A scratch place: a database, config homes and a log directory, all in one temp dir.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let p = Place {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        std::fs::create_dir_all(p.user_dir()).expect("config dir");
        p
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("phoihop.db")
    }
    fn user_dir(&self) -> PathBuf {
        self.dir.path().join("xdg").join("phoihop")
    }
    fn user_file(&self) -> PathBuf {
        self.user_dir().join("config.toml")
    }
    fn system_file(&self) -> PathBuf {
        self.dir.path().join("system.toml")
    }
    fn log_dir(&self) -> PathBuf {
        self.dir.path().join("log")
    }
    /// The binary with this place's config homes and log, and nothing else set.
    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_phoihop"));
        c.env_remove("PHOIHOP_DB")
            .env_remove("PHOIHOP_LANG")
            .env_remove("PHOIHOP_THEME")
            .env("LANG", "C")
            .env("XDG_CONFIG_HOME", self.dir.path().join("xdg"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("PHOIHOP_SYSTEM_CONFIG", self.system_file())
            .env("PHOIHOP_LOG_DIR", self.log_dir());
        c
    }
    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
        let mut c = self.cmd();
        c.args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        let out = c.output().expect("run phoihop");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
    fn log_text(&self) -> String {
        let mut s = String::new();
        if let Ok(rd) = std::fs::read_dir(self.log_dir()) {
            for e in rd.flatten() {
                s.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        s
    }
}

/// The row of `phoihop config` for a setting: (value, source).
fn row(out: &str, setting: &str) -> (String, String) {
    let line = out
        .lines()
        .find(|l| l.split_whitespace().next() == Some(setting))
        .unwrap_or_else(|| panic!("no {setting} in:\n{out}"));
    let cells: Vec<&str> = line
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    (cells[1].to_string(), cells[cells.len() - 1].to_string())
}

#[test]
fn config_precedence_through_the_binary() {
    let p = Place::new();
    let sys_db = p.dir.path().join("sys.db");
    let usr_db = p.dir.path().join("usr.db");
    std::fs::write(
        p.system_file(),
        format!(
            "database = \"{}\"\nlanguage = \"vi\"\ntheme = \"light\"\nmouse = false\nwallboard_interval = 45\n",
            sys_db.display()
        ),
    )
    .unwrap();
    // Defaults only (no files): the locale's language, the XDG database.
    let empty = Place::new();
    let (code, out, err) = empty.run(&["config"], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(row(&out, "language"), ("en".into(), "$LANG".into()));
    assert_eq!(row(&out, "theme"), ("auto".into(), "default".into()));
    assert_eq!(row(&out, "mouse"), ("true".into(), "default".into()));
    assert!(
        row(&out, "database").0.ends_with("data/phoihop/phoihop.db"),
        "{out}"
    );
    // The system file.
    let (_, out, _) = p.run(&["config"], &[]);
    let sys = p.system_file().display().to_string();
    assert_eq!(
        row(&out, "database"),
        (sys_db.display().to_string(), sys.clone())
    );
    assert_eq!(row(&out, "language"), ("vi".into(), sys.clone()));
    assert_eq!(row(&out, "wallboard_interval"), ("45".into(), sys.clone()));
    // The user file over it.
    std::fs::write(
        p.user_file(),
        format!("database = \"{}\"\ntheme = \"dark\"\n", usr_db.display()),
    )
    .unwrap();
    let usr = p.user_file().display().to_string();
    let (_, out, _) = p.run(&["config"], &[]);
    assert_eq!(
        row(&out, "database"),
        (usr_db.display().to_string(), usr.clone())
    );
    assert_eq!(row(&out, "theme"), ("dark".into(), usr.clone()));
    assert_eq!(row(&out, "language"), ("vi".into(), sys.clone()));
    // The environment over the files; the flags over the environment.
    let env_db = p.dir.path().join("env.db").display().to_string();
    let env = [
        ("PHOIHOP_THEME", "mono"),
        ("PHOIHOP_DB", env_db.as_str()),
        ("PHOIHOP_LANG", "en"),
    ];
    let (_, out, _) = p.run(&["config"], &env);
    assert_eq!(row(&out, "theme"), ("mono".into(), "$PHOIHOP_THEME".into()));
    assert_eq!(
        row(&out, "database"),
        (env_db.clone(), "$PHOIHOP_DB".into())
    );
    assert_eq!(row(&out, "language"), ("en".into(), "$PHOIHOP_LANG".into()));
    let flag_db = p.dir.path().join("flag.db").display().to_string();
    let (_, out, _) = p.run(
        &[
            "--db",
            &flag_db,
            "--theme",
            "light",
            "--lang",
            "vi",
            "--no-mouse",
            "--wall",
            "20",
            "config",
        ],
        &env,
    );
    assert_eq!(row(&out, "database"), (flag_db, "--db".into()));
    assert_eq!(row(&out, "theme"), ("light".into(), "--theme".into()));
    assert_eq!(row(&out, "language"), ("vi".into(), "--lang".into()));
    assert_eq!(row(&out, "mouse"), ("false".into(), "--no-mouse".into()));
    assert_eq!(
        row(&out, "wallboard_interval"),
        ("20".into(), "--wall".into())
    );
    // The settings are used: the user file's database is the one `init` makes.
    let (code, _, err) = p.run(&["init"], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(usr_db.exists() && !sys_db.exists());
    // Never rewritten.
    assert_eq!(
        std::fs::read_to_string(p.user_file()).unwrap(),
        format!("database = \"{}\"\ntheme = \"dark\"\n", usr_db.display())
    );
}

#[test]
fn a_bad_config_file_is_refused_with_its_line() {
    let p = Place::new();
    let (code, _, err) = p.run(&["--db", p.db().to_str().unwrap(), "init"], &[]);
    assert_eq!(code, 0, "{err}");
    let before = std::fs::read(p.db()).unwrap();
    let cases = [
        (
            "language = \"vi\"\ncolour = \"red\"\n",
            2,
            "unknown field `colour`",
        ),
        (
            "theme = \"dark\"\n\n[keys.table]\nsort = \"p\"\n",
            0,
            "already the key of progress",
        ),
        ("\nwallboard_interval = 1\n", 2, "from 5 to 3600"),
        ("language = \"fr\"\n", 1, "unknown variant `fr`"),
    ];
    for (file, which) in [(p.user_file(), "user"), (p.system_file(), "system")] {
        for (text, line, says) in cases {
            std::fs::write(&file, text).unwrap();
            let (code, out, err) = p.run(&["--db", p.db().to_str().unwrap(), "task", "list"], &[]);
            assert_eq!(code, 2, "{which} {text:?}: {out} {err}");
            let lead = if line > 0 {
                format!("phoihop: {}, line {line}: ", file.display())
            } else {
                format!("phoihop: {}: ", file.display())
            };
            assert!(err.starts_with(&lead), "{which} {text:?}: {err}");
            assert!(err.contains(says), "{which} {text:?}: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        }
        std::fs::remove_file(&file).unwrap();
    }
    assert_eq!(
        std::fs::read(p.db()).unwrap(),
        before,
        "the database changed"
    );
}

#[test]
fn remapped_keys_appear_in_the_help_and_the_hints_and_work() {
    let p = Place::new();
    let (code, _, err) = p.run(&["--db", p.db().to_str().unwrap(), "demo"], &[]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(
        p.user_file(),
        "[keys.global]\nhelp = \"H\"\n\n[keys.dashboard]\nprogress = \"P\"\n",
    )
    .unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
    cmd.arg("--db");
    cmd.arg(p.db());
    cmd.env("LANG", "C.UTF-8");
    cmd.env("XDG_CONFIG_HOME", p.dir.path().join("xdg"));
    cmd.env("PHOIHOP_SYSTEM_CONFIG", p.system_file());
    cmd.env("PHOIHOP_LOG_DIR", p.log_dir());
    cmd.env_remove("PHOIHOP_DB");
    let mut s = pty_support::Session::start_cmd(cmd, 120, 40);
    // The hint bar names the remapped help key.
    let screen = s.wait_for("the hint bar with H", |t| t.contains("H help"));
    assert!(!screen.contains("? help"), "{screen}");
    // `?` no longer opens the help; `H` does, and lists `P` for progress.
    s.send("H");
    let help = s.wait_text("Update progress and status");
    let line = help
        .lines()
        .find(|l| l.contains("Update progress and status"))
        .expect("progress line");
    assert!(line.contains("│ P "), "{line:?}");
    s.send("\x1b");
    // Apart from the Esc, or the two read as Alt-q.
    s.wait_for("the help closed", |t| {
        !t.contains("Update progress and status")
    });
    s.send("q");
    s.wait_exit(Duration::from_secs(5));
}

#[test]
fn man_page_completions_and_version() {
    let p = Place::new();
    let (code, man, err) = p.run(&["man"], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        man.contains(".TH phoihop 1"),
        "{}",
        &man[..man.len().min(300)]
    );
    assert!(
        man.contains("completions") && man.contains("check"),
        "commands listed"
    );
    for shell in ["bash", "zsh", "fish"] {
        let (code, script, err) = p.run(&["completions", shell], &[]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(script.len() > 1000, "{shell}: {} bytes", script.len());
        assert!(
            script.contains("__complete agencies") || script.contains("__complete \"$what\""),
            "{shell}: no agency codes"
        );
        assert!(
            !script.contains("__complete\n"),
            "{shell}: the helper is hidden"
        );
        let file = p.dir.path().join(format!("phoihop.{shell}"));
        std::fs::write(&file, &script).unwrap();
        let check = match shell {
            "bash" => Some(("bash", vec!["-n"])),
            "zsh" => Some(("zsh", vec!["-n"])),
            _ => Some(("fish", vec!["--no-execute"])),
        };
        if let Some((prog, args)) = check {
            match Command::new(prog).args(&args).arg(&file).output() {
                Ok(o) => assert!(
                    o.status.success(),
                    "{prog} -n: {}",
                    String::from_utf8_lossy(&o.stderr)
                ),
                Err(_) if shell != "bash" => eprintln!("no {prog} here: syntax not checked"),
                Err(e) => panic!("bash: {e}"),
            }
        }
    }
    // The codes come from the database.
    let (code, _, err) = p.run(&["--db", p.db().to_str().unwrap(), "demo"], &[]);
    assert_eq!(code, 0, "{err}");
    let (_, agencies, _) = p.run(
        &["--db", p.db().to_str().unwrap(), "__complete", "agencies"],
        &[],
    );
    assert!(agencies.lines().any(|l| l == "BTGTU"), "{agencies}");
    let (_, programs, _) = p.run(
        &["--db", p.db().to_str().unwrap(), "__complete", "programs"],
        &[],
    );
    assert!(!programs.trim().is_empty());
    // No database: nothing, and no error.
    let none = p.dir.path().join("none.db");
    let (code, out, err) = p.run(
        &["--db", none.to_str().unwrap(), "__complete", "agencies"],
        &[],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    // bash really completes a code after --agency.
    let bash_file = p.dir.path().join("phoihop.bash");
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_phoihop")).parent().unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(phoihop task list --agency BTG); COMP_CWORD=4; _phoihop_codes phoihop BTG --agency; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        bash_file.display()
    );
    let out = Command::new("bash")
        .args(["-c", &probe])
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .env("PHOIHOP_DB", p.db())
        .env("XDG_CONFIG_HOME", p.dir.path().join("xdg"))
        .env("PHOIHOP_SYSTEM_CONFIG", p.system_file())
        .output()
        .unwrap();
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(
        got.lines().any(|l| l == "BTGTU"),
        "bash completion: {got:?} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // --version: phoihop's, the schema's and SQLite's.
    let (code, v, _) = p.run(&["--version"], &[]);
    assert_eq!(code, 0);
    assert!(
        v.starts_with(&format!("phoihop {} (schema ", env!("CARGO_PKG_VERSION"))),
        "{v}"
    );
    assert!(v.contains("SQLite 3."), "{v}");
}

#[test]
fn the_log_names_login_command_and_kind_never_content() {
    let p = Place::new();
    let db = p.db();
    let d = db.to_str().unwrap();
    let (code, _, err) = p.run(&["--db", d, "demo"], &[]);
    assert_eq!(code, 0, "{err}");
    // A refused write: read-only, with a title that must not reach the log.
    let (code, _, _) = p.run(
        &[
            "--db",
            d,
            "--read-only",
            "task",
            "add",
            "--program",
            "CT-01",
            "--category",
            "ideology",
            "--title",
            "Bí mật ZQX",
            "--lead",
            "BTGTU",
        ],
        &[],
    );
    assert_eq!(code, 5);
    // A missing database (exit 3).
    let (code, _, _) = p.run(
        &[
            "--db",
            p.dir.path().join("none.db").to_str().unwrap(),
            "task",
            "list",
        ],
        &[],
    );
    assert_eq!(code, 3);
    let log = p.log_text();
    let refused = log
        .lines()
        .find(|l| l.contains("write refused"))
        .unwrap_or_else(|| panic!("{log}"));
    assert!(
        refused.contains("command=\"task add\"") || refused.contains("command=task add"),
        "{refused}"
    );
    assert!(
        refused.contains("kind=\"refused\"") || refused.contains("kind=refused"),
        "{refused}"
    );
    assert!(refused.contains("login="), "{refused}");
    assert!(!log.contains("ZQX"), "task content in the log: {log}");
    assert!(log.contains("not-found"), "{log}");
    // Today's file has the documented name.
    let name = format!("phoihop.log.{}", chrono::Local::now().format("%Y-%m-%d"));
    assert!(p.log_dir().join(name).exists());
}

/// Runs the binary in a pseudo-terminal and returns every byte it wrote, and its code.
fn raw_pty(p: &Place, args: &[&str]) -> (Vec<u8>, u32) {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
    cmd.args(args);
    cmd.env("LANG", "C.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", p.dir.path().join("xdg"));
    cmd.env("PHOIHOP_SYSTEM_CONFIG", p.system_file());
    cmd.env("PHOIHOP_LOG_DIR", p.log_dir());
    cmd.env_remove("PHOIHOP_DB");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let t = std::thread::spawn(move || {
        let mut all = Vec::new();
        let _ = reader.read_to_end(&mut all);
        all
    });
    let status = child.wait().unwrap();
    drop(pair.master);
    (t.join().unwrap(), status.exit_code())
}

#[test]
fn progress_bars_on_a_terminal_and_nothing_on_a_pipe() {
    let p = Place::new();
    let db = p.db();
    let d = db.to_str().unwrap();
    // gen on a terminal: a bar of the tasks made; on a pipe, the same data and nothing on
    // stderr.
    let (bytes, code) = raw_pty(&p, &["--db", d, "gen", "--tasks", "30000"]);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Generating tasks") && text.contains("/30,000") && text.contains('%'),
        "no bar: {text:?}"
    );
    let piped = p.dir.path().join("piped.db");
    let (code, out, err) = p.run(
        &["--db", piped.to_str().unwrap(), "gen", "--tasks", "30000"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    assert!(out.starts_with("Generated 30000 tasks"), "{out}");
    let csv = p.dir.path().join("tasks.csv");
    let c = csv.to_str().unwrap();
    // On a terminal: the bar, with a percentage, for the export and the backup.
    let (bytes, code) = raw_pty(&p, &["--db", d, "export", "--format", "csv", "--out", c]);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Exporting") && text.contains('%'),
        "no bar: {text:?}"
    );
    let copy = p.dir.path().join("copy.db");
    let (bytes, code) = raw_pty(&p, &["--db", d, "backup", copy.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("Backing up") && text.contains("pages"),
        "no bar: {text:?}"
    );
    // restore on a terminal, in Vietnamese: a bar for each step with its own count; on a
    // pipe, only the confirmation.
    let (bytes, code) = raw_pty(
        &p,
        &["--lang", "vi", "--db", d, "restore", copy.to_str().unwrap()],
    );
    let text = String::from_utf8_lossy(&bytes);
    assert_eq!(code, 0, "{text}");
    for step in [
        "Đang khôi phục: chép bản sao lưu",
        "Đang khôi phục: lưu giữ dữ liệu hiện có",
        "Đang khôi phục: thay các dòng dữ liệu",
    ] {
        assert!(text.contains(step), "no {step:?}: {text:?}");
    }
    assert!(text.contains(" trang ") && text.contains('%'), "{text:?}");
    assert!(text.contains("Đã khôi phục từ"), "{text:?}");
    let (code, out, err) = p.run(&["--db", d, "restore", copy.to_str().unwrap()], &[]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.starts_with("Restored from"), "{out}");
    // --quiet on a terminal: none.
    std::fs::remove_file(&csv).unwrap();
    let (bytes, _) = raw_pty(
        &p,
        &[
            "--quiet", "--db", d, "export", "--format", "csv", "--out", c,
        ],
    );
    assert!(!String::from_utf8_lossy(&bytes).contains("Exporting"));
    // On a pipe: nothing on stderr, the same file.
    let first = std::fs::read(&csv).unwrap();
    std::fs::remove_file(&csv).unwrap();
    let (code, out, err) = p.run(&["--db", d, "export", "--format", "csv", "--out", c], &[]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(std::fs::read(&csv).unwrap(), first);
}

#[test]
fn the_packaged_man_page_and_completions_are_the_binarys() {
    let p = Place::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg/generated");
    for (file, args) in [
        ("phoihop.1", vec!["man"]),
        ("phoihop.bash", vec!["completions", "bash"]),
        ("_phoihop", vec!["completions", "zsh"]),
        ("phoihop.fish", vec!["completions", "fish"]),
    ] {
        let (code, out, err) = p.run(&args, &[]);
        assert_eq!(code, 0, "{err}");
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            committed == out,
            "pkg/generated/{file} differs from `phoihop {}`: run scripts/pkg-generate.sh",
            args.join(" ")
        );
    }
}
