using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>The marts in the warehouse, stored ones and views alike (<c>-- materialized: view</c>): what evaluators read.</summary>
public static class WarehouseMarts
{
    public static IReadOnlyList<string> Names(DuckDBConnection warehouse) => warehouse.Query(
        "select table_name from information_schema.tables where table_catalog = current_database() and table_schema = 'marts' order by 1",
        r => r.GetString(0));
}
