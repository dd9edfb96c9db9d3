namespace OrleansCrm.Testing;

/// <summary>How <see cref="MagentoShopSink"/> answers.</summary>
public enum MagentoAnswer
{
    Pages,
    NotJson,
    CutShort,
}
