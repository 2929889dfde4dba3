ALTER TABLE deposits ADD swap_hash BLOB;
