using System.Text;
using MimeKit;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Testing;

namespace OrleansCrm.Messaging.Tests;

/// <summary>Messages, keys and addresses of their own for each test, and the MIME view of what a server received.</summary>
internal static class Emails
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static string NewKey(string name) => $"{name}-{Guid.NewGuid():N}";

    /// <summary>A recipient no other test uses, so counts at a shared sink stay per test.</summary>
    public static string AddressFor(string key) => $"{key}@customers.test";

    public static EmailMessage Message(string key, string? to = null, string subject = "Your order is confirmed") =>
        new(key, to ?? AddressFor(key), "Mario Rossi", subject, "Thank you for your order.");

    public static MimeMessage Parse(ReceivedEmail email)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(email.Raw));
        return MimeMessage.Load(stream);
    }

    public static MimeMessage Load(string path)
    {
        using var stream = File.OpenRead(path);
        return MimeMessage.Load(stream);
    }

    public static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);
}
