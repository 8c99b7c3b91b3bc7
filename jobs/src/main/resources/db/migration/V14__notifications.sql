-- Which problems of which business day have been told to someone, so each is told once a day however often the
-- schedules meet it again (no notification storm).
CREATE TABLE notification_sent (
    business_date DATE         NOT NULL,
    problem_key   CHAR(64)     NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    sent_at       DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    channels      VARCHAR(100) NOT NULL,
    PRIMARY KEY (business_date, problem_key)
) ENGINE = InnoDB;
