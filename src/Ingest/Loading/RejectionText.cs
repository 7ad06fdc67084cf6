using System.Globalization;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Why a whole file (or sheet) could not be read, in the words of the organiser who sent it. The English reason stays
/// for operators (console, ops.ingested_files); the reason file beside a rejected file carries both.
/// </summary>
public static class RejectionText
{
    private static readonly (string English, string Chinese)[] Known =
    [
        ("symbolic link", "这是一个快捷方式（符号链接），不是文件本身：请把台账文件本身放入收件箱"),
        ("the file is empty", "文件是空的"),
        ("zip bomb", "这个 Excel 文件解压后异常巨大，疑似损坏或恶意文件，未予读取：请在 Excel/WPS 中重新另存为 .xlsx 后报送"),
        (".xls workbook", "无法读取这个 .xls 文件（可能已损坏）：请在 Excel/WPS 中打开后另存为 .xlsx 再报送"),
        ("XLSX workbook", "无法读取这个 Excel 文件（可能已损坏或不是 Excel 文件）：请在 Excel/WPS 中打开后重新另存为 .xlsx 再报送"),
        ("workbook is damaged", "Excel 文件在读取途中出错（文件不完整或已损坏）：请重新另存后报送"),
        ("no sheet with a ledger", "工作簿中没有可以导入的台账工作表（都是空表或隐藏表）"),
        ("several columns mean", "有几列表头的含义相同（例如同时有“组织编号”和“unit_id”）：请删去重复的列"),
        ("matches no ledger kind", "表头与任何一种台账都对不上：请使用统一模板中的表头（如“活动编号、组织编号、活动日期、活动类型”），表头应位于前几行"),
        ("no header row", "文件中没有表头行"),
        ("mixes", "文件中混用了两种文字编码：请在 Excel/WPS 中打开后另存为“CSV UTF-8”或 .xlsx"),
        ("not valid in any encoding", "文件的文字编码无法识别：请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx"),
        ("is not valid gb18030", "文件的文字编码有误：请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx"),
        ("valid JSON", "JSON 格式有误"),
        ("JSON", "JSON 文件应为一个数组，每个元素是一行记录"),
        ("as CSV", "CSV 格式有误，无法逐行读取：请在 Excel/WPS 中另存为 .xlsx 后报送"),
        ("could not read it", "文件内容无法读取：请在 Excel/WPS 中另存为 .xlsx 后报送"),
    ];

    /// <summary>The Chinese reason for an English one (a general one where no specific text fits).</summary>
    public static string Chinese(string englishReason)
    {
        foreach (var (english, chinese) in Known)
            if (englishReason.Contains(english, StringComparison.OrdinalIgnoreCase)) return chinese;
        return "文件无法作为台账读取：请使用统一模板，另存为 .xlsx 或“CSV UTF-8”后重新报送";
    }

    /// <summary>The reason file beside a rejected file: Chinese for the organiser first, then English for the operator.</summary>
    public static string ReasonFile(string fileName, string englishReason, DateTimeOffset rejectedAtLocal)
    {
        var at = rejectedAtLocal.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"""
            文件“{fileName}”未能导入：{Chinese(englishReason)}。
            处理时间：{at}。请修改后重新报送；统一填写模板可向党委组织部索取。

            {fileName}: {englishReason}
            Rejected at {rejectedAtLocal.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)}. Fix the file and put it back in the inbox.

            """;
    }
}
