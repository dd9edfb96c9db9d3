using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class CampaignValidationTests
{
    private static CampaignRequest Minimal => new("Spring recall", "Europe/Rome", null, null, null, null, null, null);

    private static Outcome Custom(string code = "voicemail", OutcomeType? type = OutcomeType.R, string color = "#123ABC") =>
        new(code, "Left a voicemail", type, color);

    private static IReadOnlyCollection<string> FieldsOf(CampaignRequest campaign) => Refusals.FieldsOf(() => campaign.Validated());

    private static void RefusedOnlyFor(string field, CampaignRequest campaign) => Refusals.OnlyFor(field, () => campaign.Validated());

    private static Outcome OutcomeOf(Campaign campaign, string code) => Assert.Single(campaign.Outcomes!, o => o.Code == code);

    // ---- defaults ----

    [Fact]
    public void A_campaign_without_calling_hours_calls_from_09_00_to_20_00()
    {
        var hours = Minimal.Validated().CallingHours!;

        Assert.Equal("09:00", hours.Start);
        Assert.Equal("20:00", hours.End);
        Assert.Equal(new TimeOnly(9, 0), hours.StartsAt());
        Assert.Equal(new TimeOnly(20, 0), hours.EndsAt());
    }

    [Fact]
    public void A_campaign_without_an_attempt_cap_stops_after_10_attempts()
    {
        Assert.Equal(10, Minimal.Validated().AttemptCap);
        Assert.Equal(10, Campaign.DefaultAttemptCap);
    }

    [Fact]
    public void A_campaign_without_a_retry_policy_retries_after_60_minutes_then_every_1440_with_30_minutes_of_grace()
    {
        Assert.Equal(new RetryPolicy(60, 1440, 30), Minimal.Validated().RetryPolicy);
    }

    [Fact]
    public void A_campaign_without_payment_providers_or_steps_is_stored_with_empty_providers_and_the_outcome_step()
    {
        var validated = Minimal.Validated();

        Assert.NotNull(validated.PaymentProviders);
        Assert.Empty(validated.PaymentProviders);
        var step = Assert.Single(validated.WorkflowSteps!);
        Assert.Equal(WorkflowStep.OutcomeCode, step.Code);
        Assert.True(step.Mandatory);
    }

    [Fact]
    public void The_campaign_name_is_stored_trimmed()
    {
        Assert.Equal("Spring", (Minimal with { Name = "  Spring " }).Validated().Name);
    }

    [Fact]
    public void Values_the_client_sets_are_kept()
    {
        var validated = (Minimal with
        {
            CallingHours = new CallingHours("08:30", "21:15"),
            RetryPolicy = new RetryPolicy(15, 120, 0),
            AttemptCap = 3,
            PaymentProviders = ["sandbox"],
        }).Validated();

        Assert.Equal(new CallingHours("08:30", "21:15"), validated.CallingHours);
        Assert.Equal(new RetryPolicy(15, 120, 0), validated.RetryPolicy);
        Assert.Equal(3, validated.AttemptCap);
        Assert.Equal(["sandbox"], validated.PaymentProviders!);
    }

    // ---- name and time zone ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_campaign_without_a_name_is_refused(string? name)
    {
        RefusedOnlyFor("name", Minimal with { Name = name });
    }

    [Fact]
    public void A_campaign_name_longer_than_200_characters_is_refused()
    {
        RefusedOnlyFor("name", Minimal with { Name = new string('c', 201) });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Mars/Base")]
    [InlineData("+02:00")]
    [InlineData("W. Europe Standard Time")]
    public void A_campaign_without_an_IANA_time_zone_is_refused(string? zone)
    {
        RefusedOnlyFor("timeZone", Minimal with { TimeZone = zone });
    }

    // ---- built-in outcomes ----

    [Theory]
    [InlineData("completed", OutcomeType.N)]
    [InlineData("no-contact", OutcomeType.R)]
    [InlineData("callback", OutcomeType.R)]
    [InlineData("already-paid", OutcomeType.N)]
    [InlineData("refusal", OutcomeType.N)]
    [InlineData("invalid-contact", OutcomeType.N)]
    public void Every_built_in_outcome_is_present_even_when_the_client_sends_none(string code, OutcomeType type)
    {
        var outcome = OutcomeOf(Minimal.Validated(), code);

        Assert.Equal(type, outcome.Type);
        Assert.True(outcome.BuiltIn);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Label));
        Assert.Matches("^#[0-9A-Fa-f]{6}$", outcome.Color!);
    }

    [Fact]
    public void The_built_in_outcomes_are_exactly_the_six_of_the_order_page()
    {
        Assert.Equal(
            new[] { "completed", "no-contact", "callback", "already-paid", "refusal", "invalid-contact" },
            BuiltInOutcomes.All.Select(o => o.Code));
        Assert.Equal(6, Minimal.Validated().Outcomes!.Count);
    }

    [Fact]
    public void A_campaign_may_relabel_and_recolor_a_built_in_outcome()
    {
        var own = new Outcome("refusal", "Not interested", OutcomeType.N, "#000000", Quick: false);

        var outcome = OutcomeOf((Minimal with { Outcomes = [own] }).Validated(), "refusal");

        Assert.Equal("Not interested", outcome.Label);
        Assert.Equal("#000000", outcome.Color);
        Assert.False(outcome.Quick);
        Assert.Equal(OutcomeType.N, outcome.Type);
        Assert.True(outcome.BuiltIn);
    }

    [Fact]
    public void Relabelling_one_built_in_outcome_keeps_all_the_others()
    {
        var validated = (Minimal with { Outcomes = [new Outcome("callback", "Call me later", OutcomeType.R, "#00FF00")] }).Validated();

        Assert.Equal(BuiltInOutcomes.All.Select(o => o.Code), validated.Outcomes!.Select(o => o.Code));
        Assert.Equal("Call me later", OutcomeOf(validated, "callback").Label);
        Assert.Equal("No contact", OutcomeOf(validated, "no-contact").Label);
    }

    [Theory]
    [InlineData("completed", OutcomeType.R)]
    [InlineData("no-contact", OutcomeType.N)]
    [InlineData("callback", OutcomeType.T)]
    [InlineData("already-paid", OutcomeType.C)]
    [InlineData("refusal", OutcomeType.R)]
    [InlineData("invalid-contact", OutcomeType.R)]
    public void A_campaign_may_not_change_the_type_of_a_built_in_outcome(string code, OutcomeType otherType)
    {
        RefusedOnlyFor("outcomes[1].type", Minimal with { Outcomes = [Custom(), new Outcome(code, "Mine", otherType, "#ABCDEF")] });
    }

    // ---- custom outcomes ----

    [Theory]
    [InlineData(OutcomeType.R)]
    [InlineData(OutcomeType.N)]
    [InlineData(OutcomeType.C)]
    [InlineData(OutcomeType.T)]
    public void A_custom_outcome_keeps_its_type(OutcomeType type)
    {
        var outcome = OutcomeOf((Minimal with { Outcomes = [Custom(type: type)] }).Validated(), "voicemail");

        Assert.Equal(type, outcome.Type);
        Assert.False(outcome.BuiltIn);
        Assert.Equal("Left a voicemail", outcome.Label);
        Assert.Equal("#123ABC", outcome.Color);
    }

    [Fact]
    public void Custom_outcomes_follow_the_built_in_ones_in_the_order_sent()
    {
        var validated = (Minimal with { Outcomes = [Custom("b-sale", OutcomeType.C), Custom("a-meeting", OutcomeType.T)] }).Validated();

        Assert.Equal(
            BuiltInOutcomes.All.Select(o => o.Code).Concat(["b-sale", "a-meeting"]),
            validated.Outcomes!.Select(o => o.Code));
    }

    [Fact]
    public void A_custom_outcome_cannot_claim_to_be_built_in()
    {
        var outcome = OutcomeOf((Minimal with { Outcomes = [Custom() with { BuiltIn = true }] }).Validated(), "voicemail");

        Assert.False(outcome.BuiltIn);
    }

    [Theory]
    [InlineData("green")]
    [InlineData("#FFF")]
    [InlineData("123456")]
    [InlineData("")]
    public void An_outcome_with_a_color_that_is_not_RRGGBB_is_refused(string color)
    {
        RefusedOnlyFor("outcomes[0].color", Minimal with { Outcomes = [Custom(color: color)] });
    }

    [Fact]
    public void An_outcome_without_a_color_is_refused()
    {
        RefusedOnlyFor("outcomes[0].color", Minimal with { Outcomes = [Custom() with { Color = null }] });
    }

    [Fact]
    public void An_outcome_without_a_type_is_refused()
    {
        RefusedOnlyFor("outcomes[0].type", Minimal with { Outcomes = [Custom(type: null)] });
    }

    [Fact]
    public void A_built_in_outcome_sent_without_a_type_is_refused()
    {
        RefusedOnlyFor("outcomes[0].type", Minimal with { Outcomes = [new Outcome("completed", "Done", null, "#2E7D32")] });
    }

    [Fact]
    public void An_outcome_type_other_than_R_N_C_or_T_is_refused()
    {
        RefusedOnlyFor("outcomes[0].type", Minimal with { Outcomes = [Custom(type: (OutcomeType)42)] });
    }

    [Fact]
    public void Two_outcomes_with_the_same_code_are_refused()
    {
        RefusedOnlyFor("outcomes[1]", Minimal with { Outcomes = [Custom(), Custom(type: OutcomeType.N)] });
    }

    [Fact]
    public void A_built_in_outcome_sent_twice_is_refused()
    {
        RefusedOnlyFor(
            "outcomes[1]",
            Minimal with { Outcomes = [new Outcome("refusal", "A", OutcomeType.N, "#000000"), new Outcome("refusal", "B", OutcomeType.N, "#FFFFFF")] });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("left voicemail")]
    public void An_outcome_without_a_valid_code_is_refused(string? code)
    {
        RefusedOnlyFor("outcomes[0].code", Minimal with { Outcomes = [Custom() with { Code = code }] });
    }

    [Fact]
    public void An_outcome_without_a_label_is_refused()
    {
        RefusedOnlyFor("outcomes[0].label", Minimal with { Outcomes = [Custom() with { Label = " " }] });
        RefusedOnlyFor("outcomes[0].label", Minimal with { Outcomes = [Custom() with { Label = new string('l', 201) }] });
    }

    [Fact]
    public void A_missing_outcome_entry_is_refused()
    {
        RefusedOnlyFor("outcomes[0]", Minimal with { Outcomes = [null!] });
    }

    [Fact]
    public void More_than_100_outcomes_are_refused()
    {
        var many = Enumerable.Range(0, 101).Select(i => Custom($"o{i}")).ToList();
        RefusedOnlyFor("outcomes", Minimal with { Outcomes = many });
        (Minimal with { Outcomes = many.Take(100).ToList() }).Validated();
    }

    // ---- calling hours ----

    [Theory]
    [InlineData("9:00")]
    [InlineData("09:00:00")]
    [InlineData("9am")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("")]
    public void A_calling_hours_start_that_is_not_HH_mm_is_refused(string start)
    {
        RefusedOnlyFor("callingHours.start", Minimal with { CallingHours = new CallingHours(start, "20:00") });
    }

    [Theory]
    [InlineData("8 PM")]
    [InlineData("20.00")]
    [InlineData(" 20:00")]
    [InlineData(null)]
    public void A_calling_hours_end_that_is_not_HH_mm_is_refused(string? end)
    {
        RefusedOnlyFor("callingHours.end", Minimal with { CallingHours = new CallingHours("09:00", end) });
    }

    [Theory]
    [InlineData("20:00", "09:00")]
    [InlineData("09:00", "09:00")]
    [InlineData("09:01", "09:00")]
    public void Calling_hours_must_start_before_they_end(string start, string end)
    {
        RefusedOnlyFor("callingHours.end", Minimal with { CallingHours = new CallingHours(start, end) });
    }

    [Fact]
    public void Calling_hours_of_a_whole_day_but_a_minute_pass()
    {
        var hours = (Minimal with { CallingHours = new CallingHours("00:00", "23:59") }).Validated().CallingHours!;

        Assert.Equal(TimeOnly.MinValue, hours.StartsAt());
        Assert.Equal(new TimeOnly(23, 59), hours.EndsAt());
    }

    [Fact]
    public void Both_bad_calling_hours_are_named_at_once()
    {
        Assert.Equal(
            new[] { "callingHours.end", "callingHours.start" },
            FieldsOf(Minimal with { CallingHours = new CallingHours("x", "y") }).Order(StringComparer.Ordinal));
    }

    // ---- workflow steps ----

    [Fact]
    public void The_outcome_step_is_added_when_the_client_leaves_it_out()
    {
        var validated = (Minimal with { WorkflowSteps = [new WorkflowStep("greet", "Greet the customer"), new WorkflowStep("verify", "Verify address")] }).Validated();

        Assert.Equal(new[] { "greet", "verify", "outcome" }, validated.WorkflowSteps!.Select(s => s.Code));
        Assert.True(validated.WorkflowSteps!.Single(s => s.Code == "outcome").Mandatory);
        Assert.DoesNotContain(validated.WorkflowSteps!, s => s.Code != "outcome" && s.Mandatory);
    }

    [Fact]
    public void The_outcome_step_sent_by_the_client_is_kept_in_place_and_made_mandatory()
    {
        var validated = (Minimal with
        {
            WorkflowSteps = [new WorkflowStep("outcome", "Pick the outcome", Mandatory: false), new WorkflowStep("wrap-up", "Wrap up")],
        }).Validated();

        Assert.Equal(new[] { "outcome", "wrap-up" }, validated.WorkflowSteps!.Select(s => s.Code));
        var outcome = validated.WorkflowSteps![0];
        Assert.True(outcome.Mandatory);
        Assert.Equal("Pick the outcome", outcome.Label);
        Assert.False(validated.WorkflowSteps![1].Mandatory);
    }

    [Fact]
    public void A_custom_step_cannot_be_mandatory()
    {
        RefusedOnlyFor("workflowSteps[0].mandatory", Minimal with { WorkflowSteps = [new WorkflowStep("greet", "Greet", Mandatory: true)] });
    }

    [Fact]
    public void Two_steps_with_the_same_code_are_refused()
    {
        RefusedOnlyFor("workflowSteps[1]", Minimal with { WorkflowSteps = [new WorkflowStep("greet", "Greet"), new WorkflowStep("greet", "Greet again")] });
    }

    [Fact]
    public void A_step_needs_a_valid_code_and_a_label()
    {
        Assert.Equal(
            new[] { "workflowSteps[0].code", "workflowSteps[0].label" },
            FieldsOf(Minimal with { WorkflowSteps = [new WorkflowStep("bad code", null)] }).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_step_entry_is_refused()
    {
        RefusedOnlyFor("workflowSteps[0]", Minimal with { WorkflowSteps = [null!] });
    }

    // ---- retry policy and attempt cap ----

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public void An_attempt_cap_outside_1_to_100_is_refused(int cap)
    {
        RefusedOnlyFor("attemptCap", Minimal with { AttemptCap = cap });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void An_attempt_cap_of_1_to_100_passes(int cap)
    {
        Assert.Equal(cap, (Minimal with { AttemptCap = cap }).Validated().AttemptCap);
    }

    [Theory]
    [InlineData(0, 1440, 30, "retryPolicy.firstRetryMinutes")]
    [InlineData(43201, 1440, 30, "retryPolicy.firstRetryMinutes")]
    [InlineData(60, 0, 30, "retryPolicy.nextRetryMinutes")]
    [InlineData(60, 43201, 30, "retryPolicy.nextRetryMinutes")]
    [InlineData(60, 1440, -1, "retryPolicy.privateCallbackGraceMinutes")]
    [InlineData(60, 1440, 43201, "retryPolicy.privateCallbackGraceMinutes")]
    public void A_retry_delay_outside_its_range_is_refused(int first, int next, int grace, string field)
    {
        RefusedOnlyFor(field, Minimal with { RetryPolicy = new RetryPolicy(first, next, grace) });
    }

    [Fact]
    public void Retry_delays_of_up_to_30_days_pass()
    {
        (Minimal with { RetryPolicy = new RetryPolicy(43200, 43200, 43200) }).Validated();
        (Minimal with { RetryPolicy = new RetryPolicy(1, 1, 0) }).Validated();
    }

    // ---- payment providers ----

    [Fact]
    public void The_sandbox_payment_provider_is_known()
    {
        Assert.Equal(["sandbox"], (Minimal with { PaymentProviders = ["sandbox"] }).Validated().PaymentProviders!);
        Assert.True(PaymentProviders.IsKnown("sandbox"));
    }

    [Theory]
    [InlineData("stripe")]
    [InlineData("Sandbox")]
    [InlineData("paypal")]
    public void An_unknown_payment_provider_is_refused(string provider)
    {
        RefusedOnlyFor("paymentProviders[1]", Minimal with { PaymentProviders = ["sandbox", provider] });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_blank_payment_provider_is_refused(string? provider)
    {
        RefusedOnlyFor("paymentProviders[0]", Minimal with { PaymentProviders = [provider!] });
    }

    [Fact]
    public void A_payment_provider_listed_twice_is_refused()
    {
        RefusedOnlyFor("paymentProviders[1]", Minimal with { PaymentProviders = ["sandbox", "sandbox"] });
    }

    // ---- all at once ----

    [Fact]
    public void Every_error_of_a_campaign_is_reported_at_once()
    {
        var campaign = new CampaignRequest(
            Name: null,
            TimeZone: "Mars/Base",
            CallingHours: new CallingHours("21:00", "08:00"),
            Outcomes: [new Outcome("completed", "Done", OutcomeType.R, "#2E7D32"), Custom(color: "blue")],
            WorkflowSteps: [new WorkflowStep("greet", "Greet", Mandatory: true)],
            RetryPolicy: new RetryPolicy(0, 1440, 30),
            AttemptCap: 0,
            PaymentProviders: ["stripe"]);

        var refusal = Refusals.Of(() => campaign.Validated());

        Assert.Equal(ProblemKind.Validation, refusal.Kind);
        Assert.Equal(
            new[]
            {
                "attemptCap",
                "callingHours.end",
                "name",
                "outcomes[0].type",
                "outcomes[1].color",
                "paymentProviders[0]",
                "retryPolicy.firstRetryMinutes",
                "timeZone",
                "workflowSteps[0].mandatory",
            },
            refusal.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
