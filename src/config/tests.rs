//! The precedence table: flags > environment > user file > system file > defaults, and
//! the setgid rule for the database.

use super::*;

fn file(path: &str, text: &str) -> ConfigFile {
    ConfigFile::parse(Path::new(path), text.to_string()).expect("valid file")
}

const SYS: &str = "/etc/phoihop/config.toml";
const USR: &str = "/home/a/.config/phoihop/config.toml";

fn inputs(flags: Layer, env: Layer, user: Option<&str>, system: Option<&str>) -> Inputs {
    Inputs {
        flags,
        env,
        user: user.map(|t| file(USR, t)),
        system: system.map(|t| file(SYS, t)),
        setgid: false,
        locale: Some("vi_VN.UTF-8".into()),
        default_db: Some("/home/a/.local/share/phoihop/phoihop.db".into()),
    }
}

fn lang(l: &'static str) -> Layer {
    Layer {
        language: Some(l),
        ..Layer::default()
    }
}

#[test]
fn precedence_table() {
    let usr = Some("language = \"en\"\ntheme = \"dark\"\n");
    let sys =
        Some("language = \"vi\"\ntheme = \"light\"\nmouse = false\nwallboard_interval = 60\n");
    // (flags, env, user file, system file) → (language, its source)
    #[allow(clippy::type_complexity)]
    let rows: Vec<(Layer, Layer, Option<&str>, Option<&str>, &str, Source)> = vec![
        (
            Layer::default(),
            Layer::default(),
            None,
            None,
            "vi",
            Source::Locale,
        ),
        (
            Layer::default(),
            Layer::default(),
            None,
            Some("language = \"en\"\n"),
            "en",
            Source::System(SYS.into()),
        ),
        (
            Layer::default(),
            Layer::default(),
            usr,
            sys,
            "en",
            Source::User(USR.into()),
        ),
        (
            Layer::default(),
            lang("vi"),
            usr,
            sys,
            "vi",
            Source::Env("PHOIHOP_LANG"),
        ),
        (
            lang("en"),
            lang("vi"),
            Some("language = \"vi\"\n"),
            sys,
            "en",
            Source::Flag("--lang"),
        ),
    ];
    for (i, (flags, env, u, s, value, source)) in rows.into_iter().enumerate() {
        let got = resolve(inputs(flags, env, u, s)).expect("resolves");
        assert_eq!(got.language.value, value, "row {i}");
        assert_eq!(got.language.source, source, "row {i}");
    }
    // One resolution mixes sources setting by setting.
    let got = resolve(inputs(
        Layer {
            theme: Some(ThemeChoice::Mono),
            ..Layer::default()
        },
        Layer::default(),
        usr,
        sys,
    ))
    .expect("resolves");
    assert_eq!(got.theme.value, ThemeChoice::Mono);
    assert_eq!(got.theme.source, Source::Flag("--theme"));
    assert_eq!(got.language.source, Source::User(USR.into()));
    assert_eq!(
        (got.mouse.value, got.mouse.source),
        (false, Source::System(SYS.into()))
    );
    assert_eq!(got.wallboard_interval.value, 60);
    assert_eq!(got.program, dflt(None));
    assert_eq!(
        got.database,
        dflt(PathBuf::from("/home/a/.local/share/phoihop/phoihop.db"))
    );
}

#[test]
fn the_database_and_the_setgid_rule() {
    let usr = Some("database = \"/home/a/mine.db\"\n");
    let sys = Some("database = \"/var/lib/phoihop/phoihop.db\"\n");
    let plain = resolve(inputs(Layer::default(), Layer::default(), usr, sys)).expect("ok");
    assert_eq!(plain.database.value, PathBuf::from("/home/a/mine.db"));
    assert!(plain.notes.is_empty());
    // Under setgid the user's file cannot move the database; the system file does.
    let mut i = inputs(Layer::default(), Layer::default(), usr, sys);
    i.setgid = true;
    let setgid = resolve(i).expect("ok");
    assert_eq!(
        setgid.database.value,
        PathBuf::from("/var/lib/phoihop/phoihop.db")
    );
    assert_eq!(setgid.database.source, Source::System(SYS.into()));
    assert_eq!(setgid.notes.len(), 1, "{:?}", setgid.notes);
    assert!(setgid.notes[0].contains(USR), "{:?}", setgid.notes);
    // The environment and the flag still name it (the store then checks the directory).
    let mut i = inputs(
        Layer::default(),
        Layer {
            database: Some("/srv/x.db".into()),
            ..Layer::default()
        },
        usr,
        sys,
    );
    i.setgid = true;
    let env = resolve(i).expect("ok");
    assert_eq!(env.database.source, Source::Env("PHOIHOP_DB"));
}

#[test]
fn remaps_user_over_system_and_clashes_name_the_files() {
    let sys = Some("[keys.table]\nsort = \"o\"\nprogress = \"P\"\n");
    let usr = Some("[keys.table]\nsort = \"O\"\n");
    let got = resolve(inputs(Layer::default(), Layer::default(), usr, sys)).expect("ok");
    let sort: Vec<_> = got
        .remaps
        .iter()
        .filter(|(r, _)| r.action == crate::tui::action::Action::SortNext)
        .collect();
    assert_eq!(sort.len(), 1);
    assert_eq!(sort[0].0.keys, vec![crate::tui::input::Key::Char('O')]);
    assert_eq!(sort[0].1, Source::User(USR.into()));
    let clash = resolve(inputs(
        Layer::default(),
        Layer::default(),
        Some("[keys.table]\nsort = \"p\"\n"),
        None,
    ))
    .expect_err("p is progress");
    assert!(clash.to_string().starts_with(USR), "{clash}");
    assert_eq!(clash.exit_code(), 2);
}

#[test]
fn bad_remaps_name_the_line() {
    for (text, line, says) in [
        ("[keys.tabel]\nsort = \"o\"\n", 1, "unknown mode `tabel`"),
        ("\n[keys.table]\nsrot = \"o\"\n", 3, "unknown action `srot`"),
        ("[keys.table]\n\nsort = \"hyper-o\"\n", 3, "is not a key"),
        ("[keys.table]\nsort = 3\n", 2, "written as a string"),
    ] {
        let f = file(USR, text);
        let e = remaps_of(&f).expect_err(text);
        let m = e.to_string();
        assert!(m.starts_with(&format!("{USR}, line {line}: ")), "{m}");
        assert!(m.contains(says), "{m}");
        assert_eq!(e.exit_code(), 2);
    }
}
