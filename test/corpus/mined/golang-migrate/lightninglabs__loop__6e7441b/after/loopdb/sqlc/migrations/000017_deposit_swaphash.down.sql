ALTER TABLE deposits DROP COLUMN swap_hash;
