using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

/// <summary>The wallboard's due contacts by stage: the same contacts the dialer's stats count as due, split as the dialer hands them out.</summary>
public sealed class DueByStageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static DialerContact Contact(string id, DialStage stage = DialStage.Fresh, DateTimeOffset? due = null, string? owner = null) =>
        new("camp-1", id, "+390612345678", "Europe/Rome", null, null, null, null, stage, due ?? Now.AddHours(-1), owner, 0, stage == DialStage.Done ? "refusal" : null, Now.AddDays(-1), 1);

    [Fact]
    public void Due_contacts_are_split_into_private_callbacks_public_callbacks_retries_and_new_leads_and_add_up_to_the_stats_due()
    {
        var queue = new DialerQueue(CallingHours.Default, TimeSpan.FromMinutes(30));
        foreach (var contact in new[]
        {
            Contact("fresh-1"), Contact("fresh-2"),
            Contact("retry", DialStage.Retry, Now.AddMinutes(-1)),
            Contact("private", DialStage.Callback, Now.AddMinutes(-5), owner: "agent-bob"),
            Contact("public", DialStage.Callback, Now.AddMinutes(-5)),
            Contact("later", DialStage.Retry, Now.AddHours(1)),
            Contact("done", DialStage.Done),
            Contact("leased"),
        })
        {
            queue.Upsert(contact);
        }

        queue.StartDirectCall("leased", "agent-ann", "call-1", Now, Now.AddMinutes(30));

        var due = queue.DueNowByStage(Now);

        Assert.Equal(new DueByStage(1, 1, 1, 2), due);
        Assert.Equal(queue.Stats(Now).Due, due.PrivateCallbacks + due.PublicCallbacks + due.Retries + due.New);
    }
}
