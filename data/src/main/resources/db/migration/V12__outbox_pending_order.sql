-- The sender walks pending decisions in id order (DecisionOutbox.due); this index serves that walk
-- without reading the delivered history, which only grows.
CREATE INDEX decision_outbox_pending ON decision_outbox (state, id);
