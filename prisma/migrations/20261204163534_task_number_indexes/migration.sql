-- CreateIndex
CREATE INDEX "Task_planId_number_idx" ON "Task"("planId", "number");

-- CreateIndex
CREATE INDEX "Task_number_idx" ON "Task"("number");
