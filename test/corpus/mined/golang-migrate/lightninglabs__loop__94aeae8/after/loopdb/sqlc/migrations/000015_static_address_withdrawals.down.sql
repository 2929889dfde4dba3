DROP TABLE IF EXISTS withdrawals;
DROP TABLE IF EXISTS withdrawal_deposits;
