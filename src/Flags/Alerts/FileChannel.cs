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
            alert_id = alert.AlertId, kind = alert.Kind, audience = alert.Audience, warning_id = alert.WarningId,
            branch_id = alert.BranchId, branch_name = alert.BranchName, college_name = alert.CollegeName, month = alert.MonthId,
            months_flagged = alert.MonthsFlagged, layers = alert.Layers, score = alert.Score, threshold = alert.Threshold, model_version = alert.ModelVersion,
            reasons = alert.Reasons, overdue_meetings = alert.OverdueMeetings, measures = alert.Measures.Select(m => new { measure = m.Text, due = m.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
            title = alert.Title, text = alert.PlainText,
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await File.AppendAllTextAsync(path, line + "\n", cancellation);
    }
}
