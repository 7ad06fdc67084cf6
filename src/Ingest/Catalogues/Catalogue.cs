using System.Security.Cryptography;
using System.Text.Json;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Catalogues;

/// <summary>An activity type of the catalogue, its group (组织生活, 红色文化, 实践服务, 学习) and other spellings.</summary>
public sealed record ActivityType(string Name, string Group, IReadOnlyList<string> Aliases);

/// <summary>
/// A pledge item of 七一工程 or 八一工程. <paramref name="DueMonthOfYear"/>, where set, is the month by whose end the item
/// is due (暑期三下乡 by the end of the summer); an item without one is expected pro rata over the programme year.
/// </summary>
public sealed record PledgeItem(string Code, string Programme, string Text, int? DueMonthOfYear = null);

/// <summary>An organisational-life rule: at least <paramref name="MinCount"/> of a type each period, for the branches it applies to.</summary>
public sealed record OrgLifeRule(string RuleId, string ActivityType, string Period, int MinCount, string AppliesTo, string? Source);

/// <summary>A scoring parameter: a composite-score weight or a grade band's lower bound.</summary>
public sealed record ScoringParameter(string Name, double Value, string Description);

/// <summary>A month of the academic year that is a break (寒假, 暑假): not a lapse, and not counted against a branch.</summary>
public sealed record AcademicBreak(int MonthOfYear, string BreakName, string? Note);

/// <summary>
/// An early-warning rule (规则预警): a figure of the last three teaching months against a line. <paramref name="Breach"/>
/// is below (the figure under the line breaches) or at_least (the figure at or over it breaches); <paramref name="MinConcerned"/>,
/// where set, also asks for that many meetings missed or members absent, so that a small branch is not flagged for one or two.
/// A rule that <paramref name="CapsGrade"/> is a duty visibly missed: a branch that breaches it is graded 一般 at best,
/// whatever its score, so that a grade and a warning never contradict.
/// </summary>
public sealed record WarningRule(string RuleId, string Label, double? Line, string Breach, int? MinConcerned, int FromMonthOfYear, IReadOnlyList<string> Categories, string Topic, string? Reasoning, bool CapsGrade = false);

/// <summary>A branch category (教工, 学生, 机关, 离退休) and whether its members owe 七一/八一 pledges.</summary>
public sealed record BranchCategory(string Category, bool OwesPledges, string? Note);

/// <summary>The 整改措施 for a warning topic, and the days the branch has to carry it out.</summary>
public sealed record RemediationMeasure(string Topic, string Measure, int Days);

/// <summary>When each college is expected to send a ledger kind: monthly ones by a day of the month after (按时报送).</summary>
public sealed record LedgerDeadline(string Kind, string Label, bool IsMonthly, int? DueDay, string? Note);

/// <summary>
/// The programme's catalogues, read from editable CSV files (catalogues/*.csv) and mirrored into the warehouse
/// (core.*_catalogue, core.org_life_rules) so SQL models and evaluators see the same lists.
/// </summary>
public sealed record Catalogue(
    IReadOnlyList<ActivityType> ActivityTypes,
    IReadOnlyList<PledgeItem> PledgeItems,
    IReadOnlyList<OrgLifeRule> OrgLifeRules,
    IReadOnlyList<ScoringParameter> Scoring,
    IReadOnlyList<AcademicBreak> AcademicCalendar,
    IReadOnlyList<WarningRule> WarningRules,
    IReadOnlyList<RemediationMeasure> Measures,
    IReadOnlyList<BranchCategory> Categories,
    IReadOnlyList<LedgerDeadline> Deadlines)
{
    public static readonly string[] Breaches = ["below", "at_least"];

    public static readonly string[] ScoringNames =
    [
        "weight_participation", "weight_attendance", "weight_org_life_compliance", "weight_pledge_coverage", "weight_pledge_progress", "weight_influence_index",
        "weight_activity_coverage", "pledge_year_start_month", "pledge_expected_by_december", "activity_coverage_target", "grade_good_min", "grade_fairly_good_min", "grade_fair_min",
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
        var items = Rows(folder, "pledge_items.csv", ["item", "programme", "item_text"], ["due_month_of_year"])
            .Select((r, i) => new PledgeItem(r[0], r[1], r[2], r[3].Length == 0 ? null
                : int.TryParse(r[3], out var due) && due is >= 1 and <= 12 ? due
                : throw new InvalidOperationException($"pledge_items.csv line {i + 2}: due_month_of_year '{r[3]}' must be empty or 1…12."))).ToList();
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
        var calendar = Rows(folder, "academic_calendar.csv", ["month_of_year", "break_name", "note"])
            .Select((r, i) => int.TryParse(r[0], out var m) && m is >= 1 and <= 12
                ? new AcademicBreak(m, r[1], r[2].Length > 0 ? r[2] : null)
                : throw new InvalidOperationException($"academic_calendar.csv line {i + 2}: month_of_year '{r[0]}' must be 1…12.")).ToList();
        var warningRules = Rows(folder, "warning_rules.csv", ["rule_id", "label", "line", "breach", "min_concerned", "from_month_of_year", "categories", "topic", "reasoning"], ["caps_grade"])
            .Select((r, i) => ParseWarningRule(r, i + 2)).ToList();
        var measures = Rows(folder, "remediation_measures.csv", ["topic", "measure", "days"])
            .Select((r, i) => int.TryParse(r[2], out var d) && d > 0
                ? new RemediationMeasure(r[0], r[1], d)
                : throw new InvalidOperationException($"remediation_measures.csv line {i + 2}: days '{r[2]}' must be a whole number above 0.")).ToList();
        var unmeasured = warningRules.Select(w => w.Topic).Except(measures.Select(m => m.Topic)).ToList();
        if (unmeasured.Count > 0)
            throw new InvalidOperationException($"remediation_measures.csv has no measure for the warning topic(s) {string.Join(", ", unmeasured)} of warning_rules.csv.");
        var categories = Rows(folder, "branch_categories.csv", ["category", "owes_pledges", "note"])
            .Select((r, i) => r[1] is "yes" or "no" ? new BranchCategory(r[0], r[1] == "yes", r[2].Length > 0 ? r[2] : null)
                : throw new InvalidOperationException($"branch_categories.csv line {i + 2}: owes_pledges '{r[1]}' must be yes or no.")).ToList();
        var deadlines = Rows(folder, "ledger_deadlines.csv", ["kind", "label", "is_monthly", "due_day", "note"])
            .Select((r, i) => ParseDeadline(r, i + 2)).ToList();
        return new Catalogue(types, items, rules, scoring, calendar, warningRules, measures, categories, deadlines);
    }

    private static LedgerDeadline ParseDeadline(IReadOnlyList<string> r, int line)
    {
        if (LedgerContracts.All.All(c => c.Name != r[0]))
            throw new InvalidOperationException($"ledger_deadlines.csv line {line}: '{r[0]}' is no ledger kind (expected one of {string.Join(", ", LedgerContracts.All.Select(c => c.Name))}).");
        if (r[2] is not ("yes" or "no"))
            throw new InvalidOperationException($"ledger_deadlines.csv line {line}: is_monthly '{r[2]}' must be yes or no.");
        int? due = r[3].Length == 0 ? null
            : int.TryParse(r[3], out var day) && day is >= 1 and <= 28 ? day
            : throw new InvalidOperationException($"ledger_deadlines.csv line {line}: due_day '{r[3]}' must be empty or 1…28.");
        if (r[2] == "yes" && due is null)
            throw new InvalidOperationException($"ledger_deadlines.csv line {line}: a monthly ledger needs a due_day.");
        return new LedgerDeadline(r[0], r[1], r[2] == "yes", due, r[4].Length > 0 ? r[4] : null);
    }

    /// <summary>
    /// Replaces the warehouse's copy of the catalogues, all at once, unless it holds these already (the hash of their
    /// content is kept beside them): every ingest run and model build writes them, and rewriting their hundred rows
    /// took 0.4 s each time (a rebuild from the archive wrote them once per file it replayed).
    /// </summary>
    public void WriteTo(DuckDBConnection connection)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this)));
        if (connection.Scalar<string?>("select max(content_hash) from core.catalogue_version") == hash) return;
        connection.InTransaction(() =>
        {
            Write(connection);
            connection.Execute("delete from core.catalogue_version");
            connection.Execute("insert into core.catalogue_version values (?, now())", hash);
        });
    }

    private void Write(DuckDBConnection connection)
    {
        connection.Execute("delete from core.activity_type_catalogue");
        connection.Execute("delete from core.pledge_item_catalogue");
        connection.Execute("delete from core.org_life_rules");
        connection.Execute("delete from core.scoring_parameters");
        connection.Execute("delete from core.academic_calendar");
        connection.Execute("delete from core.warning_rules");
        connection.Execute("delete from core.remediation_measures");
        connection.Execute("delete from core.branch_categories");
        connection.Execute("delete from core.ledger_deadlines");
        foreach (var d in Deadlines) connection.Execute("insert into core.ledger_deadlines values (?, ?, ?, ?, ?)", d.Kind, d.Label, d.IsMonthly, d.DueDay, d.Note);
        foreach (var c in Categories) connection.Execute("insert into core.branch_categories values (?, ?, ?)", c.Category, c.OwesPledges, c.Note);
        foreach (var b in AcademicCalendar) connection.Execute("insert into core.academic_calendar values (?, ?, ?)", b.MonthOfYear, b.BreakName, b.Note);
        foreach (var w in WarningRules)
            connection.Execute("insert into core.warning_rules values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", w.RuleId, w.Label, w.Line, w.Breach, w.MinConcerned, w.FromMonthOfYear, w.Categories.ToList(), w.Topic, w.Reasoning, w.CapsGrade);
        foreach (var m in Measures) connection.Execute("insert into core.remediation_measures values (?, ?, ?)", m.Topic, m.Measure, m.Days);
        foreach (var p in Scoring) connection.Execute("insert into core.scoring_parameters values (?, ?, ?)", p.Name, p.Value, p.Description);
        foreach (var t in ActivityTypes) connection.Execute("insert into core.activity_type_catalogue values (?, ?)", t.Name, t.Group);
        foreach (var p in PledgeItems) connection.Execute("insert into core.pledge_item_catalogue values (?, ?, ?, ?)", p.Code, p.Programme, p.Text, p.DueMonthOfYear);
        foreach (var r in OrgLifeRules)
            connection.Execute("insert into core.org_life_rules values (?, ?, ?, ?, ?, ?)", r.RuleId, r.ActivityType, r.Period, r.MinCount, r.AppliesTo, r.Source);
    }

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

    private static WarningRule ParseWarningRule(List<string> r, int line)
    {
        string Where() => $"warning_rules.csv line {line}";
        double? value = r[2].Length == 0 ? null
            : double.TryParse(r[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : throw new InvalidOperationException($"{Where()}: line '{r[2]}' is not a number (or empty: the grade band 一般's lower bound).");
        if (!Breaches.Contains(r[3])) throw new InvalidOperationException($"{Where()}: breach '{r[3]}' is not one of {string.Join(", ", Breaches)}.");
        int? minConcerned = r[4].Length == 0 ? null : int.TryParse(r[4], out var mc) && mc >= 1 ? mc
            : throw new InvalidOperationException($"{Where()}: min_concerned '{r[4]}' must be empty or a whole number ≥ 1.");
        if (!int.TryParse(r[5], out var from) || from is < 1 or > 12) throw new InvalidOperationException($"{Where()}: from_month_of_year '{r[5]}' must be 1…12.");
        var categories = r[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var capsGrade = r[9] is "" or "no" ? false : r[9] == "yes" ? true
            : throw new InvalidOperationException($"{Where()}: caps_grade '{r[9]}' must be yes, no or empty.");
        return new WarningRule(r[0], r[1], value, r[3], minConcerned, from, categories, r[7], r[8].Length > 0 ? r[8] : null, capsGrade);
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

    /// <summary>
    /// The rows of a catalogue file, each padded to the required and optional columns. Optional columns came later:
    /// a file written before them (an installation's edited copy) still loads, with those fields empty.
    /// </summary>
    private static IEnumerable<List<string>> Rows(string folder, string file, string[] header, string[]? optional = null)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new InvalidOperationException($"Catalogue file '{path}' is missing.");
        var records = CsvRecordReader.ReadAll(path);
        if (records.Count == 0 || !records[0].Take(header.Length).SequenceEqual(header))
            throw new InvalidOperationException($"Catalogue file '{path}' must start with the header {string.Join(",", header)}.");
        var extra = records[0].Skip(header.Length).Select(h => h.Trim()).ToList();
        optional ??= [];
        if (extra.Count > 0 && !optional.Take(extra.Count).SequenceEqual(extra))
            throw new InvalidOperationException($"Catalogue file '{path}': after {string.Join(",", header)} only the optional columns {string.Join(",", optional)} may follow, in that order.");
        var width = header.Length + optional.Length;
        var present = header.Length + extra.Count;
        return records.Skip(1).Select(r => r.Take(present).Select(f => f.Trim()).Concat(Enumerable.Repeat("", Math.Max(0, width - Math.Min(r.Count, present)))).ToList());
    }
}
