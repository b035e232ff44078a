-- CreateIndex
CREATE INDEX "Task_directingLeader_idx" ON "Task"("directingLeader");

-- CreateIndex
CREATE INDEX "Task_sectionCode_groupCode_idx" ON "Task"("sectionCode", "groupCode");
