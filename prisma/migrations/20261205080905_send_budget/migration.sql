-- A channel's send budget shared by every instance (bot/delivery/pacer.ts).
CREATE TABLE "SendBudget" (
    "channel" "Channel" NOT NULL,
    "nextSlotMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "pausedUntilMs" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "SendBudget_pkey" PRIMARY KEY ("channel")
);
