using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// What the [Id]s promise: a value written with one shape of a wire type loads into the next shape. Two shapes of one
/// contract live side by side here as two types; the top-level value carries no type name, only its members' ids.
/// </summary>
public sealed class VersionToleranceTests
{
    private readonly Serializer serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(VersionToleranceTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_value_written_by_the_first_shape_loads_into_the_second_with_the_added_member_at_its_default()
    {
        var written = serializer.SerializeToArray(new NoteShapeV1("note-1", "Call mornings", 3));

        var loaded = serializer.Deserialize<NoteShapeV2>(written)!;

        Assert.Equal("note-1", loaded.Id);
        Assert.Null(loaded.Author);
        Assert.False(loaded.Pinned);
    }

    [Fact]
    public void A_renamed_member_keeps_its_id_and_so_its_value()
    {
        var written = serializer.SerializeToArray(new NoteShapeV1("note-1", "Call mornings", 3));

        var loaded = serializer.Deserialize<NoteShapeV2>(written)!;

        Assert.Equal("Call mornings", loaded.Body); // was Text, id 1
        Assert.Equal(3, loaded.Revision); // was Edits, id 2
    }

    [Fact]
    public void A_value_written_by_the_second_shape_loads_into_the_first_which_skips_what_it_does_not_know()
    {
        var written = serializer.SerializeToArray(new NoteShapeV2("note-1", "Call mornings", 3, "agent-1", Pinned: true));

        var loaded = serializer.Deserialize<NoteShapeV1>(written);

        Assert.Equal(new NoteShapeV1("note-1", "Call mornings", 3), loaded);
    }
}

/// <summary>The shape a previous build stored.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Tests.NoteShape.v1")]
public sealed record NoteShapeV1([property: Id(0)] string Id, [property: Id(1)] string Text, [property: Id(2)] int Edits);

/// <summary>The next shape: Text renamed Body and Edits renamed Revision (same ids), Author and Pinned added.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Tests.NoteShape.v2")]
public sealed record NoteShapeV2(
    [property: Id(0)] string Id,
    [property: Id(1)] string Body,
    [property: Id(2)] int Revision,
    [property: Id(3)] string? Author,
    [property: Id(4)] bool Pinned);
