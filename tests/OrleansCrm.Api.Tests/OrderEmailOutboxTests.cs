using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>An order's emails leave through the outbox without the order's turn waiting on SMTP.</summary>
public sealed class OrderEmailOutboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_order_placed_while_the_SMTP_server_stalls_is_answered_and_its_confirmation_is_Completed_once_the_server_answers_without_moving_the_clock()
    {
        await using var api = new WorkflowApiFactory();
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var email = $"{TestValues.Letters(16)}@example.it";
        var customer = await driver.CreateCustomerAsync("Mario Rossi", email);
        using var stalled = api.Mail.HoldReplies(email);

        var (number, _) = await driver.PlaceTrialAsync(customerId: customer);

        await stalled.Holding.WaitAsync(Timeout);
        Assert.Equal(1, stalled.Held); // the server still holds the confirmation: placing the order did not wait for it
        Assert.Equal("Trial", await driver.StatusAsync(number));
        Assert.Empty(api.Mail.MessagesTo(email));

        stalled.Release();
        await api.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(email) && m.Raw.Contains($"Your order {number} is confirmed", StringComparison.Ordinal), 1, Timeout);

        // The simulated clock stands still, so no re-check of the order runs: the outbox's report completes the row.
        var confirmation = (await driver.WorkflowAsync(number))["order-confirmation"];
        Assert.Equal("Completed", confirmation.GetProperty("status").GetString());
        Assert.Equal(email, confirmation.GetProperty("recipient").GetString());
        Assert.Single(api.Mail.MessagesTo(email));
    }
}
