-- CreateIndex
CREATE INDEX "ProgressUpdate_amendsId_idx" ON "ProgressUpdate"("amendsId");
