-- Every operator action says through which door it came (cli, api, console, scheduler), in which roles its person acted
-- (the API's users have roles; the command line's operating-system user has none), and how it ended.
ALTER TABLE operator_action
    ADD COLUMN channel VARCHAR(20)  NULL,
    ADD COLUMN role    VARCHAR(100) NULL,
    ADD COLUMN outcome VARCHAR(200) NULL;
