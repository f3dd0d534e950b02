-- The sqlite3 command line's side of the report benchmark (scripts/bench.sh, group
-- `report`): what `phoihop report --format json` over all programs reads, as of today,
-- written as plain queries on the same file and tuned as the report is (page cache the
-- size of the file, up to 64 MiB; a map of the file). @TODAY@, @SOON@ (today + 14 days)
-- and @UNTIL@ (the end of the half year) are replaced by the script.
PRAGMA cache_size = -65536;
PRAGMA mmap_size = 2147483648;

-- 1. Per category: tasks in each deadline bucket, progress, open tasks due soon.
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
          FROM task WHERE removed_on IS NULL)
    GROUP BY category_id) x ON x.category_id = c.id
ORDER BY c.position, c.code;

-- 2. Per lead agency: the same counts, with days late (the ranking annex).
SELECT a.code, a.name, x.n, x.done_on_time, x.done_late, x.in_time, x.overdue, x.progress, x.days_late
FROM agency a JOIN (
    SELECT lead_id, count(*) AS n,
           sum(b = 'done_on_time') AS done_on_time, sum(b = 'done_late') AS done_late,
           sum(b = 'in_time') AS in_time, sum(b = 'overdue') AS overdue,
           round(avg(progress), 1) AS progress,
           sum(CASE b WHEN 'done_late' THEN julianday(completed_on) - julianday(deadline)
                      WHEN 'overdue' THEN julianday('@TODAY@') - julianday(deadline) ELSE 0 END) AS days_late
    FROM (SELECT lead_id, progress, deadline, completed_on,
                 CASE WHEN status = 'done' THEN
                        CASE WHEN deadline IS NOT NULL AND completed_on IS NOT NULL AND completed_on > deadline
                             THEN 'done_late' ELSE 'done_on_time' END
                      WHEN deadline IS NOT NULL AND deadline < '@TODAY@' THEN 'overdue' ELSE 'in_time' END AS b
          FROM task WHERE removed_on IS NULL)
    GROUP BY lead_id) x ON x.lead_id = a.id
ORDER BY a.code;

-- 3. Per coordinating agency.
SELECT a.code, a.name, count(*), sum(x.b = 'done_on_time'), sum(x.b = 'done_late'),
       sum(x.b = 'in_time'), sum(x.b = 'overdue'), sum(x.progress)
FROM (SELECT t.id, t.progress,
             CASE WHEN status = 'done' THEN
                    CASE WHEN deadline IS NOT NULL AND completed_on IS NOT NULL AND completed_on > deadline
                         THEN 'done_late' ELSE 'done_on_time' END
                  WHEN deadline IS NOT NULL AND deadline < '@TODAY@' THEN 'overdue' ELSE 'in_time' END AS b
      FROM task t WHERE t.removed_on IS NULL) x
JOIN task_with tw ON tw.task_id = x.id JOIN agency a ON a.id = tw.agency_id
GROUP BY a.id ORDER BY a.code;

-- 4. Every overdue task with its columns and urges, most overdue first.
SELECT t.id, p.code, c.code, t.title, a.code, a.name,
       (SELECT group_concat(wa.code, ';') FROM task_with w JOIN agency wa ON wa.id = w.agency_id
        WHERE w.task_id = t.id),
       t.cadence, t.deadline, t.status, t.progress, t.completed_on,
       (SELECT count(*) FROM urge u WHERE u.task_id = t.id AND u.on_date <= '@TODAY@')
FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL AND t.status <> 'done' AND t.deadline < '@TODAY@'
ORDER BY t.deadline, t.id;

-- 5. What lies ahead: counts, and the first 50 due up to the end of the half year.
SELECT coalesce(sum(deadline >= '@TODAY@' AND deadline <= '@UNTIL@'), 0),
       coalesce(sum(deadline > '@UNTIL@'), 0), coalesce(sum(deadline IS NULL), 0)
FROM task WHERE removed_on IS NULL AND status <> 'done';
SELECT t.id, p.code, c.code, t.title, a.code, a.name, t.cadence, t.deadline, t.status, t.progress
FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id
     JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL AND t.status <> 'done' AND t.deadline >= '@TODAY@' AND t.deadline <= '@UNTIL@'
ORDER BY t.deadline, t.id LIMIT 50;

-- 6. Progress since the beginning: tasks, progress, completed; progress updates.
SELECT count(*), sum(progress), sum(status = 'done' AND completed_on <= '@TODAY@')
FROM task WHERE removed_on IS NULL;
SELECT count(*) FROM task_version v JOIN task t ON t.id = v.task_id
WHERE t.removed_on IS NULL AND v.change = 'progress' AND v.valid_from <= '@TODAY@';

-- 7. Urges: in all, and by the agency urged.
SELECT count(*) FROM urge WHERE on_date <= '@TODAY@';
SELECT a.code, count(*) FROM urge u JOIN agency a ON a.id = u.agency_id
WHERE u.on_date <= '@TODAY@' GROUP BY a.code;
