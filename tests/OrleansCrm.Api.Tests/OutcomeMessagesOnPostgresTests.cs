namespace OrleansCrm.Api.Tests;

/// <summary>The outcome messages on PostgreSQL.</summary>
public sealed class OutcomeMessagesOnPostgresTests(PostgresOutcomeMessagesFixture fixture) : OutcomeMessagesApiContract(fixture.Api), IClassFixture<PostgresOutcomeMessagesFixture>;
