-- OrleansCrm: reminders table and OrleansQuery rows for the Orleans ADO.NET reminder service (UseAdoNetReminderService).
--
-- grain_hash is the grain's uniform hash stored as a signed 32-bit integer (the provider casts uint -> int).
-- The provider asks for ring range (BeginHash, EndHash] with ReadRangeRows1Key when BeginHash < EndHash
-- in signed order, and with ReadRangeRows2Key otherwise (the range wraps past the end of the ring).
-- version is the reminder ETag: upsert creates it at 1 or advances it and returns the new value; delete
-- succeeds only for the current version.

CREATE TABLE orleans_reminder
(
    service_id    varchar(150) NOT NULL,
    grain_id      varchar(512) NOT NULL,
    reminder_name varchar(256) NOT NULL,
    start_time    timestamptz  NOT NULL,
    period_ms     bigint       NOT NULL,
    grain_hash    integer      NOT NULL,
    version       integer      NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminder_ring_ix ON orleans_reminder (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
   SET start_time = excluded.start_time,
       period_ms  = excluded.period_ms,
       grain_hash = excluded.grain_hash,
       version    = CASE WHEN r.version = 2147483647 THEN 1 ELSE r.version + 1 END
RETURNING r.version AS "Version";
$q$),

('ReadReminderRowKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId
   AND r.reminder_name = @ReminderName;
$q$),

('ReadReminderRowsKey', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder r
 WHERE r.service_id = @ServiceId
   AND r.grain_id = @GrainId;
$q$),

-- Non-wrapping range: BeginHash < hash <= EndHash.
('ReadRangeRows1Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder r
 WHERE r.service_id = @ServiceId
   AND r.grain_hash > @BeginHash
   AND r.grain_hash <= @EndHash;
$q$),

-- Wrapping range (BeginHash >= EndHash): hash > BeginHash, or hash <= EndHash.
('ReadRangeRows2Key', $q$
SELECT r.grain_id      AS "GrainId",
       r.reminder_name AS "ReminderName",
       r.start_time    AS "StartTime",
       r.period_ms     AS "Period",
       r.version       AS "Version"
  FROM orleans_reminder r
 WHERE r.service_id = @ServiceId
   AND (r.grain_hash > @BeginHash OR r.grain_hash <= @EndHash);
$q$),

('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleans_reminder r
     WHERE r.service_id = @ServiceId
       AND r.grain_id = @GrainId
       AND r.reminder_name = @ReminderName
       AND r.version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed) AS "Deleted";
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
 WHERE service_id = @ServiceId;
$q$);
