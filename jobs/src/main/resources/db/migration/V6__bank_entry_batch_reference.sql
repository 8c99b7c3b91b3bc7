-- The PmtInfId of the pain.001 payment batch a bank entry carries out (camt NtryDtls/Btch/PmtInfId, Max35Text),
-- so that reconciliation can match one bank debit to one payment batch of ours. Null when the bank names none.
ALTER TABLE bank_entry
    ADD COLUMN payment_information_id VARCHAR(35) NULL,
    ADD KEY ix_bank_entry_batch (account_iban, payment_information_id);

-- A view's column list is fixed when it is created: SELECT e.* in V4 does not show the new column until the view is
-- created again.
CREATE OR REPLACE VIEW imported_bank_entry AS
SELECT e.* FROM bank_entry e JOIN imported_file f ON f.id = e.import_id AND f.status = 'IMPORTED';
