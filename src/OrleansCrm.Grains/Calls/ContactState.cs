using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.ContactState")]
public sealed class ContactState
{
    [Id(0)]
    public DialerContact? Contact { get; set; }

    [Id(1)]
    public int ConsecutiveNoContacts { get; set; }

    /// <summary>The calls whose outcomes were applied (the latest ones), so a repeated outcome changes nothing.</summary>
    [Id(2)]
    public List<string> AppliedCalls { get; set; } = [];
}
