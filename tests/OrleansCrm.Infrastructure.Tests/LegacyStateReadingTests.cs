using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.LegacySamples;
using OrleansCrm.Domain.Offers;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Customers;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Infrastructure.Serialization;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// The legacy reader: what the previous builds stored (a JSON blob per domain value inside Orleans' binary format)
/// loads through <see cref="LegacyStateReading.AddLegacyStateReading"/>, a JSON codec that writes nothing.
/// </summary>
public sealed partial class LegacyStateReadingTests
{
    private static readonly string Rows = Path.Combine(AppContext.BaseDirectory, "Fixtures", "previous-build", "data.sql");

    [Fact]
    public void An_old_blob_of_an_aggregate_whose_setters_became_private_loads_by_property_name()
    {
        var old = PreviousBuildSerializer(typeof(LegacySample));
        var blob = old.SerializeToArray(new Holder { Value = LegacySample.Open("s-1", 12.5m, enabled: false, "first", "second") });
        Assert.Contains("\"notes\":[\"first\",\"second\"]", System.Text.Encoding.UTF8.GetString(blob), StringComparison.Ordinal);

        var loaded = LegacyReader().Deserialize<Holder>(blob)!.Value!;

        Assert.Equal("s-1", loaded.Id);
        Assert.Equal(12.5m, loaded.Amount);
        Assert.False(loaded.Enabled);
        Assert.Equal(["first", "second"], loaded.Notes);
    }

    [Fact]
    public void Without_the_legacy_options_the_same_blob_loses_what_sits_behind_private_setters()
    {
        // The control: the previous build's own reader (web defaults) cannot fill the redesigned shape.
        var old = PreviousBuildSerializer(typeof(LegacySample));
        var blob = old.SerializeToArray(new Holder { Value = LegacySample.Open("s-1", 12.5m, enabled: false, "first") });

        LegacySample? loaded;
        try
        {
            loaded = old.Deserialize<Holder>(blob)!.Value;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            loaded = null;
        }

        Assert.False(loaded is { Id: "s-1", Amount: 12.5m, Enabled: false, Notes.Count: 1 }, "the web defaults alone filled private setters");
    }

    [Fact]
    public void The_legacy_reader_writes_no_domain_value_as_JSON_it_goes_through_its_surrogate()
    {
        var reader = LegacyReader();
        var written = reader.SerializeToArray(new Holder { Value = LegacySample.Open("s-1", 1m, true, "kept") });

        Assert.DoesNotContain("\"notes\"", System.Text.Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.Equal(["kept"], reader.Deserialize<Holder>(written)!.Value!.Notes);
    }

    [Fact]
    public void The_customer_the_previous_build_stored_loads_with_the_serializer_of_the_hosts()
    {
        var state = HostSerializer().Deserialize<CustomerState>(StoredPayload("customer"))!;

        Assert.Equal("Mario Rossi", state.Profile!.Name);
        Assert.Equal("IT", state.Profile.Address!.Country);
        Assert.Equal("Prefers calls in the morning", Assert.Single(state.Notes).Text);
        Assert.True(state.AutoPaymentsEnabled);
        Assert.Equal(["100001", "100002"], state.OrderNumbers.Order());
        Assert.Equal(6, state.Version);
    }

    [Fact]
    public void The_customer_the_previous_build_stored_loads_through_the_legacy_reader_alone_now_its_types_have_surrogates()
    {
        var state = LegacyReader().Deserialize<CustomerState>(StoredPayload("customer"))!;

        Assert.Equal("Mario Rossi", state.Profile!.Name);
        Assert.Equal("Via Roma 1", state.Profile.Address!.Line1);
        Assert.Equal("admin", Assert.Single(state.Notes).Author);
    }

    [Fact]
    public void The_offer_and_the_campaign_the_previous_build_stored_load_with_the_serializer_of_the_hosts()
    {
        var reader = HostSerializer();

        var offer = reader.Deserialize<DocumentState<Offer>>(StoredPayload("offer"))!;
        var campaign = reader.Deserialize<DocumentState<Campaign>>(StoredPayload("campaign"))!;

        Assert.Equal("Anti-age cream", offer.Value!.Name);
        Assert.Equal(1, offer.Version);
        Assert.Equal("Winter follow-up", campaign.Value!.Name);
        Assert.Contains(campaign.Value.Outcomes!, o => o.Code == "meeting");
    }

    /// <summary>
    /// The serializer of the previous builds: the JSON codec writes the given domain types with the web defaults, and
    /// the sample has no surrogate yet (its converter is taken out of the manifest).
    /// </summary>
    private static Serializer PreviousBuildSerializer(params Type[] domainTypes) =>
        Build(b =>
        {
            b.AddJsonSerializer(
                isSerializable: domainTypes.Contains,
                isCopyable: domainTypes.Contains,
                configureOptions: o => o.Configure(x => x.SerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            b.Services.PostConfigure<TypeManifestOptions>(o => o.Converters.Remove(typeof(LegacySampleConverter)));
        });

    /// <summary>What the api and the silo register today (the transitional JSON codec for types without a surrogate).</summary>
    private static Serializer HostSerializer() =>
        new ServiceCollection().AddCrmSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static Serializer LegacyReader() => Build(b => b.AddLegacyStateReading());

    private static Serializer Build(Action<ISerializerBuilder> configure) =>
        new ServiceCollection()
            .AddSerializer(b =>
            {
                b.AddAssembly(typeof(CustomerState).Assembly);
                b.AddAssembly(typeof(OrleansCrm.Contracts.ICustomerGrain).Assembly);
                b.AddAssembly(typeof(LegacyStateReadingTests).Assembly);
                configure(b);
            })
            .BuildServiceProvider()
            .GetRequiredService<Serializer>();

    /// <summary>The payload of the one stored row of <paramref name="grainType"/> in the previous build's dump.</summary>
    private static byte[] StoredPayload(string grainType)
    {
        var row = File.ReadLines(Rows).Single(l => l.StartsWith("INSERT INTO public.orleans_grain_state ", StringComparison.Ordinal) && l.Contains($", '{grainType}', ", StringComparison.Ordinal));
        return Convert.FromHexString(PayloadPattern().Match(row).Groups[1].Value);
    }

    [GeneratedRegex(@"'\\x([0-9a-f]+)'")]
    private static partial Regex PayloadPattern();
}

[GenerateSerializer, Alias("OrleansCrm.Tests.LegacyHolder")]
public sealed class Holder
{
    [Id(0)]
    public LegacySample? Value { get; set; }
}
