using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

public sealed class ConstraintMatcherTests
{
    private static MessageTemplate SecondNoAnswerSms() =>
        (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi {$name}, we tried to reach you.") with
        {
            Trigger = new TemplateTrigger(TriggerEvents.Outcome, OutcomeCode: "no-answer"),
            Constraints = [new TemplateConstraint("call.attempt", ["2"])],
        }).Validated();

    [Theory]
    [InlineData("1", false)]
    [InlineData("2", true)]
    [InlineData("3", false)]
    public void The_sms_on_the_second_no_answer_is_picked_on_the_second_attempt_only(string attempt, bool picked)
    {
        var facts = TemplateSamples.Facts(("outcome.code", "no-answer"), ("outcome.type", "R"), ("call.attempt", attempt));

        Assert.Equal(picked, TemplateSelection.Applies(SecondNoAnswerSms(), TriggerEvents.Outcome, facts));
    }

    [Fact]
    public void An_outcome_template_is_picked_by_its_code_or_its_type()
    {
        var byType = (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi") with { Trigger = new TemplateTrigger("outcome", OutcomeType: "T") }).Validated();

        Assert.True(TemplateSelection.Applies(byType, "outcome", TemplateSamples.Facts(("outcome.code", "booked"), ("outcome.type", "T"))));
        Assert.False(TemplateSelection.Applies(byType, "outcome", TemplateSamples.Facts(("outcome.code", "refusal"), ("outcome.type", "N"))));
        Assert.False(TemplateSelection.Applies(SecondNoAnswerSms(), "outcome", TemplateSamples.Facts(("outcome.code", "busy"), ("call.attempt", "2"))));
    }

    [Fact]
    public void A_disabled_template_or_one_on_another_event_is_not_picked()
    {
        var template = TemplateSamples.Email().Validated();
        var facts = TemplateSamples.Facts();

        Assert.True(TemplateSelection.Applies(template, TriggerEvents.OrderPlaced, facts));
        Assert.False(TemplateSelection.Applies(template with { Enabled = false }, TriggerEvents.OrderPlaced, facts));
        Assert.False(TemplateSelection.Applies(template, TriggerEvents.OrderCancelled, facts));
    }

    [Fact]
    public void Customer_constraints_test_country_language_and_whether_an_email_or_phone_exists()
    {
        IReadOnlyList<TemplateConstraint> constraints = [new("customer.country", ["de", "AT"]), new("customer.hasPhone", ["true"]), new("customer.hasEmail", ["false"])];

        Assert.True(ConstraintMatcher.Matches(constraints, TemplateSamples.Facts(("customer.country", "DE"), ("customer.phone", "+4930123456"))));
        Assert.False(ConstraintMatcher.Matches(constraints, TemplateSamples.Facts(("customer.country", "FR"), ("customer.phone", "+4930123456"))));
        Assert.False(ConstraintMatcher.Matches(constraints, TemplateSamples.Facts(("customer.country", "DE"), ("customer.phone", "+4930123456"), ("customer.email", "a@example.com"))));
        Assert.False(ConstraintMatcher.Matches([new("customer.language", ["de"])], TemplateSamples.Facts()));
    }

    [Fact]
    public void Booking_constraints_test_agent_duration_and_weekday_in_the_customers_zone()
    {
        // 23:30 UTC on a Monday is Tuesday in Berlin.
        var facts = new MessageFacts(
            new Dictionary<string, string?> { ["agent.id"] = "agent-7", ["booking.durationMinutes"] = "45" },
            new Dictionary<string, DateTimeOffset> { ["booking.start"] = new(2026, 3, 9, 23, 30, 0, TimeSpan.Zero) },
            "Europe/Berlin");

        Assert.True(ConstraintMatcher.Matches([new("booking.weekday", ["tuesday"])], facts));
        Assert.False(ConstraintMatcher.Matches([new("booking.weekday", ["Monday"])], facts));
        Assert.True(ConstraintMatcher.Matches([new("booking.duration", Min: 30, Max: 60), new("booking.agent", ["agent-7"])], facts));
        Assert.False(ConstraintMatcher.Matches([new("booking.duration", Max: 30)], facts));
    }
}
