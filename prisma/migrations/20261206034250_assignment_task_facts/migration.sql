-- What answers test on every assignment row — the task's kind (tasks apart
-- from indicators) and whether it is yearly (reopens on 1 January, due
-- 31/12) — copied from the task, as deadlineDate is, so that a question's
-- conditions read the row alone: no join with the whole Task table and no
-- long list of task ids sent with every statement (issue 12). Triggers keep
-- the copy right whoever writes the rows.

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "taskKind" "ItemKind" NOT NULL DEFAULT 'TASK',
ADD COLUMN     "yearly" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Assignment" a SET "taskKind" = t.kind, "yearly" = (t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY')
FROM "Task" t WHERE t.id = a."taskId" AND (a."taskKind" <> t.kind OR a."yearly" <> (t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY'));

-- A new or re-pointed row, or any write to the copies, takes them from its task.
CREATE FUNCTION "assignment_task_facts"() RETURNS trigger AS $$
BEGIN
  SELECT t.kind, (t.rhythm = 'YEARLY' OR t."deadlineKind" = 'YEARLY') INTO NEW."taskKind", NEW."yearly" FROM "Task" t WHERE t.id = NEW."taskId";
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Assignment_task_facts" BEFORE INSERT OR UPDATE OF "taskId", "taskKind", "yearly" ON "Assignment"
  FOR EACH ROW EXECUTE FUNCTION "assignment_task_facts"();

-- A task whose kind or rhythm changes: its rows take the copies again (through the trigger above).
CREATE FUNCTION "task_facts_to_assignments"() RETURNS trigger AS $$
BEGIN
  UPDATE "Assignment" SET "taskKind" = NEW.kind WHERE "taskId" = NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Task_facts_to_assignments" AFTER UPDATE OF kind, rhythm, "deadlineKind" ON "Task"
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.rhythm IS DISTINCT FROM NEW.rhythm OR OLD."deadlineKind" IS DISTINCT FROM NEW."deadlineKind")
  EXECUTE FUNCTION "task_facts_to_assignments"();
