-- The sqlite3 command line's side of the "dashboard as of a past date" benchmark
-- (scripts/bench.sh): bench-dashboard.sql over the versions in force at the end of the
-- as-of date instead of the live table (docs/data-model.md). The placeholders for the
-- as-of date and that date + 14 days are replaced by the script (@TODAY@ is the as-of date).
--
-- 1. Per category: tasks in each deadline bucket, mean progress, open tasks due soon.
SELECT c.code, c.name_vi, ifnull(x.n, 0), ifnull(x.done_on_time, 0), ifnull(x.done_late, 0),
       ifnull(x.in_time, 0), ifnull(x.overdue, 0), ifnull(x.progress, 0), ifnull(x.due_soon, 0)
FROM category c LEFT JOIN (
    SELECT category_id, count(*) AS n,
           sum(b = 'done_on_time') AS done_on_time, sum(b = 'done_late') AS done_late,
           sum(b = 'in_time') AS in_time, sum(b = 'overdue') AS overdue,
           round(avg(progress), 1) AS progress,
           sum(status <> 'done' AND deadline >= '@TODAY@' AND deadline <= '@SOON@') AS due_soon
    FROM (SELECT category_id, status, deadline, progress,
                 CASE WHEN status = 'done' THEN
                        CASE WHEN deadline IS NOT NULL AND completed_on IS NOT NULL AND completed_on > deadline
                             THEN 'done_late' ELSE 'done_on_time' END
                      WHEN deadline IS NOT NULL AND deadline < '@TODAY@' THEN 'overdue' ELSE 'in_time' END AS b
          FROM (SELECT task_id AS id, program_id, category_id, title, description, lead_id, with_ids, cadence, deadline, status, progress, completed_on, basis, valid_from AS created_on, 0 AS version FROM task_version WHERE removed = 0 AND valid_from <= '@TODAY@' AND valid_to > '@TODAY@'))
    GROUP BY category_id) x ON x.category_id = c.id
ORDER BY c.position, c.code;

-- 2. Per lead agency: the same counts.
SELECT a.code, a.name, x.n, x.done_on_time, x.done_late, x.in_time, x.overdue, x.progress
FROM agency a JOIN (
    SELECT lead_id, count(*) AS n,
           sum(b = 'done_on_time') AS done_on_time, sum(b = 'done_late') AS done_late,
           sum(b = 'in_time') AS in_time, sum(b = 'overdue') AS overdue,
           round(avg(progress), 1) AS progress
    FROM (SELECT lead_id, progress,
                 CASE WHEN status = 'done' THEN
                        CASE WHEN deadline IS NOT NULL AND completed_on IS NOT NULL AND completed_on > deadline
                             THEN 'done_late' ELSE 'done_on_time' END
                      WHEN deadline IS NOT NULL AND deadline < '@TODAY@' THEN 'overdue' ELSE 'in_time' END AS b
          FROM (SELECT task_id AS id, program_id, category_id, title, description, lead_id, with_ids, cadence, deadline, status, progress, completed_on, basis, valid_from AS created_on, 0 AS version FROM task_version WHERE removed = 0 AND valid_from <= '@TODAY@' AND valid_to > '@TODAY@'))
    GROUP BY lead_id) x ON x.lead_id = a.id
ORDER BY a.code;

-- 3. The attention list: open tasks overdue (oldest deadline first), then due soon; the first window of 200 (ATTENTION_WINDOW).
SELECT t.id, p.code, c.code, t.title, t.description, a.code,
       (SELECT group_concat(wa.code, ';') FROM json_each(t.with_ids) j JOIN agency wa ON wa.id = j.value),
       t.cadence, t.deadline, t.status, t.progress, t.completed_on, t.basis, t.created_on, t.version
FROM (SELECT task_id AS id, program_id, category_id, title, description, lead_id, with_ids, cadence, deadline, status, progress, completed_on, basis, valid_from AS created_on, 0 AS version FROM task_version WHERE removed = 0 AND valid_from <= '@TODAY@' AND valid_to > '@TODAY@') t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline <= '@SOON@'
ORDER BY t.deadline >= '@TODAY@', t.deadline, t.id
LIMIT 200;

-- 4. The programs (title bar and next review date).
SELECT code, title, kind, starts_on, ends_on, basis, review_months, version FROM program ORDER BY code;
