using System.Diagnostics;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse;

/// <summary>A failed transaction reports its own cause, even when the rollback after it fails too.</summary>
public class TransactionTests
{
    [Fact]
    public void FailureThatEndsTheTransaction_SurfacesItsOwnError_NotTheRollbacks()
    {
        using var w = new TempWarehouse();
        w.Connection.Execute("create table t (a int)");
        // The fault a full disk or a failed commit causes: the transaction is already gone when the rollback runs.
        var ex = Assert.Throws<TransactionFailedException>(() => w.Connection.InTransaction(() =>
        {
            w.Connection.Execute("insert into t values (1)");
            w.Connection.Execute("commit");
            throw new IOException("No space left on device");
        }));
        Assert.StartsWith("No space left on device", ex.Message);
        Assert.Contains("rollback", ex.Message);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Contains("no transaction is active", ex.RollbackError.Message);
    }

    [Fact]
    public void OrdinaryFailure_RollsBack_AndRethrowsAsItWas()
    {
        using var w = new TempWarehouse();
        w.Connection.Execute("create table t (a int primary key)");
        var ex = Assert.Throws<DuckDBException>(() => w.Connection.InTransaction(() =>
        {
            w.Connection.Execute("insert into t values (1)");
            w.Connection.Execute("insert into t values (1)");
        }));
        Assert.Contains("Constraint Error", ex.Message);
        Assert.Equal(0L, w.Scalar<long>("select count(*) from t"));
    }

    /// <summary>
    /// A real full disk: a 4 MB tmpfs (mounted as root, as CI runs) holds the warehouse, and a transaction writes more
    /// than fits. Whatever DuckDB does to the transaction, the message names the disk, not the rollback.
    /// Without root (no mount), the injected fault above covers the same path.
    /// </summary>
    [Fact]
    public void FullDisk_TheMessageSaysSo()
    {
        var mount = Path.Combine(Path.GetTempPath(), "kfr-full-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(mount);
        if (!Mount(mount))
        {
            Directory.Delete(mount);
            Assert.True(Environment.UserName != "root", "root could not mount a tmpfs");
            return;
        }
        try
        {
            using var connection = new DuckDBConnection($"DataSource={Path.Combine(mount, "w.duckdb")}");
            connection.Open();
            connection.Execute("create table t (a varchar)");
            var ex = Assert.ThrowsAny<Exception>(() => connection.InTransaction(() =>
            {
                connection.Execute("insert into t select repeat(md5(i::varchar), 8) || i from range(400000) as r(i)");
            }));
            Assert.Contains("space left on device", ex.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("cannot rollback", ex.Message.Split(" (the rollback")[0]);
        }
        finally
        {
            Run("umount", mount);
            Directory.Delete(mount, recursive: true);
        }
    }

    private static bool Mount(string dir) => Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir) == 0;

    private static int Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
