import { postgresBin } from '../../bench/lib/postgres.mjs';

// The server itself lives in bench/lib (plain JavaScript) so that `npm run bench -- verify` starts it too.
export { ADMIN, ADMIN_PASSWORD, postgresBin, TempPostgres } from '../../bench/lib/postgres.mjs';

/** Whether a test may start PostgreSQL here; under CI a missing server is a failure, not a skip. */
export const postgresAvailable = () => postgresBin() !== undefined || process.env.CI === 'true';
