using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.Messaging;
using OrleansCrm.Testing;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

/// <summary>The SMTP transport's TLS (STARTTLS) and login (AUTH) paths against a real server with a certificate made here.</summary>
public sealed class SmtpTransportSecurityTests : IDisposable
{
    private const string User = "crm";

    private const string Password = "s3cret-pass";

    private static readonly EmailSettings Email = new() { From = "crm@shop.test", FromName = "Shop CRM" };

    private readonly X509Certificate2 certificate = SelfSigned();

    public void Dispose() => certificate.Dispose();

    [Fact]
    public async Task STARTTLS_to_a_server_whose_self_signed_certificate_is_pinned_by_its_SHA_256_delivers_over_TLS()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate });

        await Transport(sink, SmtpSecurity.StartTls, pinned: Sha256(certificate)).DeliverAsync(Message("tls-1"), "<tls-1@orleanscrm>", CancellationToken.None);

        var transaction = Assert.Single(sink.Transactions);
        Assert.Equal((250, true, null), (transaction.ReplyCode, transaction.Secure, transaction.AuthenticatedUser));
        Assert.Equal("tls-1@orleanscrm", Parse(transaction.Email).MessageId);
    }

    [Fact]
    public async Task A_self_signed_certificate_that_is_not_pinned_is_a_transient_TLS_failure_and_nothing_is_sent()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate });

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            Transport(sink, SmtpSecurity.StartTls).DeliverAsync(Message("tls-2"), "<tls-2@orleanscrm>", CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains("TLS", failure.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Transactions);
    }

    [Fact]
    public async Task Auto_takes_STARTTLS_when_the_server_offers_it()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate });

        await Transport(sink, SmtpSecurity.Auto, pinned: Sha256(certificate)).DeliverAsync(Message("tls-3"), "<tls-3@orleanscrm>", CancellationToken.None);

        Assert.True(Assert.Single(sink.Transactions).Secure);
    }

    [Fact]
    public async Task StartTls_to_a_server_that_does_not_offer_it_is_a_transient_failure_and_nothing_is_sent_in_plain_text()
    {
        await using var sink = SmtpSink.Start();

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            Transport(sink, SmtpSecurity.StartTls).DeliverAsync(Message("tls-4"), "<tls-4@orleanscrm>", CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Empty(sink.Transactions);
    }

    [Fact]
    public async Task The_configured_user_and_password_log_in_over_STARTTLS_before_the_message_is_sent()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate, UserName = User, Password = Password });

        await Transport(sink, SmtpSecurity.StartTls, pinned: Sha256(certificate), login: (User, Password))
            .DeliverAsync(Message("auth-1"), "<auth-1@orleanscrm>", CancellationToken.None);

        var transaction = Assert.Single(sink.Transactions);
        Assert.Equal((250, true, User), (transaction.ReplyCode, transaction.Secure, transaction.AuthenticatedUser));
    }

    [Fact]
    public async Task A_wrong_password_is_a_transient_login_failure_and_nothing_is_sent()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate, UserName = User, Password = Password });

        var failure = await Assert.ThrowsAsync<EmailTransportException>(() =>
            Transport(sink, SmtpSecurity.StartTls, pinned: Sha256(certificate), login: (User, "wrong"))
                .DeliverAsync(Message("auth-2"), "<auth-2@orleanscrm>", CancellationToken.None));

        Assert.False(failure.IsPermanent);
        Assert.Contains("login", failure.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Transactions);
    }

    [Fact]
    public async Task The_login_works_without_TLS_when_the_settings_say_None()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { UserName = User, Password = Password });

        await Transport(sink, SmtpSecurity.None, login: (User, Password)).DeliverAsync(Message("auth-3"), "<auth-3@orleanscrm>", CancellationToken.None);

        var transaction = Assert.Single(sink.Transactions);
        Assert.Equal((250, false, User), (transaction.ReplyCode, transaction.Secure, transaction.AuthenticatedUser));
    }

    [Fact]
    public async Task The_settings_read_from_configuration_reach_the_server_with_TLS_and_the_login()
    {
        await using var sink = SmtpSink.Start(new SmtpSinkOptions { Certificate = certificate, UserName = User, Password = Password });
        var settings = EmailSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = sink.Host,
            ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "StartTls",
            ["Smtp:UserName"] = User,
            ["Smtp:Password"] = Password,
            ["Smtp:ServerCertificateSha256"] = string.Join(':', Enumerable.Range(0, 32).Select(i => Sha256(certificate).Substring(i * 2, 2).ToLowerInvariant())),
            ["Smtp:From"] = "crm@shop.test",
        }).Build());
        var transport = new SmtpEmailTransport(settings.Smtp!, settings, new FakeTimeProvider(), NullLogger<SmtpEmailTransport>.Instance);

        await transport.DeliverAsync(Message("conf-1"), "<conf-1@orleanscrm>", CancellationToken.None);

        var transaction = Assert.Single(sink.Transactions);
        Assert.Equal((true, User, "crm@shop.test"), (transaction.Secure, transaction.AuthenticatedUser, transaction.Email.From));
    }

    private static SmtpEmailTransport Transport(SmtpSink sink, SmtpSecurity security, string? pinned = null, (string User, string Password)? login = null) => new(
        new SmtpSettings
        {
            Host = sink.Host,
            Port = sink.Port,
            Security = security,
            ServerCertificateSha256 = pinned,
            UserName = login?.User,
            Password = login?.Password,
        },
        Email,
        new FakeTimeProvider(),
        NullLogger<SmtpEmailTransport>.Instance);

    private static string Sha256(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    /// <summary>A certificate for 127.0.0.1 that no authority signed, with its private key, valid around now.</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        // Through PKCS#12, so the private key is one the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
