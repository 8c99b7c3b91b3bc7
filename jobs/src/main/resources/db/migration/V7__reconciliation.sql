-- Reconciliation of the client-funds accounts against the bank (DESIGN §2.5): matches, breaks, the day's proof,
-- and safeguarding. Nothing here changes the ledger: a correction is a new posting.

-- Every bank statement entry (B:<import id>:<entry no>) and BANK posting (L:<entry id>:<line no>) reconciliation has
-- seen, and where it stands: MATCHED, in an open BREAK (offered to the rules again every day), in an amount
-- DIFFERENCE, or RESOLVED by an operator. An item not here has not been reconciled yet.
CREATE TABLE reconciliation_item (
    item_key     VARCHAR(60) NOT NULL PRIMARY KEY,
    account_iban VARCHAR(34) NOT NULL,
    state        VARCHAR(10) NOT NULL CHECK (state IN ('MATCHED', 'BREAK', 'DIFFERENCE', 'RESOLVED')),
    match_id     BIGINT      NULL,
    break_id     BIGINT      NULL
) ENGINE = InnoDB;

CREATE TABLE reconciliation_match (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_date  DATE         NOT NULL,
    account_iban   VARCHAR(34)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    match_rule     VARCHAR(30)  NOT NULL,
    reference      VARCHAR(140) NULL,
    bank_minor     BIGINT       NOT NULL,
    books_minor    BIGINT       NOT NULL,
    -- bank − books: zero but under a tolerance, where it stays visible
    residual_minor BIGINT       NOT NULL,
    bank_items     TEXT         NOT NULL,
    books_items    MEDIUMTEXT   NOT NULL,
    KEY ix_reconciliation_match_day (business_date, account_iban)
) ENGINE = InnoDB;

-- An item on one side with nothing on the other (or both with different amounts). bank_minor and books_minor are
-- signed (money in positive) and say what the break contributes to the balance proof; amount_minor is for people.
CREATE TABLE reconciliation_break (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_iban    VARCHAR(34)   NOT NULL,
    currency        CHAR(3)       NOT NULL,
    type            VARCHAR(20)   NOT NULL CHECK (type IN ('MISSING_IN_BOOKS', 'MISSING_IN_BANK', 'AMOUNT_DIFFERENCE')),
    amount_minor    BIGINT        NOT NULL CHECK (amount_minor >= 0),
    bank_minor      BIGINT        NOT NULL,
    books_minor     BIGINT        NOT NULL,
    reference       VARCHAR(140)  NULL,
    booking_date    DATE          NOT NULL,
    opened_on       DATE          NOT NULL,
    bank_item       VARCHAR(60)   NULL,
    books_item      VARCHAR(60)   NULL,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'EXPLAINED', 'RESOLVED')),
    cleared_on      DATE          NULL,
    cleared_by_rule VARCHAR(30)   NULL,
    match_id        BIGINT        NULL,
    -- the reconciliation day that counted its clearing in the roll-forward
    counted_on      DATE          NULL,
    operator        VARCHAR(100)  NULL,
    reason          VARCHAR(1000) NULL,
    acted_at        DATETIME(6)   NULL,
    KEY ix_reconciliation_break_open (account_iban, status),
    KEY ix_reconciliation_break_opened (opened_on)
) ENGINE = InnoDB;

-- The day's result per account: matches per rule, roll-forward, ageing, balance proof, continuity.
CREATE TABLE reconciliation_day (
    business_date           DATE          NOT NULL,
    account_iban            VARCHAR(34)   NOT NULL,
    currency                CHAR(3)       NOT NULL,
    statement_closing_minor BIGINT        NULL,
    ledger_closing_minor    BIGINT        NOT NULL,
    bank_only_minor         BIGINT        NOT NULL,
    books_only_minor        BIGINT        NOT NULL,
    residual_minor          BIGINT        NOT NULL,
    -- breaks operators resolved without a matching item (written off, with who and why): part of the proof
    resolved_minor          BIGINT        NOT NULL,
    unexplained_minor       BIGINT        NULL,
    matched_reference       INT           NOT NULL,
    matched_batch           INT           NOT NULL,
    matched_counterparty    INT           NOT NULL,
    matched_tolerance       INT           NOT NULL,
    opening_breaks          INT           NOT NULL,
    new_breaks              INT           NOT NULL,
    cleared_breaks          INT           NOT NULL,
    closing_breaks          INT           NOT NULL,
    aged_0_1                INT           NOT NULL,
    aged_2_5                INT           NOT NULL,
    aged_6_10               INT           NOT NULL,
    aged_over_10            INT           NOT NULL,
    continuity              VARCHAR(2000) NULL,
    status                  VARCHAR(30)   NOT NULL CHECK (status IN ('RECONCILED', 'FAILED_RECONCILIATION')),
    PRIMARY KEY (business_date, account_iban)
) ENGINE = InnoDB;

-- Internal reconciliation per currency: what is owed to clients and payers against what the bank holds.
CREATE TABLE safeguarding (
    business_date     DATE        NOT NULL,
    currency          CHAR(3)     NOT NULL,
    requirement_minor BIGINT      NOT NULL,
    resource_minor    BIGINT      NOT NULL,
    difference_minor  BIGINT      NOT NULL,
    status            VARCHAR(10) NOT NULL CHECK (status IN ('OK', 'EXCESS', 'SHORTFALL')),
    -- 0 when a client-funds account in the currency has no statement for the day: the resource is then incomplete
    resource_complete TINYINT     NOT NULL,
    PRIMARY KEY (business_date, currency)
) ENGINE = InnoDB;
