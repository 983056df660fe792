//! Writes a deterministic benchmark corpus of hospital social posts: NDJSON, an X/Twitter
//! `tweets.js` archive and plain text, each of about the requested size.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --size 100M --out bench/out
//! ```
//!
//! About a third of the posts carry identifiers (names with a diagnosis, dates of birth, MRNs,
//! phones, ages over 89, addresses); the rest are the announcements, health tips and staff
//! shout-outs a hospital account posts every day. Emoji and curly quotes are everywhere, as on
//! real accounts: they are what pushes regex engines off their fast paths. The same seed and
//! size always give the same bytes, so figures from two runs compare.

use phiscan::rules::dictionaries::Dictionary;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Post shapes with slots: {first} {last} {date} {phone} {mrn} {ssn} {age} {street} {email}
/// {link} {emoji} {n}. Identifier-free shapes outnumber the others about two to one.
const WITH_IDENTIFIERS: &[&str] = &[
    "Please keep {first} {last} in your prayers 🙏 diagnosed with leukemia on {date}. {emoji}",
    "Happy {age}th birthday to our resident {first} {last}! {emoji} The memory-care unit threw a party.",
    "Welcome to the world, baby {first}! Born {date} in our NICU, 6 lbs 4 oz {emoji}",
    "Update on {first} {last} (MRN {mrn}): discharged home after knee replacement surgery.",
    "{first} {last}, DOB {date}, please call the clinic at {phone} about your lab results.",
    "Congrats to {first} on finishing chemo! Ring that bell 🔔 {emoji} #cancersurvivor",
    "Patient {first} {last} was admitted to the ICU last night; family asks for privacy.",
    "In loving memory of {first} {last}, {age}, who passed away in our hospice on {date}.",
    "Send the records for {first} {last} to {email} — SSN {ssn}, fax {phone}.",
    "{first} {last} of {street} turned {age} today on the rehab floor {emoji}",
    "Rooting for {first} {last} after her stroke ❤️ donations: {link}",
    "“We couldn’t have done it without you” – {first} {last}’s family, after 3 weeks in the burn unit.",
];

const WITHOUT_IDENTIFIERS: &[&str] = &[
    "Flu shots are free this Saturday from 9am to 1pm in the main lobby {emoji} No appointment needed.",
    "Our cardiology team performed {n} procedures last year. Thank you for trusting us with your heart ❤️",
    "Drink water, wear sunscreen, and check on your neighbours during the heat wave ☀️ {emoji}",
    "Join us for the annual gala on {date} at the Riverside Pavilion. Tickets: {link}",
    "Visiting hours change next week: 9am–8pm daily. Masks are optional in public areas.",
    "We’re hiring nurses! Night shifts, sign-on bonus, tuition support. Apply at {link} {emoji}",
    "Did you know? A 3/4 cup of oatmeal has 4 grams of fiber. Small steps add up 🥣",
    "Thank you to Dr. {last} and the whole ED team for {n} years of service {emoji}",
    "Blood pressure goal for most adults: below 120/80. Ask your doctor what’s right for you.",
    "Our new parking garage opens Monday. Follow the signs from Main Street {emoji}",
    "{n} babies were born here in 2023 — what a year for our maternity team! 👶",
    "Mental health matters. Call or text 988 any time, day or night 💚",
    "Version 2.4 of our patient app is out: refill requests and shorter check-in {emoji}",
    "Congratulations to our Nurse of the Year, {first} {last}, RN! 🏆",
    "Sunny morning at the community garden 🌻 volunteers welcome every Thursday.",
    "Stroke signs: face drooping, arm weakness, speech difficulty — time to call 911.",
    "The cafeteria has a new salad bar 🥗 open 7 days a week, 11am to 7pm.",
    "Free diabetes education class on {date}, room 204 of the outpatient center. {emoji}",
    "We’re proud to be ranked among the top {n} hospitals in the region this year 🎉",
    "Parking tip: the blue lot fills by 8am; the shuttle runs every 10 minutes 🚐",
    "Handwashing takes 20 seconds. Sing happy birthday twice 🧼 {emoji}",
    "Our volunteers logged {n} hours this year. We could not do it without you 💙",
    "New MRI suite now open — quieter, faster scans and a view of the garden.",
    "Reminder: the pharmacy drive-through closes at 6pm on weekdays {emoji}",
];

const EMOJI: &[&str] = &["🎉", "💙", "🙏", "❤️", "🏥", "✨", "👏", "🌷", "🎂", "😊"];
const STREETS: &[&str] = &[
    "Maple Ave",
    "Oak Street",
    "Lakeview Dr",
    "Pine Rd",
    "Elm Blvd",
    "River Ln",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// SplitMix64: tiny, fast and fully determined by its seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// Writes post texts in turn until their total reaches `budget` bytes.
struct Posts {
    random: Random,
    first_names: Vec<String>,
    surnames: Vec<String>,
}

impl Posts {
    fn new() -> Posts {
        let capitalised = |w: &str| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        };
        // Frequent names, plus invented ones no dictionary lists.
        let mut first_names: Vec<String> = Dictionary::FIRST_NAMES
            .entries()
            .take(1500)
            .map(capitalised)
            .collect();
        let mut surnames: Vec<String> = Dictionary::SURNAMES
            .entries()
            .take(3000)
            .map(capitalised)
            .collect();
        let mut random = Random(0x005E_ED0F_F1CE);
        let syllables: [&str; 10] = [
            "ka", "lo", "ri", "zan", "mel", "do", "vey", "tor", "qui", "ash",
        ];
        for _ in 0..300 {
            let invented = |r: &mut Random| {
                let word: String = (0..2 + r.below(2)).map(|_| r.pick(&syllables)).collect();
                capitalised(&word)
            };
            first_names.push(invented(&mut random));
            surnames.push(invented(&mut random));
        }
        Posts {
            random,
            first_names,
            surnames,
        }
    }

    fn next_post(&mut self) -> String {
        let r = &mut self.random;
        let template = if r.below(3) == 0 {
            r.pick(WITH_IDENTIFIERS)
        } else {
            r.pick(WITHOUT_IDENTIFIERS)
        };
        let mut post = String::with_capacity(template.len() + 40);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            post.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("slots are closed");
            let slot = &rest[open + 1..close];
            let value = match slot {
                "first" => self.first_names[r.below(self.first_names.len())].clone(),
                "last" => self.surnames[r.below(self.surnames.len())].clone(),
                "date" => format!(
                    "{} {}, {}",
                    r.pick(MONTHS),
                    1 + r.below(28),
                    1930 + r.below(95)
                ),
                "phone" => format!(
                    "({}) {}-{:04}",
                    201 + r.below(700),
                    200 + r.below(700),
                    r.below(10_000)
                ),
                "mrn" => format!("{:08}", r.below(100_000_000)),
                "ssn" => format!(
                    "{}-{:02}-{:04}",
                    100 + r.below(560),
                    1 + r.below(98),
                    1 + r.below(9998)
                ),
                "age" => (90 + r.below(15)).to_string(),
                "street" => format!("{} {}", 10 + r.below(9000), r.pick(STREETS)),
                "email" => format!("records{}@example-clinic.org", r.below(100)),
                "link" => format!("https://example-health.org/p/{:x}", r.next() % 0xFFFFFF),
                "emoji" => r.pick(EMOJI).to_string(),
                "n" => (2 + r.below(900)).to_string(),
                other => unreachable!("unknown slot {other}"),
            };
            post.push_str(&value);
            rest = &rest[close + 1..];
        }
        post.push_str(rest);
        post
    }
}

fn parse_size(text: &str) -> Option<u64> {
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    let scale = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1 << 10,
        "M" | "MB" => 1 << 20,
        "G" | "GB" => 1 << 30,
        _ => return None,
    };
    digits.parse::<u64>().ok().map(|n| n * scale)
}

fn write_corpus(out: &PathBuf, size: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut ndjson = BufWriter::new(File::create(out.join("posts.ndjson"))?);
    let mut posts = Posts::new();
    let mut written = 0u64;
    let mut id = 0u64;
    while written < size {
        let line = serde_json::json!({
            "id": format!("p-{id:08}"),
            "created_at": "2024-03-01T12:00:00Z",
            "text": posts.next_post(),
        })
        .to_string();
        writeln!(ndjson, "{line}")?;
        written += line.len() as u64 + 1;
        id += 1;
    }
    ndjson.flush()?;

    let mut tweets = BufWriter::new(File::create(out.join("tweets.js"))?);
    write!(tweets, "window.YTD.tweets.part0 = [")?;
    let mut posts = Posts::new();
    let mut written = 0u64;
    let mut id = 1_700_000_000_000_000_000u64;
    while written < size {
        let record = serde_json::json!({"tweet": {
            "id_str": id.to_string(),
            "created_at": "Fri Mar 01 12:00:00 +0000 2024",
            "full_text": posts.next_post(),
            "lang": "en",
        }});
        let text = serde_json::to_string_pretty(&record).expect("JSON values serialise");
        let separator = if written == 0 { "\n" } else { ",\n" };
        write!(tweets, "{separator}{text}")?;
        written += (separator.len() + text.len()) as u64;
        id += 1;
    }
    writeln!(tweets, "\n]")?;
    tweets.flush()?;

    let mut plain = BufWriter::new(File::create(out.join("posts.txt"))?);
    let mut posts = Posts::new();
    let mut written = 0u64;
    while written < size {
        let post = posts.next_post();
        writeln!(plain, "{post}\n")?;
        written += post.len() as u64 + 2;
    }
    plain.flush()
}

fn main() {
    let mut size = 10 << 20;
    let mut out = PathBuf::from("bench/out");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--size", Some(value)) => match parse_size(&value) {
                Some(bytes) => size = bytes,
                None => {
                    eprintln!(
                        "gen-corpus: --size takes a number with an optional K, M or G: {value:?}"
                    );
                    std::process::exit(2);
                }
            },
            ("--out", Some(value)) => out = PathBuf::from(value),
            _ => {
                eprintln!("usage: gen-corpus [--size 100M] [--out bench/out]");
                std::process::exit(2);
            }
        }
    }
    if let Err(e) = write_corpus(&out, size) {
        eprintln!("gen-corpus: cannot write to {}: {e}", out.display());
        std::process::exit(2);
    }
}
