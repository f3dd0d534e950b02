//! The roll-up screen: a title line, the national totals and the category table drawn by
//! the dashboard's own pieces, the Provinces table in place of the lead agencies, and a
//! hint line. Draws only.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{block, block_title, dashboard};
use crate::rollup::State;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::state::rollup::RollupScreen;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, CellData, Column, DataTable};

/// Rows the category table takes (as on the dashboard) when the screen has room.
const CATEGORY_ROWS: u16 = 10;

fn t(lang: Lang, en: &'static str, vi: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The rows the category table gets on a screen of `size`.
fn category_height(size: (u16, u16)) -> u16 {
    if size.1 >= 30 {
        CATEGORY_ROWS
    } else {
        0
    }
}

/// The height of the Provinces table on a screen of `size` (title, 2 totals lines and
/// the hint line around it).
pub fn provinces_height(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(4 + category_height(size))
}

fn state_word(s: &State, lang: Lang) -> &'static str {
    match s {
        State::Summed => t(lang, "ok", "đã tổng hợp"),
        State::Stale { .. } => t(lang, "stale", "bản sao cũ"),
        State::Schema { .. } => t(lang, "schema", "khác lược đồ"),
        State::Failed { .. } => t(lang, "check failed", "lỗi kiểm tra"),
        State::Unreadable { .. } => t(lang, "unreadable", "không đọc được"),
    }
}

pub fn draw(frame: &mut Frame<'_>, s: &RollupScreen, theme: &Theme) {
    let area = frame.area();
    let lang = s.lang;
    if area.width < 40 || area.height < 10 {
        frame.render_widget(
            Paragraph::new(t(lang, "The window is too small.", "Cửa sổ quá nhỏ.")),
            area,
        );
        return;
    }
    let r = &s.rollup;
    let summed = r.summed().count();
    let title = format!(
        " {} · {} {} · {summed}/{} {}",
        t(lang, "National roll-up", "Tổng hợp toàn quốc"),
        lang.t(Msg::AsOf),
        lang.date(r.as_of),
        r.provinces.len(),
        t(lang, "provinces summed", "tỉnh, thành phố đã tổng hợp")
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(&title, usize::from(area.width)),
            theme.title,
        ))),
        Rect { height: 1, ..area },
    );
    dashboard::totals(
        frame,
        Rect {
            y: area.y + 1,
            height: 2,
            ..area
        },
        &s.summary,
        lang,
        theme,
    );
    let cat_h = category_height((area.width, area.height));
    if cat_h > 0 {
        dashboard::categories(
            frame,
            Rect {
                y: area.y + 3,
                height: cat_h,
                ..area
            },
            &s.summary,
            None,
            lang,
            theme,
        );
    }
    let prov = Rect {
        y: area.y + 3 + cat_h,
        height: provinces_height((area.width, area.height)),
        ..area
    };
    provinces(frame, prov, s, theme);
    let hint = match &s.notice {
        Some(n) => Line::from(Span::styled(fit(n, usize::from(area.width)), theme.error)),
        None => Line::from(Span::styled(
            fit(
                t(
                    lang,
                    " ↑↓ select · Enter open the province (read-only) · r read again · q quit",
                    " ↑↓ chọn · Enter mở tỉnh (chỉ xem) · r đọc lại · q thoát",
                ),
                usize::from(area.width),
            ),
            theme.dim,
        )),
    };
    frame.render_widget(
        Paragraph::new(hint),
        Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        },
    );
}

fn provinces(frame: &mut Frame<'_>, area: Rect, s: &RollupScreen, theme: &Theme) {
    let lang = s.lang;
    let columns = vec![
        Column::new(t(lang, "Province", "Tỉnh, thành phố"), 14).flex(),
        Column::new(lang.t(Msg::Tasks), 8).right(),
        Column::new(lang.t(Msg::ShortOnTime), 8).right().priority(3),
        Column::new(lang.t(Msg::ShortLate), 10).right().priority(4),
        Column::new(lang.t(Msg::ShortInTime), 9).right().priority(3),
        Column::new(lang.t(Msg::ShortOverdue), 7).right(),
        Column::new(lang.t(Msg::Progress), 12).priority(2),
        Column::new(t(lang, "Urges", "Đôn đốc"), 7)
            .right()
            .priority(5),
        Column::new(t(lang, "Replica", "Bản sao"), 14).priority(1),
    ];
    let page = usize::from(area.height.saturating_sub(3)).max(1);
    let mut cursor = s.cursor;
    let list = s.provinces();
    cursor.follow(list.len(), page);
    let rows = list
        .iter()
        .skip(cursor.top)
        .take(page)
        .map(|p| {
            let word = CellData::styled(
                state_word(&p.state, lang),
                if p.state == State::Summed {
                    theme.ok
                } else {
                    theme.overdue
                },
            );
            match (&p.report, &p.state) {
                (Some(rep), _) => {
                    let c = &rep.totals;
                    vec![
                        CellData::text(p.name.clone()),
                        CellData::text(lang.int(c.tasks)),
                        CellData::text(lang.int(c.done_on_time)),
                        CellData::text(lang.int(c.done_late)),
                        CellData::text(lang.int(c.in_time)),
                        CellData::styled(
                            lang.int(c.overdue),
                            if c.overdue > 0 {
                                theme.overdue
                            } else {
                                theme.dim
                            },
                        ),
                        CellData::Bar(c.progress),
                        CellData::text(lang.int(rep.urges)),
                        word,
                    ]
                }
                (None, _) => {
                    let mut v = vec![CellData::text(p.name.clone())];
                    v.extend((0..7).map(|_| CellData::styled("—", theme.dim)));
                    v.push(word);
                    v
                }
            }
        })
        .collect();
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (!list.is_empty()).then(|| cursor.selected - cursor.top),
            block: Some(block(
                block_title(t(lang, "Provinces", "Tỉnh, thành phố"), area),
                theme,
            )),
            theme,
        },
        area,
    );
}
