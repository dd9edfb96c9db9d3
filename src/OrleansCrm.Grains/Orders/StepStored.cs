namespace OrleansCrm.Grains.Orders;

/// <summary>How a workflow step run in a round of due work gets stored.</summary>
internal enum StepStored
{
    /// <summary>By the round's write (a charge's answer, a skipped email, a template's messages, a refund, an auto-cancel).</summary>
    WithTheRound,

    /// <summary>
    /// By the outbox's report after its attempt: the order's own email handed over and still queued, under a key derived
    /// from the order and the row, so handing it over again after a crash is answered from the outbox's record.
    /// </summary>
    ByTheOutboxReport,
}
