INSERT INTO
    sims.notification_messages(id, description, template_id)
VALUES
    (
        43,
        'Student notification sent when the former youth in care question is answered with anything other than no.',
        '636dd0c7-fe23-4a25-826b-03202326b580'
    );