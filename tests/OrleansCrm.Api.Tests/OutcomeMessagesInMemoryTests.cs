namespace OrleansCrm.Api.Tests;

/// <summary>The outcome messages in memory.</summary>
public sealed class OutcomeMessagesInMemoryTests(InMemoryOutcomeMessagesFixture fixture) : OutcomeMessagesApiContract(fixture.Api), IClassFixture<InMemoryOutcomeMessagesFixture>;
