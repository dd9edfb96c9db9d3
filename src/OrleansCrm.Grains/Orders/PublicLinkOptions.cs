namespace OrleansCrm.Grains.Orders;

/// <summary>Where links in customer emails point.</summary>
public sealed class PublicLinkOptions
{
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
