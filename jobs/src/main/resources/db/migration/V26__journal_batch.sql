-- The ledger posts per batch, not per entry (issue 15). A posting call writes its entries into an open journal_batch
-- (one booking date per batch), adds their lines, then posts the batch with one UPDATE. The guarantees stay the
-- database's own, checked once per batch instead of once per entry:
-- * a batch is inserted unposted and only on an open day (the insert's locking read of business_day holds until the
--   transaction ends, so no day closes between a batch's insert and its posting);
-- * every entry of the batch has its booking date (the composite foreign key below) and was added while the batch
--   was open (an entry is inserted unposted, and the key only finds an unposted batch for it);
-- * posting checks, in one grouped query over the batch's lines, that every entry has two lines or more and
--   balances per currency; the batch's posted flag reaches its entries through the key (ON UPDATE CASCADE), so an
--   entry counts exactly when its batch is posted;
-- * nothing posted is ever updated or deleted.

CREATE TABLE journal_batch (
    id           BIGINT      NOT NULL PRIMARY KEY,
    booking_date DATE        NOT NULL,
    posted       TINYINT     NOT NULL DEFAULT 0 CHECK (posted IN (0, 1)),
    created_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY uq_journal_batch_posting (id, booking_date, posted),
    CONSTRAINT ck_journal_batch_date CHECK (booking_date >= '1900-01-01')
) ENGINE = InnoDB;

CREATE SEQUENCE journal_batch_seq START WITH 1 INCREMENT BY 1 NOCACHE ENGINE = InnoDB;

-- The entries posted before this release: one posted batch per booking date. An entry left unposted (which the
-- posting protocol never commits) goes into an unposted batch of its date; posting that batch later meets every
-- check of the posting trigger below, the closed day included.
INSERT INTO journal_batch (id, booking_date, posted)
SELECT ROW_NUMBER() OVER (ORDER BY booking_date, posted), booking_date, posted
FROM (SELECT DISTINCT booking_date, posted FROM journal_entry) d;
SET @first_free_batch = (SELECT COALESCE(MAX(id), 0) + 1 FROM journal_batch);
EXECUTE IMMEDIATE CONCAT('SELECT SETVAL(journal_batch_seq, ', @first_free_batch, ', 0)');

ALTER TABLE journal_entry ADD COLUMN batch_id BIGINT NULL AFTER id;
-- the old per-entry triggers go (the update below is not a posting; the new ones check per batch). DDL does not roll
-- back: should a statement from here to the new triggers fail, run the rest of this file by hand before posting.
DROP TRIGGER journal_entry_before_update;
DROP TRIGGER journal_entry_before_insert;
UPDATE journal_entry e JOIN journal_batch b ON b.booking_date = e.booking_date AND b.posted = e.posted SET e.batch_id = b.id;
ALTER TABLE journal_entry MODIFY batch_id BIGINT NOT NULL,
    ADD KEY ix_journal_entry_batch (batch_id, booking_date, posted),
    ADD CONSTRAINT fk_journal_entry_batch FOREIGN KEY (batch_id, booking_date, posted)
        REFERENCES journal_batch (id, booking_date, posted) ON UPDATE CASCADE;

DELIMITER //

-- Refuses a booking date on or before the last closed business day. The read is a shared lock on business_day: a day
-- being closed concurrently waits for the caller's transaction, or the caller for the close.
CREATE PROCEDURE journal_require_open_day(IN booking DATE)
BEGIN
    DECLARE closed_until DATE;
    SELECT MAX(business_date) INTO closed_until FROM business_day WHERE status = 'CLOSED' LOCK IN SHARE MODE;
    IF closed_until IS NOT NULL AND booking <= closed_until THEN
        SET @closed_message = CONCAT('business day ', closed_until, ' is closed: cannot post with booking date ', booking);
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @closed_message;
    END IF;
END//

CREATE TRIGGER journal_batch_before_insert BEFORE INSERT ON journal_batch FOR EACH ROW
BEGIN
    IF NOT (NEW.posted <=> 0) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal batch is inserted unposted; post it after its entries';
    END IF;
    IF NEW.booking_date IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal batch needs a booking date';
    END IF;
    CALL journal_require_open_day(NEW.booking_date);
END//

CREATE TRIGGER journal_batch_before_update BEFORE UPDATE ON journal_batch FOR EACH ROW
BEGIN
    DECLARE entry_count BIGINT;
    DECLARE bad_entry BIGINT DEFAULT NULL;
    DECLARE bad_line_count BIGINT;
    DECLARE bad_currency CHAR(3);
    IF NOT (OLD.posted <=> 0) OR NOT (NEW.posted <=> 1) OR NOT (NEW.id <=> OLD.id)
        OR NOT (NEW.booking_date <=> OLD.booking_date) OR NOT (NEW.created_at <=> OLD.created_at) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal batches are append-only: the only change allowed is posting an unposted batch';
    END IF;
    -- the posted flag reaches the entries through their foreign key only while the session checks foreign keys
    IF @@foreign_key_checks = 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal batch is posted only with foreign_key_checks on';
    END IF;
    -- the day again, at posting: a batch left open (committed unposted) must not post onto a day closed since
    CALL journal_require_open_day(NEW.booking_date);
    -- the batch's entries locked first: no other session adds a line to one of them until this posting ends
    SELECT COUNT(*) INTO entry_count FROM journal_entry WHERE batch_id = NEW.id FOR UPDATE;
    -- one grouped pass over the batch's lines, per entry and currency, then per entry: the first entry with fewer
    -- than two lines or a currency that does not balance
    SELECT entry_id, SUM(line_count), MIN(CASE WHEN net <> 0 THEN currency END)
    INTO bad_entry, bad_line_count, bad_currency
    FROM (SELECT e.id AS entry_id, l.currency, COUNT(l.entry_id) AS line_count,
                 COALESCE(SUM(CASE l.side WHEN 'D' THEN l.amount_minor ELSE -l.amount_minor END), 0) AS net
          FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id
          WHERE e.batch_id = NEW.id
          GROUP BY e.id, l.currency) per_currency
    GROUP BY entry_id
    HAVING SUM(line_count) < 2 OR MIN(CASE WHEN net <> 0 THEN currency END) IS NOT NULL
    ORDER BY entry_id LIMIT 1;
    IF bad_entry IS NOT NULL AND bad_line_count < 2 THEN
        SET @line_message = CONCAT('journal entry ', bad_entry, ' has ', bad_line_count, ' line(s): an entry needs at least two');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @line_message;
    END IF;
    IF bad_entry IS NOT NULL THEN
        SELECT CONCAT('journal entry ', id, ' (', event_type, ' ', reference, ') does not balance in ', bad_currency)
        INTO @balance_message FROM journal_entry WHERE id = bad_entry;
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = @balance_message;
    END IF;
END//

CREATE TRIGGER journal_batch_before_delete BEFORE DELETE ON journal_batch FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal batches are append-only: post a correction instead of deleting';
END//

-- an entry is added to an open batch only: inserted unposted, the foreign key then finds its batch only unposted
CREATE TRIGGER journal_entry_before_insert BEFORE INSERT ON journal_entry FOR EACH ROW
BEGIN
    IF NOT (NEW.posted <=> 0) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal entry is inserted unposted; post its batch after its lines';
    END IF;
    -- without foreign key checks the key would not hold the entry to an open batch of its date
    IF @@foreign_key_checks = 0 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a journal entry is added only with foreign_key_checks on';
    END IF;
END//

-- posting reaches an entry only through its batch's key (a cascade fires no trigger), so no statement may change one
CREATE TRIGGER journal_entry_before_update BEFORE UPDATE ON journal_entry FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal entries are append-only: an entry is posted by posting its batch';
END//

DELIMITER ;
