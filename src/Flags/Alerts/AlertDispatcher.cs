using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Flags.Alerts;

/// <summary>The outcome of delivering one alert over one channel.</summary>
public sealed record Delivery(int AlertId, string Channel, int Attempts, bool Succeeded, string? LastError);

/// <summary>
/// Delivers alerts over every configured channel with retries and exponential backoff, recording every attempt in
/// ops.alert_deliveries. Never throws for a failed delivery: a dead endpoint must not stop the pipeline.
/// </summary>
public sealed class AlertDispatcher(DuckDBConnection warehouse, IReadOnlyList<IAlertChannel> channels, AlertOptions options, TimeProvider clock)
{
    public static IReadOnlyList<IAlertChannel> Channels(AlertOptions options, HttpClient http)
    {
        var channels = new List<IAlertChannel>();
        if (!string.IsNullOrWhiteSpace(options.FilePath)) channels.Add(new FileChannel(options.FilePath));
        if (!string.IsNullOrWhiteSpace(options.Webhook.Url)) channels.Add(new WebhookChannel(options.Webhook, http));
        if (!string.IsNullOrWhiteSpace(options.Email.Host) && options.Email.To.Length > 0) channels.Add(new EmailChannel(options.Email));
        return channels;
    }

    public async Task<IReadOnlyList<Delivery>> DeliverAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellation = default)
    {
        var deliveries = new List<Delivery>();
        foreach (var alert in alerts)
            foreach (var channel in channels)
                deliveries.Add(await DeliverAsync(alert, channel, cancellation));
        return deliveries;
    }

    private async Task<Delivery> DeliverAsync(Alert alert, IAlertChannel channel, CancellationToken cancellation)
    {
        string? error = null;
        var attempts = 1 + Math.Max(0, options.Retries);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                await channel.SendAsync(alert, cancellation);
                Record(alert, channel, attempt, true, null);
                return new Delivery(alert.AlertId, channel.Name, attempt, true, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                error = ex is OperationCanceledException ? "timed out" : ex.Message;
                Record(alert, channel, attempt, false, error);
                if (attempt < attempts)
                    await Task.Delay(TimeSpan.FromMilliseconds(options.BackoffMilliseconds * Math.Pow(2, attempt - 1)), clock, cancellation);
            }
        }
        return new Delivery(alert.AlertId, channel.Name, attempts, false, error);
    }

    private void Record(Alert alert, IAlertChannel channel, int attempt, bool succeeded, string? detail) =>
        warehouse.Execute("insert into ops.alert_deliveries values (?, ?, ?, ?, ?, ?)", alert.AlertId, channel.Name, attempt, clock.GetUtcNow(), succeeded, detail);
}
