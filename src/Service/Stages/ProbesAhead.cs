using Analytics.Ingest.Reading;

namespace Analytics.Service.Stages;

/// <summary>
/// Files probed (hashed, checked as text, their format and encoding told) one after another on a thread of their own,
/// ahead of the ingest that needs them. A rebuild knows every file it will replay: the probe of a large file (the
/// 25M-row attendance ledger: 0.6-0.8 s) is then done while the files before it load, not waited for.
/// </summary>
internal sealed class ProbesAhead : IDisposable
{
    private readonly Dictionary<string, TaskCompletionSource<ProbedFile>> _results;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    /// <param name="paths">The files, in the order they will be asked for.</param>
    public ProbesAhead(IEnumerable<string> paths)
    {
        var ordered = paths.Distinct(StringComparer.Ordinal).ToList();
        _results = ordered.ToDictionary(p => p, _ => new TaskCompletionSource<ProbedFile>(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
        // A thread of its own (not the pool's): the probe hands each chunk's hashing to the pool and waits for it.
        _worker = Task.Factory.StartNew(() =>
        {
            foreach (var path in ordered)
            {
                if (_stop.IsCancellationRequested) { _results[path].TrySetCanceled(); continue; }
                try { _results[path].TrySetResult(FileProbe.Probe(path)); }
                catch (Exception ex) { _results[path].TrySetException(ex); }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The probe of <paramref name="copy"/>, a link to (or a copy of) <paramref name="original"/>: the original's,
    /// once it is done, when the copy has its length; the copy's own otherwise. A file the probe refuses is refused here
    /// with the same exception.</summary>
    public ProbedFile Probe(string copy, string original)
    {
        if (!_results.TryGetValue(original, out var result)) return FileProbe.Probe(copy);
        var probed = result.Task.GetAwaiter().GetResult();
        return new FileInfo(copy).Length == probed.Length ? probed with { Path = copy } : FileProbe.Probe(copy);
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _worker.Wait(); } catch (AggregateException) { } // its outcomes are in the results, asked for or not
        _stop.Dispose();
    }
}
