using OrleansCrm.Domain.Customers;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Tests;

public sealed class FreeTextRedactionTests
{
    [Fact]
    public void A_card_number_typed_into_an_order_tag_or_analytics_is_cut_to_its_last_four_digits()
    {
        var order = new PlacementRequest("cus_1", "cream", "USD", false, null, null, null, null, null,
            new Analytics("call 4111 1111 1111 1111", "phone"), null, "4111111111111111").ToCommand();

        Assert.Equal("call XXXX XXXX XXXX 1111", order.Analytics!.Source);
        Assert.Equal("XXXX XXXX XXXX 1111", order.Tag);
    }

    [Fact]
    public void A_card_number_typed_into_a_customer_address_is_cut_to_its_last_four_digits()
    {
        var profile = new CustomerRequest("Mario Rossi", null, "+390612345678",
            new AddressRequest("Via Roma 5555-5555-5555-4444", null, "Roma", null, "00100", "IT"), "Europe/Rome", null).Validated();

        Assert.Equal("Via Roma XXXX XXXX XXXX 4444", profile.Address!.Line1);
    }
}
