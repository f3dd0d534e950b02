-- Baseline of the `rollup` row (scripts/bench.sh): one province's counts as of today by
-- category (tasks, the four deadline buckets, mean progress) and its overdue tasks, the
-- numbers the roll-up prints, as one sqlite3 CLI run per province file.
SELECT c.code,
       count(*) AS tasks,
       sum(t.status = 'done' AND NOT (t.deadline IS NOT NULL AND t.completed_on > t.deadline)) AS done_on_time,
       sum(t.status = 'done' AND t.deadline IS NOT NULL AND t.completed_on > t.deadline) AS done_late,
       sum(t.status <> 'done' AND NOT (t.deadline IS NOT NULL AND t.deadline < date('now', 'localtime'))) AS in_time,
       sum(t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline < date('now', 'localtime')) AS overdue,
       round(avg(t.progress), 1) AS progress
FROM task t JOIN category c ON c.id = t.category_id
WHERE t.removed_on IS NULL
GROUP BY c.id ORDER BY c.position;
SELECT t.id, t.title, a.code, t.deadline, t.progress
FROM task t JOIN agency a ON a.id = t.lead_id
WHERE t.removed_on IS NULL AND t.status <> 'done' AND t.deadline < date('now', 'localtime')
ORDER BY t.deadline, t.id;
