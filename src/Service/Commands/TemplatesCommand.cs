using Analytics.Ingest.Catalogues;
using Analytics.Ingest.Templates;
using Analytics.Service.Cli;
using Analytics.Service.Stages;

namespace Analytics.Service.Commands;

/// <summary><c>analytics templates --out DIR [--college ID]</c>: the XLSX templates organisers fill in, one per ledger kind.</summary>
public static class TemplatesCommand
{
    public static int Run(AnalyticsSettings settings, TimeProvider clock, TextWriter output, string outDir, string? collegeId)
    {
        var catalogue = Catalogue.Load(Catalogue.Locate(settings.CataloguesDir));
        IReadOnlyList<TemplateUnit> units = [];
        if (File.Exists(settings.Warehouse))
        {
            using var connection = new Pipeline(settings, clock).OpenWarehouse();
            units = TemplateWriter.Units(connection, collegeId);
        }
        else if (collegeId is not null)
            throw new InvalidOperationException($"--college {collegeId} needs a warehouse to read the college's units from; none at {Path.GetFullPath(settings.Warehouse)}.");

        var prefill = collegeId is null ? [] : units;
        var paths = new TemplateWriter(catalogue).Write(outDir, units, prefill);
        output.WriteLine($"Wrote {paths.Count} templates to {Path.GetFullPath(outDir)}:");
        foreach (var path in paths) output.WriteLine($"  {Path.GetFileName(path)}");
        output.WriteLine(units.Count == 0
            ? "No warehouse yet: unit ids are free text (the drop-down lists hold the value sets and catalogues)."
            : $"Unit drop-down lists: {units.Count} units{(collegeId is null ? "" : $" of college {collegeId}, pre-filled in the org-units template")}.");
        return 0;
    }
}
