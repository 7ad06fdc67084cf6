using System.Globalization;
using System.Text;

namespace Analytics.Flags.Alerts;

/// <summary>A 整改措施 with the date by which it is expected.</summary>
public sealed record Measure(string Text, DateOnly Due);

/// <summary>
/// An alert about one warning, in Chinese, for the people who act on it: the first alert (首次预警) and the monthly
/// reminder go to the branch's organiser; the escalation (升级督办) goes to the college's secretary; the closing notice
/// (解除预警) to both. Each says what to do: the reasons with their figures, the meetings overdue, the measures and when.
/// </summary>
public sealed record Alert(
    int AlertId,
    string Kind,
    string WarningId,
    string BranchId,
    string BranchName,
    string? CollegeName,
    string MonthId,
    string OpenedMonth,
    int MonthsFlagged,
    IReadOnlyList<string> Layers,
    double Score,
    double Threshold,
    string ModelVersion,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> OverdueMeetings,
    IReadOnlyList<Measure> Measures)
{
    /// <summary>Who the alert is for: the branch (its secretary and organiser) or the college (its secretary).</summary>
    public string Audience => Kind == WarningEvent.Escalate ? "college" : "branch";

    public string MonthText => MonthName(MonthId);

    private string College => CollegeName is null ? "" : $"（{CollegeName}）";

    public string Title => Kind switch
    {
        WarningEvent.Reminder => $"【窑火红】预警提醒：{BranchName}已连续{MonthsFlagged}个月处于预警（{MonthText}）",
        WarningEvent.Escalate => $"【窑火红】预警升级督办：{BranchName}已连续{MonthsFlagged}个月处于预警（{MonthText}）",
        WarningEvent.Close => $"【窑火红】解除预警：{BranchName}（{MonthText}）",
        _ => $"【窑火红】支部预警：{BranchName}（{MonthText}）",
    };

    /// <summary>Markdown, as 企业微信 and 钉钉 robots render it.</summary>
    public string Markdown
    {
        get
        {
            var text = new StringBuilder().Append("### ").Append(Title).Append('\n');
            switch (Kind)
            {
                case WarningEvent.Close:
                    text.Append("**").Append(BranchName).Append("**").Append(College).Append("自").Append(MonthName(OpenedMonth))
                        .Append("起的预警，已连续两个月未再触发预警条件，予以销号（解除预警）。请继续保持，按期开展组织生活。\n");
                    return text.ToString();
                case WarningEvent.Escalate:
                    text.Append("请").Append(CollegeName ?? "所在党总支").Append("书记督办：**").Append(BranchName).Append("**自")
                        .Append(MonthName(OpenedMonth)).Append("起已连续").Append(MonthsFlagged).Append("个月处于预警状态，整改尚未见效。\n");
                    break;
                default:
                    text.Append("**").Append(BranchName).Append("**").Append(College).Append("在").Append(MonthText).Append("触发")
                        .Append(string.Join("、", Layers)).Append(MonthsFlagged > 1 ? $"，自{MonthName(OpenedMonth)}起已连续{MonthsFlagged}个月" : "").Append("。\n");
                    break;
            }
            text.Append("原因：\n");
            foreach (var reason in Reasons) text.Append("- ").Append(reason).Append('\n');
            if (OverdueMeetings.Count > 0)
                text.Append("未按期召开的会议：").Append(string.Join("；", OverdueMeetings)).Append('\n');
            text.Append("整改措施：\n");
            foreach (var m in Measures) text.Append("- ").Append(m.Text).Append("（").Append(m.Due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)).Append("前完成）\n");
            text.Append("责任：").Append(BranchName).Append("书记；督导：").Append(CollegeName ?? "所在党总支").Append('\n');
            return text.ToString();
        }
    }

    /// <summary>Plain text, for e-mail and Slack-style hooks.</summary>
    public string PlainText => Markdown.Replace("### ", "").Replace("**", "");

    public static string MonthName(string monthId) =>
        $"{int.Parse(monthId[..4], CultureInfo.InvariantCulture)}年{int.Parse(monthId[5..], CultureInfo.InvariantCulture)}月";
}
