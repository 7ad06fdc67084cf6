using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary>
/// <c>analytics rebuild [--force]</c>: a new warehouse replayed from the archive, swapped in when it equals the current
/// one (or the current one cannot be opened), then a full model build on it.
/// </summary>
public static class RebuildCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, bool force)
    {
        output.WriteLine($"Rebuilding {Path.GetFullPath(settings.Warehouse)} from {Path.GetFullPath(settings.Ingest.ArchiveDir)} and {Path.GetFullPath(settings.Ingest.RejectedDir)} …");
        var run = new WarehouseRebuild(settings).Run(force, line => output.WriteLine("  " + line));
        output.WriteLine($"Replayed {run.FilesReplayed} files in {run.Elapsed.TotalSeconds:0.0} s " +
                         (run.CurrentWasReadable ? "in the order the warehouse recorded them" : "in the archive's order (the warehouse could not be opened)") +
                         $" ({string.Join(", ", run.PhaseSeconds.Select(p => $"{p.Key} {p.Value:0.0} s"))}).");
        foreach (var name in run.Missing) output.WriteLine($"  missing from the archive: {name} (recorded by the warehouse, not kept)");
        foreach (var difference in run.Differences) output.WriteLine($"  differs: {difference}");
        if (!run.SwappedIn)
        {
            output.WriteLine($"The rebuilt warehouse does not equal the current one: left beside it at {run.RebuiltPath}; the current one is unchanged.");
            output.WriteLine("Run 'analytics rebuild --force' to swap it in anyway (the way to apply a changed contract to history).");
            return 1;
        }
        output.WriteLine(run.CurrentWasReadable
            ? $"Swapped in: {run.RebuiltPath} (the previous file kept as {run.KeptAsidePath}; builds, flags, warnings and alerts carried over)."
            : $"Swapped in: {run.RebuiltPath} (the unreadable file kept as {run.KeptAsidePath}; its builds, flags, warnings and alert history could not be read: run 'analytics flag' to judge the branches again).");
        var build = new Pipeline(settings, clock).Build(full: true, ModelCommand.Built(output));
        ModelCommand.Print(build, output);
        return 0;
    }
}
