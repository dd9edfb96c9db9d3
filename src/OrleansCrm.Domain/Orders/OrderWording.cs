using System.Globalization;
using System.Reflection;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// Every sentence the order writes into a workflow row's result or a system note: the one catalog of codes. The
/// edge keeps a template per code and language.
/// </summary>
public static class OrderWording
{
    // What a workflow row is (its description).
    public static readonly WordingCode RowShippingCharge = new("row.shipping-charge", []);
    public static readonly WordingCode RowOrderConfirmation = new("row.order-confirmation", []);
    public static readonly WordingCode RowTrialReminder = new("row.trial-reminder", ["daysGone", "daysLeft"]);
    public static readonly WordingCode RowExtensionOffer = new("row.extension-offer", []);
    public static readonly WordingCode RowProductCharge = new("row.product-charge", []);
    public static readonly WordingCode RowProductChargeExtended = new("row.product-charge-extended", []);
    public static readonly WordingCode RowPaymentConfirmation = new("row.payment-confirmation", []);
    public static readonly WordingCode RowOrderCharge = new("row.order-charge", []);
    public static readonly WordingCode RowProductChargeRetry = new("row.product-charge-retry", ["retry", "retries"]);
    public static readonly WordingCode RowPaymentFailedNotice = new("row.payment-failed-notice", []);
    public static readonly WordingCode RowResent = new("row.resent", ["row"]);
    public static readonly WordingCode RowTrialExtended = new("row.trial-extended", ["days"]);
    public static readonly WordingCode RowTrialEndMoved = new("row.trial-end-moved", ["by"]);
    public static readonly WordingCode RowDiscountRefund = new("row.discount-refund", ["change"]);
    public static readonly WordingCode RowFewerItemsRefund = new("row.fewer-items-refund", ["change"]);

    // Workflow rows: charges and refunds.
    public static readonly WordingCode OutcomeUnknown = new("outcome-unknown", []);
    public static readonly WordingCode Charged = new("charged", ["amount", "transactionId"]);
    public static readonly WordingCode Declined = new("declined", ["declineReason", "declineCode"]);
    public static readonly WordingCode ChargeNeverSent = new("charge-never-sent", ["status"]);
    public static readonly WordingCode Refunded = new("refunded", ["amount"]);
    public static readonly WordingCode RefundRefused = new("refund-refused", ["declineReason"]);
    public static readonly WordingCode Cancelled = new("cancelled", ["reason"]);
    public static readonly WordingCode HeldAutoPaymentsOff = new("held.auto-payments-off", []);
    public static readonly WordingCode HeldAutoPaymentsDisabledBy = new("held.auto-payments-disabled-by", ["by"]);
    public static readonly WordingCode ChargeMoved = new("charge-moved", ["from", "to"]);

    // Workflow rows: emails.
    public static readonly WordingCode EmailSent = new("email.sent", ["recipient", "messageId"]);
    public static readonly WordingCode EmailNotDelivered = new("email.not-delivered", ["recipient", "error"]);
    public static readonly WordingCode EmailQueued = new("email.queued", ["recipient", "attempts", "error"]);
    public static readonly WordingCode EmailNoAddress = new("email.no-address", []);
    public static readonly WordingCode EmailByTemplates = new("email.by-templates", ["messages"]);
    public static readonly WordingCode EmailNoTemplateMessage = new("email.no-template-message", []);

    // A text inside a sentence: a reason a person gave, or the English an older build stored where a sentence is now a code.
    public static readonly WordingCode Text = new("text", ["text"]);

    // Why the status changed (the history's reason, the status note's reason).
    public static readonly WordingCode ReasonPlaced = new("reason.placed", []);
    public static readonly WordingCode ReasonUpsellPlaced = new("reason.upsell-placed", ["mainOrder"]);
    public static readonly WordingCode ReasonConfirmed = new("reason.confirmed", []);
    public static readonly WordingCode ReasonCancelledBy = new("reason.cancelled-by", ["by"]);
    public static readonly WordingCode ReasonDeleted = new("reason.deleted", []);
    public static readonly WordingCode ReasonFulfillment = new("reason.fulfillment", ["status"]);
    public static readonly WordingCode ReasonFulfillmentCancelled = new("reason.fulfillment-cancelled", []);
    public static readonly WordingCode ReasonAutoCancelled = new("reason.auto-cancelled", ["at"]);
    public static readonly WordingCode ReasonChargeApproved = new("reason.charge-approved", ["charge"]);
    public static readonly WordingCode ReasonPrepaid = new("reason.prepaid", []);
    public static readonly WordingCode ReasonNothingLeftAfter = new("reason.nothing-left-after", ["change"]);
    public static readonly WordingCode ReasonHardDeclined = new("reason.payment-failed.hard-declined", ["declineReason"]);
    public static readonly WordingCode ReasonRetriesDeclined = new("reason.payment-failed.retries-declined", ["retries", "declineReason"]);
    public static readonly WordingCode ReasonRefunded = new("reason.refunded", []);

    // Why waiting rows were cancelled (inside "Cancelled: …").
    public static readonly WordingCode CancelOrderDeleted = new("cancel.order-deleted", []);
    public static readonly WordingCode CancelPaymentFailed = new("cancel.payment-failed", []);
    public static readonly WordingCode CancelOrderRefunded = new("cancel.order-refunded", []);
    public static readonly WordingCode CancelPaidInAdvance = new("cancel.paid-in-advance", []);
    public static readonly WordingCode CancelNothingLeft = new("cancel.nothing-left", []);

    // System notes.
    public static readonly WordingCode NoteStatusChanged = new("note.status-changed", ["from", "to", "reason"]);
    public static readonly WordingCode NoteUpsellPlaced = new("note.upsell-placed", ["mainOrder", "quantity", "name", "shipping", "total"]);
    public static readonly WordingCode NoteUpsellSold = new("note.upsell-sold", ["upsellOrder", "total", "by"]);
    public static readonly WordingCode NoteAutoCancelDisabled = new("note.auto-cancel-disabled", ["by"]);
    public static readonly WordingCode NoteAutoCancelSet = new("note.auto-cancel-set", ["at", "by"]);
    public static readonly WordingCode NoteAnalyticsRemoved = new("note.analytics-removed", ["by"]);
    public static readonly WordingCode NoteAlreadyPaid = new("note.already-paid", ["by", "callId", "comment"]);
    public static readonly WordingCode NoteTaskUpdated = new("note.task-updated", ["taskId", "by", "assignee", "dueAt"]);
    public static readonly WordingCode NoteRefundRefused = new("note.refund-refused", ["amount", "change", "declineReason"]);
    public static readonly WordingCode NoteFullRefund = new("note.refund-full", ["amount", "by", "reason"]);
    public static readonly WordingCode NotePartialRefund = new("note.refund-partial", ["amount", "by", "reason"]);
    public static readonly WordingCode NotePrepayment = new("note.prepayment", ["amount", "by"]);
    public static readonly WordingCode NoteLateCharge = new("note.late-charge", ["amount", "status"]);
    public static readonly WordingCode NoteTrialExtended = new("note.trial-extended", ["from", "to"]);
    public static readonly WordingCode NoteTrialEndMoved = new("note.trial-end-moved", ["from", "to", "by"]);
    public static readonly WordingCode NoteChargesHeld = new("note.charges-held", ["charges"]);
    public static readonly WordingCode NoteChargesReleased = new("note.charges-released", ["charges"]);
    public static readonly WordingCode NoteFulfillmentHeld = new("note.fulfillment-held", ["by", "reason"]);
    public static readonly WordingCode NoteFulfillmentReleased = new("note.fulfillment-released", ["by"]);
    public static readonly WordingCode NoteFulfillmentCancelled = new("note.fulfillment-cancelled", ["by", "reason"]);
    public static readonly WordingCode NoteDiscount = new("note.discount", ["amount", "by", "reason", "refund"]);
    public static readonly WordingCode NoteQuantityDecreased = new("note.quantity-decreased", ["item", "from", "to", "by", "cut", "reason", "refund"]);

    /// <summary>Every code above, found by reflection so that none is forgotten.</summary>
    public static IReadOnlyList<WordingCode> All { get; } = typeof(OrderWording)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(WordingCode))
        .Select(f => (WordingCode)f.GetValue(null)!)
        .ToList();

    /// <summary>An instant as a wording value: ISO 8601, round-trip.</summary>
    public static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A count as a wording value.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
