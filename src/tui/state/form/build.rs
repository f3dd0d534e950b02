//! The forms' constructors: which fields each form has, prefilled from the record.

use chrono::NaiveDate;

use super::*;

impl Form {
    fn new(kind: FormKind, fields: Vec<Field>) -> Form {
        Form {
            kind,
            fields,
            focus: 0,
            error: None,
            changed_elsewhere: Vec::new(),
        }
    }

    /// `p` on a task.
    pub fn progress(task: Task, c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Progress,
                Msg::FieldProgress,
                FieldKind::Percent,
                task.progress.get().to_string(),
            ),
            Field::new(
                Key::Status,
                Msg::Status,
                pick_name(&c.statuses, Some(task.status.code())),
                "",
            ),
            Field::new(Key::Note, Msg::FieldNote, FieldKind::Text, ""),
        ];
        Form::new(FormKind::Progress(Box::new(task)), fields)
    }

    /// `p` on a task the operator's agency only coordinates: a dated note and nothing
    /// else (the one write a coordinating agency may make).
    pub fn note(task: Task) -> Form {
        let fields = vec![Field::new(Key::Note, Msg::FieldNote, FieldKind::Text, "")];
        Form::new(FormKind::Progress(Box::new(task)), fields)
    }

    /// `e` on a task.
    pub fn edit_task(task: Task, c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Title,
                Msg::Title,
                FieldKind::Line { required: true },
                task.title.clone(),
            ),
            Field::new(
                Key::Category,
                Msg::Category,
                pick_name(&c.categories, Some(&task.category)),
                "",
            ),
            Field::new(
                Key::Lead,
                Msg::Lead,
                pick(&c.agencies, Some(&task.lead), false),
                "",
            ),
            Field::new(
                Key::With,
                Msg::FieldWith,
                c.agencies_several(&task.with),
                "",
            ),
            Field::new(
                Key::Cadence,
                Msg::Cadence,
                pick_name(&c.cadences, Some(task.cadence.code())),
                "",
            ),
            Field::new(
                Key::Deadline,
                Msg::FieldDeadline,
                FieldKind::Date { required: false },
                date_text(task.deadline),
            ),
            Field::new(Key::Reason, Msg::FieldReason, FieldKind::Text, ""),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                task.basis.clone().unwrap_or_default(),
            ),
            Field::new(
                Key::Description,
                Msg::Description,
                FieldKind::Text,
                task.description.clone().unwrap_or_default(),
            ),
        ];
        let mut f = Form::new(FormKind::EditTask(Box::new(task)), fields);
        f.cross_check();
        f
    }

    /// `n` where tasks are shown; `program` and `lead` prefill their fields.
    pub fn new_task(c: &Choices, program: Option<&str>, lead: Option<&str>) -> Form {
        let fields = vec![
            Field::new(
                Key::Program,
                Msg::Program,
                pick(&c.programs, program, false),
                "",
            ),
            Field::new(
                Key::Category,
                Msg::Category,
                pick_name(&c.categories, None),
                "",
            ),
            Field::new(
                Key::Title,
                Msg::Title,
                FieldKind::Line { required: true },
                "",
            ),
            Field::new(Key::Lead, Msg::Lead, pick(&c.agencies, lead, false), ""),
            Field::new(Key::With, Msg::FieldWith, c.agencies_several(&[]), ""),
            Field::new(
                Key::Cadence,
                Msg::Cadence,
                pick_name(&c.cadences, Some(Cadence::Roadmap.code())),
                "",
            ),
            Field::new(
                Key::Deadline,
                Msg::FieldDeadline,
                FieldKind::Date { required: false },
                "",
            ),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                "",
            ),
            Field::new(Key::Description, Msg::Description, FieldKind::Text, ""),
        ];
        let mut f = Form::new(FormKind::NewTask, fields);
        f.cross_check();
        f
    }

    /// `n` in the agencies view.
    pub fn new_agency(c: &Choices) -> Form {
        let fields = vec![
            Field::new(
                Key::Code,
                Msg::Code,
                FieldKind::Code {
                    taken: c.agency_codes(),
                },
                "",
            ),
            Field::new(Key::Name, Msg::Name, FieldKind::Line { required: true }, ""),
            Field::new(
                Key::Kind,
                Msg::Kind,
                pick_name(&c.agency_kinds, Some(AgencyKind::Party.code())),
                "",
            ),
            Field::new(
                Key::Parent,
                Msg::FieldParent,
                pick(&c.agencies, None, true),
                "",
            ),
            Field::new(
                Key::Head,
                Msg::Head,
                FieldKind::Line { required: false },
                "",
            ),
        ];
        Form::new(FormKind::NewAgency, fields)
    }

    /// `n` in the programs view; `today` prefills the period.
    pub fn new_program(c: &Choices, today: NaiveDate) -> Form {
        let taken = c.programs.iter().map(|o| o.code.clone()).collect();
        let end = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 12, 31);
        let fields = vec![
            Field::new(Key::Code, Msg::Code, FieldKind::Code { taken }, ""),
            Field::new(
                Key::Title,
                Msg::ProgramTitle,
                FieldKind::Line { required: true },
                "",
            ),
            Field::new(
                Key::Kind,
                Msg::Kind,
                pick_name(&c.program_kinds, Some(ProgramKind::Action.code())),
                "",
            ),
            Field::new(
                Key::Starts,
                Msg::FieldStarts,
                FieldKind::Date { required: true },
                date_text(Some(today)),
            ),
            Field::new(
                Key::Ends,
                Msg::FieldEnds,
                FieldKind::Date { required: true },
                date_text(end),
            ),
            Field::new(
                Key::Review,
                Msg::FieldReview,
                FieldKind::Number { min: 0, max: 120 },
                "6",
            ),
            Field::new(
                Key::Basis,
                Msg::Basis,
                FieldKind::Line { required: false },
                "",
            ),
        ];
        Form::new(FormKind::NewProgram, fields)
    }

    /// `u` on a task.
    pub fn urge(task: Task) -> Form {
        let fields = vec![Field::new(
            Key::Message,
            Msg::FieldMessage,
            FieldKind::Line { required: true },
            "",
        )];
        Form::new(FormKind::Urge(Box::new(task)), fields)
    }
}
