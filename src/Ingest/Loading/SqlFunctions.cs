using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Contracts;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Per-connection helpers the validation SQL uses: the normalising macros and the value map of every closed
/// value set and catalogue (kf_value_map). Temp objects, so they never reach the warehouse file.
/// </summary>
public static class SqlFunctions
{
    /// <summary>The one temp table kept for every file the connection loads.</summary>
    public const string ValueMap = "kf_value_map";

    public static void Install(DuckDBConnection connection, Catalogue catalogue)
    {
        var (from, to) = TextNormalizer.WidthFoldingTable;
        connection.Execute($$"""
            -- translate() with a long mapping is slow (about 1.4 µs a value); most values hold no full-width form.
            create or replace temp macro kf_fold(s) as
                case when regexp_matches(s, '[\x{FF01}-\x{FF5E}\x{3000}]')
                     then translate(s, {{SqlExtensions.Literal(from)}}, {{SqlExtensions.Literal(to)}}) else s end;
            -- Most values are ASCII with no NUL and nothing to trim at either edge: the cleaning below leaves them as
            -- they are, so they skip it. Byte and character counts, the first code and suffixes: half the time of one
            -- regular expression per value (25M-row attendance file: 1.0 s against 2.0 s for its two ids).
            create or replace temp macro kf_plain(s) as
                strlen(s) = length(s) and ascii(s) > 32
                and not (suffix(s, ' ') or suffix(s, chr(9)) or suffix(s, chr(10)) or suffix(s, chr(13)) or contains(s, chr(0)));
            create or replace temp macro kf_clean_id(s) as
                case when kf_plain(s) then s
                     else nullif(trim(kf_fold(replace(s, chr(0), chr(65533))), ' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(12288)), '') end;
            -- A NUL becomes U+FFFD, as the appender makes it for XLSX and JSON (see StageTable).
            create or replace temp macro kf_clean_text(s) as
                case when kf_plain(s) then s
                     else nullif(trim(replace(s, chr(0), chr(65533)), ' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(12288)), '') end;
            create or replace temp macro kf_key(s) as lower(regexp_replace(kf_fold(s), '\s', '', 'g'));
            create or replace temp macro kf_date(s) as
                case
                    when s is null then null
                    when regexp_full_match(s, '\d{5}(\.\d+)?') then date '1899-12-30' + cast(floor(cast(s as double)) as integer)
                    else cast(coalesce(
                        try_strptime(s, '%Y-%m-%d'), try_strptime(s, '%Y/%m/%d'), try_strptime(s, '%Y年%m月%d日'),
                        try_strptime(s, '%Y.%m.%d'), try_strptime(s, '%Y%m%d'),
                        try_strptime(s, '%Y-%m-%d %H:%M:%S'), try_strptime(s, '%Y/%m/%d %H:%M:%S'), try_strptime(s, '%Y-%m-%dT%H:%M:%S')
                    ) as date)
                end;
            create or replace temp table kf_value_map (set_name varchar, match_key varchar, canonical varchar);
            """);

        var entries = catalogue.ValueMap().Distinct().ToList();
        var clash = entries.GroupBy(e => (e.Set, e.Key)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException(
                $"The spelling '{clash.Key.Key}' means more than one {clash.Key.Set}: {string.Join(", ", clash.Select(c => c.Canonical))}. Fix the catalogue or the aliases.");
        using var appender = connection.CreateAppender("kf_value_map");
        foreach (var (set, key, canonical) in entries)
            appender.CreateRow().AppendValue(set).AppendValue(key).AppendValue(canonical).EndRow();
    }
}
