//! The phoihop binary: parses the command line and hands over to the library.

fn main() {
    std::process::exit(phoihop::cli::main_entry());
}
