//! The Activity view (recent changes, newest first) and the inbox of urges.

use chrono::{NaiveDate, NaiveDateTime};

use super::cursor::Cursor;
use crate::error::Result;
use crate::store::{Change, InboxItem, Store};

/// How many changes the Activity view reads.
pub const ACTIVITY_LIMIT: usize = 300;
/// How many urges the inbox reads.
pub const INBOX_LIMIT: usize = 200;
/// The badge counts the urges of the last this many days.
pub const INBOX_DAYS: i64 = 30;

/// A UTC RFC 3339 stamp in local time.
pub fn local_time(at: &str) -> Option<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|d| d.with_timezone(&chrono::Local).naive_local())
}

/// One row of the Activity view.
#[derive(Debug, Clone)]
pub struct ActivityRow {
    pub change: Change,
    /// When, in local time.
    pub when: Option<NaiveDateTime>,
}

/// The Activity view's rows.
#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub rows: Vec<ActivityRow>,
    pub cursor: Cursor,
    pub loaded: bool,
}

impl Activity {
    /// Reads the newest changes; the selection stays on the same change.
    pub fn load(&mut self, store: &Store, page: usize) -> Result<()> {
        let keep = self.selected().map(|r| r.change.id);
        self.rows = store
            .recent_changes(ACTIVITY_LIMIT)?
            .into_iter()
            .map(|change| ActivityRow {
                when: local_time(&change.at),
                change,
            })
            .collect();
        if let Some(id) = keep {
            if let Some(i) = self.rows.iter().position(|r| r.change.id == id) {
                self.cursor.selected = i;
            }
        }
        self.cursor.follow(self.rows.len(), page);
        self.loaded = true;
        Ok(())
    }

    pub fn selected(&self) -> Option<&ActivityRow> {
        self.rows.get(self.cursor.selected)
    }

    pub fn visible(&self, page: usize) -> &[ActivityRow] {
        let from = self.cursor.top.min(self.rows.len());
        let to = (from + page).min(self.rows.len());
        &self.rows[from..to]
    }
}

/// The urges of the operator's agency (every urge for other roles).
#[derive(Debug, Clone, Default)]
pub struct Inbox {
    /// The agency whose inbox this is (`None`: all urges).
    pub agency: Option<String>,
    pub items: Vec<InboxItem>,
    /// Urges in the last [`INBOX_DAYS`] days.
    pub recent: usize,
    /// The newest urge id seen in the inbox list; newer ones are "new".
    pub seen: i64,
    pub cursor: Cursor,
    pub loaded: bool,
}

impl Inbox {
    /// Reads the inbox; on the first read everything already there counts as seen.
    pub fn load(
        &mut self,
        store: &Store,
        agency: Option<String>,
        today: NaiveDate,
        page: usize,
    ) -> Result<()> {
        let keep = self.selected().map(|i| i.urge.id);
        self.items = store.inbox(agency.as_deref(), INBOX_LIMIT)?;
        let since = today - chrono::Duration::days(INBOX_DAYS);
        self.recent = self.items.iter().filter(|i| i.urge.on >= since).count();
        if !self.loaded || self.agency != agency {
            self.seen = self.items.first().map_or(0, |i| i.urge.id);
        }
        self.agency = agency;
        if let Some(id) = keep {
            if let Some(i) = self.items.iter().position(|i| i.urge.id == id) {
                self.cursor.selected = i;
            }
        }
        self.cursor.follow(self.items.len(), page);
        self.loaded = true;
        Ok(())
    }

    /// Urges that arrived since the inbox was last looked at.
    pub fn unseen(&self) -> usize {
        self.items.iter().filter(|i| i.urge.id > self.seen).count()
    }

    pub fn mark_seen(&mut self) {
        self.seen = self
            .items
            .first()
            .map_or(self.seen, |i| i.urge.id.max(self.seen));
    }

    pub fn selected(&self) -> Option<&InboxItem> {
        self.items.get(self.cursor.selected)
    }

    pub fn visible(&self, page: usize) -> &[InboxItem] {
        let from = self.cursor.top.min(self.items.len());
        let to = (from + page).min(self.items.len());
        &self.items[from..to]
    }
}
