-- A sanctions list's full re-screening (DESIGN §2.6): when a new list comes into force, the day's monitoring screens
-- every client, every debtor and the payers of the last settlement.sanctions.rescreen-days banking days against it,
-- once; this row says it was done, so the next days screen only the clients and debtors that arrive.
CREATE TABLE sanctions_rescreen (
    list_import_id   BIGINT      NOT NULL PRIMARY KEY,
    business_date    DATE        NOT NULL,
    job_execution_id BIGINT      NOT NULL,
    done_at          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) ENGINE = InnoDB;
