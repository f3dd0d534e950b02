-- Baseline of the `digest` row (issue 16's bar: `digest` for all agencies ≤ 1.5× the
-- sqlite3 CLI running the equivalent queries): the digest's four lists for every agency,
-- with the columns the digest prints. @TODAY@, @SINCE@, @SOON@ (today + 14 days) and
-- @BEFORE@ (today − the stale days) are filled in by the caller.
-- 1. Open tasks overdue today that became overdue on or after @SINCE@.
SELECT t.id, p.code, c.code, t.title, a.code, t.cadence, t.deadline, t.status, t.progress
FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL AND t.status <> 'done' AND t.deadline IS NOT NULL
  AND t.deadline < '@TODAY@' AND date(t.deadline, '+1 day') >= '@SINCE@'
ORDER BY t.deadline, t.id;
-- 2. Open tasks due within 14 days.
SELECT t.id, p.code, c.code, t.title, a.code, t.cadence, t.deadline, t.status, t.progress
FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL AND t.status <> 'done' AND t.deadline >= '@TODAY@'
  AND t.deadline <= '@SOON@'
ORDER BY t.deadline, t.id;
-- 3. Urges sent from @SINCE@ to @TODAY@.
SELECT u.id, u.task_id, u.at, u.on_date, u.actor, u.message, t.title, a.code
FROM urge u JOIN task t ON t.id = u.task_id JOIN agency a ON a.id = u.agency_id
WHERE u.on_date >= '@SINCE@' AND u.on_date <= '@TODAY@' ORDER BY u.id DESC;
-- 4. Open tasks with no progress update since @BEFORE@, with their rows (those without
--    a deadline last, as the digest lists them).
SELECT t.id, p.code, c.code, t.title, a.code, t.cadence, t.deadline, t.status, t.progress, s.last
FROM (SELECT v.task_id AS id, max(v.valid_from) AS last FROM task_version v
        JOIN task t ON t.id = v.task_id
      WHERE t.removed_on IS NULL AND t.status IN ('not_started', 'in_progress')
        AND v.change IN ('create', 'progress')
      GROUP BY v.task_id HAVING max(v.valid_from) <= '@BEFORE@') s
JOIN task t ON t.id = s.id JOIN program p ON p.id = t.program_id
JOIN category c ON c.id = t.category_id JOIN agency a ON a.id = t.lead_id
ORDER BY t.deadline IS NULL, t.deadline, t.id;
