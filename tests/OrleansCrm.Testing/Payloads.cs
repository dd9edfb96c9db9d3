using OrleansCrm.Testing;

namespace OrleansCrm.Testing;

/// <summary>Valid request bodies to start from; tests break one field at a time.</summary>
public static class Payloads
{
    public static object Offer(string name = "Anti-age cream") => new
    {
        name,
        productPrice = new Dictionary<string, decimal> { ["USD"] = 49.95m, ["EUR"] = 45m, ["JPY"] = 5400m },
        shippingAndHandling = new Dictionary<string, decimal> { ["USD"] = 4.95m, ["EUR"] = 4.5m, ["JPY"] = 500m },
        shippingMethods = new[] { new { id = "standard", name = "Standard", price = new Dictionary<string, decimal> { ["USD"] = 0m } } },
        upsells = new[]
        {
            new { id = "serum", name = "Serum", unitPrice = new Dictionary<string, decimal> { ["USD"] = 19.99m }, allowedQuantities = new[] { 1, 2, 3 }, shippingMethodIds = new[] { "standard" } },
        },
        prepaymentAllowed = true,
    };

    public static object Campaign(string name = "Winter follow-up") => new
    {
        name,
        timeZone = "America/New_York",
        callingHours = new { start = "09:00", end = "20:00" },
        outcomes = new[] { new { code = "interested", label = "Interested", type = "R", color = "#00AA00", quick = true } },
        workflowSteps = new[] { new { code = "greeting", label = "Greeting" } },
        attemptCap = 6,
        paymentProviders = new[] { "sandbox" },
    };

    public static object Customer(string name = "Mario Rossi") => new
    {
        name,
        email = "mario.rossi@example.it",
        phone = "+390612345678",
        timeZone = "Europe/Rome",
        address = new { line1 = "Via Roma 1", city = "Roma", postalCode = "00100", country = "IT" },
        personalManager = "agent-1",
    };
}
