//! Words of Chinese text for the search index (NOTES: Chinese text search).
//!
//! Chinese has no spaces between words, and a word worth searching for is often two characters
//! long (征地, 工资), which a trigram index cannot match. So the text is indexed as overlapping
//! character pairs: 拖欠工资 becomes `拖欠 欠工 工资 资`, and a word is found as the phrase of
//! its pairs, whatever its length. Letters and digits stay whole words.
//!
//! A match must never run across punctuation ("征地，补偿" does not contain 地补): the text is
//! split at every character that is neither CJK nor a letter or digit, and a barrier token the
//! search never asks for stands between the pieces.
//!
//! Each CJK stretch also ends with its last character alone (`… 工资 资`), so that every
//! occurrence of a character begins a token: a single character is asked for as a prefix
//! (`"资"*`, exactly what a scan of the text would find, at a fraction of the cost), and a
//! query with a lone character before a number ("万元3000") finds it as the text has it.

/// Stands between pieces of text that a phrase must not join: a private-use character, which
/// the index's tokenizer keeps as a token (unicode61 counts `Co` as a token character) and a
/// search never contains (queries are cleaned of it).
pub const BARRIER: char = '\u{e000}';

/// Han ideographs (and the kana and hangul that share their lack of spaces) are paired; other
/// letters and digits form whole words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}')
}

/// A character that belongs to a word (not punctuation, space or a symbol).
fn is_word_char(c: char) -> bool {
    c != BARRIER && (is_cjk(c) || c.is_alphanumeric())
}

/// One stretch of the same kind inside a run of word characters.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment<'a> {
    /// Characters of CJK text, paired in the index.
    Cjk(Vec<char>),
    /// Letters and digits, one whole token.
    Other(&'a str),
}

/// The runs of word characters in `text`: what lies between punctuation and spaces.
fn runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|r| !r.is_empty())
}

/// A run cut where it changes between CJK and other letters or digits.
fn segments(run: &str) -> Vec<Segment<'_>> {
    let mut out = vec![];
    let mut start = 0;
    let mut chars = run.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let cjk = is_cjk(c);
        let next_differs = chars.peek().is_none_or(|(_, n)| is_cjk(*n) != cjk);
        if next_differs {
            let end = i + c.len_utf8();
            let piece = run.get(start..end).unwrap_or_default();
            out.push(if cjk {
                Segment::Cjk(piece.chars().collect())
            } else {
                Segment::Other(piece)
            });
            start = end;
        }
    }
    out
}

fn push_token(out: &mut String, token: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(token);
}

/// The tokens of one CJK stretch as the index holds them: its pairs, then its last character
/// alone (a stretch of one character is that character).
fn push_cjk(out: &mut String, chars: &[char], trailing_single: bool) {
    if let [only] = chars {
        push_token(out, &only.to_string());
        return;
    }
    for pair in chars.windows(2) {
        push_token(out, &pair.iter().collect::<String>());
    }
    if trailing_single && let Some(last) = chars.last() {
        push_token(out, &last.to_string());
    }
}

/// The text the search index holds for the given pieces of text (a case's summary and
/// account): pairs of CJK characters, whole words of letters and digits, a barrier between
/// pieces and wherever punctuation or space stood.
pub fn index_text(parts: &[&str]) -> String {
    let mut out = String::new();
    let barrier = BARRIER.to_string();
    for run in parts.iter().flat_map(|p| runs(p)) {
        if !out.is_empty() {
            push_token(&mut out, &barrier);
        }
        for segment in segments(run) {
            match segment {
                Segment::Cjk(chars) => push_cjk(&mut out, &chars, true),
                Segment::Other(s) => push_token(&mut out, s),
            }
        }
    }
    out
}

/// One word of a search, as the index can be asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordQuery {
    /// An FTS5 phrase (already quoted, a trailing `*` when its last token is a prefix).
    Phrase(String),
    /// A single letter or digit: the index holds whole words of them, not characters, so it
    /// is looked for in the text itself.
    Single(char),
}

/// How to ask the index for one run of word characters as typed (no punctuation inside).
fn word_query(run: &str) -> Option<WordQuery> {
    let mut chars = run.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single CJK character has no pair of its own; every occurrence begins a token
        // (a pair, or the lone last character of a stretch), so a prefix finds them all.
        return Some(if is_cjk(c) {
            WordQuery::Phrase(format!("\"{c}\"*"))
        } else {
            WordQuery::Single(c)
        });
    }
    let segments = segments(run);
    let count = segments.len();
    let mut tokens = String::new();
    let mut prefix = false;
    for (i, segment) in segments.into_iter().enumerate() {
        let last = i + 1 == count;
        match segment {
            Segment::Other(s) => push_token(&mut tokens, s),
            // A lone character that ends the query may begin a pair in the text.
            Segment::Cjk(chars) if chars.len() == 1 && last => {
                push_cjk(&mut tokens, &chars, false);
                prefix = true;
            }
            // A stretch followed by letters or digits ends there in the text too, so the
            // text has its last character alone next.
            Segment::Cjk(chars) => push_cjk(&mut tokens, &chars, !last),
        }
    }
    if tokens.is_empty() {
        return None;
    }
    Some(WordQuery::Phrase(format!(
        "\"{tokens}\"{}",
        if prefix { "*" } else { "" }
    )))
}

/// The words of a search text: it is cut at spaces and punctuation, and every piece must be
/// found (a match never runs across punctuation).
pub fn search_words(text: &str) -> Vec<WordQuery> {
    runs(text).filter_map(word_query).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b() -> String {
        BARRIER.to_string()
    }

    #[test]
    fn chinese_text_is_indexed_as_overlapping_pairs() {
        assert_eq!(index_text(&["拖欠工资"]), "拖欠 欠工 工资 资");
        assert_eq!(index_text(&["征地"]), "征地 地");
        assert_eq!(index_text(&["钱"]), "钱");
    }

    #[test]
    fn punctuation_and_pieces_are_barriers() {
        assert_eq!(
            index_text(&["征地，补偿", "工资"]),
            format!("征地 地 {b} 补偿 偿 {b} 工资 资", b = b())
        );
    }

    #[test]
    fn letters_and_digits_stay_whole() {
        assert_eq!(index_text(&["欠款3000元整"]), "欠款 款 3000 元整 整");
        assert_eq!(index_text(&["KTV噪音"]), "KTV 噪音 音");
    }

    #[test]
    fn a_query_asks_for_the_pairs_of_each_piece() {
        assert_eq!(
            search_words("拖欠工资"),
            [WordQuery::Phrase("\"拖欠 欠工 工资\"".into())]
        );
        assert_eq!(
            search_words("征地 补偿款"),
            [
                WordQuery::Phrase("\"征地\"".into()),
                WordQuery::Phrase("\"补偿 偿款\"".into())
            ]
        );
        assert_eq!(search_words("钱"), [WordQuery::Phrase("\"钱\"*".into())]);
        assert_eq!(search_words("5"), [WordQuery::Single('5')]);
        assert_eq!(
            search_words("万元3000"),
            [WordQuery::Phrase("\"万元 元 3000\"".into())]
        );
        assert_eq!(
            search_words("3000元"),
            [WordQuery::Phrase("\"3000 元\"*".into())]
        );
        assert!(search_words("，。 ").is_empty());
    }

    #[test]
    fn a_barrier_typed_into_a_query_is_ignored() {
        assert_eq!(
            search_words(&format!("征{}地", b())),
            [
                WordQuery::Phrase("\"征\"*".into()),
                WordQuery::Phrase("\"地\"*".into())
            ]
        );
    }
}
