using Analytics.Reports.Document;
using Analytics.Reports.Writing;
using F = Analytics.Reports.Writing.Format;

namespace Analytics.Reports.Monthly;

/// <summary>
/// 待办事项, in a college's report only: what the secretary should see to this month, branch by branch — meetings of
/// the last three teaching months not held, members who attended nothing in them (to talk to), members who owe a
/// 七一/八一 pledge and made none. Counts only: no member is named in a PDF.
/// </summary>
internal sealed class CollegeTodoSection : IReportSection
{
    public void Compose(ColumnDescriptor c, ReportContext x)
    {
        var rows = x.Rows("college_todo").Rows;
        var due = rows.Where(r => (F.Number(r["n_meetings_missed"]) ?? 0) > 0 || (F.Number(r["n_members_absent"]) ?? 0) > 0
                                  || (F.Number(r["n_members_unpledged"]) ?? 0) > 0).ToList();
        SectionParts.Heading(c, "待办事项", b => b.Item().Text(due.Count == 0
            ? "本月各支部没有逾期未开的会议，也没有连续三个教学月未参加活动或未作承诺的党员。"
            : $"本月 {due.Count} 个支部有待办事项（近三个教学月应开未开的“三会一课”、连续三个教学月未参加任何活动需谈心谈话的党员、尚未作出七一/八一承诺的党员，只列人数）：", Styles.Body));
        if (due.Count == 0) return;
        c.Item().Table(t =>
        {
            t.Columns(3.2f, 2f, 2.4f, 2.2f, 1.2f);
            t.Header("支部", "未按期召开的会议", "需谈心谈话的党员", "未作承诺的党员", "等次");
            foreach (var r in due)
                t.Row(SectionParts.BranchName(x, r["branch_name"]), Count(r["n_meetings_missed"], "次"), Count(r["n_members_absent"], "名"),
                    Count(r["n_members_unpledged"], "名"), F.Text(r["grade"]));
        });
    }

    private static string Count(object? n, string unit) => F.Number(n) is { } v && v > 0 ? $"{F.Count(v)} {unit}" : "—";
}
