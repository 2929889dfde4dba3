-- Revert kvpair

BEGIN;

-- XXX Add DDLs here.

COMMIT;
