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
