-- AlterTable
ALTER TABLE "SendBudget" ADD COLUMN "holder" TEXT;

-- AlterTable
ALTER TABLE "SendBudget" ADD COLUMN "holderUntilMs" DOUBLE PRECISION NOT NULL DEFAULT 0;
