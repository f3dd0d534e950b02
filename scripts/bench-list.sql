-- Baseline of the `task list --format json` row (scripts/bench.sh, `sqlite3 -json`): the
-- columns of the list, with the same joins, every live task in id order. The bucket is
-- computed by phoihop and has no column here.
SELECT t.id, p.code AS program, c.code AS category, t.title, a.code AS lead,
       (SELECT group_concat(code, ';') FROM (SELECT wa.code FROM task_with w
          JOIN agency wa ON wa.id = w.agency_id WHERE w.task_id = t.id ORDER BY wa.code)) AS "with",
       t.cadence, t.deadline, t.status, t.progress, t.completed_on, t.version
FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL ORDER BY t.id;
