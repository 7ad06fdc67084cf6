using System.Globalization;
using System.Text;

namespace Analytics.Flags.Alerts;

/// <summary>
/// An alert: a branch flagged in a month, with the reasons that are new (a flag that persists from the month before
/// alerts only for reasons it did not have then). Texts are in Chinese, for organisers.
/// </summary>
public sealed record Alert(int AlertId, string BranchId, string BranchName, string? CollegeName, string MonthId, double Score, double Threshold,
    string ModelVersion, IReadOnlyList<string> Topics, IReadOnlyList<string> Reasons)
{
    public string MonthText => $"{int.Parse(MonthId[..4], CultureInfo.InvariantCulture)}年{int.Parse(MonthId[5..], CultureInfo.InvariantCulture)}月";

    public string Title => $"【窑火红】支部预警：{BranchName}（{MonthText}）";

    /// <summary>Markdown, as 企业微信 and 钉钉 robots render it.</summary>
    public string Markdown
    {
        get
        {
            var text = new StringBuilder()
                .Append("### ").Append(Title).Append('\n')
                .Append("**").Append(BranchName).Append("**");
            if (CollegeName is not null) text.Append("（").Append(CollegeName).Append("）");
            text.Append("在").Append(MonthText).Append("被判定为可能落后，得分 ")
                .Append(Score.ToString("0.00", CultureInfo.InvariantCulture)).Append("（阈值 ")
                .Append(Threshold.ToString("0.00", CultureInfo.InvariantCulture)).Append("）。\n原因：\n");
            foreach (var reason in Reasons) text.Append("- ").Append(reason).Append('\n');
            text.Append("请及时了解情况，督促整改。\n模型版本：").Append(ModelVersion);
            return text.ToString();
        }
    }

    /// <summary>Plain text, for e-mail and Slack-style hooks.</summary>
    public string PlainText => Markdown.Replace("### ", "").Replace("**", "");
}
