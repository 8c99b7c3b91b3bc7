-- The ledger (DESIGN §2.3), business days and the records of imported input files (DESIGN §2.1).
-- Money is BIGINT minor units with a CHAR(3) ISO 4217 currency, never a floating type.

CREATE TABLE business_day (
    business_date DATE        NOT NULL PRIMARY KEY,
    status        VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    closed_at     DATETIME(6) NULL
) ENGINE = InnoDB;

-- A journal entry is written unposted, its lines are added, then it is posted in the same transaction.
-- The posting trigger refuses an entry whose lines do not balance per currency, so the database itself
-- never holds a posted, unbalanced entry. Only posted entries count.
CREATE TABLE journal_entry (
    id           BIGINT       NOT NULL PRIMARY KEY,
    booking_date DATE         NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    reference    VARCHAR(140) NOT NULL,
    description  VARCHAR(500) NULL,
    posted       TINYINT      NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- the same business event (e.g. one payment received) posts at most once, whatever restarts happen
    CONSTRAINT uq_journal_event UNIQUE (event_type, reference),
    KEY ix_journal_booking_date (booking_date)
) ENGINE = InnoDB;

-- Entry ids are handed out in blocks of 1000 (one NEXTVAL gives the first id of a block): a chunk of postings costs
-- one round trip for its ids, not one per entry. Ids of a block left unused are gaps, which ids may have.
CREATE SEQUENCE journal_entry_seq START WITH 1 INCREMENT BY 1000 NOCACHE ENGINE = InnoDB;

CREATE TABLE journal_line (
    entry_id     BIGINT      NOT NULL,
    line_no      INT         NOT NULL,
    account      VARCHAR(80) NOT NULL,
    account_kind VARCHAR(20) NOT NULL CHECK (account_kind IN ('BANK', 'CLIENT', 'UNALLOCATED', 'DEBTOR_CREDIT', 'PLATFORM_FEES')),
    currency     CHAR(3)     NOT NULL,
    side         CHAR(1)     NOT NULL CHECK (side IN ('D', 'C')),
    amount_minor BIGINT      NOT NULL CHECK (amount_minor > 0),
    PRIMARY KEY (entry_id, line_no),
    KEY ix_journal_line_account (account, currency),
    CONSTRAINT fk_journal_line_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id)
) ENGINE = InnoDB;

DELIMITER //

CREATE TRIGGER journal_entry_before_insert BEFORE INSERT ON journal_entry FOR EACH ROW
BEGIN
    DECLARE closed_until DATE;
    IF NEW.posted <> 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal entry is inserted unposted; post it after its lines';
    END IF;
    -- a shared lock: a day being closed concurrently waits for this posting, or this posting for the close
    SELECT MAX(business_date) INTO closed_until FROM business_day WHERE status = 'CLOSED' LOCK IN SHARE MODE;
    IF closed_until IS NOT NULL AND NEW.booking_date <= closed_until THEN
        SET @closed_message = CONCAT('business day ', closed_until, ' is closed: cannot post with booking date ', NEW.booking_date);
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @closed_message;
    END IF;
END//

CREATE TRIGGER journal_entry_before_update BEFORE UPDATE ON journal_entry FOR EACH ROW
BEGIN
    DECLARE line_count INT;
    DECLARE currency_count INT;
    DECLARE net BIGINT;
    DECLARE unbalanced_currency CHAR(3) DEFAULT NULL;
    IF OLD.posted <> 0 OR NEW.posted <> 1
        OR NEW.id <> OLD.id OR NEW.booking_date <> OLD.booking_date OR NEW.event_type <> OLD.event_type
        OR NEW.reference <> OLD.reference OR NOT (NEW.description <=> OLD.description) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal entries are append-only: the only change allowed is posting an unposted entry';
    END IF;
    -- one aggregate over the entry's lines (a primary-key range); only an entry in several currencies needs
    -- the per-currency look
    SELECT COUNT(*), COUNT(DISTINCT currency), SUM(CASE side WHEN 'D' THEN amount_minor ELSE -amount_minor END), MIN(currency)
    INTO line_count, currency_count, net, unbalanced_currency
    FROM journal_line WHERE entry_id = NEW.id;
    IF currency_count = 1 THEN
        IF net = 0 THEN
            SET unbalanced_currency = NULL;
        END IF;
    ELSE
        SET unbalanced_currency = NULL;
        SELECT currency INTO unbalanced_currency FROM journal_line WHERE entry_id = NEW.id GROUP BY currency
            HAVING SUM(CASE side WHEN 'D' THEN amount_minor ELSE -amount_minor END) <> 0 LIMIT 1;
    END IF;
    IF COALESCE(line_count, 0) < 2 THEN
        SET @line_message = CONCAT('journal entry ', NEW.id, ' has ', COALESCE(line_count, 0), ' line(s): an entry needs at least two');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @line_message;
    END IF;
    IF unbalanced_currency IS NOT NULL THEN
        SET @balance_message = CONCAT('journal entry ', NEW.id, ' (', NEW.event_type, ' ', NEW.reference,
            ') does not balance in ', unbalanced_currency);
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @balance_message;
    END IF;
    -- no closed-day check here: the insert trigger's locking read of business_day holds until this transaction
    -- ends, so no day can close between an entry's insert and its posting
END//

CREATE TRIGGER journal_entry_before_delete BEFORE DELETE ON journal_entry FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal entries are append-only: post a correction instead of deleting';
END//

CREATE TRIGGER journal_line_before_insert BEFORE INSERT ON journal_line FOR EACH ROW
BEGIN
    IF (SELECT posted FROM journal_entry WHERE id = NEW.entry_id) <> 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'cannot add a line to a posted journal entry';
    END IF;
END//

CREATE TRIGGER journal_line_before_update BEFORE UPDATE ON journal_line FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal lines are append-only: post a correction instead';
END//

CREATE TRIGGER journal_line_before_delete BEFORE DELETE ON journal_line FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal lines are append-only: post a correction instead';
END//

CREATE TRIGGER business_day_before_update BEFORE UPDATE ON business_day FOR EACH ROW
BEGIN
    IF OLD.status = 'CLOSED' THEN
        SET @reopen_message = CONCAT('business day ', OLD.business_date, ' is closed and stays closed');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @reopen_message;
    END IF;
END//

CREATE TRIGGER business_day_before_delete BEFORE DELETE ON business_day FOR EACH ROW
BEGIN
    IF OLD.status = 'CLOSED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a closed business day cannot be deleted';
    END IF;
END//

DELIMITER ;

-- Every input file, by SHA-256. A file counts as taken while it is being imported or once imported;
-- a rejected file may be sent again (after the cause is fixed), an accepted one never.
CREATE TABLE imported_file (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name        VARCHAR(255)  NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('IMPORTING', 'IMPORTED', 'REJECTED')),
    business_date    DATE          NULL,
    job_execution_id BIGINT        NULL,
    record_count     BIGINT        NULL,
    reason           VARCHAR(2000) NULL,
    received_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    completed_at     DATETIME(6)   NULL,
    -- set while importing or imported, cleared on rejection: the unique key lets only one accepted copy exist
    accepted_sha256  CHAR(64)      NULL,
    CONSTRAINT uq_imported_file_accepted UNIQUE (accepted_sha256),
    KEY ix_imported_file_sha256 (sha256)
) ENGINE = InnoDB;

-- Platform extracts. Each row belongs to the import that brought it; a later extract with the same id
-- is a new version (a higher import_id), never an overwrite. Rows of an import count only once that
-- import is IMPORTED (see the current_* views).
CREATE TABLE client (
    client_id       VARCHAR(64)   NOT NULL,
    import_id       BIGINT        NOT NULL,
    line_no         BIGINT        NOT NULL,
    org_number      VARCHAR(11)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    currency        CHAR(3)       NOT NULL,
    payout_account  VARCHAR(34)   NOT NULL,
    payout_schedule VARCHAR(8)    NOT NULL,
    fee_fixed_minor BIGINT        NOT NULL,
    fee_percent     DECIMAL(9, 4) NOT NULL,
    PRIMARY KEY (client_id, import_id),
    KEY ix_client_import (import_id)
) ENGINE = InnoDB;

CREATE TABLE invoice (
    invoice_id     VARCHAR(64)  NOT NULL,
    import_id      BIGINT       NOT NULL,
    line_no        BIGINT       NOT NULL,
    client_id      VARCHAR(64)  NOT NULL,
    ocr            VARCHAR(25)  NOT NULL,
    currency       CHAR(3)      NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    issue_date     DATE         NOT NULL,
    due_date       DATE         NOT NULL,
    debtor_name    VARCHAR(200) NOT NULL,
    debtor_id      VARCHAR(64)  NOT NULL,
    debtor_country CHAR(2)      NOT NULL,
    PRIMARY KEY (invoice_id, import_id),
    KEY ix_invoice_ocr (ocr),
    KEY ix_invoice_import (import_id)
) ENGINE = InnoDB;

CREATE TABLE refund (
    refund_id    VARCHAR(64)  NOT NULL,
    import_id    BIGINT       NOT NULL,
    line_no      BIGINT       NOT NULL,
    payment_ref  VARCHAR(140) NOT NULL,
    amount_minor BIGINT       NOT NULL,
    currency     CHAR(3)      NOT NULL,
    to_account   VARCHAR(34)  NOT NULL,
    to_name      VARCHAR(200) NOT NULL,
    approved_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (refund_id, import_id),
    KEY ix_refund_payment (payment_ref),
    KEY ix_refund_import (import_id)
) ENGINE = InnoDB;

-- A refund id is accepted once, ever: filled when a refunds import completes, so that two refund files in
-- flight at the same time cannot both bring the same refund (it would be paid twice).
CREATE TABLE accepted_refund (
    refund_id VARCHAR(64) NOT NULL PRIMARY KEY,
    import_id BIGINT      NOT NULL
) ENGINE = InnoDB;

CREATE VIEW current_client AS
SELECT c.*
FROM client c
JOIN imported_file f ON f.id = c.import_id AND f.status = 'IMPORTED'
WHERE c.import_id = (SELECT MAX(c2.import_id) FROM client c2
                     JOIN imported_file f2 ON f2.id = c2.import_id AND f2.status = 'IMPORTED'
                     WHERE c2.client_id = c.client_id);

CREATE VIEW current_invoice AS
SELECT i.*
FROM invoice i
JOIN imported_file f ON f.id = i.import_id AND f.status = 'IMPORTED'
WHERE i.import_id = (SELECT MAX(i2.import_id) FROM invoice i2
                     JOIN imported_file f2 ON f2.id = i2.import_id AND f2.status = 'IMPORTED'
                     WHERE i2.invoice_id = i.invoice_id);

CREATE VIEW current_refund AS
SELECT r.*
FROM refund r
JOIN imported_file f ON f.id = r.import_id AND f.status = 'IMPORTED';
