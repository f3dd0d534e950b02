//! Files from older offices (issue 21): a tasks CSV in Windows-1258 or UTF-16 is refused
//! with the encoding it looks like and the exact `iconv` line, and `--encoding` imports
//! it directly, every Vietnamese letter right. A TCVN3 file gets the .VnTime hint.

#[path = "report_fixture.rs"]
mod fixture;

use std::path::Path;

use assert_cmd::Command;
use unicode_normalization::{char::compose, UnicodeNormalization};

fn phoihop(db: &Path) -> Command {
    let mut c = Command::cargo_bin("phoihop").unwrap();
    c.env("PHOIHOP_DB", db).env("LANG", "C");
    c
}

const TITLES: [&str; 3] = [
    "Tổ chức học tập, quán triệt các nghị quyết của Đảng; rà soát, bổ sung quy hoạch",
    "Đẩy mạnh tuyên truyền, nâng cao nhận thức của cán bộ, đảng viên",
    "Nhân rộng mô hình \"Dân vận khéo\" trên các lĩnh vực",
];

fn csv_text() -> String {
    let mut s =
        String::from("program,category,title,lead,with,cadence,deadline,status,progress,basis\r\n");
    for t in TITLES {
        s.push_str(&format!(
            "XD-2019-2020,ideology,\"{}\",BTG,BTC,roadmap,30/06/2020,in_progress,40,Nghị quyết 18-NQ/TW\r\n",
            t.replace('"', "\"\"")
        ));
    }
    s
}

/// Vietnamese as Windows-1258 writes it: the letters â ê ô ă ơ ư đ precomposed, the five
/// tones as combining marks (as `iconv -t WINDOWS-1258` does).
fn windows_1258(s: &str) -> Vec<u8> {
    let mut out = String::new();
    for c in s.chars() {
        let mut parts = std::iter::once(c).nfd();
        let mut base = parts.next().unwrap();
        let mut tones = Vec::new();
        for m in parts {
            match compose(base, m) {
                Some(k) if matches!(m, '\u{302}' | '\u{306}' | '\u{31b}') => base = k,
                _ => tones.push(m),
            }
        }
        out.push(base);
        out.extend(tones);
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
    assert!(!unmappable, "{out}");
    bytes.into_owned()
}

fn utf16le_bom(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        v.extend_from_slice(&u.to_le_bytes());
    }
    v
}

fn titles(db: &Path) -> Vec<String> {
    let out = phoihop(db)
        .args(["task", "list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_string())
        .collect()
}

fn refused_then_imported(bytes: &[u8], name: &str, looks: &str, iconv: &str, enc: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("x.db");
    drop(fixture::build(&db));
    let file = tmp.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = phoihop(&db)
        .current_dir(tmp.path())
        .args(["import", name])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains(looks), "{err}");
    let line = format!("`{iconv} {name} > {}`", name.replace(".csv", ".utf8.csv"));
    assert!(err.contains(&line), "{line} in {err}");
    assert!(err.contains(&format!("--encoding {enc}")), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
    // The iconv line works as printed.
    let conv = std::process::Command::new("sh")
        .current_dir(tmp.path())
        .arg("-c")
        .arg(line.trim_matches('`'))
        .status();
    if let Ok(st) = conv {
        if st.success() {
            let again = phoihop(&db)
                .current_dir(tmp.path())
                .args(["import", "--dry-run", &name.replace(".csv", ".utf8.csv")])
                .output()
                .unwrap();
            assert!(
                again.status.success(),
                "{}",
                String::from_utf8_lossy(&again.stderr)
            );
        }
    }
    phoihop(&db)
        .current_dir(tmp.path())
        .args(["import", "--encoding", enc, name])
        .assert()
        .success();
    let got = titles(&db);
    for t in TITLES {
        assert!(got.iter().any(|g| g == t), "{t} not among {got:?}");
    }
}

#[test]
fn windows_1258_is_named_with_its_iconv_line_and_imports_with_encoding() {
    let bytes = windows_1258(&csv_text());
    assert!(std::str::from_utf8(&bytes).is_err());
    refused_then_imported(
        &bytes,
        "tasks-1258.csv",
        "Windows-1258",
        "iconv -f WINDOWS-1258 -t UTF-8",
        "windows-1258",
    );
}

#[test]
fn utf16_with_a_bom_is_named_with_its_iconv_line_and_imports_with_encoding() {
    refused_then_imported(
        &utf16le_bom(&csv_text()),
        "tasks-utf16.csv",
        "UTF-16",
        "iconv -f UTF-16 -t UTF-8",
        "utf-16",
    );
}

#[test]
fn tcvn3_gets_the_vn_fonts_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("x.db");
    drop(fixture::build(&db));
    // "Tæ chøc sinh ho¹t chÝnh trÞ" is "Tổ chức sinh hoạt chính trị" in TCVN3 (ABC).
    let mut bytes =
        b"program,category,title,lead,with,cadence,deadline,status,progress,basis\n".to_vec();
    bytes.extend_from_slice(b"XD-2019-2020,ideology,T\xE6 ch\xF8c sinh ho\xB9t ch\xDDnh tr\xDE,BTG,,roadmap,30/06/2020,,0,\n");
    let file = tmp.path().join("abc.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = phoihop(&db).arg("import").arg(&file).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains("TCVN3") && err.contains(".VnTime"), "{err}");
}
