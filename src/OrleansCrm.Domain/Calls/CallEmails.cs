using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>The texts of the booking emails; times are shown on the customer's wall clock with the zone named.</summary>
public static class CallEmails
{
    public static (string Subject, string Body) BookingConfirmation(Booking booking, string agentName) => (
        $"Your appointment on {When(booking)}",
        $"Dear {booking.CustomerName ?? "customer"},\n\nyour appointment with {agentName} is booked for {When(booking)} ({booking.CustomerTimeZone}).\n" +
        $"Booking reference: {booking.Id}.\n\nKind regards,\nCustomer care");

    public static (string Subject, string Body) BookingReminder(Booking booking, string agentName) => (
        $"Reminder: your appointment tomorrow, {When(booking)}",
        $"Dear {booking.CustomerName ?? "customer"},\n\nthis is a reminder of your appointment with {agentName} on {When(booking)} ({booking.CustomerTimeZone}).\n" +
        $"Booking reference: {booking.Id}.\n\nKind regards,\nCustomer care");

    public static (string Subject, string Body) BookingCancelled(Booking booking, string agentName) => (
        $"Your appointment on {When(booking)} is cancelled",
        $"Dear {booking.CustomerName ?? "customer"},\n\nyour appointment with {agentName} on {When(booking)} ({booking.CustomerTimeZone}) is cancelled.\n" +
        $"Booking reference: {booking.Id}.\n\nKind regards,\nCustomer care");

    /// <summary>The manager's copy of an outcome message: who it went to, on which call, then the message itself.</summary>
    public static (string Subject, string Body) ManagerCopy(CallAttempt call, string recipient, CustomerMessage message, string outcomeCode) => (
        $"Copy: {message.Subject}",
        $"Copy of the message sent to {recipient} after call {call.Id} (agent {call.AgentId}, outcome {outcomeCode}).\n\n---\n\n{message.Body}");

    private static string When(Booking booking) =>
        TimeZones.LocalTime(booking.Start, booking.CustomerTimeZone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
