namespace Analytics.Flags.Alerts;

/// <summary>A way alerts reach people. Send throws on failure; the dispatcher retries and records.</summary>
public interface IAlertChannel
{
    string Name { get; }

    Task SendAsync(Alert alert, CancellationToken cancellation);
}
