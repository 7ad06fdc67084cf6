using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Analytics.Flags.Alerts;

/// <summary>Sends an alert as a plain-text e-mail in Chinese through an SMTP server (MailKit).</summary>
public sealed class EmailChannel(EmailOptions options) : IAlertChannel
{
    public string Name => "email";

    public async Task SendAsync(Alert alert, CancellationToken cancellation)
    {
        var message = new MimeMessage { Subject = alert.Title, Body = new TextPart("plain") { Text = alert.PlainText } };
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To) message.To.Add(MailboxAddress.Parse(to));
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        await client.ConnectAsync(options.Host, options.Port, options.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellation);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", cancellation);
        await client.SendAsync(message, cancellation);
        await client.DisconnectAsync(true, cancellation);
    }
}
