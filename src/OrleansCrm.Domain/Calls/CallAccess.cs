using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// Who may do what with another agent's work — the one place the rule lives. An agent works on their own calls;
/// supervisors and admins see and work on all. A colleague's call is readable once it is confirmed (it is part of
/// the shared customer's history, as the customer's calls tab shows it); an open call's draft, a discarded call and
/// every recording stay the author's. The linked order is set by the author or an admin only (it decides whose
/// sale it was). A booking is cancelled by the agent whose agenda holds it, the agent whose call made it (or who
/// confirmed that call), a supervisor or an admin.
/// </summary>
public static class CallAccess
{
    public static void Check(CallAttempt call, CallUse use, string userId, bool isAgent, bool isAdmin)
    {
        var own = call.AgentId == userId;
        var allowed = use switch
        {
            CallUse.LinkOrder => own || isAdmin,
            _ when !isAgent => true,
            CallUse.Read => own || call.Status == CallStatus.Confirmed,
            _ => own,
        };

        if (allowed)
        {
            return;
        }

        throw use switch
        {
            CallUse.LinkOrder => new DomainException(ProblemKind.Forbidden, "Not the call's author",
                $"Only agent '{call.AgentId}' (who made call '{call.Id}') or an admin can change its linked order."),
            CallUse.HearRecording => new DomainException(ProblemKind.Forbidden, "Another agent's recording",
                $"The recording of call '{call.Id}' is for agent '{call.AgentId}', supervisors and admins only."),
            CallUse.Read => new DomainException(ProblemKind.Forbidden, "Another agent's call",
                $"Call '{call.Id}' belongs to agent '{call.AgentId}'; a colleague's call can be read once it is confirmed."),
            _ => new DomainException(ProblemKind.Forbidden, "Another agent's call", $"Call '{call.Id}' belongs to agent '{call.AgentId}'."),
        };
    }

    public static void CheckCancel(Booking booking, string userId, bool isAgent)
    {
        if (isAgent && booking.AgentId != userId && booking.BookedBy != userId && booking.CallAgentId != userId)
        {
            throw new DomainException(ProblemKind.Forbidden, "Another agent's booking",
                $"Booking '{booking.Id}' is in agent '{booking.AgentId}''s agenda, made on a call of '{booking.CallAgentId ?? booking.BookedBy}'; only they, supervisors and admins cancel it.");
        }
    }
}
