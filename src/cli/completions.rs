//! `phoihop completions bash|zsh|fish` (clap_complete) and the hidden
//! `phoihop __complete agencies|programs` the scripts call to complete agency and
//! program codes from the database (bash, zsh and fish all do; it prints nothing when
//! there is no database or it cannot be opened).

use clap::{Args, ValueEnum};

use super::Context;
use crate::error::Result;

/// Shells with a completion script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: Shell,
}

/// What `__complete` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Codes {
    Agencies,
    Programs,
}

#[derive(Debug, Args)]
pub struct CompleteArgs {
    pub what: Codes,
}

/// Long options whose value is an agency's code.
pub const AGENCY_OPTIONS: &[&str] = &["agency", "lead", "with", "parent", "into", "party"];
/// Long options whose value is a program's code.
pub const PROGRAM_OPTIONS: &[&str] = &["program"];

/// The completion script of `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = super::command();
    let mut out = Vec::new();
    let name = "phoihop";
    match shell {
        Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, name, &mut out)
        }
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, name, &mut out),
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, name, &mut out)
        }
    }
    let generated = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Bash => format!("{generated}\n{}", bash_codes()),
        Shell::Zsh => zsh_codes(&generated),
        Shell::Fish => format!("{generated}\n{}", fish_codes()),
    }
}

fn alternatives(options: &[&str]) -> String {
    options
        .iter()
        .map(|o| format!("--{o}"))
        .collect::<Vec<_>>()
        .join("|")
}

/// bash: a wrapper over clap's function that answers codes after the code options.
fn bash_codes() -> String {
    format!(
        r#"# Agency and program codes from the database (phoihop __complete).
_phoihop_codes() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}" what=""
    case "$prev" in
        {agencies}) what=agencies ;;
        {programs}) what=programs ;;
    esac
    if [[ -n "$what" ]]; then
        COMPREPLY=( $(compgen -W "$(phoihop __complete "$what" 2>/dev/null)" -- "$cur") )
        return 0
    fi
    _phoihop "$@"
}}
complete -F _phoihop_codes -o bashdefault -o default phoihop
"#,
        agencies = alternatives(AGENCY_OPTIONS),
        programs = alternatives(PROGRAM_OPTIONS),
    )
}

/// fish: more `complete` lines for the code options (fish merges them with clap's).
fn fish_codes() -> String {
    let mut s =
        String::from("# Agency and program codes from the database (phoihop __complete).\n");
    for (opts, what) in [(AGENCY_OPTIONS, "agencies"), (PROGRAM_OPTIONS, "programs")] {
        for o in opts {
            s.push_str(&format!(
                "complete -c phoihop -l {o} -x -a '(phoihop __complete {what} 2>/dev/null)'\n"
            ));
        }
    }
    s
}

/// zsh: clap's specs of the code options take their values from two helper functions.
fn zsh_codes(generated: &str) -> String {
    let mut out = String::new();
    for line in generated.lines() {
        let mut l = line.to_string();
        for (opts, helper) in [
            (AGENCY_OPTIONS, "_phoihop_agencies"),
            (PROGRAM_OPTIONS, "_phoihop_programs"),
        ] {
            for o in opts {
                let spec = format!("'--{o}=[");
                if l.trim_start().starts_with(&spec) && l.contains(":_default'") {
                    l = l.replacen(":_default'", &format!(":{helper}'"), 1);
                }
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    let helpers = r#"
# Agency and program codes from the database (phoihop __complete).
(( $+functions[_phoihop_agencies] )) ||
_phoihop_agencies() {
    local -a codes
    codes=(${(f)"$(phoihop __complete agencies 2>/dev/null)"})
    compadd -a codes
}
(( $+functions[_phoihop_programs] )) ||
_phoihop_programs() {
    local -a codes
    codes=(${(f)"$(phoihop __complete programs 2>/dev/null)"})
    compadd -a codes
}
"#;
    // Before the last line (`compdef` or the call of the main function).
    match out.trim_end().rfind('\n') {
        Some(i) => format!("{}{}{}", &out[..i + 1], helpers.trim_start(), &out[i + 1..]),
        None => format!("{out}{helpers}"),
    }
}

/// `phoihop completions SHELL`.
pub fn run(args: &CompletionsArgs) -> Result<()> {
    super::output::emit(&script(args.shell))
}

/// `phoihop __complete agencies|programs`: the codes, one a line; nothing (and exit 0)
/// when the database cannot be read, so a completion never prints an error.
pub fn complete(ctx: &Context, args: &CompleteArgs) -> Result<()> {
    let Ok(store) = ctx.open_read() else {
        return Ok(());
    };
    let codes: Vec<String> = match args.what {
        Codes::Agencies => store
            .agencies()
            .map(|v| v.into_iter().map(|a| a.code).collect()),
        Codes::Programs => store
            .programs()
            .map(|v| v.into_iter().map(|p| p.code).collect()),
    }
    .unwrap_or_default();
    let mut s = String::new();
    for c in codes {
        s.push_str(&crate::domain::text::escape(&c));
        s.push('\n');
    }
    super::output::emit(&s)
}
