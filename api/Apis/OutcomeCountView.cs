namespace OrleansCrm.Api.Apis;

/// <summary>One outcome in an agent's row of the report: its code, label, color and how many calls ended with it.</summary>
public sealed record OutcomeCountView(string Code, string Label, string Color, int Count);
