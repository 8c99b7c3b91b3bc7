-- Filings with the FIU in the day's reports (DESIGN §2.6, §2.7): each goAML report filed, recorded with the business
-- day it was filed on, so that day's manifest chains it by its SHA-256 and its audit.pdf and aml-alerts.xlsx list it.
CREATE TABLE aml_filing (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alert_id      BIGINT       NOT NULL,
    -- the open business day it was filed on: the date the goAML report carries, its folder under filings/, and the day
    -- whose reports list it (a filing waits for that day's close, which waits for the filing: see Filings.file)
    business_date DATE         NOT NULL,
    report_code   VARCHAR(10)  NOT NULL,
    -- where it was written, under the settlement home, with '/' whatever the machine: filings/<date>/goaml-<code>-<id>.xml
    file_name     VARCHAR(300) NOT NULL,
    -- the SHA-256 of the bytes filed; NULL only for a filing made before this table whose history did not record it
    sha256        CHAR(64)     NULL,
    filed_by      VARCHAR(100) NOT NULL,
    -- the FILE event in the alert's history
    event_id      BIGINT       NOT NULL,
    UNIQUE KEY uq_aml_filing_file (file_name),
    KEY ix_aml_filing_day (business_date, file_name)
) ENGINE = InnoDB;

-- filings made before this table, from the alert's history ("filed as <date>/<file> (SHA-256 <hex>): <reason>"); they
-- were written into the folder of the alert's day, which is the day recorded for them
INSERT INTO aml_filing (alert_id, business_date, report_code, file_name, sha256, filed_by, event_id)
SELECT e.alert_id,
       LEFT(SUBSTRING_INDEX(SUBSTRING(e.comment, LENGTH('filed as ') + 1), ' ', 1), 10),
       SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING_INDEX(SUBSTRING(e.comment, LENGTH('filed as ') + 1), ' ', 1), '/goaml-', -1), '-', 1),
       CONCAT('filings/', REPLACE(SUBSTRING_INDEX(SUBSTRING(e.comment, LENGTH('filed as ') + 1), ' ', 1), '\\', '/')),
       CASE WHEN e.comment LIKE '% (SHA-256 %' THEN SUBSTRING(SUBSTRING_INDEX(e.comment, '(SHA-256 ', -1), 1, 64) END,
       e.operator, e.id
  FROM aml_alert_event e
 WHERE e.action = 'FILE' AND e.comment LIKE 'filed as %';

-- what a version of a day's reports shows of the alerts: those raised, and what analysts had done with them, up to
-- when the version was first written (as operator_action_upto does for the operator actions)
ALTER TABLE report_version
    ADD COLUMN alert_upto       BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN alert_event_upto BIGINT NOT NULL DEFAULT 0;
UPDATE report_version SET alert_upto = (SELECT COALESCE(MAX(id), 0) FROM aml_alert),
                          alert_event_upto = (SELECT COALESCE(MAX(id), 0) FROM aml_alert_event);
