using Analytics.Model;

namespace Analytics.Tests.Model;

public class ModelGraphTests
{
    private static ModelDefinition M(string fullName, params string[] reads)
    {
        var parts = fullName.Split('.');
        return new ModelDefinition(parts[0], parts[1], "select 1", $"queries/{parts[0]}/{parts[1]}.sql", null, reads);
    }

    [Fact]
    public void Order_PutsEveryModelAfterWhatItReads_TiesByName()
    {
        var order = ModelGraph.Order([
            M("marts.branch_month", "intermediate.active_members", "staging.stg_activities"),
            M("intermediate.active_members", "staging.stg_members"),
            M("staging.stg_members"),
            M("staging.stg_activities"),
        ]);
        Assert.Equal(["staging.stg_activities", "staging.stg_members", "intermediate.active_members", "marts.branch_month"], order.Select(m => m.FullName));
    }

    [Fact]
    public void EachModelIsRecomputedFromTheLedgersItReads_ThroughOtherModels_AndKeptWhenTheyBroughtNothing()
    {
        var models = ModelGraph.Order([
            ModelDiscovery.Parse("staging", "stg_pledges.sql", "select * from core.pledges"),
            ModelDiscovery.Parse("staging", "stg_activities.sql", "select * from core.activities -- not core.memberships"),
            ModelDiscovery.Parse("intermediate", "terms.sql", "select * from staging.stg_pledges"),
            ModelDiscovery.Parse("intermediate", "member_month.sql", "select * from intermediate.terms, staging.stg_activities"),
            ModelDiscovery.Parse("intermediate", "audit.sql", "select * from core.evaluations"), // a table no plan follows
            ModelDiscovery.Parse("intermediate", "units.sql", "select * from core.org_units"), // changed, it makes a full build
            M("intermediate.unknown"), // sources not known
        ]);
        var sources = ModelGraph.SourcesOf(models);
        Assert.Equal(["core.activities", "core.pledges"], sources["intermediate.member_month"].Order(StringComparer.Ordinal));

        var plan = new IncrementalPlan("2026-03", "test", 9, "hash", 7, new Dictionary<string, string> { ["activities"] = "2026-03" });
        string? From(string model) => plan.FromMonthOf(sources[model]);
        Assert.Null(From("intermediate.terms"));
        Assert.Equal("2026-03", From("intermediate.member_month"));
        Assert.Null(From("intermediate.units"));
        Assert.Equal("2026-03", From("intermediate.audit"));
        Assert.Equal("2026-03", From("intermediate.unknown"));
        var pledgesToo = plan with { FromMonth = "2026-01", Touched = new Dictionary<string, string> { ["activities"] = "2026-03", ["pledges"] = "2026-01" } };
        Assert.Equal("2026-01", pledgesToo.FromMonthOf(sources["intermediate.member_month"]));
        Assert.Null((plan with { FromMonth = IncrementalPlan.NothingNew, Touched = new Dictionary<string, string>() }).FromMonthOf(sources["intermediate.unknown"]));
    }

    [Fact]
    public void Cycle_IsAnErrorThatNamesIt()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ModelGraph.Order([
            M("staging.a"), M("intermediate.b", "intermediate.c"), M("intermediate.c", "intermediate.d"), M("intermediate.d", "intermediate.b"),
        ]));
        Assert.Contains("intermediate.b → intermediate.c → intermediate.d → intermediate.b", ex.Message);
    }

    [Fact]
    public void UnknownReference_IsAnErrorThatNamesTheModelAndTheReference()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ModelGraph.Order([M("marts.x", "staging.missing")]));
        Assert.Contains("marts.x", ex.Message);
        Assert.Contains("staging.missing", ex.Message);
    }
}

public class ModelDiscoveryTests
{
    [Fact]
    public void Parse_FindsReferencesGrainAndIgnoresCommentsAndStrings()
    {
        var model = ModelDiscovery.Parse("marts", "queries/marts/branch_month.sql", """
            -- one row per branch per month
            with members as (select * from intermediate.active_members),
            -- staging.not_this_one is only mentioned in a comment
            acts as (select * from Staging.stg_activities where title <> 'marts.nor_this')
            select * from members join acts using (unit_id) join core.org_units using (unit_id);
            """);
        Assert.Equal(("marts.branch_month", "one row per branch per month"), (model.FullName, model.Grain));
        Assert.Equal(["intermediate.active_members", "staging.stg_activities"], model.References);
        Assert.True(model.IsTable);
        Assert.False(model.Sql.EndsWith(';'));
    }

    [Fact]
    public void FileNameThatIsNoTableName_IsRefused() =>
        Assert.Contains("file name", Assert.Throws<InvalidOperationException>(() => ModelDiscovery.Parse("staging", "queries/staging/Stg Members.sql", "select 1")).Message);

    [Fact]
    public void ShippedModels_AllResolve()
    {
        var queries = Path.Combine(AppContext.BaseDirectory, "queries");
        var models = ModelDiscovery.Discover(queries);
        Assert.NotEmpty(models);
        Assert.Equal(models.Count, ModelGraph.Order(models).Count);
    }
}
