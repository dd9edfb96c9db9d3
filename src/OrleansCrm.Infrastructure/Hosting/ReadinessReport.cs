namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>What <see cref="Readiness"/> found: ready or not, and each check's word (ok, in-memory, failing, draining).</summary>
public sealed record ReadinessReport(bool Ready, IReadOnlyDictionary<string, string> Checks);
