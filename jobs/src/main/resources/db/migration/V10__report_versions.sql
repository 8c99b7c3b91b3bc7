-- Every version of a day's reports (DESIGN §2.7): version 1 in reports/<date>/, a later version (after a late
-- statement was reconciled, or a safeguarding action recorded) in reports/<date>/v<n>/, never over an earlier one.
-- Each version's manifest is chained to the manifest written before it; its SHA-256 (and, with a configured key, an
-- HMAC of it) is recorded here when written, so a rewrite of the last one is found too.
CREATE TABLE report_version (
    seq                    BIGINT       NOT NULL AUTO_INCREMENT UNIQUE,
    business_date          DATE         NOT NULL,
    version                INT          NOT NULL,
    -- the id every report of the version carries: the first execution of its reportsJob instance
    job_execution_id       BIGINT       NOT NULL,
    -- what the version shows: the reconciliation run, and the operator actions up to this id
    reconciliation_run     INT          NOT NULL,
    operator_action_upto   BIGINT       NOT NULL,
    reason                 VARCHAR(500) NOT NULL,
    manifest_sha256        CHAR(64)     NULL,
    previous_date          DATE         NULL,
    previous_version       INT          NULL,
    previous_sha256        CHAR(64)     NULL,
    manifest_hmac          CHAR(64)     NULL,
    written_at             DATETIME(6)  NULL,
    PRIMARY KEY (business_date, version)
) ENGINE = InnoDB;
