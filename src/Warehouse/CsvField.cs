using System.Globalization;

namespace Analytics.Warehouse;

/// <summary>A CSV field as every CSV the program writes holds it: quoted where needed, formula-looking text neutralised.</summary>
public static class CsvField
{
    /// <summary>
    /// OWASP's list: = + - @ and tab and carriage return start a formula in Excel, LibreOffice or Google Sheets, so such
    /// a field (unless it is a number) gets a leading apostrophe and a spreadsheet never executes it.
    /// </summary>
    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) field = "'" + field;
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
