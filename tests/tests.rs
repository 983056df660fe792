//! Integration tests: they run the phiscan binary on files in `tests/fixtures` and `examples/`.
//! One test binary, so everything links once.

mod util;

mod broken;
mod cli;
mod evasion;
mod exports;
mod formats;
mod fuzz;
mod inputs;
mod limits;
mod quality;
mod scale;
mod serve;
