using OrleansCrm.Contracts.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Infrastructure.Messaging;
using OrleansCrm.Testing;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

/// <summary>The SMTP transport against a real SMTP server (the sink), no cluster.</summary>
public sealed class SmtpEmailTransportTests
{
    private static readonly DateTimeOffset Today = new(2026, 5, 4, 14, 30, 0, TimeSpan.Zero);

    private static readonly EmailSettings Email = new() { From = "crm@shop.test", FromName = "Shop CRM" };

    private static SmtpEmailTransport TransportTo(int port) => new(
        new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None },
        Email,
        new FakeTimeProvider(Today),
        NullLogger<SmtpEmailTransport>.Instance);

    [Fact]
    public async Task The_SMTP_transport_delivers_with_the_Message_Id_sender_and_the_Date_of_the_business_clock()
    {
        await using var sink = SmtpSink.Start();
        var message = new EmailMessage("k1", "mario@customers.test", "Mario Rossi", "Booking on 5 May", "See you at 10:00.");

        var reply = await TransportTo(sink.Port).DeliverAsync(message, "<abc123@orleanscrm>", CancellationToken.None);

        Assert.Contains("OK", reply, StringComparison.Ordinal);
        var received = Assert.Single(await sink.WaitForMessagesAsync(1, Wait));
        Assert.Equal("crm@shop.test", received.From);
        Assert.Equal(["mario@customers.test"], received.Recipients);
        var mime = Parse(received);
        Assert.Equal("abc123@orleanscrm", mime.MessageId);
        Assert.Equal("Booking on 5 May", mime.Subject);
        Assert.Equal(("crm@shop.test", "Shop CRM"), (mime.From.Mailboxes.Single().Address, mime.From.Mailboxes.Single().Name));
        Assert.Equal(Today, mime.Date);
        Assert.Equal("See you at 10:00.", mime.TextBody?.Trim());
        Assert.Null(mime.HtmlBody);
    }

    [Fact]
    public async Task An_HTML_body_travels_as_an_alternative_to_the_text_and_non_ASCII_survives()
    {
        await using var sink = SmtpSink.Start();
        var message = new EmailMessage("k2", "lucia@customers.test", "Lucía Peña", "Conferma: 49,95 €", "Grazie, Lucía.", "<p>Grazie, <b>Lucía</b>.</p>");

        await TransportTo(sink.Port).DeliverAsync(message, "<k2@orleanscrm>", CancellationToken.None);

        var mime = Parse(Assert.Single(await sink.WaitForMessagesAsync(1, Wait)));
        Assert.Equal("Conferma: 49,95 €", mime.Subject);
        Assert.Equal("Lucía Peña", mime.To.Mailboxes.Single().Name);
        Assert.Equal("Grazie, Lucía.", mime.TextBody?.Trim());
        Assert.Equal("<p>Grazie, <b>Lucía</b>.</p>", mime.HtmlBody?.Trim());
        Assert.Equal("multipart/alternative", mime.Body?.ContentType.MimeType);
    }

    [Fact]
    public async Task A_line_that_starts_with_a_dot_arrives_intact()
    {
        await using var sink = SmtpSink.Start();
        var message = new EmailMessage("k3", "mario@customers.test", null, "Dots", "first\r\n.\r\n..two dots\r\n.last");

        await TransportTo(sink.Port).DeliverAsync(message, "<k3@orleanscrm>", CancellationToken.None);

        var received = Assert.Single(await sink.WaitForMessagesAsync(1, Wait));
        var mime = Parse(received);
        Assert.Contains("\r\n..two dots\r\n", received.Raw, StringComparison.Ordinal);
        Assert.Equal("first\n.\n..two dots\n.last", mime.TextBody?.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task A_cancellation_once_the_server_has_the_whole_message_waits_for_its_reply_and_reports_it_sent()
    {
        await using var sink = SmtpSink.Start();
        using var stalled = sink.HoldReplies();
        using var attempt = new CancellationTokenSource();

        var delivery = TransportTo(sink.Port).DeliverAsync(Message("k10"), "<k10@orleanscrm>", attempt.Token);
        await stalled.Holding.WaitAsync(Wait); // the server has the data and the terminating dot, its reply held
        await attempt.CancelAsync();
        stalled.Release();

        Assert.Contains("OK", await delivery.WaitAsync(Wait), StringComparison.Ordinal);
        Assert.Equal([250], sink.Transactions.Select(t => t.ReplyCode));
    }

    [Fact]
    public async Task A_cancellation_before_the_message_goes_out_sends_nothing()
    {
        await using var sink = SmtpSink.Start();
        using var attempt = new CancellationTokenSource();
        await attempt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TransportTo(sink.Port).DeliverAsync(Message("k11"), "<k11@orleanscrm>", attempt.Token));

        Assert.Empty(sink.Transactions);
    }

    [Fact]
    public async Task A_451_reply_is_a_transient_failure()
    {
        await using var sink = SmtpSink.Start();
        sink.FailNext(1, SmtpSinkFailure.Transient451);

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            TransportTo(sink.Port).DeliverAsync(Message("k4"), "<k4@orleanscrm>", CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains("451", failure.Message, StringComparison.Ordinal);
        Assert.Equal([451], sink.Transactions.Select(t => t.ReplyCode));
    }

    [Fact]
    public async Task A_550_reply_is_a_permanent_failure()
    {
        await using var sink = SmtpSink.Start();
        sink.FailNext(1, SmtpSinkFailure.Permanent550);

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            TransportTo(sink.Port).DeliverAsync(Message("k5"), "<k5@orleanscrm>", CancellationToken.None));

        Assert.True(failure.IsPermanent);
        Assert.Contains("550", failure.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task A_server_that_is_not_listening_is_a_transient_failure()
    {
        var closedPort = Ports.Free();

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            TransportTo(closedPort).DeliverAsync(Message("k6"), "<k6@orleanscrm>", CancellationToken.None));

        Assert.False(failure.IsPermanent);
    }

    [Fact]
    public async Task A_recipient_that_is_not_an_email_address_is_a_permanent_failure_without_contacting_the_server()
    {
        await using var sink = SmtpSink.Start();

        foreach (var to in new[] { "mario", "mario@customers.test, luigi@customers.test", "Mario <mario@customers.test>", "mario@customers.test\r\nBcc: x@y.test" })
        {
            var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
                TransportTo(sink.Port).DeliverAsync(Message("k7", to: to), "<k7@orleanscrm>", CancellationToken.None));
            Assert.True(failure.IsPermanent, to);
        }

        Assert.Empty(sink.Transactions);
    }
}
