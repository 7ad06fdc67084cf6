using Analytics.Service;
using Analytics.Service.Commands;
using Analytics.Tests.Support;

namespace Analytics.Tests.Demo;

public class DemoCommandTests
{
    [Fact]
    public void Demo_GeneratesIngestsAndReconciles_AndSaysWhereThingsWent()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kfr-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var output = new StringWriter();
            var code = DemoCommand.Run(new AnalyticsSettings { DataDir = dir }, new FixedClock(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)),
                output, seed: 11, asOf: null, force: false);

            Assert.Equal(0, code);
            var text = output.ToString();
            Assert.Contains("Reconciled: for all 11 files", text);
            Assert.Contains(Path.Combine(dir, "warehouse.duckdb"), text);
            Assert.True(File.Exists(Path.Combine(dir, "ground-truth.json")));
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "inbox")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Demo_RefusesToWipeAFolderItDidNotMake()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kfr-real-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "warehouse.duckdb"), "precious");
        try
        {
            var ex = Assert.Throws<InvalidOperationException>(() =>
                DemoCommand.Run(new AnalyticsSettings { DataDir = dir }, TimeProvider.System, new StringWriter(), 1, null, force: false));
            Assert.Contains("--force", ex.Message);
            Assert.Equal("precious", File.ReadAllText(Path.Combine(dir, "warehouse.duckdb")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
