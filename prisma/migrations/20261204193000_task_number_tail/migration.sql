-- The last part of a task's number ("5" of "A.II.5"), for "nhiệm vụ 5" asked
-- across plans (findByNumber). Prisma's schema cannot express an expression
-- index: it is written here by hand, and the drift test leaves expression
-- indexes out.
CREATE INDEX "Task_numberTail_idx" ON "Task" ((regexp_replace("number", '^.*\.', '')));
