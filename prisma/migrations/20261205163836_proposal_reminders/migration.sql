-- AlterEnum
ALTER TYPE "ProposalEventKind" ADD VALUE 'REMINDED';

-- AlterEnum
ALTER TYPE "ProposalEventKind" ADD VALUE 'ESCALATED';
