//! The phiscan binary: parse the command line, hand it to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    phiscan::cli::run(phiscan::cli::Cli::parse())
}
