using Analytics.Reports.Charts;

namespace Analytics.Reports.Writing;

/// <summary>What a report is about and where its pieces come from and go.</summary>
/// <param name="Period">The month (YYYY-MM) of a monthly report, or the year (YYYY) of a year-end one.</param>
/// <param name="Unit">"school" or a college id.</param>
/// <param name="AsOf">The data's as-of time (the last ledger load), printed and used as the PDF's date.</param>
/// <param name="ChartDir">Where each chart is also saved as PNG and SVG.</param>
public sealed record ReportContext(ReportQuery Queries, string Period, string Unit, string UnitName, DateTime AsOf, string ChartDir, string FontPath)
{
    public bool IsSchool => Unit == "school";

    // Several sections read the same query (the year-end overview feeds four): each runs once per report.
    private readonly Dictionary<string, ReportRows> _rows = [];

    public ReportRows Rows(string query)
    {
        if (!_rows.TryGetValue(query, out var rows))
        {
            _rows[query] = rows = Queries.Run(query, Period, Unit);
            _queriesRun.Add(query);
        }
        return rows;
    }

    private readonly List<string> _queriesRun = [];

    /// <summary>The report queries run so far, in the order the report first read them: the evaluators' appendix lists them.</summary>
    public IReadOnlyList<string> QueriesRun => _queriesRun;

    /// <summary>
    /// The Chinese label of a metric column, from the metric catalogue: one name per figure, in every report, the site
    /// and the evaluators' snapshot alike.
    /// </summary>
    public string Label(string column) =>
        Rows("metric_labels").Rows.FirstOrDefault(r => (string?)r["column_name"] == column)?["label_zh"] as string
        ?? throw new InvalidOperationException($"The metric catalogue has no label for {column}.");

    /// <summary>Saves a chart as PNG and SVG beside the PDF (named by report and chart) and returns its vector drawer.</summary>
    public Action<SkiaSharp.SKCanvas, Document.Size> Chart(string name, ScottPlot.Plot plot, int width, int height)
    {
        Directory.CreateDirectory(ChartDir);
        var stem = Path.Combine(ChartDir, $"{(IsSchool ? "school" : "college-" + Unit)}-{name}");
        plot.SavePng(stem + ".png", width * 2, height * 2);
        plot.SaveSvg(stem + ".svg", width, height);
        return ChartStyle.Drawer(plot);
    }
}
