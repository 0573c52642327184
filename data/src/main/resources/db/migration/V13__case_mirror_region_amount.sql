-- A regional desk sorted by amount: amounts are in minor units of each case's own currency, so the
-- top of the amount index is all won and yen, and a region paying in euros had its first page deep
-- inside it (the slowest first page measured at 1,000,000 cases). Led by status and region, this
-- index gives that page straight away, and is covering like the others. See docs/case-mirror.md.
CREATE INDEX case_mirror_status_region_amount ON case_mirror (status, region, amount_minor, row_id,
    rail, currency, risk_level, risk_score, created_ms, assignee, rules);
