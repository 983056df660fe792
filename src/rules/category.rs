//! The Safe Harbor categories a finding can belong to, named exactly as the corpus labels are.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One identifier category. The names are the labels of `../shared/corpora` so that `eval`
/// compares like with like; the Safe Harbor letter is the paragraph of 45 CFR 164.514(b)(2)(i).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    Name,
    Address,
    Location,
    Zip,
    Date,
    Age,
    Phone,
    Fax,
    Email,
    Ssn,
    Mrn,
    HealthPlan,
    Account,
    CreditCard,
    License,
    Vehicle,
    Device,
    Url,
    Ip,
    Biometric,
    OtherId,
}

impl Category {
    /// Every category, in the order reports list them.
    pub const ALL: [Category; 21] = [
        Category::Name,
        Category::Address,
        Category::Location,
        Category::Zip,
        Category::Date,
        Category::Age,
        Category::Phone,
        Category::Fax,
        Category::Email,
        Category::Ssn,
        Category::Mrn,
        Category::HealthPlan,
        Category::Account,
        Category::CreditCard,
        Category::License,
        Category::Vehicle,
        Category::Device,
        Category::Url,
        Category::Ip,
        Category::Biometric,
        Category::OtherId,
    ];

    /// The corpus label, e.g. `HEALTH_PLAN`.
    pub fn label(self) -> &'static str {
        match self {
            Category::Name => "NAME",
            Category::Address => "ADDRESS",
            Category::Location => "LOCATION",
            Category::Zip => "ZIP",
            Category::Date => "DATE",
            Category::Age => "AGE",
            Category::Phone => "PHONE",
            Category::Fax => "FAX",
            Category::Email => "EMAIL",
            Category::Ssn => "SSN",
            Category::Mrn => "MRN",
            Category::HealthPlan => "HEALTH_PLAN",
            Category::Account => "ACCOUNT",
            Category::CreditCard => "CREDIT_CARD",
            Category::License => "LICENSE",
            Category::Vehicle => "VEHICLE",
            Category::Device => "DEVICE",
            Category::Url => "URL",
            Category::Ip => "IP",
            Category::Biometric => "BIOMETRIC",
            Category::OtherId => "OTHER_ID",
        }
    }

    /// Parses a corpus label; `None` for anything else (including `IGNORE`).
    pub fn from_label(label: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.label() == label)
    }

    /// The Safe Harbor paragraph letter this category falls under.
    pub fn safe_harbor_letter(self) -> char {
        match self {
            Category::Name => 'A',
            Category::Address | Category::Location | Category::Zip => 'B',
            Category::Date | Category::Age => 'C',
            Category::Phone => 'D',
            Category::Fax => 'E',
            Category::Email => 'F',
            Category::Ssn => 'G',
            Category::Mrn => 'H',
            Category::HealthPlan => 'I',
            Category::Account | Category::CreditCard => 'J',
            Category::License => 'K',
            Category::Vehicle => 'L',
            Category::Device => 'M',
            Category::Url => 'N',
            Category::Ip => 'O',
            Category::Biometric => 'P',
            Category::OtherId => 'R',
        }
    }

    /// How much an identifier of this kind says about who a post is about.
    pub fn reach(self) -> Reach {
        match self {
            Category::Date | Category::Location | Category::Zip | Category::Url => Reach::Context,
            Category::Address | Category::Phone | Category::Fax | Category::Ip => Reach::Contact,
            _ => Reach::Person,
        }
    }

    /// What to do about a finding of this category, in plain words for the person posting.
    pub fn fix(self) -> &'static str {
        match self {
            Category::Name => {
                "Remove the name, or keep it only with the person's written HIPAA authorization on file."
            }
            Category::Address | Category::Location | Category::Zip => {
                "Remove the place, or keep only the state; it is fine to give the hospital's own address."
            }
            Category::Date => "Remove the day and month, or keep only the year.",
            Category::Age => "Write \"90 or older\" instead of the exact age.",
            Category::Phone | Category::Fax => {
                "Remove the number unless it is the organisation's own public line."
            }
            Category::Email => {
                "Remove the address unless it is the organisation's own public mailbox."
            }
            Category::Url => {
                "Remove the link unless it points to the organisation's own public page."
            }
            Category::Ip => "Remove the IP address.",
            _ => "Remove the number; it identifies a person and must never be posted.",
        }
    }
}

/// What an identifier can point at on its own. A rule may set it (`reach = "person"` for a date
/// of birth, `"weak"` for a first name alone); otherwise its category decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reach {
    /// One person: a name, an age over 89, an account or record number, an email address.
    Person,
    /// A person, but not uniquely: a first name alone.
    Weak,
    /// A person, or the organisation itself: an address, a phone or fax number, an IP address.
    Contact,
    /// No one without a person beside it: a date, a town, a ZIP code, a web address.
    Context,
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_label(c.label()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.label()));
        }
        assert_eq!(Category::from_label("IGNORE"), None);
    }
}
