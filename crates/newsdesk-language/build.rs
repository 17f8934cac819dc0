//! Compiles the lexicons' tables in: the gazetteer's and the given names'.
//! Built at run time they cost the first story about 6 ms and 13 ms (see
//! docs/language.md, "Lexicons").

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

mod gazetteer {
    include!("build/gazetteer.rs");
}

/// A sorted `&[&str]` the lexicon binary-searches.
fn table(out: &mut String, name: &str, set: HashSet<String>) {
    let mut names: Vec<String> = set.into_iter().collect();
    names.sort();
    writeln!(out, "static {name}: &[&str] = &[").unwrap();
    for n in names {
        writeln!(out, "    {n:?},").unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// The directory of `gender_guesser`'s sources, as Cargo resolved the
/// dependency (registry, vendored or patched alike).
fn gender_guesser_dir() -> PathBuf {
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let platform = std::env::var("TARGET").unwrap();
    let metadata = |offline: bool| {
        let mut cargo = Command::new(std::env::var("CARGO").unwrap());
        cargo
            .args(["metadata", "--format-version", "1", "--locked"])
            .args(["--filter-platform", &platform])
            .current_dir(&manifest_dir);
        if offline {
            cargo.arg("--offline");
        }
        cargo.output().expect("cargo metadata runs")
    };
    // Offline first: every package is normally on disk already. A build
    // that fetched only its own dependencies lacks the others' test
    // dependencies, which cargo metadata wants too: then it fetches them.
    let mut output = metadata(true);
    if !output.status.success() {
        output = metadata(false);
    }
    assert!(
        output.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let package = packages
        .iter()
        .find(|p| p["name"] == "gender_guesser")
        .expect("gender_guesser among the dependencies");
    Path::new(package["manifest_path"].as_str().unwrap())
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `gender_guesser`'s dictionary read exactly as its loader reads it on
/// first use (`load_names.rs`: lines that are valid UTF-8 and no comment,
/// the first word the gender, the second the name, both lower case, a later
/// line winning), then its gender classes as `given_name` maps them: 1
/// male, 2 female, 0 a name of either or an unsure gender.
fn given_names(dictionary: &[u8]) -> HashMap<String, u8> {
    use std::io::BufRead;
    // As in gender_guesser: a line that is no UTF-8 is passed over (the
    // reader has consumed it, so this cannot loop).
    #[allow(clippy::lines_filter_map_ok)]
    dictionary
        .lines()
        .flatten()
        .filter_map(|line| {
            if line.starts_with('#') {
                return None;
            }
            let mut items = line.split_whitespace();
            let gender = items.next()?.to_lowercase();
            let name = items.next()?.to_lowercase();
            let class = match gender.as_str() {
                "m" => 1,
                "f" => 2,
                _ => 0,
            };
            Some((name, class))
        })
        .collect()
}

/// The names whose every line in the dictionary gives one gender (`M` or
/// `F`, in every country that lists them): 1 male, 2 female. A name the
/// dictionary gives both ("Kristen" is a woman's name in English and a
/// man's in Danish) or gives as unsure is left out.
fn sure_genders(dictionary: &[u8]) -> Vec<(String, u8)> {
    use std::io::BufRead;
    let mut seen: HashMap<String, Option<u8>> = HashMap::new();
    #[allow(clippy::lines_filter_map_ok)]
    for line in dictionary.lines().flatten() {
        if line.starts_with('#') {
            continue;
        }
        let mut items = line.split_whitespace();
        let (Some(gender), Some(name)) = (items.next(), items.next()) else {
            continue;
        };
        let class = match gender {
            "M" => Some(1),
            "F" => Some(2),
            _ => None,
        };
        let name = name.to_lowercase();
        for key in std::iter::once(name.clone()).chain(folded(&name)) {
            seen.entry(key)
                .and_modify(|c| {
                    if *c != class {
                        *c = None;
                    }
                })
                .or_insert(class);
        }
    }
    let mut sure: Vec<(String, u8)> = seen
        .into_iter()
        .filter_map(|(name, class)| class.map(|c| (name, c)))
        .collect();
    sure.sort();
    sure
}

/// A name without its accents ("joaquín" → "joaquin"): English news
/// often drops them. `None` when nothing changes or a letter has no plain
/// form here.
fn folded(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let plain = match c {
            'a'..='z' | '-' | '\'' => c,
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            'ý' | 'ÿ' => 'y',
            _ => return None,
        };
        out.push(plain);
    }
    (out != name).then_some(out)
}

/// A static table of names and their gender class, sorted by name.
fn class_table(out: &mut String, name: &str, mut rows: Vec<(String, u8)>) {
    rows.sort();
    writeln!(out, "static {name}: &[(&str, u8)] = &[").unwrap();
    for (key, class) in rows {
        writeln!(out, "    ({key:?}, {class}),").unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build/gazetteer.rs");
    let (names, nationalities) = gazetteer::places();
    let mut out = String::from("// Generated by build.rs.\n");
    table(&mut out, "PLACE_NAMES", names);
    table(&mut out, "NATIONALITIES", nationalities);
    table(&mut out, "COUNTRIES", gazetteer::countries());
    table(&mut out, "PLACE_CODES", gazetteer::place_codes());
    let dictionary = gender_guesser_dir().join("src/nam_dict.txt");
    println!("cargo::rerun-if-changed={}", dictionary.display());
    let bytes = std::fs::read(&dictionary).unwrap();
    class_table(&mut out, "SURE_GENDERS", sure_genders(&bytes));
    let given = given_names(&bytes);
    // Accent-free spellings of names the dictionary writes with accents,
    // when it does not list the plain spelling itself; two accented names
    // that fold together and disagree give an unsure class.
    let mut plain: HashMap<String, u8> = HashMap::new();
    for (name, class) in &given {
        if let Some(f) = folded(name).filter(|f| !given.contains_key(f)) {
            plain
                .entry(f)
                .and_modify(|c| {
                    if c != class {
                        *c = 0;
                    }
                })
                .or_insert(*class);
        }
    }
    class_table(&mut out, "GIVEN_NAMES_FOLDED", plain.into_iter().collect());
    class_table(&mut out, "GIVEN_NAMES", given.into_iter().collect());
    let path = Path::new(&std::env::var("OUT_DIR").unwrap()).join("lexicons.rs");
    std::fs::write(path, out).unwrap();
}
