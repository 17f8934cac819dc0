use std::borrow::Cow;
use std::time::{Duration, Instant};

use encoding_rs::{KOI8_R, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251, WINDOWS_1252};

use super::*;

/// UTF-8 text that was read as Windows-1252 (or Latin-1), once or several times.
const MISREAD_UTF8: &[(&str, &str)] = &[
    ("Putinâ€™s war", "Putin’s war"),
    ("cafÃ©", "café"),
    ("â€œquotedâ€\u{9d}", "“quoted”"),
    ("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€!", "Привет, мир!"),
    ("ÎšÎ±Î»Î·Î¼Î\u{ad}Ï\u{81}Î± ÎºÏŒÏƒÎ¼Îµ", "Καλημέρα κόσμε"),
    ("Î•Î»Î»Î·Î½Î¹ÎºÎ¬: Î‘Î¸Î®Î½Î±", "Ελληνικά: Αθήνα"),
    ("ä¸\u{ad}æ–‡æ–°é—»", "中文新闻"),
    ("æ—¥æœ¬èªžã\u{81}®ãƒ‹ãƒ¥ãƒ¼ã‚¹", "日本語のニュース"),
    ("í•œêµ\u{ad}ì–´ ë‰´ìŠ¤", "한국어 뉴스"),
    ("GrÃ¶ÃŸe und MaÃŸ", "Größe und Maß"),
    ("EspaÃ±a estÃ¡ aquÃ\u{ad}", "España está aquí"),
    ("ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń"),
    (
        "PÅ™Ã\u{ad}liÅ¡ Å¾luÅ¥ouÄ\u{8d}kÃ½ kÅ¯Åˆ",
        "Příliš žluťoučký kůň",
    ),
    ("TÃ¼rkÃ§e ÅŸeker", "Türkçe şeker"),
    ("RomÃ¢nia È™i Moldova", "România și Moldova"),
    ("Tiáº¿ng Viá»‡t", "Tiếng Việt"),
    (
        "Ð£ÐºÑ€Ð°Ñ—Ð½Ð°, Ñ—Ð¶Ð°Ðº, Ò‘Ð°Ð½Ð¾Ðº",
        "Україна, їжак, ґанок",
    ),
    (
        "Ð‘ÐµÐ»Ð°Ñ€ÑƒÑ\u{81}ÑŒ Ñ– ÐŽÑ\u{81}Ñ…Ð¾Ð´",
        "Беларусь і Ўсход",
    ),
    ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
    ("×¢×‘×¨×™×ª", "עברית"),
    ("Great ðŸ˜€ news", "Great 😀 news"),
    ("2024â€“2025 â€” done", "2024–2025 — done"),
    ("â‚¬10 and Â£5", "€10 and £5"),
    ("Acmeâ„¢ widgets", "Acme™ widgets"),
    ("Waitâ€¦", "Wait…"),
    (
        "Ã‡a coÃ»te 5 â‚¬ â€” câ€™est cher",
        "Ça coûte 5 € — c’est cher",
    ),
    ("naÃ¯ve BrontÃ«", "naïve Brontë"),
    // Read as true Latin-1, so the bytes 0x80..=0x9F became C1 controls.
    ("Putinâ\u{80}\u{99}s war", "Putin’s war"),
    ("â\u{80}\u{9c}quotedâ\u{80}\u{9d}", "“quoted”"),
    // Damaged twice or three times.
    ("ItÃ¢â‚¬â„¢s", "It’s"),
    ("cafÃƒÂ©", "café"),
    ("Ã\u{90}Å¸Ã‘â‚¬Ã\u{90}Â¸Ã\u{90}Â²Ã\u{90}ÂµÃ‘â€š", "Привет"),
    ("dÃƒÆ’Ã‚Â©jÃƒÆ’Ã‚Â\u{a0} vu", "déjà vu"),
    // The UTF-8 no-break space, kept or flattened to a plain space on the way.
    ("See alsoÂ\u{a0}The", "See also\u{a0}The"),
    ("See alsoÂ The end.Â Next", "See also The end. Next"),
    ("voilÃ  tout", "voilà tout"),
    // A UTF-8 byte-order mark, and decomposed (NFD) accents.
    ("ï»¿Hello", "Hello"),
    ("cafeÌ\u{81}", "cafe\u{301}"),
    // Mojibake next to correct text the repair must leave as it is.
    ("Київ: Putinâ€™s “real” view", "Київ: Putin’s “real” view"),
    // Capitals: a final capital whose second byte does not follow words anyway.
    ("CAFÃ‰ DE FLORE", "CAFÉ DE FLORE"),
    ("KÃ–LN UND TÃœRKÄ°YE", "KÖLN UND TÜRKİYE"),
    // A lone kana or hanzi from three bytes.
    ("Katakana (ãƒ¡) and (äº”)", "Katakana (メ) and (五)"),
];

/// Cyrillic Windows-1251 (or KOI8-R) text that was read as Windows-1252 / Latin-1.
///
/// Left out on purpose, because they are genuinely ambiguous:
/// * lines whose misread words are all shorter than four letters ("Äà" for
///   "Да", "Íåò" for "Нет"): "þú" and "öö" are real Icelandic and Estonian
///   words built the same way, so such lines are left alone;
/// * KOI8-R lines all in small letters: read as Windows-1251 they give words
///   all in capitals, and Windows-1251 wins such ties.
const MISREAD_CYRILLIC: &[(&str, &str)] = &[
    (
        "Ó âèïàäêó, ÿêùî âè çíàéøëè ïîìèëêó, âèä³ë³òü ¿¿ ìèøêîþ ³ íàòèñí³òü Ctrl + Enter",
        "У випадку, якщо ви знайшли помилку, виділіть її мишкою і натисніть Ctrl + Enter",
    ),
    ("Ïðèâåò, ìèð!", "Привет, мир!"),
    ("Ìîñêâà — ñòîëèöà Ðîññèè", "Москва — столица России"),
    ("ªäí³ñòü Óêðà¿íè: ¿¿ ³ñòîð³ÿ", "Єдність України: її історія"),
    ("¯ÆÀÊ ² ªÍÎÒ", "ЇЖАК І ЄНОТ"),
    (
        "Ö³íà: 100 ãðí (email: info@example.com)",
        "Ціна: 100 грн (email: info@example.com)",
    ),
    ("Šóášàíà è Áåîãðàä", "Љубљана и Београд"),
    ("Áåëàðóñü: ¢ñ¸ äîáðà", "Беларусь: ўсё добра"),
    ("ÍÎÂÎÑÒÈ ÄÍß", "НОВОСТИ ДНЯ"),
    (
        "Ñåðã³é Æàäàí íàïèñàâ íîâó êíèæêó",
        "Сергій Жадан написав нову книжку",
    ),
    (
        "Øàíîâí³ ÷èòà÷³, ïåðåäïëàòà íà 2026 ð³ê òðèâàº",
        "Шановні читачі, передплата на 2026 рік триває",
    ),
    (
        "Îáúÿâëåíèå: ñúåçä ñîñòîèòñÿ â ïÿòíèöó",
        "Объявление: съезд состоится в пятницу",
    ),
    // KOI8-R read as Latin-1.
    ("ðÒÉ×ÅÔ, ÍÉÒ", "Привет, мир"),
    ("îÏ×ÏÓÔÉ ÄÎÑ: ×Ó£ ÈÏÒÏÛÏ", "Новости дня: всё хорошо"),
];

/// Correct text that must come back unchanged.
const UNTOUCHED: &[&str] = &[
    "Le café était déjà fermé à Paris, où l'été est chaud.",
    "Größe, Übermäßig, Straße",
    "¿Dónde está el niño? ¡Olé! Mañana será otro día.",
    "A ação não é fácil, irmã; a mãe está em São Paulo.",
    "Zażółć gęślą jaźń",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Türkçe şeker, İstanbul'da ılık bir gün",
    "Þórður sagði að þú værir á leiðinni heim",
    "Tiếng Việt có dấu: Đà Nẵng, Hà Nội, người ăn phở",
    "Árvíztűrő tükörfúrógép",
    "Smørrebrød på Ærø, Ålborg",
    "Hyvää yötä! Öö on pime.",
    "România și Țara Românească, ÎNVĂȚĂMÂNT",
    "Què és això? Col·lecció",
    "Māori, Esperanto ĉu, latviešu ļoti",
    "Привет, мир! Съешь же ещё этих мягких французских булок",
    "Україна, їжак, ґанок, Європа — її історія",
    "Καλημέρα κόσμε, η Αθήνα",
    "中文新闻：北京今天晴。",
    "日本語のニュース、東京は晴れ。",
    "한국어 뉴스",
    "العربية لغة جميلة",
    "עברית היא שפה",
    "Zelenskyy met Brontë fans and Herr Müller",
    "© 2026 Newsdesk · £5 · €10 · 1½ cups · 20 °C · 3×4 · 6÷2",
    "«quotes» and “curly” and ‘single’ — dash – en…",
    "naïve Ångström, all-caps ÉCOLE NATIONALE",
    "Nº 5, 1ª edição, 2º lugar",
    "x² + y² = z³, ½ ¼ ¾",
    "👍 Great 🎉",
    "Putin’s “real” view — 10 € (≈£8), Привет, 中文",
    "Київ (Kyiv) — café",
    // Accented capitals before a quote or symbol are accidentally valid UTF-8
    // ("É»" is U+027B, "ß“" is U+07D3, "Ã”" is "Ô"...). "“IRMÃ”" is
    // genuinely ambiguous (it could be "“IRMÔ" misread); the ordinary reading
    // is kept.
    "«CAFÉ» et «ÉTÉ»",
    "„Straße“ und „Gruß“",
    "ANDRÉ’S BAR and MÜLLER’S SHOP",
    "“IRMÃ”, disse ele",
    "È COSÌ…",
    "LE CAFÉ\u{a0}: ouvert",
    "Ele disse: «Não é…»",
    // Short words made only of accented letters, and a list of letters.
    "Þú, öö, þú",
    "Les lettres àâçéèêëîïôùûüÿ",
    "AÑO NUEVO EN ESPAÑA",
    // Capital words ending in Ä or Å before a symbol ("Ä°" would be "İ",
    // "Ä–" "Ė", "Å\u{a0}" "Š"), and a letter quoted on its own ("Ñ”" is "є").
    "TÄNÄÄN HYVÄ° LÄMMINTÄ",
    "YLÄ–ALA ja SÄÄ² mukaan",
    "PÅ\u{a0}: nej",
    "la letra Ñ… y la Å…",
    "TABELIÃ—escrivão",
    "RIFERÌ‡ in nota",
];

/// Runs every table case and returns what went wrong, for a readable failure.
fn failures() -> (usize, usize, Vec<String>) {
    let mut problems = Vec::new();
    let positives = MISREAD_UTF8.iter().chain(MISREAD_CYRILLIC);
    let mut repaired = 0;
    for (input, expected) in positives {
        let (output, lines) = repair_mojibake(input);
        if output == *expected && lines == 1 {
            repaired += 1;
        } else {
            problems.push(format!(
                "not repaired: {input:?} -> {output:?}, wanted {expected:?}"
            ));
        }
    }
    let mut untouched = 0;
    for input in UNTOUCHED {
        match repair_mojibake(input) {
            (Cow::Borrowed(_), 0) => untouched += 1,
            (output, _) => problems.push(format!("damaged: {input:?} -> {output:?}")),
        }
    }
    (repaired, untouched, problems)
}

#[test]
fn the_tables_are_big_enough() {
    assert!(MISREAD_UTF8.len() + MISREAD_CYRILLIC.len() >= 25);
    assert!(MISREAD_CYRILLIC.len() >= 10);
    assert!(UNTOUCHED.len() >= 25);
}

#[test]
fn repair_score_is_perfect() {
    let (repaired, untouched, problems) = failures();
    let positives = MISREAD_UTF8.len() + MISREAD_CYRILLIC.len();
    println!(
        "mojibake repair score: repaired {repaired}/{positives} ({:.1}%), untouched {untouched}/{} ({:.1}%)",
        100.0 * repaired as f64 / positives as f64,
        UNTOUCHED.len(),
        100.0 * untouched as f64 / UNTOUCHED.len() as f64,
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn windows_1252_table_matches_encoding_rs() {
    for byte in 0x80..=0xFFu8 {
        let bytes = [byte];
        let decoded = WINDOWS_1252.decode_without_bom_handling(&bytes).0;
        let c = decoded.chars().next().unwrap();
        assert_eq!(
            single_byte_of(c),
            Some(byte),
            "byte {byte:#x} decodes to {c:?}"
        );
    }
}

#[test]
fn repair_counts_changed_lines_and_keeps_line_endings() {
    let text = "cafÃ©\r\nfine\r\nÐŸÑ€Ð¸Ð²ÐµÑ‚\r\nlast Â\u{a0}line";
    let (fixed, lines) = repair_mojibake(text);
    assert_eq!(fixed, "café\r\nfine\r\nПривет\r\nlast \u{a0}line");
    assert_eq!(lines, 3);
}

#[test]
fn repair_borrows_unchanged_text() {
    let text = "Plain ASCII\nand café\n";
    assert!(matches!(repair_mojibake(text), (Cow::Borrowed(_), 0)));
    assert!(matches!(repair_mojibake(""), (Cow::Borrowed(""), 0)));
}

#[test]
fn repair_only_rewrites_cyrillic_words_of_a_misread_line() {
    let (fixed, _) = repair_mojibake("Ïèø³òü íàì: news@example.com, Ctrl + Enter, 2026 ð³ê");
    assert_eq!(
        fixed,
        "Пишіть нам: news@example.com, Ctrl + Enter, 2026 рік"
    );
}

/// A pseudo-random generator, so the hostile input is the same on every run.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn random_latin1_line(bytes: usize, lowest: u32) -> String {
    let mut state = 0x9E37_79B9_7F4A_7C15;
    let mut line = String::with_capacity(bytes + 4);
    while line.len() < bytes {
        let code = lowest + (xorshift(&mut state) % u64::from(0x100 - lowest)) as u32;
        line.push(char::from_u32(code).unwrap());
    }
    line
}

#[test]
fn hostile_five_megabyte_lines_take_linear_time() {
    // Release builds finish each line in a fraction of a second; unoptimised
    // test builds are far slower, so the bound there only catches blow-ups.
    let limit = if cfg!(debug_assertions) {
        Duration::from_secs(20)
    } else {
        Duration::from_secs(1)
    };
    for lowest in [0x20, 0xA0] {
        let line = random_latin1_line(5_000_000, lowest);
        let started = Instant::now();
        let (fixed, _) = repair_mojibake(&line);
        let elapsed = started.elapsed();
        println!(
            "5 MB random line from U+{lowest:04X}: {elapsed:?}, {} bytes out",
            fixed.len()
        );
        assert!(elapsed < limit, "took {elapsed:?}");
    }
}

// ---- decode_html ----------------------------------------------------------

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn html_bom_wins_over_everything() {
    let mut page = b"\xEF\xBB\xBF<meta charset=windows-1251><p>caf".to_vec();
    page.extend_from_slice("é</p>".as_bytes());
    let decoded = decode_html(&page, Some("koi8-r")).unwrap();
    assert_eq!(decoded.encoding, UTF_8);
    assert_eq!(decoded.text, "<meta charset=windows-1251><p>café</p>");
}

#[test]
fn html_utf16_bom() {
    let mut page = vec![0xFF, 0xFE];
    for unit in "<p>Привет</p>".encode_utf16() {
        page.extend_from_slice(&unit.to_le_bytes());
    }
    let decoded = decode_html(&page, None).unwrap();
    assert_eq!(decoded.encoding, UTF_16LE);
    assert_eq!(decoded.text, "<p>Привет</p>");
}

#[test]
fn html_http_charset_wins_over_meta() {
    let page = b"<meta charset=\"windows-1251\"><p>caf\xE9</p>";
    let decoded = decode_html(page, Some("windows-1252")).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(decoded.text, "<meta charset=\"windows-1251\"><p>café</p>");
}

#[test]
fn html_http_charset_may_be_a_whole_content_type() {
    let page = b"<p>caf\xE9</p>";
    let decoded = decode_html(page, Some("text/html; charset=\"ISO-8859-1\"")).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(decoded.text, "<p>café</p>");
    // A media type without a charset declares nothing; the meta tag decides.
    let page = encode("<meta charset=windows-1251><p>Привет</p>", WINDOWS_1251);
    assert_eq!(
        decode_html(&page, Some("text/html")).unwrap().encoding,
        WINDOWS_1251
    );
}

#[test]
fn html_meta_charset_windows_1251() {
    let page = encode(
        "<html><head><meta charset=\"windows-1251\"><title>Новини</title></head><body>Привіт, світе!</body></html>",
        WINDOWS_1251,
    );
    let decoded = decode_html(&page, None).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1251);
    assert!(decoded.text.contains("<title>Новини</title>"));
    assert!(decoded.text.contains("Привіт, світе!"));
    assert_eq!(decoded.repaired_lines, 0);
}

#[test]
fn html_meta_charset_windows_1252() {
    let page = encode(
        "<meta charset='windows-1252'>\n<p>Le café était déjà fermé — “Straße” © 2026</p>",
        WINDOWS_1252,
    );
    let decoded = decode_html(&page, None).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(
        decoded.text,
        "<meta charset='windows-1252'>\n<p>Le café était déjà fermé — “Straße” © 2026</p>"
    );
    assert_eq!(decoded.repaired_lines, 0);
}

#[test]
fn html_http_equiv_content_type() {
    let page = encode(
        "<HTML><HEAD>\n<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">\n</HEAD>Привет</HTML>",
        KOI8_R,
    );
    let decoded = decode_html(&page, None).unwrap();
    assert_eq!(decoded.encoding, KOI8_R);
    assert!(decoded.text.ends_with("Привет</HTML>"));
}

#[test]
fn html_meta_in_a_comment_or_past_4096_bytes_is_ignored() {
    let page = b"<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\"><p>ok</p>";
    assert_eq!(decode_html(page, None).unwrap().encoding, UTF_8);

    let mut page = vec![b' '; 5000];
    page.extend_from_slice(b"<meta charset=windows-1252><p>caf\xE9</p>");
    // Unseen, the declaration cannot help; the bytes are detected instead.
    let decoded = decode_html(&page, None).unwrap();
    assert!(
        decoded.text.ends_with("<p>café</p>"),
        "{:?}",
        &decoded.text[5000..]
    );
}

#[test]
fn html_meta_cannot_declare_utf16() {
    let page = "<meta charset=utf-16><p>café</p>".as_bytes();
    let decoded = decode_html(page, None).unwrap();
    assert_eq!(decoded.encoding, UTF_8);
    assert_eq!(decoded.text, "<meta charset=utf-16><p>café</p>");
}

#[test]
fn html_without_declaration_is_utf8_or_detected() {
    let page = "<p>Привет, café</p>".as_bytes();
    let decoded = decode_html(page, None).unwrap();
    assert_eq!(decoded.encoding, UTF_8);
    assert_eq!(decoded.text, "<p>Привет, café</p>");

    // Not UTF-8 and undeclared: the legacy encoding is detected.
    let latin = b"<p>Le caf\xE9 \xE9tait d\xE9j\xE0 ferm\xE9 quand nous sommes arriv\xE9s \xE0 la gare.</p>";
    let decoded = decode_html(latin, None).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert!(
        decoded.text.contains("café était déjà fermé"),
        "{}",
        decoded.text
    );
    let (cyrillic, _, _) = WINDOWS_1251.encode(
        "<p>Переговоры о прекращении огня возобновятся в понедельник, сообщили в министерстве.</p>",
    );
    let decoded = decode_html(&cyrillic, None).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1251);
    assert!(
        decoded.text.contains("Переговоры о прекращении огня"),
        "{}",
        decoded.text
    );
}

#[test]
fn html_binary_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_eq!(decode_html(png, None), Err(DecodeError::Binary));
    assert_eq!(decode_html(png, Some("utf-8")), Err(DecodeError::Binary));
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    assert_eq!(decode_html(&controls, None), Err(DecodeError::Binary));
}

#[test]
fn html_unknown_labels() {
    // A caller's explicit charset that names no encoding is an error ...
    assert_eq!(
        decode_html(b"<p>hi</p>", Some("x-made-up")),
        Err(DecodeError::UnknownEncoding("x-made-up".into()))
    );
    // ... and labels of the "replacement" encoding would decode to a single U+FFFD.
    assert_eq!(
        decode_html(b"<p>hi</p>", Some("iso-2022-kr")),
        Err(DecodeError::UnknownEncoding("iso-2022-kr".into()))
    );
    // An unknown label inside the page is ignored, as browsers ignore it.
    let decoded = decode_html(b"<meta charset=\"klingon-8\"><p>hi</p>", None).unwrap();
    assert_eq!(decoded.encoding, UTF_8);
}

#[test]
fn html_declared_windows_1252_holding_utf8_is_repaired() {
    let page = "<meta charset=iso-8859-1>\n<p>Putin’s “war”</p>\n<p>café</p>".as_bytes();
    let decoded = decode_html(page, None).unwrap();
    assert_eq!(decoded.encoding, WINDOWS_1252);
    assert_eq!(
        decoded.text,
        "<meta charset=iso-8859-1>\n<p>Putin’s “war”</p>\n<p>café</p>"
    );
    assert_eq!(decoded.repaired_lines, 2);
}

// ---- decode_text ----------------------------------------------------------

#[test]
fn text_utf16_boms() {
    let mut little = vec![0xFF, 0xFE];
    let mut big = vec![0xFE, 0xFF];
    for unit in "Hi é Привет 😀\n".encode_utf16() {
        little.extend_from_slice(&unit.to_le_bytes());
        big.extend_from_slice(&unit.to_be_bytes());
    }
    let decoded = decode_text(&little).unwrap();
    assert_eq!(
        (decoded.encoding, decoded.text.as_str()),
        (UTF_16LE, "Hi é Привет 😀\n")
    );
    let decoded = decode_text(&big).unwrap();
    assert_eq!(
        (decoded.encoding, decoded.text.as_str()),
        (UTF_16BE, "Hi é Привет 😀\n")
    );
}

#[test]
fn text_utf8_bom_is_dropped() {
    let decoded = decode_text(b"\xEF\xBB\xBFhello").unwrap();
    assert_eq!((decoded.encoding, decoded.text.as_str()), (UTF_8, "hello"));
}

#[test]
fn text_invalid_utf8_reports_the_offset() {
    assert_eq!(
        decode_text(b"abc\xFFdef"),
        Err(DecodeError::InvalidUtf8 { offset: 3 })
    );
    assert_eq!(
        decode_text(b"caf\xC3\xA9 \xC3("),
        Err(DecodeError::InvalidUtf8 { offset: 6 })
    );
    // A truncated final character is invalid too.
    assert_eq!(
        decode_text(b"ok \xE2\x80"),
        Err(DecodeError::InvalidUtf8 { offset: 3 })
    );
}

#[test]
fn text_with_a_few_bad_bytes_is_read_with_replacement() {
    let mut bytes = "The council met on Monday. ".repeat(30).into_bytes();
    bytes.splice(100..100, [0xE9]);
    let decoded = decode_text(&bytes).unwrap();
    assert_eq!(decoded.replaced, vec![(100, vec![0xE9])]);
    assert_eq!(decoded.text.matches('\u{FFFD}').count(), 1);
    // Many bad bytes: refused, naming the first.
    let latin1: Vec<u8> = b"caf\xE9 ".repeat(100);
    assert_eq!(
        decode_text(&latin1),
        Err(DecodeError::InvalidUtf8 { offset: 3 })
    );
}

#[test]
fn text_binary_is_refused() {
    assert_eq!(decode_text(b"text\0with a NUL"), Err(DecodeError::Binary));
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.extend(std::iter::repeat_n(0u8, 16));
    assert_eq!(decode_text(&elf), Err(DecodeError::Binary));
    assert_eq!(
        decode_text(b"\x01\x02\x03\x04abcdef"),
        Err(DecodeError::Binary)
    );
    // UTF-16 is judged on its characters, not on its NUL bytes...
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend_from_slice(b"h\0i\0");
    assert!(decode_text(&utf16).is_ok());
    // ...which must not be NULs themselves.
    utf16.extend_from_slice(b"\0\0");
    assert_eq!(decode_text(&utf16), Err(DecodeError::Binary));
}

#[test]
fn text_with_tabs_form_feeds_and_escapes_is_not_binary() {
    let text = b"col1\tcol2\r\n\x0cpage two\n\x1b[31mred\x1b[0m\n";
    assert!(decode_text(text).is_ok());
}

#[test]
fn text_empty_input() {
    let decoded = decode_text(b"").unwrap();
    assert_eq!(
        decoded,
        Decoded {
            text: String::new(),
            encoding: UTF_8,
            repaired_lines: 0,
            replaced: Vec::new(),
        }
    );
}

#[test]
fn text_mojibake_is_repaired() {
    let decoded = decode_text("cafÃ©\nok\nÏðèâåò, ìèð!\n".as_bytes()).unwrap();
    assert_eq!(decoded.text, "café\nok\nПривет, мир!\n");
    assert_eq!(decoded.repaired_lines, 2);
}
