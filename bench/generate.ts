/**
 * Bulk data in SQL. The default ("scale") shape: 1,000 units, `tasks` tasks over 20
 * plans (one assignment each), ten progress updates per assignment spread
 * over two years, a focal officer and a leader per unit linked on Telegram,
 * and a city leader. Runs on PostgreSQL or PGlite through any `exec`.
 */
export type Exec = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export type Shape = 'scale' | 'city';

/**
 * What the tasks are about: each title names one of these (task i the (i mod 25)-th), so that a
 * topic question ("nhiệm vụ về an toàn thông tin mạng quá hạn") selects 4% of the tasks, as a
 * subject does in the real appendices, and not all or none of them.
 */
export const SUBJECTS = [
  'chuyển đổi số', 'an toàn thông tin mạng', 'hạ tầng 5G', 'cơ sở dữ liệu dân cư', 'dịch vụ công trực tuyến',
  'đổi mới sáng tạo', 'khoa học và công nghệ', 'thanh toán không dùng tiền mặt', 'chính quyền số', 'kinh tế số',
  'xã hội số', 'nhân lực số', 'trung tâm dữ liệu', 'thủ tục hành chính', 'học bạ số',
  'y tế số', 'giáo dục số', 'nông nghiệp số', 'du lịch thông minh', 'giao thông thông minh',
  'đô thị thông minh', 'khởi nghiệp sáng tạo', 'sở hữu trí tuệ', 'phòng thí nghiệm trọng điểm', 'chữ ký số',
];
const SUBJECT_SQL = `(ARRAY[${SUBJECTS.map((x) => `'${x}'`).join(', ')}])[1 + i % ${SUBJECTS.length}]`;

/** Runs one generating statement and prints how long it took (unless quiet). */
function stepper(exec: Exec, quiet: boolean | undefined) {
  return async (label: string, sql: string) => {
    const s = performance.now();
    await exec(sql);
    if (!quiet) process.stdout.write(`  ${label.padEnd(40)} ${((performance.now() - s) / 1000).toFixed(1)} s\n`);
  };
}

export async function generate(exec: Exec, options: { tasks: number; quiet?: boolean; shape?: Shape }): Promise<void> {
  if (options.shape === 'city') return generateCity(exec, options);
  const n = options.tasks;
  const t0 = performance.now();
  const step = stepper(exec, options.quiet);
  if (!options.quiet) process.stdout.write('Generating data…\n');
  await step('1,000 units', `INSERT INTO "Unit"(code, name, kind)
    SELECT 'u' || i, 'Đơn vị ' || i, (ARRAY['COMMUNE','WARD','DEPARTMENT','SPECIAL_ZONE','PARTY_BODY','AGENCY'])[1 + i % 6]::"UnitKind" FROM generate_series(1, 1000) i`);
  await step('20 plans', `INSERT INTO "Plan"(code, title, year) SELECT 'KH-' || i, 'Kế hoạch ' || i, 2025 + i % 2 FROM generate_series(1, 20) i`);
  await step(`${n.toLocaleString('en')} tasks`, `INSERT INTO "Task"("planId", scope, kind, number, "sectionCode", position, label, title, "deadlineText", "deadlineKind", "deadlineDate", rhythm, "updatedAt")
    SELECT 1 + i % 20, 'u' || (1 + i % 1000), CASE WHEN i % 10 = 0 THEN 'INDICATOR' ELSE 'TASK' END::"ItemKind", i::text, 'I', i, i::text,
      'Nhiệm vụ số ' || i || ' về ' || ${SUBJECT_SQL},
      CASE WHEN i % 20 = 0 THEN 'Thường xuyên' WHEN i % 20 = 1 THEN 'Hằng năm' ELSE 'Tháng ' || (1 + i % 12) || '/' || (2025 + i % 3) END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 THEN 'YEARLY' ELSE 'MONTH' END::"DeadlineKind",
      CASE WHEN i % 20 IN (0, 1) THEN NULL ELSE (make_date(2025 + i % 3, 1 + i % 12, 1) + interval '1 month - 1 day')::date + (i % 28) - 27 END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 THEN 'YEARLY' ELSE 'ONCE' END::"Rhythm", now()
    FROM generate_series(1, ${n}) i`);
  await step(`${n.toLocaleString('en')} assignments`, `INSERT INTO "Assignment"("taskId", "unitId", "deadlineDate") SELECT t.id, 1 + t.id % 1000, t."deadlineDate" FROM "Task" t`);
  await step(`${(n * 10).toLocaleString('en')} progress updates`, `INSERT INTO "ProgressUpdate"("taskId", "unitId", "assignmentId", kind, state, percent, channel, "reportedAt")
    SELECT a."taskId", a."unitId", a.id, 'REPORT',
      CASE WHEN k = 10 AND a.id % 3 = 0 THEN 'DONE' WHEN k = 1 AND a.id % 7 = 0 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END::"ProgressState",
      LEAST(100, k * 10 - (a.id % 7)), 'TELEGRAM',
      timestamp '2025-01-05' + (k * 62 + a.id % 40) * interval '1 day' + (a.id % 600) * interval '1 minute'
    FROM "Assignment" a CROSS JOIN generate_series(1, 10) k`);
  await step('latest state per assignment', `UPDATE "Assignment" a SET state = u.state, percent = u.percent, "lastUpdateId" = u.id, "lastReportedAt" = u."reportedAt",
      "doneOn" = CASE WHEN u.state = 'DONE' THEN u."reportedAt"::date END
    FROM (SELECT DISTINCT ON ("assignmentId") id, "assignmentId", state, percent, "reportedAt" FROM "ProgressUpdate" ORDER BY "assignmentId", "reportedAt" DESC, id DESC) u
    WHERE a.id = u."assignmentId"`);
  await step('2,001 people on Telegram', `INSERT INTO "Person"(code, "fullName", "unitId", roles, "isFocal", "updatedAt")
    SELECT 'focal-' || i, 'Cán bộ đầu mối ' || i, i, ARRAY['OFFICER']::"Role"[], true, now() FROM generate_series(1, 1000) i
    UNION ALL SELECT 'leader-' || i, 'Lãnh đạo đơn vị ' || i, i, ARRAY['UNIT_LEADER']::"Role"[], false, now() FROM generate_series(1, 1000) i
    UNION ALL SELECT 'city-leader', 'Lãnh đạo thành phố', NULL, ARRAY['CITY_LEADER']::"Role"[], false, now()`);
  await exec(`INSERT INTO "ChatIdentity"("personId", channel, "externalId", "chatId") SELECT id, 'TELEGRAM', (100000 + id)::text, (100000 + id)::text FROM "Person"`);
  await step('ANALYZE', 'ANALYZE');
  if (!options.quiet) process.stdout.write(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

/**
 * The city shape (issue 12, `--shape city`), like Hải Phòng: 110 units (40
 * communes, 35 wards, 2 special zones, 25 departments, 5 agencies, 3 party
 * bodies; named "Đơn vị N" so the bench's questions name them the same way in
 * both shapes), 2,000 tasks over 10 plans of which four in five are shared by
 * 30–48 units (task 1 by 48, the first of the most shared: the roll-up question) and
 * the rest by one to three, one in twenty yearly ("Hằng năm"); eight progress
 * updates per assignment spread over the year before 26/11/2026; 5,000 people
 * (a focal officer and a leader per unit, officers, five city leaders) with a
 * Telegram or Zalo account each; 100,000 residents (accounts without a
 * person) subscribed to the 77 communes, wards and special zones.
 */
async function generateCity(exec: Exec, options: { quiet?: boolean }): Promise<void> {
  const t0 = performance.now();
  const step = stepper(exec, options.quiet);
  if (!options.quiet) process.stdout.write('Generating city-shaped data…\n');
  await step('110 units', `INSERT INTO "Unit"(code, name, kind)
    SELECT 'u' || i, 'Đơn vị ' || i, CASE WHEN i <= 40 THEN 'COMMUNE' WHEN i <= 75 THEN 'WARD' WHEN i <= 77 THEN 'SPECIAL_ZONE'
      WHEN i <= 102 THEN 'DEPARTMENT' WHEN i <= 107 THEN 'AGENCY' ELSE 'PARTY_BODY' END::"UnitKind" FROM generate_series(1, 110) i`);
  await step('10 plans', `INSERT INTO "Plan"(code, title, year) SELECT 'KH-' || i, 'Kế hoạch ' || i, 2025 + i % 2 FROM generate_series(1, 10) i`);
  await step('2,000 tasks', `INSERT INTO "Task"("planId", scope, kind, number, "sectionCode", position, label, title, "deadlineText", "deadlineKind", "deadlineDate", rhythm, "leadUnitText", "updatedAt")
    SELECT 1 + (i - 1) % 10, '', CASE WHEN i % 10 = 0 THEN 'INDICATOR' ELSE 'TASK' END::"ItemKind", i::text, 'I', i, i::text,
      'Nhiệm vụ số ' || i || ' về ' || ${SUBJECT_SQL},
      CASE WHEN i % 20 = 0 THEN 'Thường xuyên' WHEN i % 20 = 1 AND i > 1 THEN 'Hằng năm' ELSE 'Tháng ' || (1 + i % 12) || '/' || (2025 + i % 3) END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 AND i > 1 THEN 'YEARLY' ELSE 'MONTH' END::"DeadlineKind",
      CASE WHEN i % 20 = 0 OR (i % 20 = 1 AND i > 1) THEN NULL ELSE (make_date(2025 + i % 3, 1 + i % 12, 1) + interval '1 month - 1 day')::date END,
      CASE WHEN i % 20 = 0 THEN 'CONTINUOUS' WHEN i % 20 = 1 AND i > 1 THEN 'YEARLY' ELSE 'ONCE' END::"Rhythm",
      CASE WHEN i % 5 <> 0 THEN 'Các sở, ngành, UBND các xã, phường, đặc khu' END, now()
    FROM generate_series(1, 2000) i`);
  await step('assignments (30–48 units for most tasks)', `INSERT INTO "Assignment"("taskId", "unitId", "deadlineDate")
    SELECT t.id, 1 + (t.id * 7 + j) % 110, t."deadlineDate" FROM "Task" t
    CROSS JOIN LATERAL generate_series(0, CASE WHEN t.number = '1' THEN 47 WHEN t.id % 5 = 0 THEN t.id % 3 ELSE 29 + t.id % 19 END) j`);
  await step('progress updates over a year', `INSERT INTO "ProgressUpdate"("taskId", "unitId", "assignmentId", kind, state, percent, channel, "reportedAt")
    SELECT a."taskId", a."unitId", a.id, 'REPORT',
      CASE WHEN k = 8 AND a.id % 3 = 0 THEN 'DONE' WHEN k = 1 AND a.id % 7 = 0 THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END::"ProgressState",
      LEAST(100, k * 12 - (a.id % 7)), CASE WHEN a.id % 3 = 0 THEN 'ZALO' ELSE 'TELEGRAM' END::"Channel",
      timestamp '2025-11-27' + ((k - 1) * 45 + a.id % 45) * interval '1 day' + (a.id % 600) * interval '1 minute'
    FROM "Assignment" a CROSS JOIN generate_series(1, 8) k WHERE a.id % 11 <> 0 OR k <= 3`);
  await step('latest state per assignment', `UPDATE "Assignment" a SET state = u.state, percent = u.percent, "lastUpdateId" = u.id, "lastReportedAt" = u."reportedAt",
      "doneOn" = CASE WHEN u.state = 'DONE' THEN u."reportedAt"::date END
    FROM (SELECT DISTINCT ON ("assignmentId") id, "assignmentId", state, percent, "reportedAt" FROM "ProgressUpdate" ORDER BY "assignmentId", "reportedAt" DESC, id DESC) u
    WHERE a.id = u."assignmentId"`);
  await step('5,000 people on Telegram and Zalo', `INSERT INTO "Person"(code, "fullName", "unitId", roles, "isFocal", "updatedAt")
    SELECT 'focal-' || i, 'Cán bộ đầu mối ' || i, i, ARRAY['OFFICER']::"Role"[], true, now() FROM generate_series(1, 110) i
    UNION ALL SELECT 'leader-' || i, 'Lãnh đạo đơn vị ' || i, i, ARRAY['UNIT_LEADER']::"Role"[], false, now() FROM generate_series(1, 110) i
    UNION ALL SELECT 'city-leader-' || i, CASE WHEN i = 1 THEN 'Lãnh đạo thành phố' ELSE 'Phó Chủ tịch thành phố ' || i END, NULL, ARRAY['CITY_LEADER']::"Role"[], false, now() FROM generate_series(1, 5) i
    UNION ALL SELECT 'officer-' || i, 'Cán bộ ' || i, 1 + i % 110, ARRAY['OFFICER']::"Role"[], false, now() FROM generate_series(1, 4775) i`);
  await exec(`INSERT INTO "ChatIdentity"("personId", channel, "externalId", "chatId")
    SELECT id, CASE WHEN id % 3 = 0 THEN 'ZALO' ELSE 'TELEGRAM' END::"Channel", (100000 + id)::text, (100000 + id)::text FROM "Person"`);
  await step('100,000 residents subscribed to communes', `INSERT INTO "ChatIdentity"(channel, "externalId", "chatId")
    SELECT CASE WHEN i % 3 = 0 THEN 'ZALO' ELSE 'TELEGRAM' END::"Channel", 'r' || i, (2000000 + i)::text FROM generate_series(1, 100000) i`);
  await exec(`INSERT INTO "Subscription"("identityId", "unitId")
    SELECT i.id, 1 + i.id % 77 FROM "ChatIdentity" i WHERE i."personId" IS NULL AND i."externalId" LIKE 'r%'`);
  await step('ANALYZE', 'ANALYZE');
  if (!options.quiet) process.stdout.write(`  total ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
