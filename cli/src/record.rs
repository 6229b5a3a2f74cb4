//! `record`: check a learner's record, make the teacher's CSV of several
//! records, or their xAPI statements — with the same `communs_core::record`
//! code as the app.
//!
//! ```text
//! record validate FICHIER    exit 0 when the file is a valid record or
//!                            backup (a summary on stdout, skipped entries
//!                            of a backup on stderr); exit 1 with the reason
//! record csv FICHIER…        one CSV (UTF-8 with BOM, `;`, CRLF) on stdout,
//!                            one row per valid file; exit 1 if one was refused
//! record xapi FICHIER        the xAPI 1.0.3 statements (a JSON array) on stdout
//!
//! --lecons DOSSIER   the lessons that attempts are rescored against (default `lessons`)
//! --build ID         the build id written in the statements (default `dev`)
//! --espace IRI       the namespace of activity IRIs (default `https://communs.invalid/xapi/`)
//! --accueil IRI      the learners' accounts' homePage (default `https://communs.invalid/`)
//! ```
//!
//! A file over `MAX_RECORD_BYTES` is refused by its size before it is read
//! (and never more than that many bytes are read: a special file cannot
//! make it read forever); parsing is bounded by `core`. Every message is
//! in the catalogue's words (`communs_i18n::record`). This binary does IO by
//! design: a host tool, outside the domain's no-IO rule.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use communs_core::fs::read_lessons;
use communs_core::record::{
    assess, read_record, statements, validate_statements, write_csv, Catalogue, RecordData, RecordError, XapiOptions, MAX_RECORD_BYTES,
};
use communs_i18n::record::{error, summary, warning, xapi_problem, FrCsvWords, RecordMsg};
use communs_i18n::t;

/// Default of `--espace`: a reserved name (RFC 2606), to be replaced by the school's address.
const DEFAULT_NAMESPACE: &str = "https://communs.invalid/xapi/";
/// Default of `--accueil`.
const DEFAULT_HOME_PAGE: &str = "https://communs.invalid/";
/// Default of `--build`.
const DEFAULT_BUILD: &str = "dev";

struct Options {
    lessons: PathBuf,
    build: String,
    namespace: String,
    home_page: String,
    command: String,
    files: Vec<PathBuf>,
}

fn parse_args(args: &[String]) -> Option<Options> {
    let mut o = Options {
        lessons: PathBuf::from("lessons"),
        build: DEFAULT_BUILD.into(),
        namespace: DEFAULT_NAMESPACE.into(),
        home_page: DEFAULT_HOME_PAGE.into(),
        command: String::new(),
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lecons" => o.lessons = PathBuf::from(it.next()?),
            "--build" => o.build = it.next()?.clone(),
            "--espace" => o.namespace = it.next()?.clone(),
            "--accueil" => o.home_page = it.next()?.clone(),
            _ if o.command.is_empty() => o.command = a.clone(),
            _ => o.files.push(PathBuf::from(a)),
        }
    }
    let ok = match o.command.as_str() {
        "validate" | "xapi" => o.files.len() == 1,
        "csv" => !o.files.is_empty(),
        _ => false,
    };
    ok.then_some(o)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(o) = parse_args(&args) else {
        eprintln!("{}", t(RecordMsg::Usage));
        return ExitCode::from(2);
    };
    let catalogue = match read_lessons(&o.lessons) {
        Ok(folder) => Catalogue::from_lessons(&folder.compile().lessons),
        Err(e) => {
            eprintln!("record : {} {} ({e})", t(RecordMsg::LessonsUnreadable), o.lessons.display());
            return ExitCode::from(1);
        }
    };
    let ok = match o.command.as_str() {
        "validate" => validate(&o.files[0], &catalogue),
        "csv" => csv(&o.files, &catalogue),
        _ => xapi(&o.files[0], &catalogue, &o),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Why a file could not be read or was refused, in words.
enum Refusal {
    Io(String),
    Record(RecordError),
}

impl Refusal {
    fn words(&self) -> String {
        match self {
            Refusal::Io(e) => format!("{} ({e})", t(RecordMsg::FileUnreadable)),
            Refusal::Record(e) => error(e),
        }
    }
}

/// Reads and validates one file: its size first, then at most
/// `MAX_RECORD_BYTES + 1` bytes of it.
fn load(path: &Path) -> Result<RecordData, Refusal> {
    let too_large = RecordError::TooLarge { max_bytes: MAX_RECORD_BYTES };
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Io(e.to_string()))?;
    if meta.len() > MAX_RECORD_BYTES as u64 {
        return Err(Refusal::Record(too_large));
    }
    let file = std::fs::File::open(path).map_err(|e| Refusal::Io(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_RECORD_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| Refusal::Io(e.to_string()))?;
    read_record(&bytes).map_err(Refusal::Record)
}

fn report_refusal(path: &Path, r: &Refusal) {
    eprintln!("{} : {}", path.display(), r.words());
}

fn validate(path: &Path, catalogue: &Catalogue) -> bool {
    match load(path) {
        Ok(data) => {
            for w in &data.warnings {
                eprintln!("{} : {}", path.display(), warning(w));
            }
            let a = assess(&data, catalogue);
            println!("{} : {} — {}", path.display(), t(RecordMsg::Valid), summary(&data, &a));
            true
        }
        Err(r) => {
            report_refusal(path, &r);
            false
        }
    }
}

fn csv(paths: &[PathBuf], catalogue: &Catalogue) -> bool {
    let mut read = Vec::new();
    let mut refused = 0;
    for p in paths {
        match load(p) {
            Ok(data) => {
                let a = assess(&data, catalogue);
                read.push((data, a));
            }
            Err(r) => {
                refused += 1;
                report_refusal(p, &r);
            }
        }
    }
    let rows: Vec<_> = read.iter().map(|(d, a)| (d, a)).collect();
    let text = write_csv(&rows, &FrCsvWords);
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_ok();
    if refused > 0 {
        eprintln!("record : {refused} {}", t(RecordMsg::SomeRefused));
    }
    written && refused == 0
}

fn xapi(path: &Path, catalogue: &Catalogue, o: &Options) -> bool {
    let data = match load(path) {
        Ok(d) => d,
        Err(r) => {
            report_refusal(path, &r);
            return false;
        }
    };
    let a = assess(&data, catalogue);
    let options = XapiOptions { namespace: &o.namespace, home_page: &o.home_page, build: &o.build };
    let list = match statements(&data, &a, catalogue, &options) {
        Ok(list) => serde_json::Value::Array(list),
        Err(e) => {
            eprintln!("record : {}", error(&e));
            return false;
        }
    };
    // What is written must pass the validator (a failure is a bug, said as such).
    let problems = validate_statements(&list);
    for p in &problems {
        eprintln!("record : {}", xapi_problem(p));
    }
    if !problems.is_empty() {
        return false;
    }
    let text = serde_json::to_string_pretty(&list).unwrap_or_default();
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()).is_ok()
}
