using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// PRODUCT.md §4: any outcome fires the campaign's templates on the outcome trigger, picked by outcome code or type
/// and by their constraints, including the contact attempt number (seed 002: an SMS on the 2nd "No answer"); the
/// agent may pick an email template for the outcome form's message.
/// </summary>
public sealed class OutcomeTemplateMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Outcome NoContact = BuiltInOutcomes.All.Single(o => o.Code == BuiltInOutcomes.NoContact);
    private static readonly Outcome Refusal = BuiltInOutcomes.All.Single(o => o.Code == BuiltInOutcomes.Refusal);

    private static CallAttempt Call(CustomerMessage? message = null)
    {
        var call = new CallAttempt
        {
            Id = "call-1", CampaignId = "camp-1", ContactId = "lead-1", ContactName = "Maria Rossi", Phone = "+390612345678", Email = "maria@example.com",
            TimeZone = "Europe/Rome", CustomerId = "cust-1", AgentId = "agent-ann", StartedBy = "agent-ann", StartedAt = Now, TimesOutAt = Now.AddHours(1), Attempt = 1,
        };
        call.SaveDraft(new CallDraft(null, null, null, null, message), Now, "agent-ann");
        return call;
    }

    private static MessageFacts Facts(CallAttempt call, Outcome outcome, int attempt) =>
        new MessageFactsBuilder().Call(call).Outcome(new OutcomeDecision(outcome, "Nobody home", OutcomeEffect.Retry, null, null, null), attempt).Build();

    private static VersionedTemplate SecondNoAnswerSms() => new("second-no-answer", 3, (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi {$name}, we tried to reach you (attempt {$call.attempt}).") with
    {
        Trigger = new TemplateTrigger(TriggerEvents.Outcome, OutcomeCode: BuiltInOutcomes.NoContact),
        Constraints = [new TemplateConstraint("call.attempt", ["2"])],
    }).Validated());

    private static VersionedTemplate ByType(string id, string type) => new(id, 1, (TemplateSamples.Email(TriggerEvents.Outcome, "Dear {$name}, outcome {$outcome.label}.") with
    {
        Trigger = new TemplateTrigger(TriggerEvents.Outcome, OutcomeType: type),
    }).Validated());

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void The_sms_on_the_second_no_contact_is_made_on_the_contacts_second_attempt_only(int attempt, bool made)
    {
        var call = Call();

        var messages = OutcomeMessages.FromTemplates(call, [SecondNoAnswerSms()], Facts(call, NoContact, attempt));

        Assert.Equal(made ? 1 : 0, messages.Count);
        if (made)
        {
            var sms = messages[0];
            Assert.Equal(("sms", "+390612345678", "Hi Maria Rossi, we tried to reach you (attempt 2)."), (sms.Channel, sms.To, sms.Text));
            Assert.Equal("outcome:call-1:second-no-answer:v3:+390612345678", sms.Key);
        }
    }

    [Fact]
    public void The_attempt_number_in_the_facts_is_the_contacts_not_the_one_the_call_started_with()
    {
        var call = Call();

        Assert.Equal("2", Facts(call, NoContact, attempt: 2).Value("call.attempt"));
    }

    [Fact]
    public void An_outcome_template_is_made_by_its_code_and_another_by_the_outcomes_type_and_neither_for_another_outcome()
    {
        var call = Call();
        var byCode = SecondNoAnswerSms();
        var recall = ByType("recall", "R");
        var negative = ByType("negative", "N");

        var onNoContact = OutcomeMessages.FromTemplates(call, [byCode, recall, negative], Facts(call, NoContact, attempt: 2));
        var onRefusal = OutcomeMessages.FromTemplates(call, [byCode, recall, negative], Facts(call, Refusal, attempt: 2));

        Assert.Equal(["recall", "second-no-answer"], onNoContact.Select(m => m.TemplateId));
        Assert.Equal("Dear Maria Rossi, outcome No contact.", onNoContact[0].Text);
        Assert.Equal(["negative"], onRefusal.Select(m => m.TemplateId));
    }

    [Fact]
    public void A_disabled_outcome_template_makes_nothing()
    {
        var call = Call();
        var off = ByType("recall", "R");
        off = off with { Template = off.Template with { Enabled = false } };

        Assert.Empty(OutcomeMessages.FromTemplates(call, [off], Facts(call, NoContact, attempt: 1)));
        Assert.False(OutcomeMessages.HasOutcomeTemplates([off]));
    }

    [Fact]
    public void The_template_picked_on_the_outcome_form_is_the_forms_message_and_not_sent_again_by_the_trigger()
    {
        var call = Call(new CustomerMessage("Edited subject", "Edited body", TemplateId: "recall"));
        var picked = ByType("recall", "R");

        Assert.Empty(OutcomeMessages.FromTemplates(call, [picked], Facts(call, NoContact, attempt: 1)));
        var message = OutcomeMessages.ToCustomer(call, picked)!;
        Assert.Equal(("call:call-1:message", "Edited subject", "Edited body", "recall@1"), (message.Key, message.Subject, message.TextBody, message.Context!.TemplateVersion));
    }

    [Fact]
    public void A_picked_template_must_be_one_of_the_campaigns_email_templates()
    {
        var call = Call(new CustomerMessage("Hi", "Body", TemplateId: "gone"));

        Refusals.OnlyFor("draft.message.templateId", () => OutcomeMessages.CheckPickedTemplate(call, picked: null));
        Refusals.OnlyFor("draft.message.templateId", () => OutcomeMessages.CheckPickedTemplate(call, SecondNoAnswerSms()));
        OutcomeMessages.CheckPickedTemplate(call, ByType("gone", "R"));
        OutcomeMessages.CheckPickedTemplate(Call(new CustomerMessage("Hi", "Body")), picked: null);
    }

    [Fact]
    public void An_outcome_code_the_campaign_does_not_have_is_refused_naming_the_field_and_a_built_in_or_own_code_is_taken()
    {
        var own = new Outcome("sale", "Sale", OutcomeType.N, "#00897B");
        MessageTemplate On(string code) => (TemplateSamples.Email(TriggerEvents.Outcome, "Hi") with { Trigger = new TemplateTrigger(TriggerEvents.Outcome, OutcomeCode: code) }).Validated();

        Refusals.OnlyFor("trigger.outcomeCode", () => TemplateOutcomeCodes.Check(On("no-answer"), "camp-1", [own]));
        TemplateOutcomeCodes.Check(On(BuiltInOutcomes.NoContact), "camp-1", [own]);
        TemplateOutcomeCodes.Check(On("sale"), "camp-1", [own]);
        TemplateOutcomeCodes.Check(ByType("recall", "R").Template, "camp-1", []);
    }
}
