DROP INDEX IF EXISTS deposit_updates_id_timestamp_index;
