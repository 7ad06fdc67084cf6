using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analytics.Flags.Alerts;

/// <summary>Posts an alert as JSON to a chat robot (企业微信, 钉钉, Slack-style) or a custom template.</summary>
public sealed class WebhookChannel(WebhookOptions options, HttpClient http) : IAlertChannel
{
    public string Name => $"webhook:{options.Format}";

    public async Task SendAsync(Alert alert, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var content = new StringContent(Body(alert), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(options.Url, content, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    public string Body(Alert alert) => options.Format switch
    {
        "wecom" => JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { content = alert.Markdown } }, Json),
        "dingtalk" => JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { title = alert.Title, text = alert.Markdown } }, Json),
        "slack" => JsonSerializer.Serialize(new { text = alert.PlainText }, Json),
        "custom" => Fill(options.Template ?? throw new InvalidOperationException("Alerts:Webhook:Format is custom but Alerts:Webhook:Template is empty."), alert),
        _ => throw new InvalidOperationException($"Alerts:Webhook:Format '{options.Format}' is not one of wecom, dingtalk, slack, custom."),
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Fill(string template, Alert alert)
    {
        string J(object value) => JsonSerializer.Serialize(value, Json);
        return template
            .Replace("{{title}}", J(alert.Title)).Replace("{{markdown}}", J(alert.Markdown)).Replace("{{text}}", J(alert.PlainText))
            .Replace("{{branch_id}}", J(alert.BranchId)).Replace("{{branch_name}}", J(alert.BranchName)).Replace("{{month}}", J(alert.MonthId))
            .Replace("{{kind}}", J(alert.Kind)).Replace("{{audience}}", J(alert.Audience))
            .Replace("{{score}}", alert.Score.ToString("0.####", CultureInfo.InvariantCulture));
    }
}
