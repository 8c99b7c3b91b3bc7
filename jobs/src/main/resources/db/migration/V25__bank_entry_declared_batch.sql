-- A batch entry's own reference (camt NtryDtls/Btch with its NbOfTxs, or an entry of several transactions) is claimed
-- once per account as 'BATCH <entry reference>' in accepted_bank_reference beside its payments' references, so the
-- same batch sent again in another shape (as one lump without details, or with its details, or with some of them)
-- is recognised and not posted twice. The declared count marks an entry as a batch even when it carries no details.
ALTER TABLE bank_entry ADD COLUMN declared_batch_count BIGINT NULL;

-- The batches already imported (with their details: a batch without them was refused until now) are claimed too, so
-- one of them sent again in another shape after this upgrade is recognised as well.
INSERT IGNORE INTO accepted_bank_reference (account_iban, bank_reference, import_id)
SELECT DISTINCT e.account_iban, CONCAT('BATCH ', e.entry_reference), e.import_id
FROM bank_entry e
JOIN imported_file f ON f.id = e.import_id AND f.status = 'IMPORTED'
WHERE e.transaction_count > 1 AND e.entry_reference IS NOT NULL AND e.entry_reference <> ''
  AND EXISTS (SELECT 1 FROM bank_transaction t WHERE t.import_id = e.import_id AND t.entry_no = e.entry_no AND t.is_payment = 1);
