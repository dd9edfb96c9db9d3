namespace OrleansCrm.Domain.Common;

/// <summary>The payment providers this CRM can charge through; a campaign picks among them.</summary>
public static class PaymentProviders
{
    public const string Sandbox = "sandbox";

    public static IReadOnlyList<string> Known { get; } = [Sandbox];

    public static bool IsKnown(string name) => Known.Contains(name, StringComparer.Ordinal);
}
