-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "callStartedAt" TIMESTAMP(3);
