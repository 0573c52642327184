-- A digest of what produced the recorded configuration: the build, the operating-system user and the file's
-- text. When the next start's inputs have the same digest, the configuration is the same and need not be
-- flattened and compared again. Null for rows recorded before, and for changes made inside the console.
ALTER TABLE config_snapshot ADD COLUMN input_sha256 VARCHAR(64);
