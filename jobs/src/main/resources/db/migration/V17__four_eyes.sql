-- Four eyes where money moves: an action above its configured amount is proposed by one person and approved (or
-- rejected) by another; both are kept here and in operator_action. At most one proposal waits per subject.
CREATE TABLE approval_request (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('RESOLVE_BREAK', 'ALLOCATE')),
    -- what is to be done: the break's id, or the payment (iban/bank reference) and the invoice
    break_id         BIGINT        NULL,
    payment          VARCHAR(200)  NULL,
    invoice_id       VARCHAR(64)   NULL,
    -- an allocation's client and fee as proposed: the approval posts exactly these, or is refused
    client_id        VARCHAR(64)   NULL,
    fee_minor        BIGINT        NULL,
    amount_minor     BIGINT        NOT NULL CHECK (amount_minor >= 0),
    currency         CHAR(3)       NOT NULL,
    subject          VARCHAR(200)  NOT NULL,
    proposed_by      VARCHAR(100)  NOT NULL,
    proposed_role    VARCHAR(100)  NULL,
    proposed_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(10)   NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by       VARCHAR(100)  NULL,
    decided_role     VARCHAR(100)  NULL,
    decided_at       DATETIME(6)   NULL,
    decision_reason  VARCHAR(1000) NULL,
    -- the subject while the proposal waits, null once decided: one waiting proposal per break or payment and invoice
    waiting_key      VARCHAR(300)  AS (CASE WHEN status = 'PROPOSED' THEN CONCAT(kind, ':', COALESCE(break_id, ''), ':',
                                   COALESCE(payment, ''), ':', COALESCE(invoice_id, '')) END) PERSISTENT,
    CONSTRAINT ck_approval_target CHECK ((kind = 'RESOLVE_BREAK' AND break_id IS NOT NULL)
                                         OR (kind = 'ALLOCATE' AND payment IS NOT NULL AND invoice_id IS NOT NULL)),
    -- compared byte for byte after lower-casing, as the application compares them (not by the collation, which may
    -- take two names for one)
    CONSTRAINT ck_approval_four_eyes CHECK (decided_by IS NULL OR status = 'WITHDRAWN'
                                            OR CAST(LOWER(decided_by) AS BINARY) <> CAST(LOWER(proposed_by) AS BINARY)),
    UNIQUE KEY uq_approval_waiting (waiting_key),
    KEY ix_approval_status (status, proposed_at)
) ENGINE = InnoDB;

-- The safeguarding statement's sign-offs: prepared by one FINANCE user, reviewed by another, each once per day and currency.
CREATE TABLE safeguarding_signoff (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_date      DATE          NOT NULL,
    currency           CHAR(3)       NOT NULL,
    signoff            VARCHAR(10)   NOT NULL CHECK (signoff IN ('PREPARED', 'REVIEWED')),
    operator           VARCHAR(100)  NOT NULL,
    role               VARCHAR(100)  NULL,
    signed_at          DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- what was signed: the figures of the statement as shown then
    statement_sha256   CHAR(64)      NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    operator_action_id BIGINT        NOT NULL,
    UNIQUE KEY uq_safeguarding_signoff (business_date, currency, signoff),
    KEY ix_safeguarding_signoff_time (signed_at)
) ENGINE = InnoDB;
