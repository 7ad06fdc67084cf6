namespace Analytics.Ingest.Reading;

/// <summary>
/// One worksheet of a workbook: its name, whether the workbook hides it, and its rows as text, numbered as the
/// spreadsheet numbers them (row 1 is the sheet's first row). Merged cells carry their value into every cell they cover.
/// </summary>
public sealed record WorkbookSheet(string Name, bool IsHidden, Func<IEnumerable<SheetRow>> ReadRows);

/// <summary>A spreadsheet row: its number and its cells' text (null where empty), column A first.</summary>
public readonly record struct SheetRow(long RowNo, string?[] Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
