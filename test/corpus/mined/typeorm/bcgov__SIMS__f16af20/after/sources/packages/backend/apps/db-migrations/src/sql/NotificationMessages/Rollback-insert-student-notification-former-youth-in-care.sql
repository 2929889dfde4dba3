DELETE FROM
    sims.notification_messages
WHERE
    ID = 43;