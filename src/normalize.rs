//! Undoes the tricks people use to slip an identifier past a filter, before detection:
//! zero-width characters inside a name or number, full-width and mathematical look-alike
//! letters and digits, digits of other scripts, digits spaced or dotted out one by one
//! ("5 3 6 - 2 2 - 8 8 4 1"), letters dotted out ("m.r.n."), the letter O among the digits of
//! a number ("4821O377"), HTML entities and percent-encoding in plain text, and a name broken
//! over two lines.
//!
//! The engine then sees "536-22-8841"; every offset still maps back to the exact characters the
//! user wrote (the document's shifts are composed with the edits made here), so locations,
//! masks and redactions cover the original. Reports show the normalised text, masked.

use crate::document::{Document, Piece, realign};
use crate::inputs::html::decode_entity;
use std::borrow::Cow;

/// The document with its text normalised, or the document itself when there was nothing to do.
pub fn normalize(doc: &Document) -> Cow<'_, Document> {
    let mut pieces = Vec::with_capacity(doc.pieces.len());
    let mut text = String::new();
    let mut changed = false;
    for (index, piece) in doc.pieces.iter().enumerate() {
        let end = doc
            .pieces
            .get(index + 1)
            .map_or(doc.text.len(), |next| next.start - 1);
        let original = &doc.text[piece.start..end.max(piece.start)];
        if index > 0 {
            text.push('\n');
        }
        let start = text.len();
        match normalize_text(original) {
            None => {
                text.push_str(original);
                pieces.push(Piece {
                    start,
                    ..piece.clone()
                });
            }
            Some((normalised, edits)) => {
                changed = true;
                text.push_str(&normalised);
                pieces.push(Piece {
                    start,
                    field: piece.field.clone(),
                    source_start: piece.source_start,
                    shifts: compose(&edits, &piece.shifts),
                });
            }
        }
    }
    if !changed {
        return Cow::Borrowed(doc);
    }
    Cow::Owned(Document {
        record: doc.record.clone(),
        has_photo: doc.has_photo,
        text,
        pieces,
    })
}

/// Shifts from normalised text straight to the source: `edits` map normalised offsets to the
/// decoded text, `shifts` decoded text to the source (both as in [`Piece::shifts`]).
fn compose(edits: &[(usize, usize)], shifts: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let to_decoded = |offset: usize| realign(edits, offset);
    let mut out: Vec<(usize, usize)> = edits
        .iter()
        .map(|&(normalised, decoded)| (normalised, realign(shifts, decoded)))
        .collect();
    for &(decoded, source) in shifts {
        // The normalised offset that lands on `decoded`, where one does.
        let index = edits.partition_point(|&(_, d)| d <= decoded);
        let (n0, d0) = index.checked_sub(1).map_or((0, 0), |i| edits[i]);
        let normalised = n0 + (decoded - d0);
        if to_decoded(normalised) == decoded {
            out.push((normalised, source));
        }
    }
    out.sort_unstable();
    out.dedup_by_key(|(normalised, _)| *normalised);
    out
}

/// A look-alike character's plain ASCII form: full-width forms, digits of other scripts,
/// mathematical bold, italic, script and monospace letters and digits.
fn plain(c: char) -> Option<char> {
    let code = c as u32;
    const DIGIT_ZEROS: [u32; 16] = [
        0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xE50, 0xED0,
        0xF20, 0x1040, 0x17E0,
    ];
    let ascii = |offset: u32| char::from_u32(offset);
    match code {
        0xFF01..=0xFF5E => ascii(code - 0xFEE0),
        0x3000 => Some(' '),
        0x1D7CE..=0x1D7FF => ascii(u32::from(b'0') + (code - 0x1D7CE) % 10),
        0x1D400..=0x1D6A3 => {
            let index = (code - 0x1D400) % 52;
            if index < 26 {
                ascii(u32::from(b'A') + index)
            } else {
                ascii(u32::from(b'a') + index - 26)
            }
        }
        _ => DIGIT_ZEROS
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&code))
            .and_then(|zero| ascii(u32::from(b'0') + code - zero)),
    }
}

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// How many words a line must have emoji between before they count as spaces ("KOFI 🎈 IS 🎈
/// GOING 🎈 HOME"): one emoji between two words is only decoration.
const MIN_SEPARATORS: usize = 2;

/// Whether `c` is an emoji or a pictographic symbol, or a character that joins or styles one.
fn pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D)
}

/// The length of the emoji run at `at` and the space after it, when the run stands alone
/// between two words ("IS 🎈 GOING"), as a space does.
fn emoji_separator_at(text: &str, at: usize) -> Option<usize> {
    let word_before = text[..at].strip_suffix(' ')?.chars().next_back();
    let run = text[at..]
        .find(|c: char| !pictograph(c))
        .unwrap_or(text.len() - at);
    let word_after = text[at + run..].strip_prefix(' ')?.chars().next();
    (word_before.is_some_and(char::is_alphanumeric)
        && word_after.is_some_and(char::is_alphanumeric))
    .then_some(run + 1)
}

/// Where `line` has emoji standing between two words.
fn emoji_separators(line: &str) -> impl Iterator<Item = usize> + '_ {
    line.char_indices()
        .filter(|&(at, c)| pictograph(c) && !line[..at].ends_with(|p: char| pictograph(p)))
        .filter_map(|(at, _)| emoji_separator_at(line, at))
}

/// The most pieces a spelled-out run may have (an identifier has far fewer).
const MAX_UNITS: usize = 64;

/// What replaces a stretch of text: pieces of output, each with the bytes of input it stands
/// for, so that every character of the output maps back to its own place in the input.
type Units = Vec<(String, usize)>;

/// Digits spaced or dotted out one by one, at the start of `text`, when there are at least
/// five: each digit stands for itself, spaces and dots for nothing, a spaced hyphen for "-".
fn spaced_digits(text: &str) -> Option<Units> {
    let bytes = text.as_bytes();
    let mut units: Units = Vec::new();
    let mut at = 0;
    let mut spread = false;
    loop {
        // Longer runs are no identifier, and a cap keeps a page of them linear to scan.
        if !bytes.get(at).is_some_and(u8::is_ascii_digit) || units.len() > MAX_UNITS {
            return None;
        }
        units.push(((bytes[at] as char).to_string(), 1));
        at += 1;
        if bytes.get(at).is_some_and(u8::is_ascii_digit) {
            // A digit next to a digit: an ordinary number, not one spelled out.
            return None;
        }
        // The separator: one space or dot, or a hyphen with a space on either side or none.
        let rest = &bytes[at..];
        let (separator, hyphen) = match rest {
            [b' ', b'-', b' ', d, ..] | [b' ', b'-', d, ..] | [b'-', b' ', d, ..]
                if d.is_ascii_digit() =>
            {
                (rest.iter().take_while(|b| **b != *d).count(), true)
            }
            [b'-', d, ..] if d.is_ascii_digit() => (1, true),
            [b' ' | b'.', d, ..] if d.is_ascii_digit() => {
                spread = true;
                (1, false)
            }
            _ => break,
        };
        units.push((if hyphen { "-" } else { "" }.to_string(), separator));
        at += separator;
    }
    let digits = units
        .iter()
        .filter(|(u, _)| u.len() == 1 && u != "-")
        .count();
    (spread && digits >= 5).then_some(units)
}

/// Letters dotted out ("m.r.n.", "S.S.N"), at the start of `text`, when there are at least
/// three: each letter stands for itself, each dot for nothing.
fn dotted_letters(text: &str) -> Option<Units> {
    let bytes = text.as_bytes();
    let mut units: Units = Vec::new();
    let mut letters = 0;
    let mut at = 0;
    while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        if units.len() > MAX_UNITS {
            return None;
        }
        let letter = ((bytes[at] as char).to_string(), 1);
        if bytes.get(at + 1) == Some(&b'.') {
            units.extend([letter, (String::new(), 1)]);
            at += 2;
        } else if !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) && letters >= 2 {
            units.push(letter);
            at += 1;
            letters += 1;
            break;
        } else {
            break;
        }
        letters += 1;
    }
    let next_is_word = bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    (letters >= 3 && !next_is_word).then_some(units)
}

/// A number with the letter O (or l, I) typed for a digit ("4821O377"): at least four real
/// digits and at most two stand-ins, nothing else.
fn digits_with_letters(token: &str) -> Option<String> {
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    let stand_ins = token
        .bytes()
        .filter(|b| matches!(b, b'O' | b'o' | b'l' | b'I'))
        .count();
    if digits < 4 || stand_ins == 0 || stand_ins > 2 || digits + stand_ins != token.len() {
        return None;
    }
    Some(
        token
            .chars()
            .map(|c| match c {
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                c => c,
            })
            .collect(),
    )
}

/// Whether the character `c` at `at` follows a separator after a lone character of its kind
/// ("5 3", "m.r"): a run not spelled out from its start is not one from its middle either.
fn inside_a_run(text: &str, at: usize, c: char) -> bool {
    let mut before = text[..at].chars().rev();
    matches!(
        (before.next(), before.next(), before.next()),
        (Some(' ' | '.'), Some(unit), previous)
            if unit.is_ascii_alphanumeric()
                && unit.is_ascii_digit() == c.is_ascii_digit()
                && !previous.is_some_and(char::is_alphanumeric)
    )
}

/// Whether the word around `at` is a web address, where percent-encoding is the address's own.
fn in_web_address(text: &str, at: usize) -> bool {
    // Only the last 2 KiB are looked at, so that a page-long token stays linear to scan.
    let window = text.floor_char_boundary(at.saturating_sub(2048));
    // Whitespace may be wider than a byte (U+2000 is three).
    let start = text[window..at]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(window, |(space, c)| window + space + c.len_utf8());
    let word = &text[start..];
    word.starts_with("http") || word.starts_with("www.") || text[start..at].contains("://")
}

/// The normalised text and its edits as `(normalised_offset, original_offset)` pairs where the
/// two realign, or `None` when nothing needed changing.
fn normalize_text(text: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let mut out: Option<String> = None;
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    // The end of the line last looked at for emoji between its words, and whether it has them.
    let mut separated_line: Option<(usize, bool)> = None;
    while at < text.len() {
        let c = text[at..]
            .chars()
            .next()
            .expect("at is a character boundary");
        let previous_alphanumeric = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let one = |with: String, used: usize| Some(vec![(with, used)]);
        let replacement: Option<Units> = if !c.is_ascii() {
            if invisible(c) {
                one(String::new(), c.len_utf8())
            } else if pictograph(c) {
                // Each line is looked at once, however many emoji it holds.
                if separated_line.is_none_or(|(end, _)| at > end) {
                    let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                    let separators = emoji_separators(&text[line_start..line_end]).count();
                    separated_line = Some((line_end, separators >= MIN_SEPARATORS));
                }
                separated_line
                    .filter(|&(_, separated)| separated)
                    .and_then(|_| emoji_separator_at(text, at))
                    .and_then(|used| one(String::new(), used))
            } else {
                plain(c).and_then(|p| one(p.to_string(), c.len_utf8()))
            }
        } else if c == '&' {
            decode_entity(&text[at..]).and_then(|(d, used)| one(d.to_string(), used))
        } else if c == '%' && !in_web_address(text, at) {
            text.get(at + 1..at + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .filter(|b| b.is_ascii_graphic() || *b == b' ')
                .and_then(|b| one((b as char).to_string(), 3))
        } else if c == '\n' {
            // A name broken over two lines: a lone line break between two words, where the
            // second is no field label ("Name: Sunny\nAge: 7"). Not after a number: a line
            // ending in a house or unit number is an address's, whose next line is its town
            // ("Skoanveien 226\nFAUSKE nan 8200"), and address rules read the break.
            let previous_letter = text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            let next_upper = bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase);
            let label_next = text[at + 1..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|word| text[at + 1 + word.len()..].starts_with(':'));
            if previous_letter && next_upper && !label_next {
                one(" ".to_string(), 1)
            } else {
                None
            }
        } else if previous_alphanumeric || inside_a_run(text, at, c) {
            None
        } else if c.is_ascii_digit() {
            spaced_digits(&text[at..]).or_else(|| {
                let token_end = text[at..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(text.len(), |n| at + n);
                digits_with_letters(&text[at..token_end]).and_then(|d| one(d, token_end - at))
            })
        } else if c.is_ascii_alphabetic() {
            dotted_letters(&text[at..])
        } else {
            None
        };
        let Some(units) = replacement else {
            at += c.len_utf8();
            continue;
        };
        let buffer = out.get_or_insert_with(|| String::with_capacity(text.len()));
        buffer.push_str(&text[copied..at]);
        for (with, used) in units {
            buffer.push_str(&with);
            at += used;
            if with.len() != used {
                edits.push((buffer.len(), at));
            }
        }
        copied = at;
    }
    if let Some(buffer) = out.as_mut() {
        buffer.push_str(&text[copied..]);
    }
    out.map(|out| (out, edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normal(text: &str) -> String {
        normalize_text(text).map_or_else(|| text.to_string(), |(n, _)| n)
    }

    #[test]
    fn evasions_are_undone() {
        assert_eq!(normal("SSN ５３６－２２－８８４１"), "SSN 536-22-8841");
        assert_eq!(normal("SSN 5 3 6 - 2 2 - 8 8 4 1 ok"), "SSN 536-22-8841 ok");
        assert_eq!(normal("is a 5 3 6 2 2 8 8 4 1"), "is a 536228841");
        assert_eq!(normal("call 5.5.5.0.1.0.2.0.0.0"), "call 5550102000");
        assert_eq!(normal("Ma\u{200B}ria Gon\u{200D}zalez"), "Maria Gonzalez");
        assert_eq!(normal("m.r.n. 4821O377"), "mrn 48210377");
        assert_eq!(normal("M.R.N: 48213377"), "MRN: 48213377");
        assert_eq!(normal("𝐌𝐚𝐫𝐢𝐚 ٤٨٢١٣٣٧٧"), "Maria 48213377");
        assert_eq!(normal("Maria&#32;Gonzalez &amp; co"), "Maria Gonzalez & co");
        assert_eq!(normal("Maria%20Gonzalez"), "Maria Gonzalez");
        assert_eq!(
            normal("Thanks Maria\nGonzalez family"),
            "Thanks Maria Gonzalez family"
        );
        assert_eq!(
            normal("🎈🎈 KOFI 🎈🎈 IS 🎈 GOING 🎈 HOME 🎈 after 63 days"),
            "🎈🎈 KOFI IS GOING HOME after 63 days"
        );
    }

    #[test]
    fn long_runs_stay_as_they_are_and_cost_linear_time() {
        let run = "1 ".repeat(100_000) + "23";
        assert_eq!(normal(&run), run);
        let dots = "a.".repeat(100_000);
        assert_eq!(normal(&dots), dots);
        let percents = "x%".repeat(100_000);
        assert_eq!(normal(&percents), percents);
        let emoji = "a 🎉 ".repeat(100_000);
        assert_eq!(normal(&emoji), "a ".repeat(99_999) + "a 🎉 ");
    }

    #[test]
    fn percent_encoding_after_a_wide_space() {
        // U+2000 is whitespace three bytes wide; the word after it starts past all three.
        assert_eq!(normal("MRN\u{2000}%41"), "MRN\u{2000}A");
        assert_eq!(
            normal("see\u{2000}https://x.org/%41"),
            "see\u{2000}https://x.org/%41"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            "Call 555-010-2000 or visit https://example.org/a%20b today",
            "Dose 1.5 mg at 9 a.m. on 3/4, e.g. with food; v2.1.3",
            "Route 66, 8.8.8.8, 1 2 3 go, the OK Corral, 2 Lots",
            "Line one.\nLine two\n\nNew paragraph 🎉 café",
            "Room 12O is open",
            "Name: Sunny\nAge: 7",
            "Skoanveien 226\nFAUSKE nan 8200",
            "Go team 🎉 see you Friday",
            "Kofi 🎉 Maria\nand 🎉 more fun",
        ] {
            assert_eq!(normal(text), text, "{text}");
        }
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let original = "id ５３６－２２－８８４１ and Ma\u{200B}ria";
        let doc = Document::plain(original.to_string());
        let normalised = normalize(&doc);
        assert_eq!(normalised.text, "id 536-22-8841 and Maria");
        let ssn = normalised.text.find("536").unwrap();
        let (start, end) = (
            normalised.source_offset(ssn),
            normalised.source_offset(ssn + "536-22-8841".len()),
        );
        assert_eq!(&original[start..end], "５３６－２２－８８４１");
        let name = normalised.text.find("Maria").unwrap();
        let (start, end) = (
            normalised.source_offset(name),
            normalised.source_offset(name + 5),
        );
        assert_eq!(&original[start..end], "Ma\u{200B}ria");
    }
}
