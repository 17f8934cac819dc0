//! Lexicons: given names, places, organisation and place words, titles.
//!
//! The open lists are data from maintained, licensed packages (see
//! docs/language.md): given names and their gender from the `gender_guesser`
//! crate (Jörg Michael's name dictionary, about 48,000 names of many
//! countries), countries, their other names, nationalities and
//! subdivisions from `keshvar` (BSD-3-Clause), and 10,000 cities from
//! `cities` (MIT); build.rs compiles their tables in, so nothing is built
//! on first use. The closed lists here (titles, organisation and place
//! head words) are grammar of news English, not names.

use crate::Gender;

/// A given name's gender, when the lexicon knows the name.
pub fn given_name(word: &str) -> Option<Option<Gender>> {
    // The lexicon lower-cases its lookups; words of one letter or all
    // capitals are no given names.
    let lower = word.to_lowercase();
    if word.chars().count() < 2
        || word.chars().all(|c| !c.is_lowercase())
        || is_function_word(&lower)
    {
        return None;
    }
    // The dictionary's own spelling first, then an accent-free one of a
    // name it writes with accents ("Joaquin" for "Joaquín").
    // A plain spelling that is also a place ("Indiana", from "Indiána")
    // is read as the place.
    let folded = || class_in(GIVEN_NAMES_FOLDED, &lower).filter(|_| !is_place(word));
    Some(gender_of_class(
        class_in(GIVEN_NAMES, &lower).or_else(folded)?,
    ))
}

/// A name's gender class in one of the compiled tables (sorted by name).
fn class_in(table: &[(&str, u8)], lower: &str) -> Option<u8> {
    table
        .binary_search_by(|(name, _)| (*name).cmp(lower))
        .ok()
        .map(|at| table[at].1)
}

/// The gender a class stands for: 1 male, 2 female, else none.
fn gender_of_class(class: u8) -> Option<Gender> {
    match class {
        1 => Some(Gender::Male),
        2 => Some(Gender::Female),
        _ => None,
    }
}

/// A given name's gender when the dictionary gives it one gender wherever
/// it lists it ("Judd", "Margaret"); `None` for a name it gives both or
/// calls unsure ("Kristen", "Andrea", "Kim").
pub fn sure_gender(word: &str) -> Option<Gender> {
    gender_of_class(class_in(SURE_GENDERS, &word.to_lowercase())?)
}

// The lexicons' tables, sorted and compiled in by build.rs: the
// gazetteer's (from build/gazetteer.rs) and the given names' (from
// gender_guesser's dictionary). Building them at run time cost the first
// story about 6 ms and 13 ms.
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

fn listed(table: &[&str], key: &str) -> bool {
    table.binary_search(&key).is_ok()
}

/// Whether the name is a country's (any case): a country never stands for
/// a person's surname.
pub fn is_country(name: &str) -> bool {
    listed(COUNTRIES, &name.to_lowercase())
}

/// Whether an acronym is a country's code ("US", "U.S.", "UK") or a
/// region's code in the countries that write them in news ("DC", "NC"):
/// a place, not an organisation.
pub fn is_place_code(acronym: &str) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    listed(PLACE_CODES, &letters)
}

/// Whether the gazetteer names the place (any case).
pub fn is_place(name: &str) -> bool {
    let lower = name.to_lowercase();
    listed(PLACE_NAMES, &lower)
        || lower
            .strip_prefix("the ")
            .is_some_and(|rest| listed(PLACE_NAMES, rest))
}

/// A nationality or the adjective of a country ("French", "Iraqi").
pub fn is_nationality(word: &str) -> bool {
    let lower = word.to_lowercase();
    listed(NATIONALITIES, &lower) || listed(NATIONALITIES, lower.trim_end_matches('s'))
}

/// Words that stand in a title before a person's name only beside a head
/// ("Prime", "Foreign", "Deputy": "Foreign Minister", "Deputy Mayor").
const TITLE_MODIFIERS: &[&str] = &[
    "vice",
    "prime",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "health",
    "trade",
    "economy",
    "transport",
    "labor",
    "labour",
    "education",
    "agriculture",
    "energy",
    "state",
    "home",
    "majority",
    "minority",
    "opposition",
    "former",
    "acting",
    "crown",
    "grand",
    "senior",
    "first",
    "chief executive",
    "executive",
    "brother",
    "sister",
    "dean",
    "field",
];

/// Words of a title that name a person by themselves (not "Foreign" or
/// "Vice", which only modify one).
const TITLE_HEADS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "sen",
    "sen.",
    "rep",
    "rep.",
    "gov",
    "gov.",
    "gen",
    "gen.",
    "lt",
    "lt.",
    "col",
    "col.",
    "capt",
    "capt.",
    "sgt",
    "sgt.",
    "adm",
    "adm.",
    "maj",
    "maj.",
    "rev",
    "rev.",
    "prof",
    "prof.",
    "cmdr",
    "cmdr.",
    "cpl",
    "cpl.",
    "pvt",
    "pvt.",
    "supt",
    "supt.",
    "det",
    "det.",
    "atty",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "sheikh",
    "sheik",
    "ayatollah",
    "cardinal",
    "archbishop",
    "bishop",
    "father",
    "rabbi",
    "imam",
    "judge",
    "justice",
    "senator",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "ambassador",
    "general",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "admiral",
    "major",
    "commander",
    "marshal",
    "officer",
    "detective",
    "inspector",
    "superintendent",
    "chief",
    "commissioner",
    "director",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "coach",
    "attorney",
    "speaker",
    "leader",
    "representative",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councillor",
    "councilor",
    "alderman",
    "alderwoman",
    "sheriff",
    "secretary-general",
    "president-elect",
    "professor",
    "doctor",
    "patriarch",
    "lama",
    "mullah",
    "sultan",
    "emir",
    "amir",
];

/// Whether a capitalised word can be part of a title before a name.
pub fn is_title_word(lower: &str) -> bool {
    is_title_head(lower) || TITLE_MODIFIERS.contains(&lower)
}

/// Whether a title word names a person's office on its own.
pub fn is_title_head(lower: &str) -> bool {
    TITLE_HEADS.contains(&lower)
}

/// The gender a title gives ("Mrs." a woman).
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "emperor" | "father" | "brother"
        | "congressman" | "assemblyman" | "councilman" | "chairman" | "spokesman" | "sultan"
        | "sheikh" | "sheik" | "pope" | "cardinal" | "rabbi" | "imam" | "ayatollah" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister"
        | "congresswoman" | "assemblywoman" | "councilwoman" | "chairwoman" | "spokeswoman" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// Lower-case role nouns that, just before a name, make it a person's
/// ("union leader Mara Holt", "spokeswoman Helena Voss").
const ROLE_NOUNS: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "secretary",
    "leader",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ambassador",
    "analyst",
    "expert",
    "diplomat",
    "representative",
    "adviser",
    "advisor",
    "chief",
    "head",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "general",
    "commander",
    "judge",
    "professor",
    "economist",
    "lawyer",
    "attorney",
    "prosecutor",
    "actor",
    "actress",
    "singer",
    "player",
    "coach",
    "manager",
    "executive",
    "founder",
    "owner",
    "author",
    "writer",
    "journalist",
    "reporter",
    "editor",
    "researcher",
    "scientist",
    "doctor",
    "surgeon",
    "nurse",
    "teacher",
    "student",
    "officer",
    "detective",
    "investigator",
    "inspector",
    "sheriff",
    "candidate",
    "negotiator",
    "mediator",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "bishop",
    "priest",
    "pastor",
    "rabbi",
    "imam",
    "cleric",
    "activist",
    "organizer",
    "organiser",
    "resident",
    "witness",
    "victim",
    "survivor",
    "farmer",
    "worker",
    "fisherman",
    "driver",
    "pilot",
    "astronaut",
    "commentator",
    "historian",
    "economist",
    "strategist",
    "consultant",
    "pollster",
    "columnist",
    "photographer",
    "artist",
    "musician",
    "comedian",
    "star",
    "champion",
    "striker",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "rapper",
    "director",
    "producer",
    "designer",
    "ceo",
    "chairperson",
    "vice-president",
    "deputy",
    "aide",
    "assistant",
    "counsel",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "uncle",
    "aunt",
    "cousin",
    "friend",
    "neighbor",
    "neighbour",
    "colleague",
    "partner",
    "rival",
    "opponent",
    "challenger",
    "incumbent",
    "lieutenant",
    "sergeant",
    "captain",
    "colonel",
    "admiral",
    "marshal",
    "commissioner",
    "superintendent",
    "warden",
    "dean",
    "provost",
    "rector",
    "chaplain",
    "source",
    "spokesmen",
    "spokespeople",
    "trucker",
    "resident",
    "member",
    "envoy",
    "creator",
    "cartoonist",
    "coordinator",
    "administrator",
    "meteorologist",
    "forecaster",
    "astronomer",
    "physicist",
    "biologist",
    "chemist",
    "engineer",
    "entrepreneur",
    "investor",
    "programmer",
    "chef",
    "baker",
    "broker",
    "trader",
    "banker",
    "accountant",
    "architect",
    "psychologist",
    "psychiatrist",
    "epidemiologist",
    "virologist",
    "ecologist",
    "geologist",
    "climatologist",
    "seismologist",
    "paramedic",
    "firefighter",
    "legislator",
    "publicist",
    "curator",
    "winemaker",
    "vintner",
    "rancher",
    "miner",
    "lecturer",
    "scholar",
    "novelist",
    "poet",
    "playwright",
    "filmmaker",
    "lobbyist",
];

/// Role nouns that say how someone stands to others, not their office:
/// teams, companies and countries take them too.
pub fn is_relation_noun(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('s'),
        "champion"
            | "star"
            | "rival"
            | "partner"
            | "friend"
            | "opponent"
            | "challenger"
            | "incumbent"
            | "colleague"
            | "neighbor"
            | "neighbour"
            | "victim"
            | "survivor"
            | "witness"
            | "resident"
            | "worker"
            | "member"
            | "source"
            | "owner"
            | "founder"
            | "head"
            | "chief"
    )
}

/// Nouns of a contest that a team, not a place, has ("record", "loss",
/// "season").
pub fn is_contest_noun(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('s'),
        "record"
            | "loss"
            | "los"
            | "win"
            | "victory"
            | "defeat"
            | "game"
            | "season"
            | "roster"
            | "offense"
            | "defense"
            | "playoff"
            | "lineup"
            | "squad"
            | "franchise"
            | "quarterback"
            | "draft"
    )
}

/// Whether a lower-case word is a role noun (singular or plural).
pub fn is_role_noun(lower: &str) -> bool {
    ROLE_NOUNS.contains(&lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|singular| ROLE_NOUNS.contains(&singular))
}

/// Words that end (or head) an organisation's name.
const ORGANISATION_WORDS: &[&str] = &[
    "party",
    "ministry",
    "council",
    "committee",
    "chamber",
    "commission",
    "union",
    "association",
    "organization",
    "organisation",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "co",
    "co.",
    "company",
    "companies",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "group",
    "bank",
    "university",
    "college",
    "institute",
    "department",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "court",
    "congress",
    "parliament",
    "senate",
    "assembly",
    "federation",
    "foundation",
    "front",
    "league",
    "board",
    "bureau",
    "office",
    "services",
    "airlines",
    "airways",
    "church",
    "club",
    "team",
    "administration",
    "authority",
    "fund",
    "alliance",
    "coalition",
    "movement",
    "brigade",
    "brigades",
    "cabinet",
    "government",
    "reserve",
    "industries",
    "holdings",
    "motors",
    "systems",
    "technologies",
    "laboratories",
    "labs",
    "society",
    "trust",
    "guard",
    "corps",
    "command",
    "secretariat",
    "tribunal",
    "school",
    "academy",
    "museum",
    "hospital",
    "federal",
    "ministries",
    "unions",
    "parties",
    "councils",
    "agencies",
    "departments",
    "organizations",
    "institutes",
    "universities",
    "commissions",
    "committees",
    "bancorp",
    "entertainment",
    "pictures",
    "records",
    "studios",
    "communications",
    "petroleum",
    "oil",
    "energy",
    "airline",
    "railways",
    "railroad",
    "council's",
    "caucus",
    "junta",
    "regime",
    "mission",
    "delegation",
    "conference",
    "summit",
    "forum",
    "nations",
    "community",
];

/// Whether a word marks an organisation's name.
pub fn is_organisation_word(lower: &str) -> bool {
    ORGANISATION_WORDS.contains(&lower) || OUTLET_HEADS.contains(&lower)
}

/// Words that end the name of a place or a facility.
const PLACE_WORDS: &[&str] = &[
    "sea",
    "ocean",
    "gulf",
    "river",
    "mountains",
    "mountain",
    "hills",
    "valley",
    "strip",
    "island",
    "islands",
    "peninsula",
    "province",
    "region",
    "street",
    "avenue",
    "road",
    "boulevard",
    "square",
    "airport",
    "bay",
    "lake",
    "desert",
    "county",
    "canyon",
    "coast",
    "heights",
    "plateau",
    "basin",
    "delta",
    "falls",
    "harbor",
    "harbour",
    "port",
    "bridge",
    "station",
    "stadium",
    "arena",
    "prison",
    "jail",
    "park",
    "district",
    "territory",
    "territories",
    "city",
    "town",
    "village",
    "beach",
    "forest",
    "highway",
    "cape",
    "channel",
    "strait",
    "straits",
    "pass",
    "border",
    "hotel",
    "plaza",
    "center",
    "centre",
    "building",
    "tower",
    "towers",
    "palace",
    "base",
    "camp",
    "square",
];

/// Whether a word ends a place's name ("Gaza Strip", "Kansas City").
pub fn is_place_word(lower: &str) -> bool {
    PLACE_WORDS.contains(&lower)
}

/// Words that open a place's name ("Mount Everest", "Lake Victoria").
pub fn is_place_opening(lower: &str) -> bool {
    matches!(
        lower,
        "mount" | "mt." | "lake" | "cape" | "fort" | "port" | "gulf" | "isle"
    )
}

/// Compass words that make a region of a place ("Southern Lebanon",
/// "North Africa", "Middle East").
pub fn is_compass(lower: &str) -> bool {
    matches!(
        lower,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "middle"
            | "far"
            | "near"
            | "upper"
            | "lower"
            | "greater"
    )
}

/// News outlets and agencies that a text names as sources.
const OUTLETS: &[&str] = &[
    "ap",
    "associated press",
    "the associated press",
    "reuters",
    "afp",
    "agence france-presse",
    "agence france presse",
    "xinhua",
    "upi",
    "united press international",
    "dpa",
    "ansa",
    "itar-tass",
    "tass",
    "interfax",
    "kyodo",
    "yonhap",
    "bernama",
    "antara",
    "efe",
    "bbc",
    "cnn",
    "nbc",
    "cbs",
    "abc",
    "fox news",
    "npr",
    "pbs",
    "al jazeera",
    "new york times",
    "the new york times",
    "washington post",
    "the washington post",
    "wall street journal",
    "the wall street journal",
    "los angeles times",
    "the guardian",
    "the times",
    "financial times",
    "the financial times",
    "bloomberg",
    "the independent",
    "the telegraph",
    "daily telegraph",
    "le monde",
    "der spiegel",
    "usa today",
    "time",
    "newsweek",
    "the economist",
    "itar tass",
    "ria novosti",
    "novosti",
    "nhk",
    "cctv",
    "people's daily",
    "china daily",
    "mena",
    "irna",
    "petra",
    "sana",
    "wafa",
    "kuna",
    "saudi press agency",
    "press trust of india",
    "pti",
    "kcna",
    "yonhap news agency",
    "xinhua news agency",
    "central news agency",
];

/// Whether a name is a news outlet or agency.
pub fn is_outlet(name: &str) -> bool {
    OUTLETS.contains(&name.to_lowercase().as_str())
}

/// The last words of news outlets' names ("The Port City Tribune",
/// "Baylight News", "Kyodo News Agency").
const OUTLET_HEADS: &[&str] = &[
    "times",
    "post",
    "news",
    "press",
    "herald",
    "journal",
    "tribune",
    "gazette",
    "magazine",
    "daily",
    "radio",
    "television",
    "tv",
    "agency",
    "broadcasting",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "wire",
    "network",
    "channel",
    "review",
    "monitor",
    "standard",
    "express",
    "mail",
    "mirror",
    "star",
    "sun",
    "globe",
    "bulletin",
    "courier",
    "ledger",
    "dispatch",
    "register",
    "inquirer",
    "examiner",
    "independent",
    "reporter",
    "weekly",
    "today",
    "online",
    "service",
    "newspaper",
    "newswire",
    "sentinel",
    "record",
    "enquirer",
];

/// Whether a name is a news outlet or agency's: a known one, or a name
/// that ends as outlets' names do ("The Valdor Gazette").
pub fn is_news_outlet(name: &str) -> bool {
    let last = name
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    is_outlet(name) || (name.contains(' ') && OUTLET_HEADS.contains(&last.as_str()))
}

/// Speech verbs, in the forms news prose uses them.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "stated",
    "states",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "explained",
    "explains",
    "declared",
    "declares",
    "continued",
    "argued",
    "argues",
    "replied",
    "recalled",
    "stressed",
    "stresses",
    "announced",
    "announces",
    "asked",
    "asks",
    "claimed",
    "claims",
    "remarked",
    "posted",
    "tweeted",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "complained",
    "conceded",
    "concluded",
    "predicted",
    "promised",
    "vowed",
    "observed",
    "suggested",
    "testified",
    "answered",
    "responded",
    "shouted",
    "whispered",
    "joked",
    "quipped",
    "cautioned",
    "urged",
    "pleaded",
    "boasted",
    "countered",
    "reiterated",
    "emphasized",
    "emphasised",
    "maintained",
    "contended",
    "asserted",
    "charged",
    "alleged",
    "lamented",
    "mused",
    "recounted",
    "responds",
    "called",
    "described",
    "pledged",
    "appealed",
    "contends",
    "responded",
    "replies",
    "saying",
    "proclaimed",
    "proclaims",
    "exclaimed",
    "crowed",
    "yelled",
    "adding",
    "noting",
    "warning",
    "arguing",
    "insisting",
    "explaining",
    "stressing",
    "telling",
    "declaring",
];

/// Whether a lower-case word is a speech verb.
pub fn is_speech_verb(lower: &str) -> bool {
    SPEECH_VERBS.contains(&lower)
}

/// Head nouns of the names of things people make or hold: documents, laws,
/// plans, events, prizes ("the Paris Agreement", "the Clean Air Act", "the
/// Berlin Marathon"). A name ending in one is no person's, whatever its
/// first word.
pub fn is_thing_word(lower: &str) -> bool {
    matches!(
        lower,
        "agreement"
            | "agreements"
            | "accord"
            | "accords"
            | "treaty"
            | "act"
            | "bill"
            | "plan"
            | "protocol"
            | "convention"
            | "declaration"
            | "charter"
            | "doctrine"
            | "initiative"
            | "program"
            | "programme"
            | "project"
            | "summit"
            | "conference"
            | "games"
            | "olympics"
            | "cup"
            | "championship"
            | "championships"
            | "prize"
            | "award"
            | "awards"
            | "festival"
            | "index"
            | "report"
            | "amendment"
            | "strategy"
            | "pact"
            | "war"
            | "marathon"
            | "tournament"
            | "series"
            | "expo"
            | "forum"
            | "rules"
            | "directive"
            | "resolution"
            | "compact"
            | "framework"
            | "guidelines"
    )
}

/// Verbs of thinking and wanting: words quoted after "X believes" may be
/// X's own, not the reporter's.
pub fn is_cognition_verb(lower: &str) -> bool {
    matches!(
        lower,
        "believe"
            | "believes"
            | "believed"
            | "think"
            | "thinks"
            | "thought"
            | "feel"
            | "feels"
            | "felt"
            | "hope"
            | "hopes"
            | "hoped"
            | "want"
            | "wants"
            | "wanted"
            | "expect"
            | "expects"
            | "expected"
            | "fear"
            | "fears"
            | "feared"
            | "know"
            | "knows"
            | "knew"
            | "consider"
            | "considers"
            | "considered"
            | "suspect"
            | "suspects"
            | "suspected"
            | "doubt"
            | "doubts"
            | "doubted"
            | "worry"
            | "worries"
            | "worried"
            | "wish"
            | "wishes"
            | "wished"
            | "regard"
            | "regards"
            | "regarded"
            | "view"
            | "views"
            | "viewed"
            | "see"
            | "sees"
            | "saw"
            | "call"
            | "calls"
            | "called"
            | "describe"
            | "describes"
            | "described"
    )
}

/// Words capitalised only because they open a sentence or a heading and
/// that never start a name.
pub fn is_function_word(lower: &str) -> bool {
    newsdesk_text::is_stopword(lower)
        || matches!(
            lower,
            "but"
                | "and"
                | "or"
                | "yet"
                | "so"
                | "if"
                | "when"
                | "while"
                | "after"
                | "before"
                | "although"
                | "though"
                | "because"
                | "since"
                | "as"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "without"
                | "by"
                | "from"
                | "to"
                | "of"
                | "about"
                | "under"
                | "over"
                | "during"
                | "despite"
                | "among"
                | "meanwhile"
                | "however"
                | "still"
                | "also"
                | "then"
                | "now"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "earlier"
                | "later"
                | "last"
                | "next"
                | "this"
                | "that"
                | "these"
                | "those"
                | "there"
                | "here"
                | "it"
                | "its"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "you"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
                | "a"
                | "an"
                | "the"
                | "no"
                | "not"
                | "yes"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "each"
                | "every"
                | "few"
                | "several"
                | "such"
                | "other"
                | "another"
                | "one"
                | "two"
                | "three"
                | "what"
                | "who"
                | "which"
                | "where"
                | "why"
                | "how"
                | "asked"
                | "said"
                | "according"
                | "instead"
                | "even"
                | "only"
                | "just"
                | "please"
                | "thanks"
                | "thank"
        )
}

#[cfg(test)]
mod tests {
    mod gazetteer {
        include!("../build/gazetteer.rs");
    }

    fn sorted(set: std::collections::HashSet<String>) -> Vec<String> {
        let mut names: Vec<String> = set.into_iter().collect();
        names.sort();
        names
    }

    /// The compiled tables hold exactly the names the run-time build made.
    #[test]
    fn compiled_tables_are_the_gazetteer() {
        let (names, nationalities) = gazetteer::places();
        assert_eq!(sorted(names), super::PLACE_NAMES);
        assert_eq!(sorted(nationalities), super::NATIONALITIES);
        assert_eq!(sorted(gazetteer::countries()), super::COUNTRIES);
        assert_eq!(sorted(gazetteer::place_codes()), super::PLACE_CODES);
    }

    /// Every compiled given name has the gender class gender_guesser gives
    /// it, and words it does not know are not in the table.
    #[test]
    fn compiled_given_names_are_gender_guessers() {
        use gender_guesser::Gender as G;
        let detector = gender_guesser::Detector::new();
        assert!(super::GIVEN_NAMES.len() > 40_000);
        for (name, class) in super::GIVEN_NAMES {
            let expected = match detector.get_gender(name) {
                G::Male => 1,
                G::Female => 2,
                G::NotFound => panic!("{name} is not gender_guesser's"),
                _ => 0,
            };
            assert_eq!(*class, expected, "{name}");
        }
        assert!(super::GIVEN_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        for word in [
            "Maria",
            "John",
            "Helena",
            "Mara",
            "Andrea",
            "Kim",
            "Jean",
            "Ali",
            "Paris",
            "Said",
            "Mr.",
            "Police",
            "Adadadasdadasd",
            "Über",
            "José",
            "Zoë",
            "ÅSA",
        ] {
            let expected = match detector.get_gender(word) {
                G::Male => Some(Some(crate::Gender::Male)),
                G::Female => Some(Some(crate::Gender::Female)),
                G::NotFound => None,
                _ => Some(None),
            };
            let listed = super::GIVEN_NAMES
                .binary_search_by(|(n, _)| (*n).cmp(word.to_lowercase().as_str()))
                .is_ok();
            assert_eq!(listed, expected.is_some(), "{word}");
            if word.chars().any(char::is_lowercase)
                && word.chars().count() > 1
                && !super::is_function_word(&word.to_lowercase())
            {
                assert_eq!(super::given_name(word), expected, "{word}");
            }
        }
    }

    #[test]
    fn gazetteer_lookups() {
        use super::*;
        assert!(is_place("Paris") && is_place("the Netherlands") && is_place("Bolivia"));
        assert!(!is_place("Maria"));
        assert!(is_country("France") && !is_country("Paris"));
        assert!(is_place_code("U.S.") && is_place_code("DC") && !is_place_code("IT"));
        assert!(is_nationality("French") && is_nationality("Iraqis") && !is_nationality("Paris"));
    }
}
