namespace OrleansCrm.Testing;

/// <summary>The api (fake time, in memory) with a wallboard that beats and looks for changes fast, so a test sees them in well under a second.</summary>
public sealed class WallboardApiFactory : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Wallboard:Heartbeat"] = "00:00:00.300",
        ["Wallboard:Poll"] = "00:00:00.050",
        ["Wallboard:Refresh"] = "00:00:00.100",
    };
}
