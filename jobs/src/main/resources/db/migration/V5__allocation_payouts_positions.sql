-- Allocation of incoming payments to invoices, refunds and payouts, and the daily close (DESIGN §2.3, §2.4).
-- The ledger holds the money; these tables hold why it moved (which payment paid which invoice, which refund was
-- paid from which payment) so that operators can answer questions the journal alone cannot.

-- One row per incoming payment the allocation has dealt with; a payment is identified as the ledger knows it,
-- by the account it arrived on and the bank's reference (accepted_bank_reference says which file brought it).
CREATE TABLE payment_allocation (
    account_iban           VARCHAR(34)  NOT NULL,
    bank_reference         VARCHAR(140) NOT NULL,
    currency               CHAR(3)      NOT NULL,
    amount_minor           BIGINT       NOT NULL CHECK (amount_minor > 0),
    booking_date           DATE         NOT NULL,
    allocated_on           DATE         NOT NULL,
    to_invoices_minor      BIGINT       NOT NULL CHECK (to_invoices_minor >= 0),
    to_debtor_credit_minor BIGINT       NOT NULL CHECK (to_debtor_credit_minor >= 0),
    -- what is still in UNALLOCATED; an operator's allocation by hand lowers it
    unallocated_minor      BIGINT       NOT NULL CHECK (unallocated_minor >= 0),
    outcome                VARCHAR(20)  NOT NULL,
    reason                 VARCHAR(500) NULL,
    debtor_name            VARCHAR(140) NULL,
    payment_references     VARCHAR(600) NULL,
    PRIMARY KEY (account_iban, bank_reference),
    KEY ix_payment_allocation_reference (bank_reference),
    KEY ix_payment_allocation_open (unallocated_minor)
) ENGINE = InnoDB;

-- The part of a payment that paid an invoice, with the fee charged on it. Allocations by hand carry who and why.
CREATE TABLE invoice_allocation (
    account_iban   VARCHAR(34)  NOT NULL,
    bank_reference VARCHAR(140) NOT NULL,
    allocation_no  INT          NOT NULL,
    invoice_id     VARCHAR(64)  NOT NULL,
    client_id      VARCHAR(64)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    amount_minor   BIGINT       NOT NULL CHECK (amount_minor > 0),
    fee_minor      BIGINT       NOT NULL CHECK (fee_minor >= 0),
    allocated_on   DATE         NOT NULL,
    allocated_by   VARCHAR(100) NULL,
    reason         VARCHAR(500) NULL,
    PRIMARY KEY (account_iban, bank_reference, allocation_no),
    KEY ix_invoice_allocation_invoice (invoice_id)
) ENGINE = InnoDB;

CREATE VIEW invoice_status AS
SELECT i.invoice_id, i.client_id, i.ocr, i.currency, i.amount_minor, i.due_date, i.debtor_name,
       CAST(COALESCE(a.paid_minor, 0) AS SIGNED) AS paid_minor,
       CASE WHEN COALESCE(a.paid_minor, 0) = 0 THEN 'OPEN'
            WHEN a.paid_minor < i.amount_minor THEN 'PARTIAL'
            ELSE 'PAID' END AS status
FROM current_invoice i
LEFT JOIN (SELECT invoice_id, SUM(amount_minor) AS paid_minor FROM invoice_allocation GROUP BY invoice_id) a
       ON a.invoice_id = i.invoice_id;

-- Every approved refund the refunds step has decided on: PAID (posted and in a pain.001 file) or REFUSED with the
-- reason. A refund whose payment has not arrived or not been allocated yet has no row: it is tried again next day.
CREATE TABLE refund_payment (
    refund_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    business_date  DATE         NOT NULL,
    status         VARCHAR(8)   NOT NULL CHECK (status IN ('PAID', 'REFUSED')),
    account_iban   VARCHAR(34)  NULL,
    bank_reference VARCHAR(140) NOT NULL,
    currency       CHAR(3)      NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    to_account     VARCHAR(34)  NOT NULL,
    to_name        VARCHAR(200) NOT NULL,
    approved_by    VARCHAR(100) NOT NULL,
    end_to_end_id  VARCHAR(35)  NULL,
    payment_batch  VARCHAR(35)  NULL,
    reason         VARCHAR(500) NULL,
    KEY ix_refund_payment_day (business_date),
    KEY ix_refund_payment_payment (account_iban, bank_reference)
) ENGINE = InnoDB;

-- A client's payout on a business date: the CLIENT balance after the day's allocations, paid to the client's account.
CREATE TABLE payout (
    business_date DATE         NOT NULL,
    client_id     VARCHAR(64)  NOT NULL,
    currency      CHAR(3)      NOT NULL,
    amount_minor  BIGINT       NOT NULL CHECK (amount_minor > 0),
    from_iban     VARCHAR(34)  NOT NULL,
    to_account    VARCHAR(34)  NOT NULL,
    to_name       VARCHAR(200) NOT NULL,
    end_to_end_id VARCHAR(35)  NOT NULL,
    payment_batch VARCHAR(35)  NOT NULL,
    PRIMARY KEY (business_date, client_id, currency),
    CONSTRAINT uq_payout_end_to_end UNIQUE (end_to_end_id)
) ENGINE = InnoDB;

-- Files written for the bank (pain.001), with their hash, so what left the house can be proven later.
CREATE TABLE outbox_file (
    business_date DATE         NOT NULL,
    file_name     VARCHAR(255) NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    message_id    VARCHAR(35)  NOT NULL,
    transfers     INT          NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    written_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (business_date, kind)
) ENGINE = InnoDB;

-- Positions per account and currency for each closed business day. closing is in the account's normal direction
-- (assets debit − credit, liabilities credit − debit); opening is the previous closed day's closing.
CREATE TABLE account_position (
    business_date DATE        NOT NULL,
    account       VARCHAR(80) NOT NULL,
    account_kind  VARCHAR(20) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    opening_minor BIGINT      NOT NULL,
    debit_minor   BIGINT      NOT NULL,
    credit_minor  BIGINT      NOT NULL,
    closing_minor BIGINT      NOT NULL,
    PRIMARY KEY (business_date, account, currency)
) ENGINE = InnoDB;

-- What operators did by hand, with who and why (allocations now; more actions later).
CREATE TABLE operator_action (
    id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    acted_at  DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    operator  VARCHAR(100)  NOT NULL,
    action    VARCHAR(40)   NOT NULL,
    subject   VARCHAR(200)  NOT NULL,
    reason    VARCHAR(1000) NOT NULL,
    KEY ix_operator_action_time (acted_at)
) ENGINE = InnoDB;
