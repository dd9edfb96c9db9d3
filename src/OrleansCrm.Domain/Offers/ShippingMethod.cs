using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>A way to ship, priced per currency.</summary>
public sealed record ShippingMethod(string Id, string Name, IReadOnlyDictionary<string, decimal> Price)
{
    /// <summary>Checks a shipping method as sent; the method when nothing it needs is missing (the caller throws on any refusal).</summary>
    internal static ShippingMethod? Checked(Validator v, string path, ISentShippingMethod sent)
    {
        v.Id($"{path}.id", sent.Id);
        v.Text($"{path}.name", sent.Name, Validator.NameMaxLength, required: true);
        v.Prices($"{path}.price", sent.Price);
        return sent is { Id: { } id, Name: { } name, Price: { } price } ? new ShippingMethod(id, name, price) : null;
    }
}
