//! CSV as RFC 4180 writes it: fields separated by commas, a field with a comma, a quote or a
//! line break in double quotes (a quote inside doubled). Read with the line each record
//! starts on, so a refusal can name it; written so that a spreadsheet neither splits a field
//! nor runs one as a formula.

/// One record and the line of the file it starts on (1 for the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// A quoted field that never ends.
    UnclosedQuote,
    /// Something other than a comma or a line end right after a closing quote.
    TextAfterQuote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub problem: CsvProblem,
}

/// The records of `text` (a leading byte-order mark is ignored; blank lines are skipped;
/// `\r\n` and `\n` both end a line).
pub fn parse(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = vec![];
    let mut fields: Vec<String> = vec![];
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut after_quote = false;
    let mut chars = text.chars().peekable();
    let end_record =
        |fields: &mut Vec<String>, field: &mut String, records: &mut Vec<Record>, start| {
            fields.push(std::mem::take(field));
            let blank = fields.len() == 1 && fields.first().is_some_and(|f| f.trim().is_empty());
            if blank {
                fields.clear();
            } else {
                records.push(Record {
                    line: start,
                    fields: std::mem::take(fields),
                });
            }
        };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                end_record(&mut fields, &mut field, &mut records, start);
                line += 1;
                start = line;
                after_quote = false;
            }
            _ if after_quote => {
                return Err(CsvError {
                    line,
                    problem: CsvProblem::TextAfterQuote,
                });
            }
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line: start,
            problem: CsvProblem::UnclosedQuote,
        });
    }
    if !field.is_empty() || !fields.is_empty() {
        end_record(&mut fields, &mut field, &mut records, start);
    }
    Ok(records)
}

/// A field as CSV writes it: quoted when it holds a comma, a quote, a line break or spaces at
/// its ends; a field a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab) gets a
/// leading `'` first, as OWASP advises for files opened in spreadsheets.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    let needs_quotes =
        value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One record, its fields written by [`field`], ended by CRLF (RFC 4180).
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<String>)> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields))
            .collect()
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,\n";
        assert_eq!(
            fields(text),
            [
                (1, vec!["a".into(), "b".into()]),
                (2, vec!["x, y".into(), "say \"hi\"".into()]),
                (4, vec!["two\nlines".into(), "z".into()]),
                (6, vec!["last".into(), String::new()]),
            ]
        );
    }

    #[test]
    fn broken_quoting_is_refused_naming_the_line() {
        assert_eq!(
            parse("a,b\n\"open,c\nd\n").unwrap_err(),
            CsvError {
                line: 2,
                problem: CsvProblem::UnclosedQuote
            }
        );
        assert_eq!(
            parse("a,b\nc,\"d\"e\n").unwrap_err(),
            CsvError {
                line: 2,
                problem: CsvProblem::TextAfterQuote
            }
        );
    }

    #[test]
    fn written_fields_read_back_the_same_and_never_run_as_formulas() {
        let values = ["王建国", "a,b", "say \"hi\"", "two\nlines", " pad "];
        let text = record(&values);
        assert!(text.ends_with("\r\n"));
        let back = parse(&text).unwrap();
        assert_eq!(back[0].fields, values);
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@x"), "'@x");
    }
}
