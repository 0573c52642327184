-- The ROI table: areas of loss with their yearly baseline, the reduction the security programme
-- aims for and by when. Seeded with the framework's example rows; every value is editable.
-- Amounts are exact decimals in major units with their ISO 4217 currency.
CREATE TABLE roi_row (
    id               VARCHAR(48)    NOT NULL PRIMARY KEY,
    position         INT            NOT NULL,
    area             VARCHAR(120)   NOT NULL,
    baseline         DECIMAL(20, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    target_pct       DECIMAL(7, 3)  NOT NULL,
    time_frame_m     INT            NOT NULL,
    notes            VARCHAR(500)   NOT NULL,
    actual_source    VARCHAR(32)    NOT NULL
);

INSERT INTO roi_row VALUES ('auth-friction', 1, 'Authentication friction', 1500000, 'USD', 40, 12, 'Balance UX with risk', 'ENTERED');
INSERT INTO roi_row VALUES ('fraud-losses', 2, 'Fraud losses', 2200000, 'USD', 60, 12, 'Layered signals', 'MEASURED_FRAUD_LOSSES');
INSERT INTO roi_row VALUES ('downtime', 3, 'Downtime cost', 800000, 'USD', 70, 12, 'Rapid rollback', 'MEASURED_DOWNTIME');
INSERT INTO roi_row VALUES ('compliance-fines', 4, 'Compliance fines', 200000, 'USD', 90, 24, 'Proactive governance', 'ENTERED');

-- Losses to date entered by hand for rows the console cannot measure; the latest entry counts and
-- earlier ones stay as history.
CREATE TABLE roi_actual (
    row_id           VARCHAR(48)    NOT NULL,
    recorded_ms      BIGINT         NOT NULL,
    losses           DECIMAL(20, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    recorded_by      VARCHAR(64)    NOT NULL,
    note             VARCHAR(500)   NOT NULL,
    PRIMARY KEY (row_id, recorded_ms),
    FOREIGN KEY (row_id) REFERENCES roi_row (id) ON DELETE CASCADE
);

-- One row at most: how the table is reported. Absent until first saved.
CREATE TABLE roi_settings (
    singleton          BOOLEAN        NOT NULL PRIMARY KEY CHECK (singleton),
    reporting_currency CHAR(3)        NOT NULL,
    programme_start_ms BIGINT         NOT NULL,
    downtime_per_hour  DECIMAL(20, 4) NOT NULL,
    downtime_currency  CHAR(3)        NOT NULL
);
