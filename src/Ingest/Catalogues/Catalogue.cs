using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Catalogues;

/// <summary>An activity type of the catalogue, its group (组织生活, 红色文化, 实践服务, 学习) and other spellings.</summary>
public sealed record ActivityType(string Name, string Group, IReadOnlyList<string> Aliases);

/// <summary>A pledge item of 七一工程 or 八一工程.</summary>
public sealed record PledgeItem(string Code, string Programme, string Text);

/// <summary>An organisational-life rule: at least <paramref name="MinCount"/> of a type each period, for the branches it applies to.</summary>
public sealed record OrgLifeRule(string RuleId, string ActivityType, string Period, int MinCount, string AppliesTo, string? Source);

/// <summary>A scoring parameter: a composite-score weight or a grade band's lower bound.</summary>
public sealed record ScoringParameter(string Name, double Value, string Description);

/// <summary>
/// The programme's catalogues, read from editable CSV files (catalogues/*.csv) and mirrored into the warehouse
/// (core.*_catalogue, core.org_life_rules) so SQL models and evaluators see the same lists.
/// </summary>
public sealed record Catalogue(
    IReadOnlyList<ActivityType> ActivityTypes,
    IReadOnlyList<PledgeItem> PledgeItems,
    IReadOnlyList<OrgLifeRule> OrgLifeRules,
    IReadOnlyList<ScoringParameter> Scoring)
{
    public static readonly string[] ScoringNames =
    [
        "weight_participation", "weight_org_life_compliance", "weight_pledge_completion", "weight_influence_index",
        "weight_activity_coverage", "grade_good_min", "grade_fairly_good_min", "grade_fair_min",
        "year_weight_implementation", "year_weight_targets", "year_weight_results", "year_weight_social", "year_timely_days",
        "year_target_reach_per_member", "year_target_publicity_per_branch", "year_target_reads_per_member",
        "year_target_partners_per_branch", "year_target_local_cooperation_per_branch",
    ];

    public static readonly string[] Periods = ["month", "quarter", "year"];
    public static readonly string[] Applicabilities = ["all_branches", "branches_with_committee", "branches_with_party_groups"];

    /// <summary>The catalogue folder: the configured one, else ./catalogues, else the one shipped beside the program.</summary>
    public static string Locate(string? configured = null)
    {
        foreach (var candidate in new[] { configured, "catalogues", Path.Combine(AppContext.BaseDirectory, "catalogues") })
            if (!string.IsNullOrWhiteSpace(candidate) && File.Exists(Path.Combine(candidate, "activity_types.csv")))
                return Path.GetFullPath(candidate);
        throw new InvalidOperationException(
            "No catalogue folder found (looked for activity_types.csv in the configured folder, ./catalogues and beside the program).");
    }

    public static Catalogue Load(string folder)
    {
        var types = Rows(folder, "activity_types.csv", ["activity_type", "type_group", "aliases"])
            .Select(r => new ActivityType(r[0], r[1], r[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        var items = Rows(folder, "pledge_items.csv", ["item", "programme", "item_text"])
            .Select(r => new PledgeItem(r[0], r[1], r[2])).ToList();
        var rules = Rows(folder, "org_life_rules.csv", ["rule_id", "activity_type", "period", "min_count", "applies_to", "source"])
            .Select((r, i) => ParseRule(r, i + 2, types)).ToList();
        foreach (var item in items)
            if (!ValueSets.All["programme"].ContainsKey(item.Programme))
                throw new InvalidOperationException($"pledge_items.csv: item {item.Code} names an unknown programme '{item.Programme}' (expected 七一工程 or 八一工程).");
        var scoring = Rows(folder, "scoring.csv", ["name", "value", "description"])
            .Select((r, i) => double.TryParse(r[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                ? new ScoringParameter(r[0], v, r[2])
                : throw new InvalidOperationException($"scoring.csv line {i + 2}: '{r[1]}' is not a number."))
            .ToList();
        CheckScoring(scoring);
        return new Catalogue(types, items, rules, scoring);
    }

    /// <summary>Replaces the warehouse's copy of the catalogues, all at once.</summary>
    public void WriteTo(DuckDBConnection connection) => connection.InTransaction(() =>
    {
        connection.Execute("delete from core.activity_type_catalogue");
        connection.Execute("delete from core.pledge_item_catalogue");
        connection.Execute("delete from core.org_life_rules");
        connection.Execute("delete from core.scoring_parameters");
        foreach (var p in Scoring) connection.Execute("insert into core.scoring_parameters values (?, ?, ?)", p.Name, p.Value, p.Description);
        foreach (var t in ActivityTypes) connection.Execute("insert into core.activity_type_catalogue values (?, ?)", t.Name, t.Group);
        foreach (var p in PledgeItems) connection.Execute("insert into core.pledge_item_catalogue values (?, ?, ?)", p.Code, p.Programme, p.Text);
        foreach (var r in OrgLifeRules)
            connection.Execute("insert into core.org_life_rules values (?, ?, ?, ?, ?, ?)", r.RuleId, r.ActivityType, r.Period, r.MinCount, r.AppliesTo, r.Source);
    });

    /// <summary>Every accepted spelling of every closed value: (set, match key, canonical value).</summary>
    public IEnumerable<(string Set, string Key, string Canonical)> ValueMap()
    {
        foreach (var (set, values) in ValueSets.All)
            foreach (var (canonical, aliases) in values)
                foreach (var alias in aliases.Append(canonical))
                    yield return (set, ValueSets.MatchKey(alias), canonical);
        foreach (var type in ActivityTypes)
            foreach (var alias in type.Aliases.Append(type.Name))
                yield return ("activity_type", ValueSets.MatchKey(alias), type.Name);
        foreach (var item in PledgeItems)
        {
            yield return ("pledge_item", ValueSets.MatchKey(item.Code), item.Code);
            yield return ("pledge_item", ValueSets.MatchKey(item.Text), item.Code);
            // Ledgers often drop the quotation marks of “党员进教室”.
            yield return ("pledge_item", ValueSets.MatchKey(item.Text.Replace("“", "").Replace("”", "").Replace("\"", "")), item.Code);
        }
    }

    private static void CheckScoring(IReadOnlyList<ScoringParameter> scoring)
    {
        var missing = ScoringNames.Except(scoring.Select(s => s.Name)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"scoring.csv lacks {string.Join(", ", missing)}.");
        var unknown = scoring.Select(s => s.Name).Except(ScoringNames).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"scoring.csv names unknown parameters: {string.Join(", ", unknown)}.");
        var weights = scoring.Where(s => s.Name.StartsWith("weight_", StringComparison.Ordinal)).Sum(s => s.Value);
        if (Math.Abs(weights - 1) > 1e-9) throw new InvalidOperationException($"scoring.csv: the weights add up to {weights}, not 1.");
        var yearWeights = scoring.Where(s => s.Name.StartsWith("year_weight_", StringComparison.Ordinal)).Sum(s => s.Value);
        if (Math.Abs(yearWeights - 1) > 1e-9) throw new InvalidOperationException($"scoring.csv: the year_weight_ weights add up to {yearWeights}, not 1.");
        var nonPositive = scoring.Where(s => s.Name.StartsWith("year_target_", StringComparison.Ordinal) && s.Value <= 0).Select(s => s.Name).ToList();
        if (nonPositive.Count > 0) throw new InvalidOperationException($"scoring.csv: targets must be above 0: {string.Join(", ", nonPositive)}.");
        double Get(string n) => scoring.Single(s => s.Name == n).Value;
        if (!(Get("grade_good_min") > Get("grade_fairly_good_min") && Get("grade_fairly_good_min") > Get("grade_fair_min")))
            throw new InvalidOperationException("scoring.csv: grade bands must fall: grade_good_min > grade_fairly_good_min > grade_fair_min.");
    }

    private static OrgLifeRule ParseRule(List<string> r, int line, IReadOnlyList<ActivityType> types)
    {
        string Where() => $"org_life_rules.csv line {line}";
        if (types.All(t => t.Name != r[1])) throw new InvalidOperationException($"{Where()}: unknown activity type '{r[1]}'.");
        if (!Periods.Contains(r[2])) throw new InvalidOperationException($"{Where()}: period '{r[2]}' is not one of {string.Join(", ", Periods)}.");
        if (!int.TryParse(r[3], out var min) || min < 1) throw new InvalidOperationException($"{Where()}: min_count '{r[3]}' must be a whole number ≥ 1.");
        if (!Applicabilities.Contains(r[4])) throw new InvalidOperationException($"{Where()}: applies_to '{r[4]}' is not one of {string.Join(", ", Applicabilities)}.");
        return new OrgLifeRule(r[0], r[1], r[2], min, r[4], r.Count > 5 && r[5].Length > 0 ? r[5] : null);
    }

    private static IEnumerable<List<string>> Rows(string folder, string file, string[] header)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new InvalidOperationException($"Catalogue file '{path}' is missing.");
        var records = CsvRecordReader.ReadAll(path);
        if (records.Count == 0 || !records[0].Take(header.Length).SequenceEqual(header))
            throw new InvalidOperationException($"Catalogue file '{path}' must start with the header {string.Join(",", header)}.");
        return records.Skip(1).Select(r => { while (r.Count < header.Length) r.Add(""); return r.Select(f => f.Trim()).ToList(); });
    }
}
