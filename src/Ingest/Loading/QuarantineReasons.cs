namespace Analytics.Ingest.Loading;

/// <summary>
/// Every reason a row is held back (the machine code in ops.quarantine.reason_code), with what it means in Chinese
/// and the usual fix, for the organisers who keep the ledgers. Each quarantined row also carries its own Chinese text
/// naming its row, column and value (reason_zh, fix_zh); this catalogue explains the codes themselves.
/// </summary>
public static class QuarantineReasons
{
    public const string MissingRequired = "missing_required";
    public const string BadId = "bad_id";
    public const string TooLong = "too_long";
    public const string BadDate = "bad_date";
    public const string FutureDate = "future_date";
    public const string BadNumber = "bad_number";
    public const string NegativeCount = "negative_count";
    public const string BadYear = "bad_year";
    public const string UnknownValue = "unknown_value";
    public const string UnknownActivityType = "unknown_activity_type";
    public const string UnknownPledgeItem = "unknown_pledge_item";
    public const string PledgeItemProgramme = "pledge_item_programme";
    public const string UnknownUnit = "unknown_unit";
    public const string NotABranch = "not_a_branch";
    public const string UnknownMember = "unknown_member";
    public const string UnknownActivity = "unknown_activity";
    public const string BadPeriod = "bad_period";
    public const string DuplicateKey = "duplicate_key";
    public const string MalformedRow = "malformed_row";

    /// <summary>A reason code's meaning and usual fix, in the words an organiser reads.</summary>
    public sealed record Explanation(string Code, string Meaning, string Fix);

    public static IReadOnlyList<Explanation> All { get; } =
    [
        new(MissingRequired, "必填项未填写", "补填该项后重新报送这一行"),
        new(BadId, "编号格式不对（只能由字母、数字和 _ . - 组成，不超过64个字符）", "改为规范的编号，如 C01B02、A2026031"),
        new(TooLong, "文字超过4000字", "精简内容；详细材料作为佐证材料另行报送"),
        new(BadDate, "不是有效日期", "按 2026-03-05、2026/3/5 或 2026年3月5日 填写，或把单元格设为日期格式"),
        new(FutureDate, "日期晚于报送当天", "核对日期是否填错；尚未发生的事项在发生后再报送"),
        new(BadNumber, "不是数字", "只填阿拉伯数字，不带“人”“次”等单位"),
        new(NegativeCount, "人数、次数或时长为负数", "填写 0 或正数"),
        new(BadYear, "不是有效年度", "填写四位数的年份，如 2026"),
        new(UnknownValue, "不在可选值中（如出勤状态只能是 出席、请假、缺席）", "从模板的下拉列表中选择"),
        new(UnknownActivityType, "活动类型不在目录中", "按目录填写（见模板的下拉列表），一次活动算几类时用“、”分隔"),
        new(UnknownPledgeItem, "不是七一工程或八一工程的承诺事项", "填写事项编号（七一工程 T1–T7，八一工程 S1–S7）或事项原文"),
        new(PledgeItemProgramme, "承诺事项与所填工程不符", "教工党员填七一工程（T1–T7），学生党员填八一工程（S1–S7）"),
        new(UnknownUnit, "组织编号在组织架构台账中不存在", "核对组织编号；新成立的组织先报送组织架构台账"),
        new(NotABranch, "所填组织不是党支部", "党员应编入党支部：填写所在党支部的编号"),
        new(UnknownMember, "党员编号在党员名册中不存在", "核对党员编号；新转入的党员先报送党员名册"),
        new(UnknownActivity, "活动编号在活动台账中不存在", "核对活动编号；先（或同时）报送这次活动的活动台账"),
        new(BadPeriod, "两个日期先后颠倒（转出早于转入，或完成早于承诺）", "核对两个日期"),
        new(DuplicateKey, "同一编号出现在几行，内容却不同", "保留正确的一行，更正或删除其余各行后重新报送"),
        new(MalformedRow, "这一行的格式有误（列数与表头不一致，或引号不配对）", "检查该行是否多了逗号或引号；建议用模板的 Excel 文件填写"),
    ];

    public static Explanation Of(string code) =>
        All.FirstOrDefault(e => e.Code == code) ?? throw new ArgumentException($"Unknown quarantine reason code '{code}'.", nameof(code));
}
