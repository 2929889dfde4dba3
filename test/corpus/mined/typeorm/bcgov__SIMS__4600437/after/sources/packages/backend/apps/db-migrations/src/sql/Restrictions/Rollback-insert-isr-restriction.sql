DELETE FROM
    sims.restrictions
WHERE
    restriction_code = 'ISR';