//! `phoihop config`: the settings in force and where each came from; and the reading of
//! the command line's and environment's layers for [`crate::config::resolve`].

use clap::parser::ValueSource;
use clap::ArgMatches;

use super::output;
use super::{Cli, Lang};
use crate::config::{self, Inputs, Layer, Settings};
use crate::error::Result;
use crate::tui::keymap::remap;

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// Splits what clap parsed into the flags' layer and the environment's (`--db` and
/// `$PHOIHOP_DB` are one argument to clap; its value source tells them apart).
pub fn layers(cli: &Cli, m: &ArgMatches) -> (Layer, Layer) {
    let mut flags = Layer::default();
    let mut env = Layer::default();
    let from = |id: &str| m.value_source(id);
    let pick = |id: &str, f: &mut Layer, e: &mut Layer, set: &dyn Fn(&mut Layer)| match from(id) {
        Some(ValueSource::CommandLine) => set(f),
        Some(ValueSource::EnvVariable) => set(e),
        _ => {}
    };
    pick("db", &mut flags, &mut env, &|l| {
        l.database = cli.db.clone().filter(|p| !p.as_os_str().is_empty())
    });
    pick("lang", &mut flags, &mut env, &|l| {
        l.language = cli.lang.map(lang_code)
    });
    pick("theme", &mut flags, &mut env, &|l| l.theme = cli.theme);
    if cli.program.is_some() {
        flags.program = cli.program.clone();
    }
    if cli.no_mouse {
        flags.mouse = Some(false);
    }
    if let Some(Some(every)) = cli.wall {
        flags.wallboard_interval = Some(every);
    }
    (flags, env)
}

/// Reads the files and resolves the settings for this run.
pub fn settings(cli: &Cli, m: &ArgMatches) -> Result<Settings> {
    let setgid = crate::safe_file::is_setgid();
    let (flags, env) = layers(cli, m);
    let (user, system) = config::read_files(setgid)?;
    config::resolve(Inputs {
        flags,
        env,
        user,
        system,
        setgid,
        locale: std::env::var("LANG").ok(),
        default_db: super::default_db_path().ok(),
    })
}

/// `phoihop config`: one line per setting — its name, value and source — then the key
/// remaps and any note.
pub fn show(s: &Settings, lang: &str) -> Result<()> {
    let vi = lang == "vi";
    let src = |x: &config::Source| x.to_string();
    let mut rows = vec![
        vec![
            "database".into(),
            crate::domain::text::escape(&s.database.value.display().to_string()).into_owned(),
            src(&s.database.source),
        ],
        vec![
            "language".into(),
            s.language.value.into(),
            src(&s.language.source),
        ],
        vec![
            "theme".into(),
            format!("{:?}", s.theme.value).to_lowercase(),
            src(&s.theme.source),
        ],
        vec![
            "program".into(),
            s.program.value.clone().unwrap_or_else(|| "-".into()),
            src(&s.program.source),
        ],
        vec![
            "mouse".into(),
            s.mouse.value.to_string(),
            src(&s.mouse.source),
        ],
        vec![
            "wallboard_interval".into(),
            s.wallboard_interval.value.to_string(),
            src(&s.wallboard_interval.source),
        ],
    ];
    for (r, source) in &s.remaps {
        let keys: Vec<String> = r.keys.iter().map(|k| k.label()).collect();
        rows.push(vec![
            format!(
                "keys.{}.{}",
                remap::mode_name(r.mode),
                remap::action_name(&r.action).unwrap_or("?")
            ),
            keys.join(", "),
            src(source),
        ]);
    }
    let headers: Vec<String> = if vi {
        vec!["Thiết lập".into(), "Giá trị".into(), "Nguồn".into()]
    } else {
        vec!["Setting".into(), "Value".into(), "Source".into()]
    };
    let mut out = output::render_table(&headers, &rows);
    let files = [
        (
            if vi {
                "Tệp hệ thống"
            } else {
                "System file"
            },
            config::system_file_path(crate::safe_file::is_setgid()),
        ),
        (
            if vi {
                "Tệp người dùng"
            } else {
                "User file"
            },
            config::user_file_path().unwrap_or_default(),
        ),
    ];
    for (what, p) in files {
        let state = match (p.exists(), vi) {
            (true, true) => "đã đọc",
            (true, false) => "read",
            (false, true) => "không có",
            (false, false) => "none",
        };
        out.push_str(&format!(
            "{what}: {} ({state})\n",
            crate::domain::text::escape(&p.display().to_string())
        ));
    }
    for n in &s.notes {
        out.push_str(&crate::domain::text::escape(n));
        out.push('\n');
    }
    output::emit(&out)
}
