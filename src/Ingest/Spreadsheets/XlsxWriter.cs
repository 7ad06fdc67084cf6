using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Analytics.Ingest.Spreadsheets;

/// <summary>
/// Writes a small XLSX workbook (SpreadsheetML written directly): inline strings, numbers and dates, column styles,
/// frozen header rows and data validation. Every cell value is text or a number, never a formula, whatever it starts
/// with. The same sheets give the same bytes (fixed entry times in the zip), so a file written again after a crash
/// is the file an uninterrupted run writes.
/// </summary>
public static class XlsxWriter
{
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    // Style indexes into cellXfs below.
    private const int StyleHeader = 1, StyleDate = 2, StyleText = 3, StyleNumber = 4, StyleWrapped = 5, StyleNote = 6;

    /// <summary>Writes the workbook beside its path and renames it into place, so a reader never sees half a file.</summary>
    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        var names = sheets.Select(s => s.Name).ToList();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count || names.Any(n => n.Length is 0 or > 31))
            throw new ArgumentException("Sheet names must be unique and 1–31 characters long: " + string.Join(", ", names), nameof(sheets));

        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            Entry(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", Workbook(sheets));
            Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Count));
            Entry(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++) Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i]));
        }
        File.Move(temp, path, overwrite: true);
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string ContentTypes(int sheetCount)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheetCount; i++)
            text.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        return text.Append("</Types>").ToString();
    }

    private static string Workbook(IReadOnlyList<XlsxSheet> sheets)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>""");
        for (var i = 0; i < sheets.Count; i++)
            text.Append($"""<sheet name="{Xml(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        return text.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRels(int sheetCount)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheetCount; i++)
            text.Append($"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        text.Append($"""<Relationship Id="rId{sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return text.Append("</Relationships>").ToString();
    }

    // 0 default; 1 header: bold on a pale kiln-red fill; 2 date yyyy-mm-dd; 3 text (@); 4 number; 5 wrapped; 6 note: grey italic.
    private const string Styles = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><i/><sz val="11"/><color rgb="FF808080"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF8E0DC"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="49" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    private static int StyleOf(XlsxColumnStyle style) => style switch
    {
        XlsxColumnStyle.Date => StyleDate,
        XlsxColumnStyle.Text => StyleText,
        XlsxColumnStyle.Number => StyleNumber,
        XlsxColumnStyle.Wrapped => StyleWrapped,
        _ => 0,
    };

    private static string Worksheet(XlsxSheet sheet)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">""");
        text.Append("<sheetViews><sheetView workbookViewId=\"0\">");
        if (sheet.FrozenRows > 0)
            text.Append($"""<pane ySplit="{sheet.FrozenRows}" topLeftCell="A{sheet.FrozenRows + 1}" activePane="bottomLeft" state="frozen"/>""");
        text.Append("</sheetView></sheetViews>");
        if (sheet.Columns.Count > 0)
        {
            text.Append("<cols>");
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var column = sheet.Columns[i];
                text.Append(string.Create(CultureInfo.InvariantCulture,
                    $"""<col min="{i + 1}" max="{i + 1}" width="{column.Width:0.##}" style="{StyleOf(column.Style)}" customWidth="1"/>"""));
            }
            text.Append("</cols>");
        }
        text.Append("<sheetData>");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            text.Append($"<row r=\"{r + 1}\">");
            var values = sheet.Rows[r];
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is null) continue;
                var style = r < sheet.HeaderRows || sheet.EmphasisRows.Contains(r + 1) ? StyleHeader
                    : sheet.NoteRows.Contains(r + 1) ? StyleNote
                    : c < sheet.Columns.Count ? StyleOf(sheet.Columns[c].Style) : 0;
                text.Append(Cell(CellName(c, r + 1), values[c]!, style));
            }
            text.Append("</row>");
        }
        text.Append("</sheetData>");

        var validations = sheet.Lists.Count + sheet.Dates.Count;
        if (validations > 0)
        {
            string Range(int column) => $"{ColumnName(column)}{sheet.HeaderRows + 1}:{ColumnName(column)}{sheet.ValidatedRows}";
            text.Append($"<dataValidations count=\"{validations}\">");
            foreach (var list in sheet.Lists)
                text.Append($"""<dataValidation type="list" errorStyle="{(list.Strict ? "stop" : "warning")}" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="{Xml(Cut(list.PromptTitle, 32))}" error="{Xml(Cut("请从下拉列表中选择。" + list.Prompt, 255))}" promptTitle="{Xml(Cut(list.PromptTitle, 32))}" prompt="{Xml(Cut(list.Prompt, 255))}" sqref="{Range(list.Column)}"><formula1>{Xml(list.SourceRange)}</formula1></dataValidation>""");
            foreach (var date in sheet.Dates)
                text.Append($"""<dataValidation type="date" errorStyle="warning" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="{Xml(Cut(date.PromptTitle, 32))}" error="{Xml(Cut("这不是日期。" + date.Prompt, 255))}" promptTitle="{Xml(Cut(date.PromptTitle, 32))}" prompt="{Xml(Cut(date.Prompt, 255))}" sqref="{Range(date.Column)}"><formula1>7672</formula1><formula2>73051</formula2></dataValidation>""");
            text.Append("</dataValidations>");
        }
        text.Append("""<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>""");
        return text.ToString();
    }

    private static string Cell(string reference, object value, int style)
    {
        var s = style == 0 ? "" : $" s=\"{style}\"";
        return value switch
        {
            string text => $"<c r=\"{reference}\"{s} t=\"inlineStr\"><is><t xml:space=\"preserve\">{Xml(text)}</t></is></c>",
            DateOnly date => $"<c r=\"{reference}\" s=\"{StyleDate}\"><v>{date.DayNumber - ExcelEpoch.DayNumber}</v></c>",
            int or long or short => $"<c r=\"{reference}\"{s}><v>{Convert.ToInt64(value, CultureInfo.InvariantCulture)}</v></c>",
            double or decimal or float => $"<c r=\"{reference}\"{s}><v>{Convert.ToString(value, CultureInfo.InvariantCulture)}</v></c>",
            _ => throw new ArgumentException($"A cell cannot hold a {value.GetType().Name}.", nameof(value)),
        };
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string CellName(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Text as XML holds it: markup escaped, and characters XML cannot carry (control codes) dropped.</summary>
    private static string Xml(string text)
    {
        var clean = new string(text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF')).ToArray());
        return SecurityElement.Escape(clean);
    }
}
