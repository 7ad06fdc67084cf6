using System.Security.Cryptography;
using Analytics.Demo;
using Analytics.Warehouse;
using Analytics.Tests.Support;
using DuckDB.NET.Data;

namespace Analytics.Tests.Reliability;

/// <summary>
/// What evaluators get is aggregates and pseudonyms: the published snapshot of the demo university holds none of the
/// generated members' names or numbers; `analytics sql` (the real program) refuses anything but a query and leaves
/// the snapshot untouched; the CSV it writes never hands a spreadsheet a formula.
/// </summary>
public class PrivacyTests : IClassFixture<PrivacyTests.DemoSnapshot>
{
    private readonly DemoSnapshot _demo;

    public PrivacyTests(DemoSnapshot demo) => _demo = demo;

    /// <summary>The demo university (15 months), ingested and built by the real program, once for these tests.</summary>
    public sealed class DemoSnapshot : IDisposable
    {
        public string Data { get; } = Directory.CreateTempSubdirectory("kfr-privacy-").FullName;
        public DemoUniversity University { get; }
        public string Snapshot => Path.Combine(Data, "snapshot.duckdb");

        public DemoSnapshot()
        {
            University = DemoGenerator.Generate(Data, new DateOnly(2025, 4, 1)).University;
            foreach (var stage in new[] { "ingest", "model" })
            {
                var (code, output, error) = CliProcess.Run("--data-dir", Data, stage);
                if (code != 0) throw new InvalidOperationException($"analytics {stage} failed: {error}\n{output}");
            }
        }

        public void Dispose() => Directory.Delete(Data, recursive: true);
    }

    [Fact]
    public void Snapshot_HoldsNoGeneratedNameNorMemberNumber()
    {
        var names = _demo.University.Memberships.Select(m => m.Name).Distinct().ToList();
        var numbers = _demo.University.Memberships.Select(m => m.MemberId).ToHashSet();
        Assert.True(names.Count > 1000, $"only {names.Count} names generated");

        using var db = new DuckDBConnection($"Data Source={_demo.Snapshot};ACCESS_MODE=READ_ONLY");
        db.Open();
        // Every text in the snapshot, whatever its column or table (lists flattened), checked against every name.
        var columns = db.Query("""
            select schema_name, table_name, column_name, data_type from duckdb_columns()
            where database_name = current_database() and (data_type = 'VARCHAR' or data_type = 'VARCHAR[]')
            """, r => (Schema: r.GetString(0), Table: r.GetString(1), Column: r.GetString(2), List: r.GetString(3) == "VARCHAR[]"));
        Assert.Contains(columns, c => c.Table == "member_month" && c.Column == "member_key");
        var texts = new HashSet<string>();
        foreach (var (schema, table, column, list) in columns)
        {
            var value = list ? $"unnest(\"{column}\")" : $"\"{column}\"";
            texts.UnionWith(db.Query($"select distinct v from (select {value} as v from \"{schema}\".\"{table}\") where v is not null", r => r.GetString(0)));
        }
        Assert.True(texts.Count > 1000, $"only {texts.Count} distinct texts in the snapshot");
        var leaks = texts.SelectMany(t => names.Where(n => t.Contains(n, StringComparison.Ordinal)).Select(n => $"'{n}' in '{t}'"))
            .Concat(texts.Where(numbers.Contains).Select(t => $"member number '{t}'")).Take(10).ToList();
        Assert.True(leaks.Count == 0, "the snapshot holds personal data: " + string.Join("; ", leaks));
    }

    /// <summary>
    /// Anyone holding the roster tries the pseudonym the public SQL once used (a salt in the text) on every member
    /// number: no key matches. The keys come from the installation's secret, kept in an owner-only file outside the
    /// snapshot, and a rebuild of the same installation gives the same keys.
    /// </summary>
    [Fact]
    public void MemberKeys_CannotBeRecomputedFromTheRoster_AndStayStableAcrossRebuilds()
    {
        string Key(string salt, string id) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(salt + id)))[..16];
        var numbers = _demo.University.Memberships.Select(m => m.MemberId).Distinct().ToList();
        var keys = SnapshotKeys();
        Assert.True(keys.Count > 1000, $"only {keys.Count} member keys");
        foreach (var salt in new[] { "kiln-fire-red:", "", "kiln-fire-red", "窑火红:" })
            Assert.DoesNotContain(numbers, n => keys.Contains(Key(salt, n)));

        var secretFile = Path.Combine(_demo.Data, "secrets", "pseudonym.key");
        var secret = File.ReadAllText(secretFile).Trim();
        Assert.Equal(64, secret.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        // The secret is nowhere in the published snapshot or the SQL shipped with the program.
        Assert.False(File.ReadAllBytes(_demo.Snapshot).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(secret)) >= 0);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "queries"), "*.sql", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains(secret));
        // With the secret, the installation's own keys are what it derives: nothing else, nothing random.
        Assert.Contains(Key(secret + ":", numbers[0]), keys);

        var (code, _, error) = CliProcess.Run("--data-dir", _demo.Data, "model", "--full");
        Assert.True(code == 0, error);
        Assert.Equal(keys, SnapshotKeys());
    }

    private HashSet<string> SnapshotKeys()
    {
        using var db = new DuckDBConnection($"Data Source={_demo.Snapshot};ACCESS_MODE=READ_ONLY");
        db.Open();
        return db.Query("select distinct member_key from marts.member_month", r => r.GetString(0)).ToHashSet();
    }

    [Theory]
    [InlineData("insert into marts.school_month select * from marts.school_month")]
    [InlineData("update marts.branch_month set grade = '好'")]
    [InlineData("delete from marts.member_month")]
    [InlineData("drop table marts.member_month")]
    [InlineData("create table marts.x as select 1")]
    [InlineData("attach '/tmp/kfr-other.duckdb' as other")]
    [InlineData("install httpfs")]
    [InlineData("load httpfs")]
    [InlineData("copy marts.member_month to '/tmp/kfr-leak.csv'")]
    [InlineData("copy (select * from marts.member_month) to '/tmp/kfr-leak.parquet' (format parquet)")]
    [InlineData("export database '/tmp/kfr-leak'")]
    [InlineData("select 1; drop table marts.member_month")]
    [InlineData("set enable_external_access = true")]
    [InlineData("pragma enable_profiling")]
    [InlineData("call pragma_version()")]
    public void Sql_RefusesAnythingButAQuery_AndLeavesTheSnapshotAsItWas(string statement)
    {
        var before = Hash(_demo.Snapshot);

        var (code, output, error) = CliProcess.Run("--data-dir", _demo.Data, "sql", statement);

        Assert.NotEqual(0, code);
        Assert.StartsWith("error:", error);
        Assert.DoesNotContain("   at ", error); // a plain message, not a stack trace
        Assert.Equal("", output.Trim());
        Assert.Equal(before, Hash(_demo.Snapshot));
        Assert.False(File.Exists("/tmp/kfr-leak.csv") || File.Exists("/tmp/kfr-leak.parquet") || Directory.Exists("/tmp/kfr-leak"));
    }

    [Fact]
    public void SqlCsv_NeutralisesEveryFormulaPrefix_AndLeavesNumbersAlone()
    {
        const string query = """
            select '=cmd|'' /C calc''!A0' as eq, '+SUM(1,2)' as plus, '-2+3' as minus, '@SUM(A1)' as at,
                   chr(9) || '=1+1' as tab, chr(13) || '=1+1' as cr, '-5' as negative, '+3.5' as positive, '陶瓷=艺术' as inner
            """;
        var (code, output, error) = CliProcess.Run("--data-dir", _demo.Data, "sql", query, "--format", "csv");

        Assert.True(code == 0, error);
        var fields = ParseCsvLine(output.Split('\n')[1].TrimEnd('\r'));
        Assert.Equal(["'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-2+3", "'@SUM(A1)", "'\t=1+1", "'\r=1+1", "-5", "+3.5", "陶瓷=艺术"], fields);
    }

    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
