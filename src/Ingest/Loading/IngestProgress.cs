namespace Analytics.Ingest.Loading;

/// <summary>Progress of an ingest run: file <see cref="FileIndex"/> of <see cref="FileCount"/> is in <see cref="Phase"/>.</summary>
public sealed record IngestProgress(int FileIndex, int FileCount, string FileName, string Phase);
