-- The rest of what a row's status reads of its task (planning-sql.ts,
-- STATUS_SQL) copied onto Assignment, as its kind and whether it is yearly
-- already are (migration assignment_task_facts): the plan, whether the task
-- is continuous, its fixed deadline, whether it is due 31/12 of each year,
-- and whether an indicator's reported value meets the task's target. A
-- whole-city status pass (the monthly request day's reminders) then reads
-- Assignment alone: hashing the 100,000 tasks to join them cost about two
-- thirds of that pass (issue 12). Triggers keep the copies right whoever
-- writes the rows.

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "planId" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "continuous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "taskDue" DATE,
ADD COLUMN "dueYearly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "meetsTarget" BOOLEAN NOT NULL DEFAULT false;

-- The due day in force: none for a task without a deadline (continuous or unknown); 31/12 of the day's year for a
-- yearly one (dueYearly: the year is the question's); else the task's date (taskDue). An indicator is done when its
-- reported value meets the target (statusOf; targetMet also weighs the target's unit and year).
CREATE OR REPLACE FUNCTION "assignment_task_facts"() RETURNS trigger AS $$
BEGIN
  SELECT t.kind, (t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY'), t."planId", t.rhythm = 'CONTINUOUS',
      CASE WHEN t."deadlineKind" IN ('CONTINUOUS', 'UNKNOWN') OR t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY' THEN NULL ELSE t."deadlineDate" END,
      t."deadlineKind" NOT IN ('CONTINUOUS', 'UNKNOWN') AND (t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY'),
      (t.kind = 'INDICATOR' AND t."targetValue" IS NOT NULL AND NEW."actualValue" IS NOT NULL AND CASE t."targetComparator"
        WHEN '>=' THEN NEW."actualValue" >= t."targetValue" - 1e-9 WHEN '>' THEN NEW."actualValue" > t."targetValue" + 1e-9
        WHEN '<=' THEN NEW."actualValue" <= t."targetValue" + 1e-9 WHEN '<' THEN NEW."actualValue" < t."targetValue" - 1e-9
        WHEN '=' THEN abs(NEW."actualValue" - t."targetValue") <= 1e-9 ELSE false END)
    INTO NEW."taskKind", NEW."yearly", NEW."planId", NEW."continuous", NEW."taskDue", NEW."dueYearly", NEW."meetsTarget"
    FROM "Task" t WHERE t.id = NEW."taskId";
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- A new or re-pointed row, a new reported value, or any write to the copies, takes them from its task.
DROP TRIGGER "Assignment_task_facts" ON "Assignment";
CREATE TRIGGER "Assignment_task_facts" BEFORE INSERT OR UPDATE OF "taskId", "actualValue", "taskKind", "yearly", "planId", "continuous", "taskDue", "dueYearly", "meetsTarget" ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION "assignment_task_facts"();

-- A task whose facts change: its rows take the copies again (task_facts_to_assignments writes taskKind, which runs
-- the trigger above).
DROP TRIGGER "Task_facts_to_assignments" ON "Task";
CREATE TRIGGER "Task_facts_to_assignments" AFTER UPDATE OF kind, rhythm, "deadlineKind", "deadlineDate", "planId", "targetValue", "targetComparator" ON "Task"
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.rhythm IS DISTINCT FROM NEW.rhythm OR OLD."deadlineKind" IS DISTINCT FROM NEW."deadlineKind"
    OR OLD."deadlineDate" IS DISTINCT FROM NEW."deadlineDate" OR OLD."planId" IS DISTINCT FROM NEW."planId"
    OR OLD."targetValue" IS DISTINCT FROM NEW."targetValue" OR OLD."targetComparator" IS DISTINCT FROM NEW."targetComparator")
  EXECUTE FUNCTION "task_facts_to_assignments"();

-- The rows already there (through the trigger above: a write to a copy takes them all).
UPDATE "Assignment" SET "planId" = 0;
