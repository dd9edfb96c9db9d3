namespace OrleansCrm.Api.Tests;

/// <summary>The outcome-message tests' api on a fresh PostgreSQL database.</summary>
public sealed class PostgresOutcomeMessagesFixture() : OutcomeMessagesFixture(onPostgres: true);
