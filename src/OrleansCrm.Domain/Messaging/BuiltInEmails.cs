using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// The texts of the sales workflow's emails, filled with the customer's and the order's data.
/// The one seam for wording: the template system replaces what this returns.
/// </summary>
public static class BuiltInEmails
{
    public static (string Subject, string Body) For(Order order, WorkflowEvent e)
    {
        var name = order.Customer.Name;
        var n = order.Number;
        var trial = order.Trial;
        var productCharge = order.Workflow.FirstOrDefault(w => w.Kind == WorkflowKind.ProductCharge)?.ScheduledAt;
        var chargeDate = productCharge is { } at ? TimeZones.LocalDate(at, order.Customer.TimeZone) : "";
        return e.Kind switch
        {
            WorkflowKind.OrderConfirmation => (
                $"Your order {n} is confirmed",
                $"Dear {name},\n\nthank you for your order {n}.\n" +
                (order.IsTrial
                    ? $"Today we charged {order.Format(order.ShippingAndHandling + (order.DeliveryMethod?.Price ?? 0m))} for shipping & handling. Your {trial!.TrialDays}-day trial starts today; the product price of {order.Format(order.ProductOwed())} will be charged on {chargeDate} unless you cancel.\n"
                    : $"Order total: {order.Format(order.Total())}.\n") +
                "\nKind regards,\nCustomer care"),
            WorkflowKind.TrialReminder => (
                $"Your trial: {trial!.ReminderDay} days gone, {trial.DaysLeftAtReminder()} left",
                $"Dear {name},\n\n{trial.ReminderDay} days of your trial for order {n} are gone and {trial.DaysLeftAtReminder()} are left. " +
                $"On {chargeDate} we will charge {order.Format(order.ProductOwed())} for the product.\n\nKind regards,\nCustomer care"),
            WorkflowKind.ExtensionOffer => (
                $"Need more time? Extend your trial by {trial!.ExtensionDays} days",
                $"Dear {name},\n\nyour trial for order {n} ends on {chargeDate}. You can extend it once by {trial.ExtensionDays} days, free of charge:\n\n{e.Link}\n\n" +
                $"The product price of {order.Format(order.ProductOwed())} is then charged at the end of the extended trial.\n\nKind regards,\nCustomer care"),
            WorkflowKind.PaymentConfirmation => (
                $"Payment received for order {n}",
                $"Dear {name},\n\nwe received your payment for order {n}. Thank you!\n\n{PaymentLines(order, e)}\nKind regards,\nCustomer care"),
            WorkflowKind.PaymentFailedNotice => (
                $"We could not charge your card for order {n}",
                $"Dear {name},\n\nwe could not charge the card ending in {order.Card?.Last4} for order {n}. Please call us to update your payment details.\n\nKind regards,\nCustomer care"),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Not an email of the workflow."),
        };
    }

    /// <summary>What the customer paid, as a receipt: amount and currency, card (masked, brand), date in their zone, order.</summary>
    private static string PaymentLines(Order order, WorkflowEvent e)
    {
        if (order.ChargeConfirmedBy(e) is not { } charge)
        {
            return "";
        }

        var card = order.Card is { } c ? $"{c.Brand} {c.Masked}" : "the card on file";
        return $"Order:   {order.Number}\n" +
               $"Amount:  {order.Format(charge.Amount)}\n" +
               $"Card:    {card}\n" +
               $"Date:    {TimeZones.LocalDate(charge.At, order.Customer.TimeZone)} ({order.Customer.TimeZone})\n" +
               $"Receipt: {charge.TransactionId}\n";
    }
}
