-- CreateEnum
CREATE TYPE "ExplanationState" AS ENUM ('OPEN', 'ANSWERED');

-- CreateEnum
CREATE TYPE "ExplanationEventKind" AS ENUM ('REQUESTED', 'ANSWERED', 'REMINDED', 'ESCALATED');

-- CreateTable
CREATE TABLE "ExplanationRequest" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "reason" TEXT,
    "dueOn" DATE NOT NULL,
    "state" "ExplanationState" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplanationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExplanationEvent" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "kind" "ExplanationEventKind" NOT NULL,
    "personId" INTEGER,
    "channel" "Channel" NOT NULL,
    "text" TEXT,
    "fileId" TEXT,
    "fileName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExplanationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExplanationRequest_unitId_state_idx" ON "ExplanationRequest"("unitId", "state");

-- CreateIndex
CREATE INDEX "ExplanationRequest_state_dueOn_idx" ON "ExplanationRequest"("state", "dueOn");

-- CreateIndex
CREATE INDEX "ExplanationRequest_taskId_idx" ON "ExplanationRequest"("taskId");

-- CreateIndex
CREATE INDEX "ExplanationEvent_requestId_at_idx" ON "ExplanationEvent"("requestId", "at");

-- AddForeignKey
ALTER TABLE "ExplanationEvent" ADD CONSTRAINT "ExplanationEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExplanationRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
