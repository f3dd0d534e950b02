use super::*;

#[test]
fn titles_are_30_to_90_characters_with_diacritics() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    let agencies = make_agencies(&mut rng, 300);
    let mut g = TaskGen {
        rng,
        today,
        categories: Cumulative::new(&[5, 15, 4, 11, 4, 16, 3]),
        programs: Cumulative::new(PROGRAM_WEIGHTS),
        names: agencies.iter().map(|a| a.name.clone()).collect(),
    };
    let mut distinct = std::collections::HashSet::new();
    let mut per_category = [0u32; 7];
    for _ in 0..20_000 {
        let t = g.next_task();
        let n = t.title.chars().count();
        assert!((30..=90).contains(&n), "{n}: {}", t.title);
        assert!(t.title != crate::search::fold(&t.title));
        assert!(crate::domain::text::clean_line("title", &t.title).unwrap() == t.title);
        assert!(!t.with.contains(&t.lead));
        if let Some(c) = t.completed_on {
            assert!(c <= today && c >= t.created_on);
        }
        assert!(t.created_on <= today);
        per_category[t.category] += 1;
        distinct.insert(t.title);
    }
    assert!(distinct.len() > 5_000, "{}", distinct.len());
    // organization (15/58) outnumbers front (3/58) about five to one.
    assert!(per_category[1] > 3 * per_category[6]);
}

#[test]
fn agencies_have_unique_codes_and_known_parents() {
    let mut rng = StdRng::seed_from_u64(1);
    let a = make_agencies(&mut rng, 1000);
    let codes: std::collections::HashSet<_> = a.iter().map(|x| x.code.clone()).collect();
    assert_eq!(codes.len(), 1000);
    for (i, x) in a.iter().enumerate() {
        if let Some(p) = &x.parent {
            assert!(a[..i].iter().any(|y| &y.code == p));
        }
        x.clone().validated().unwrap();
    }
    let small = make_agencies(&mut rng, 2);
    assert_eq!(small.len(), 2);
}
