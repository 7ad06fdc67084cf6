using Analytics.Tests.Support;
using Analytics.Warehouse;

namespace Analytics.Tests.Ingest.Catalogues;

/// <summary>The warehouse's copy of the catalogues is rewritten when they change, and only then.</summary>
public class CatalogueWriteTests
{
    [Fact]
    public void AnUnchangedCatalogue_IsNotRewritten_AChangedOneReplacesTheCopy()
    {
        using var w = new TempWarehouse();
        var catalogue = TempWarehouse.Catalogue;
        catalogue.WriteTo(w.Connection);
        var written = w.Connection.Scalar<DateTime>("select written_at from core.catalogue_version");
        var items = w.Connection.Scalar<long>("select count(*) from core.pledge_item_catalogue");
        Assert.Equal(catalogue.PledgeItems.Count, items);

        catalogue.WriteTo(w.Connection);
        Assert.Equal(written, w.Connection.Scalar<DateTime>("select written_at from core.catalogue_version"));
        Assert.Equal(1, w.Connection.Scalar<long>("select count(*) from core.catalogue_version"));

        // One item's due month changed: the copy follows it.
        var changed = catalogue with { PledgeItems = catalogue.PledgeItems.Select((p, i) => i == 0 ? p with { DueMonthOfYear = 7 } : p).ToList() };
        changed.WriteTo(w.Connection);
        Assert.Equal(7, w.Connection.Scalar<int>("select due_month_of_year from core.pledge_item_catalogue where item = ?", catalogue.PledgeItems[0].Code));
        Assert.Equal(items, w.Connection.Scalar<long>("select count(*) from core.pledge_item_catalogue"));
        Assert.Equal(1, w.Connection.Scalar<long>("select count(*) from core.catalogue_version"));
        Assert.NotEqual(written, w.Connection.Scalar<DateTime>("select written_at from core.catalogue_version"));
    }
}
