using System.Text.Json;

namespace Analytics.Flags.Alerts;

/// <summary>Appends each alert as one JSON line to a file: the default, so the demo needs no server.</summary>
public sealed class FileChannel(string path) : IAlertChannel
{
    public string Name => "file";

    public async Task SendAsync(Alert alert, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = JsonSerializer.Serialize(new
        {
            alert_id = alert.AlertId, branch_id = alert.BranchId, branch_name = alert.BranchName, month = alert.MonthId,
            score = alert.Score, threshold = alert.Threshold, model_version = alert.ModelVersion, reasons = alert.Reasons, title = alert.Title,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await File.AppendAllTextAsync(path, line + "\n", cancellation);
    }
}
