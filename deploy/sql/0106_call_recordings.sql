-- Call recordings, one per call; saving again replaces the row. size and sha256 describe content as
-- it was saved, so a download can be checked without trusting the bytes.
CREATE TABLE crm_call_recordings (
    call_id       text COLLATE "C" PRIMARY KEY,
    content_type  text             NOT NULL,
    size          bigint           NOT NULL CHECK (size >= 0),
    sha256        text             NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    stored_at     timestamptz      NOT NULL,
    content       bytea            NOT NULL
);

-- Audio arrives already compressed: store it out of line without trying to compress it again.
ALTER TABLE crm_call_recordings ALTER COLUMN content SET STORAGE EXTERNAL;
