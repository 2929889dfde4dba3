-- Sequence reset is forward-only; no rollback needed.
SELECT 1;
