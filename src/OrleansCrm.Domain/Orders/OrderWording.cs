using System.Globalization;
using System.Reflection;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// Every sentence the order writes into a workflow row's result or a system note: the one catalog of codes. The
/// edge keeps a template per code and language.
/// </summary>
public static class OrderWording
{
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
