-- The manifest chain in the order manifests are written (not the order versions were begun), what a version of the
-- reports shows fixed when it begins, a safeguarding status for a day whose resource the bank has not confirmed, and
-- the books of a home from before reconciliation runs brought along (runs, the breaks open at their end, history).

ALTER TABLE report_version
    ADD COLUMN chain_seq             BIGINT      NULL,
    -- the previous manifest audit.pdf named when it was rendered: the manifest must name the same one
    ADD COLUMN audit_previous_sha256 CHAR(64)    NULL,
    -- what the version shows, fixed when it begins: break history, imported files, the safeguarding method
    ADD COLUMN break_event_upto      BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN import_upto           BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN safeguarding_method   VARCHAR(20) NOT NULL DEFAULT 'segregation',
    ADD CONSTRAINT uq_report_version_chain UNIQUE (chain_seq);
UPDATE report_version SET chain_seq = seq WHERE manifest_sha256 IS NOT NULL;

-- UNCONFIRMED: a client-funds account's statement is missing, so resource − requirement is not a shortfall or excess
-- anyone can rely on
ALTER TABLE safeguarding DROP CONSTRAINT IF EXISTS status;
ALTER TABLE safeguarding DROP CONSTRAINT IF EXISTS CONSTRAINT_1;
ALTER TABLE safeguarding MODIFY status VARCHAR(12) NOT NULL;
ALTER TABLE safeguarding ADD CONSTRAINT ck_safeguarding_status CHECK (status IN ('OK', 'EXCESS', 'SHORTFALL', 'UNCONFIRMED'));
-- 0: written before the reconciling schedule existed; recomputed from the books when it is next shown
ALTER TABLE safeguarding ADD COLUMN schedule_complete TINYINT NOT NULL DEFAULT 1;
UPDATE safeguarding SET schedule_complete = 0 WHERE client_money_minor = 0 AND (resource_minor <> 0 OR requirement_minor <> 0);

-- books from before runs: each reconciled day's reconciliation was run 1
INSERT INTO reconciliation_run (business_date, run_no, job_execution_id, reason)
SELECT d.business_date, 1,
       COALESCE((SELECT MAX(e.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                 JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                 WHERE i.JOB_NAME = 'reconcileJob' AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'businessDate'
                   AND p.PARAMETER_VALUE = DATE_FORMAT(d.business_date, '%Y-%m-%d')), 0),
       'the day''s reconciliation (before runs were recorded)'
FROM (SELECT DISTINCT r.business_date FROM reconciliation_day r
      WHERE EXISTS (SELECT 1 FROM safeguarding s WHERE s.business_date = r.business_date)) d
WHERE NOT EXISTS (SELECT 1 FROM reconciliation_run x WHERE x.business_date = d.business_date);

-- a break an operator resolved that no reconciliation had counted yet belongs to the first day after the last closed one
UPDATE reconciliation_break SET cleared_on = COALESCE(counted_on,
        (SELECT MIN(business_date) FROM business_day WHERE status = 'OPEN'),
        (SELECT DATE_ADD(MAX(business_date), INTERVAL 1 DAY) FROM business_day WHERE status = 'CLOSED'), opened_on)
WHERE status = 'RESOLVED' AND cleared_on IS NULL;

-- the ledger event of a break's books side (a payout the bank has not debited is a payment in transit)
UPDATE reconciliation_break b JOIN journal_entry e
    ON e.id = CAST(SUBSTRING_INDEX(SUBSTRING(b.books_item, 3), ':', 1) AS UNSIGNED)
SET b.book_event = e.event_type
WHERE b.book_event IS NULL AND b.books_item LIKE 'L:%';

-- the breaks open at the end of each such day, as the dates say they were
INSERT INTO reconciliation_open_break (business_date, run_no, account_iban, break_id, status, explanation)
SELECT d.business_date, 1, b.account_iban, b.id, CASE WHEN b.status = 'EXPLAINED' THEN 'EXPLAINED' ELSE 'OPEN' END,
       CASE WHEN b.status = 'EXPLAINED' THEN LEFT(CONCAT(b.operator, ': ', b.reason), 2000) END
FROM reconciliation_day d JOIN reconciliation_break b ON b.account_iban = d.account_iban AND b.opened_on <= d.business_date
     AND (b.cleared_on IS NULL OR b.cleared_on > d.business_date)
WHERE d.run_no = 1 AND NOT EXISTS (SELECT 1 FROM reconciliation_open_break o WHERE o.business_date = d.business_date);

-- their history as far as the rows tell it
INSERT INTO reconciliation_break_event (break_id, business_date, run_no, event, acted_at)
SELECT b.id, b.opened_on, 1, 'OPENED', COALESCE(b.acted_at, TIMESTAMP(b.opened_on)) FROM reconciliation_break b
WHERE NOT EXISTS (SELECT 1 FROM reconciliation_break_event v WHERE v.break_id = b.id);
INSERT INTO reconciliation_break_event (break_id, business_date, run_no, event, match_rule, operator, reason, acted_at)
SELECT b.id, b.cleared_on, CASE WHEN b.match_id IS NULL THEN NULL ELSE 1 END,
       CASE WHEN b.cleared_by_rule IS NULL THEN 'RESOLVED' ELSE 'CLEARED' END,
       b.cleared_by_rule, b.operator, b.reason, COALESCE(b.acted_at, TIMESTAMP(b.cleared_on))
FROM reconciliation_break b WHERE b.status = 'RESOLVED' AND b.cleared_on IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM reconciliation_break_event v WHERE v.break_id = b.id AND v.event IN ('CLEARED', 'RESOLVED'));
-- an explanation given under the previous release, as of the last closed day
INSERT INTO reconciliation_break_event (break_id, business_date, run_no, event, operator, reason, acted_at)
SELECT b.id, COALESCE((SELECT MAX(business_date) FROM business_day WHERE status = 'CLOSED'), b.opened_on), NULL, 'EXPLAINED',
       b.operator, b.reason, COALESCE(b.acted_at, TIMESTAMP(b.opened_on))
FROM reconciliation_break b WHERE b.status = 'EXPLAINED' AND b.reason IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM reconciliation_break_event v WHERE v.break_id = b.id AND v.event = 'EXPLAINED');

-- a safeguarding position without every statement was never a shortfall anyone could rely on
UPDATE safeguarding SET status = 'UNCONFIRMED' WHERE resource_complete = 0;

-- what run imported files a run had seen: a statement imported after it is late for its day
ALTER TABLE reconciliation_run ADD COLUMN import_upto BIGINT NOT NULL DEFAULT 0;
UPDATE reconciliation_run SET import_upto = (SELECT COALESCE(MAX(id), 0) FROM imported_file);
