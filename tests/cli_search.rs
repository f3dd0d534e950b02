//! `task list --search` and `agency list --search` on the demo data, through the real binary.

mod cli_support;

use cli_support::Db;
use serde_json::Value;

fn titles(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|t| t["title"].as_str().expect("title").to_string())
        .collect()
}

#[test]
fn search_ignores_diacritics_and_ranks() {
    let db = Db::new();
    db.ok(&["demo"]);

    // `dan van` finds Dân vận; the best match is a real "dân vận" title.
    let v = db.json(&["task", "list", "--search", "dan van"]);
    let t = titles(&v);
    assert!(!t.is_empty());
    assert!(
        t[0].to_lowercase().contains("dân vận"),
        "{:?}",
        &t[..3.min(t.len())]
    );
    // Accents in the query change nothing about what matches.
    let accented = db.json(&["task", "list", "--search", "Dân vận"]);
    assert_eq!(
        accented.as_array().map(Vec::len),
        v.as_array().map(Vec::len)
    );

    // `nghi quyet 18` finds the tasks citing Nghị quyết 18.
    let v = db.json(&["task", "list", "--search", "nghi quyet 18"]);
    assert!(titles(&v).iter().all(|t| {
        let f = phoihop::search::fold(t);
        f.contains('8') && f.contains('1')
    }));

    // Filters combine with the search.
    let v = db.json(&[
        "task",
        "list",
        "--search",
        "dan van",
        "--category",
        "mass_mobilization",
    ]);
    assert!(v
        .as_array()
        .expect("array")
        .iter()
        .all(|t| t["category"] == "mass_mobilization"));

    // Nothing matches nonsense; exit 0 with an empty array.
    let v = db.json(&["task", "list", "--search", "zzqxw"]);
    assert_eq!(v.as_array().map(Vec::len), Some(0));

    // Agencies: `dang uy khoi` finds Đảng ủy Khối first.
    let v = db.json(&["agency", "list", "--search", "dang uy khoi"]);
    let first = &v.as_array().expect("array")[0];
    assert_eq!(first["name"], "Đảng ủy Khối các cơ quan tỉnh");
}
