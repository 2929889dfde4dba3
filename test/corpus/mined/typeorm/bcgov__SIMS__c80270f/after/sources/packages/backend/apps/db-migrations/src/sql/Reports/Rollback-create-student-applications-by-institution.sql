DELETE FROM sims.report_configs
WHERE report_name = 'Ministry_Student_Applications_By_Institution_Report';