// The gazetteer's names as the lexicon has always built them, from
// `keshvar` and `cities`. build.rs runs this at compile time and writes the
// sorted tables the lexicon searches; the lexicon's tests run it again and
// check the compiled tables hold exactly these names.

use std::collections::HashSet;

/// Place names and nationality adjectives, lower case.
pub fn places() -> (HashSet<String>, HashSet<String>) {
    let mut names = HashSet::new();
    let mut nationalities = HashSet::new();
    let latin = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii() || c.is_alphabetic() && (c as u32) < 0x250)
    };
    for country in keshvar::CountryIterator::new() {
        names.insert(country.iso_short_name().to_lowercase());
        for name in country.unofficial_name_list() {
            if latin(name) {
                names.insert(name.to_lowercase());
            }
        }
        if let Some(nationality) = country.maybe_nationality() {
            nationalities.insert(nationality.to_lowercase());
        }
        for subdivision in country.subdivisions().values() {
            names.insert(subdivision.name().to_lowercase());
            for name in subdivision.unofficial_name_list() {
                if latin(name) {
                    names.insert(name.to_lowercase());
                }
            }
        }
    }
    for region in keshvar::RegionIterator::new() {
        names.insert(region.to_string().to_lowercase());
    }
    for subregion in keshvar::SubRegionIterator::new() {
        names.insert(subregion.to_string().to_lowercase());
    }
    for city in cities::all() {
        names.insert(city.city.to_lowercase());
    }
    // Short forms news writes for the ISO names ("Bolivia,
    // Plurinational State of", "Korea, Republic of").
    let shortened: Vec<String> = names
        .iter()
        .filter_map(|n| n.split_once(", ").map(|(head, _)| head.to_string()))
        .collect();
    names.extend(shortened);
    let shortened: Vec<String> = names
        .iter()
        .filter_map(|n| n.split_once(" (").map(|(head, _)| head.to_string()))
        .collect();
    names.extend(shortened);
    (names, nationalities)
}

/// Countries' ISO short names, lower case.
pub fn countries() -> HashSet<String> {
    keshvar::CountryIterator::new()
        .map(|c| c.iso_short_name().to_lowercase())
        .collect()
}

/// Country codes, and the region codes of the countries that write them in
/// news, upper case.
pub fn place_codes() -> HashSet<String> {
    let mut codes = HashSet::new();
    for country in keshvar::CountryIterator::new() {
        let alpha2 = format!("{:?}", country.alpha2());
        let alpha3 = format!("{:?}", country.alpha3());
        if ["US", "CA", "AU"].contains(&alpha2.as_str()) {
            codes.extend(country.subdivisions().keys().map(|k| k.to_string()));
        }
        // Three-letter codes are rare in prose and often someone
        // else's ("UGA" is a university): only "USA".
        if alpha3 == "USA" {
            codes.insert(alpha3);
        }
        codes.insert(alpha2);
    }
    // Codes that prose uses as words or for bodies first.
    for word in [
        "IN", "IT", "AT", "BE", "TO", "NO", "ME", "AM", "IS", "OR", "SO", "DO", "GO", "HI", "ID",
        "OK", "OH", "PA", "MA", "LA", "CO", "DE", "AL", "AN", "ON", "AND", "CAN", "PER", "ARE",
        "EU", "UN",
    ] {
        codes.remove(word);
    }
    codes
}
