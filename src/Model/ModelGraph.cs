namespace Analytics.Model;

/// <summary>Orders models so each is built after the models it reads (Kahn's algorithm, ties by name).</summary>
public static class ModelGraph
{
    /// <summary>The build order; a reference to no model, or a cycle, is an error that names the models involved.</summary>
    public static IReadOnlyList<ModelDefinition> Order(IReadOnlyList<ModelDefinition> models)
    {
        var byName = new Dictionary<string, ModelDefinition>();
        foreach (var model in models)
            if (!byName.TryAdd(model.FullName, model))
                throw new InvalidOperationException($"Two models are named {model.FullName}: {byName[model.FullName].SourcePath} and {model.SourcePath}.");

        foreach (var model in models)
            foreach (var reference in model.References)
                if (!byName.ContainsKey(reference))
                    throw new InvalidOperationException($"Model {model.FullName} ({model.SourcePath}) reads {reference}, which is no model under queries/.");

        var waitingOn = models.ToDictionary(m => m.FullName, m => m.References.Count);
        var readers = models.SelectMany(m => m.References.Select(r => (Reference: r, Reader: m.FullName)))
            .GroupBy(p => p.Reference).ToDictionary(g => g.Key, g => g.Select(p => p.Reader).ToList());
        var ready = new SortedSet<string>(waitingOn.Where(p => p.Value == 0).Select(p => p.Key), StringComparer.Ordinal);
        var order = new List<ModelDefinition>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(byName[next]);
            foreach (var reader in readers.GetValueOrDefault(next) ?? [])
                if (--waitingOn[reader] == 0) ready.Add(reader);
        }
        if (order.Count < models.Count)
            throw new InvalidOperationException("The models read each other in a cycle: " + DescribeCycle(byName, waitingOn.Where(p => p.Value > 0).Select(p => p.Key).ToHashSet()));
        return order;
    }

    /// <summary>
    /// The ingest tables each model reads, itself or through the models it reads (what an incremental build asks the
    /// plan about). A model whose sources are not known reads "?", a table no plan follows.
    /// </summary>
    /// <param name="ordered">The models in build order (<see cref="Order"/>).</param>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> SourcesOf(IReadOnlyList<ModelDefinition> ordered)
    {
        var sources = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var model in ordered) // each model's references are done before it
            sources[model.FullName] = (model.Sources ?? ["?"]).Concat(model.References.SelectMany(r => sources[r])).ToHashSet(StringComparer.Ordinal);
        return sources;
    }

    private static string DescribeCycle(Dictionary<string, ModelDefinition> byName, HashSet<string> stuck)
    {
        // Walk references among the stuck models until one repeats: that loop is a cycle.
        var path = new List<string> { stuck.Min(StringComparer.Ordinal)! };
        while (true)
        {
            var next = byName[path[^1]].References.Where(stuck.Contains).Min(StringComparer.Ordinal)!;
            var seen = path.IndexOf(next);
            if (seen >= 0) return string.Join(" → ", path.Skip(seen).Append(next));
            path.Add(next);
        }
    }
}
