//! Checks that confirm a candidate match: check digits, calendar dates, number plans, and
//! dictionary tests for names. A validator sees only the identifier text (the rule's capture
//! group) and answers yes or no; anything it cannot parse is a no.

use super::names;

/// A validator named in a rule file (`validator = "luhn"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validator {
    Luhn,
    Ssn,
    Npi,
    Dea,
    Vin,
    Mbi,
    CalendarDate,
    Ipv4,
    Ipv6,
    NanpPhone,
    PhoneDigits,
    AgeOver89,
    PersonName,
    PersonNameReversed,
    NameShape,
    FirstNameAlone,
    Zip,
    StreetBetweenNumbers,
    UncommonWords,
    GivenName,
    LuhnAnyIssuer,
    Town,
    PostTown,
    SpeakerLabel,
    SurnameAfterATitle,
    PlaceAfterCue,
    LowercaseNamesList,
    UnknownWord,
    UnlistedLowercase,
    NoMonthOrDay,
    ChatNameOrSurname,
    SerialNumber,
    IntroducedName,
    NamesInAList,
    NameOrNames,
    RoleMailbox,
    GeographicName,
    InitialAndSurname,
    YearsOfAgeOver89,
    Addressee,
    ChatName,
    ChatPossessive,
    PossessiveName,
    Iban,
    NicknamedName,
    NameOrChatName,
    LowercaseNamePair,
    LowercaseFirstNameAndSurname,
    PersonNotATown,
}

impl Validator {
    /// Every validator with its rule-file name.
    pub const ALL: [(&'static str, Validator); 49] = [
        ("luhn", Validator::Luhn),
        ("ssn", Validator::Ssn),
        ("npi", Validator::Npi),
        ("dea", Validator::Dea),
        ("vin", Validator::Vin),
        ("mbi", Validator::Mbi),
        ("calendar_date", Validator::CalendarDate),
        ("ipv4", Validator::Ipv4),
        ("ipv6", Validator::Ipv6),
        ("nanp_phone", Validator::NanpPhone),
        ("phone_digits", Validator::PhoneDigits),
        ("age_over_89", Validator::AgeOver89),
        ("person_name", Validator::PersonName),
        ("person_name_reversed", Validator::PersonNameReversed),
        ("name_shape", Validator::NameShape),
        ("first_name_alone", Validator::FirstNameAlone),
        ("zip", Validator::Zip),
        ("street_between_numbers", Validator::StreetBetweenNumbers),
        ("uncommon_words", Validator::UncommonWords),
        ("given_name", Validator::GivenName),
        ("luhn_any_issuer", Validator::LuhnAnyIssuer),
        ("town", Validator::Town),
        ("post_town", Validator::PostTown),
        ("speaker_label", Validator::SpeakerLabel),
        ("surname_after_a_title", Validator::SurnameAfterATitle),
        ("place_after_cue", Validator::PlaceAfterCue),
        ("lowercase_names_list", Validator::LowercaseNamesList),
        ("unknown_word", Validator::UnknownWord),
        ("unlisted_lowercase", Validator::UnlistedLowercase),
        ("no_month_or_day", Validator::NoMonthOrDay),
        ("chat_name_or_surname", Validator::ChatNameOrSurname),
        ("serial_number", Validator::SerialNumber),
        ("introduced_name", Validator::IntroducedName),
        ("names_in_a_list", Validator::NamesInAList),
        ("name_or_names", Validator::NameOrNames),
        ("role_mailbox", Validator::RoleMailbox),
        ("geographic_name", Validator::GeographicName),
        ("initial_and_surname", Validator::InitialAndSurname),
        ("years_of_age_over_89", Validator::YearsOfAgeOver89),
        ("addressee", Validator::Addressee),
        ("chat_name", Validator::ChatName),
        ("chat_possessive", Validator::ChatPossessive),
        ("possessive_name", Validator::PossessiveName),
        ("iban", Validator::Iban),
        ("nicknamed_name", Validator::NicknamedName),
        ("name_or_chat_name", Validator::NameOrChatName),
        ("lowercase_name_pair", Validator::LowercaseNamePair),
        (
            "lowercase_first_name_and_surname",
            Validator::LowercaseFirstNameAndSurname,
        ),
        ("person_not_a_town", Validator::PersonNotATown),
    ];

    /// Finds a validator by its rule-file name.
    pub fn by_name(name: &str) -> Option<Validator> {
        Validator::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    /// The rule-file name.
    pub fn name(self) -> &'static str {
        Validator::ALL
            .iter()
            .find(|(_, v)| *v == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    /// Whether every value this validator accepts holds a listed first name as a whole word
    /// (the lists hold letters only, so the word is a run of letters in the text): the engine
    /// skips such rules on a text without one, most posts, instead of trying every word.
    pub fn needs_a_first_name(self) -> bool {
        matches!(
            self,
            Validator::FirstNameAlone
                | Validator::PersonName
                | Validator::PersonNameReversed
                | Validator::LowercaseFirstNameAndSurname
        )
    }

    /// Whether `value` passes.
    pub fn check(self, value: &str) -> bool {
        match self {
            Validator::Luhn => card(value),
            Validator::Ssn => ssn(value),
            Validator::Npi => npi(value),
            Validator::Dea => dea(value),
            Validator::Vin => vin(value),
            Validator::Iban => iban(value),
            Validator::Mbi => mbi(value),
            Validator::CalendarDate => calendar_date(value),
            Validator::Ipv4 => value.parse::<std::net::Ipv4Addr>().is_ok(),
            Validator::Ipv6 => value.parse::<std::net::Ipv6Addr>().is_ok(),
            Validator::NanpPhone => nanp_phone(value),
            Validator::PhoneDigits => phone_digits(value),
            Validator::AgeOver89 => age_over_89(value),
            Validator::PersonName => names::person_name(value),
            Validator::PersonNameReversed => names::person_name_reversed(value),
            Validator::NameShape => names::name_shape(value),
            Validator::Addressee => names::in_its_case(value, names::addressee),
            Validator::ChatName => names::chat_name(value),
            Validator::ChatPossessive => names::chat_possessive(value),
            Validator::PossessiveName => names::in_its_case(value, names::possessive_name),
            Validator::NicknamedName => names::nicknamed_name(value),
            Validator::NameOrChatName => name_or_chat_name(value),
            Validator::LowercaseNamePair => names::lowercase_name_pair(value),
            Validator::PersonNotATown => {
                name_or_chat_name(value) && !names::town_more_than_a_name(value)
            }
            Validator::LowercaseFirstNameAndSurname => {
                names::lowercase_first_name_and_surname(value)
            }
            Validator::FirstNameAlone => names::first_name_alone(value),
            Validator::Zip => zip(value),
            Validator::StreetBetweenNumbers => names::street_between_numbers(value),
            Validator::UncommonWords => names::uncommon_words(value),
            Validator::GivenName => names::given_name(value),
            Validator::Town => names::town(value),
            Validator::PostTown => names::post_town(value),
            Validator::SpeakerLabel => names::speaker_label(value),
            Validator::SurnameAfterATitle => names::surname_after_a_title(value),
            Validator::PlaceAfterCue => names::place_after_cue(value),
            Validator::LowercaseNamesList => names::lowercase_names_list(value),
            Validator::UnknownWord => names::unknown_word(value),
            Validator::UnlistedLowercase => names::unlisted_lowercase(value),
            Validator::NoMonthOrDay => names::no_month_or_day(value),
            Validator::ChatNameOrSurname => names::chat_name_or_surname(value),
            Validator::SerialNumber => serial_number(value),
            Validator::IntroducedName => names::introduced_name(value),
            Validator::NamesInAList => names::names_in_a_list(value),
            Validator::NameOrNames => {
                names::name_shape(value)
                    || names::names_in_a_list(value)
                    || names::lower_case_given_name(value)
            }
            Validator::RoleMailbox => names::role_mailbox(value),
            Validator::GeographicName => names::geographic_name(value),
            Validator::InitialAndSurname => names::initial_and_surname(value),
            Validator::YearsOfAgeOver89 => years_of_age_over_89(value, current_year()),
            Validator::LuhnAnyIssuer => {
                let d = digits(value);
                (12..=19).contains(&d.len()) && d.iter().any(|&x| x != 0) && luhn(&d)
            }
        }
    }
}

/// A name as written or as a chat writes it in lower case: one lower-case word no list has as
/// English, or two that read as a first name and a surname ("ngozi eze-harrington").
fn name_or_chat_name(value: &str) -> bool {
    names::name_shape(value)
        || names::lower_case_given_name(value)
        || names::lowercase_name_pair(value)
}

fn digits(value: &str) -> Vec<u8> {
    value
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}

/// `value`'s bytes in ASCII upper case, without the `separator` its groups are written with.
fn upper_case_without(value: &str, separator: u8) -> Vec<u8> {
    value
        .bytes()
        .filter(|b| *b != separator)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

/// An international bank account number (ISO 13616): a country code, two check digits and up
/// to 30 letters and digits, in either case and in groups, whose check digits make the number
/// (first four characters moved to the end, letters counted 10 to 35) leave 1 when divided by 97.
fn iban(value: &str) -> bool {
    let compact = upper_case_without(value, b' ');
    if !(15..=34).contains(&compact.len())
        || !compact[..2].iter().all(u8::is_ascii_uppercase)
        || !compact[2..4].iter().all(u8::is_ascii_digit)
        || !compact.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let remainder = tail.iter().chain(head).fold(0u32, |rem, &c| {
        if c.is_ascii_digit() {
            (rem * 10 + u32::from(c - b'0')) % 97
        } else {
            (rem * 100 + u32::from(c - b'A') + 10) % 97
        }
    });
    remainder == 1
}

fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A payment card: 13 to 19 digits passing Luhn, starting like a card network's numbers
/// (2-6 for Mastercard, Amex, Visa, Discover, JCB and Diners; 8 for UnionPay); ids and
/// timestamps that happen to pass Luhn usually start otherwise.
fn card(value: &str) -> bool {
    let d = digits(value);
    (13..=19).contains(&d.len()) && matches!(d[0], 2..=6 | 8) && luhn(&d)
}

/// Area not 000, 666 or 9xx; group not 00; serial not 0000; not a published sample number.
fn ssn(value: &str) -> bool {
    let d = digits(value);
    if d.len() != 9 {
        return false;
    }
    let n = |r: std::ops::Range<usize>| d[r].iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
    let (area, group, serial) = (n(0..3), n(3..5), n(5..9));
    let samples = [(78, 5, 1120), (219, 9, 9999), (123, 45, 6789)];
    area != 0
        && area != 666
        && area < 900
        && group != 0
        && serial != 0
        && !samples.contains(&(area, group, serial))
}

/// NPI: ten digits, Luhn over the prefix 80840 plus the number.
fn npi(value: &str) -> bool {
    let d = digits(value);
    if d.len() != 10 || !(d[0] == 1 || d[0] == 2) {
        return false;
    }
    let mut full = vec![8, 0, 8, 4, 0];
    full.extend_from_slice(&d);
    luhn(&full)
}

/// DEA: two letters and seven digits; (d1+d3+d5) + 2(d2+d4+d6) ends in d7.
fn dea(value: &str) -> bool {
    let v = value.trim();
    let bytes = v.as_bytes();
    if bytes.len() != 9 || !bytes[..2].iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let d = digits(&v[2..]);
    if d.len() != 7 {
        return false;
    }
    let sum = u32::from(d[0] + d[2] + d[4]) + 2 * u32::from(d[1] + d[3] + d[5]);
    sum % 10 == u32::from(d[6])
}

/// VIN: 17 characters without I, O, Q, letters among them (every manufacturer code has one);
/// check digit in position 9.
fn vin(value: &str) -> bool {
    let v = value.to_ascii_uppercase();
    if v.len() != 17
        || !v.bytes().all(|b| b.is_ascii_alphanumeric())
        || v.bytes().filter(u8::is_ascii_alphabetic).count() < 2
    {
        return false;
    }
    let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let transliterate = |c: u8| -> Option<u32> {
        match c {
            b'0'..=b'9' => Some(u32::from(c - b'0')),
            b'A'..=b'H' => Some(u32::from(c - b'A') + 1),
            b'J'..=b'N' => Some(u32::from(c - b'J') + 1),
            b'P' => Some(7),
            b'R' => Some(9),
            b'S'..=b'Z' => Some(u32::from(c - b'S') + 2),
            _ => None,
        }
    };
    let mut sum = 0;
    for (i, c) in v.bytes().enumerate() {
        match transliterate(c) {
            Some(x) => sum += x * weights[i],
            None => return false,
        }
    }
    let check = sum % 11;
    let expected = if check == 10 {
        b'X'
    } else {
        b'0' + check as u8
    };
    v.as_bytes()[8] == expected
}

/// Medicare Beneficiary Identifier: 11 characters in a fixed layout, no S L O I B Z.
fn mbi(value: &str) -> bool {
    let v = upper_case_without(value, b'-');
    if v.len() != 11 {
        return false;
    }
    let letter = |c: u8| c.is_ascii_uppercase() && !b"SLOIBZ".contains(&c);
    let alnum = |c: u8| c.is_ascii_digit() || letter(c);
    (b'1'..=b'9').contains(&v[0])
        && letter(v[1])
        && alnum(v[2])
        && v[3].is_ascii_digit()
        && letter(v[4])
        && alnum(v[5])
        && v[6].is_ascii_digit()
        && letter(v[7])
        && letter(v[8])
        && v[9].is_ascii_digit()
        && v[10].is_ascii_digit()
}

/// A device's serial number, not a count or a measure that shares its shape: a number with a
/// short suffix of letters is an ordinal, a decade or a unit ("100th", "1990s", "500mg").
fn serial_number(value: &str) -> bool {
    let suffix = value.trim_start_matches(|c: char| c.is_ascii_digit());
    let measure = suffix.len() < value.len()
        && (1..=3).contains(&suffix.len())
        && suffix.bytes().all(|b| b.is_ascii_alphabetic());
    !measure
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The Spanish, Portuguese and French months whose names do not start as the English ones do
/// (enero, abril, agosto, setiembre, diciembre; fevereiro, maio, outubro, dezembro; février,
/// avril, mai, juin, juillet, août, décembre); the others (marzo, março, mars...) already do.
const OTHER_MONTHS: [(&str, u32); 16] = [
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("set", 9),
    ("dic", 12),
    ("fev", 2),
    ("fév", 2),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juil", 7),
    ("aoû", 8),
    ("aou", 8),
    ("out", 10),
    ("déc", 12),
    ("dez", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
        .or_else(|| {
            OTHER_MONTHS
                .iter()
                .find(|(m, _)| w.starts_with(m))
                .map(|&(_, n)| n)
        })
}

fn days_in_month(month: u32, year: Option<u32>) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Whether the years in `value` tell an age over 89, which Safe Harbor counts as an
/// identifier though a year alone is not: a birth year more than 89 years before `this_year`
/// ("born in 1927"), or a life's first and last years more than 89 apart ("1931–2026").
fn years_of_age_over_89(value: &str, this_year: u32) -> bool {
    let years: Vec<u32> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse().ok())
        .collect();
    match years[..] {
        [born] => this_year.saturating_sub(born) > 89,
        [born, died] => died >= born && died - born > 89 && died <= this_year,
        _ => false,
    }
}

/// The calendar year now, in UTC (from the system clock; 1970 if the clock is before it).
fn current_year() -> u32 {
    let mut days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let mut year = 1970;
    loop {
        let length = 337 + u64::from(days_in_month(2, Some(year)));
        if days < length {
            return year;
        }
        days -= length;
        year += 1;
    }
}

/// A date in any written form phiscan's rules match, checked against the calendar.
fn calendar_date(value: &str) -> bool {
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    let mut month_word = None;
    for token in value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        let digit_end = token.bytes().take_while(u8::is_ascii_digit).count();
        if digit_end > 0 {
            let Ok(n) = token[..digit_end].parse::<u32>() else {
                return false;
            };
            numbers.push((n, digit_end));
        } else if let Some(m) = month_number(token) {
            month_word = Some(m);
        }
    }
    let year_of = |(n, len): (u32, usize)| -> Option<u32> {
        match len {
            4 if (1850..=2200).contains(&n) => Some(n),
            2 => Some(2000 + n),
            _ => None,
        }
    };
    let (month, day, year) = match (month_word, numbers.as_slice()) {
        (Some(m), [d]) => (m, d.0, None),
        (Some(m), [d, y]) if d.1 <= 2 => match year_of(*y) {
            Some(y) => (m, d.0, Some(y)),
            None => return false,
        },
        (Some(m), [y, d]) if y.1 == 4 => (m, d.0, year_of(*y)),
        (None, [a, b]) => (a.0, b.0, None),
        (None, [a, b, c]) if a.1 == 4 => (b.0, c.0, year_of(*a)),
        (None, [a, b, c]) => {
            let Some(y) = year_of(*c) else { return false };
            if a.0 > 12 {
                (b.0, a.0, Some(y))
            } else {
                (a.0, b.0, Some(y))
            }
        }
        _ => return false,
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(month, year)
}

/// Area code and exchange of a North American number do not start with 0 or 1, unless the
/// number is written as nothing but a phone is: with the +1 country code or an extension
/// ("+1-903-140-4508x769"; a mistyped number is still someone's number).
fn nanp_phone(value: &str) -> bool {
    // An extension ("x204", "ext. 204") is not part of the number.
    let number = value.split(['x', 'X', 'e', 'E']).next().unwrap_or(value);
    let mut d = digits(number);
    if d.len() == 11 && d[0] == 1 {
        d.remove(0);
    }
    let written_as_a_phone = value.starts_with("+1") || number.len() < value.len();
    d.len() == 10 && (written_as_a_phone || d[0] >= 2 && d[3] >= 2)
}

/// A phone number as other countries write it: 7 to 15 digits (the ITU limit) in groups, not
/// one digit repeated, and not a date's shape (2024-03-14, 14.03.2024).
fn phone_digits(value: &str) -> bool {
    let d = digits(value);
    let groups: Vec<usize> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    let date_shape = matches!(groups.as_slice(), [4, 2, 2] | [2, 2, 4]) && !value.contains(' ');
    (7..=15).contains(&d.len()) && d.iter().any(|&x| x != d[0]) && !date_shape
}

const NUMBER_WORDS: [(&str, u32); 31] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("hundredth", 100),
    ("eleven", 11),
];

/// An age of 90 or more (Safe Harbor hides only those), in digits or words.
fn age_over_89(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    // Born ninety to ninety-nine, or a hundred and more, years ago.
    if lower.contains("centenarian") || lower.contains("nonagenarian") {
        return true;
    }
    let d = digits(&lower);
    let age = if d.is_empty() {
        let mut total = 0;
        for word in lower.split(|c: char| !c.is_ascii_alphabetic()) {
            // "ninetieth" is "ninety" as an ordinal.
            let word = word
                .strip_suffix("ieth")
                .map_or_else(|| word.to_string(), |w| format!("{w}y"));
            if let Some((_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
                total = if *n == 100 {
                    total.max(1) * 100
                } else {
                    total + n
                };
            }
        }
        total
    } else {
        d.iter().fold(0u32, |a, &x| {
            a.saturating_mul(10).saturating_add(u32::from(x))
        })
    };
    (90..=125).contains(&age)
}

/// Five digits that are not all zeros (ZIP+4 allowed).
fn zip(value: &str) -> bool {
    let d = digits(value);
    (d.len() == 5 || d.len() == 9) && d[..5].iter().any(|&x| x != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(v: Validator, good: &[&str], bad: &[&str]) {
        for g in good {
            assert!(v.check(g), "{} should accept {g:?}", v.name());
        }
        for b in bad {
            assert!(!v.check(b), "{} should reject {b:?}", v.name());
        }
    }

    #[test]
    fn serial_numbers_are_not_counts_or_measures() {
        table(
            Validator::SerialNumber,
            &[
                "SNLEL5BXF7",
                "6DUL-KVTS-J",
                "12345",
                "4471923ABCD",
                "PJN-4471923",
            ],
            &["100th", "1990s", "500mg", "21st"],
        );
    }

    #[test]
    fn iban_check_digits() {
        table(
            Validator::Iban,
            &[
                "GB82 WEST 1234 5698 7654 32",
                "DE89370400440532013000",
                "gb42nawi04454264788619",
            ],
            &[
                "GB83 WEST 1234 5698 7654 32",
                "DE89370400440532013001",
                "GB82",
                "1282WEST12345698765432",
            ],
        );
    }

    #[test]
    fn luhn_cards() {
        table(
            Validator::Luhn,
            &["4111 1111 1111 1111", "6011759751049045", "378873722142605"],
            &["4111 1111 1111 1112", "1234", "0000", "18000000000000002"],
        );
        table(
            Validator::LuhnAnyIssuer,
            &["501864667909", "180016070420458", "4111111111111111"],
            &[
                "501864667908",
                "000000000000",
                "12345",
                "4111 1111 1111 1112",
            ],
        );
    }

    #[test]
    fn ssn_rules() {
        table(
            Validator::Ssn,
            &["536-22-8841", "275 41 8034", "149967460"],
            &[
                "000-12-3456",
                "666-12-3456",
                "912-12-3456",
                "123-00-4567",
                "123-45-0000",
                "078-05-1120",
                "219-09-9999",
                "12-345-678",
            ],
        );
    }

    #[test]
    fn npi_and_dea() {
        table(
            Validator::Npi,
            &["1234567893"],
            &["1234567890", "123456789"],
        );
        table(Validator::Dea, &["AB1234563"], &["AB1234567", "A11234563"]);
    }

    #[test]
    fn vin_and_mbi() {
        table(
            Validator::Vin,
            &["1M8GDM9AXKP042788"],
            &["1M8GDM9A1KP042788", "1M8GDM9AXKP04278", "18000000000000001"],
        );
        table(
            Validator::Mbi,
            &["1EG4-TE5-MK73", "1EG4TE5MK73"],
            &["1SG4TE5MK73", "0EG4TE5MK73", "1EG4TE5MK7"],
        );
    }

    #[test]
    fn dates_in_the_calendar() {
        table(
            Validator::CalendarDate,
            &[
                "03/14/1951",
                "2/29/2024",
                "2024-02-29",
                "June 15",
                "Feb 10, 2024",
                "the 3rd of May",
                "22-DEC-2021",
                "4/26",
                "14/03/1951",
                "9-10-2022",
                "Sunday, March 3rd, 2024",
            ],
            &[
                "2/30/2024",
                "2/29/2023",
                "13/13/2020",
                "June 31",
                "0/12",
                "3/4/5000",
            ],
        );
    }

    #[test]
    fn ips_and_phones() {
        table(Validator::Ipv4, &["192.168.1.20"], &["256.1.1.1", "1.2.3"]);
        table(
            Validator::Ipv6,
            &["2001:db8::1", "132c:be1a:7b:6f6e:9102:990b:3310:8c46"],
            &["12:30:45", "zz::1::2"],
        );
        table(
            Validator::NanpPhone,
            &["(617) 555-0142", "+1 617 555 0142", "1-368-903-8358"],
            &["(017) 555-0142", "617 155 0142", "555-0142"],
        );
        table(
            Validator::PhoneDigits,
            &["0490 75 40 81", "(08) 8747 6301", "60-56-85-91", "467 3395"],
            &[
                "2024-03-14",
                "14.03.2024",
                "555 55 55",
                "12 34",
                "1234 5678 9012 3456 7",
            ],
        );
    }

    #[test]
    fn years_that_tell_an_age_over_89() {
        assert!(years_of_age_over_89("1927", 2026));
        assert!(!years_of_age_over_89("1937", 2026));
        assert!(years_of_age_over_89("1931–2026", 2026));
        assert!(!years_of_age_over_89("1950-2026", 2026));
        assert!(!years_of_age_over_89("1931-2030", 2026));
        assert!(current_year() >= 2026);
    }

    #[test]
    fn ages_over_89() {
        table(
            Validator::AgeOver89,
            &[
                "96",
                "101",
                "ninety-four",
                "one hundred",
                "centenarian",
                "95yo",
            ],
            &["89", "45", "eighty-nine", "300"],
        );
    }

    #[test]
    fn zips() {
        table(Validator::Zip, &["02139", "62184-5366"], &["00000", "1234"]);
    }
}
