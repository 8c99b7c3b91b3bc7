-- Monitoring (DESIGN §2.6): sanctions lists as dated reference data, alerts an analyst works through, and payments
-- held from allocation by a sanctions hit.

-- An imported sanctions list, whole: its entities and the names they go by. A list counts once its import is
-- IMPORTED; a day is screened against the newest list imported before the screening, and the alerts say which.
CREATE TABLE sanctions_list (
    import_id       BIGINT       NOT NULL PRIMARY KEY,
    source          VARCHAR(10)  NOT NULL CHECK (source IN ('EU')),
    -- the publisher's generation time, in UTC, and as it wrote it
    generated_at    DATETIME(6)  NOT NULL,
    generation_text VARCHAR(40)  NOT NULL,
    global_file_id  VARCHAR(64)  NULL,
    entity_count    INT          NOT NULL,
    alias_count     INT          NOT NULL
) ENGINE = InnoDB;

CREATE TABLE sanctions_entity (
    import_id     BIGINT        NOT NULL,
    logical_id    VARCHAR(64)   NOT NULL,
    reference     VARCHAR(64)   NOT NULL,
    subject_type  VARCHAR(10)   NOT NULL CHECK (subject_type IN ('PERSON', 'ENTERPRISE')),
    birthdates    VARCHAR(1000) NULL,
    citizenships  VARCHAR(500)  NULL,
    PRIMARY KEY (import_id, logical_id)
) ENGINE = InnoDB;

CREATE TABLE sanctions_alias (
    import_id   BIGINT        NOT NULL,
    logical_id  VARCHAR(64)   NOT NULL,
    alias_no    INT           NOT NULL,
    whole_name  VARCHAR(1000) NOT NULL,
    language    VARCHAR(10)   NULL,
    strong      TINYINT       NOT NULL,
    -- the normalised tokens, for an exact look-up and for people reading the table
    normalised  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (import_id, logical_id, alias_no)
) ENGINE = InnoDB;

-- An alert: one rule's finding about one subject on one business date, identified by its evidence, so that a
-- restarted run never writes it twice.
CREATE TABLE aml_alert (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule            VARCHAR(30)   NOT NULL,
    severity        VARCHAR(10)   NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    business_date   DATE          NOT NULL,
    subject_kind    VARCHAR(10)   NOT NULL CHECK (subject_kind IN ('PAYER', 'DEBTOR', 'CLIENT')),
    subject         VARCHAR(200)  NOT NULL,
    evidence_key    VARCHAR(300)  NOT NULL,
    amount_minor    BIGINT        NULL,
    currency        CHAR(3)       NULL,
    -- why, in words an analyst can check: for a sanctions match, which alias and which tokens
    explanation     VARCHAR(2000) NOT NULL,
    sanctions_list  BIGINT        NULL,
    status          VARCHAR(24)   NOT NULL DEFAULT 'NEW'
                    CHECK (status IN ('NEW', 'IN_REVIEW', 'CLOSED_FALSE_POSITIVE', 'ESCALATED', 'FILED')),
    analyst         VARCHAR(100)  NULL,
    job_execution_id BIGINT       NULL,
    created_at      DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    UNIQUE KEY uq_aml_alert (rule, subject_kind, subject, business_date, evidence_key),
    KEY ix_aml_alert_day (business_date, status)
) ENGINE = InnoDB;

-- The payments an alert rests on.
CREATE TABLE aml_alert_payment (
    alert_id       BIGINT       NOT NULL,
    account_iban   VARCHAR(34)  NOT NULL,
    bank_reference VARCHAR(140) NOT NULL,
    PRIMARY KEY (alert_id, account_iban, bank_reference),
    KEY ix_aml_alert_payment (account_iban, bank_reference)
) ENGINE = InnoDB;

-- What analysts did with an alert, in order: assigned, commented, closed, escalated, filed, a hold released.
CREATE TABLE aml_alert_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    alert_id    BIGINT        NOT NULL,
    action      VARCHAR(20)   NOT NULL,
    from_status VARCHAR(24)   NOT NULL,
    to_status   VARCHAR(24)   NOT NULL,
    operator    VARCHAR(100)  NOT NULL,
    role        VARCHAR(100)  NULL,
    at          DATETIME(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    comment     VARCHAR(2000) NOT NULL,
    KEY ix_aml_alert_event (alert_id, id)
) ENGINE = InnoDB;

-- A payment held from allocation: it stays in UNALLOCATED until a compliance decision, proposed by one person and
-- approved by another, releases it; the next allocation then deals with it like any other payment.
CREATE TABLE payment_hold (
    account_iban   VARCHAR(34)   NOT NULL,
    bank_reference VARCHAR(140)  NOT NULL,
    currency       CHAR(3)       NOT NULL,
    amount_minor   BIGINT        NOT NULL CHECK (amount_minor > 0),
    booking_date   DATE          NOT NULL,
    held_on        DATE          NOT NULL,
    reason         VARCHAR(500)  NOT NULL,
    alert_id       BIGINT        NOT NULL,
    payer_name     VARCHAR(140)  NULL,
    payment_references VARCHAR(600) NULL,
    released_on    DATE          NULL,
    released_by    VARCHAR(100)  NULL,
    approved_by    VARCHAR(100)  NULL,
    release_reason VARCHAR(1000) NULL,
    PRIMARY KEY (account_iban, bank_reference),
    KEY ix_payment_hold_open (released_on),
    CONSTRAINT ck_payment_hold_four_eyes CHECK (released_on IS NULL
        OR (released_by IS NOT NULL AND approved_by IS NOT NULL
            AND CAST(LOWER(released_by) AS BINARY) <> CAST(LOWER(approved_by) AS BINARY)))
) ENGINE = InnoDB;
