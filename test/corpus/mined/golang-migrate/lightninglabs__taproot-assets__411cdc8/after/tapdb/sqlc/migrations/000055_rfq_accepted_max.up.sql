ALTER TABLE rfq_policies
    ADD COLUMN accepted_max_amount BIGINT;
