-- Releasing a held payment takes two people: one proposes (who, when, why), a different logged-in person approves; the
-- release then names both (released_by the proposer, approved_by the approver, which V18's CHECK keeps apart).
ALTER TABLE payment_hold
    ADD COLUMN release_proposed_by VARCHAR(100)  NULL,
    ADD COLUMN release_proposed_at DATETIME(6)   NULL,
    ADD COLUMN release_proposal    VARCHAR(1000) NULL;
