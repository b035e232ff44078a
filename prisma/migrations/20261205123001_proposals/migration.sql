-- CreateEnum
CREATE TYPE "ProposalState" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ProposalEventKind" AS ENUM ('RAISED', 'ACKNOWLEDGED', 'RESOLVED', 'FORWARDED', 'REFUSED');

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "updateId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "proposerId" INTEGER,
    "text" TEXT NOT NULL,
    "addresseeUnitId" INTEGER,
    "addresseeFrom" TEXT NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'OPEN',
    "dueOn" DATE NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalEvent" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "kind" "ProposalEventKind" NOT NULL,
    "personId" INTEGER,
    "channel" "Channel" NOT NULL,
    "text" TEXT,
    "toUnitId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_addresseeUnitId_state_idx" ON "Proposal"("addresseeUnitId", "state");

-- CreateIndex
CREATE INDEX "Proposal_state_dueOn_idx" ON "Proposal"("state", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Proposal_updateId_position_key" ON "Proposal"("updateId", "position");

-- CreateIndex
CREATE INDEX "ProposalEvent_proposalId_at_idx" ON "ProposalEvent"("proposalId", "at");

-- AddForeignKey
ALTER TABLE "ProposalEvent" ADD CONSTRAINT "ProposalEvent_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
