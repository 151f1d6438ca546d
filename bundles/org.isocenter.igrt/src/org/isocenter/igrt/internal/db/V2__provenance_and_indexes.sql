-- IGRT record store, schema version 2: where a decision came from (recorded at a workstation, or imported from an
-- igrt-decisions.log, with a key that makes the import idempotent), the Spatial Registration file of an accepted
-- match, and indexes for the per-patient and population queries.

ALTER TABLE igrt_decision ADD COLUMN source VARCHAR(16) DEFAULT 'RECORDED' NOT NULL;
ALTER TABLE igrt_decision ADD COLUMN import_key VARCHAR(64);
ALTER TABLE igrt_decision ADD COLUMN registration_file VARCHAR(255);

CREATE UNIQUE INDEX igrt_decision_import_key ON igrt_decision (import_key);
CREATE INDEX igrt_decision_course_fraction ON igrt_decision (course_id, fraction);
CREATE INDEX igrt_decision_course_series ON igrt_decision (course_id, daily_series_uid);
CREATE INDEX igrt_course_patient ON igrt_course (patient_id);
