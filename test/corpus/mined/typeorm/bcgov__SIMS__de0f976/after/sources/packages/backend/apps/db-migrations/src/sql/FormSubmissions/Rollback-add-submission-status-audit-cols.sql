ALTER TABLE
    sims.form_submissions DROP COLUMN submission_status_updated_by,
    DROP COLUMN submission_status_updated_on;