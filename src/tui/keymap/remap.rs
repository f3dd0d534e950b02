//! Key remaps from the config file (`[keys.MODE]`, docs/cli.md): a layer over
//! [`BINDINGS`] that the keymap consults, so the keys, the help overlay, the hint bar and
//! anything else generated from the bindings show the remapped keys.
//!
//! A remap gives an action new keys in one mode (or, under `global`, in every mode the
//! global bindings apply to). The remapped table is built once, checked for clashes, and
//! installed for the process before the TUI starts; without one the defaults hold.

use std::sync::OnceLock;

use super::{Binding, Mode, Scope, BINDINGS};
use crate::lang::facts::RemapRefusal;
use crate::tui::action::{Action, View};
use crate::tui::input::Key;

/// One remap: in `mode` (`None`: the global bindings), `action` answers to `keys`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remap {
    pub mode: Option<Mode>,
    pub action: Action,
    pub keys: Vec<Key>,
}

static TABLE: OnceLock<&'static [Binding]> = OnceLock::new();

/// The bindings in force: the installed remapped table, else the defaults.
pub fn table() -> &'static [Binding] {
    TABLE.get().copied().unwrap_or(BINDINGS)
}

/// Builds the remapped table and installs it for this process (once; later calls keep
/// the first table). The table lives as long as the process.
pub fn install(remaps: &[Remap]) -> Result<(), RemapRefusal> {
    if remaps.is_empty() {
        return Ok(());
    }
    let table = build(remaps)?;
    let _ = TABLE.set(Box::leak(table.into_boxed_slice()));
    Ok(())
}

/// The modes' names in the config file, with their modes.
pub const MODE_NAMES: &[(&str, Mode)] = &[
    ("dashboard", Mode::Dashboard),
    ("table", Mode::Table),
    ("detail", Mode::Detail),
    ("help", Mode::Help),
    ("form", Mode::Form),
    ("confirm", Mode::Confirm),
    ("conflict", Mode::Conflict),
    ("search", Mode::Search),
    ("filter", Mode::Filter),
    ("as_of", Mode::AsOf),
    ("palette", Mode::Palette),
    ("wall", Mode::Wall),
    ("export", Mode::Export),
    ("trends", Mode::Trends),
];

/// The actions' names in the config file (those a key can be given for).
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("up", Action::Up),
    ("down", Action::Down),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("open", Action::Open),
    ("back", Action::Back),
    ("home", Action::Home),
    ("next_panel", Action::NextPanel),
    ("sort", Action::SortNext),
    ("sort_reverse", Action::SortReverse),
    ("progress", Action::UpdateProgress),
    ("edit", Action::Edit),
    ("new", Action::New),
    ("delete", Action::Delete),
    ("urge", Action::Urge),
    ("inbox", Action::Inbox),
    ("search", Action::Search),
    ("filter", Action::Filter),
    ("as_of", Action::SetAsOf),
    ("palette", Action::Palette),
    ("wall_next", Action::WallNext),
    ("wall_prev", Action::WallPrev),
    ("wall_pause", Action::WallPause),
    ("export", Action::Export),
    ("save", Action::Submit),
    ("enter", Action::FormEnter),
    ("cancel", Action::Cancel),
    ("next_field", Action::NextField),
    ("prev_field", Action::PrevField),
    ("clear_field", Action::ClearField),
    ("erase", Action::Erase),
    ("confirm", Action::Confirm),
    ("take_theirs", Action::TakeTheirs),
    ("overwrite", Action::Overwrite),
    ("next_value", Action::NextValue),
    ("prev_value", Action::PrevValue),
    ("clear_filters", Action::ClearFilters),
    ("dashboard", Action::SwitchView(View::Dashboard)),
    ("programs", Action::SwitchView(View::Programs)),
    ("tasks", Action::SwitchView(View::Tasks)),
    ("agencies", Action::SwitchView(View::Agencies)),
    ("activity", Action::SwitchView(View::Activity)),
    ("ranking", Action::SwitchView(View::Ranking)),
    ("trends", Action::SwitchView(View::Trends)),
    ("trend_rows", Action::TrendRows),
    ("trend_points", Action::TrendPoints),
    ("next_view", Action::NextView),
    ("prev_view", Action::PrevView),
    ("reload", Action::Reload),
    ("help", Action::ToggleHelp),
    ("quit", Action::Quit),
];

/// The config file's name of an action.
pub fn action_name(a: &Action) -> Option<&'static str> {
    ACTION_NAMES.iter().find(|(_, x)| x == a).map(|(n, _)| *n)
}

/// The config file's name of a mode (`global` for `None`).
pub fn mode_name(m: Option<Mode>) -> &'static str {
    m.and_then(|m| MODE_NAMES.iter().find(|(_, x)| *x == m).map(|(n, _)| *n))
        .unwrap_or("global")
}

/// Parses a key as the config file writes it: `x`, `S`, `space`, `enter`, `esc`, `tab`,
/// `shift-tab`, `backspace`, `delete`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`,
/// `home`, `end`, `ctrl-x`, `alt-x`, `alt-enter`.
pub fn parse_key(s: &str) -> Option<Key> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(Key::Char(c));
    }
    let lower = s.to_ascii_lowercase();
    let one = |rest: &str| {
        let mut cs = rest.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_ascii_graphic() => Some(c),
            _ => None,
        }
    };
    if let Some(rest) = lower.strip_prefix("ctrl-") {
        return one(rest).filter(|c| c.is_ascii_lowercase()).map(Key::Ctrl);
    }
    if lower == "alt-enter" {
        return Some(Key::AltEnter);
    }
    if let Some(rest) = s.get(4..).filter(|_| lower.starts_with("alt-")) {
        return one(rest).map(Key::Alt);
    }
    Some(match lower.as_str() {
        "space" => Key::Char(' '),
        "enter" => Key::Enter,
        "esc" | "escape" => Key::Esc,
        "tab" => Key::Tab,
        "shift-tab" | "backtab" => Key::BackTab,
        "backspace" => Key::Backspace,
        "delete" | "del" => Key::Delete,
        "up" => Key::Up,
        "down" => Key::Down,
        "left" => Key::Left,
        "right" => Key::Right,
        "pgup" | "pageup" => Key::PageUp,
        "pgdn" | "pagedown" => Key::PageDown,
        "home" => Key::Home,
        "end" => Key::End,
        _ => return None,
    })
}

/// Whether `b` is the binding a remap of `action` in `mode` changes.
fn targets(b: &Binding, mode: Option<Mode>, action: &Action) -> bool {
    if &b.action != action {
        return false;
    }
    match (mode, b.scope) {
        (None, Scope::Global) => true,
        (Some(m), Scope::Only(modes)) => modes.contains(&m),
        _ => false,
    }
}

/// The modes a binding is live in.
fn modes_of(b: &Binding) -> Vec<Mode> {
    MODE_NAMES
        .iter()
        .map(|(_, m)| *m)
        .filter(|m| b.applies(*m))
        .collect()
}

/// The defaults with `remaps` applied: each remap replaces the keys of its action in its
/// mode (a binding shared with other modes is split, so they keep their keys). Refused,
/// with a sentence: an action with no key in that mode, a character key where typing
/// goes into a field, and a remapped key that another action of the mode still has.
pub fn build(remaps: &[Remap]) -> Result<Vec<Binding>, RemapRefusal> {
    let mut table: Vec<Binding> = BINDINGS.to_vec();
    let mut changed: Vec<usize> = Vec::new();
    for r in remaps {
        let name = action_name(&r.action).unwrap_or("?");
        let mode = mode_name(r.mode);
        if r.keys.is_empty() {
            return Err(RemapRefusal::NoKey {
                section: mode.to_string(),
                action: name.to_string(),
            });
        }
        if matches!(
            r.mode,
            Some(Mode::Form | Mode::Search | Mode::AsOf | Mode::Palette | Mode::Export)
        ) && r.keys.iter().any(|k| matches!(k, Key::Char(_)))
        {
            return Err(RemapRefusal::Typed {
                section: mode.to_string(),
                action: name.to_string(),
            });
        }
        let Some(i) = table.iter().position(|b| targets(b, r.mode, &r.action)) else {
            return Err(RemapRefusal::NotInMode {
                section: mode.to_string(),
                action: name.to_string(),
                global: r.mode.is_some() && BINDINGS.iter().any(|b| targets(b, None, &r.action)),
            });
        };
        let keys: &'static [Key] = Box::leak(r.keys.clone().into_boxed_slice());
        match (r.mode, table[i].scope) {
            (Some(m), Scope::Only(modes)) if modes.len() > 1 => {
                let rest: Vec<Mode> = modes.iter().copied().filter(|x| *x != m).collect();
                let mut split = table[i].clone();
                split.scope = Scope::Only(Box::leak(vec![m].into_boxed_slice()));
                split.keys = keys;
                table[i].scope = Scope::Only(Box::leak(rest.into_boxed_slice()));
                for c in changed.iter_mut().filter(|c| **c > i) {
                    *c += 1;
                }
                table.insert(i + 1, split);
                changed.push(i + 1);
            }
            _ => {
                table[i].keys = keys;
                changed.push(i);
            }
        }
    }
    for &c in &changed {
        let b = &table[c];
        for m in modes_of(b) {
            for k in b.keys {
                let clash = table.iter().enumerate().find(|(j, o)| {
                    *j != c && o.action != b.action && o.applies(m) && o.keys.contains(k)
                });
                if let Some((_, o)) = clash {
                    return Err(RemapRefusal::Clash {
                        section: mode_name(match b.scope {
                            Scope::Global => None,
                            Scope::Only(_) => Some(m),
                        })
                        .to_string(),
                        action: action_name(&b.action).unwrap_or("?").to_string(),
                        key: k.label().to_string(),
                        other: action_name(&o.action).unwrap_or("?").to_string(),
                        mode: mode_name(Some(m)).to_string(),
                    });
                }
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::action_in;

    fn remap(mode: Option<Mode>, action: Action, keys: &[Key]) -> Remap {
        Remap {
            mode,
            action,
            keys: keys.to_vec(),
        }
    }

    #[test]
    fn a_remap_moves_the_action_in_its_mode_only() {
        let t = build(&[remap(
            Some(Mode::Table),
            Action::UpdateProgress,
            &[Key::Char('P')],
        )])
        .expect("valid");
        assert_eq!(
            action_in(&t, Mode::Table, Key::Char('P')),
            Some(Action::UpdateProgress)
        );
        assert_eq!(action_in(&t, Mode::Table, Key::Char('p')), None);
        // The dashboard and the detail keep `p`.
        assert_eq!(
            action_in(&t, Mode::Dashboard, Key::Char('p')),
            Some(Action::UpdateProgress)
        );
        assert_eq!(action_in(&t, Mode::Detail, Key::Char('P')), None);
    }

    #[test]
    fn a_global_remap_and_a_swap() {
        let t = build(&[
            remap(None, Action::Quit, &[Key::Char('X'), Key::Ctrl('c')]),
            remap(None, Action::Reload, &[Key::Char('q')]),
        ])
        .expect("a swap is valid");
        for m in [Mode::Dashboard, Mode::Table, Mode::Detail] {
            assert_eq!(action_in(&t, m, Key::Char('X')), Some(Action::Quit));
            assert_eq!(action_in(&t, m, Key::Char('q')), Some(Action::Reload));
            assert_eq!(action_in(&t, m, Key::Char('r')), None);
        }
    }

    #[test]
    fn refusals_are_sentences() {
        let clash = build(&[remap(
            Some(Mode::Table),
            Action::SortNext,
            &[Key::Char('p')],
        )])
        .expect_err("p is progress")
        .render(crate::lang::Lang::En);
        assert!(clash.contains("already the key of progress"), "{clash}");
        let global = build(&[remap(Some(Mode::Table), Action::Quit, &[Key::Char('x')])])
            .expect_err("quit is global")
            .render(crate::lang::Lang::En);
        assert!(global.contains("[keys.global]"), "{global}");
        let typed = build(&[remap(Some(Mode::Form), Action::Submit, &[Key::Char('s')])])
            .expect_err("typed")
            .render(crate::lang::Lang::En);
        assert!(typed.contains("typed into the field"), "{typed}");
    }

    #[test]
    fn keys_parse_as_written() {
        assert_eq!(parse_key("x"), Some(Key::Char('x')));
        assert_eq!(parse_key("S"), Some(Key::Char('S')));
        assert_eq!(parse_key("ctrl-s"), Some(Key::Ctrl('s')));
        assert_eq!(parse_key("Alt-b"), Some(Key::Alt('b')));
        assert_eq!(parse_key("alt-enter"), Some(Key::AltEnter));
        assert_eq!(parse_key("space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("PgDn"), Some(Key::PageDown));
        assert_eq!(parse_key("shift-tab"), Some(Key::BackTab));
        assert_eq!(parse_key("ctrl-"), None);
        assert_eq!(parse_key("hyper-x"), None);
        assert_eq!(parse_key("\u{1b}"), None);
    }
}
