//! A selection in a list of `total` rows, scrolled so that it stays visible.

use crate::tui::action::Action;

/// The selected row and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub top: usize,
}

impl Cursor {
    /// Applies a movement action for a list of `total` rows shown `page` at a time.
    /// Returns true when the selection moved.
    pub fn apply(&mut self, action: Action, total: usize, page: usize) -> bool {
        let page = page.max(1);
        let last = total.saturating_sub(1);
        let before = *self;
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::PageDown => (self.selected + page).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected,
        };
        self.follow(total, page);
        *self != before
    }

    /// Clamps to `total` rows and scrolls so the selection is within `page` rows of `top`.
    pub fn follow(&mut self, total: usize, page: usize) {
        let page = page.max(1);
        self.selected = self.selected.min(total.saturating_sub(1));
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + page {
            self.top = self.selected + 1 - page;
        }
        // Do not leave empty rows below the end when the list could fill the page.
        let max_top = total.saturating_sub(page);
        self.top = self.top.min(max_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_and_scrolls() {
        let mut c = Cursor::default();
        assert!(!c.apply(Action::Up, 100, 10));
        c.apply(Action::PageDown, 100, 10);
        assert_eq!((c.selected, c.top), (10, 1));
        c.apply(Action::Bottom, 100, 10);
        assert_eq!((c.selected, c.top), (99, 90));
        c.apply(Action::Top, 100, 10);
        assert_eq!((c.selected, c.top), (0, 0));
        c.apply(Action::Down, 0, 10);
        assert_eq!((c.selected, c.top), (0, 0));
    }
}
