//! The phiscan binary: parse the command line, hand it to the library.

use clap::Parser;

/// A scan allocates and frees small strings for every post on every core: on two threads
/// glibc's allocator cost a fifth more CPU time than mimalloc. (Without transparent huge pages:
/// with them a tiny scan held 105 MB instead of 45.)
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    phiscan::cli::run(phiscan::cli::Cli::parse())
}
