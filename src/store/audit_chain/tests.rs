#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::Role;
use crate::store::test_support::temp_store;

/// Applies the version-5 change to a test store (schema.rs splices it in; until then
/// tests apply it here).
pub(crate) fn apply_migration(store: &mut Store) {
    let tx = store.conn.transaction().unwrap();
    if !has_hash_column(&tx).unwrap() {
        tx.execute_batch(MIGRATION_SQL).unwrap();
        backfill(&tx).unwrap();
    }
    tx.commit().unwrap();
}

/// A store with a few audit rows written before the migration and a few after.
fn chained_store() -> (tempfile::TempDir, Store) {
    let (dir, mut s) = temp_store("vanphong");
    s.grant("vanphong", Role::Admin, None).unwrap();
    s.grant("lanhdao", Role::Supervisor, None).unwrap();
    apply_migration(&mut s);
    s.grant("minh", Role::Supervisor, None).unwrap();
    s.revoke("minh", false).unwrap();
    s.grant("hai", Role::Admin, None).unwrap();
    (dir, s)
}

/// A plain SQLite connection to the store's file, as another program would use.
fn plain(s: &Store) -> Connection {
    Connection::open(s.path()).unwrap()
}

#[test]
fn the_chain_of_a_healthy_log_verifies_and_backfill_matches_live_hashing() {
    let (_dir, s) = chained_store();
    let r = s.verify_audit(None).unwrap();
    assert!(r.chained);
    assert_eq!(r.problem, None, "{r:?}");
    assert_eq!(r.rows, 5);
    let (id, head) = r.head.clone().unwrap();
    assert_eq!(id, 5);
    assert_eq!(head.len(), 64);
    // The kept head verifies; an unknown one does not.
    assert_eq!(s.verify_audit(Some(&head)).unwrap().problem, None);
    let p = s.verify_audit(Some(GENESIS)).unwrap().problem.unwrap();
    let p = p.render(crate::lang::Lang::En);
    assert!(p.contains("removed from the end"), "{p}");
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check());
    // Every row carries a hash, the backfilled ones and the live ones alike.
    assert!(s.audit_log(100).unwrap().iter().all(|r| r.hash.is_some()));
    // Hashes are deterministic and cover every field.
    let row = &s.audit_log(1).unwrap()[0];
    let mut other = row.clone();
    other.after = None;
    assert_ne!(row_hash(GENESIS, row), row_hash(GENESIS, &other));
    let mut empty = row.clone();
    empty.after = Some(String::new());
    assert_ne!(row_hash(GENESIS, &other), row_hash(GENESIS, &empty));
}

fn assert_check_names(s: &Store, needle: &str) {
    let report = s.verify_audit(None).unwrap();
    let en = |f: &Audit| f.render(crate::lang::Lang::En);
    let p = report.problem.as_ref().map(en).unwrap_or_default();
    assert!(p.contains(needle), "verify: {report:?}");
    let findings = s.check().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f.what.render(crate::lang::Lang::En).contains(needle)),
        "check: {findings:?}"
    );
}

#[test]
fn a_forged_row_fails_and_is_named() {
    let (_dir, s) = chained_store();
    let c = plain(&s);
    // As the supervisor did: drop the trigger, rewrite `actor`, re-create it.
    c.execute_batch(&format!(
        "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE id = 3; {};",
        TRIGGERS[0].1
    ))
    .unwrap();
    assert_check_names(&s, "Audit row 3 (");
    assert_check_names(&s, "someone-else");
}

#[test]
fn a_row_inserted_without_a_hash_or_with_a_made_up_one_fails() {
    let (_dir, s) = chained_store();
    plain(&s)
        .execute(
            "INSERT INTO audit (at, actor, action, entity, entity_key) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'grant', 'role', 'x')",
            [],
        )
        .unwrap();
    assert_check_names(&s, "Audit row 6 (");
    assert_check_names(&s, "has no hash");
    let (_dir, s) = chained_store();
    plain(&s)
        .execute(
            "INSERT INTO audit (at, actor, action, entity, entity_key, hash) VALUES ('2026-01-01T00:00:00.000Z', 'x', 'grant', 'role', 'x', ?1)",
            [GENESIS],
        )
        .unwrap();
    assert_check_names(&s, "Audit row 6 (");
}

#[test]
fn a_deleted_row_fails_and_is_named() {
    let (_dir, s) = chained_store();
    plain(&s)
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2; {};",
            TRIGGERS[1].1
        ))
        .unwrap();
    assert_check_names(&s, "Audit row 2 is missing");
    // Several rows deleted.
    let (_dir, s) = chained_store();
    plain(&s)
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id IN (1, 2, 3); {};",
            TRIGGERS[1].1
        ))
        .unwrap();
    assert_check_names(&s, "Audit rows 1 to 3 are missing");
    // The newest rows deleted: only the kept head shows it.
    let (_dir, s) = chained_store();
    let head = s.verify_audit(None).unwrap().head.unwrap().1;
    plain(&s)
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= 4; {};",
            TRIGGERS[1].1
        ))
        .unwrap();
    let p = s.verify_audit(Some(&head)).unwrap().problem.unwrap();
    let p = p.render(crate::lang::Lang::En);
    assert!(p.contains(&head), "{p}");
}

#[test]
fn dropped_or_changed_triggers_fail_and_are_named() {
    for (name, _) in TRIGGERS {
        let (_dir, s) = chained_store();
        plain(&s)
            .execute_batch(&format!("DROP TRIGGER {name};"))
            .unwrap();
        assert_check_names(&s, &format!("trigger {name} is missing"));
    }
    // Re-created with a body that lets updates through.
    let (_dir, s) = chained_store();
    plain(&s)
        .execute_batch(
            "DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT 1; END;",
        )
        .unwrap();
    assert_check_names(&s, "trigger audit_no_update is not the one phoihop created");
    // An extra trigger on the audit table.
    let (_dir, s) = chained_store();
    plain(&s)
        .execute_batch("CREATE TRIGGER sneaky AFTER INSERT ON audit BEGIN SELECT 1; END;")
        .unwrap();
    assert_check_names(&s, "trigger sneaky that phoihop did not create");
}
