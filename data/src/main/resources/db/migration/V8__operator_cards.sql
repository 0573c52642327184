-- Operators bound to the certificate on their smartcard. A request waits for a lead's approval;
-- only an approved, unrevoked row lets the card prove presence. Times are epoch milliseconds.
CREATE TABLE operator_card (
    operator_id    VARCHAR(128)  NOT NULL PRIMARY KEY,
    certificate    BLOB          NOT NULL,
    fingerprint    CHAR(64)      NOT NULL,
    key_label      VARCHAR(64)   NOT NULL,
    requested_by   VARCHAR(128)  NOT NULL,
    requested_ms   BIGINT        NOT NULL,
    approved_by    VARCHAR(128),
    approved_ms    BIGINT
);
