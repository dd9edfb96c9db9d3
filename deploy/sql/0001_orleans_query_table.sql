-- OrleansCrm: the query catalogue from which the Orleans ADO.NET providers (clustering, persistence, reminders) load the SQL they execute.
--
-- Naming convention for all OrleansCrm Orleans scripts: schema objects use unquoted, lower-case identifiers.
-- The providers hard-code "SELECT QueryKey, QueryText FROM OrleansQuery" (unquoted), which PostgreSQL folds
-- to orleansquery(querykey, querytext), so this table must carry exactly those folded names.
-- Later scripts add one row per query key; the stored SQL uses @Name placeholders that Npgsql binds
-- to the parameters the providers add, and aliases result columns with the quoted names the providers read.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);
