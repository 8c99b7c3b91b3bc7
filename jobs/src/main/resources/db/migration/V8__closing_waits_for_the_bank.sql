-- A business day closes once the bank's statement of every client-funds account in use has arrived (DESIGN §2.4);
-- with settlement.close.without-statement it may close without, and then the day says which accounts it closed
-- without, so that every report of it can say so.
ALTER TABLE business_day
    ADD COLUMN closed_without_statement VARCHAR(1000) NULL;
