namespace OrleansCrm.Testing;

/// <summary>Unique values for tests that share one host.</summary>
public static class TestValues
{
    /// <summary>
    /// A unique sandbox token. Letters only after the prefix: a hex guid now and then holds a run of
    /// 13+ digits that passes Luhn, and the api rightly refuses that as a card number.
    /// </summary>
    public static string Token(string prefix) => $"{prefix}_{Letters(24)}";

    /// <summary>A fresh Idempotency-Key.</summary>
    public static string Key() => Guid.NewGuid().ToString("N");

    private static int phoneSequence = Random.Shared.Next(0, 4_000_000);

    /// <summary>A phone number unique in this test run (E.164, 11 digits: too short to look like a card number).</summary>
    public static string Phone() =>
        "+1555" + Interlocked.Increment(ref phoneSequence).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    public static string Letters(int count) =>
        string.Concat(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Take(count).Select(b => (char)('a' + (b % 26))));
}

/// <summary>Bodies for <c>POST /api/v1/orders</c> on the driver's offer.</summary>
public static class OrderBodies
{
    public static object Trial(string customerId, string? cardToken = null) =>
        new { customerId, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = cardToken ?? TestValues.Token("tok_approve") };

    /// <summary>A non-trial order with a card: charged in full at once, so Paid.</summary>
    public static object Paid(string customerId, string? cardToken = null, string currency = "EUR", string offerId = OrderDriver.Offer) =>
        new { customerId, offerId, currency, trial = false, cardToken = cardToken ?? TestValues.Token("tok_approve") };

    /// <summary>A non-trial order without a card: Pending.</summary>
    public static object Unpaid(string customerId) =>
        new { customerId, offerId = OrderDriver.Offer, currency = "EUR", trial = false };
}
