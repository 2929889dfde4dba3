ALTER TABLE rfq_policies
    ADD COLUMN execution_policy INTEGER;
