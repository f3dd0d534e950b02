# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_phoihop_global_optspecs
    string join \n db= read-only lang= as-of= program= rollup= theme= quiet no-mouse plain wall= h/help V/version
end

function __fish_phoihop_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_phoihop_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_phoihop_using_subcommand
    set -l cmd (__fish_phoihop_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c phoihop -n "__fish_phoihop_needs_command" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_needs_command" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_needs_command" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_needs_command" -l program -d 'Narrow the TUI to one program (by code)' -r
complete -c phoihop -n "__fish_phoihop_needs_command" -l rollup -d 'Open the national roll-up over the replicas in DIR (read-only) instead of one database' -r -F
complete -c phoihop -n "__fish_phoihop_needs_command" -l theme -d 'Colour theme of the TUI (else $PHOIHOP_THEME, the config files, auto; NO_COLOR is honoured in auto)' -r -f -a "auto\t''
dark\t''
light\t''
mono\t''"
complete -c phoihop -n "__fish_phoihop_needs_command" -l wall -d 'Wallboard for a screen on the wall: the dashboard, the ranking and the overdue list in turn, SECONDS each (else the config files\' `wallboard_interval`, else 30; 5 to 3600); keys: q, space (pause), ←/→' -r
complete -c phoihop -n "__fish_phoihop_needs_command" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_needs_command" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_needs_command" -l no-mouse -d 'No mouse in the TUI (the config files\' `mouse = false` does the same)'
complete -c phoihop -n "__fish_phoihop_needs_command" -l plain -d 'Plain line mode instead of the TUI, for screen readers and logs: labelled lines, commands read as lines (also when TERM=dumb)'
complete -c phoihop -n "__fish_phoihop_needs_command" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_needs_command" -s V -l version -d 'Print version'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "init" -d 'Create or migrate the database'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "demo" -d 'Load the demo data set built from the seed reports'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "agency" -d 'Agencies (cơ quan, đơn vị)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "program" -d 'Programs (chương trình)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "task" -d 'Tasks (nhiệm vụ)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "report" -d 'Review report (sơ kết / tổng kết)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "digest" -d 'What needs attention since a date: newly overdue, due soon, urges, no update (for cron and mail)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "import" -d 'Import tasks, agencies and programs from CSV or JSON (all or nothing)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "export" -d 'Export everything as CSV or JSON'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "user" -d 'Roles: grant, revoke, list'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "backup" -d 'Write an online, consistent copy of the database'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "restore" -d 'Put a backup\'s data into the database (admin; the replaced state is kept)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "check" -d 'Check the database\'s integrity and consistency'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "audit" -d 'The audit log: list it, verify its hash chain'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "gen" -d 'Generate a synthetic database for benchmarks'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "replicate-config" -d 'Print a Litestream configuration that replicates this database to the centre'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "rollup" -d 'The national roll-up over the provinces\' replicas (read-only)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "config" -d 'The settings in force and where each came from (flags, environment, config files)'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "man" -d 'Print the man page (roff) on stdout'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "completions" -d 'Print a shell\'s completion script on stdout'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "__complete" -d 'Codes for the completion scripts (agencies or programs), one a line'
complete -c phoihop -n "__fish_phoihop_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand init" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l force -d 'Replace the data of a database that is not empty'
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand demo" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "add" -d 'Add an agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "list" -d 'List agencies'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "show" -d 'Show one agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "edit" -d 'Change an agency (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "remove" -d 'Remove an agency that nothing refers to, now or in the past'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "merge" -d 'Merge an agency into another from a date: its tasks pass to the other agency from that date; earlier dates keep showing the old agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and not __fish_seen_subcommand_from add list show edit remove merge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l name -d 'Full name, e.g. "Ban Tổ chức Tỉnh ủy"' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l kind -d 'party|government|front' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l parent -d 'Code of the agency above this one' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l head -d 'Name of the head' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l members -d 'Number of party members' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l staff -d 'Number of staff' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l position -d 'Its place among the agencies under the same parent, in protocol order (1 = first; default: last)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l search -d 'Only agencies whose name or code matches (fuzzy, diacritics and case ignored), best first' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l name -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l kind -d 'party|government|front' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l parent -d 'New parent agency code ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l head -d 'New head ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l members -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l staff -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l position -d 'Its place among the agencies under the same parent, in protocol order (1 = first)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l into -d 'The agency that takes its work over' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l on -d 'The date the merger takes effect (default: today)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from merge" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "list" -d 'List agencies'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change an agency (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an agency that nothing refers to, now or in the past'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "merge" -d 'Merge an agency into another from a date: its tasks pass to the other agency from that date; earlier dates keep showing the old agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand agency; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "add" -d 'Add a program'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "list" -d 'List programs'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "show" -d 'Show one program'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "edit" -d 'Change a program (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "remove" -d 'Remove a program that has no tasks'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and not __fish_seen_subcommand_from add list show edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l title -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l from -d 'First day (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l to -d 'Last day (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l kind -d 'coordination|building|action' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l party -d 'A signatory agency (repeat for each)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l basis -d 'Legal basis, e.g. "Nghị quyết 18-NQ/TW"' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l review-months -d 'Months between preliminary reviews (sơ kết)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l title -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l kind -d 'coordination|building|action' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l from -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l to -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l party -d 'Replace the signatory agencies (repeat for each)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l basis -d 'New legal basis ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l review-months -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l reviews -d 'The program\'s own review dates, comma-separated (e.g. 30/06/2021,31/12/2021; its last day is always the final review); `default` goes back to the end of each period of --review-months (30/06 and 31/12 for 6)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l no-parties -d 'Remove every signatory agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a program'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "list" -d 'List programs'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one program'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a program (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a program that has no tasks'
complete -c phoihop -n "__fish_phoihop_using_subcommand program; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "add" -d 'Add a task'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "list" -d 'List tasks (filters combine)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "show" -d 'Show one task with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "update" -d 'Update progress and/or status, with a note'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "edit" -d 'Change a task\'s descriptive fields (only those given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "remove" -d 'Remove a task from today on (admin only); it stays in every earlier view, with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "restore" -d 'Bring back a removed task from today on (admin only)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "urge" -d 'Remind the lead agency of a task (đôn đốc)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and not __fish_seen_subcommand_from add list show update edit remove restore urge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l program -d 'Program code' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l category -d 'Category code (ideology, organization, inspection, mass_mobilization, internal_affairs, government, front)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l title -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l lead -d 'Lead agency code (chủ trì)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l with -d 'A coordinating agency code (phối hợp); repeat for each' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l cadence -d 'roadmap|recurring (default: roadmap with --deadline, recurring without)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l deadline -d 'YYYY-MM-DD or dd/mm/yyyy' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l basis -d 'Legal basis' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l description -d 'A longer description' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l program -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l category -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l agency -d 'Tasks this agency leads or coordinates' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l status -d 'not_started|in_progress|done|suspended' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l bucket -d 'done_on_time|done_late|in_time|overdue, as of --as-of (else today)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l search -d 'Only tasks whose title matches Q: every word fuzzy-matched, diacritics and case ignored (fzf\'s extended syntax); best matches first' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l limit -d 'At most N tasks' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l mine -d 'An operator\'s own work: the tasks their agency leads, then those it coordinates, each overdue first, then due within 14 days, then the rest (as the TUI\'s home)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l overdue -d 'Only overdue tasks (as of --as-of, else today)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l due-soon -d 'Only open tasks due within 14 days (as of --as-of, else today)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l progress -d 'Progress, a whole percentage from 0 to 100' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l status -d 'not_started|in_progress|done|suspended' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l note -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l expect-version -d 'Refuse (exit 4) unless the task is still at this version' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l title -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l category -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l lead -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l with -d 'Replace the coordinating agencies (repeat for each)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l cadence -d 'roadmap|recurring' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l deadline -d 'New deadline ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l basis -d 'New legal basis ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l description -d 'New description ("" for none)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l program -d 'Move the task to another program (admin only)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l reason -d 'Why the deadline changes (điều chỉnh thời hạn); required with --deadline' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l expect-version -d 'Refuse (exit 4) unless the task is still at this version' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l no-with -d 'Remove every coordinating agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l note -d 'Why the task is removed (kept with the removal)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l expect-version -d 'Refuse (exit 4) unless the task is still at this version' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l message -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from urge" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a task'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tasks (filters combine)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one task with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "update" -d 'Update progress and/or status, with a note'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a task\'s descriptive fields (only those given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a task from today on (admin only); it stays in every earlier view, with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring back a removed task from today on (admin only)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "urge" -d 'Remind the lead agency of a task (đôn đốc)'
complete -c phoihop -n "__fish_phoihop_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l program -d 'The program (by code); all programs when left out' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l period -d 'A period: 2019, 2019H1, 2019H2, 2019Q1…2019Q4 or 2015-2020 (the report is as of its last day)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l from -d 'First day of the period (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l to -d 'Last day of the period (default: --as-of, else today)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l format -d 'Output format' -r -f -a "table\t'Aligned text for a terminal'
md\t'Markdown, phrased like the review reports (Vietnamese or English)'
csv\t''
json\t''
xlsx\t'An Excel workbook (needs --out)'
docx\t'A Word document in the official layout of the issuing body (needs --out)'"
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l out -d 'Write to this file instead of standard output' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l issuer -d 'The agency issuing a Word report (its code; default: the program\'s first signatory in protocol order). A Party body gets the Party\'s layout, any other the state\'s' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l place -d 'The place of a Word report\'s date line, e.g. "Quảng Ninh" (default: dots for the clerk)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l excel -d 'CSV for a Vietnamese-locale Excel: a UTF-8 byte order mark, `;` between fields, CR LF line endings, decimal commas'
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l agency -d 'One lead agency (by code); every agency when left out' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l since -d 'Changes on or after this day are new (YYYY-MM-DD or dd/mm/yyyy; default: the day of the last digest of this database and agency by this login, else yesterday)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l stale-days -d 'List open tasks whose last progress update is this many days old or more' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l format -d 'Output format' -r -f -a "text\t'Plain text (for a mail body)'
md\t''
json\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand digest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l format -d 'The file\'s format (default: from its extension; .json is JSON, else CSV)' -r -f -a "csv\t''
json\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l encoding -d 'The file\'s encoding (default utf-8; a file in another encoding is refused with the iconv line that converts it)' -r -f -a "utf-8\t''
windows-1258\t''
utf-16\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l dry-run -d 'Check everything and report what would change, without changing anything'
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand import" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l format -d 'json: everything (histories, urges, roles); csv: agencies, programs and tasks' -r -f -a "csv\t''
json\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l out -d 'Write here instead of standard output. With csv, a directory receives agencies.csv, programs.csv and tasks.csv; a file receives the tasks' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l excel -d 'CSV for a Vietnamese-locale Excel: a UTF-8 byte order mark, `;` between fields, CR LF line endings (import reads it back)'
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand export" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -f -a "grant" -d 'Grant (or change) a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -f -a "revoke" -d 'Revoke a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -f -a "list" -d 'List the granted roles'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and not __fish_seen_subcommand_from grant revoke list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l role -d 'admin|operator|supervisor' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l agency -d 'The agency an operator works for (operators only)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l force -d 'Allow revoking the last grant, which returns the database to single-user mode (every login that can open the file is admin)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant (or change) a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the granted roles'
complete -c phoihop -n "__fish_phoihop_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand backup" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand restore" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l config -d 'With --deployment: the system config file to check (default /etc/phoihop/config.toml)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l deployment -d 'Check the setgid install instead (binary, group, directory, files, config, backup timer); each problem is named with its fix'
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand check" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "list" -d 'The newest audit rows, newest first'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "verify" -d 'Check the audit log: its hash chain, its append-only triggers and that no row is missing; prints the chain head to keep off the server'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and not __fish_seen_subcommand_from list verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l limit -d 'How many rows' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l format -r -f -a "table\t''
json\t''
csv\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l head -d 'A chain head printed by an earlier `check` or `audit verify`: the log must still hold it (nothing removed from its end, nothing re-computed)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "list" -d 'The newest audit rows, newest first'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the audit log: its hash chain, its append-only triggers and that no row is missing; prints the chain head to keep off the server'
complete -c phoihop -n "__fish_phoihop_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l tasks -d 'Number of tasks' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l agencies -d 'Number of agencies' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l seed -d 'Random seed (same seed, same data)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand gen" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l to -d 'Where the replica goes: a directory path or file:///DIR, sftp://USER@HOST[:PORT]/DIR or s3://BUCKET/PATH' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l retention -d 'How long snapshots and changes are kept on the replica (Litestream\'s duration: 720h = 30 days)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l snapshot-interval -d 'How often a full snapshot is taken' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l key-path -d 'The SSH private key Litestream uses for an sftp:// replica' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand replicate-config" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l program -d 'One program (by code, the same in every province); all programs when left out' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l period -d 'A period: 2019, 2019H1, 2019H2, 2019Q1…2019Q4 or 2015-2020 (as of its last day)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l from -d 'First day of the period' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l to -d 'Last day of the period (default: --as-of, else today)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l max-age -d 'A province whose newest write is older than this is listed as stale, not summed: 30s, 90m, 36h or 7d; `none` never marks one stale' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l check -d 'How each replica is checked before it is summed' -r -f -a "quick\t'SQLite\'s quick_check and the audit log\'s hash chain'
full\t'Everything `phoihop check` verifies'
none\t'No check'"
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l format -r -f -a "md\t'Markdown, in the interface language'
json\t''
csv\t''
xlsx\t'An Excel workbook (needs --out)'
docx\t'A Word document in the official layout (needs --out)'"
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l out -d 'Write to this file instead of standard output' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l issuer -d 'The name of the body issuing a Word roll-up, e.g. "Văn phòng Chính phủ" (default: dots for the clerk)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l issuer-code -d 'The issuer\'s code, the end of the Word roll-up\'s number (`BC-VPCP`, `-BC/VPTW`)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l place -d 'The place of a Word roll-up\'s date line, e.g. "Hà Nội" (default: dots for the clerk)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l excel -d 'CSV for a Vietnamese-locale Excel (as for `report`)'
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l party -d 'The Word roll-up in the Party\'s layout (Hướng dẫn 36-HD/VPTW) instead of the state\'s (Nghị định 30/2020/NĐ-CP)'
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand rollup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand config" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand man" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand completions" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -l db -d 'The database file (else $PHOIHOP_DB, else the config files\' `database`, else ~/.local/share/phoihop/phoihop.db)' -r -F
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -l lang -d 'Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese when it starts with `vi`)' -r -f -a "vi\t''
en\t''"
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -l as-of -d 'Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy)' -r
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -l read-only -d 'Open the database with SQLite\'s read-only flag: nothing can be changed'
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -l quiet -d 'No progress bars (they are drawn on a terminal only, never on a pipe)'
complete -c phoihop -n "__fish_phoihop_using_subcommand __complete" -s h -l help -d 'Print help'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "init" -d 'Create or migrate the database'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "demo" -d 'Load the demo data set built from the seed reports'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "agency" -d 'Agencies (cơ quan, đơn vị)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "program" -d 'Programs (chương trình)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "task" -d 'Tasks (nhiệm vụ)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "report" -d 'Review report (sơ kết / tổng kết)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "digest" -d 'What needs attention since a date: newly overdue, due soon, urges, no update (for cron and mail)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "import" -d 'Import tasks, agencies and programs from CSV or JSON (all or nothing)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "export" -d 'Export everything as CSV or JSON'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "user" -d 'Roles: grant, revoke, list'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "backup" -d 'Write an online, consistent copy of the database'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "restore" -d 'Put a backup\'s data into the database (admin; the replaced state is kept)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "check" -d 'Check the database\'s integrity and consistency'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "audit" -d 'The audit log: list it, verify its hash chain'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "gen" -d 'Generate a synthetic database for benchmarks'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "replicate-config" -d 'Print a Litestream configuration that replicates this database to the centre'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "rollup" -d 'The national roll-up over the provinces\' replicas (read-only)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "config" -d 'The settings in force and where each came from (flags, environment, config files)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "man" -d 'Print the man page (roff) on stdout'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "completions" -d 'Print a shell\'s completion script on stdout'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "__complete" -d 'Codes for the completion scripts (agencies or programs), one a line'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and not __fish_seen_subcommand_from init demo agency program task report digest import export user backup restore check audit gen replicate-config rollup config man completions __complete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "add" -d 'Add an agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "list" -d 'List agencies'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "show" -d 'Show one agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "edit" -d 'Change an agency (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "remove" -d 'Remove an agency that nothing refers to, now or in the past'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from agency" -f -a "merge" -d 'Merge an agency into another from a date: its tasks pass to the other agency from that date; earlier dates keep showing the old agency'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from program" -f -a "add" -d 'Add a program'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from program" -f -a "list" -d 'List programs'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from program" -f -a "show" -d 'Show one program'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from program" -f -a "edit" -d 'Change a program (only the fields given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from program" -f -a "remove" -d 'Remove a program that has no tasks'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "add" -d 'Add a task'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'List tasks (filters combine)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "show" -d 'Show one task with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "update" -d 'Update progress and/or status, with a note'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "edit" -d 'Change a task\'s descriptive fields (only those given)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "remove" -d 'Remove a task from today on (admin only); it stays in every earlier view, with its history and urges'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "restore" -d 'Bring back a removed task from today on (admin only)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "urge" -d 'Remind the lead agency of a task (đôn đốc)'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "grant" -d 'Grant (or change) a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "revoke" -d 'Revoke a login\'s role'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List the granted roles'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "list" -d 'The newest audit rows, newest first'
complete -c phoihop -n "__fish_phoihop_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the audit log: its hash chain, its append-only triggers and that no row is missing; prints the chain head to keep off the server'

# Agency and program codes from the database (phoihop __complete).
complete -c phoihop -l agency -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l lead -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l with -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l parent -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l into -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l party -x -a '(phoihop __complete agencies 2>/dev/null)'
complete -c phoihop -l program -x -a '(phoihop __complete programs 2>/dev/null)'
