-- Bank files (DESIGN §2.1): what each imported camt.053/054, BGMax or MT940 file said, kept as the bank said it.
-- Rows belong to the import that brought them and count once that import is IMPORTED.

-- A statement, notification or BGMax deposit: one account's part of a file.
CREATE TABLE bank_section (
    import_id       BIGINT       NOT NULL,
    section_no      INT          NOT NULL,
    format          VARCHAR(10)  NOT NULL,
    section_id      VARCHAR(140) NULL,
    account_iban    VARCHAR(34)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    sequence_number BIGINT       NULL,
    opening_minor   BIGINT       NULL,
    opening_date    DATE         NULL,
    closing_minor   BIGINT       NULL,
    closing_date    DATE         NULL,
    entry_count     BIGINT       NOT NULL,
    PRIMARY KEY (import_id, section_no)
) ENGINE = InnoDB;

-- A booked entry: one line on the bank account (a batch entry holds several transactions).
CREATE TABLE bank_entry (
    import_id             BIGINT       NOT NULL,
    entry_no              BIGINT       NOT NULL,
    section_no            INT          NOT NULL,
    location              VARCHAR(200) NOT NULL,
    account_iban          VARCHAR(34)  NOT NULL,
    currency              CHAR(3)      NOT NULL,
    direction             CHAR(1)      NOT NULL CHECK (direction IN ('C', 'D')),
    amount_minor          BIGINT       NOT NULL CHECK (amount_minor >= 0),
    booking_date          DATE         NULL,
    value_date            DATE         NULL,
    entry_reference       VARCHAR(140) NULL,
    status                VARCHAR(8)   NULL,
    bank_transaction_code VARCHAR(40)  NULL,
    transaction_count     INT          NOT NULL,
    PRIMARY KEY (import_id, entry_no),
    KEY ix_bank_entry_account (account_iban, booking_date)
) ENGINE = InnoDB;

-- A transaction inside an entry; for notifications (and statement-sourced accounts) the incoming payments.
CREATE TABLE bank_transaction (
    import_id            BIGINT       NOT NULL,
    entry_no             BIGINT       NOT NULL,
    transaction_no       INT          NOT NULL,
    location             VARCHAR(200) NOT NULL,
    account_iban         VARCHAR(34)  NOT NULL,
    currency             CHAR(3)      NOT NULL,
    direction            CHAR(1)      NOT NULL CHECK (direction IN ('C', 'D')),
    amount_minor         BIGINT       NOT NULL CHECK (amount_minor >= 0),
    booking_date         DATE         NULL,
    bank_reference       VARCHAR(140) NOT NULL,
    end_to_end_id        VARCHAR(140) NULL,
    counterparty_name    VARCHAR(140) NULL,
    counterparty_account VARCHAR(64)  NULL,
    counterparty_country VARCHAR(2)   NULL,
    payment_references   VARCHAR(600) NULL,
    remittance_text      VARCHAR(600) NULL,
    is_payment           TINYINT      NOT NULL,
    -- a payment already accepted from an earlier file: kept for the record, not posted again
    duplicate_of         BIGINT       NULL,
    PRIMARY KEY (import_id, entry_no, transaction_no),
    KEY ix_bank_transaction_reference (account_iban, bank_reference)
) ENGINE = InnoDB;

-- A payment's bank reference is accepted once per account, ever: the same payment in two files (a BGMax file and a
-- camt.054 during the migration from BGMax, or a file re-sent under another name) is posted once.
CREATE TABLE accepted_bank_reference (
    account_iban   VARCHAR(34)  NOT NULL,
    bank_reference VARCHAR(140) NOT NULL,
    import_id      BIGINT       NOT NULL,
    PRIMARY KEY (account_iban, bank_reference)
) ENGINE = InnoDB;

-- What the bank said, counting only completed imports: a refused or unfinished import's staged rows stay for the
-- record but never count.
CREATE VIEW imported_bank_section AS
SELECT s.* FROM bank_section s JOIN imported_file f ON f.id = s.import_id AND f.status = 'IMPORTED';

CREATE VIEW imported_bank_entry AS
SELECT e.* FROM bank_entry e JOIN imported_file f ON f.id = e.import_id AND f.status = 'IMPORTED';

CREATE VIEW imported_bank_transaction AS
SELECT t.* FROM bank_transaction t JOIN imported_file f ON f.id = t.import_id AND f.status = 'IMPORTED';
