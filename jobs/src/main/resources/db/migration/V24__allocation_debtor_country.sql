-- HIGH_RISK_COUNTRY asks, for each of a day's allocations, the country of the invoice's debtor. Looking each invoice
-- up cost about 40 µs an allocation (two seconds for a day of 50,000 payments); an index on the invoices' country
-- would cost every invoice import a quarter more. So an allocation records the country its invoice gave when the
-- payment was allocated (the country it was judged by, whatever a later version of the invoice says), and the day's
-- index holds it, so the rule reads the day's index and only the listed debtors' invoices.
ALTER TABLE invoice_allocation ADD COLUMN debtor_country CHAR(2) NULL AFTER client_id;

UPDATE invoice_allocation a
JOIN invoice i ON i.invoice_id = a.invoice_id
SET a.debtor_country = i.debtor_country
WHERE i.import_id = (SELECT MAX(i2.import_id) FROM invoice i2
                     JOIN imported_file f2 ON f2.id = i2.import_id AND f2.status = 'IMPORTED'
                     WHERE i2.invoice_id = i.invoice_id);
-- (an invoice is never deleted, so every allocation finds one; should its file no longer count as imported, its
-- newest version of any file)
UPDATE invoice_allocation a
JOIN invoice i ON i.invoice_id = a.invoice_id
SET a.debtor_country = i.debtor_country
WHERE a.debtor_country IS NULL
  AND i.import_id = (SELECT MAX(i2.import_id) FROM invoice i2 WHERE i2.invoice_id = i.invoice_id);

-- one rebuild for the column and the index
ALTER TABLE invoice_allocation
    MODIFY COLUMN debtor_country CHAR(2) NOT NULL,
    DROP INDEX ix_invoice_allocation_day_client,
    ADD INDEX ix_invoice_allocation_day_client (allocated_on, client_id, currency, amount_minor, invoice_id, debtor_country);
