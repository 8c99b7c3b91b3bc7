-- Safeguarding as an examiner reads it (DESIGN §2.5, CASS 15 as the model): the requirement includes the payments in
-- transit, the excess or shortfall is explained line by line to the öre, the resource is shown per account and bank at
-- the statement's closing time, and what was done about a shortfall or excess is recorded.

-- when the statement's closing balance stands, as the bank wrote it (camt FrToDt/ToDtTm, else CreDtTm)
ALTER TABLE bank_section ADD COLUMN as_of VARCHAR(40) NULL;
CREATE OR REPLACE VIEW imported_bank_section AS
SELECT s.* FROM bank_section s JOIN imported_file f ON f.id = s.import_id AND f.status = 'IMPORTED';

-- the reconciling schedule, per currency and run: client money in the books (CLIENT + UNALLOCATED + DEBTOR_CREDIT, each
-- account only when owed), then what explains resource − client money, line by line; the lines add up to it exactly.
-- requirement = client money + in transit; difference = resource − requirement.
ALTER TABLE safeguarding
    ADD COLUMN client_money_minor               BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN in_transit_minor                 BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN in_transit_count                 INT    NOT NULL DEFAULT 0,
    ADD COLUMN firm_fees_minor                  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN receipts_not_on_statement_minor  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN bank_credits_not_booked_minor    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN bank_charges_not_booked_minor    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN amount_differences_minor         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN other_book_entries_minor         BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN negative_balances_minor          BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN residuals_minor                  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN written_off_minor                BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN unexplained_minor                BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN not_confirmed_minor              BIGINT NOT NULL DEFAULT 0;

-- the resource per client-funds account (and its bank) in a run, at the statement's closing time
CREATE TABLE safeguarding_resource (
    business_date DATE         NOT NULL,
    run_no        INT          NOT NULL,
    account_iban  VARCHAR(34)  NOT NULL,
    currency      CHAR(3)      NOT NULL,
    account_name  VARCHAR(200) NOT NULL,
    bank          VARCHAR(200) NOT NULL,
    closing_minor BIGINT       NULL,
    as_of         VARCHAR(40)  NULL,
    PRIMARY KEY (business_date, run_no, account_iban)
) ENGINE = InnoDB;

-- what was done about a day's shortfall or excess, by whom and why (an operator action of its own kind)
CREATE TABLE safeguarding_action (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_date DATE          NOT NULL,
    currency      CHAR(3)       NOT NULL,
    action_type   VARCHAR(20)   NOT NULL CHECK (action_type IN ('TOP_UP', 'WITHDRAW_EXCESS', 'OTHER')),
    amount_minor  BIGINT        NOT NULL CHECK (amount_minor >= 0),
    operator      VARCHAR(100)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    recorded_for  DATE          NOT NULL,
    operator_action_id BIGINT   NOT NULL,
    acted_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY ix_safeguarding_action_day (business_date)
) ENGINE = InnoDB;

-- why a later version of a day's reports was written, as a code the reports word in their language
ALTER TABLE report_version ADD COLUMN reason_code VARCHAR(30) NOT NULL DEFAULT 'FIRST';

-- who started (or restarted) each job execution and why, for the audit's "attempt n of m"
CREATE TABLE job_start (
    job_execution_id BIGINT        NOT NULL PRIMARY KEY,
    started_by       VARCHAR(100)  NOT NULL,
    reason           VARCHAR(1000) NULL,
    started_at       DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- why it did not complete, in the words of its innermost cause (the job repository keeps a truncated stack trace)
    root_cause       VARCHAR(2000) NULL
) ENGINE = InnoDB;
