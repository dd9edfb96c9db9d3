using System.Globalization;
using System.Text;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Presentation;

/// <summary>
/// The product's wordings in English: one template per code of <see cref="OrderWording"/> and <see cref="CallWording"/>. A template writes
/// <c>{name}</c> for a value, <c>{name:format}</c> for an instant in a format, <c>{name|text}</c> for a value with the
/// text to write when it is absent, and <c>[…]</c> around a part written only when every value in it is given. A value
/// that is a sentence of its own (<see cref="Wording.Parts"/>) is rendered in English too, a list of them joined by commas.
/// </summary>
public static class EnglishWording
{
    private const string OnAProviderRefund = "[; {refund} refunded through the provider]";

    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OrderWording.RowShippingCharge.Code] = "Shipping & handling charge",
        [OrderWording.RowOrderConfirmation.Code] = "Order confirmation email",
        [OrderWording.RowTrialReminder.Code] = "Trial reminder email ({daysGone} days gone, {daysLeft} left)",
        [OrderWording.RowExtensionOffer.Code] = "Extension offer email (with the extension link)",
        [OrderWording.RowProductCharge.Code] = "Product charge at trial end",
        [OrderWording.RowProductChargeExtended.Code] = "Product charge at the end of the extended trial",
        [OrderWording.RowPaymentConfirmation.Code] = "Payment confirmation email",
        [OrderWording.RowOrderCharge.Code] = "Order charge",
        [OrderWording.RowProductChargeRetry.Code] = "Product charge, retry {retry} of {retries}",
        [OrderWording.RowPaymentFailedNotice.Code] = "Payment failed email",
        [OrderWording.RowResent.Code] = "{row} (resent)",
        [OrderWording.RowTrialExtended.Code] = "Trial extended by {days} days",
        [OrderWording.RowTrialEndMoved.Code] = "Trial end moved by {by}",
        [OrderWording.RowDiscountRefund.Code] = "Refund for a discount ({change})",
        [OrderWording.RowFewerItemsRefund.Code] = "Refund for fewer items ({change})",
        [OrderWording.OutcomeUnknown.Code] = "Outcome unknown (the provider did not answer); it is asked again with the same key.",
        [OrderWording.Charged.Code] = "Charged {amount}, transaction {transactionId}",
        [OrderWording.Declined.Code] = "Declined: {declineReason} ({declineCode})",
        [OrderWording.ChargeNeverSent.Code] = "Cancelled: the order is {status} and the provider never received this charge.",
        [OrderWording.Refunded.Code] = "Refunded {amount}",
        [OrderWording.RefundRefused.Code] = "Refund refused by the provider: {declineReason}",
        [OrderWording.Cancelled.Code] = "Cancelled: {reason}",
        [OrderWording.HeldAutoPaymentsOff.Code] = "Auto-payments are disabled for this customer.",
        [OrderWording.HeldAutoPaymentsDisabledBy.Code] = "Auto-payments disabled by {by}.",
        [OrderWording.ChargeMoved.Code] = "Product charge moved from {from:yyyy-MM-dd HH:mm} UTC to {to:yyyy-MM-dd HH:mm} UTC",
        [OrderWording.EmailSent.Code] = "Sent to {recipient}, message id {messageId}",
        [OrderWording.EmailNotDelivered.Code] = "Not delivered to {recipient}: {error}",
        [OrderWording.EmailQueued.Code] = "Queued for {recipient} (attempt {attempts}): {error}",
        [OrderWording.EmailNoAddress.Code] = "Not sent: the customer has no email address.",
        [OrderWording.EmailByTemplates.Code] = "Sent by the campaign's templates: {messages} message(s) handed to the outbox, none an email to follow here.",
        [OrderWording.EmailNoTemplateMessage.Code] = "Not sent: the campaign's templates made no message for this order (none applied, or each was skipped).",
        [OrderWording.Text.Code] = "{text}",
        [OrderWording.ReasonPlaced.Code] = "Order placed",
        [OrderWording.ReasonUpsellPlaced.Code] = "Upsell order placed on a call about order {mainOrder}",
        [OrderWording.ReasonConfirmed.Code] = "Confirmed by the customer on the phone",
        [OrderWording.ReasonCancelledBy.Code] = "Cancelled by {by}",
        [OrderWording.ReasonDeleted.Code] = "Deleted by an admin (kept for audit)",
        [OrderWording.ReasonFulfillment.Code] = "Fulfillment: {status}",
        [OrderWording.ReasonFulfillmentCancelled.Code] = "Fulfillment cancelled",
        [OrderWording.ReasonAutoCancelled.Code] = "Auto-cancelled: unpaid on its auto-cancel date {at}",
        [OrderWording.ReasonChargeApproved.Code] = "{charge} approved",
        [OrderWording.ReasonPrepaid.Code] = "prepaid in full",
        [OrderWording.ReasonNothingLeftAfter.Code] = "nothing left to charge after {change}",
        [OrderWording.ReasonHardDeclined.Code] = "Payment failed: the card was hard-declined ({declineReason}); no retry",
        [OrderWording.ReasonRetriesDeclined.Code] = "Payment failed: the last of {retries} retries was declined ({declineReason})",
        [OrderWording.ReasonRefunded.Code] = "Refunded in full",
        [OrderWording.CancelOrderDeleted.Code] = "order deleted",
        [OrderWording.CancelPaymentFailed.Code] = "payment failed",
        [OrderWording.CancelOrderRefunded.Code] = "order refunded",
        [OrderWording.CancelPaidInAdvance.Code] = "paid in advance",
        [OrderWording.CancelNothingLeft.Code] = "nothing left to charge",
        [OrderWording.NoteStatusChanged.Code] = "Status changed from {from} to {to}: {reason}.",
        [OrderWording.NoteUpsellPlaced.Code] = "Upsell of order {mainOrder}: {quantity} × {name}, shipping {shipping}, {total}.",
        [OrderWording.NoteUpsellSold.Code] = "Upsell order {upsellOrder} ({total}) placed by {by}.",
        [OrderWording.NoteAutoCancelDisabled.Code] = "Auto-cancel disabled by {by}.",
        [OrderWording.NoteAutoCancelSet.Code] = "Auto-cancel date set to {at} by {by}.",
        [OrderWording.NoteAnalyticsRemoved.Code] = "Analytics (source, channel) removed by {by}.",
        [OrderWording.NoteAlreadyPaid.Code] = "Marked already paid by {by} on call {callId}: the customer says this order is already paid[: {comment}]. It is never called about again.",
        [OrderWording.NoteTaskUpdated.Code] = "Task '{taskId}' updated by {by}: assignee {assignee|none}, due {dueAt|none}.",
        [OrderWording.NoteRefundRefused.Code] = "The refund of {amount} for {change} was refused by the provider ({declineReason}); refund it by hand.",
        [OrderWording.NoteFullRefund.Code] = "Full refund of {amount} by {by}[: {reason}].",
        [OrderWording.NotePartialRefund.Code] = "Partial refund of {amount} by {by}[: {reason}].",
        [OrderWording.NotePrepayment.Code] = "Prepayment of {amount} taken by {by}.",
        [OrderWording.NoteLateCharge.Code] = "A charge of {amount} that was in doubt when the order became {status} went through at the provider; refund it if it is not owed.",
        [OrderWording.NoteTrialExtended.Code] = "Trial extended by the customer: product charge moved from {from} to {to}.",
        [OrderWording.NoteTrialEndMoved.Code] = "Trial end moved by {by}: product charge moved from {from} to {to}.",
        [OrderWording.NoteChargesHeld.Code] = "Auto-payments disabled: {charges} on hold.",
        [OrderWording.NoteChargesReleased.Code] = "Auto-payments enabled again: {charges} released.",
        [OrderWording.NoteFulfillmentHeld.Code] = "Fulfillment held by {by}[: {reason}].",
        [OrderWording.NoteFulfillmentReleased.Code] = "Fulfillment released by {by}.",
        [OrderWording.NoteFulfillmentCancelled.Code] = "Fulfillment cancelled by {by}[: {reason}].",
        [OrderWording.NoteDiscount.Code] = "Discount of {amount} by {by}[: {reason}]" + OnAProviderRefund + ".",
        [CallWording.RefusalOn.Code] = "Refusal on call {callId}[: {comment}]",
        [CallWording.ReplacedBy.Code] = "Replaced by order {newOrder} on call {callId}",
        [CallWording.InvalidContactOn.Code] = "Invalid contact on call {callId}",
        [OrderWording.NoteQuantityDecreased.Code] = "Quantity of {item} decreased from {from} to {to} by {by} ({cut} less)[: {reason}]" + OnAProviderRefund + ".",
    };

    /// <summary>A workflow row's result in English: its wording, or the English a row of an older build stored.</summary>
    public static string? Result(WorkflowEvent row) => row.ResultWording is { } wording ? Render(wording) : row.Result;

    /// <summary>A note's text in English: a system note's wording, or an agent's text (or the English an older build stored).</summary>
    public static string Text(OrderNote note) => note.Wording is { } wording ? Render(wording) : note.Text;

    /// <summary>What a workflow row is, in English: its wording, or the English a row of an older build stored.</summary>
    public static string Description(WorkflowEvent row) => row.DescriptionWording is { } wording ? Render(wording) : row.Description;

    /// <summary>A status change's reason in English: its wording, or the English a change of an older build stored.</summary>
    public static string Reason(StatusChange change) => change.ReasonWording is { } wording ? Render(wording) : change.Reason;

    /// <summary>An order change's description in English: its wording, or the English a change of an older build stored.</summary>
    public static string Description(OrderChange change) => change.DescriptionWording is { } wording ? Render(wording) : change.Description;

    /// <summary>The wording in English; a code this build does not know shows as the code (never an error on a page).</summary>
    public static string Render(Wording wording) =>
        Templates.TryGetValue(wording.Code, out var template) ? Fill(template, wording) : wording.Code;

    /// <summary>The value names a template uses, in order.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template) =>
        Parse(template).Where(p => p.Name is not null).Select(p => p.Name!).ToList();

    private static string Fill(string template, Wording wording)
    {
        var text = new StringBuilder();
        var segment = new StringBuilder();
        var segmentComplete = true;
        var inSegment = false;
        foreach (var part in Parse(template))
        {
            if (part.Kind == PartKind.SegmentStart)
            {
                inSegment = true;
                segment.Clear();
                segmentComplete = true;
                continue;
            }

            if (part.Kind == PartKind.SegmentEnd)
            {
                if (segmentComplete)
                {
                    text.Append(segment);
                }

                inSegment = false;
                continue;
            }

            var target = inSegment ? segment : text;
            if (part.Kind == PartKind.Literal)
            {
                target.Append(part.Text);
                continue;
            }

            if (wording.Values.TryGetValue(part.Name!, out var value))
            {
                target.Append(part.Format is { } format ? Instant(value).ToString(format, CultureInfo.InvariantCulture) : value);
            }
            else if (wording.Parts.TryGetValue(part.Name!, out var sentences))
            {
                target.AppendJoin(", ", sentences.Select(Render));
            }
            else if (inSegment && part.Default is null)
            {
                segmentComplete = false;
            }
            else
            {
                target.Append(part.Default);
            }
        }

        return text.ToString();
    }

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private enum PartKind
    {
        Literal,
        Value,
        SegmentStart,
        SegmentEnd,
    }

    private sealed record Part(PartKind Kind, string? Text = null, string? Name = null, string? Format = null, string? Default = null);

    private static List<Part> Parse(string template)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add(new Part(PartKind.Literal, literal.ToString()));
                literal.Clear();
            }
        }

        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '[' or ']')
            {
                Flush();
                parts.Add(new Part(c == '[' ? PartKind.SegmentStart : PartKind.SegmentEnd));
            }
            else if (c == '{')
            {
                Flush();
                var end = template.IndexOf('}', i);
                var inside = template[(i + 1)..end];
                var bar = inside.IndexOf('|', StringComparison.Ordinal);
                var deflt = bar < 0 ? null : inside[(bar + 1)..];
                var nameAndFormat = bar < 0 ? inside : inside[..bar];
                var colon = nameAndFormat.IndexOf(':', StringComparison.Ordinal);
                parts.Add(colon < 0
                    ? new Part(PartKind.Value, Name: nameAndFormat, Default: deflt)
                    : new Part(PartKind.Value, Name: nameAndFormat[..colon], Format: nameAndFormat[(colon + 1)..], Default: deflt));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush();
        return parts;
    }
}
