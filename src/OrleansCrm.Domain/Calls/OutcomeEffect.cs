namespace OrleansCrm.Domain.Calls;

/// <summary>What a confirmed outcome does beyond recording itself.</summary>
public enum OutcomeEffect
{
    /// <summary>Calling ends (an N outcome, or "conversation completed" without a callback).</summary>
    EndCalling,

    /// <summary>No contact: the contact comes back after the retry delay.</summary>
    Retry,

    /// <summary>The contact comes back at the agreed time.</summary>
    Callback,

    /// <summary>C: the cart becomes a contract with a protocol number.</summary>
    Contract,

    /// <summary>T: the appointment slot is booked in the agent's agenda.</summary>
    Appointment,

    /// <summary>The customer says the order is paid: marked on the order, never called about again.</summary>
    AlreadyPaid,

    /// <summary>The order is cancelled; calling ends.</summary>
    Refusal,

    /// <summary>Wrong number: the number is marked invalid and never called again.</summary>
    InvalidContact,
}
