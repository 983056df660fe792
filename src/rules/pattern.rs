//! Rule patterns as compiled for the engine: which regex engines back them (by the size of the
//! workload), and a cheaper form for texts whose letters are all ASCII.
//!
//! Patterns name letters by Unicode class (`\p{Lu}\p{Ll}+` is a capitalised word in any
//! alphabet). Those classes cost most of the compilation time and make the lazy DFA large and
//! slow. Yet most posts hold no letter outside ASCII (emoji and curly quotes are no letters), and
//! on such a text a class can be replaced by any class that agrees with it on every character
//! except the non-ASCII letters: `\p{Lu}` becomes `[A-Z]`, `[^\p{L}\s]` becomes everything but
//! ASCII letters and spaces. Digits go the same way (`\d` is every script's digits, `[0-9]` on
//! a text with none beyond ASCII). Each pattern is therefore compiled in two forms when needed,
//! and each text is searched with the form its letters allow ([`Letters::of`]). Findings are the
//! same either way; only the time differs.

use regex_automata::meta;
use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};
use std::sync::{Mutex, OnceLock, PoisonError};

/// Largest compiled size of one pattern, so that a user rule cannot make the scan run away.
const PATTERN_SIZE_LIMIT: usize = 2 * 1024 * 1024;

/// Lazy-DFA cache per pattern and thread. The default (2 MiB) is too small for patterns with
/// Unicode classes on emoji-laden text: the cache is rebuilt over and over and the scan crawls.
const DFA_CACHE_LIMIT: usize = 32 * 1024 * 1024;

/// How much text a rule set is about to scan, which decides how its patterns are compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workload {
    /// A draft or a few (up to [`SMALL_INPUT_BYTES`] in all): each pattern becomes a Thompson
    /// NFA only, searched by backtracking or the PikeVM, with no literal prefilter. Its lazy
    /// DFAs and prefilter would take longer to build and warm up than they save on so little
    /// text.
    Small,
    /// Exports and folders: patterns get lazy DFAs too, which scan megabytes many times faster.
    Large,
}

/// Inputs of at most this many bytes in all are a [`Workload::Small`]: below it, compiling and
/// warming lazy DFAs costs more than searching without them.
pub const SMALL_INPUT_BYTES: u64 = 16 * 1024;

impl Workload {
    /// The workload of inputs of `bytes` bytes in all.
    pub fn for_input_bytes(bytes: u64) -> Workload {
        if bytes <= SMALL_INPUT_BYTES {
            Workload::Small
        } else {
            Workload::Large
        }
    }
}

/// Which letters a text holds, which decides the form of the patterns it is searched with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Letters {
    /// No letter or digit outside ASCII.
    Ascii,
    /// Some letter or digit outside ASCII (é, ø, Ж, 김, ٣).
    Any,
}

impl Letters {
    /// The letters of `text`. Letters are the Unicode `Alphabetic` characters and, here, the
    /// decimal digits (`\d` is every script's), as the regex engine's own tables have them, so
    /// that the choice agrees with what the classes match.
    pub fn of(text: &str) -> Letters {
        if text.is_ascii() {
            return Letters::Ascii;
        }
        let letters = non_ascii_letters().ranges();
        let is_letter = |c: char| {
            let at = letters.partition_point(|range| range.end() < c);
            letters.get(at).is_some_and(|range| range.start() <= c)
        };
        if text.chars().any(|c| !c.is_ascii() && is_letter(c)) {
            Letters::Any
        } else {
            Letters::Ascii
        }
    }
}

/// A rule's regular expression (`\b` already made ASCII), compiled when first needed: a short
/// draft never pays for the many rules whose keywords it lacks. Rule files are checked as they
/// are loaded, so that a bad pattern is reported against its line; the shipped rules, which the
/// registry test compiles, are not. A rule set serves one engine, so each form of the pattern
/// is compiled once, for that engine's [`Workload`].
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    /// The pattern as written.
    any_letters: OnceLock<meta::Regex>,
    /// The pattern for texts without non-ASCII letters.
    ascii_letters: OnceLock<AsciiForm>,
    /// See [`Pattern::picks_out_groups`]; read from the syntax tree when first compiled.
    picks_out_groups: OnceLock<bool>,
}

/// What a pattern becomes for texts whose letters are all ASCII.
#[derive(Debug, Clone)]
enum AsciiForm {
    /// The pattern as written: it names no letter class.
    Same,
    /// A cheaper pattern, its letter classes narrowed to ASCII.
    Narrowed(meta::Regex),
    /// Nothing: every match needs a letter outside ASCII (a name in Chinese or Arabic script).
    Impossible,
}

impl Pattern {
    pub(super) fn new(source: String) -> Pattern {
        Pattern {
            source,
            any_letters: OnceLock::new(),
            ascii_letters: OnceLock::new(),
            picks_out_groups: OnceLock::new(),
        }
    }

    /// Compiles `source` the cheapest way, to report what is wrong with it.
    pub(super) fn check(source: &str) -> Result<(), String> {
        let hir = parse(source)?;
        compile(&hir, Workload::Small).map(drop)
    }

    /// The pattern as compiled.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether the form for `letters` is compiled yet.
    pub fn is_compiled(&self, letters: Letters) -> bool {
        match letters {
            Letters::Any => self.any_letters.get().is_some(),
            Letters::Ascii => match self.ascii_letters.get() {
                Some(AsciiForm::Narrowed(_) | AsciiForm::Impossible) => true,
                Some(AsciiForm::Same) => self.any_letters.get().is_some(),
                None => false,
            },
        }
    }

    /// The form for texts with `letters`, or `None` when no such text can match; the first
    /// call for each form compiles it.
    pub fn regex(&self, workload: Workload, letters: Letters) -> Option<&meta::Regex> {
        // A pattern was checked as a Thompson NFA, the small workload's form; a large
        // workload's also needs a reverse NFA, which may exceed the size limit where the forward
        // one did not. Such a pattern is searched without lazy DFAs rather than not at all.
        let checked = |hir: &Hir| {
            compile(hir, workload)
                .or_else(|_| compile(hir, Workload::Small))
                .unwrap_or_else(|e| panic!("a checked pattern does not compile: {e}"))
        };
        if letters == Letters::Ascii {
            let narrowed = self.ascii_letters.get_or_init(|| {
                // Spelling the usual classes in ASCII first spares parsing their Unicode tables;
                // the syntax tree then narrows whatever classes are left.
                let spelt = ascii_spelling(&self.source).and_then(|ascii| parse(&ascii).ok());
                let (hir, rewritten) = match spelt {
                    Some(hir) => {
                        self.picks_out_groups.get_or_init(|| picks_out_groups(&hir));
                        (hir, true)
                    }
                    None => (self.syntax_tree(), false),
                };
                let narrowed = without_other_letters(&hir);
                if !can_match(&narrowed) {
                    AsciiForm::Impossible
                } else if rewritten || narrowed != hir {
                    AsciiForm::Narrowed(checked(&narrowed))
                } else {
                    AsciiForm::Same
                }
            });
            match narrowed {
                AsciiForm::Narrowed(regex) => return Some(regex),
                AsciiForm::Impossible => return None,
                AsciiForm::Same => {}
            }
        }
        Some(
            self.any_letters
                .get_or_init(|| checked(&self.syntax_tree())),
        )
    }

    /// Whether the pattern's capture groups pick the identifier out of a larger match: the
    /// first that takes part in a match is the identifier. Otherwise the whole match is (also
    /// for `\b(...)\b`, so that the cheaper search without groups can run).
    pub fn picks_out_groups(&self) -> bool {
        if self.picks_out_groups.get().is_none() {
            self.syntax_tree();
        }
        self.picks_out_groups.get().copied().unwrap_or(true)
    }

    /// The parsed pattern (it was checked when its rule was loaded); notes what the tree says
    /// of its groups on the way.
    fn syntax_tree(&self) -> Hir {
        let hir = parse(&self.source).unwrap_or_else(|e| panic!("a checked pattern: {e}"));
        self.picks_out_groups.get_or_init(|| picks_out_groups(&hir));
        hir
    }
}

/// `source` with `\p{Lu}`, `\p{Ll}`, `\p{L}` and `\d` spelt as their ASCII ranges, which they
/// equal on a text without letters or digits beyond ASCII; `None` when it has none of them, or
/// when it may be in verbose mode, whose comments could hide a bracket from this reading.
fn ascii_spelling(source: &str) -> Option<String> {
    let verbose = source.match_indices("(?").any(|(at, _)| {
        source[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
            .any(|c| c == 'x')
    });
    if verbose {
        return None;
    }
    const SPELLINGS: [(&str, &str); 4] = [
        ("\\p{Lu}", "A-Z"),
        ("\\p{Ll}", "a-z"),
        ("\\p{L}", "A-Za-z"),
        ("\\d", "0-9"),
    ];
    let mut out = String::with_capacity(source.len());
    let mut rewritten = false;
    // Inside a bracketed class a range joins the others; outside it needs brackets of its own.
    let mut class_depth = 0usize;
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        if let Some((escape, range)) = SPELLINGS.iter().find(|(e, _)| rest.starts_with(e)) {
            if class_depth == 0 {
                out.push('[');
                out.push_str(range);
                out.push(']');
            } else {
                out.push_str(range);
            }
            rewritten = true;
            rest = &rest[escape.len()..];
            continue;
        }
        let taken = match c {
            // Any other escape is copied whole, so that `\[` or `\\p` is never read as syntax.
            '\\' => rest.chars().take(2).map(char::len_utf8).sum(),
            '[' => {
                class_depth += 1;
                // A `]` (after an optional `^`) right at the start of a class is a literal.
                let start = if rest[1..].starts_with('^') { 2 } else { 1 };
                start + usize::from(rest[start..].starts_with(']'))
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                1
            }
            _ => c.len_utf8(),
        };
        out.push_str(&rest[..taken]);
        rest = &rest[taken..];
    }
    rewritten.then_some(out)
}

/// See [`Pattern::picks_out_groups`]: it has groups, and they are not one group with only
/// zero-width assertions around it.
fn picks_out_groups(hir: &Hir) -> bool {
    let parts = match hir.kind() {
        HirKind::Concat(parts) => parts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let is_group = |part: &Hir| matches!(part.kind(), HirKind::Capture(_));
    let zero_width = |part: &Hir| part.properties().maximum_len() == Some(0);
    let groups = hir.properties().explicit_captures_len();
    let whole = groups == 1
        && parts.iter().filter(|part| is_group(part)).count() == 1
        && parts.iter().all(|part| is_group(part) || zero_width(part));
    groups > 0 && !whole
}

fn parse(source: &str) -> Result<Hir, String> {
    regex_syntax::parse(source).map_err(|e| e.to_string())
}

fn compile(hir: &Hir, workload: Workload) -> Result<meta::Regex, String> {
    let config = meta::Config::new().nfa_size_limit(Some(PATTERN_SIZE_LIMIT));
    let config = match workload {
        // Nor a literal prefilter: working out the literals takes longer than a draft's search.
        Workload::Small => config
            .hybrid(false)
            .dfa(false)
            .onepass(false)
            .auto_prefilter(false),
        Workload::Large => config.hybrid_cache_capacity(DFA_CACHE_LIMIT),
    };
    meta::Builder::new()
        .configure(config)
        .build_from_hir(hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("the compiled pattern exceeds {limit} bytes"),
            None => e.to_string(),
        })
}

/// Every character outside ASCII that is a letter (`\p{Alphabetic}`) or a decimal digit.
fn non_ascii_letters() -> &'static ClassUnicode {
    static LETTERS: OnceLock<ClassUnicode> = OnceLock::new();
    LETTERS.get_or_init(|| {
        match regex_syntax::parse(r"[[\p{Alphabetic}\p{Nd}]&&[^\x00-\x7F]]").map(Hir::into_kind) {
            Ok(HirKind::Class(Class::Unicode(class))) => class,
            other => unreachable!("a letter class parses as one: {other:?}"),
        }
    })
}

/// `hir` with every class narrowed for texts without non-ASCII letters: each class takes or
/// leaves all of them, whichever leaves it fewer ranges to compile.
fn without_other_letters(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(narrowed(class))),
        HirKind::Repetition(repetition) => {
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(without_other_letters(&repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(capture) => {
            let mut capture = capture.clone();
            capture.sub = Box::new(without_other_letters(&capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(without_other_letters).collect()),
        HirKind::Alternation(parts) => {
            Hir::alternation(parts.iter().map(without_other_letters).collect())
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
    }
}

/// Whether some text matches `hir`: not when a class it needs is empty (a Chinese or Arabic
/// letter, narrowed to ASCII).
fn can_match(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => !class.ranges().is_empty(),
        HirKind::Class(Class::Bytes(class)) => !class.ranges().is_empty(),
        HirKind::Repetition(repetition) => repetition.min == 0 || can_match(&repetition.sub),
        HirKind::Capture(capture) => can_match(&capture.sub),
        HirKind::Concat(parts) => parts.iter().all(can_match),
        HirKind::Alternation(parts) => parts.iter().any(can_match),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => true,
    }
}

/// A class narrowed as [`without_other_letters`] says. Letter classes (`\p{L}`, `\w`) shrink
/// to their ASCII part when the letters leave; classes of "anything but" (`[^\p{L}\s]`, `.`)
/// hold the symbols beyond ASCII and shrink to a few ranges when the letters join: a class that
/// holds an emoji is of that kind. Either way the class is exact on the texts it serves.
fn narrowed(class: &ClassUnicode) -> ClassUnicode {
    // Rules spell the same few classes (`\p{Lu}`, `\p{Ll}`, `[^\p{L}\s]`) again and again, and
    // taking the letters out of one costs more than a draft's whole scan: each is narrowed once.
    static NARROWED: Mutex<Vec<(ClassUnicode, ClassUnicode)>> = Mutex::new(Vec::new());
    let mut known = NARROWED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, narrowed)) = known.iter().find(|(original, _)| original == class) {
        return narrowed.clone();
    }
    let narrowed = narrowed_anew(class);
    known.push((class.clone(), narrowed.clone()));
    narrowed
}

fn narrowed_anew(class: &ClassUnicode) -> ClassUnicode {
    let holds = |c: char| {
        let ranges = class.ranges();
        let at = ranges.partition_point(|range| range.end() < c);
        ranges.get(at).is_some_and(|range| range.start() <= c)
    };
    let mut narrowed = class.clone();
    if holds('\u{1F600}') {
        narrowed.union(non_ascii_letters());
    } else {
        narrowed.difference(non_ascii_letters());
    }
    narrowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, letters: Letters, text: &str) -> Vec<(usize, usize)> {
        let pattern = Pattern::new(pattern.to_string());
        pattern
            .regex(Workload::Small, letters)
            .map_or_else(Vec::new, |regex| {
                regex
                    .find_iter(text)
                    .map(|m| (m.start(), m.end()))
                    .collect()
            })
    }

    #[test]
    fn every_shipped_pattern_gets_its_lazy_dfas() {
        // Checked rules compile as NFAs; the lazy DFAs' reverse NFA must fit the limit too, or
        // the pattern falls back to the slow search (see `Pattern::regex`).
        for rule in crate::rules::RuleSet::builtin().rules {
            let Some(pattern) = rule.pattern else {
                continue;
            };
            let any = pattern.syntax_tree();
            let large = |hir: &Hir| compile(hir, Workload::Large).map(drop);
            assert_eq!(large(&any), Ok(()), "{}", rule.id);
            let ascii = ascii_spelling(pattern.as_str()).and_then(|a| parse(&a).ok());
            let narrowed = without_other_letters(&ascii.unwrap_or(any));
            assert_eq!(large(&narrowed), Ok(()), "{}", rule.id);
        }
    }

    #[test]
    fn a_group_around_the_whole_pattern_is_the_whole_match() {
        let groups = |p: &str| Pattern::new(p.to_string()).picks_out_groups();
        assert!(!groups(r"(?-u:\b)(\d{6})(?-u:\b)"));
        assert!(!groups(
            r"(?-u:\b{start-half})(\p{Lu}\p{Ll}+)(?-u:\b{end-half})"
        ));
        assert!(!groups(r"(\d{6})"));
        assert!(groups(r"MRN (\d{6})"));
        assert!(groups(r"(\d{3})-(\d{4})"));
        assert!(groups(r"((\d{3})-\d{4})"));
        assert!(!groups(r"\d+"));
    }

    #[test]
    fn letters_outside_ascii_are_told_apart_from_other_characters() {
        assert_eq!(Letters::of("Rosa Delgado 🎂 “hi” — 5 °C"), Letters::Ascii);
        assert_eq!(Letters::of("José"), Letters::Any);
        assert_eq!(Letters::of("Жанна"), Letters::Any);
        assert_eq!(Letters::of("김민수"), Letters::Any);
    }

    #[test]
    fn the_ascii_form_finds_what_the_pattern_finds_on_ascii_letters() {
        let patterns = [
            r"\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+",
            r"(?:^|[^\p{L}\s'’-]\s*)(\p{Lu}\p{Ll}{2,})",
            r"(?i)name:\s+\w+",
            r"[^\s.!?]+ as our",
            r"\b\d{3}-\d{4}\b",
        ];
        let texts = [
            "Please pray for Rosa Delgado 🎂 tonight",
            "“Tamatoa” was all smiles — NAME:   kai’s day",
            "Zoë said: “Kofi as our guest”. Name: Ana",
            "call 555-0142 or ٥٥٥-٠١٤٢ 🎂",
            "call 555-0142 🎂",
        ];
        for pattern in patterns {
            for text in texts {
                let any = matches(pattern, Letters::Any, text);
                if Letters::of(text) == Letters::Ascii {
                    assert_eq!(
                        matches(pattern, Letters::Ascii, text),
                        any,
                        "{pattern} on {text}"
                    );
                }
            }
        }
        assert_eq!(
            ascii_spelling(r"(\p{Lu}\p{Ll}+)[^\p{L}\s\]\d]\\p{L}\d"),
            Some(r"([A-Z][a-z]+)[^A-Za-z\s\]0-9]\\p{L}[0-9]".to_string())
        );
        assert_eq!(
            ascii_spelling(r"[]\p{L}]\w"),
            Some(r"[]A-Za-z]\w".to_string())
        );
        assert_eq!(ascii_spelling(r"\P{L}\s"), None);
        assert_eq!(ascii_spelling("(?x) \\p{L}+ # [a comment"), None);
        // A class that names no letter or digit is compiled once, for both forms.
        let dashes = Pattern::new(r"[-‐–]{2}".to_string());
        dashes.regex(Workload::Small, Letters::Ascii);
        assert!(dashes.is_compiled(Letters::Any));
        assert_eq!(Letters::of("MRN ٣٤٥"), Letters::Any);
        // A pattern that needs a letter outside ASCII is never searched in an ASCII text.
        // (The Han script holds symbols too, which an ASCII text may: its letters, then.)
        let han = r"[\p{Han}&&\p{L}]{2,4}";
        assert!(
            Pattern::new(han.to_string())
                .regex(Workload::Small, Letters::Ascii)
                .is_none()
        );
        assert_eq!(matches(han, Letters::Any, "to 王小明!"), vec![(3, 12)]);
    }
}
