namespace OrleansCrm.Api.Tests;

/// <summary>The outcome-message tests' api in memory.</summary>
public sealed class InMemoryOutcomeMessagesFixture() : OutcomeMessagesFixture(onPostgres: false);
