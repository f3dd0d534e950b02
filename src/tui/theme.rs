//! Colours: a 16-colour palette for dark and light terminals, and a monochrome one
//! (`--theme mono`, or `NO_COLOR` with `auto`). Nothing relies on colour alone: the
//! selection is reversed and marked with a symbol, bars are drawn with glyphs.

use ratatui::style::{Color, Modifier, Style};

use super::ThemeChoice;

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub border: Style,
    pub dim: Style,
    pub overdue: Style,
    pub soon: Style,
    pub ok: Style,
    pub bar: Style,
    pub bar_empty: Style,
    pub key: Style,
    pub error: Style,
    pub tab_active: Style,
}

impl Theme {
    /// The theme for a choice; `no_color` is whether `NO_COLOR` is set and non-empty.
    pub fn new(choice: ThemeChoice, no_color: bool) -> Theme {
        match choice {
            ThemeChoice::Mono => Theme::mono(),
            ThemeChoice::Auto if no_color => Theme::mono(),
            ThemeChoice::Light => Theme::colour(Color::Blue, Color::Black),
            ThemeChoice::Auto | ThemeChoice::Dark => Theme::colour(Color::Cyan, Color::White),
        }
    }

    fn colour(accent: Color, strong: Color) -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            title: Style::new().fg(accent).add_modifier(bold),
            header: Style::new()
                .fg(strong)
                .add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            border: Style::new().fg(Color::DarkGray),
            dim: Style::new().fg(Color::DarkGray),
            overdue: Style::new().fg(Color::Red).add_modifier(bold),
            soon: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            bar: Style::new().fg(accent),
            bar_empty: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(accent).add_modifier(bold),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | bold),
        }
    }

    /// No colour at all: bold, underline and reverse video only.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: plain,
            dim: plain,
            overdue: plain.add_modifier(Modifier::BOLD),
            soon: plain,
            ok: plain,
            bar: plain,
            bar_empty: plain,
            key: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, per no-color.org).
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour() {
        let t = Theme::new(ThemeChoice::Auto, true);
        for s in [t.title, t.overdue, t.bar, t.selected, t.dim] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(Theme::new(ThemeChoice::Auto, false), t);
    }
}
