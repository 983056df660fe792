#!/usr/bin/env python3
"""Builds the dictionaries shipped in rules/data/ from ../shared/data/.

Run from the repository root: python3 scripts/build-dictionaries.py [SHARED_DATA_DIR]
The output is deterministic; rules/data/README.md records sources and licences.
"""
import os
import shutil
import sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
dst = os.path.join("rules", "data")


def rows(name):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def write(name, header, entries):
    with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for e in entries:
            f.write(e + "\n")


def extra(name):
    with open(os.path.join("scripts", name), encoding="utf-8") as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


first = [r[0].lower() for r in rows("first_names.tsv")]
write("first_names.txt", "US first names (SSA 1880-2017 + Census 1990), lower case, most frequent first;"
      " then short forms people go by that it leaves out (scripts/first_names_extra.txt, CC0)",
      first + [w for w in extra("first_names_extra.txt") if w not in set(first)])
write("surnames.txt", "US surnames (Census 2010), lower case, most frequent first",
      [r[0].lower() for r in rows("surnames.tsv")])
common = [r[0] for r in rows("common_words.tsv")]
write("common_words.txt", "common lower-case English words (Google Books Ngram x SCOWL), most frequent first;"
      " then everyday words it leaves out (scripts/common_words_extra.txt, CC0)",
      common + [w for w in extra("common_words_extra.txt") if w not in set(common)])
write("health_terms.txt", "health-context terms: term<TAB>category (ICD-10-CM titles, lay terms, drug names)",
      [f"{r[0]}\t{r[1]}" for r in rows("health_terms.tsv")])
places = []
seen = set()
for r in rows("us_places.tsv"):
    key = r[0].lower()
    if key not in seen:
        seen.add(key)
        places.append(key)
write("us_places.txt", "US populated places >= 1,000 inhabitants (GeoNames), lower case, largest first", places)
write("us_states.txt", "US states and territories: name<TAB>USPS code",
      [f"{r[0].lower()}\t{r[1].lower()}" for r in rows("us_states.tsv")])
suffixes, units = [], []
for r in rows("street_suffixes.txt"):
    forms = [r[1], r[2]] + (r[3].split(" ") if len(r) > 3 else [])
    target = suffixes if r[0] == "suffix" else units
    for form in forms:
        if form.lower() not in target:
            target.append(form.lower())
write("street_suffixes.txt", "USPS Publication 28 street suffixes, every accepted form, lower case", suffixes)
write("unit_designators.txt", "USPS Publication 28 secondary unit designators and box forms, lower case", units)
write("zip3_restricted.txt", "HIPAA Safe Harbor restricted 3-digit ZIP prefixes (HHS guidance, 2000 Census)",
      [r[0] for r in rows("zip3_restricted.txt")])
os.makedirs(os.path.join(dst, "LICENSES"), exist_ok=True)
for lic in sorted(os.listdir(os.path.join(src, "LICENSES"))):
    shutil.copyfile(os.path.join(src, "LICENSES", lic), os.path.join(dst, "LICENSES", lic))
