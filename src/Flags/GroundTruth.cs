using System.Text.Json;

namespace Analytics.Flags;

/// <summary>
/// The demo generator's ground truth (ground-truth.json): which branches were made to lag, from which month. A branch
/// lags in every month from then on.
/// </summary>
public sealed class GroundTruth(IReadOnlyDictionary<string, string> fromMonth)
{
    public static GroundTruth Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var branches = document.RootElement.GetProperty("lagging_branches").EnumerateArray()
            .ToDictionary(b => b.GetProperty("branch_id").GetString()!, b => b.GetProperty("from_month").GetString()!);
        return new GroundTruth(branches);
    }

    public bool Lags(string branchId, string monthId) =>
        fromMonth.TryGetValue(branchId, out var from) && string.CompareOrdinal(monthId, from) >= 0;

    public IReadOnlyCollection<string> Branches => fromMonth.Keys.ToList();
}
