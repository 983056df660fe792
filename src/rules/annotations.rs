//! The kinds a health term's second column may give it (`build.rs` includes this file too, so
//! that the tables it lays out and the rows read at run time split a line the same way).

/// Second columns that classify an entry rather than name one: in `health_terms` a line
/// "stroke<TAB>condition" is the one entry "stroke", while in `us_states` "texas<TAB>tx" is two.
pub const ANNOTATIONS: [&str; 9] = [
    "condition",
    "procedure",
    "treatment",
    "medication",
    "care_setting",
    "role",
    "staff",
    "status",
    "general",
];
