using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// The calls and campaigns side's values cross grain calls and storage as versioned surrogates: Orleans' own
/// serializer and copier carry them with no JSON codec registered at all.
/// </summary>
public sealed class CallWireContractTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly IServiceProvider Orleans = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public static TheoryData<string> Samples() => [.. SampleValues().Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_call_or_campaign_value_survives_Orleans_serializer_without_the_JSON_codec(string name)
    {
        var value = SampleValues()[name];
        var serializer = Orleans.GetRequiredService<Serializer>();

        var back = serializer.Deserialize<object>(serializer.SerializeToArray<object>(value));

        Assert.Equal(value.GetType(), back!.GetType());
        Assert.Equal(Json(value), Json(back));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_call_or_campaign_value_is_copied_by_Orleans_without_the_JSON_codec(string name)
    {
        var value = SampleValues()[name];

        var copy = Orleans.GetRequiredService<DeepCopier>().Copy<object>(value);

        Assert.Equal(Json(value), Json(copy!));
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());

    private static Dictionary<string, object> SampleValues()
    {
        var campaign = Campaign.Checked("Winter", "Europe/Rome", null, [new Outcome("sale", "Sale", OutcomeType.C, "#00AA00")], null, null, null, ["sandbox"]);
        var contact = new DialerContact("c1", "k1", "+390612345678", "Europe/Rome", "Ada", "ada@example.com", "cu1", "ORD-1", DialStage.Callback, At, "agent-1", 2, null, At, 7, 3);
        var decision = new OutcomeDecision(campaign.Outcomes![0], "ok", OutcomeEffect.Contract, At.AddHours(1), CallbackVisibility.Public, InvoiceAction.Replace);
        var draft = new CallDraft(
            "notes", new Cart("EUR", [new CartLine("Plan", 2, 9.5m)]), new AppointmentSlot("agent-2", At.AddDays(1)), "WEB-1", new CustomerMessage("Hi", "Body", CopyToManager: false));
        var call = new CallAttempt
        {
            Id = "call_x", CampaignId = "c1", ContactId = "k1", ContactName = "Ada", Phone = "+390612345678", Email = "ada@example.com",
            TimeZone = "Europe/Rome", CustomerId = "cu1", OrderNumber = "ORD-1", TaskId = "t1", AgentId = "agent-1", StartedBy = "agent-1",
            Direction = CallDirection.Inbound, Why = HandOutReason.Retry, Attempt = 3, StartedAt = At, TimesOutAt = At.AddHours(1),
            EndedAt = At.AddMinutes(5), Status = CallStatus.Confirmed, Draft = draft,
            Recording = new CallRecording("audio/wav", 10, "abc", At),
            LinkedOrder = new LinkedOrder("WEB-1", LinkStatus.Invalid, At, "agent-1", "unknown"),
            Outcome = new ConfirmedOutcome("sale", "Sale", "C", "#00AA00", "ok", At, CallbackVisibility.Private, InvoiceAction.New, "bk-1", "CT-1", "ORD-2", true, At, "agent-1"),
        };
        var booking = new Booking(
            "bk-agent-1-202603031000-1", "agent-1", At, At.AddMinutes(30), "call_x", "c1", "k1", "cu1", "Ada", "ada@example.com", "Europe/Rome",
            BookingStatus.Cancelled, At.AddDays(-1), true, At, "agent-1", At, "sup-1", "agent-1");
        return new Dictionary<string, object>
        {
            ["call attempt"] = call,
            ["open call attempt"] = new CallAttempt
            {
                Id = "call_y", CampaignId = "c1", ContactId = "k1", Phone = "+39", TimeZone = "UTC", AgentId = "a", StartedBy = "a", StartedAt = At, TimesOutAt = At,
            },
            ["draft"] = draft,
            ["start call"] = new StartCall("agent-1", "lease_x", "c1", "k1", "cu1", "ORD-1", "t1", Inbound: true),
            ["outcome request"] = new OutcomeRequest("callback", "later", At, CallbackVisibility.Public, InvoiceAction.New),
            ["outcome decision"] = decision,
            ["outcome intent"] = new OutcomeIntent(decision, At, "agent-1"),
            ["dialer contact"] = contact,
            ["dialer hand-out"] = new DialerHandOut(new DialerLease("lease_x", "k1", "agent-1", HandOutReason.PrivateCallback, At, "call_x"), contact),
            ["dialer stats"] = new DialerStats(1, 2, 3, 4, 10),
            ["leads"] = new List<(int Row, Lead Lead)> { (1, new Lead("k1", "Ada", "+39", "a@b.c", "UTC", "cu1", "ORD-1")) },
            ["agent profile"] = new AgentProfile("Bea", "bea@example.com", AgendaSettings.Default),
            ["agent profile without a name or an email"] = new AgentProfile(null, null, AgendaSettings.Default),
            ["booking"] = booking,
            ["booking request"] = new BookingRequest("call_x", At, "c1", "k1", "cu1", "Ada", "ada@example.com", "Europe/Rome", "agent-1", "agent-2"),
            ["agenda view"] = new AgendaView("agent-1", AgendaSettings.Default, [booking], [At]),
            ["contract"] = new Contract("CT-1", "call_x", "c1", "k1", "cu1", "Ada", "+39", "agent-1", "EUR", [new CartLine("Plan", 1, 3m)], 3m, At),
            ["stored campaign"] = new Stored<Campaign>("c1", campaign, 3, At, true),
            ["campaign without a zone or quiet hours"] = Campaign.Checked("Plain", "UTC", null, null, null, null, null, null),
        };
    }
}
