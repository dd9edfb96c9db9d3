using System.Text.RegularExpressions;
using OrleansCrm.Grains.Messaging;

namespace OrleansCrm.Messaging.Tests;

public sealed class OutboxRulesTests
{
    [Fact]
    public void The_Message_Id_is_an_RFC_5322_msg_id_stable_for_a_key_and_different_for_another_key()
    {
        var id = OutboxRules.MessageIdFor("order-1001/placed/1");

        Assert.Matches(new Regex("^<[0-9a-f]{32}@orleanscrm>$"), id);
        Assert.Equal(id, OutboxRules.MessageIdFor("order-1001/placed/1"));
        Assert.NotEqual(id, OutboxRules.MessageIdFor("order-1001/placed/2"));
    }

    [Fact]
    public void A_failed_message_waits_1_min_5_min_30_min_2_h_6_h_and_then_is_given_up()
    {
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)], OutboxRules.Backoff);
        Assert.Equal(6, OutboxRules.MaxAttempts);
        Assert.Null(OutboxRules.WaitAfter(6));
    }
}
