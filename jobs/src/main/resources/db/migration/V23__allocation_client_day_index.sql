-- The monitoring rules read a day's allocations (VELOCITY's inflows, HIGH_RISK_COUNTRY's invoices) and a few weeks of
-- one client's (VELOCITY's look-back): both indexes hold what those reads need, so neither reads the table's rows.
DROP INDEX ix_invoice_allocation_day_client ON invoice_allocation;
CREATE INDEX ix_invoice_allocation_day_client ON invoice_allocation (allocated_on, client_id, currency, amount_minor, invoice_id);
CREATE INDEX ix_invoice_allocation_client_day ON invoice_allocation (client_id, allocated_on, currency, amount_minor);
