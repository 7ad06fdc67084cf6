namespace Analytics.Ingest.Spreadsheets;

/// <summary>How a column's cells are shown and typed into: as text (ids keep their leading zeros), dates, numbers, or wrapped text.</summary>
public enum XlsxColumnStyle { General, Text, Date, Number, Wrapped }

/// <summary>A column of a sheet: its width in characters and its style (also the style of the cells a person types into).</summary>
public sealed record XlsxColumn(double Width, XlsxColumnStyle Style = XlsxColumnStyle.General);

/// <summary>
/// A drop-down list on a column's cells: from a range of another sheet (e.g. <c>'可选值'!$A$2:$A$40</c>), with a
/// prompt shown when a cell is chosen. <paramref name="Strict"/> refuses other values; otherwise Excel warns and lets
/// the person keep theirs (an activity may count as two types: 支部党员大会、主题党日).
/// </summary>
public sealed record XlsxListValidation(int Column, string SourceRange, string PromptTitle, string Prompt, bool Strict);

/// <summary>A date check on a column's cells: anything that is not a date gets a warning as it is typed.</summary>
public sealed record XlsxDateValidation(int Column, string PromptTitle, string Prompt);

/// <summary>
/// One worksheet to write: columns, rows of values (string, long, int, double, decimal, DateOnly or null) and, for a
/// ledger template, the header rows to freeze and the checks on the rows people fill in (rows 2 to <see cref="ValidatedRows"/>).
/// Values are written as text or numbers, never as formulas.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int FrozenRows { get; init; }
    /// <summary>Rows styled as a header (bold on a pale fill), counted from the top.</summary>
    public int HeaderRows { get; init; } = 1;
    public IReadOnlyList<XlsxListValidation> Lists { get; init; } = [];
    public IReadOnlyList<XlsxDateValidation> Dates { get; init; } = [];
    public int ValidatedRows { get; init; } = 1000;
    /// <summary>Further rows styled as a header (1-based), e.g. a table's header under a title and a summary.</summary>
    public IReadOnlySet<int> EmphasisRows { get; init; } = new HashSet<int>();
    /// <summary>Rows styled as a note (italic grey): an example row.</summary>
    public IReadOnlySet<int> NoteRows { get; init; } = new HashSet<int>();
}
