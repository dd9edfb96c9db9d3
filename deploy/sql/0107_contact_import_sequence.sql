-- Fresh leads keep their import order across a rebuild of the dialer's queue: each contact stores its place
-- in its campaign's import order (1, 2, 3… as the dialer imports), and the dialer lists its contacts in that
-- order. Contacts stored before this script (and contacts that were never imported) have 0: they come first,
-- then by import time and contact id.
ALTER TABLE crm_contacts ADD COLUMN import_sequence bigint NOT NULL DEFAULT 0;
