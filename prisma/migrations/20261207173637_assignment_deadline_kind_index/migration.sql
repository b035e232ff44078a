-- Issue 12: "những việc đến hạn đến cuối năm" matches the rows due in a range whatever their state, or with
-- no deadline (yearly); with this index the generic plan reads both ranges by index (a BitmapOr) instead of
-- scanning Assignment: 18.8 -> 3.1 ms at 100k (5,952 rows).
-- CreateIndex
CREATE INDEX "Assignment_deadlineDate_taskKind_idx" ON "Assignment"("deadlineDate", "taskKind");
