using OrleansCrm.Contracts.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Infrastructure.Messaging;

namespace OrleansCrm.Messaging.Tests;

public sealed class EmailRegistrationTests
{
    [Fact]
    public void Without_Smtp_Host_email_is_written_to_the_pickup_folder()
    {
        using var services = Build([]);

        var transport = Assert.IsType<PickupFolderEmailTransport>(services.GetRequiredService<IEmailTransport>());

        Assert.Equal(Path.Combine(Path.GetTempPath(), "orleanscrm-mail"), transport.Folder);
        Assert.Null(services.GetRequiredService<EmailSettings>().Smtp);
    }

    [Fact]
    public void With_Smtp_Host_email_goes_over_SMTP_with_the_defaults()
    {
        using var services = Build(new() { ["Smtp:Host"] = "mail.example.com" });

        Assert.IsType<SmtpEmailTransport>(services.GetRequiredService<IEmailTransport>());
        var settings = services.GetRequiredService<EmailSettings>();
        Assert.Equal(("mail.example.com", 25, SmtpSecurity.Auto, null), (settings.Smtp!.Host, settings.Smtp.Port, settings.Smtp.Security, settings.Smtp.UserName));
        Assert.Equal(("crm@localhost", "OrleansCrm"), (settings.From, settings.FromName));
    }

    [Fact]
    public void Every_SMTP_setting_is_read()
    {
        var settings = EmailSettings.Read(Configuration(new()
        {
            ["Smtp:Host"] = "smtp.example.com",
            ["Smtp:Port"] = "587",
            ["Smtp:From"] = "orders@example.com",
            ["Smtp:FromName"] = "Example Orders",
            ["Smtp:UserName"] = "crm",
            ["Smtp:Password"] = "s3cret",
            ["Smtp:Security"] = "starttls",
            ["Email:PickupFolder"] = "/var/mail/pickup",
        }));

        Assert.Equal(("smtp.example.com", 587, "crm", "s3cret", SmtpSecurity.StartTls), (settings.Smtp!.Host, settings.Smtp.Port, settings.Smtp.UserName, settings.Smtp.Password, settings.Smtp.Security));
        Assert.Equal(("orders@example.com", "Example Orders", "/var/mail/pickup"), (settings.From, settings.FromName, settings.PickupFolder));
    }

    [Theory]
    [InlineData("Smtp:Port", "twenty-five", "Smtp:Port")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port")]
    [InlineData("Smtp:Security", "Maybe", "Smtp:Security")]
    [InlineData("Smtp:Security", "2", "Smtp:Security")]
    [InlineData("Smtp:From", "not an address", "Smtp:From")]
    [InlineData("Smtp:UserName", "crm", "Smtp:Password")]
    [InlineData("Smtp:Password", "s3cret", "Smtp:UserName")]
    [InlineData("Smtp:ServerCertificateSha256", "not-a-fingerprint", "Smtp:ServerCertificateSha256")]
    [InlineData("Smtp:ServerCertificateSha256", "AB:CD", "Smtp:ServerCertificateSha256")]
    public void A_bad_SMTP_setting_stops_startup_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddCrmEmail(Configuration(new() { ["Smtp:Host"] = "mail.example.com", [key] = value })));

        Assert.Contains($"'{named}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_SMTP_setting_without_Smtp_Host_stops_startup_naming_Smtp_Host()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddCrmEmail(Configuration(new() { ["Smtp:Port"] = "587" })));

        Assert.Contains("'Smtp:Host'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transport_registered_before_is_kept_and_the_outbox_is_registered()
    {
        var mine = new PickupFolderEmailTransport(new EmailSettings(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PickupFolderEmailTransport>.Instance);
        var collection = new ServiceCollection().AddSingleton<IEmailTransport>(mine);

        collection.AddCrmEmail(Configuration(new() { ["Smtp:Host"] = "mail.example.com" }));

        Assert.Single(collection, d => d.ServiceType == typeof(IEmailTransport));
        Assert.Single(collection, d => d.ServiceType == typeof(IEmailOutbox) && d.ImplementationType == typeof(EmailOutbox));
        using var services = collection.AddLogging().BuildServiceProvider();
        Assert.Same(mine, services.GetRequiredService<IEmailTransport>());
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceProvider Build(Dictionary<string, string?> values) =>
        new ServiceCollection().AddLogging().AddCrmEmail(Configuration(values)).BuildServiceProvider();
}
