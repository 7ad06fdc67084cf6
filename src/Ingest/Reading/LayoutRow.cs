namespace Analytics.Ingest.Reading;

/// <summary>What a row that is not a record is: a title or note above the header, a total or signature line below the records, or a template's example.</summary>
public enum LayoutRowKind { AboveHeader, Footer, Example }

/// <summary>A row of a ledger that is layout, not data: skipped, recorded in ops.skipped_rows and listed in the file's feedback.</summary>
/// <param name="Text">The row's cells joined by spaces, as the organiser wrote them.</param>
public sealed record LayoutRow(long RowNo, LayoutRowKind Kind, string Text)
{
    public static string KindCode(LayoutRowKind kind) => kind switch
    {
        LayoutRowKind.AboveHeader => "above_header",
        LayoutRowKind.Footer => "footer",
        _ => "example",
    };
}
