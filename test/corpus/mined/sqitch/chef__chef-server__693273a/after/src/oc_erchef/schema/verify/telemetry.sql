-- Verify enterprise_chef:telemetry on pg

BEGIN;

-- XXX Add verifications here.

ROLLBACK;
