-- OrleansCrm: grain state table and OrleansQuery rows for Orleans ADO.NET grain persistence (AddAdoNetGrainStorage).
--
-- A grain state row is identified by (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension);
-- the two provider-computed hashes lead the unique index so lookups stay narrow. grain_id_extension may
-- be NULL (no key extension), which is kept distinct from an empty string.
-- Concurrency model: version is the ETag. A write/clear/delete carrying a version applies only if the row
-- still has that version; a write without a version (fresh grain) applies only if no row exists. When a
-- statement does not apply it returns no row, which Orleans reports as an InconsistentStateException.
-- The version wraps from 2147483647 back to 1 instead of overflowing.

CREATE TABLE orleans_grain_state
(
    grain_id_hash      integer      NOT NULL,
    grain_type_hash    integer      NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512) NULL,
    grain_type         varchar(512) NOT NULL,
    service_id         varchar(150) NOT NULL,
    payload_binary     bytea        NULL,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX orleans_grain_state_identity_ux
    ON orleans_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1,
                            service_id, grain_type,
                            coalesce(grain_id_extension, ''), (grain_id_extension IS NULL));

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT s.payload_binary AS "PayloadBinary",
       s.version        AS "Version"
  FROM orleans_grain_state s
 WHERE s.grain_id_hash = @GrainIdHash
   AND s.grain_type_hash = @GrainTypeHash
   AND s.grain_id_n0 = @GrainIdN0
   AND s.grain_id_n1 = @GrainIdN1
   AND s.service_id = @ServiceId
   AND s.grain_type = @GrainTypeString
   AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- Returns the new version, or no row on a version conflict.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state s
       SET payload_binary = @PayloadBinary,
           version = CASE WHEN s.version = 2147483647 THEN 1 ELSE s.version + 1 END,
           modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.version = @GrainStateVersion
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
), created AS (
    INSERT INTO orleans_grain_state
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_id_extension,
         grain_type, service_id, payload_binary, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeString, @ServiceId, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM created;
$q$),

-- Keeps the row as a tombstone (payload NULL) with an advanced version; returns it, or no row on conflict.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_grain_state s
       SET payload_binary = NULL,
           version = CASE WHEN s.version = 2147483647 THEN 1 ELSE s.version + 1 END,
           modified_at = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND s.version = @GrainStateVersion
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
), tombstone AS (
    INSERT INTO orleans_grain_state
        (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_id_extension,
         grain_type, service_id, payload_binary, version)
    SELECT @GrainIdHash, @GrainTypeHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeString, @ServiceId, NULL, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM cleared
UNION ALL
SELECT version FROM tombstone;
$q$),

-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear = true.
-- Removes the row; returns a value different from the caller's ETag on success, no row on conflict.
('DeleteStorageKey', $q$
WITH removed AS (
    DELETE FROM orleans_grain_state s
     WHERE @GrainStateVersion IS NOT NULL
       AND s.version = @GrainStateVersion
       AND s.grain_id_hash = @GrainIdHash
       AND s.grain_type_hash = @GrainTypeHash
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING s.version
)
SELECT CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END AS "NewGrainStateVersion"
  FROM removed;
$q$);
