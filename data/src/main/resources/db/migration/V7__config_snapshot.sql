-- The configuration as last seen, flattened and redacted, so that a changed file is noticed at the next
-- start and its before and after are audited. One row per distinct configuration; the newest is current.
CREATE TABLE config_snapshot (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    recorded_ms  BIGINT         NOT NULL,
    source       VARCHAR(1024)  NOT NULL,
    sha256       CHAR(64)       NOT NULL,
    content      CLOB           NOT NULL
);
