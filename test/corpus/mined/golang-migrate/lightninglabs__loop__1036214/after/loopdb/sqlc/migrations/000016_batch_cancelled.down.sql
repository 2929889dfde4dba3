ALTER TABLE sweep_batches DROP COLUMN cancelled;
