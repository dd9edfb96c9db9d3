using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>A way to ship, priced per currency.</summary>
public sealed record ShippingMethod(string? Id, string? Name, IReadOnlyDictionary<string, decimal>? Price)
{
    internal void Validate(Validator v, string path)
    {
        v.Id($"{path}.id", Id);
        v.Text($"{path}.name", Name, Validator.NameMaxLength, required: true);
        v.Prices($"{path}.price", Price);
    }
}
