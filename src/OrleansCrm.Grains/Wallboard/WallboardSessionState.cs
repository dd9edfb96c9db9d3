using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Grains.Wallboard;

[GenerateSerializer, Alias("OrleansCrm.WallboardSessionState")]
public sealed class WallboardSessionState
{
    /// <summary>The open session; null once ended (or never opened).</summary>
    [Id(0)]
    public WallboardSession? Session { get; set; }
}
