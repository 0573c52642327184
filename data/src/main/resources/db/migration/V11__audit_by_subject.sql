-- A case's history on the desk reads the entries of one subject, newest first; without this index
-- every selection in the queue would scan the whole chain.
CREATE INDEX audit_entry_subject ON audit_entry (subject, seq);
