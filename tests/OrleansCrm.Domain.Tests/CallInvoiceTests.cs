using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: "save and create invoice" — a new order beside the old — or "cancel and create order" — the old order cancelled, a new one made.</summary>
public sealed class CallInvoiceTests
{
    [Fact]
    public void Save_and_create_invoice_orders_the_same_items_for_the_same_customer_beside_the_old_order()
    {
        var old = OrderTestData.Unpaid();
        var invoice = new CallInvoice("call-1", InvoiceAction.New, old);

        var order = invoice.NewOrder();

        Assert.Equal((old.Customer.Id, old.OfferId, old.Currency, false, null, null), (order.CustomerId, order.OfferId, order.Currency, order.Trial, order.CardToken, order.PaymentProvider));
        Assert.Equal(old.Items.Select(i => ((string?)i.Sku, (int?)i.Quantity)), order.Items!.Select(i => (i.Sku, i.Quantity)));
        Assert.Equal(old.DeliveryMethod?.Id, order.DeliveryMethodId);
        Assert.False(invoice.CancelsOld);
        Assert.Equal(("call:call-1:invoice", "invoice:" + old.Number), (invoice.OnceKey, invoice.Reference));
    }

    [Fact]
    public void Cancel_and_create_order_cancels_the_old_order_with_a_note_naming_the_new_one()
    {
        var invoice = new CallInvoice("call-1", InvoiceAction.Replace, OrderTestData.Unpaid());

        invoice.CheckOldCanBeCancelled();

        Assert.True(invoice.CancelsOld);
        Assert.Equal("Replaced by order 100002 on call call-1", Said.Sentence(invoice.ReplacedBy("100002")));
    }

    [Fact]
    public void Cancel_and_create_order_is_refused_before_anything_is_placed_when_the_old_order_can_no_longer_be_cancelled()
    {
        var paid = OrderTestData.PaidTrial();
        Assert.Equal(OrderStatus.Paid, paid.Status);

        var refusal = Assert.Throws<DomainException>(() => new CallInvoice("call-1", InvoiceAction.Replace, paid).CheckOldCanBeCancelled());

        Assert.Equal(ProblemKind.Conflict, refusal.Kind);
        new CallInvoice("call-1", InvoiceAction.New, paid).CheckOldCanBeCancelled();
    }
}
