//! The compact text encodings of the storage schema: numbers in an ordered
//! 64-digit alphabet, escaped free text, [`Response`] in a few characters, one
//! attempt per line (schema v3, and the v2 lines and verbose JSON lines of
//! schema v1 that the migration still reads), plus calendar arithmetic for
//! month chunks.
//!
//! Every decoder is total: it returns `None` (or an error message) on any
//! malformed input and never panics, whatever the bytes.

use super::{valid_content_id, AttemptId, MAX_DURATION_SECS, MAX_LIST_LEN, MAX_SCORE};
use crate::response::{Response, MAX_TEXT_CHARS};
use serde::Deserialize;

/// Digits of the compact number encoding, in value order: `0-9`, `a-z`,
/// `A-Z`, `-`, `_`. Numbers below 36 therefore read like base 36.
pub const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

/// Header line of a chunk of the current schema (v3).
pub const CHUNK_HEADER: &str = "#3";
/// Header line of a schema-v2 chunk (read for migration).
pub const CHUNK_V2_HEADER: &str = "#2";

/// Value of one digit, or `None`.
pub fn digit_value(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some(u64::from(c - b'0')),
        b'a'..=b'z' => Some(u64::from(c - b'a') + 10),
        b'A'..=b'Z' => Some(u64::from(c - b'A') + 36),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Encodes a number with [`DIGITS`], shortest form (`0` is `"0"`).
pub fn encode_num(mut n: u64, out: &mut String) {
    let mut buf = [0u8; 11];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 64) as usize];
        n /= 64;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// Decodes a number written by [`encode_num`]: non-empty, no leading zero
/// (so each number has one spelling), at most `u32::MAX`-ish sizes only.
pub fn decode_num(s: &str) -> Option<u64> {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > 6 || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut n: u64 = 0;
    for &b in bytes {
        n = n * 64 + digit_value(b)?;
    }
    Some(n)
}

/// Eight digits (48 bits) from a random number, mixed first (splitmix64) so
/// that a 32-bit random, or a poor one, still gives well-spread ids.
pub fn id_from_random(r: u64) -> String {
    let mut state = r;
    let r = crate::text::splitmix64(&mut state);
    (0..8).map(|i| char::from(DIGITS[((r >> (58 - 6 * i)) & 63) as usize])).collect()
}

/// True for an identifier made of [`DIGITS`] only, 4 to 16 characters.
pub fn is_token(s: &str) -> bool {
    (4..=16).contains(&s.len()) && s.bytes().all(|b| digit_value(b).is_some())
}

// ---------------------------------------------------------------- calendar

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil (year, month) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m as u32)
}

// ---------------------------------------------------------------- free text

/// Truncates to [`MAX_TEXT_CHARS`] characters.
pub fn cap_text(s: &str) -> String {
    s.chars().take(MAX_TEXT_CHARS).collect()
}

fn escape_text(s: &str, out: &mut String) {
    escape(s, false, out);
}

/// Escapes a text; `space` also escapes spaces as `\s` (ids written inside a
/// line, where a space ends the field).
fn escape(s: &str, space: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            ' ' if space => out.push_str("\\s"),
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// Splits on unescaped `|` and unescapes each entry.
fn unescape_texts(s: &str) -> Option<Vec<String>> {
    unescape(s, false)
}

/// Splits on unescaped `|` and unescapes each entry; `space`: `\s` is a
/// space and a raw space is refused (ids inside a line).
fn unescape(s: &str, space: bool) -> Option<Vec<String>> {
    let mut entries = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '|' => entries.push(std::mem::take(&mut cur)),
            '\\' => match chars.next()? {
                '\\' => cur.push('\\'),
                's' if space => cur.push(' '),
                '|' => cur.push('|'),
                'n' => cur.push('\n'),
                'r' => cur.push('\r'),
                'x' => {
                    let h: String = [chars.next()?, chars.next()?].iter().collect();
                    let v = u32::from_str_radix(&h, 16).ok()?;
                    if v >= 0x20 && v != 0x7f {
                        return None;
                    }
                    cur.push(char::from_u32(v)?);
                }
                _ => return None,
            },
            c if (c as u32) < 0x20 || c == '\u{7f}' || (space && c == ' ') => return None,
            c => cur.push(c),
        }
    }
    entries.push(cur);
    Some(entries)
}

// ---------------------------------------------------------------- responses

/// Caps a response to what storage keeps: at most [`MAX_LIST_LEN`] entries,
/// each text at most [`MAX_TEXT_CHARS`] characters.
pub fn cap_response(r: &Response) -> Response {
    let cap = |v: &Vec<u8>| v.iter().copied().take(MAX_LIST_LEN).collect::<Vec<u8>>();
    match r {
        Response::Choices(v) => Response::Choices(cap(v)),
        Response::Bool(b) => Response::Bool(*b),
        Response::Texts(v) => Response::Texts(v.iter().take(MAX_LIST_LEN).map(|s| cap_text(s)).collect()),
        Response::Order(v) => Response::Order(cap(v)),
        Response::Path(v) => Response::Path(cap(v)),
    }
}

/// True when a response is within the storage caps.
pub fn response_within_caps(r: &Response) -> bool {
    match r {
        Response::Choices(v) | Response::Order(v) | Response::Path(v) => v.len() <= MAX_LIST_LEN,
        Response::Bool(_) => true,
        Response::Texts(v) => v.len() <= MAX_LIST_LEN && v.iter().all(|s| s.chars().count() <= MAX_TEXT_CHARS),
    }
}

fn encode_small_list(v: &[u8], out: &mut String) {
    for &n in v {
        if n < 64 {
            out.push(char::from(DIGITS[n as usize]));
        } else {
            out.push('~');
            out.push(char::from(DIGITS[(n / 64) as usize]));
            out.push(char::from(DIGITS[(n % 64) as usize]));
        }
    }
}

fn decode_small_list(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    let mut v = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'~' {
            let hi = digit_value(*b.get(i + 1)?)?;
            let lo = digit_value(*b.get(i + 2)?)?;
            let n = hi * 64 + lo;
            if n < 64 {
                return None; // non-canonical
            }
            v.push(u8::try_from(n).ok()?);
            i += 3;
        } else {
            v.push(u8::try_from(digit_value(b[i])?).ok()?);
            i += 1;
        }
        if v.len() > MAX_LIST_LEN {
            return None;
        }
    }
    Some(v)
}

/// Compact form: `c`+indices, `y`/`n`, `t`+texts separated by `|`, `T` (no
/// text at all), `o`+indices, `p`+indices. An index below 64 is one digit,
/// otherwise `~` and two digits.
pub fn encode_response(r: &Response, out: &mut String) {
    match r {
        Response::Choices(v) => {
            out.push('c');
            encode_small_list(v, out);
        }
        Response::Bool(true) => out.push('y'),
        Response::Bool(false) => out.push('n'),
        Response::Texts(v) if v.is_empty() => out.push('T'),
        Response::Texts(v) => {
            out.push('t');
            for (i, s) in v.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                escape_text(s, out);
            }
        }
        Response::Order(v) => {
            out.push('o');
            encode_small_list(v, out);
        }
        Response::Path(v) => {
            out.push('p');
            encode_small_list(v, out);
        }
    }
}

/// Inverse of [`encode_response`]; `None` on anything malformed or over caps.
pub fn decode_response(s: &str) -> Option<Response> {
    let mut chars = s.chars();
    let tag = chars.next()?;
    let rest = chars.as_str();
    let r = match tag {
        'c' => Response::Choices(decode_small_list(rest)?),
        'o' => Response::Order(decode_small_list(rest)?),
        'p' => Response::Path(decode_small_list(rest)?),
        'y' if rest.is_empty() => Response::Bool(true),
        'n' if rest.is_empty() => Response::Bool(false),
        'T' if rest.is_empty() => Response::Texts(Vec::new()),
        't' => Response::Texts(unescape_texts(rest)?),
        _ => return None,
    };
    response_within_caps(&r).then_some(r)
}

// ---------------------------------------------------------------- attempt lines

/// Which activity a line is about: a position in the index's activity table,
/// or the ids themselves (for an activity this tab added to the table
/// during its session: a position another tab may give another meaning to
/// at the same moment; see `docs/storage.md`, « Deux onglets »).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActRef {
    /// Index into the activity table of the meta.
    Index(u32),
    /// Lesson and activity ids, written in the line.
    Ids {
        /// Lesson id.
        lesson: String,
        /// Activity id.
        activity: String,
    },
}

/// One attempt as stored in a chunk line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Attempt id (8 digits).
    pub id: AttemptId,
    /// Seconds since the start of the chunk's month (UTC).
    pub rel: u64,
    /// Rank among the profile's attempts of the same second (0 for the
    /// first): the order they were made in.
    pub tie: u32,
    /// The activity.
    pub act: ActRef,
    /// Score 0–100.
    pub score: u8,
    /// Time spent, seconds, capped.
    pub duration: u32,
    /// The answer.
    pub response: Response,
}

/// `<id:8><rel>[.<tie>] <act> <score> <duration> <response>`, no newline;
/// `<act>` is an index, or `=` and the escaped `lesson|activity`.
pub fn encode_line(l: &Line) -> String {
    let mut out = String::with_capacity(32);
    out.push_str(l.id.as_str());
    encode_num(l.rel, &mut out);
    if l.tie > 0 {
        out.push('.');
        encode_num(u64::from(l.tie), &mut out);
    }
    out.push(' ');
    match &l.act {
        ActRef::Index(i) => encode_num(u64::from(*i), &mut out),
        ActRef::Ids { lesson, activity } => {
            out.push('=');
            escape(lesson, true, &mut out);
            out.push('|');
            escape(activity, true, &mut out);
        }
    }
    out.push(' ');
    encode_num(u64::from(l.score), &mut out);
    out.push(' ');
    encode_num(u64::from(l.duration), &mut out);
    out.push(' ');
    encode_response(&l.response, &mut out);
    out
}

/// Inverse of [`encode_line`] (schema v3); checks field ranges (not the
/// month bound, which the caller knows, nor the table bound).
pub fn decode_line(s: &str) -> Option<Line> {
    decode_line_of(s, true)
}

/// A schema-v2 line: `<id:8><rel> <act index> <score> <duration> <response>`
/// (no rank, no ids in the line); its rank is 0.
pub fn decode_line_v2(s: &str) -> Option<Line> {
    decode_line_of(s, false)
}

fn decode_line_of(s: &str, v3: bool) -> Option<Line> {
    let mut parts = s.splitn(5, ' ');
    let head = parts.next()?;
    if head.len() < 9 || !head.is_char_boundary(8) {
        return None;
    }
    let (id, time) = head.split_at(8);
    let id = AttemptId::parse(id)?;
    let (rel, tie) = match time.split_once('.') {
        Some((rel, tie)) if v3 => (decode_num(rel)?, u32::try_from(decode_num(tie)?).ok().filter(|t| *t > 0)?),
        Some(_) => return None,
        None => (decode_num(time)?, 0),
    };
    let act = parts.next()?;
    let act = match act.strip_prefix('=') {
        Some(ids) if v3 => {
            let mut ids = unescape(ids, true)?.into_iter();
            let (Some(lesson), Some(activity), None) = (ids.next(), ids.next(), ids.next()) else { return None };
            if !valid_content_id(&lesson) || !valid_content_id(&activity) {
                return None;
            }
            ActRef::Ids { lesson, activity }
        }
        Some(_) => return None,
        None => ActRef::Index(u32::try_from(decode_num(act)?).ok()?),
    };
    let score = u8::try_from(decode_num(parts.next()?)?).ok()?;
    let duration = u32::try_from(decode_num(parts.next()?)?).ok()?;
    let response = decode_response(parts.next()?)?;
    if score > MAX_SCORE || duration > MAX_DURATION_SECS || rel > 31 * 86_400 {
        return None;
    }
    Some(Line { id, rel, tie, act, score, duration, response })
}

/// Decodes a line of a chunk of this format (v3 or v2; `None` otherwise).
pub fn decode_line_in(s: &str, format: ChunkFormat) -> Option<Line> {
    match format {
        ChunkFormat::V3 => decode_line(s),
        ChunkFormat::V2 => decode_line_v2(s),
        ChunkFormat::V1 | ChunkFormat::Unknown => None,
    }
}

/// One attempt as written by schema v1: a JSON object per line, ids inline,
/// absolute timestamps.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineV1 {
    /// Attempt id.
    pub id: String,
    /// Unix seconds.
    pub at: i64,
    /// Lesson id.
    pub lesson: String,
    /// Activity id.
    pub activity: String,
    /// Score 0–100.
    pub score: u8,
    /// Seconds spent.
    pub duration: u32,
    /// Answer, in the serde form of [`Response`].
    pub response: Response,
}

/// The format of a chunk value, told by its first line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkFormat {
    /// Schema v1: one JSON object per line (or nothing at all).
    V1,
    /// Schema v2: the header `#2`, then one compact line per attempt.
    V2,
    /// Schema v3: the header `#3`, then one compact line per attempt (with
    /// its rank in the second, and ids for activities new to the tab).
    V3,
    /// Another header, or text that is neither.
    Unknown,
}

/// The format of a chunk value.
pub fn chunk_format(value: &str) -> ChunkFormat {
    let first = value.lines().next().unwrap_or("");
    if first == CHUNK_HEADER {
        ChunkFormat::V3
    } else if first == CHUNK_V2_HEADER {
        ChunkFormat::V2
    } else if first.starts_with('#') {
        ChunkFormat::Unknown
    } else if value.trim().is_empty() || value.trim_start().starts_with('{') {
        ChunkFormat::V1
    } else {
        ChunkFormat::Unknown
    }
}

/// Lines of a v2 or v3 chunk after the header (empty lines skipped).
pub fn v2_lines(value: &str) -> impl Iterator<Item = &str> {
    value.lines().skip(1).filter(|l| !l.is_empty())
}

/// The attempt lines of a chunk value of this format: after the header for
/// v2 and v3, every line that is not blank otherwise.
pub fn chunk_lines(value: &str, format: ChunkFormat) -> Vec<&str> {
    match format {
        ChunkFormat::V2 | ChunkFormat::V3 => v2_lines(value).collect(),
        ChunkFormat::V1 | ChunkFormat::Unknown => value.lines().filter(|l| !l.trim().is_empty()).collect(),
    }
}

/// Builds a v3 chunk value from encoded lines (each line is ended by `\n`).
pub fn chunk_from_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::from(CHUNK_HEADER);
    out.push('\n');
    for l in lines {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// Union of two chunk values by attempt id, in a canonical order (by time,
/// rank in the second, then id; undecodable lines kept verbatim, sorted, at
/// the end), written as v3. When both hold different lines with the same
/// id, the smaller line wins, so the result does not depend on the argument
/// order and merging again changes nothing. v2 lines are read as v2 (rank
/// 0); values that are not chunks are treated as lists of undecodable lines,
/// so nothing is dropped.
pub fn merge_chunks(a: &str, b: &str) -> String {
    use std::collections::{BTreeMap, BTreeSet};
    let mut good: BTreeMap<String, (u64, u32, String)> = BTreeMap::new();
    let mut bad: BTreeSet<String> = BTreeSet::new();
    for value in [a, b] {
        let format = chunk_format(value);
        for raw in chunk_lines(value, format) {
            match decode_line_in(raw, format) {
                Some(l) => {
                    let line = encode_line(&l);
                    let key = l.id.as_str().to_string();
                    match good.get(&key) {
                        Some((_, _, existing)) if *existing <= line => {}
                        _ => {
                            good.insert(key, (l.rel, l.tie, line));
                        }
                    }
                }
                None => {
                    bad.insert(raw.to_string());
                }
            }
        }
    }
    let mut sorted: Vec<(u64, u32, &String, &String)> = good.iter().map(|(id, (rel, tie, line))| (*rel, *tie, id, line)).collect();
    sorted.sort();
    chunk_from_lines(sorted.iter().map(|(_, _, _, l)| l.as_str()).chain(bad.iter().map(String::as_str)))
}
