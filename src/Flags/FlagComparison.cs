namespace Analytics.Flags;

/// <summary>How one layer of the warning did on rows with a known truth: flagged rows, precision and recall.</summary>
public sealed record LayerJudgement(string Layer, int Rows, int Positives, int Flagged, double Precision, double Recall);

/// <summary>
/// Rules alone, the model alone and the two combined, judged on the same rows against one truth (述职评议 grades of a
/// year the model did not learn from, or a ground truth). A layer that could not be judged honestly on those rows (the
/// model on the year it learned from) is left out and <see cref="Note"/> says why.
/// </summary>
public sealed record FlagComparison(string Against, string RowsJudged, IReadOnlyList<LayerJudgement> Layers, string? Note)
{
    public const string Rules = "rules";
    public const string Model = "model";
    public const string Combined = "combined";

    public static FlagComparison Judge(string against, string rowsJudged, IReadOnlyList<BranchFlag> rows, Func<BranchFlag, bool> truth, bool modelJudged, string? note = null)
    {
        var layers = new List<(string Name, Func<BranchFlag, bool> Flagged)> { (Rules, f => f.RuleFlagged) };
        if (modelJudged) layers.Add((Model, f => f.ModelFlagged));
        // The combined flag as stored: in a month the model learned from, the rules' alone.
        layers.Add((Combined, f => f.IsFlagged));
        var judged = layers.Select(l =>
        {
            var (precision, recall) = LaggingModel.PrecisionRecall(rows.Select(r => (l.Flagged(r), truth(r))));
            return new LayerJudgement(l.Name, rows.Count, rows.Count(truth), rows.Count(l.Flagged), precision, recall);
        }).ToList();
        return new FlagComparison(against, rowsJudged, judged, note);
    }

    public LayerJudgement? Layer(string name) => Layers.FirstOrDefault(l => l.Layer == name);
}
