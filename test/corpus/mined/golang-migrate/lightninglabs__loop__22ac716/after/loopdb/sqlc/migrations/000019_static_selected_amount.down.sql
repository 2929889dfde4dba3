-- selected_amount is a fractional amount amongst selected deposits of a static
-- address loop-in swap.
ALTER TABLE static_address_swaps DROP COLUMN selected_amount;
