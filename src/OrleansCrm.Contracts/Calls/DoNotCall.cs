namespace OrleansCrm.Contracts;

public static class DoNotCall
{
    public static IDoNotCallGrain List(IGrainFactory grains) => grains.GetGrain<IDoNotCallGrain>(IDoNotCallGrain.ListKey);
}
