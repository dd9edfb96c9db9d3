namespace OrleansCrm.Grains.Shop;

/// <summary>How the nightly validation runs: how long a run may go without reporting before it is handed out again, how many links are judged at once.</summary>
public sealed class LinkedOrderValidationOptions
{
    public const string Section = "Shop:Validation";

    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(30);

    public int Parallelism { get; set; } = 64;
}
