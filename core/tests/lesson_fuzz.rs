//! Garbage in, no panic out: random bytes and random mutations of real
//! lessons go through `compile_lesson`; every piece of HTML of the result
//! (`CompiledLesson::safe_html`: body, « À retenir », activity texts) must
//! stay safe.

#[path = "common_lessons.rs"]
mod common;

use common::*;
use communs_core::lesson::compile_lesson;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const PIECES: &[&str] = &[
    "```",
    "````",
    "```activite ",
    "```activite scenario id=s\n",
    "```a-retenir\n",
    "[[",
    "]]",
    "|",
    "{",
    "}",
    "{liste:",
    "*",
    "[x]",
    "- [ ] ",
    "- ",
    "1. ",
    "> ",
    "[",
    "](",
    ")",
    "![",
    "<",
    ">",
    "<script>",
    "<!--",
    "-->",
    "&#106;",
    "javascript:",
    "lecon:",
    "\n",
    "\n\n",
    "#",
    "## ",
    "->",
    "fin ",
    "[a]",
    "crcn : ",
    "niveau ",
    "question : ",
    "\u{a0}:",
    "\t",
    "\\",
    "`",
    "+++",
    "=",
    "[^1]",
    "[^1]: ",
    "|--|",
    "é",
    "\u{202f}",
    "\u{0}",
    "\r",
];

thread_local! {
    static CTX: communs_core::lesson::CompileContext = ctx();
}

fn check(src: &str, case: &str) {
    let (lesson, _diags) = CTX.with(|c| compile_lesson("fuzz.md", src, c));
    if let Some(l) = lesson {
        assert_safe_lesson(&l, case);
        let _ = serde_json::to_string(&l);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..1500 {
        let n = rng.index(400);
        let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
        let s = String::from_utf8_lossy(&bytes).into_owned();
        check(&s, &format!("bytes {i}"));
        check(&format!("{FRONT}{s}"), &format!("front+bytes {i}"));
    }
}

#[test]
fn random_markdown_pieces_never_panic() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for i in 0..3000 {
        let mut body = String::new();
        for _ in 0..rng.index(60) {
            body.push_str(PIECES[rng.index(PIECES.len())]);
            if rng.index(3) == 0 {
                body.push_str("mot ");
            }
        }
        check(&format!("{FRONT}{body}"), &format!("pieces {i}: {body:?}"));
    }
}

#[test]
fn mutated_lessons_never_panic() {
    let base = read("test-lessons/essai-activites.md");
    let hostile = read("lessons/hostile.md");
    let mut rng = Rng(42);
    for (n, src) in [base, hostile].iter().enumerate() {
        let lines: Vec<&str> = src.lines().collect();
        for i in 0..800 {
            let mut l: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
            for _ in 0..1 + rng.index(6) {
                let k = rng.index(l.len());
                match rng.index(5) {
                    0 => {
                        l.remove(k);
                    }
                    1 => {
                        let j = rng.index(l.len());
                        l.swap(k, j);
                    }
                    2 => l.insert(k, PIECES[rng.index(PIECES.len())].to_string()),
                    3 => {
                        let line = &mut l[k];
                        let cut = line.char_indices().map(|(i, _)| i).nth(rng.index(line.chars().count() + 1)).unwrap_or(line.len());
                        line.insert_str(cut, PIECES[rng.index(PIECES.len())]);
                    }
                    _ => {
                        let dup = l[k].clone();
                        l.insert(k, dup);
                    }
                }
                if l.is_empty() {
                    break;
                }
            }
            check(&l.join("\n"), &format!("mutation {n}/{i}"));
        }
    }
}
