//! Coreference: mentions grouped into entities, pronouns linked to them.
//!
//! Full names make entities first; a surname ("Kestel") or a given name
//! used alone joins the one person whose name it ends (or opens), an
//! acronym the organisation whose initials it spells. An entity takes the
//! kind its strongest evidence gives. A pronoun ("he", "her") is linked to
//! a person only when exactly one person of a fitting gender is named in
//! its sentence before it or in the sentence before: that link is certain,
//! any other guess is kept as uncertain and never printed.

use crate::lexicon;
use crate::tokens::Token;
use crate::{
    Confidence, Entity, Evidence, Gender, Mention, NameKind, PronounLink, Quotation, Span,
};
use std::collections::HashMap;

pub fn resolve(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    quotations: &[Quotation],
    mentions: &mut [Mention],
) -> (Vec<Entity>, Vec<PronounLink>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let word_count = |m: &Mention| text[m.span.range()].split_whitespace().count();
    // Longest names first, so that a surname met before its full name (a
    // headline's "Kestel") still finds it, and "John Paul" finds "John
    // Paul II".
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(word_count(&mentions[i])));
    for i in order {
        let name = text[mentions[i].span.range()].to_string();
        let key = name.to_lowercase();
        let entity = match by_name.get(&key) {
            Some(&e) => e,
            None => {
                let found = if word_count(&mentions[i]) == 1 {
                    if shared_surname(&entities, &mentions[i], &name) {
                        // The surname of several people ("McNulty" of
                        // Michael and Mike McNulty): a person, but which one
                        // is not sure, so it stays an entity of its own.
                        mentions[i].kind = NameKind::Person;
                        mentions[i].evidence = Evidence::Coreference;
                    }
                    // "in Palmer", "at Morningside": where something is,
                    // not whom a surname names ("from" is said of people
                    // too).
                    if after_place_preposition(tokens, &mentions[i])
                        && !preceded_by(tokens, &mentions[i], "from")
                    {
                        None
                    } else {
                        part_of(&entities, &mentions[i], &name)
                    }
                } else {
                    within(&entities, &mentions[i], &name)
                };
                match found {
                    Some(e) => e,
                    None => {
                        entities.push(Entity {
                            name: name.clone(),
                            // Provisional, from the mention that makes it;
                            // settled below from all its mentions.
                            kind: mentions[i].kind,
                            gender: None,
                            mentions: Vec::new(),
                        });
                        by_name.insert(key, entities.len() - 1);
                        entities.len() - 1
                    }
                }
            }
        };
        mentions[i].entity = entity;
        entities[entity].mentions.push(i);
    }
    for entity in &mut entities {
        entity.mentions.sort_unstable();
        let (kind, _) = strongest(entity, mentions);
        entity.kind = kind;
        entity.gender = gender(text, entity, mentions);
    }
    // "Ross Mountain, the United Nations' special envoy": an apposition
    // that gives an untyped name an office or a job makes it a person.
    for entity in &mut entities {
        if entity.kind == NameKind::Other
            && entity
                .mentions
                .iter()
                .any(|&m| has_role_apposition(text, tokens, &mentions[m]))
        {
            entity.kind = NameKind::Person;
            for &m in &entity.mentions {
                mentions[m].evidence = Evidence::Apposition;
            }
        }
    }
    // Only "in X" or "from X" says what the name is: a place.
    for entity in &mut entities {
        if entity.kind == NameKind::Other
            && entity
                .mentions
                .iter()
                .all(|&m| after_place_preposition(tokens, &mentions[m]))
        {
            entity.kind = NameKind::Place;
            for &m in &entity.mentions {
                mentions[m].evidence = Evidence::Preposition;
            }
        }
    }
    // A place that acts stands for a team or a government ("against
    // Detroit", "Philadelphia's head coach"): which one is not sure, so the
    // mention is not claimed a place.
    for mention in mentions.iter_mut() {
        if entities[mention.entity].kind == NameKind::Place && acts(tokens, mention) {
            mention.kind = NameKind::Other;
            mention.evidence = Evidence::Withheld;
        }
    }
    // "back at Betty Ford", "in Howard Projects": a name with a given name
    // where a place stands is a place named after someone, or someone
    // there; not sure which.
    for mention in mentions.iter_mut() {
        if mention.evidence == Evidence::GivenName
            && mention.title.is_none()
            && entities[mention.entity].kind == NameKind::Person
            && at_a_place(tokens, mention)
        {
            mention.kind = NameKind::Other;
            mention.evidence = Evidence::Withheld;
        }
    }
    let pronouns = link_pronouns(tokens, sentences, quotations, mentions, &mut entities);
    for mention in mentions.iter_mut() {
        let kind = entities[mention.entity].kind;
        if mention.evidence == Evidence::Withheld {
            continue; // a place that acts, or a name where a place stands, above
        }
        if mention.kind != kind {
            mention.kind = kind;
            if mention.evidence != Evidence::Preposition {
                mention.evidence = Evidence::Coreference;
            }
        }
    }
    (entities, pronouns)
}

/// The entity a one-word mention is part of: the one person whose name
/// ends with it (a surname) or, failing that, opens with it; the one
/// organisation whose initials it spells.
fn part_of(entities: &[Entity], mention: &Mention, word: &str) -> Option<usize> {
    // A gazetteer place stays a place unless a title makes it a person
    // ("Mr. Washington") or it is the surname of the one person the article
    // names in full with it ("Sarah Palin" … "Palin"); a country never is.
    if mention.evidence == Evidence::Gazetteer && mention.title.is_none() {
        if lexicon::is_country(word) {
            return None;
        }
        let people: Vec<usize> = (0..entities.len())
            .filter(|&e| {
                entities[e].kind == NameKind::Person
                    && entities[e].name.contains(' ')
                    && entities[e].name.rsplit(' ').next() == Some(word)
            })
            .collect();
        return (people.len() == 1).then(|| people[0]);
    }
    let is_acronym = word.len() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.');
    if is_acronym {
        let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
        let matching: Vec<usize> = (0..entities.len())
            .filter(|&e| initials(&entities[e].name) == letters && entities[e].name.contains(' '))
            .collect();
        return (matching.len() == 1).then(|| matching[0]);
    }
    let person_like = |e: &Entity| e.kind != NameKind::Place && e.kind != NameKind::Organisation;
    let person = |e: &Entity| e.kind == NameKind::Person;
    let ends: Vec<usize> = (0..entities.len())
        .filter(|&e| person_like(&entities[e]) && entities[e].name.rsplit(' ').next() == Some(word))
        .collect();
    if ends.len() == 1 {
        return Some(ends[0]);
    }
    if !ends.is_empty() {
        return None;
    }
    let opens: Vec<usize> = (0..entities.len())
        .filter(|&e| {
            person(&entities[e])
                && entities[e].name.split(' ').next() == Some(word)
                && entities[e].name.split(' ').count() == 2
        })
        .collect();
    (opens.len() == 1).then(|| opens[0])
}

/// The one longer person name that a name of several words opens or ends
/// ("John Paul" in "John Paul II", "Lee Teng-hui" in "President Lee
/// Teng-hui" is the same words).
fn within(entities: &[Entity], mention: &Mention, name: &str) -> Option<usize> {
    if mention.evidence == Evidence::Gazetteer || mention.evidence == Evidence::OrganisationWord {
        return None;
    }
    let found: Vec<usize> = (0..entities.len())
        .filter(|&e| {
            let longer = &entities[e].name;
            entities[e].kind != NameKind::Place
                && entities[e].kind != NameKind::Organisation
                && longer.len() > name.len()
                && (longer.starts_with(&format!("{name} "))
                    || longer.ends_with(&format!(" {name}")))
        })
        .collect();
    (found.len() == 1).then(|| found[0])
}

/// Whether a one-word name ends the names of two people or more.
fn shared_surname(entities: &[Entity], mention: &Mention, word: &str) -> bool {
    if mention.evidence == Evidence::Gazetteer || mention.evidence == Evidence::OrganisationWord {
        return false;
    }
    let suffix = format!(" {word}");
    entities
        .iter()
        .filter(|e| e.kind != NameKind::Place && e.kind != NameKind::Organisation)
        .filter(|e| e.name.ends_with(&suffix))
        .count()
        >= 2
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// How strongly a piece of evidence types a name.
fn strength(evidence: Evidence) -> u8 {
    match evidence {
        Evidence::Title | Evidence::Outlet | Evidence::Apposition => 5,
        Evidence::OrganisationWord => 4,
        Evidence::GivenName | Evidence::Gazetteer | Evidence::PlaceWord => 3,
        Evidence::Pronoun | Evidence::Coreference => 2,
        Evidence::Preposition => 1,
        Evidence::None | Evidence::Withheld => 0,
    }
}

/// The kind of an entity: that of its most strongly typed mention; a tie
/// between kinds leaves it the kind of the first.
fn strongest(entity: &Entity, mentions: &[Mention]) -> (NameKind, Evidence) {
    let mut best = (NameKind::Other, Evidence::None);
    for &m in &entity.mentions {
        let mention = &mentions[m];
        if mention.kind != NameKind::Other && strength(mention.evidence) > strength(best.1) {
            best = (mention.kind, mention.evidence);
        }
    }
    best
}

fn gender(text: &str, entity: &Entity, mentions: &[Mention]) -> Option<Gender> {
    if entity.kind != NameKind::Person {
        return None;
    }
    for &m in &entity.mentions {
        if let Some(title) = mentions[m].title {
            let word = text[title.range()].split_whitespace().last().unwrap_or("");
            if let Some(g) = lexicon::title_gender(&word.to_lowercase()) {
                return Some(g);
            }
        }
    }
    // A given name the dictionary gives one gender in every country that
    // lists it, opening a name of two words or more; names it gives both
    // genders ("Kristen", "Andrea") say nothing, and so do mentions that
    // disagree.
    let mut found = None;
    for &m in &entity.mentions {
        let name = &text[mentions[m].span.range()];
        let mut words = name.split_whitespace();
        let (Some(first), Some(_)) = (words.next(), words.next()) else {
            continue;
        };
        match (found, lexicon::sure_gender(first)) {
            (_, None) => {}
            (None, g) => found = g,
            (Some(a), Some(b)) if a != b => return None,
            _ => {}
        }
    }
    found
}

fn after_place_preposition(tokens: &[Token], mention: &Mention) -> bool {
    let Some(at) = crate::tokens::starting_at(tokens, mention.span.start) else {
        return false;
    };
    let end = crate::tokens::ending_at(tokens, mention.span.end);
    let possessive = end
        .and_then(|e| tokens.get(e + 1))
        .is_some_and(|t| t.lower == "'s" || t.lower == "’s");
    !possessive
        && at > 0
        && matches!(
            tokens[at - 1].lower.as_str(),
            "in" | "into" | "at" | "from" | "near" | "across" | "outside" | "inside" | "throughout"
        )
}

/// Whether a place name is used for who acts there: after "against",
/// "by", "beat" or "defeated", or owning a person's role ("Philadelphia's
/// head coach").
fn acts(tokens: &[Token], mention: &Mention) -> bool {
    let Some(at) = crate::tokens::starting_at(tokens, mention.span.start) else {
        return false;
    };
    let before = at
        .checked_sub(1)
        .map(|b| tokens[b].lower.as_str())
        .unwrap_or("");
    if matches!(
        before,
        "against"
            | "by"
            | "beat"
            | "beats"
            | "beating"
            | "defeated"
            | "defeating"
            | "overcame"
            | "edged"
            | "routed"
            | "upset"
            | "versus"
            | "vs"
            | "vs."
    ) {
        return true;
    }
    let before_that = at
        .checked_sub(2)
        .map(|b| tokens[b].lower.as_str())
        .unwrap_or("");
    // "a victory over Denver", "the loss to Denver", "lost to Denver".
    let contest_before = match before {
        "over" => lexicon::is_contest_noun(before_that) || before_that == "won",
        "to" => matches!(before_that, "loss" | "lost" | "losing" | "fell"),
        _ => false,
    };
    if contest_before {
        return true;
    }
    let Some(end) = crate::tokens::ending_at(tokens, mention.span.end) else {
        return false;
    };
    // "leading Denver to a win", "holding Denver to three points".
    let next = tokens.get(end + 1).map(|t| t.lower.as_str()).unwrap_or("");
    if matches!(before, "leading" | "led" | "holding" | "held") && next == "to" {
        return true;
    }
    // A place as the one who signs, hires or decides: a team's or a
    // government's act ("Denver signed him", "Denver have decided").
    let next_after = tokens.get(end + 2).map(|t| t.lower.as_str()).unwrap_or("");
    let agency = |w: &str| {
        matches!(
            w,
            "signed"
                | "replaced"
                | "picked"
                | "traded"
                | "hired"
                | "fired"
                | "acquired"
                | "released"
                | "waived"
                | "drafted"
                | "decided"
                | "announced"
                | "agreed"
                | "claimed"
        )
    };
    if agency(next) || (matches!(next, "have" | "has") && agency(next_after)) {
        return true;
    }
    let possessive = tokens
        .get(end + 1)
        .is_some_and(|t| t.lower == "'s" || t.lower == "’s");
    // "Philadelphia's head coach", "North Carolina's career scoring
    // record", "San Diego's playoff loss": a team's, not a place's.
    possessive
        && tokens[end + 2..].iter().take(3).any(|t| {
            lexicon::is_role_noun(&t.lower)
                || lexicon::is_title_head(&t.lower)
                || lexicon::is_contest_noun(&t.lower)
        })
}

/// Whether a name is followed by an apposition naming an office or a job:
/// ", the union's general secretary", ", a Swiss lawyer", ", creator of
/// \"Momma\"".
fn has_role_apposition(text: &str, tokens: &[Token], mention: &Mention) -> bool {
    let Some(end) = crate::tokens::ending_at(tokens, mention.span.end) else {
        return false;
    };
    if !tokens.get(end + 1).is_some_and(|t| t.is(",")) {
        return false;
    }
    let sentence = tokens[end].sentence;
    let apposition: Vec<&Token> = tokens[end + 2..]
        .iter()
        .take_while(|t| t.sentence == sentence && !t.is(",") && !t.is(".") && !t.is(";"))
        .take(8)
        .collect();
    let opens_lower = apposition
        .first()
        .is_some_and(|t| t.is_word() && text[t.span.range()].starts_with(char::is_lowercase));
    opens_lower
        && apposition.iter().any(|t| {
            t.is_word()
                && text[t.span.range()].starts_with(char::is_lowercase)
                && lexicon::is_role_noun(&t.lower)
                && !lexicon::is_relation_noun(&t.lower)
        })
}

/// Whether the word just before a mention is `word`.
fn preceded_by(tokens: &[Token], mention: &Mention, word: &str) -> bool {
    crate::tokens::starting_at(tokens, mention.span.start)
        .and_then(|at| at.checked_sub(1))
        .is_some_and(|b| tokens[b].lower == word)
}

/// Whether the article puts "the" before a mention of the entity ("the
/// Harbour Wardens"), which it never does for a person's name.
fn named_with_the(tokens: &[Token], mentions: &[Mention], entity: &Entity) -> bool {
    entity
        .mentions
        .iter()
        .any(|&m| preceded_by(tokens, &mentions[m], "the"))
}

/// Whether a name follows "at", "in" or "into".
fn at_a_place(tokens: &[Token], mention: &Mention) -> bool {
    crate::tokens::starting_at(tokens, mention.span.start)
        .and_then(|at| at.checked_sub(1))
        .is_some_and(|b| matches!(tokens[b].lower.as_str(), "at" | "in" | "into"))
}

fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

fn inside_quotation(quotations: &[Quotation], at: usize) -> bool {
    quotations
        .iter()
        .any(|q| q.marked.start <= at && at < q.marked.end)
}

fn link_pronouns(
    tokens: &[Token],
    sentences: &[Span],
    quotations: &[Quotation],
    mentions: &mut [Mention],
    entities: &mut [Entity],
) -> Vec<PronounLink> {
    let mut links = Vec::new();
    for token in tokens {
        let Some(gender) = pronoun_gender(&token.lower) else {
            continue;
        };
        if inside_quotation(quotations, token.span.start) {
            continue;
        }
        // The window: this sentence before the pronoun and the sentence
        // before it, not counting sentences that are all quotation (“The
        // gap has narrowed. It has not closed,” she said).
        let mut previous = token.sentence.saturating_sub(1);
        while previous > 0
            && quotations.iter().any(|q| {
                q.marked.start <= sentences[previous].start
                    && sentences[previous].end <= q.marked.end + 1
            })
        {
            previous -= 1;
        }
        let window_start = sentences[previous].start;
        let candidates = |from: usize| -> Vec<usize> {
            let mut found: Vec<usize> = Vec::new();
            for m in mentions.iter() {
                if m.span.start < from
                    || m.span.start >= token.span.start
                    || inside_quotation(quotations, m.span.start)
                {
                    continue;
                }
                // A name of several words that nothing types could be a
                // person too ("Kismot Killer" is a curry, "Time Warner" a
                // company): it makes the pronoun ambiguous, and is never
                // what it is linked to.
                let entity = &entities[m.entity];
                let could_be_person = entity.kind == NameKind::Person
                    || (entity.kind == NameKind::Other
                        && entity.name.contains(' ')
                        && !named_with_the(tokens, mentions, entity)
                        && !entity
                            .name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| lexicon::is_thing_word(&w.to_lowercase())));
                let fits = entity.gender.is_none_or(|g| g == gender);
                if could_be_person && fits && !found.contains(&m.entity) {
                    found.push(m.entity);
                }
            }
            found
        };
        let mut near = candidates(window_start);
        // A person the window calls "he" or "she" is in it too ("He
        // dismissed the claim made by Jacques Santer. 'Let me be clear,' he
        // said": two people, not one).
        for link in &links {
            let link: &PronounLink = link;
            if link.span.start >= window_start && link.confidence == Confidence::Certain {
                if let Some(e) = link.entity {
                    if !near.contains(&e) && entities[e].gender.is_none_or(|g| g == gender) {
                        near.push(e);
                    }
                }
            }
        }
        // The one name in the window, untyped but opening its sentence as
        // its subject ("Zorbek Tallis said … He gave no date."), is a person
        // by the article's own word.
        let opens_its_sentence = |e: usize| {
            mentions.iter().any(|m| {
                m.entity == e
                    && m.span.start >= window_start
                    && m.span.start < token.span.start
                    && crate::tokens::starting_at(tokens, m.span.start)
                        .map(|k| &tokens[k])
                        .is_some_and(|t| t.opens_sentence)
            })
        };
        let (entity, confidence) = match near.as_slice() {
            [one] if entities[*one].kind == NameKind::Person => (Some(*one), Confidence::Certain),
            [one]
                if opens_its_sentence(*one)
                    && matches!(token.lower.as_str(), "he" | "she")
                    && !named_with_the(tokens, mentions, &entities[*one]) =>
            {
                entities[*one].kind = NameKind::Person;
                for &m in &entities[*one].mentions {
                    mentions[m].evidence = Evidence::Pronoun;
                }
                (Some(*one), Confidence::Certain)
            }
            [one] => (Some(*one), Confidence::Uncertain),
            // No one in the window: the one typed person named in the three
            // sentences before, when no one else could be meant ("Li …
            // The team is negotiating … “…,” he says").
            [] => {
                let wider = sentences[token.sentence.saturating_sub(3)].start;
                let far = candidates(wider);
                match far.as_slice() {
                    [one] if entities[*one].kind == NameKind::Person => {
                        (Some(*one), Confidence::Certain)
                    }
                    _ => (far.last().copied(), Confidence::Uncertain),
                }
            }
            more => (more.last().copied(), Confidence::Uncertain),
        };
        if let (Some(e), Confidence::Certain) = (entity, confidence) {
            if entities[e].gender.is_none() {
                entities[e].gender = Some(gender);
            }
        }
        links.push(PronounLink {
            span: token.span,
            sentence: token.sentence,
            gender,
            entity,
            confidence,
        });
    }
    links
}
