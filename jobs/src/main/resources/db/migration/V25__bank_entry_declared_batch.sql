-- A batch entry's own reference (camt NtryDtls/Btch with its NbOfTxs, or an entry of several transactions) is claimed
-- once per account as 'BATCH <entry reference>' in accepted_bank_reference beside its payments' references, so the
-- same batch sent again in another shape (as one lump without details, or with its details, or with some of them)
-- is recognised and not posted twice. The declared count marks an entry as a batch even when it carries no details.
ALTER TABLE bank_entry ADD COLUMN declared_batch_count BIGINT NULL;
