//! The bounded JSON parser every file chosen by a user goes through. It
//! checks the size before anything else, then that the bytes are UTF-8
//! text (one leading UTF-8 byte-order mark is allowed; NUL bytes and other
//! encodings are refused as binary), then parses with bounds on depth,
//! elements per array or object, string and number lengths, refusing
//! duplicate keys — so a hostile file ends promptly with a [`RecordError`]
//! and a position, never a panic nor a deep recursion. The result is a
//! `serde_json::Value`, read field by field by `read`.
//!
//! Why not `serde_json::from_slice` alone: it keeps the last of duplicate
//! keys silently, accepts strings and arrays of any length, and its
//! recursion limit (128) is far above what a record needs.

use super::{Pos, RecordError, MAX_RECORD_BYTES};
use serde_json::{Map, Number, Value};

/// Bounds of [`parse_bounded`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonLimits {
    /// Largest input, in bytes.
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects (the root is depth 1).
    pub max_depth: usize,
    /// Most elements of one array or keys of one object.
    pub max_items: usize,
    /// Longest string (key or value), in bytes once decoded.
    pub max_string_bytes: usize,
    /// Longest number, in characters.
    pub max_number_chars: usize,
}

impl Default for JsonLimits {
    /// The limits of a record: 8 MB, depth 8 (a record needs 6), 100,000
    /// elements, strings of 4,096 bytes, numbers of 24 characters.
    fn default() -> Self {
        JsonLimits { max_bytes: MAX_RECORD_BYTES, max_depth: 8, max_items: 100_000, max_string_bytes: 4_096, max_number_chars: 24 }
    }
}

/// Parses `bytes` within `limits`.
pub fn parse_bounded(bytes: &[u8], limits: &JsonLimits) -> Result<Value, RecordError> {
    if bytes.len() > limits.max_bytes {
        return Err(RecordError::TooLarge { max_bytes: limits.max_bytes });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(RecordError::NotText);
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return Err(RecordError::NotText) };
    if text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r')).is_empty() {
        return Err(RecordError::Empty);
    }
    let mut p = Parser { s: text.as_bytes(), i: 0, limits };
    p.ws();
    let v = p.value(1)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(RecordError::Syntax { at: p.pos() });
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    limits: &'a JsonLimits,
}

impl Parser<'_> {
    /// Line and column (in characters) of the current byte.
    fn pos(&self) -> Pos {
        self.pos_at(self.i)
    }

    /// Line and column of byte `off` (only computed for an error).
    fn pos_at(&self, off: usize) -> Pos {
        let end = off.min(self.s.len());
        let before = &self.s[..end];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        // Count characters, not bytes: continuation bytes are 0b10xx_xxxx.
        let column = 1 + before[start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        Pos { line, column }
    }

    fn syntax(&self) -> RecordError {
        RecordError::Syntax { at: self.pos() }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, RecordError> {
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.syntax()),
        }
    }

    fn word(&mut self, w: &str, v: Value) -> Result<Value, RecordError> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.syntax())
        }
    }

    fn enter(&self, depth: usize) -> Result<(), RecordError> {
        if depth > self.limits.max_depth {
            Err(RecordError::TooDeep { max: self.limits.max_depth, at: self.pos() })
        } else {
            Ok(())
        }
    }

    fn count(&self, n: usize) -> Result<(), RecordError> {
        if n > self.limits.max_items {
            Err(RecordError::TooManyItems { max: self.limits.max_items, at: self.pos() })
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, RecordError> {
        self.enter(depth)?;
        self.i += 1;
        let mut map = Map::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let at = self.i;
            let key = self.string()?;
            if map.contains_key(&key) {
                let shown: String = key.chars().take(40).collect();
                return Err(RecordError::DuplicateKey { key: shown, at: self.pos_at(at) });
            }
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.syntax());
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth + 1)?;
            map.insert(key, v);
            self.count(map.len())?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, RecordError> {
        self.enter(depth)?;
        self.i += 1;
        let mut list = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(list));
        }
        loop {
            self.ws();
            list.push(self.value(depth + 1)?);
            self.count(list.len())?;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(list));
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, RecordError> {
        let Some(digits) = self.s.get(self.i..self.i + 4) else { return Err(self.syntax()) };
        let mut n = 0u32;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.syntax()),
            };
            n = n * 16 + u32::from(v);
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, RecordError> {
        let start = self.i;
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            if out.len() > self.limits.max_string_bytes {
                return Err(RecordError::StringTooLong { max: self.limits.max_string_bytes, at: self.pos_at(start) });
            }
            let Some(b) = self.peek() else { return Err(self.syntax()) };
            match b {
                b'"' => {
                    self.i += 1;
                    break;
                }
                b'\\' => {
                    self.i += 1;
                    let Some(e) = self.peek() else { return Err(self.syntax()) };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.syntax());
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.syntax());
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(c) => c,
                                None => return Err(self.syntax()),
                            }
                        }
                        _ => return Err(self.syntax()),
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => return Err(self.syntax()),
                _ => {
                    out.push(b);
                    self.i += 1;
                }
            }
        }
        if out.len() > self.limits.max_string_bytes {
            return Err(RecordError::StringTooLong { max: self.limits.max_string_bytes, at: self.pos_at(start) });
        }
        // The input is UTF-8 and escapes were encoded as UTF-8: this holds.
        String::from_utf8(out).map_err(|_| RecordError::NotText)
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> Result<Value, RecordError> {
        let from = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = self.digits();
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            return Err(self.syntax());
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            float = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax());
            }
        }
        if self.i - from > self.limits.max_number_chars {
            return Err(RecordError::BadNumber { at: self.pos_at(from) });
        }
        let text = std::str::from_utf8(&self.s[from..self.i]).map_err(|_| RecordError::NotText)?;
        if !float {
            if let Ok(v) = text.parse::<i64>() {
                return Ok(Value::Number(v.into()));
            }
            if let Ok(v) = text.parse::<u64>() {
                return Ok(Value::Number(v.into()));
            }
        }
        match text.parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Value::Number(n)),
            _ => Err(RecordError::BadNumber { at: self.pos_at(from) }),
        }
    }
}
