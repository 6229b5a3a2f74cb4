//! Hostile and malformed files: each gets its typed error (and so a French
//! message through `communs_i18n::record`), never a panic — a table of
//! fixtures, the largest hostile files (built here, each at the size
//! limit), and a property test mutating a valid record.

#[path = "record_common.rs"]
mod common;

use common::*;
use communs_core::record::{parse_bounded, read_record, write_record, BuildInfo, Expected, JsonLimits, RecordError, MAX_RECORD_BYTES};
use proptest::prelude::*;

fn field(path: &str, expected: Expected) -> RecordError {
    RecordError::BadField { path: path.into(), expected }
}

#[test]
fn each_hostile_fixture_gets_its_error() {
    type Check = fn(&RecordError) -> bool;
    let cases: &[(&str, Check)] = &[
        ("bom-garbage.json", |e| matches!(e, RecordError::Syntax { at } if at.line == 1 && at.column == 1)),
        ("utf16.json", |e| *e == RecordError::NotText),
        ("binary.bin", |e| *e == RecordError::NotText),
        ("duplicate-key.json", |e| matches!(e, RecordError::DuplicateKey { key, .. } if key == "score")),
        ("array-root.json", |e| *e == RecordError::NotAnObject),
        ("future-version.json", |e| *e == RecordError::FutureVersion { version: 2 }),
        ("wrong-type.json", |e| *e == field("attempts[0].score", Expected::Score)),
        ("huge-number.json", |e| matches!(e, RecordError::BadNumber { .. })),
        ("long-number.json", |e| matches!(e, RecordError::BadNumber { .. })),
        ("deep.json", |e| matches!(e, RecordError::TooDeep { max: 8, .. })),
        ("version-as-text.json", |e| *e == RecordError::BadVersion),
        ("no-version.json", |e| *e == RecordError::BadVersion),
        ("unknown-format.json", |e| *e == RecordError::UnknownFormat),
        ("impossible-date.json", |e| *e == field("attempts[0].at", Expected::Date)),
        ("same-attempt-twice.json", |e| *e == field("attempts[1].id", Expected::Id)),
        ("long-pseudonym.json", |e| *e == field("pseudonym", Expected::Pseudonym)),
        ("empty.json", |e| *e == RecordError::Empty),
        ("trailing.json", |e| matches!(e, RecordError::Syntax { .. })),
    ];
    for (name, check) in cases {
        let got = read_record(&bytes(&format!("record/hostile/{name}")));
        match got {
            Err(e) => assert!(check(&e), "{name}: {e:?}"),
            Ok(d) => panic!("{name} was accepted: {d:?}"),
        }
    }
}

#[test]
fn json_edge_cases() {
    let limits = JsonLimits::default();
    let cases: &[(&str, Result<serde_json::Value, ()>)] = &[
        (r#"{"a":"\u00e9\ud83d\ude00"}"#, Ok(serde_json::json!({"a": "é😀"}))),
        (r#"{"a":"\ud83d"}"#, Err(())),
        (r#"{"a":"x	y"}"#, Err(())),
        (r#"{"a":01}"#, Err(())),
        (r#"{"a":-0.5e-3}"#, Ok(serde_json::json!({"a": -0.0005}))),
        (r#"{"a":18446744073709551615}"#, Ok(serde_json::json!({"a": 18446744073709551615u64}))),
        (r#"{"a":[1,]}"#, Err(())),
        (r#"{"a" 1}"#, Err(())),
        (r#"{"a":tru}"#, Err(())),
        ("{}", Ok(serde_json::json!({}))),
    ];
    for (text, want) in cases {
        let got = parse_bounded(text.as_bytes(), &limits).map_err(|_| ());
        assert_eq!(&got, want, "{text:?}");
    }
    // A UTF-8 BOM in bytes is allowed (Notepad writes one).
    assert_eq!(parse_bounded(b"\xEF\xBB\xBF{}", &limits), Ok(serde_json::json!({})));
    // Positions are in characters.
    match parse_bounded("{\n  \"é\": x}".as_bytes(), &limits) {
        Err(RecordError::Syntax { at }) => assert_eq!((at.line, at.column), (2, 8)),
        other => panic!("{other:?}"),
    }
}

/// The largest hostile files: each as big as a file may be and built to
/// hit one bound; each ends with its error (no time is asserted here:
/// `cargo xtask bench` measures, tests do not time).
#[test]
fn the_largest_hostile_files_end_with_their_error() {
    let max = MAX_RECORD_BYTES;
    let head = br#"{"format":"communs-record","version":1,"attempts":"#;
    let pad = |mut v: Vec<u8>, fill: u8| {
        v.resize(max, fill);
        v
    };
    let over = vec![b' '; max + 1];
    assert_eq!(read_record(&over), Err(RecordError::TooLarge { max_bytes: max }));
    let deep = pad(Vec::new(), b'[');
    assert!(matches!(read_record(&deep), Err(RecordError::TooDeep { .. })));
    let mut long_string = head.to_vec();
    long_string.push(b'"');
    let long_string = pad(long_string, b'a');
    assert!(matches!(read_record(&long_string), Err(RecordError::StringTooLong { .. })));
    let mut many = head.to_vec();
    many.push(b'[');
    while many.len() + 4 <= max {
        many.extend_from_slice(b"0,");
    }
    many.extend_from_slice(b"0]");
    let got = read_record(&many);
    assert!(matches!(got, Err(RecordError::TooManyItems { max: 100_000, .. })), "{got:?}");
    let mut number = head.to_vec();
    number.push(b'1');
    let number = pad(number, b'9');
    assert!(matches!(read_record(&number), Err(RecordError::BadNumber { .. })));
    let spaces = pad(Vec::new(), b' ');
    assert_eq!(read_record(&spaces), Err(RecordError::Empty));
    let mut keys = b"{".to_vec();
    let mut i = 0u64;
    while keys.len() + 30 < max {
        keys.extend_from_slice(format!("\"k{i}\":0,").as_bytes());
        i += 1;
    }
    keys.extend_from_slice(b"\"end\":0}");
    assert!(matches!(read_record(&keys), Err(RecordError::TooManyItems { .. })));
    let nul = pad(b"{\"format\":\"".to_vec(), 0);
    assert_eq!(read_record(&nul), Err(RecordError::NotText));
}

fn valid_record() -> Vec<u8> {
    static RECORD: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    RECORD
        .get_or_init(|| {
            let build = BuildInfo { app_version: "0.1.0".into(), build: "test".into() };
            write_record(&data("Renard bleu", good_attempts()), &catalogue(), &build, T0 + 3_600).into_bytes()
        })
        .clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Bytes of a valid record changed, inserted or cut anywhere: reading
    /// gives data or an error, never a panic.
    #[test]
    fn mutated_records_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let mut bytes = valid_record();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len().max(1));
            match kind {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i.min(bytes.len()), byte),
                2 if i < bytes.len() => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
        }
        let _ = read_record(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Arbitrary bytes never panic either.
    #[test]
    fn random_bytes_are_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_record(&bytes);
    }
}
