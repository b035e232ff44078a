-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "targetMet" BOOLEAN NOT NULL DEFAULT false;
