-- Operations: which process runs each job execution (so an execution left STARTED by a process that died can be told
-- from one still running elsewhere on a shared database), and which execution an operator's action was about.

-- every settle process on the database while it lives: a command or a server; it checks in every few seconds
CREATE TABLE process_instance (
    instance_id   VARCHAR(100) NOT NULL PRIMARY KEY,
    host          VARCHAR(255) NOT NULL,
    pid           BIGINT       NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    started_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_seen_at  DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- set when it stopped cleanly; a process that died keeps NULL and stops checking in
    stopped_at    DATETIME(6)  NULL
) ENGINE = InnoDB;

ALTER TABLE job_start ADD COLUMN process_instance VARCHAR(100) NULL;

ALTER TABLE operator_action
    ADD COLUMN job_execution_id BIGINT NULL,
    ADD KEY ix_operator_action_execution (job_execution_id);
