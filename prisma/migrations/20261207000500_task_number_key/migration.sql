-- The task number's sort key: compareNumbers as text (each run of digits
-- zero-padded to 18, lower case), the expression of numberKeySql in
-- prisma/stores/question-data.ts. Stored so that the planners' lists
-- (reminders, digests) sort by a column instead of two regular expressions
-- per row at every run (issue 12). A trigger keeps it right whoever writes
-- the task; compare it with COLLATE "C".

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "numberKey" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION "task_number_key"() RETURNS trigger AS $$
BEGIN
  NEW."numberKey" := lower(regexp_replace(regexp_replace(NEW.number, '([0-9]+)', '000000000000000000\1', 'g'), '0*([0-9]{18})', '\1', 'g'));
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Task_number_key" BEFORE INSERT OR UPDATE OF number, "numberKey" ON "Task"
  FOR EACH ROW EXECUTE FUNCTION "task_number_key"();

-- Existing tasks (through the trigger).
UPDATE "Task" SET "numberKey" = '';
