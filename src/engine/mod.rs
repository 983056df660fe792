//! The detection engine: finds every rule's identifiers in one document's text.
//!
//! One pass of a keyword finder ([`keywords`]) finds all rule keywords, and one pass of a `RegexSet`
//! tells which patterns can match at all; only the rules that survive both run their own
//! pattern to extract spans. Candidates are then confirmed (validator, dictionary, keyword
//! window) and overlapping findings resolved, the more confident and longer one winning.
//! Documents come in batches ([`Engine::find_all`]), and each rule runs over the whole batch
//! before the next one, which keeps its automata in the processor's caches. The engine knows
//! nothing of files or formats: it takes text and returns byte ranges.
//!
//! Prefilter contract: a rule is skipped only when it cannot match; the prefilter never causes
//! a false negative (`rules test` and the registry test check that every example of a keyword
//! rule contains a keyword).

pub mod examples;
mod keywords;

use crate::rules::category::Category;
use crate::rules::names;
use crate::rules::validators::Validator;
use crate::rules::{Letters, Pattern, Rule, RuleSet, Subject, Workload};
use crate::words::{closes_with, is_word_at, opens_with};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use keywords::{KeywordFinder, KeywordHit};
use regex::RegexSet;
use regex_automata::Input;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One confirmed identifier in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the rule in the engine's rule list.
    pub rule: usize,
    /// Byte range of the identifier in the document text, on character boundaries.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    /// Why the match was reported, in words (never containing the matched value).
    pub reasons: Vec<String>,
}

/// Rules compiled for scanning. Build once, share between threads.
pub struct Engine {
    rules: Vec<Rule>,
    keywords: Option<KeywordFinder>,
    /// For each keyword of `keywords`: the rules that listed it.
    keyword_owners: Vec<Vec<usize>>,
    /// Patterns of the rules gated by neither keywords nor prose (see [`Engine::new`]); none
    /// for a small workload, where compiling the set would cost more than it saves.
    patterns: Option<RegexSet>,
    /// For each pattern of `patterns`: its rule.
    pattern_rule: Vec<usize>,
    /// Rules whose pattern runs on every document its keywords allow.
    direct_rules: Vec<usize>,
    /// Rules without a pattern: every dictionary entry is matched as a whole word.
    dictionary_words: Vec<(usize, AhoCorasick)>,
    /// How the patterns are compiled.
    workload: Workload,
}

/// One document as the prefilters left it: which rules may run on it, and the candidates
/// they have found so far.
struct Prefiltered<'t> {
    text: &'t str,
    letters: Letters,
    hits: Vec<KeywordHit>,
    /// For each rule: whether one of its keywords is in the text.
    rule_has_keyword: Vec<bool>,
    /// For each rule: whether it has a pattern that the pattern set did not rule out.
    pattern_allowed: Vec<bool>,
    /// Whether the text holds a listed first name; worked out when a rule first asks.
    first_name: std::cell::OnceCell<bool>,
    candidates: Vec<Match>,
}

impl Engine {
    /// Compiles the prefilters for `rules`, for a large workload (exports, folders, a corpus).
    pub fn new(rules: RuleSet) -> Engine {
        Engine::for_workload(rules, Workload::Large)
    }

    /// Compiles the prefilters for `rules`, and their patterns the way `workload` is best
    /// served. Patterns were validated when the rules were loaded.
    pub fn for_workload(rules: RuleSet, workload: Workload) -> Engine {
        let rules = rules.rules;
        let mut keyword_rules: Vec<(Vec<usize>, String)> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            for keyword in &rule.keywords {
                match keyword_rules.iter_mut().find(|(_, k)| k == keyword) {
                    Some((owners, _)) => owners.push(index),
                    None => keyword_rules.push((vec![index], keyword.clone())),
                }
            }
        }
        // The set pays only for rules it can rule out. Keyword rules are already gated by the
        // keyword pass, and patterns over Unicode letter classes (names) match nearly every
        // post while blowing up the set's lazy DFA, which then spends its time rebuilding.
        // A draft is searched by each pattern faster than the set would compile.
        let mut pattern_rule = Vec::new();
        let mut sources = Vec::new();
        let mut direct_rules = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            if let Some(pattern) = &rule.pattern {
                if workload == Workload::Large
                    && rule.keywords.is_empty()
                    && !pattern.as_str().contains("\\p{")
                {
                    pattern_rule.push(index);
                    sources.push(pattern.as_str().to_string());
                } else {
                    direct_rules.push(index);
                }
            }
        }
        // Patterns that run on every document are compiled by helper threads while this one
        // builds the prefilters: a one-draft scan then waits for the longer of the two, not
        // their sum. Keyword-gated patterns compile when first needed (see `find`), and so do
        // the forms for texts with letters outside ASCII, which most posts lack.
        let always: Vec<&Pattern> = direct_rules
            .iter()
            .filter(|&&index| rules[index].keywords.is_empty())
            .filter_map(|&index| rules[index].pattern.as_ref())
            .collect();
        let (keyword_owners, keyword_texts): (Vec<Vec<usize>>, Vec<String>) =
            keyword_rules.into_iter().unzip();
        let (keywords, patterns) = compile_alongside(&always, workload, Letters::Ascii, || {
            let keywords =
                (!keyword_texts.is_empty()).then(|| KeywordFinder::new(keyword_texts, workload));
            // Each pattern compiled alone within the size limit; together they may need more.
            let patterns = (workload == Workload::Large).then(|| {
                regex::RegexSetBuilder::new(&sources)
                    .size_limit(64 * 1024 * 1024)
                    .dfa_size_limit(256 * 1024 * 1024)
                    .build()
                    .expect("every pattern compiled on its own")
            });
            (keywords, patterns)
        });
        let dictionary_words = rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.pattern.is_none())
            .filter_map(|(index, r)| {
                let words: Vec<&str> = r.dictionary?.entries().collect();
                let automaton = AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(words)
                    .ok()?;
                Some((index, automaton))
            })
            .collect();
        Engine {
            rules,
            keywords,
            keyword_owners,
            patterns,
            pattern_rule,
            direct_rules,
            dictionary_words,
            workload,
        }
    }

    /// The rules, indexed as in [`Match::rule`].
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Finds, confirms and de-overlaps all identifiers in `text`, sorted by position.
    pub fn find(&self, text: &str) -> Vec<Match> {
        self.find_with(text, Letters::of(text))
    }

    /// [`Engine::find`] with the patterns' form for texts with `letters`.
    fn find_with(&self, text: &str, letters: Letters) -> Vec<Match> {
        let mut found = self.find_all_with(&[(text, letters)]);
        found.pop().unwrap_or_default()
    }

    /// [`Engine::find`] for each of `texts`, in order. Each rule runs over all the texts before
    /// the next rule starts: its automata stay in the processor's caches from one text to the
    /// next, where running every rule on one text and then the next evicts them each time (a
    /// batch of posts is searched about twice as fast this way).
    pub fn find_all(&self, texts: &[&str]) -> Vec<Vec<Match>> {
        let texts: Vec<(&str, Letters)> = texts.iter().map(|t| (*t, Letters::of(t))).collect();
        self.find_all_with(&texts)
    }

    fn find_all_with(&self, texts: &[(&str, Letters)]) -> Vec<Vec<Match>> {
        let mut documents: Vec<Prefiltered<'_>> = texts
            .iter()
            .map(|&(text, letters)| self.prefilter(text, letters))
            .collect();
        // The first documents (often the only one: a draft) would otherwise wait for each
        // pattern their keywords call up to compile in turn.
        for letters in [Letters::Ascii, Letters::Any] {
            let uncompiled: Vec<&Pattern> = self
                .rules
                .iter()
                .enumerate()
                .filter_map(|(index, rule)| Some((index, rule.pattern.as_ref()?)))
                .filter(|(index, pattern)| {
                    !pattern.is_compiled(letters)
                        && documents
                            .iter()
                            .any(|doc| doc.letters == letters && self.may_run(*index, doc))
                })
                .map(|(_, pattern)| pattern)
                .collect();
            if uncompiled.len() > 1 {
                compile_alongside(&uncompiled, self.workload, letters, || ());
            }
        }
        // Rule order decides ties between overlapping matches, so each document's candidates
        // come in rule order whatever the gates let through.
        for index in 0..self.rules.len() {
            for doc in documents.iter_mut() {
                if self.may_run(index, doc) {
                    self.pattern_candidates(index, doc);
                }
            }
        }
        for (index, automaton) in &self.dictionary_words {
            for doc in documents.iter_mut() {
                if !self.runnable(*index, doc) {
                    continue;
                }
                for m in automaton.find_iter(doc.text) {
                    if is_word_at(doc.text, m.start(), m.end()) {
                        let (start, end) = (m.start(), m.end());
                        self.confirm(*index, doc.text, start, end, &doc.hits, &mut doc.candidates);
                    }
                }
            }
        }
        documents
            .into_iter()
            .map(|doc| {
                let (outer, inner) = self.split_contained(doc.candidates);
                let found = self.places_in_lists(doc.text, resolve_overlaps(outer, inner));
                // Staff lists first: a name a list makes staff's is staff's where it is named
                // again too ("chaplain ruth achebe ... thank you, ruth").
                self.names_again(doc.text, self.staff_in_lists(doc.text, found))
            })
            .collect()
    }

    /// Runs the keyword and pattern-set prefilters over one document.
    fn prefilter<'t>(&self, text: &'t str, letters: Letters) -> Prefiltered<'t> {
        let hits = self.keyword_hits(text);
        let mut rule_has_keyword = vec![false; self.rules.len()];
        for hit in &hits {
            for &rule in &self.keyword_owners[hit.keyword] {
                rule_has_keyword[rule] = true;
            }
        }
        let mut pattern_allowed = vec![false; self.rules.len()];
        for &index in &self.direct_rules {
            pattern_allowed[index] = true;
        }
        if let Some(set) = &self.patterns {
            for set_index in set.matches(text).iter() {
                pattern_allowed[self.pattern_rule[set_index]] = true;
            }
        }
        Prefiltered {
            text,
            letters,
            hits,
            rule_has_keyword,
            pattern_allowed,
            first_name: std::cell::OnceCell::new(),
            candidates: Vec::new(),
        }
    }

    /// Whether rule `index` has a pattern that may match in `doc`.
    fn may_run(&self, index: usize, doc: &Prefiltered<'_>) -> bool {
        doc.pattern_allowed[index] && self.runnable(index, doc)
    }

    /// Whether the keywords and the first-name gate let rule `index` run on `doc`.
    fn runnable(&self, index: usize, doc: &Prefiltered<'_>) -> bool {
        let rule = &self.rules[index];
        (rule.keywords.is_empty() || doc.rule_has_keyword[index])
            && (rule.validator.is_none_or(|v| !v.needs_a_first_name())
                || *doc
                    .first_name
                    .get_or_init(|| names::has_a_first_name(doc.text)))
    }

    /// Sets apart candidates lying inside a longer one of the same category and subject:
    /// "Maria" after a cue is part of "Maria J. Gonzalez", whichever rule is more confident.
    /// Returns the others, then those set apart.
    fn split_contained(&self, mut candidates: Vec<Match>) -> (Vec<Match>, Vec<Match>) {
        candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let key = |m: &Match| {
            let rule = &self.rules[m.rule];
            (rule.category, rule.subject)
        };
        // For each kind, the span reaching furthest among those seen so far.
        let mut furthest: Vec<((Category, crate::rules::Subject), (usize, usize))> = Vec::new();
        candidates.into_iter().partition(|m| {
            let k = key(m);
            match furthest.iter_mut().find(|(kind, _)| *kind == k) {
                Some((_, span)) if span.1 >= m.end && *span != (m.start, m.end) => false,
                Some((_, span)) => {
                    if m.end > span.1 {
                        *span = (m.start, m.end);
                    }
                    true
                }
                None => {
                    furthest.push((k, (m.start, m.end)));
                    true
                }
            }
        })
    }

    /// Adds the other mentions of a person already named: each part of a name found as a
    /// whole word elsewhere in the text, where nothing else was found, counts as the same name
    /// (same rule, a little less confident). A part that another rule found alone
    /// is the same person too when the full name is a staff member's ("Thandiwe Mokoena, RN
    /// ... Congratulations, Thandiwe!"): it takes the staff rule, so that it names no patient.
    fn names_again(&self, text: &str, mut found: Vec<Match>) -> Vec<Match> {
        let mut parts: Vec<(&str, usize)> = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        // Every staff member's parts, also those a patient-or-anyone rule found first ("I'm
        // Jovanka ... our nurse Jovanka").
        let mut staff_parts: Vec<(&str, usize)> = Vec::new();
        let lower_case_post = text
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        for (index, m) in found.iter().enumerate() {
            let rule = &self.rules[m.rule];
            if rule.category == Category::Name {
                for part in names::parts_named_again(&text[m.start..m.end], lower_case_post) {
                    if rule.subject == Subject::Staff {
                        staff_parts.push((part, m.rule));
                    }
                    if seen.insert(part) {
                        parts.push((part, index));
                    }
                }
            }
        }
        if parts.is_empty() {
            return found;
        }
        for m in found.iter_mut() {
            let rule = &self.rules[m.rule];
            if rule.category != Category::Name || rule.subject == Subject::Staff {
                continue;
            }
            let value = names::without_possessive(&text[m.start..m.end]);
            if let Some(&(_, staff_rule)) = staff_parts.iter().find(|(part, _)| *part == value) {
                m.reasons.push(format!(
                    "part of a staff member's name found in full in the post ({})",
                    self.rules[staff_rule].id
                ));
                m.rule = staff_rule;
            }
        }
        let literals = crate::literals::LiteralSet::new(parts.iter().map(|(p, _)| *p).collect());
        let mut again = Vec::new();
        for (start, end, part) in literals.find_all(text) {
            let taken = found[..found.partition_point(|m| m.start < end)]
                .last()
                .is_some_and(|m| m.end > start);
            // "Parkinson's walk for my dad Tom Parkinson": the disease, not him again.
            if taken
                || !is_word_at(text, start, end)
                || names::condition_in_the_possessive(&text[start..end], &text[end..])
            {
                continue;
            }
            let first = &found[parts[part].1];
            again.push(Match {
                rule: first.rule,
                start,
                end,
                confidence: first.confidence - 0.1,
                reasons: vec![format!(
                    "part of a name found elsewhere in the post ({})",
                    self.rules[first.rule].id
                )],
            });
        }
        if again.is_empty() {
            return found;
        }
        let mut all = found;
        all.extend(again);
        all.sort_by_key(|m| (m.start, m.end));
        all
    }

    /// Gives a word no list knows, read as a name for that alone, the rule of the place listed
    /// right before it ("Home health now serves Hyde Park, Pleasant Valley and Staatsburg"): a
    /// list of towns goes on with towns.
    fn places_in_lists(&self, text: &str, found: Vec<Match>) -> Vec<Match> {
        self.take_the_rule_before(text, found, |between, _, previous_rule, rule| {
            // Not after a comma alone, which may end a clause ("in Tobel, Transunion is").
            let listed = matches!(between, " and " | ", and " | " or " | ", or " | " & ");
            (listed
                && previous_rule.category == Category::Location
                && rule.category == Category::Name
                && rule.validator == Some(Validator::UnknownWord))
            .then_some("listed after a place")
        })
    }

    /// Gives a name listed right after a staff member's ("volunteers Genoveva Ruiz-Tanaka and
    /// Lachlan Mbeki", "Drs. Nakamura, Okonkwo and Brennan") the staff member's rule: the title
    /// before the list names them all. So does a spouse named with them ("Dr. Ifeanyi Obi and
    /// his wife Ngozi on the birth of their son"): staff news, not a patient's. Not a name
    /// before its family's word ("Dr. Ferreira-Ng and Ysolde's family asked us to share").
    fn staff_in_lists(&self, text: &str, found: Vec<Match>) -> Vec<Match> {
        self.take_the_rule_before(text, found, |between, current, previous_rule, rule| {
            let listed = matches!(
                between,
                // A space alone: the rest of the staff member's own name, which their rule's
                // check did not take ("thanking ngozi eze-harrington, who led our clinics").
                " " | ", "
                    | " and "
                    | ", and "
                    | " & "
                    | " and his wife "
                    | " and her husband "
                    | " and his husband "
                    | " and her wife "
                    | " and their spouse "
            );
            (listed
                && !names::possessive_before_family(
                    &text[current.start..current.end],
                    &text[current.end..],
                )
                && previous_rule.subject == Subject::Staff
                && previous_rule.category == Category::Name
                && rule.category == Category::Name
                && rule.subject == Subject::Anyone)
                .then_some("listed after a staff member")
        })
    }

    /// Gives each match the rule of the match before it where `joined` (asked with the text
    /// between them, the match, the rule before and its own) says why.
    fn take_the_rule_before(
        &self,
        text: &str,
        mut found: Vec<Match>,
        joined: impl Fn(&str, &Match, &Rule, &Rule) -> Option<&'static str>,
    ) -> Vec<Match> {
        for index in 1..found.len() {
            let (before, after) = found.split_at_mut(index);
            let (previous, current) = (&before[index - 1], &mut after[0]);
            let previous_rule = &self.rules[previous.rule];
            let Some(between) = text.get(previous.end..current.start) else {
                continue;
            };
            if let Some(why) = joined(between, current, previous_rule, &self.rules[current.rule]) {
                current
                    .reasons
                    .push(format!("{why} ({})", previous_rule.id));
                current.rule = previous.rule;
            }
        }
        found
    }

    /// Every keyword occurrence that stands as a word of its own ("lic" is not in "public").
    fn keyword_hits(&self, text: &str) -> Vec<KeywordHit> {
        self.keywords
            .as_ref()
            .map_or_else(Vec::new, |keywords| keywords.hits(text))
    }

    /// Runs rule `index`'s pattern over `doc`, adding the candidates it confirms.
    fn pattern_candidates(&self, index: usize, doc: &mut Prefiltered<'_>) {
        let Prefiltered {
            text,
            letters,
            hits,
            candidates: out,
            ..
        } = doc;
        let (text, letters) = (*text, *letters);
        let Some(pattern) = &self.rules[index].pattern else {
            return;
        };
        let Some(regex) = pattern.regex(self.workload, letters) else {
            return;
        };
        let picks_out_groups = pattern.picks_out_groups();
        let mut groups = regex.create_captures();
        let mut at = 0;
        while at <= text.len() {
            let input = Input::new(text).range(at..);
            // The identifier is the first capture group that took part (alternatives may each
            // have their own), or the whole match when the pattern needs no groups.
            let (whole, found) = if picks_out_groups {
                regex.search_captures(&input, &mut groups);
                let Some(whole) = groups.get_match() else {
                    break;
                };
                let found = (1..groups.group_len())
                    .find_map(|g| groups.get_group(g))
                    .map(|group| (group.start, group.end));
                (whole.range(), found)
            } else {
                let Some(whole) = regex.search(&input) else {
                    break;
                };
                (whole.range(), Some((whole.start(), whole.end())))
            };
            let confirmed = found.is_some_and(|(start, end)| {
                start < end
                    && !vetoed_within(
                        &self.rules[index].not_within,
                        text,
                        whole.clone(),
                        start..end,
                    )
                    && self.confirm(index, text, start, end, hits, out)
            });
            // A rejected candidate may hide a good one that starts inside it ("Nurse Maria
            // Gonzalez": "Nurse Maria" is no name, "Maria Gonzalez" is), so step one character.
            // A match with no group is what an alternative takes so that nothing inside it is
            // read ("the Ruth Abernathy Award", "la parroquia de San Judas"): the search goes on
            // after it.
            let swallowed = found.is_none() && picks_out_groups;
            at = if (confirmed || swallowed) && whole.end > whole.start {
                whole.end
            } else {
                next_char(text, whole.start)
            };
        }
    }

    /// Checks one candidate and records it when it passes. A rule with `shrink` retries a
    /// rejected candidate without its last word, down to one word ("Sioux Falls Rotary" is
    /// kept as "Sioux Falls", "Zayden to the" as "Zayden").
    fn confirm(
        &self,
        index: usize,
        text: &str,
        start: usize,
        end: usize,
        hits: &[KeywordHit],
        out: &mut Vec<Match>,
    ) -> bool {
        let rule = &self.rules[index];
        let mut end = end;
        loop {
            if let Some(reasons) = self.check(index, text, start, end, hits) {
                out.push(Match {
                    rule: index,
                    start,
                    end,
                    confidence: rule.confidence,
                    reasons,
                });
                return true;
            }
            let value = text[start..end].trim_end();
            match value.rfind(char::is_whitespace) {
                Some(space) if rule.shrink => end = start + value[..space].trim_end().len(),
                _ => return false,
            }
        }
    }

    /// The reasons a candidate is reported, or `None` when the rule's dictionary, validator,
    /// vetoes or keyword window reject it.
    fn check(
        &self,
        index: usize,
        text: &str,
        start: usize,
        end: usize,
        hits: &[KeywordHit],
    ) -> Option<Vec<String>> {
        let rule = &self.rules[index];
        let value = &text[start..end];
        if splits_a_word(text, start, end) {
            return None;
        }
        let keyword = match rule.keyword_window {
            Some(window) => Some(self.keyword_near(index, text, start, end, window, hits)?),
            None => None,
        };
        // The validator before the vetoes: most candidates fail it, and a rule may list many
        // neighbouring words to compare.
        if rule.dictionary.is_some_and(|d| !d.contains(value))
            || rule.not_dictionary.is_some_and(|d| d.contains(value))
            || rule.validator.is_some_and(|v| !v.check(value))
            || vetoed_by_neighbours(&rule.not_before, &rule.not_after, text, start, end)
            // Asked last, of the few names the validators let through.
            || rule.category == Category::Name
                && (names::institution_follows(value, &text[end..])
                    || names::names_no_person(&text[..start], &text[end..])
                    || names::month_before_its_day(value, &text[end..])
                    || names::condition_in_the_possessive(value, &text[end..])
                    || names::inside_a_known_phrase(text, start, end)
                    || names::inside_a_handle(value, &text[..start])
                    || names::word_opening_a_sentence(value, &text[..start], &text[end..]))
        {
            return None;
        }
        // Most candidates are rejected above; the words are written only for those that pass.
        let mut reasons = vec![rule.description.clone()];
        if let Some(dictionary) = rule.dictionary {
            reasons.push(format!("found in the {} list", dictionary.name()));
        }
        if let Some(validator) = rule.validator {
            reasons.push(format!("passed the {} check", validator.name()));
        }
        if let Some(keyword) = keyword {
            reasons.push(format!("next to \"{keyword}\""));
        }
        Some(reasons)
    }

    /// A keyword of rule `index` within `window` bytes of the candidate, on its own line: in a
    /// structured record the next line is another field ("Time" is not the "account" of the
    /// field above).
    fn keyword_near(
        &self,
        index: usize,
        text: &str,
        start: usize,
        end: usize,
        window: usize,
        hits: &[KeywordHit],
    ) -> Option<&str> {
        let rule = &self.rules[index];
        let same_line = |a: usize, b: usize| !text[a.min(b)..a.max(b)].contains('\n');
        // A keyword after the value counts in its sentence only: "the picnic is Sept 14 from 11
        // to 2. Babies born at 31 weeks..." gives no one's date of birth.
        let later_sentence = |h: &KeywordHit| {
            h.start >= end
                && text
                    .get(end..h.start)
                    .is_some_and(|between| [". ", "! ", "? "].iter().any(|e| between.contains(e)))
        };
        // A label may stand on the line above its value ("Phone:\n60-56-85-91").
        let label_above = |h: &KeywordHit| {
            let between = text.get(h.end..start).unwrap_or_default();
            between.matches('\n').count() == 1
                && between
                    .trim_start_matches([':', '#', '.'])
                    .chars()
                    .all(char::is_whitespace)
        };
        // Hits came from the keywords; sorted by start, only those starting near the candidate
        // can reach it.
        let keywords = self.keywords.as_ref()?;
        let near = hits.partition_point(|h| h.start + keywords.longest() + window <= start)
            ..hits.partition_point(|h| h.start < end + window);
        let hit = hits[near].iter().find(|h| {
            self.keyword_owners[h.keyword].contains(&index)
                && h.start < end + window
                && h.end + window > start
                && (!rule.keyword_before || h.end <= start)
                && (same_line(h.start, start) || label_above(h))
                && !later_sentence(h)
        })?;
        Some(keywords.keyword(hit.keyword))
    }
}

/// Whether a veto word stands right before `start` or right after `end` (ASCII case-insensitive,
/// whole words, spaces between).
fn vetoed_by_neighbours(
    before: &[String],
    after: &[String],
    text: &str,
    start: usize,
    end: usize,
) -> bool {
    let preceding = text[..start].trim_end();
    let following = text[end..].trim_start();
    before.iter().any(|w| closes_with(preceding, w))
        || after.iter().any(|w| opens_with(following, w))
}

/// Whether one of `words` stands, as whole words, in the `whole` match outside the
/// identifier at `found`: in the words that tie a cue to what it points at.
fn vetoed_within(
    words: &[String],
    text: &str,
    whole: std::ops::Range<usize>,
    found: std::ops::Range<usize>,
) -> bool {
    if words.is_empty() {
        return false;
    }
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    [whole.start..found.start, found.end..whole.end]
        .into_iter()
        .any(|part| {
            let around = text[part].to_lowercase();
            words.iter().any(|w| {
                around.match_indices(w.as_str()).any(|(at, _)| {
                    !word_char(around[..at].chars().next_back())
                        && !word_char(around[at + w.len()..].chars().next())
                })
            })
        })
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

/// Whether the candidate is cut out of a word at a non-ASCII letter: patterns use ASCII word
/// boundaries for speed, and to them "nico" in "Clínico" looks like a word.
fn splits_a_word(text: &str, start: usize, end: usize) -> bool {
    let value = &text[start..end];
    let glued = |edge: Option<char>, neighbour: Option<char>| {
        edge.is_some_and(char::is_alphanumeric)
            && neighbour.is_some_and(|c| !c.is_ascii() && c.is_alphanumeric())
    };
    glued(value.chars().next(), text[..start].chars().next_back())
        || glued(value.chars().next_back(), text[end..].chars().next())
}

/// Compiles the `letters` form of `patterns` on helper threads, one per spare core, and on this
/// one once `work` is done; returns what `work` returned when every pattern is compiled.
fn compile_alongside<R>(
    patterns: &[&Pattern],
    workload: Workload,
    letters: Letters,
    work: impl FnOnce() -> R,
) -> R {
    let next = AtomicUsize::new(0);
    let compile = || {
        while let Some(pattern) = patterns.get(next.fetch_add(1, Ordering::Relaxed)) {
            pattern.regex(workload, letters);
        }
    };
    let spare = std::thread::available_parallelism().map_or(0, |n| n.get() - 1);
    std::thread::scope(|scope| {
        for _ in 0..spare.min(patterns.len()) {
            scope.spawn(compile);
        }
        let done = work();
        compile();
        done
    })
}

/// Keeps the best of overlapping matches: higher confidence first, then the longer span, then
/// the earlier rule; then, where nothing was kept, the best of `inner`, the candidates that lay
/// inside a longer one: "Tasi" inside the list "Leota and Tasi" stands alone when the list
/// loses to the full name "Sefa Leota". The survivors come back sorted by position.
fn resolve_overlaps(outer: Vec<Match>, inner: Vec<Match>) -> Vec<Match> {
    // Kept spans by start; being disjoint, the last one starting before a candidate's end is
    // the only one that can overlap it.
    let mut kept: std::collections::BTreeMap<usize, Match> = std::collections::BTreeMap::new();
    for mut candidates in [outer, inner] {
        candidates.sort_by(|a, b| {
            b.confidence
                .total_cmp(&a.confidence)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(a.rule.cmp(&b.rule))
                .then(a.start.cmp(&b.start))
        });
        for candidate in candidates {
            let overlaps = kept
                .range(..candidate.end)
                .next_back()
                .is_some_and(|(_, k)| k.end > candidate.start);
            if !overlaps {
                kept.insert(candidate.start, candidate);
            }
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;

    fn engine(toml: &str) -> Engine {
        Engine::new(RuleSet {
            rules: parse_rules("test.toml", toml).unwrap(),
        })
    }

    fn spans(engine: &Engine, text: &str) -> Vec<(String, &'static str)> {
        engine
            .find(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    engine.rules()[m.rule].category.label(),
                )
            })
            .collect()
    }

    #[test]
    fn keyword_window_is_required_when_set() {
        let e = engine(
            "[[rule]]\nid = \"mrn.t\"\ncategory = \"MRN\"\ndescription = \"d\"\npattern = '\\b(\\d{6})\\b'\nkeywords = [\"mrn\"]\nkeyword_window = 10\n",
        );
        assert_eq!(spans(&e, "MRN 123456"), vec![("123456".into(), "MRN")]);
        assert!(spans(&e, "MRN is on the chart, and far away we count 123456").is_empty());
        assert!(spans(&e, "123456 alone").is_empty());
        assert!(
            spans(&e, "the MRNX 123456").is_empty(),
            "keywords must stand as words"
        );
        assert_eq!(spans(&e, "MRN:\n123456"), vec![("123456".into(), "MRN")]);
        assert!(
            spans(&e, "MRN\nnext line\n123456").is_empty(),
            "a keyword on another line is no label of the value"
        );
        assert!(spans(&e, "123456\nMRN").is_empty());
        assert_eq!(spans(&e, "123456 (MRN)"), vec![("123456".into(), "MRN")]);
        assert!(
            spans(&e, "123456. MRN next").is_empty(),
            "a keyword in the next sentence is no label of the value"
        );
    }

    #[test]
    fn every_compiled_form_finds_the_same() {
        // Posts of the phrasing corpus, with and without letters outside ASCII.
        let corpus = include_str!("../../tests/fixtures/corpora/phiscan_phrasing.jsonl");
        let texts: Vec<String> = corpus
            .lines()
            .map(|line| {
                let record: serde_json::Value = serde_json::from_str(line).unwrap();
                record["text"].as_str().unwrap().to_string()
            })
            .collect();
        assert!(texts.iter().any(|t| Letters::of(t) == Letters::Any));
        let small = Engine::for_workload(RuleSet::builtin(), Workload::Small);
        let large = Engine::for_workload(RuleSet::builtin(), Workload::Large);
        let mut findings = 0;
        for text in &texts {
            let found = large.find(text);
            findings += found.len();
            assert_eq!(small.find(text), found, "{text}");
            // The form for any letters finds on an ASCII-lettered text what its own form does.
            assert_eq!(large.find_with(text, Letters::Any), found, "{text}");
        }
        assert!(findings > 250, "{findings}");
    }

    /// The names the built-in rules find in `text`, each with whose the rule says it is.
    fn names_found(text: &str) -> Vec<(String, Subject)> {
        let engine = Engine::new(RuleSet::builtin());
        engine
            .find(text)
            .iter()
            .filter(|m| engine.rules[m.rule].category == Category::Name)
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    engine.rules[m.rule].subject,
                )
            })
            .collect()
    }

    #[test]
    fn a_staff_members_name_alone_later_is_still_staff() {
        let names =
            names_found("Welcome to the team, Thandiwe Mokoena! Congratulations, Thandiwe!");
        assert_eq!(
            names,
            [
                ("Thandiwe Mokoena".to_string(), Subject::Staff),
                ("Thandiwe".to_string(), Subject::Staff)
            ]
        );
    }

    #[test]
    fn a_name_found_before_its_staff_title_is_staff() {
        let names = names_found("Hi, I'm Jovanka! Join the Q&A tonight with our nurse Jovanka.");
        let jovanka = ("Jovanka".to_string(), Subject::Staff);
        assert_eq!(names, [jovanka.clone(), jovanka]);
    }

    #[test]
    fn names_listed_after_a_staff_member_are_staff() {
        let names =
            names_found("Photo: volunteers Genoveva Ruiz-Tanaka and Lachlan Mbeki in our NICU.");
        assert!(
            names.len() == 2 && names.iter().all(|(_, s)| *s == Subject::Staff),
            "{names:?}"
        );
    }

    #[test]
    fn a_word_listed_after_a_place_is_a_place() {
        let e = Engine::new(RuleSet::builtin());
        let found = spans(
            &e,
            "Home health now serves Hyde Park, Pleasant Valley and Staatsburg.",
        );
        assert!(
            found.contains(&("Staatsburg".to_string(), "LOCATION")),
            "{found:?}"
        );
    }

    #[test]
    fn rejected_candidates_do_not_hide_later_ones() {
        let set = RuleSet::builtin();
        let e = Engine::new(set);
        let found = spans(&e, "Nurse Maria Gonzalez was admitted");
        assert!(
            found.contains(&("Maria Gonzalez".into(), "NAME")),
            "{found:?}"
        );
    }

    #[test]
    fn overlaps_keep_the_more_confident() {
        let e = Engine::new(RuleSet::builtin());
        let found = spans(&e, "fax the papers to 536 595 2204 asap");
        assert_eq!(found, vec![("536 595 2204".into(), "FAX")]);
    }

    #[test]
    fn a_part_of_a_losing_match_stands_alone() {
        // The list "Leota and Tasi" holds "Tasi" and loses to the full name "Sefa Leota":
        // "Tasi" is still a name.
        let e = Engine::new(RuleSet::builtin());
        let found = spans(&e, "Big thanks to Sefa Leota and Tasi, who donated");
        assert_eq!(
            found,
            vec![("Sefa Leota".into(), "NAME"), ("Tasi".into(), "NAME")]
        );
    }

    #[test]
    fn dictionaries_keep_the_longest_listed_prefix_and_vetoes_apply() {
        let e = engine(
            "[[rule]]\nid = \"loc.t\"\ncategory = \"LOCATION\"\ndescription = \"d\"\npattern = '\\bfrom the ((?:[A-Z][a-z]+ ?){1,3})'\ndictionary = \"us_places\"\nshrink = true\nnot_after = [\"chamber\"]\nnot_before = [\"st.\"]\n",
        );
        assert_eq!(
            spans(&e, "Thanks from the Sioux Falls Rotary"),
            vec![("Sioux Falls".into(), "LOCATION")]
        );
        assert!(spans(&e, "Thanks from the Sioux Falls Chamber").is_empty());
        assert!(vetoed_by_neighbours(
            &["st.".into()],
            &[],
            "at St. Mary's",
            7,
            11
        ));
        assert!(!vetoed_by_neighbours(
            &["st.".into()],
            &[],
            "at first Mary's",
            9,
            13
        ));
    }

    #[test]
    fn words_within_the_match_veto_it_but_not_the_identifier_itself() {
        let e = engine(
            "[[rule]]\nid = \"d.t\"\ncategory = \"DATE\"\ndescription = \"d\"\npattern = '\\bdied\\b[^.]{0,40}? on (\\w+ \\d+)'\nnot_within = [\"will be held\", \"held\"]\n",
        );
        assert_eq!(
            spans(&e, "she died at home on May 2"),
            vec![("May 2".into(), "DATE")]
        );
        assert!(spans(&e, "for those who died, a service will be held on May 2").is_empty());
        // Part of a word is no veto ("upheld"), nor is the identifier's own text.
        assert_eq!(
            spans(&e, "she died, the court upheld, on Held 2"),
            vec![("Held 2".into(), "DATE")]
        );
    }

    #[test]
    fn ascii_boundaries_do_not_split_accented_words() {
        let e = engine(
            "[[rule]]\nid = \"w.t\"\ncategory = \"NAME\"\ndescription = \"d\"\npattern = '\\b(nico)\\b'\n",
        );
        assert!(spans(&e, "Hospital Clínico").is_empty());
        assert_eq!(spans(&e, "el nico"), vec![("nico".into(), "NAME")]);
    }

    #[test]
    fn dictionary_only_rules_match_whole_words() {
        let e = engine(
            "[[rule]]\nid = \"state.t\"\ncategory = \"LOCATION\"\ndescription = \"d\"\ndictionary = \"us_states\"\n",
        );
        let found = spans(&e, "moved to Texas from texasville");
        assert_eq!(found, vec![("Texas".into(), "LOCATION")]);
    }

    #[test]
    fn offsets_stay_on_char_boundaries_with_emoji() {
        let e = Engine::new(RuleSet::builtin());
        let text = "🎂 Happy 96th birthday to our resident Rosa Delgado! 🎉 SSN 536-22-8841 ✨";
        for m in e.find(text) {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let found = spans(&e, text);
        assert!(found.contains(&("96".into(), "AGE")), "{found:?}");
        assert!(found.contains(&("536-22-8841".into(), "SSN")), "{found:?}");
    }
}
