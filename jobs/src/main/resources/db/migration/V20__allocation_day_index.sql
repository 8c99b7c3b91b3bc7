-- The monitoring rules read a day's allocations (HIGH_RISK_COUNTRY, VELOCITY, ONE_PAYER_MANY_CLIENTS) and a few weeks of
-- them by client (VELOCITY's look-back): without this index each read was a scan of every allocation ever made.
CREATE INDEX ix_invoice_allocation_day_client ON invoice_allocation (allocated_on, client_id);
