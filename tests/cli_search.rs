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

/// Every match of a large search is read in chunks on two connections while it is
/// written (`cli::search::each_ranked_task`): the same bytes, in the same rank order, as
/// reading them all first (what `--limit` and the table do), now and as of a past date.
#[test]
fn every_match_read_on_two_connections_is_the_same_list() {
    let db = Db::new();
    let (code, _, err) = db.run(&["gen", "--tasks", "12000", "--agencies", "20", "--seed", "7"]);
    assert_eq!(code, 0, "{err}");
    let past = db.ok(&["task", "list", "--limit", "1", "--format", "json"]);
    let created: Value = serde_json::from_str(&past).unwrap();
    let id = created[0]["id"].as_i64().unwrap();
    let shown = db.json(&["task", "show", &id.to_string()]);
    let day = shown["created_on"].as_str().unwrap().to_string();
    for q in ["dan van", "to chuc"] {
        for as_of in [None, Some(day.as_str())] {
            let mut args = vec!["task", "list", "--search", q];
            if let Some(d) = as_of {
                args.extend(["--as-of", d]);
            }
            for format in ["json", "csv"] {
                let mut all = args.clone();
                all.extend(["--format", format]);
                let streamed = db.ok(&all);
                all.extend(["--limit", "1000000"]);
                let read_first = db.ok(&all);
                assert_eq!(streamed, read_first, "{all:?}");
                if format == "json" {
                    let n = serde_json::from_str::<Value>(&streamed).unwrap();
                    let n = n.as_array().unwrap().len();
                    // More than one chunk of 2,048 when now.
                    assert!(as_of.is_some() || n > 4096, "{q}: {n} matches");
                }
            }
        }
    }
}
