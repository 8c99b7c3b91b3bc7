-- Reconciliation runs (DESIGN §2.4, §2.5): a business day is reconciled by run-day (run 1) and again when a statement
-- arrives after it closed (run 2, 3 ...). Every run keeps its own figures and the breaks as they stood at its end, so
-- a day's reports show the day as it was reconciled, never a later state; breaks keep their history.

CREATE TABLE reconciliation_run (
    business_date    DATE          NOT NULL,
    run_no           INT           NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    completed_at     DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (business_date, run_no)
) ENGINE = InnoDB;

ALTER TABLE reconciliation_day
    ADD COLUMN run_no INT NOT NULL DEFAULT 1 AFTER account_iban,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (business_date, account_iban, run_no);

ALTER TABLE safeguarding
    ADD COLUMN run_no INT NOT NULL DEFAULT 1 AFTER currency,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (business_date, currency, run_no);

ALTER TABLE reconciliation_match
    ADD COLUMN run_no INT NOT NULL DEFAULT 1 AFTER business_date;

-- direction: IN (money into the account) or OUT; counterparty: the payer or payee when known; book_event: the ledger
-- event of the books side (PAYOUT, REFUND_PAID, PAYMENT_RECEIVED ...), so that a payout the bank has not debited yet
-- is told from an exception. opened_run / cleared_run: which run of opened_on / cleared_on did it. cleared_on of a
-- break an operator resolved is the business day the resolution belongs to.
ALTER TABLE reconciliation_break
    ADD COLUMN direction    VARCHAR(3)   NULL AFTER type,
    ADD COLUMN counterparty VARCHAR(140) NULL AFTER reference,
    ADD COLUMN book_event   VARCHAR(40)  NULL AFTER counterparty,
    ADD COLUMN opened_run   INT          NOT NULL DEFAULT 1 AFTER opened_on,
    ADD COLUMN cleared_run  INT          NULL AFTER cleared_on,
    ADD KEY ix_reconciliation_break_account_opened (account_iban, opened_on);

-- What happened to a break, in order: opened and cleared by a run, explained (any number of times) or resolved by an
-- operator. A second explanation adds a row; nothing is overwritten.
CREATE TABLE reconciliation_break_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    break_id      BIGINT        NOT NULL,
    business_date DATE          NOT NULL,
    run_no        INT           NULL,
    event         VARCHAR(10)   NOT NULL CHECK (event IN ('OPENED', 'CLEARED', 'EXPLAINED', 'RESOLVED')),
    match_rule    VARCHAR(30)   NULL,
    operator      VARCHAR(100)  NULL,
    reason        VARCHAR(1000) NULL,
    acted_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    KEY ix_break_event_break (break_id, id),
    KEY ix_break_event_day (business_date)
) ENGINE = InnoDB;

-- The breaks open at the end of one run of one account, with their status and explanations as they stood then.
CREATE TABLE reconciliation_open_break (
    business_date DATE          NOT NULL,
    run_no        INT           NOT NULL,
    account_iban  VARCHAR(34)   NOT NULL,
    break_id      BIGINT        NOT NULL,
    status        VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'EXPLAINED')),
    explanation   VARCHAR(2000) NULL,
    PRIMARY KEY (business_date, run_no, account_iban, break_id)
) ENGINE = InnoDB;

-- Operator actions are listed with the business day they concern (the day a correction is booked on, the day whose
-- reconciliation a resolved break leaves, the day a safeguarding action is about), not the wall clock's date.
ALTER TABLE operator_action
    ADD COLUMN business_date DATE NULL AFTER acted_at,
    ADD KEY ix_operator_action_day (business_date);
