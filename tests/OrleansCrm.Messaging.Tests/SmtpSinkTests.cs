using System.Net.Sockets;
using System.Text;
using OrleansCrm.Testing;

namespace OrleansCrm.Messaging.Tests;

/// <summary>
/// The test SMTP server itself, spoken to line by line. It is the SmtpServer library, which answers a command out of
/// sequence with 501 (RFC 5321 says 503) and an unknown verb with 502 (the hand-written sink said 500): those
/// replies are asserted as the library's codes; the conversation and what is recorded are as before.
/// </summary>
public sealed class SmtpSinkTests
{
    [Fact]
    public async Task The_sink_speaks_SMTP_with_RSET_NOOP_and_dot_unstuffing_on_loopback_only()
    {
        await using var sink = SmtpSink.Start();
        Assert.Equal("127.0.0.1", sink.Host);
        using var client = new TcpClient();
        await client.ConnectAsync(sink.Host, sink.Port);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        async Task<string> Say(string line)
        {
            await writer.WriteLineAsync(line);
            var reply = await reader.ReadLineAsync();
            while (reply is not null && reply.Length > 3 && reply[3] == '-')
            {
                reply = await reader.ReadLineAsync();
            }

            return reply![..3];
        }

        Assert.StartsWith("220", await reader.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal("501", await Say("MAIL FROM:<crm@shop.test>"));
        Assert.Equal("250", await Say("EHLO client.test"));
        Assert.Equal("501", await Say("RCPT TO:<nobody@customers.test>"));
        Assert.Equal("250", await Say("MAIL FROM:<crm@shop.test>"));
        Assert.Equal("250", await Say("RCPT TO:<dropped@customers.test>"));
        Assert.Equal("250", await Say("RSET"));
        Assert.Equal("501", await Say("DATA"));
        Assert.Equal("250", await Say("NOOP"));
        Assert.Equal("250", await Say("MAIL FROM:<crm@shop.test> BODY=7BIT"));
        Assert.Equal("250", await Say("RCPT TO:<mario@customers.test>"));
        Assert.Equal("250", await Say("RCPT TO:<luigi@customers.test>"));
        Assert.Equal("354", await Say("DATA"));
        await writer.WriteLineAsync("Subject: dots");
        await writer.WriteLineAsync(string.Empty);
        await writer.WriteLineAsync("..");
        await writer.WriteLineAsync("..leading dot");
        Assert.Equal("250", await Say("."));
        Assert.Equal("502", await Say("VRFX"));
        Assert.Equal("221", await Say("QUIT"));

        var received = Assert.Single(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
        Assert.Equal("crm@shop.test", received.From);
        Assert.Equal(["mario@customers.test", "luigi@customers.test"], received.Recipients);
        Assert.Equal("Subject: dots\r\n\r\n.\r\n.leading dot\r\n", received.Raw);
    }

    [Fact]
    public async Task Waiting_for_more_messages_than_arrive_ends_in_a_timeout_not_a_hang()
    {
        await using var sink = SmtpSink.Start();

        await Assert.ThrowsAsync<TimeoutException>(() => sink.WaitForMessagesAsync(1, TimeSpan.FromMilliseconds(100)));
    }
}
