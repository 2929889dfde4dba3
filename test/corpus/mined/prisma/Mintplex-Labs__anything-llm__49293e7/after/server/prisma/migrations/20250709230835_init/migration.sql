-- AlterTable
ALTER TABLE "embed_configs" ADD COLUMN "message_limit" INTEGER DEFAULT 20;
