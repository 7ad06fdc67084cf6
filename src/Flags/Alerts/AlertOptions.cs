namespace Analytics.Flags.Alerts;

/// <summary>Where alerts go and how hard delivery tries. Without a webhook or SMTP host, only the file sink is used.</summary>
public sealed class AlertOptions
{
    /// <summary>JSON-lines file every alert is appended to; empty to turn the file sink off.</summary>
    public string? FilePath { get; set; }

    public WebhookOptions Webhook { get; set; } = new();
    public EmailOptions Email { get; set; } = new();

    /// <summary>A warning flagged this many months in a row is escalated to its college's secretary (升级督办).</summary>
    public int EscalateAfterMonths { get; set; } = 3;

    /// <summary>A warning is closed (销号) after this many teaching months in a row without meeting the condition.</summary>
    public int CloseAfterMonths { get; set; } = 2;

    /// <summary>Attempts after the first one, per alert and channel.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Wait before the first retry; it doubles with each further one.</summary>
    public int BackoffMilliseconds { get; set; } = 1000;
}

public sealed class WebhookOptions
{
    public string? Url { get; set; }

    /// <summary>wecom (企业微信 markdown robot), dingtalk (钉钉 markdown robot), slack, or custom (see <see cref="Template"/>).</summary>
    public string Format { get; set; } = "wecom";

    /// <summary>For format custom: a JSON body with placeholders {{title}}, {{markdown}}, {{text}}, {{branch_id}}, {{branch_name}}, {{month}}, {{kind}} (open, reminder, escalate, close), {{audience}} (branch, college), {{score}}, each replaced by a JSON value.</summary>
    public string? Template { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

public sealed class EmailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "kiln-fire-red@localhost";
    public string[] To { get; set; } = [];
    public string? User { get; set; }

    /// <summary>A secret: used to log in, never printed or logged.</summary>
    public string? Password { get; set; }

    /// <summary>STARTTLS when the server offers it (auto), or none.</summary>
    public bool UseTls { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}
