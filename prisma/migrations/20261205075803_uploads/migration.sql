-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'XLSX';

-- CreateEnum
CREATE TYPE "UploadState" AS ENUM ('WAITING', 'PREVIEWED', 'APPLIED', 'CANCELLED', 'REFUSED');

-- CreateTable
CREATE TABLE "Upload" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "tokenHash" TEXT,
    "fileName" TEXT,
    "checksum" TEXT,
    "data" BYTEA,
    "state" "UploadState" NOT NULL DEFAULT 'WAITING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Upload_tokenHash_key" ON "Upload"("tokenHash");

-- CreateIndex
CREATE INDEX "Upload_personId_idx" ON "Upload"("personId");

-- CreateIndex
CREATE INDEX "Upload_expiresAt_idx" ON "Upload"("expiresAt");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

