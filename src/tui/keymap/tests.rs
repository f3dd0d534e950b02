use super::*;

#[test]
fn product_keys() {
    assert_eq!(action_for(Mode::Table, Key::Char('j')), Some(Action::Down));
    assert_eq!(
        action_for(Mode::Dashboard, Key::Char('3')),
        Some(Action::SwitchView(View::Tasks))
    );
    assert_eq!(
        action_for(Mode::Help, Key::Char('q')),
        Some(Action::ToggleHelp)
    );
    assert_eq!(action_for(Mode::Help, Key::Char('3')), None);
    assert_eq!(action_for(Mode::Detail, Key::Esc), Some(Action::Back));
    assert_eq!(
        action_for(Mode::Table, Key::Char('S')),
        Some(Action::SortReverse)
    );
    assert_eq!(
        action_for(Mode::Table, Key::Char('p')),
        Some(Action::UpdateProgress)
    );
    // In a form, letters and digits are typed, not commands.
    assert_eq!(
        action_for(Mode::Form, Key::Char('q')),
        Some(Action::Input('q'))
    );
    assert_eq!(
        action_for(Mode::Form, Key::Char('3')),
        Some(Action::Input('3'))
    );
    assert_eq!(action_for(Mode::Form, Key::Esc), Some(Action::Cancel));
    assert_eq!(action_for(Mode::Form, Key::Enter), Some(Action::FormEnter));
    assert_eq!(action_for(Mode::Form, Key::Ctrl('s')), Some(Action::Submit));
    assert_eq!(action_for(Mode::Form, Key::AltEnter), Some(Action::Submit));
    // Alt-d in a form deletes a word; it never cancels the form or deletes a task.
    assert_eq!(
        action_for(Mode::Form, Key::Alt('d')),
        Some(Action::Text(crate::tui::action::TextEdit::DeleteWordNext))
    );
    assert_eq!(action_for(Mode::Table, Key::Alt('d')), None);
    assert_eq!(
        action_for(Mode::Form, Key::Left),
        Some(Action::Text(crate::tui::action::TextEdit::Left))
    );
    assert_eq!(
        action_for(Mode::Confirm, Key::Char('y')),
        Some(Action::Confirm)
    );
    // Only `y` deletes: Enter and every other key keep the record.
    assert_eq!(
        action_for(Mode::Confirm, Key::Char('q')),
        Some(Action::Cancel)
    );
    assert_eq!(action_for(Mode::Confirm, Key::Enter), Some(Action::Cancel));
    assert_eq!(
        action_for(Mode::Confirm, Key::Char('Y')),
        Some(Action::Cancel)
    );
    assert_eq!(
        action_for(Mode::Conflict, Key::Char('o')),
        Some(Action::Overwrite)
    );
    assert_eq!(
        action_for(Mode::Table, Key::Char('/')),
        Some(Action::Search)
    );
    assert_eq!(
        action_for(Mode::Dashboard, Key::Char('f')),
        Some(Action::Filter)
    );
    assert_eq!(
        action_for(Mode::Table, Key::Char('a')),
        Some(Action::SetAsOf)
    );
    // While typing a search, letters, digits and `/` are typed, not commands.
    assert_eq!(
        action_for(Mode::Search, Key::Char('q')),
        Some(Action::Input('q'))
    );
    assert_eq!(
        action_for(Mode::Search, Key::Char('3')),
        Some(Action::Input('3'))
    );
    assert_eq!(
        action_for(Mode::Search, Key::Char('đ')),
        Some(Action::Input('đ'))
    );
    assert_eq!(action_for(Mode::Search, Key::Esc), Some(Action::Cancel));
    assert_eq!(action_for(Mode::Search, Key::Enter), Some(Action::Submit));
    assert_eq!(action_for(Mode::Search, Key::Down), Some(Action::Down));
    assert_eq!(
        action_for(Mode::AsOf, Key::Char('/')),
        Some(Action::Input('/'))
    );
    assert_eq!(action_for(Mode::Filter, Key::Char('q')), None);
    assert_eq!(action_for(Mode::Filter, Key::Ctrl('c')), Some(Action::Quit));
}

#[test]
fn no_key_is_bound_twice_in_a_mode() {
    for mode in [
        Mode::Dashboard,
        Mode::Table,
        Mode::Detail,
        Mode::Help,
        Mode::Form,
        Mode::Confirm,
        Mode::Conflict,
        Mode::Busy,
        Mode::Search,
        Mode::Filter,
        Mode::AsOf,
        Mode::Palette,
        Mode::Wall,
        Mode::Export,
    ] {
        let mut seen = std::collections::HashSet::new();
        for b in bindings_for(mode) {
            for k in b.keys {
                assert!(seen.insert(*k), "{k:?} bound twice in {mode:?}");
            }
        }
    }
}

#[test]
fn hints_come_from_bindings() {
    let h = hints(Mode::Table);
    assert!(h.iter().any(|(k, m)| k == "s" && *m == Msg::HintSort));
    assert!(h.iter().any(|(k, m)| k == "q" && *m == Msg::HintQuit));
}

/// At 80 columns only the first hints fit: moving, help and quit come first in every
/// mode that has them.
#[test]
fn help_and_quit_lead_the_hint_bar() {
    for mode in [Mode::Table, Mode::Dashboard] {
        let h: Vec<Msg> = hints(mode).into_iter().map(|(_, m)| m).collect();
        assert_eq!(
            h[..3],
            [Msg::HintMove, Msg::HintHelp, Msg::HintQuit],
            "{mode:?}"
        );
    }
}

#[test]
fn z_undoes_and_the_busy_offer_retries_or_goes_back() {
    for mode in [Mode::Dashboard, Mode::Table, Mode::Detail] {
        assert_eq!(action_for(mode, Key::Char('z')), Some(Action::Undo));
    }
    assert_eq!(
        action_for(Mode::Form, Key::Char('z')),
        Some(Action::Input('z'))
    );
    assert_eq!(
        action_for(Mode::Busy, Key::Char('r')),
        Some(Action::Confirm)
    );
    assert_eq!(action_for(Mode::Busy, Key::Enter), Some(Action::Confirm));
    assert_eq!(action_for(Mode::Busy, Key::Esc), Some(Action::Cancel));
    assert_eq!(action_for(Mode::Busy, Key::Char('y')), None);
    assert_eq!(action_for(Mode::Busy, Key::Ctrl('c')), Some(Action::Quit));
    // The bar offers z only once there is something to undo; help lists it for writers.
    let mut here = Here::everything(Mode::Table);
    here.undo = false;
    assert!(!hints_here(&here).iter().any(|(k, _)| k == "z"));
    here.undo = true;
    assert!(hints_here(&here)
        .iter()
        .any(|(k, m)| k == "z" && *m == Msg::HintUndo));
}
