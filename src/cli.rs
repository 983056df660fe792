//! The command line: clap definitions and what each command does. `main.rs` only parses and
//! calls [`run`]; the exit status is decided here, in one place: 0 clean, 1 findings at or
//! above the fail level, 2 an error (bad usage, rules or configuration, or any input that
//! could not be scanned, even when others were).

use crate::config::{self, Config, FailOn};
use crate::engine::Engine;
use crate::eval;
use crate::inputs::{Format, Source, Walk};
use crate::progress::Progress;
use crate::report::{FileReport, ScanReport, Summary};
use crate::reports::{self, ReportFormat, Style};
use crate::rules::{RuleError, RuleSet, Workload};
use crate::scan::{self, ScanSettings};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const AFTER_HELP: &str = "Exit codes: 0 nothing at or above the fail level; 1 posts at or above it (see --fail-on); 2 an error: bad usage, rules or configuration, or an input that could not be scanned (the other inputs are still scanned and reported).";

/// Finds protected health information (HIPAA Safe Harbor identifiers next to health
/// information) in social posts, drafts and platform exports before they are published.
#[derive(Parser, Debug)]
#[command(name = "phiscan", version, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan files, folders, standard input (-) or a draft (--text) and report findings.
    Scan(ScanArgs),
    /// List, show, validate and test detection rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Measure detection on a labeled corpus (JSONL with byte-offset spans).
    Eval(EvalArgs),
    /// Explain a rule: what it looks for, why it matters and how to fix a finding (as `rules show`).
    Explain {
        id: String,
        #[command(flatten)]
        rule_args: RuleArgs,
    },
    /// Record today's findings so that `scan --baseline` fails only on new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Write a copy of a post or export with every identifier replaced as HIPAA Safe Harbor
    /// allows ([NAME], dates to the year, ages to "90 or older", ZIP to three digits).
    Redact(RedactArgs),
    /// Open a draft checker in the browser: paste a post, see what to change before publishing.
    Serve(ServeArgs),
    /// Join the JSON Lines (or SARIF) reports of `scan --shard` runs into one report.
    Merge(MergeArgs),
    /// Write a commented starter .phiscan.toml in the current folder.
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

/// When to colour the human report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options that choose the rules and configuration, shared by `scan`, `rules` and `eval`.
#[derive(Args, Debug, Default)]
pub struct RuleArgs {
    /// Extra rule file or folder of .toml files; a rule with a shipped id replaces it.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Configuration file (default: .phiscan.toml here or in a parent folder, or $PHISCAN_CONFIG).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any configuration file.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Args, Debug)]
#[command(after_help = AFTER_HELP)]
pub struct ScanArgs {
    /// Files or folders to scan; - reads standard input. Default: the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Scan this text as a draft post instead of files.
    #[arg(long, value_name = "TEXT", conflicts_with = "paths")]
    pub text: Option<String>,
    /// Scan only the lines staged in git (what the next commit adds), for pre-commit hooks.
    #[arg(long, conflicts_with_all = ["paths", "text", "since"])]
    pub staged: bool,
    /// Scan only the lines added since a git revision (working tree against REV).
    #[arg(long, value_name = "REV", conflicts_with_all = ["paths", "text"])]
    pub since: Option<String>,
    /// Report format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when any post is at or above this verdict [default: review, or the config's fail_on].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Leave out paths matching GLOB (repeatable), on top of the config's excludes.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Read every input as this format instead of choosing by extension and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print identifiers unmasked in every format. Reports then contain PHI: handle them as such.
    #[arg(long)]
    pub show_values: bool,
    /// Show, for each finding, the rule, confidence, dictionary, validator and nearby keyword
    /// that decided it.
    #[arg(long)]
    pub explain: bool,
    /// Report findings recorded in this baseline file as suppressed: only new ones fail.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Do not honour phiscan:allow markers (for audits); suppressed findings count again.
    #[arg(long)]
    pub ignore_inline_allow: bool,
    /// When to colour the human report (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// No progress bar and no closing summary: findings and errors only.
    #[arg(short, long)]
    pub quiet: bool,
    /// Scan only shard I of N (1 <= I <= N): a fixed share of the inputs, and of the records of
    /// each big export, so that N runs on N machines scan everything once. Join their JSON
    /// Lines or SARIF reports with `phiscan merge`.
    #[arg(long, value_name = "I/N", conflicts_with_all = ["text", "staged", "since"])]
    pub shard: Option<crate::shard::Shard>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// List the rules in effect.
    List(#[command(flatten)] RuleArgs),
    /// Show one rule in full.
    Show {
        id: String,
        #[command(flatten)]
        rule_args: RuleArgs,
    },
    /// Check rule files (and the shipped rules) for errors.
    Validate {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Run every rule's must-match and must-not-match examples.
    Test {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum BaselineCommand {
    /// Scan PATHs (with every scan option) and write the fingerprints of what was found to -o FILE.
    Create(ScanArgs),
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Reports of `phiscan scan --shard I/N -f jsonl` (or `-f sarif`), one per shard.
    #[arg(value_name = "REPORT", required = true)]
    pub reports: Vec<PathBuf>,
    /// Write the merged report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RedactArgs {
    /// The file to redact; - reads standard input. Text formats only (text, Markdown, HTML,
    /// JSON, NDJSON, CSV, X archive files, feeds); structure is kept.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Where to write the redacted copy; - or nothing writes to standard output.
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// Do not write the copy: list each replacement (the original masked) instead.
    #[arg(long)]
    pub dry_run: bool,
    /// Read the input as this format instead of choosing by extension and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<Format>,
    /// Do not honour phiscan:allow markers: redact what they cover too.
    #[arg(long)]
    pub ignore_inline_allow: bool,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// Address to listen on. Anything but 127.0.0.1 or ::1 lets other machines send text to
    /// this one: only with good reason.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Largest draft or file accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_request_bytes: usize,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Corpus files in the shared JSONL format.
    #[arg(required = true, value_name = "CORPUS")]
    pub corpora: Vec<PathBuf>,
    /// Score only these labels (comma-separated) [default: every label the corpus uses].
    #[arg(long, value_delimiter = ',', value_name = "L1,L2")]
    pub labels: Option<Vec<String>>,
    /// Write one prediction per record (id, spans, phi, verdict) to this JSONL file.
    #[arg(long, value_name = "OUT")]
    pub predictions: Option<PathBuf>,
    /// Replace every NAME in the corpus by a made-up name no shipped list has (the same name
    /// always by the same one; SEED picks another set) before scoring, to measure detection on
    /// names outside the dictionaries. Predictions then carry the text scored.
    #[arg(long, value_name = "SEED", num_args = 0..=1, require_equals = true, default_missing_value = "1")]
    pub unlisted_names: Option<u64>,
    /// Lower-case every text before scoring (after --unlisted-names), to measure detection on
    /// posts written without capitals. Predictions then carry the text scored.
    #[arg(long)]
    pub lower_case: bool,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

/// Prints an error the way every phiscan error is printed.
fn error(message: impl std::fmt::Display) {
    eprintln!("phiscan: {message}");
}

fn rule_errors(errors: &[RuleError]) -> ExitCode {
    for e in errors {
        error(e);
    }
    ExitCode::from(2)
}

/// Loads configuration and rules for a command; errors are printed and become exit code 2.
fn load(args: &RuleArgs) -> Result<(Config, RuleSet), ExitCode> {
    let config = if args.no_config {
        Config::default()
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Config::discover(args.config.as_deref(), &cwd).map_err(|e| rule_errors(&e))?
    };
    let mut paths = config.rules.clone();
    paths.extend(args.rules.iter().cloned());
    let rules = RuleSet::load(&paths, &config.disable).map_err(|e| rule_errors(&e))?;
    Ok((config, rules))
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Rules(command) => run_rules(command),
        Command::Eval(args) => run_eval(args),
        Command::Redact(args) => run_redact(args),
        Command::Baseline(command) => run_baseline(command),
        Command::Explain { id, rule_args } => run_rules(RulesCommand::Show { id, rule_args }),
        Command::Serve(args) => run_serve(args),
        Command::Merge(args) => run_merge(args),
        Command::Init { force } => run_init(force),
    }
}

fn run_serve(args: ServeArgs) -> ExitCode {
    let (config, rules) = match load(&args.rule_args) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let options = crate::serve::ServeOptions {
        bind: args.bind,
        port: args.port,
        open: args.open,
        max_request_bytes: args.max_request_bytes,
    };
    match crate::serve::run(options, Engine::new(rules), config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            error(e);
            ExitCode::from(2)
        }
    }
}

/// The key that makes fingerprints keyed HMACs of the value, from the environment.
fn baseline_key() -> Option<Vec<u8>> {
    std::env::var_os("PHISCAN_BASELINE_KEY")
        .map(|k| k.into_encoded_bytes())
        .filter(|k| !k.is_empty())
}

/// A finished scan: the inputs that could not be scanned, the rules it used and the
/// configuration it ran with.
struct Scanned {
    errors: Vec<crate::inputs::InputError>,
    engine: Engine,
    config: Config,
}

/// Loads rules and configuration, walks the inputs and scans them, handing each input's report
/// to `emit` in order; errors that stop the scan are printed and become exit code 2. Input
/// errors are printed and returned.
fn scan_inputs(
    args: &ScanArgs,
    baseline: Option<&std::collections::HashSet<String>>,
    emit: &mut dyn FnMut(FileReport),
) -> Result<Scanned, ExitCode> {
    scan::prepare_in_background();
    let (config, rules) = load(&args.rule_args)?;
    let mut globs = globset::GlobSetBuilder::new();
    for pattern in config.exclude.iter().chain(&args.exclude) {
        match globset::Glob::new(pattern) {
            Ok(glob) => {
                globs.add(glob);
            }
            Err(e) => {
                error(format!("--exclude {pattern:?}: {e}"));
                return Err(ExitCode::from(2));
            }
        }
    }
    let exclude = globs.build().map_err(|e| {
        error(e);
        ExitCode::from(2)
    })?;
    let change = match (&args.since, args.staged) {
        (Some(rev), _) => Some(crate::inputs::git::Change::Since(rev.clone())),
        (None, true) => Some(crate::inputs::git::Change::Staged),
        (None, false) => None,
    };
    let changed = match change.as_ref().map(crate::inputs::git::changed_files) {
        Some(Ok(files)) => Some(files),
        Some(Err(e)) => {
            error(e);
            return Err(ExitCode::from(2));
        }
        None => None,
    };
    let (sources, walk_errors) = match &args.text {
        _ if changed.is_some() => (Vec::new(), Vec::new()),
        Some(text) => (vec![Source::Text(text.clone())], Vec::new()),
        None => {
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                args.paths.clone()
            };
            let (mut sources, errors) = Walk { exclude: &exclude }.sources(&paths);
            // The report being written is not an input, whatever folder it is written to.
            if let Some(report) = args.output.as_ref().and_then(|o| o.canonicalize().ok()) {
                sources.retain(|source| match source {
                    Source::File(path) => path.canonicalize().ok().as_ref() != Some(&report),
                    _ => true,
                });
            }
            (sources, errors)
        }
    };
    let file_sizes: Vec<u64> = sources
        .iter()
        .filter_map(|s| match s {
            Source::File(path) => Some(std::fs::metadata(path).map_or(0, |m| m.len())),
            _ => None,
        })
        .collect();
    let file_bytes: u64 = file_sizes.iter().sum();
    // Standard input and changed files have no size up front: they may be anything.
    let input_bytes = sources.iter().try_fold(file_bytes, |sum, s| match s {
        Source::Text(text) => Some(sum + text.len() as u64),
        Source::Upload { bytes, .. } => Some(sum + bytes.len() as u64),
        Source::File(_) => Some(sum),
        Source::Stdin => None,
    });
    let workload = match input_bytes {
        Some(bytes) if changed.is_none() => Workload::for_input_bytes(bytes),
        _ => Workload::Large,
    };
    let engine = Engine::for_workload(rules, workload);
    let key = baseline_key();
    let progress = Progress::new(
        file_bytes,
        file_sizes.len() as u64,
        changed.is_none() && Progress::wanted(args.quiet),
    );
    let settings = ScanSettings {
        input_format: args.input_format,
        show_values: args.show_values,
        inline_allow: !args.ignore_inline_allow,
        fingerprint_key: key.as_deref(),
        baseline,
        progress: Some(&progress),
        shard: args.shard,
        ..ScanSettings::new(&engine, &config)
    };
    // The global pool, so that the report can be written from this thread as the scan goes.
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.max(1));
    }
    if let Err(e) = pool.build_global() {
        error(format!("cannot start worker threads: {e}"));
        return Err(ExitCode::from(2));
    }
    let mut emit_past_the_bar = |file: FileReport| progress.suspend(|| emit(file));
    let scan_errors = match &changed {
        Some(changed) => {
            scan::scan_changes(changed, &settings)
                .into_iter()
                .for_each(&mut emit_past_the_bar);
            Vec::new()
        }
        None => scan::scan_each(&sources, &settings, &mut emit_past_the_bar),
    };
    progress.finish();
    let mut errors = walk_errors;
    errors.extend(scan_errors);
    for e in &errors {
        error(e);
    }
    Ok(Scanned {
        errors,
        engine,
        config,
    })
}

/// Scans as `scan_inputs` does and keeps the whole report, for the formats that need it.
fn scan_whole(
    args: &ScanArgs,
    baseline: Option<&std::collections::HashSet<String>>,
) -> Result<(ScanReport, Engine, Config), ExitCode> {
    let mut files = Vec::new();
    let Scanned {
        errors,
        engine,
        config,
    } = scan_inputs(args, baseline, &mut |file| files.push(file))?;
    Ok((ScanReport::new(files, errors), engine, config))
}

fn run_scan(args: ScanArgs) -> ExitCode {
    let baseline = match args.baseline.as_deref().map(crate::baseline::read) {
        Some(Ok(fingerprints)) => Some(fingerprints),
        Some(Err(e)) => {
            error(e);
            return ExitCode::from(2);
        }
        None => None,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let style = Style {
        color,
        explain: args.explain,
        summary: !args.quiet,
    };
    let destination: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                error(format!("{}: cannot write the report: {e}", path.display()));
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(destination);
    let (scanned, summary, written) =
        match report_as_scanned(&args, baseline.as_ref(), style, &mut out) {
            Ok(outcome) => outcome,
            Err(code) => return code,
        };
    let written = written.and_then(|()| out.flush());
    let mut code = 0;
    if let Err(e) = written {
        // A closed pipe (`| head`) is the reader's choice, not an error; the status still
        // reports what was found, so a CI gate cannot be turned green by it.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("cannot write the report: {e}"));
            code = 2;
        }
    }
    let fail_on = args
        .fail_on
        .or(scanned.config.fail_on)
        .unwrap_or(FailOn::Review);
    if !scanned.errors.is_empty() {
        code = 2;
    } else if code == 0 && fail_on.fails(summary.worst_verdict()) {
        code = 1;
    }
    // The process ends here: freeing every automaton and per-thread cache one by one took
    // longer than a short scan did.
    std::mem::forget(scanned);
    ExitCode::from(code)
}

/// Scans and writes the report to `out`: as the scan goes for the formats that stream, at the
/// end for the others. Returns the scan, its summary, and whether the report was written.
fn report_as_scanned(
    args: &ScanArgs,
    baseline: Option<&std::collections::HashSet<String>>,
    style: Style,
    out: &mut dyn Write,
) -> Result<(Scanned, Summary, std::io::Result<()>), ExitCode> {
    if !reports::streams(args.format) {
        let (report, engine, config) = scan_whole(args, baseline)?;
        let written = reports::write(args.format, &report, engine.rules(), style, out);
        let scanned = Scanned {
            errors: report.errors,
            engine,
            config,
        };
        return Ok((scanned, report.summary, written));
    }
    let mut stream = match reports::stream(args.format, style, out) {
        Ok(Some(stream)) => stream,
        Ok(None) => unreachable!("the format streams"),
        Err(e) => {
            error(format!("cannot write the report: {e}"));
            return Err(ExitCode::from(2));
        }
    };
    let mut summary = Summary::new();
    // After a failed write (a closed pipe) the scan goes on for the exit status.
    let mut written = Ok(());
    let scanned = scan_inputs(args, baseline, &mut |file| {
        summary.count_file(&file);
        if written.is_ok() {
            written = stream.file(&file);
        }
    })?;
    summary.count_errors(&scanned.errors);
    if written.is_ok() {
        written = stream.finish(&scanned.errors, &summary);
    }
    Ok((scanned, summary, written))
}

fn run_baseline(command: BaselineCommand) -> ExitCode {
    let BaselineCommand::Create(args) = command;
    let Some(output) = args.output.clone() else {
        error("baseline create needs -o FILE");
        return ExitCode::from(2);
    };
    let report = match scan_whole(&args, None) {
        Ok((report, _, _)) => report,
        Err(code) => return code,
    };
    let keyed = baseline_key().is_some();
    if !keyed {
        error(
            "PHISCAN_BASELINE_KEY is not set: fingerprints hash masked values only, so two names with the same initials and length look alike",
        );
    }
    match crate::baseline::write(&output, &report, keyed) {
        Ok(count) => {
            print_out(&format!(
                "wrote {} with {count} finding(s)\n",
                output.display()
            ));
            if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(e) => {
            error(format!(
                "{}: cannot write the baseline: {e}",
                output.display()
            ));
            ExitCode::from(2)
        }
    }
}

fn run_merge(args: MergeArgs) -> ExitCode {
    let merged = match crate::merge::merge(&args.reports) {
        Ok(merged) => merged,
        Err(e) => {
            error(e);
            return ExitCode::from(2);
        }
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, merged) {
                error(format!("{}: cannot write the report: {e}", path.display()));
                return ExitCode::from(2);
            }
        }
        None => print_out(&merged),
    }
    ExitCode::SUCCESS
}

/// Writes a command's output to standard output. A closed pipe (`| head`) is the reader's
/// choice and not an error; anything else is reported.
fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        error(format!("cannot write to standard output: {e}"));
    }
}

fn run_rules(command: RulesCommand) -> ExitCode {
    match command {
        RulesCommand::List(args) => {
            let Ok((_, rules)) = load(&args) else {
                return ExitCode::from(2);
            };
            let mut out = format!(
                "{:<26} {:<12} {:>5}  {:<14} description\n",
                "id", "category", "conf", "validator"
            );
            for rule in &rules.rules {
                let validator = rule.validator.map_or("-", |v| v.name());
                out.push_str(&format!(
                    "{:<26} {:<12} {:>5.2}  {:<14} {}\n",
                    rule.id,
                    rule.category.label(),
                    rule.confidence,
                    validator,
                    rule.description
                ));
            }
            print_out(&out);
            ExitCode::SUCCESS
        }
        RulesCommand::Show { id, rule_args } => {
            let Ok((_, rules)) = load(&rule_args) else {
                return ExitCode::from(2);
            };
            let Some(rule) = rules.get(&id) else {
                error(format!(
                    "no rule with id \"{id}\" (see `phiscan rules list`)"
                ));
                return ExitCode::from(2);
            };
            print_out(&describe_rule(rule));
            ExitCode::SUCCESS
        }
        RulesCommand::Validate { paths } => match RuleSet::load(&paths, &[]) {
            Ok(set) => {
                print_out(&format!("ok: {} rules\n", set.rules.len()));
                ExitCode::SUCCESS
            }
            Err(errors) => rule_errors(&errors),
        },
        RulesCommand::Test { paths } => match RuleSet::load(&paths, &[]) {
            Ok(set) => {
                let failures = crate::engine::examples::run_examples(&set);
                let examples: usize = set
                    .rules
                    .iter()
                    .map(|r| r.examples_match.len() + r.examples_no_match.len())
                    .sum();
                let mut out: String = failures.iter().map(|f| format!("FAIL {f}\n")).collect();
                out.push_str(&format!(
                    "{} passed, {} failed\n",
                    examples - failures.len(),
                    failures.len()
                ));
                print_out(&out);
                if failures.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                }
            }
            Err(errors) => rule_errors(&errors),
        },
    }
}

/// `phiscan rules show`: everything about one rule, in plain words.
fn describe_rule(rule: &crate::rules::Rule) -> String {
    let mut out = format!(
        "# {} ({})\n\n{}\n\n",
        rule.id,
        rule.category.label(),
        rule.description
    );
    out.push_str(&format!(
        "Safe Harbor identifier ({}): 45 CFR 164.514(b)(2)(i). Next to health information or patient status it makes a post PHI.\n",
        rule.category.safe_harbor_letter()
    ));
    if let Some(p) = &rule.pattern {
        out.push_str(&format!("pattern:     {}\n", p.as_str()));
    }
    if let Some(d) = rule.dictionary {
        out.push_str(&format!("dictionary:  {}\n", d.name()));
    }
    if !rule.keywords.is_empty() {
        let window = rule
            .keyword_window
            .map_or("anywhere in the post".to_string(), |w| {
                let side = if rule.keyword_before {
                    " before it"
                } else {
                    ""
                };
                format!("within {w} characters{side}")
            });
        out.push_str(&format!(
            "keywords:    {} ({window})\n",
            rule.keywords.join(", ")
        ));
    }
    if let Some(v) = rule.validator {
        out.push_str(&format!("validator:   {}\n", v.name()));
    }
    out.push_str(&format!(
        "confidence:  {:.2}\nsubject:     {:?}\ndefined at:  {}:{}\nfix:         {}\n",
        rule.confidence,
        rule.subject,
        rule.origin.path,
        rule.origin.line,
        rule.fix()
    ));
    for e in &rule.examples_match {
        out.push_str(&format!("flagged:     {e}\n"));
    }
    for e in &rule.examples_no_match {
        out.push_str(&format!("not flagged: {e}\n"));
    }
    out
}

fn run_eval(args: EvalArgs) -> ExitCode {
    let Ok((_, rules)) = load(&args.rule_args) else {
        return ExitCode::from(2);
    };
    let engine = Engine::new(rules);
    let mut predictions = String::new();
    let mut code = ExitCode::SUCCESS;
    for corpus in &args.corpora {
        let name = corpus.display().to_string();
        let text = match std::fs::read_to_string(corpus) {
            Ok(text) => text,
            Err(e) => {
                error(format!("{name}: cannot read corpus: {e}"));
                code = ExitCode::from(2);
                continue;
            }
        };
        let options = eval::Options {
            labels: args.labels.as_deref(),
            unlisted_names: args.unlisted_names,
            lower_case: args.lower_case,
        };
        match eval::evaluate(&engine, &name, &text, options) {
            Ok(result) => {
                print_out(&format!("{}\n", result.report));
                predictions.push_str(&result.predictions);
            }
            Err(e) => {
                error(format!("{name}:{}: {}", e.line, e.message));
                code = ExitCode::from(2);
            }
        }
    }
    if let Some(path) = &args.predictions
        && let Err(e) = std::fs::write(path, predictions)
    {
        error(format!("{}: cannot write predictions: {e}", path.display()));
        return ExitCode::from(2);
    }
    code
}

fn run_redact(args: RedactArgs) -> ExitCode {
    let Ok((config, rules)) = load(&args.rule_args) else {
        return ExitCode::from(2);
    };
    let source = if args.input.as_os_str() == "-" {
        Source::Stdin
    } else {
        Source::File(args.input.clone())
    };
    let path = source.display();
    let (text, lossy) = match crate::inputs::read(&source) {
        Ok(crate::inputs::Content::Text { text, lossy }) => (text, lossy),
        Ok(_) => {
            error(format!(
                "{path}: redact rewrites text formats; archives, Word files and binary files are not rewritten (scan them instead)"
            ));
            return ExitCode::from(2);
        }
        Err(e) => {
            error(e);
            return ExitCode::from(2);
        }
    };
    if lossy {
        error(format!(
            "{path}: invalid UTF-8 was replaced with U+FFFD in the copy"
        ));
    }
    let name = matches!(source, Source::File(_)).then_some(args.input.as_path());
    let format = Format::choose(args.input_format, name, &text);
    let engine = Engine::for_workload(rules, Workload::for_input_bytes(text.len() as u64));
    let settings = ScanSettings {
        input_format: Some(format),
        inline_allow: !args.ignore_inline_allow,
        ..ScanSettings::new(&engine, &config)
    };
    let (redacted, replacements, errors) =
        crate::safe_harbor::redact_text(&settings, format, text, &path);
    for e in &errors {
        error(format!("{e} (left unchanged in the copy)"));
    }
    if args.dry_run {
        let mut out = String::new();
        for r in &replacements {
            out.push_str(&format!(
                "{path}:{}:{}  {}  {}  {} -> {}\n",
                r.line,
                r.column,
                r.category.label(),
                r.rule_id,
                r.masked,
                r.with
            ));
        }
        out.push_str(&format!(
            "{} replacement(s); nothing written\n",
            replacements.len()
        ));
        print_out(&out);
    } else {
        let written = match args.output.as_deref() {
            Some(p) if p.as_os_str() != "-" => std::fs::write(p, &redacted),
            _ => {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(redacted.as_bytes())
                    .and_then(|()| stdout.flush())
            }
        };
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            error(format!("cannot write the redacted copy: {e}"));
            return ExitCode::from(2);
        }
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn run_init(force: bool) -> ExitCode {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        error(format!(
            "{} already exists; use --force to overwrite it",
            config::FILE_NAME
        ));
        return ExitCode::from(2);
    }
    match std::fs::write(path, config::STARTER) {
        Ok(()) => {
            print_out(&format!("wrote {}\n", config::FILE_NAME));
            ExitCode::SUCCESS
        }
        Err(e) => {
            error(format!("cannot write {}: {e}", config::FILE_NAME));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn scan_flags_parse() {
        let cli = Cli::try_parse_from([
            "phiscan",
            "scan",
            "-f",
            "sarif",
            "--fail-on",
            "block",
            "-j",
            "2",
            "a",
            "b",
        ])
        .unwrap();
        let Command::Scan(args) = cli.command else {
            panic!("not scan")
        };
        assert_eq!(args.format, ReportFormat::Sarif);
        assert_eq!(args.fail_on, Some(FailOn::Block));
        assert_eq!(args.paths.len(), 2);
        assert!(Cli::try_parse_from(["phiscan", "scan", "--text", "x", "a"]).is_err());
        assert!(Cli::try_parse_from(["phiscan", "scan", "--fail-on", "sometimes"]).is_err());
    }
}
