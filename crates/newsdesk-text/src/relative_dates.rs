//! Date expressions in running text, resolved to calendar dates.
//!
//! News copy dates events relative to the day it is published ("on
//! Tuesday", "last week", "since September") or to the event told just
//! before ("the following day", "two days later"). [`resolve_dates`] finds
//! those expressions, and absolute ones ("Dec. 25", "in the fall of 2022",
//! "in 2019"), and reads each as a date with the precision the words give.
//!
//! Bare calendar words are only dates where the words around them say so:
//! "May" after "in" or before a day is a month, "may" and "Theresa May" are
//! not; "2019" after "in" or "since" is a year, "2019 ships" is not.

use crate::dates::{find_date_at, month_of};
use crate::words::{words, Word};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use newsdesk_model::{DatePrecision, Span};

#[cfg(test)]
mod tests;

/// What a text's relative dates are read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateContext {
    /// The day the article was published.
    pub anchor: Option<NaiveDate>,
    /// Whether `anchor` is the real publish date. An estimated one (the
    /// story's date for an undated article) is good for months and years
    /// but not for "on Tuesday" or "yesterday", which are left unresolved.
    pub anchor_exact: bool,
    /// The date of the event told last before this text in the same
    /// article, for "the following day" and "two days later".
    pub previous: Option<(NaiveDate, DatePrecision)>,
}

impl DateContext {
    /// A context for an article published on `date`.
    pub fn published(date: NaiveDate) -> DateContext {
        DateContext {
            anchor: Some(date),
            anchor_exact: true,
            previous: None,
        }
    }
}

/// A date expression found in a text and the date it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// The expression's words in the text ("last Tuesday", "Dec. 25").
    pub span: Span,
    /// The day, or the first day of the week, month, season or year.
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Told as something still to come ("will meet on Thursday").
    pub future: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Seasons by the month they begin in (meteorological seasons).
const SEASONS: &[(&str, u32)] = &[
    ("spring", 3),
    ("summer", 6),
    ("fall", 9),
    ("autumn", 9),
    ("winter", 12),
];

/// Words after which a bare year is a date ("a total of 2000" is not).
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "from", "during", "before", "after", "early",
    "late", "mid", "between", "around", "circa",
];

/// Words after which a bare month name is a date: the year cues, and
/// words that only join a month to a date ("between May and June", "end
/// of September").
const MONTH_CUES: &[&str] = &["on", "last", "this", "next", "and", "to", "of", "or"];

/// Words that put what follows them in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "won't",
    "won’t",
    "would",
    "shall",
    "due",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "plan",
    "upcoming",
    "intends",
    "expects",
    "expect",
    "slated",
];

/// A word that puts its clause in the future: a marker or "we'll".
fn marks_future(lower: &str) -> bool {
    FUTURE_MARKERS.contains(&lower) || lower.ends_with("'ll")
}

const TIMES_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Every date expression in `text`, in order, resolved against `context`.
/// Expressions that need an anchor the context lacks are left out.
pub fn resolve_dates(text: &str, context: &DateContext) -> Vec<DateMention> {
    let words = words(text);
    let mut found: Vec<DateMention> = Vec::new();
    // An explicit year earlier in the same text is the frame for bare
    // months after it: "in the fall of 2022, after ... in September".
    let mut frame: Option<NaiveDate> = None;
    let mut previous = context.previous;
    let mut i = 0;
    while i < words.len() {
        let reader = Reader {
            text,
            words: &words,
            context,
            frame,
            previous,
        };
        match reader.read_at(i) {
            Some((mention, next, explicit_year)) => {
                if explicit_year {
                    frame = Some(period_end(mention.date, mention.precision));
                }
                previous = Some((mention.date, mention.precision));
                found.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

struct Reader<'a> {
    text: &'a str,
    words: &'a [Word],
    context: &'a DateContext,
    frame: Option<NaiveDate>,
    previous: Option<(NaiveDate, DatePrecision)>,
}

/// A mention, the index of the word after it, and whether it names a year.
type Read = (DateMention, usize, bool);

impl Reader<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.lower.as_str())
    }

    fn original(&self, i: usize) -> &str {
        &self.text[self.words[i].span.range()]
    }

    fn capitalised(&self, i: usize) -> bool {
        self.original(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// Whether only spaces, commas or periods separate words `a` and `b`.
    fn joined(&self, a: usize, b: usize) -> bool {
        self.text[self.words[a].span.end..self.words[b].span.start]
            .chars()
            .all(|c| c.is_whitespace() || c == ',' || c == '.')
            && b == a + 1
    }

    /// Whether only white space separates words `a` and `a + 1`.
    fn adjacent(&self, a: usize) -> bool {
        a + 1 < self.words.len()
            && self.text[self.words[a].span.end..self.words[a + 1].span.start]
                .chars()
                .all(char::is_whitespace)
    }

    fn mention(
        &self,
        start: usize,
        end: usize,
        date: NaiveDate,
        precision: DatePrecision,
    ) -> DateMention {
        DateMention {
            span: Span::new(self.words[start].span.start, self.words[end - 1].span.end),
            date,
            precision,
            future: self.tense(start) == Tense::Future,
        }
    }

    /// The tense of the clause a word is in: future when a marker such as
    /// "will" comes before it in the same clause, or "next" right before.
    fn tense(&self, at: usize) -> Tense {
        let mut k = at;
        while k > 0 && at - k < 20 {
            let gap = &self.text[self.words[k - 1].span.end..self.words[k].span.start];
            if gap.contains([',', ';', ':', '—', '(']) {
                break;
            }
            k -= 1;
            let w = self.words[k].lower.as_str();
            // "was set for Oct. 16": a date fixed for what is to come.
            let set_for = w == "for" && k > 0 && self.words[k - 1].lower == "set";
            if marks_future(w) || w == "next" || set_for {
                return Tense::Future;
            }
        }
        if self.future_after(at) {
            return Tense::Future;
        }
        Tense::Past
    }

    /// Whether what follows the date expression starting at word `at`
    /// tells it as still to come: "the storm on Nov. 17 is expected to",
    /// "Tuesday night's expected storm", or, after an opening "On
    /// Tuesday,", a main clause whose first words say "will".
    fn future_after(&self, at: usize) -> bool {
        // The expression's words: months, weekdays, numbers, times of day.
        let date_word = |w: &str| {
            let w = w.strip_suffix("'s").unwrap_or(w);
            month_of(w.trim_end_matches('.')).is_some()
                || weekday_of(w).is_some()
                || TIMES_OF_DAY.contains(&w)
                || w == "night"
                || w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .chars()
                    .all(|c| c.is_ascii_digit())
                    && w.starts_with(|c: char| c.is_ascii_digit())
        };
        let mut end = at;
        while self.word(end).is_some_and(date_word) {
            end += 1;
        }
        if end == at {
            return false;
        }
        let possessive = self.word(end - 1).is_some_and(|w| w.ends_with("'s"));
        let next = |n: usize| self.word(end + n - 1);
        let planned = |w: Option<&str>| {
            matches!(
                w,
                Some("expected" | "scheduled" | "due" | "slated" | "planned" | "set")
            )
        };
        // "was set for" may be a plan long past: only the present tense.
        if matches!(next(1), Some("is" | "are")) && planned(next(2)) {
            return true;
        }
        if possessive
            && matches!(
                next(1),
                Some("expected" | "upcoming" | "scheduled" | "planned")
            )
        {
            return true;
        }
        // An opening time phrase ("On Tuesday,") and the first words of
        // the main clause after its comma, up to a speech verb.
        let opening = at <= 1
            && self.text[self.words[end - 1].span.end..]
                .trim_start()
                .starts_with(',');
        if opening {
            for n in 1..=4 {
                match next(n) {
                    Some("said" | "says" | "told" | "announced" | "that") | None => break,
                    Some(w) if marks_future(w) => return true,
                    Some(_) => {}
                }
            }
        }
        false
    }

    /// The anchor for expressions that count days from publication.
    fn exact_anchor(&self) -> Option<NaiveDate> {
        self.context.anchor.filter(|_| self.context.anchor_exact)
    }

    /// The date bare months and seasons are read against.
    fn reference(&self) -> Option<NaiveDate> {
        self.frame.or(self.context.anchor)
    }

    fn cued(&self, i: usize, month: bool) -> bool {
        if i == 0 || !self.adjacent(i - 1) {
            return false;
        }
        let before = self.words[i - 1].lower.as_str();
        YEAR_CUES.contains(&before) || (month && MONTH_CUES.contains(&before))
    }

    fn read_at(&self, i: usize) -> Option<Read> {
        self.full_date(i)
            .or_else(|| self.weekday_date(i))
            .or_else(|| self.day_and_month(i))
            .or_else(|| self.month_and_year(i))
            .or_else(|| self.season(i))
            .or_else(|| self.bare_month(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.named_day(i))
            .or_else(|| self.this_or_last_period(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.after_previous(i))
    }

    /// "Dec. 25, 2023", "25 December 2023", "2023-12-25".
    fn full_date(&self, i: usize) -> Option<Read> {
        let (date, end) = find_date_at(self.text, self.words, i)?;
        Some((self.mention(i, end, date, DatePrecision::Day), end, true))
    }

    /// "Tuesday, 24 November" or "Monday, Dec. 25": the weekday is part of
    /// the expression, the day and month decide the date.
    fn weekday_date(&self, i: usize) -> Option<Read> {
        weekday_of(self.word(i)?)?;
        if !self.capitalised(i) || i + 1 >= self.words.len() || !self.joined(i, i + 1) {
            return None;
        }
        let (mention, next, explicit) = self
            .full_date(i + 1)
            .or_else(|| self.day_and_month(i + 1))?;
        Some((
            DateMention {
                span: Span::new(self.words[i].span.start, mention.span.end),
                ..mention
            },
            next,
            explicit,
        ))
    }

    /// "Dec. 25", "December 25th", "24 November": the year is the one that
    /// puts the day nearest the anchor on the side the tense says.
    fn day_and_month(&self, i: usize) -> Option<Read> {
        let (month, day, end) = if let (Some(day), Some(month)) =
            (day_of(self.word(i)?), self.word(i + 1).and_then(month_of))
        {
            (self.capitalised(i + 1) && self.joined(i, i + 1)).then_some(())?;
            (month, day, i + 2)
        } else {
            let month = month_of(self.word(i)?)?;
            let day = day_of(self.word(i + 1)?)?;
            (self.capitalised(i) && self.joined(i, i + 1)).then_some(())?;
            // "March 3,400" is a count, not a date.
            let after = &self.text[self.words[i + 1].span.end..];
            if after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            (month, day, i + 2)
        };
        let reference = self.reference()?;
        let tense = self.tense(i);
        let in_year = |year: i32| NaiveDate::from_ymd_opt(year, month, day);
        let mut date = in_year(reference.year())?;
        // A month's slack either way: a hearing "on Nov. 24" told on Nov. 20
        // is this year's, a date told in December about "Jan. 5" is next year's.
        if tense == Tense::Past && date > reference + Duration::days(31) {
            date = in_year(reference.year() - 1)?;
        } else if tense == Tense::Future && date < reference - Duration::days(31) {
            date = in_year(reference.year() + 1)?;
        }
        Some((self.mention(i, end, date, DatePrecision::Day), end, false))
    }

    /// "December 2023", "Feb. 2022".
    fn month_and_year(&self, i: usize) -> Option<Read> {
        let month = month_of(self.word(i)?)?;
        let year = year_of(self.word(i + 1)?)?;
        (self.capitalised(i) && self.joined(i, i + 1)).then_some(())?;
        let date = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some((
            self.mention(i, i + 2, date, DatePrecision::Month),
            i + 2,
            true,
        ))
    }

    /// "the fall of 2022", "autumn 2022", "last summer", "in the spring".
    fn season(&self, i: usize) -> Option<Read> {
        let start_month = season_of(self.word(i)?)?;
        // With a year: "fall of 2022", "summer 2021".
        let year_at = if self.word(i + 1) == Some("of") {
            i + 2
        } else {
            i + 1
        };
        if let Some(year) = self.word(year_at).and_then(year_of) {
            if year_at == i + 1 || self.adjacent(i + 1) {
                let start = if self.word(i.wrapping_sub(1)) == Some("the") && i > 0 {
                    i - 1
                } else {
                    i
                };
                let date = NaiveDate::from_ymd_opt(year, start_month, 1)?;
                let end = year_at + 1;
                return Some((
                    self.mention(start, end, date, DatePrecision::Season),
                    end,
                    true,
                ));
            }
            return None;
        }
        // Without a year the season needs a determiner that makes it time:
        // "the fall of Kabul" and "prices fall" are not seasons.
        if i == 0 {
            return None;
        }
        let before = self.word(i - 1)?;
        if self.word(i + 1) == Some("of") || !self.adjacent(i - 1) {
            return None;
        }
        let reference = self.reference()?;
        let (start, date) = match before {
            "last" | "this" | "next" => {
                let date = season_start(reference, start_month, before)?;
                (i - 1, date)
            }
            "the"
                if i >= 2
                    && matches!(self.word(i - 2), Some("in" | "during" | "over" | "through"))
                    && self.adjacent(i - 2) =>
            {
                let relation = if self.tense(i) == Tense::Future {
                    "next"
                } else {
                    "recent"
                };
                (i - 1, season_start(reference, start_month, relation)?)
            }
            _ => return None,
        };
        Some((
            self.mention(start, i + 1, date, DatePrecision::Season),
            i + 1,
            false,
        ))
    }

    /// "in September", "since March", "mid-December", "last May".
    fn bare_month(&self, i: usize) -> Option<Read> {
        let lower = self.word(i)?;
        let (month, start) = match lower.strip_prefix("mid-") {
            Some(rest) => (full_month_of(rest)?, i),
            None => {
                let month = full_month_of(lower)?;
                if !self.cued(i, true) {
                    return None;
                }
                let start = if matches!(self.word(i - 1), Some("last" | "this" | "next")) {
                    i - 1
                } else {
                    i
                };
                (month, start)
            }
        };
        if !self.original(i).contains(|c: char| c.is_uppercase()) {
            return None;
        }
        let reference = self.reference()?;
        let relation = match self.word(i.wrapping_sub(1)) {
            Some("last") if i > 0 => "last",
            Some("next") if i > 0 => "next",
            Some("this") if i > 0 => "this",
            // A year the text named ("for this year … by late March", "in
            // 2022 … in September") holds a bare month.
            _ if self.frame.is_some() => "this",
            // Still to come: the month under way counts ("will meet in
            // late February", written on February 8).
            _ if self.tense(i) == Tense::Future => "coming",
            _ => "recent",
        };
        // "October last year", "in March of this year": the year is given.
        if let Some((year, end)) = self.year_after(i + 1) {
            let date = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((
                self.mention(start, end, date, DatePrecision::Month),
                end,
                true,
            ));
        }
        let date = month_start(reference, month, relation)?;
        Some((
            self.mention(start, i + 1, date, DatePrecision::Month),
            i + 1,
            false,
        ))
    }

    /// "last year", "this year", "of last year" at word `i`: the year it
    /// names and the word after it.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        let anchor = self.context.anchor?;
        let at = if self.word(i) == Some("of") { i + 1 } else { i };
        if self.word(at + 1) != Some("year") || !(i..at + 1).all(|k| self.adjacent(k)) {
            return None;
        }
        if !self.adjacent(i - 1) {
            return None;
        }
        let year = match self.word(at)? {
            "last" => anchor.year() - 1,
            "this" => anchor.year(),
            _ => return None,
        };
        Some((year, at + 2))
    }

    /// "in 2019", "since 2014", "mid-2022", "late 2023".
    fn bare_year(&self, i: usize) -> Option<Read> {
        let lower = self.word(i)?;
        let year = match lower.strip_prefix("mid-") {
            Some(rest) => year_of(rest)?,
            None => {
                let year = year_of(lower)?;
                if !self.cued(i, false) {
                    return None;
                }
                year
            }
        };
        // "in 2019 tonnes" is hard to tell; "in 2,019" and "2019%" are counts.
        let after = &self.text[self.words[i].span.end..];
        if after.starts_with(['%', '-'])
            || (after.starts_with([',', '.'])
                && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        let before = &self.text[..self.words[i].span.start];
        if before.ends_with(['$', '€', '£', '#']) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(year, 1, 1)?;
        Some((
            self.mention(i, i + 1, date, DatePrecision::Year),
            i + 1,
            true,
        ))
    }

    /// "on Tuesday", "last Friday", "Wednesday night": the most recent such
    /// day up to the publish date when told in the past, the first from it
    /// on when told as still to come.
    fn weekday(&self, i: usize) -> Option<Read> {
        let weekday = weekday_of(self.word(i)?)?;
        if !self.capitalised(i) {
            return None;
        }
        let anchor = self.exact_anchor()?;
        let (start, modifier) = match self.word(i.wrapping_sub(1)) {
            Some(m @ ("last" | "next" | "this")) if i > 0 && self.adjacent(i - 1) => (i - 1, m),
            _ => (i, ""),
        };
        let future =
            modifier == "next" || (modifier != "last" && self.tense(start) == Tense::Future);
        let back =
            (anchor.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
        // The day itself counts either way: a morning paper's "will meet on
        // Thursday" printed on a Thursday means that day.
        let date = if future {
            anchor + Duration::days(((7 - back) % 7) as i64)
        } else if modifier == "last" && back == 0 {
            anchor - Duration::days(7)
        } else {
            anchor - Duration::days(back as i64)
        };
        let end = if self.word(i + 1).is_some_and(|w| TIMES_OF_DAY.contains(&w)) && self.adjacent(i)
        {
            i + 2
        } else {
            i + 1
        };
        let mut mention = self.mention(start, end, date, DatePrecision::Day);
        mention.future = future;
        Some((mention, end, false))
    }

    /// "yesterday", "today", "tonight", "tomorrow", "this morning".
    fn named_day(&self, i: usize) -> Option<Read> {
        let anchor = self.exact_anchor()?;
        // Capitalised inside a sentence, the word is part of a name: "USA
        // Today", "the Today show".
        if i > 0 && self.capitalised(i) {
            return None;
        }
        let (offset, end) = match self.word(i)? {
            "yesterday" => (-1, i + 1),
            // "Today, the group works in 80 countries" means nowadays.
            "today" if i == 0 && self.text[self.words[0].span.end..].starts_with(',') => {
                return None
            }
            "today" | "tonight" => (0, i + 1),
            "tomorrow" => (1, i + 1),
            "this" if self.word(i + 1).is_some_and(|w| TIMES_OF_DAY.contains(&w)) => (0, i + 2),
            _ => return None,
        };
        let date = anchor + Duration::days(offset);
        let mut mention = self.mention(i, end, date, DatePrecision::Day);
        mention.future = offset > 0;
        Some((mention, end, false))
    }

    /// "last week", "this month", "earlier this year", "next year".
    fn this_or_last_period(&self, i: usize) -> Option<Read> {
        let relation = self.word(i)?;
        if !matches!(relation, "last" | "this" | "next" | "past") {
            return None;
        }
        let unit = self.word(i + 1)?;
        if !self.adjacent(i) {
            return None;
        }
        let step: i32 = match relation {
            "last" | "past" => -1,
            "next" => 1,
            _ => 0,
        };
        let (date, precision) = match unit {
            "week" => {
                let anchor = self.exact_anchor()?;
                let monday =
                    anchor - Duration::days(anchor.weekday().num_days_from_monday() as i64);
                (
                    monday + Duration::days(7 * step as i64),
                    DatePrecision::Week,
                )
            }
            "month" => {
                let anchor = self.context.anchor?;
                (
                    add_months(first_of_month(anchor), step)?,
                    DatePrecision::Month,
                )
            }
            "year" => {
                let anchor = self.context.anchor?;
                (
                    NaiveDate::from_ymd_opt(anchor.year() + step, 1, 1)?,
                    DatePrecision::Year,
                )
            }
            _ => return None,
        };
        let start = if step == 0 && i > 0 && matches!(self.word(i - 1), Some("earlier" | "later")) {
            i - 1
        } else {
            i
        };
        let names_year = precision == DatePrecision::Year;
        let mut mention = self.mention(start, i + 2, date, precision);
        mention.future =
            step > 0 || (step == 0 && self.word(i - usize::from(i > 0)) == Some("later"));
        Some((mention, i + 2, names_year))
    }

    /// "two days ago", "a year ago".
    fn ago(&self, i: usize) -> Option<Read> {
        let count = count_of(self.word(i)?)?;
        let unit = self.word(i + 1)?;
        if self.word(i + 2) != Some("ago") || !self.adjacent(i) || !self.adjacent(i + 1) {
            return None;
        }
        let anchor = if unit.starts_with("day") || unit.starts_with("week") {
            self.exact_anchor()?
        } else {
            self.context.anchor?
        };
        let (date, precision) = shift(anchor, DatePrecision::Day, unit, -(count as i32))?;
        Some((self.mention(i, i + 3, date, precision), i + 3, false))
    }

    /// "the following day", "the next day", "two days later", "a week
    /// earlier", "the day before": counted from the event told last.
    fn after_previous(&self, i: usize) -> Option<Read> {
        let (previous, previous_precision) = self.previous?;
        let w = self.word(i)?;
        // "the following day", "the next morning", "the previous day", "the day before/after".
        if w == "the" {
            let second = self.word(i + 1)?;
            let (offset, end) = match second {
                "following" | "next" | "previous" => {
                    let third = self.word(i + 2)?;
                    if third != "day" && !TIMES_OF_DAY.contains(&third) && third != "week" {
                        return None;
                    }
                    let sign = if second == "previous" { -1 } else { 1 };
                    let days = if third == "week" { 7 } else { 1 };
                    (sign * days, i + 3)
                }
                "day" => match self.word(i + 2)? {
                    "after" if self.phrase_ends(i + 2) => (1, i + 3),
                    "before" if self.phrase_ends(i + 2) => (-1, i + 3),
                    _ => return None,
                },
                _ => return None,
            };
            if previous_precision != DatePrecision::Day || !(i..end - 1).all(|k| self.adjacent(k)) {
                return None;
            }
            let date = previous + Duration::days(offset as i64);
            return Some((self.mention(i, end, date, DatePrecision::Day), end, false));
        }
        // "two days later", "a week earlier".
        let count = count_of(w)?;
        let unit = self.word(i + 1)?;
        let direction = match self.word(i + 2)? {
            "later" | "after" => 1,
            "earlier" | "before" => -1,
            _ => return None,
        };
        if !self.adjacent(i) || !self.adjacent(i + 1) || !self.phrase_ends(i + 2) {
            return None;
        }
        let (date, precision) =
            shift(previous, previous_precision, unit, direction * count as i32)?;
        Some((self.mention(i, i + 3, date, precision), i + 3, false))
    }

    /// Whether word `i` ends its phrase: "two days later," or "the day
    /// before." but not "the day before the vote".
    fn phrase_ends(&self, i: usize) -> bool {
        match self.words.get(i + 1) {
            None => true,
            Some(next) => {
                let gap = &self.text[self.words[i].span.end..next.span.start];
                // "before" and "after" may open a phrase of their own;
                // "later" and "earlier" never do.
                gap.contains([',', '.', ';', ':', '—'])
                    || (matches!(self.words[i].lower.as_str(), "later" | "earlier")
                        && matches!(
                            next.lower.as_str(),
                            "the" | "he" | "she" | "they" | "it" | "and" | "a"
                        ))
            }
        }
    }
}

/// Moves `date` by `count` units ("days", "weeks", "months", "years");
/// the precision is the coarser of the unit's and the date's.
fn shift(
    date: NaiveDate,
    precision: DatePrecision,
    unit: &str,
    count: i32,
) -> Option<(NaiveDate, DatePrecision)> {
    let (moved, unit_precision) = match unit.trim_end_matches('s') {
        "day" => (date + Duration::days(count as i64), DatePrecision::Day),
        "week" => {
            let moved = date + Duration::days(7 * count as i64);
            let monday = moved - Duration::days(moved.weekday().num_days_from_monday() as i64);
            (monday, DatePrecision::Week)
        }
        "month" => (
            add_months(first_of_month(date), count)?,
            DatePrecision::Month,
        ),
        "year" => (
            NaiveDate::from_ymd_opt(date.year() + count, 1, 1)?,
            DatePrecision::Year,
        ),
        _ => return None,
    };
    let coarser = if precision_rank(precision) > precision_rank(unit_precision) {
        precision
    } else {
        unit_precision
    };
    Some((truncate(moved, coarser), coarser))
}

/// Finer precision first: a day ranks before a week, a month, a season and a year.
pub fn precision_rank(precision: DatePrecision) -> u8 {
    match precision {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Season => 3,
        DatePrecision::Year => 4,
    }
}

/// The first day of the period of `precision` that holds `date`.
fn truncate(date: NaiveDate, precision: DatePrecision) -> NaiveDate {
    match precision {
        DatePrecision::Day | DatePrecision::Season => date,
        DatePrecision::Week => date - Duration::days(date.weekday().num_days_from_monday() as i64),
        DatePrecision::Month => first_of_month(date),
        DatePrecision::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
    }
}

/// The last day of the period that starts on `date`.
fn period_end(date: NaiveDate, precision: DatePrecision) -> NaiveDate {
    let next = match precision {
        DatePrecision::Day => return date,
        DatePrecision::Week => return date + Duration::days(6),
        DatePrecision::Month => add_months(date, 1),
        DatePrecision::Season => add_months(date, 3),
        DatePrecision::Year => add_months(date, 12),
    };
    next.map_or(date, |n| n - Duration::days(1))
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(Months::new(months as u32))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// The first of `month` relative to `reference`: "recent" is the latest
/// not after it, "last" the latest before its own month, "this" the one in
/// its year, "coming" the first not before its month, "next" the first
/// after its month.
fn month_start(reference: NaiveDate, month: u32, relation: &str) -> Option<NaiveDate> {
    let year = reference.year();
    let current = reference.month();
    let year = match relation {
        "recent" if month <= current => year,
        "recent" => year - 1,
        "last" if month < current => year,
        "last" => year - 1,
        "this" => year,
        "coming" if month >= current => year,
        "coming" => year + 1,
        _ if month > current => year,
        _ => year + 1,
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The first day of a season relative to `reference`, as [`month_start`]
/// reads months: "recent" is the latest that began by then, "last" the
/// one before the season under way, "this" the one under way or coming
/// this year, "next" the first that begins after it.
fn season_start(reference: NaiveDate, start_month: u32, relation: &str) -> Option<NaiveDate> {
    let start_in = |year: i32| NaiveDate::from_ymd_opt(year, start_month, 1);
    let latest_begun = {
        let this_year = start_in(reference.year())?;
        if this_year <= reference {
            this_year
        } else {
            start_in(reference.year() - 1)?
        }
    };
    let under_way = add_months(latest_begun, 3)? > reference;
    match relation {
        "recent" => Some(latest_begun),
        "last" if under_way => start_in(latest_begun.year() - 1),
        "last" => Some(latest_begun),
        "this" if under_way => Some(latest_begun),
        _ => start_in(latest_begun.year() + 1),
    }
}

/// The day of the week a lower-cased full name ("tuesday") names.
pub fn weekday_of(lower: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, d)| d)
}

fn season_of(lower: &str) -> Option<u32> {
    SEASONS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, m)| m)
}

/// A month's full name ("september", also "sept"): bare abbreviations such
/// as "Mar" or "Jan" are too often something else to stand alone.
fn full_month_of(lower: &str) -> Option<u32> {
    if lower.len() < 4 && lower != "may" {
        return None;
    }
    month_of(lower)
}

fn day_of(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(lower: &str) -> Option<i32> {
    if lower.len() != 4 || !lower.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    lower.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn count_of(lower: &str) -> Option<u32> {
    let n = match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        digits => digits.parse().ok().filter(|n| (1..=400).contains(n))?,
    };
    Some(n)
}
