using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Ingest.Loading;

/// <summary>
/// The 64-bit key hashes that occur more than once among a file's valid rows. The hashes are spread into 256 buckets
/// by their top byte, in place, and each bucket (shared between the cores) twice more by the next bytes, in cache, until a
/// handful share their top three bytes and are compared directly: a radix partition, not a sort, so each hash is
/// touched a few times in order rather than compared log n times (25M hashes: about 0.3 s; DuckDB's sort with
/// <c>lag</c> over them took 2.2–2.9 s). A hash collision only sends two rows down the exact (grouping) path: a
/// false repeat costs time, never a row.
/// </summary>
public static class RepeatedKeyScreen
{
    private const int Radix = 256;

    /// <remarks>The hashes are used as working memory: what they hold afterwards is no longer the list given.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe IReadOnlyCollection<ulong> Repeats(ulong* hashes, long count)
    {
        if (count < 2) return [];
        var starts = new long[Radix + 1];
        for (var i = 0L; i < count; i++) starts[(hashes[i] >> 56) + 1]++;
        for (var b = 0; b < Radix; b++) starts[b + 1] += starts[b];
        SpreadInPlace(hashes, starts);
        var largest = 0L;
        for (var b = 0; b < Radix; b++) largest = Math.Max(largest, starts[b + 1] - starts[b]);
        var workers = Environment.ProcessorCount;
        var found = new List<ulong>[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            found[worker] = [];
            var scratch = (ulong*)NativeMemory.Alloc((nuint)Math.Max(largest, 1), sizeof(ulong));
            try
            {
                for (var b = worker; b < Radix; b += workers)
                    RepeatsIn(hashes + starts[b], starts[b + 1] - starts[b], scratch, found[worker]);
            }
            finally
            {
                NativeMemory.Free(scratch);
            }
        });
        return found.SelectMany(f => f).ToHashSet();
    }

    /// <summary>
    /// The hashes moved into their top-byte buckets where they are (each bucket from <paramref name="starts"/>[b]):
    /// each hash is carried along a cycle to its bucket's next free place. No second buffer of 200 MB, whose first
    /// writes on a virtual machine cost more than the partition itself (25M hashes, a first call: 0.70 s with one, 0.36 s without).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void SpreadInPlace(ulong* hashes, long[] starts)
    {
        var next = (long[])starts.Clone();
        for (var b = 0; b < Radix; b++)
        {
            var end = starts[b + 1];
            while (next[b] < end)
            {
                var value = hashes[next[b]];
                var bucket = (int)(value >> 56);
                while (bucket != b)
                {
                    var displaced = hashes[next[bucket]];
                    hashes[next[bucket]++] = value;
                    value = displaced;
                    bucket = (int)(value >> 56);
                }
                hashes[next[b]++] = value;
            }
        }
    }

    /// <summary>One top-byte bucket: partitioned by the second byte into scratch, each part by the third, then compared.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RepeatsIn(ulong* bucket, long length, ulong* scratch, List<ulong> found)
    {
        if (length < 2) return;
        var starts = stackalloc long[Radix + 1];
        Partition(bucket, length, scratch, 48, starts);
        var inner = stackalloc long[Radix + 1];
        for (var b = 0; b < Radix; b++)
        {
            var part = scratch + starts[b];
            var partLength = starts[b + 1] - starts[b];
            if (partLength < 2) continue;
            // The bucket's own memory is free again: the third byte's partition goes back into it.
            Partition(part, partLength, bucket, 40, inner);
            for (var p = 0; p < Radix; p++)
                EqualIn(bucket + inner[p], inner[p + 1] - inner[p], found);
        }
    }

    /// <summary>Counting sort of <paramref name="length"/> hashes by one byte (at <paramref name="shift"/>) into <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Partition(ulong* source, long length, ulong* target, int shift, long* starts)
    {
        new Span<long>(starts, Radix + 1).Clear();
        for (var i = 0L; i < length; i++) starts[((source[i] >> shift) & 0xFF) + 1]++;
        for (var b = 0; b < Radix; b++) starts[b + 1] += starts[b];
        var next = stackalloc long[Radix];
        new Span<long>(starts, Radix).CopyTo(new Span<long>(next, Radix));
        for (var i = 0L; i < length; i++) target[next[(source[i] >> shift) & 0xFF]++] = source[i];
    }

    /// <summary>A few hashes sharing their top three bytes (1.5 on average for 25M rows): sorted in place, equal neighbours kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void EqualIn(ulong* values, long length, List<ulong> found)
    {
        if (length < 2) return;
        var span = new Span<ulong>(values, checked((int)length));
        span.Sort();
        for (var i = 1; i < span.Length; i++)
            if (span[i] == span[i - 1] && (i == 1 || span[i - 1] != span[i - 2])) found.Add(span[i]);
    }
}
