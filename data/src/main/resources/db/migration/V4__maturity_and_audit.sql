-- Maturity assessments with their defensive audit results. The assessment itself (catalogue,
-- answers with evidence, targets, audit results) is kept as its assessment-file JSON, so what is
-- stored is exactly what is exported; the scores beside it make the timeline one query.
CREATE TABLE maturity_assessment (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    assessed_on  DATE          NOT NULL,
    saved_ms     BIGINT        NOT NULL,
    document     CLOB          NOT NULL
);

CREATE INDEX maturity_assessment_date ON maturity_assessment (assessed_on, id);

CREATE TABLE maturity_dimension_score (
    assessment_id  VARCHAR(64)       NOT NULL,
    dimension      VARCHAR(16)       NOT NULL,
    met_level      INT               NOT NULL,
    progress       DOUBLE PRECISION  NOT NULL,
    target         INT               NOT NULL,
    PRIMARY KEY (assessment_id, dimension),
    CONSTRAINT maturity_score_assessment FOREIGN KEY (assessment_id)
        REFERENCES maturity_assessment (id) ON DELETE CASCADE,
    CONSTRAINT maturity_score_level CHECK (met_level BETWEEN 0 AND 5 AND target BETWEEN 1 AND 5)
);

-- One row per checklist item and assessment, so the gap over time is a query too.
CREATE TABLE defense_item_result (
    assessment_id  VARCHAR(64)  NOT NULL,
    item_id        VARCHAR(64)  NOT NULL,
    area           VARCHAR(32)  NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    impact         INT          NOT NULL,
    automatic      BOOLEAN      NOT NULL,
    PRIMARY KEY (assessment_id, item_id),
    CONSTRAINT defense_result_assessment FOREIGN KEY (assessment_id)
        REFERENCES maturity_assessment (id) ON DELETE CASCADE
);
