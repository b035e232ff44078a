-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CITY', 'PARTY_BODY', 'DEPARTMENT', 'AGENCY', 'COMMUNE', 'WARD', 'SPECIAL_ZONE', 'UNIVERSITY', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICER', 'UNIT_LEADER', 'CITY_LEADER', 'COMMUNITY_TEAM', 'ADMIN', 'RESIDENT');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'ZALO', 'CONSOLE', 'IMPORT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('TASK', 'INDICATOR');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('DAY', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'BEFORE_MONTH', 'YEAR_RANGE', 'CONTINUOUS', 'YEARLY', 'NONE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Rhythm" AS ENUM ('ONCE', 'YEARLY', 'CONTINUOUS');

-- CreateEnum
CREATE TYPE "Collective" AS ENUM ('ALL_UNITS', 'CITY_AGENCIES', 'LOCALITIES', 'UNIVERSITIES', 'PARTY_BODIES');

-- CreateEnum
CREATE TYPE "TaskUnitRole" AS ENUM ('LEAD', 'COORDINATING');

-- CreateEnum
CREATE TYPE "ProgressState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE');

-- CreateEnum
CREATE TYPE "UpdateKind" AS ENUM ('REPORT', 'IMPORT', 'CORRECTION', 'WITHDRAWAL');

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitAlias" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "UnitAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "title" TEXT,
    "unitId" INTEGER,
    "roles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "isFocal" BOOLEAN NOT NULL DEFAULT false,
    "phone" TEXT,
    "email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "usernames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER,
    "channel" "Channel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "username" TEXT,
    "displayName" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unreachableAt" TIMESTAMP(3),

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "issuedOn" DATE,
    "year" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "kind" "ItemKind" NOT NULL,
    "number" TEXT NOT NULL,
    "sectionCode" TEXT NOT NULL,
    "sectionTitle" TEXT,
    "groupCode" TEXT,
    "groupTitle" TEXT,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "leadUnitText" TEXT,
    "collective" "Collective",
    "coordinatingText" TEXT,
    "directingLeader" TEXT,
    "expectedOutput" TEXT,
    "deadlineText" TEXT,
    "deadlineKind" "DeadlineKind" NOT NULL DEFAULT 'NONE',
    "deadlineDate" DATE,
    "deadlineStart" DATE,
    "deadlineFlagged" BOOLEAN NOT NULL DEFAULT false,
    "rhythm" "Rhythm" NOT NULL DEFAULT 'ONCE',
    "targetComparator" TEXT,
    "targetValue" DOUBLE PRECISION,
    "targetUnit" TEXT,
    "targetYear" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskUnit" (
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" "TaskUnitRole" NOT NULL,

    CONSTRAINT "TaskUnit_pkey" PRIMARY KEY ("taskId","unitId","role")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "state" "ProgressState" NOT NULL DEFAULT 'NOT_STARTED',
    "percent" DOUBLE PRECISION,
    "actualValue" DOUBLE PRECISION,
    "actualText" TEXT,
    "outputDocument" TEXT,
    "difficulties" TEXT,
    "proposals" TEXT,
    "expectedCompletionText" TEXT,
    "lastUpdateId" INTEGER,
    "lastReportedAt" TIMESTAMP(3),
    "doneOn" DATE,
    "deadlineDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignee" (
    "taskId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskAssignee_pkey" PRIMARY KEY ("taskId","personId")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "kind" "UpdateKind" NOT NULL DEFAULT 'REPORT',
    "amendsId" INTEGER,
    "state" "ProgressState" NOT NULL,
    "percent" DOUBLE PRECISION,
    "actualValue" DOUBLE PRECISION,
    "actualText" TEXT,
    "outputDocument" TEXT,
    "difficulties" TEXT,
    "proposals" TEXT,
    "expectedCompletionText" TEXT,
    "expectedCompletionDate" DATE,
    "attachments" JSONB,
    "reporterId" INTEGER,
    "channel" "Channel" NOT NULL,
    "originalText" TEXT,
    "asOf" DATE,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importBatchId" INTEGER,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "layout" TEXT NOT NULL,
    "planCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unitId" INTEGER,
    "asOf" DATE,
    "created" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "updates" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_kind_idx" ON "Unit"("kind");

-- CreateIndex
CREATE INDEX "UnitAlias_folded_idx" ON "UnitAlias"("folded");

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_unitId_folded_key" ON "UnitAlias"("unitId", "folded");

-- CreateIndex
CREATE UNIQUE INDEX "Person_code_key" ON "Person"("code");

-- CreateIndex
CREATE INDEX "Person_unitId_idx" ON "Person"("unitId");

-- CreateIndex
CREATE INDEX "Person_phone_idx" ON "Person"("phone");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_idx" ON "ChatIdentity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_channel_externalId_key" ON "ChatIdentity"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_code_key" ON "Plan"("code");

-- CreateIndex
CREATE INDEX "Task_deadlineDate_idx" ON "Task"("deadlineDate");

-- CreateIndex
CREATE UNIQUE INDEX "Task_planId_scope_number_key" ON "Task"("planId", "scope", "number");

-- CreateIndex
CREATE INDEX "TaskUnit_unitId_idx" ON "TaskUnit"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_lastUpdateId_key" ON "Assignment"("lastUpdateId");

-- CreateIndex
CREATE INDEX "Assignment_unitId_state_deadlineDate_idx" ON "Assignment"("unitId", "state", "deadlineDate");

-- CreateIndex
CREATE INDEX "Assignment_state_deadlineDate_idx" ON "Assignment"("state", "deadlineDate");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_taskId_unitId_key" ON "Assignment"("taskId", "unitId");

-- CreateIndex
CREATE INDEX "TaskAssignee_personId_idx" ON "TaskAssignee"("personId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_assignmentId_reportedAt_idx" ON "ProgressUpdate"("assignmentId", "reportedAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_taskId_idx" ON "ProgressUpdate"("taskId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_reportedAt_idx" ON "ProgressUpdate"("reportedAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitAlias" ADD CONSTRAINT "UnitAlias_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUnit" ADD CONSTRAINT "TaskUnit_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskUnit" ADD CONSTRAINT "TaskUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_lastUpdateId_fkey" FOREIGN KEY ("lastUpdateId") REFERENCES "ProgressUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignee" ADD CONSTRAINT "TaskAssignee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "ProgressUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Progress history is append-only: a correction is a new row, never an edit.
CREATE FUNCTION "progress_update_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ProgressUpdate is append-only (% refused)', TG_OP;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ProgressUpdate_append_only" BEFORE UPDATE OR DELETE ON "ProgressUpdate"
  FOR EACH ROW EXECUTE FUNCTION "progress_update_append_only"();

CREATE TRIGGER "ProgressUpdate_no_truncate" BEFORE TRUNCATE ON "ProgressUpdate"
  FOR EACH STATEMENT EXECUTE FUNCTION "progress_update_append_only"();
