//! The columns of the three tables, each sortable; shared by state (sorting) and views
//! (headers with the sort indicator).

use crate::store::TaskSort;
use crate::tui::i18n::Msg;

/// Task table columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskCol {
    Id,
    Title,
    Program,
    Category,
    Lead,
    Deadline,
    Status,
    Progress,
}

impl TaskCol {
    pub const ALL: [TaskCol; 8] = [
        TaskCol::Id,
        TaskCol::Title,
        TaskCol::Program,
        TaskCol::Category,
        TaskCol::Lead,
        TaskCol::Deadline,
        TaskCol::Status,
        TaskCol::Progress,
    ];

    pub fn sort(self) -> TaskSort {
        match self {
            TaskCol::Id => TaskSort::Id,
            TaskCol::Title => TaskSort::Title,
            TaskCol::Program => TaskSort::Program,
            TaskCol::Category => TaskSort::Category,
            TaskCol::Lead => TaskSort::Lead,
            TaskCol::Deadline => TaskSort::Deadline,
            TaskCol::Status => TaskSort::Status,
            TaskCol::Progress => TaskSort::Progress,
        }
    }

    pub fn msg(self) -> Msg {
        match self {
            TaskCol::Id => Msg::Id,
            TaskCol::Title => Msg::Title,
            TaskCol::Program => Msg::Program,
            TaskCol::Category => Msg::Category,
            TaskCol::Lead => Msg::Lead,
            TaskCol::Deadline => Msg::Deadline,
            TaskCol::Status => Msg::Status,
            TaskCol::Progress => Msg::Progress,
        }
    }
}

/// Program table columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramCol {
    Code,
    Title,
    Kind,
    Period,
    Tasks,
    Overdue,
    Progress,
    NextReview,
}

impl ProgramCol {
    pub const ALL: [ProgramCol; 8] = [
        ProgramCol::Code,
        ProgramCol::Title,
        ProgramCol::Kind,
        ProgramCol::Period,
        ProgramCol::Tasks,
        ProgramCol::Overdue,
        ProgramCol::Progress,
        ProgramCol::NextReview,
    ];

    pub fn msg(self) -> Msg {
        match self {
            ProgramCol::Code => Msg::Code,
            ProgramCol::Title => Msg::ProgramTitle,
            ProgramCol::Kind => Msg::Kind,
            ProgramCol::Period => Msg::Period,
            ProgramCol::Tasks => Msg::Tasks,
            ProgramCol::Overdue => Msg::ShortOverdue,
            ProgramCol::Progress => Msg::Progress,
            ProgramCol::NextReview => Msg::NextReview,
        }
    }
}

/// Agency table columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyCol {
    /// Protocol order: the agency tree by position, as the reports list them.
    Order,
    Code,
    Name,
    Kind,
    Tasks,
    Overdue,
    Progress,
}

impl AgencyCol {
    pub const ALL: [AgencyCol; 7] = [
        AgencyCol::Order,
        AgencyCol::Code,
        AgencyCol::Name,
        AgencyCol::Kind,
        AgencyCol::Tasks,
        AgencyCol::Overdue,
        AgencyCol::Progress,
    ];

    pub fn msg(self) -> Msg {
        match self {
            AgencyCol::Order => Msg::ProtocolOrder,
            AgencyCol::Code => Msg::Code,
            AgencyCol::Name => Msg::Name,
            AgencyCol::Kind => Msg::Kind,
            AgencyCol::Tasks => Msg::Tasks,
            AgencyCol::Overdue => Msg::ShortOverdue,
            AgencyCol::Progress => Msg::Progress,
        }
    }
}

/// Ranking table columns (issue 16): the store's order is the first column's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankCol {
    Rank,
    Agency,
    Rate,
    OnTime,
    Late,
    Overdue,
    InTime,
    Urges,
    MeanLate,
}

impl RankCol {
    pub const ALL: [RankCol; 9] = [
        RankCol::Rank,
        RankCol::Agency,
        RankCol::Rate,
        RankCol::OnTime,
        RankCol::Late,
        RankCol::Overdue,
        RankCol::InTime,
        RankCol::Urges,
        RankCol::MeanLate,
    ];

    pub fn msg(self) -> Msg {
        match self {
            RankCol::Rank => Msg::RankNo,
            RankCol::Agency => Msg::RankAgency,
            RankCol::Rate => Msg::RankRate,
            RankCol::OnTime => Msg::ShortOnTime,
            RankCol::Late => Msg::RankLate,
            RankCol::Overdue => Msg::ShortOverdue,
            RankCol::InTime => Msg::ShortInTime,
            RankCol::Urges => Msg::Urges,
            RankCol::MeanLate => Msg::RankMeanLate,
        }
    }
}

/// A sort: a column index into the table's `ALL` and a direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SortState {
    pub column: usize,
    pub descending: bool,
}

impl SortState {
    /// `s`: the next column, ascending.
    pub fn next(&mut self, columns: usize) {
        self.column = (self.column + 1) % columns.max(1);
        self.descending = false;
    }

    /// `S`: the other direction.
    pub fn reverse(&mut self) {
        self.descending = !self.descending;
    }
}
