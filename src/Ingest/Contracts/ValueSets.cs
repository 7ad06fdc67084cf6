namespace Analytics.Ingest.Contracts;

/// <summary>
/// The closed value sets of the contracts: canonical value and the spellings ledgers use for it.
/// Canonical values are Chinese where the readers' vocabulary is Chinese, as DESIGN.md writes them.
/// </summary>
public static class ValueSets
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> All { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>
        {
            ["unit_type"] = new Dictionary<string, string[]>
            {
                ["college"] = ["二级学院", "党总支", "学院", "分党委", "college"],
                ["branch"] = ["党支部", "支部", "branch"],
            },
            ["branch_category"] = new Dictionary<string, string[]>
            {
                ["教工"] = ["教工", "教师", "教职工", "教工党支部", "teacher", "staff"],
                ["学生"] = ["学生", "学生党支部", "student"],
                ["离退休"] = ["离退休", "离退休党支部", "retired"],
                ["机关"] = ["机关", "机关党支部", "admin"],
            },
            ["member_type"] = new Dictionary<string, string[]>
            {
                ["教工"] = ["教工", "教师", "教职工", "teacher", "staff"],
                ["学生"] = ["学生", "student"],
            },
            ["member_status"] = new Dictionary<string, string[]>
            {
                ["正式党员"] = ["正式党员", "正式", "full"],
                ["预备党员"] = ["预备党员", "预备", "probationary"],
            },
            ["gender"] = new Dictionary<string, string[]>
            {
                ["男"] = ["男", "m", "male"],
                ["女"] = ["女", "f", "female"],
            },
            ["attendance_status"] = new Dictionary<string, string[]>
            {
                ["出席"] = ["出席", "出勤", "到会", "present"],
                ["请假"] = ["请假", "leave", "excused"],
                ["缺席"] = ["缺席", "缺勤", "absent"],
            },
            ["programme"] = new Dictionary<string, string[]>
            {
                ["七一工程"] = ["七一工程", "七一", "qiyi"],
                ["八一工程"] = ["八一工程", "八一", "bayi"],
            },
            ["review"] = new Dictionary<string, string[]>
            {
                ["已审核"] = ["已审核", "审核通过", "通过", "approved"],
                ["待审核"] = ["待审核", "未审核", "pending"],
                ["驳回"] = ["驳回", "未通过", "rejected"],
            },
            ["channel"] = new Dictionary<string, string[]>
            {
                ["学校网站"] = ["学校网站", "校园网", "网站", "website"],
                ["报纸"] = ["报纸", "校报", "newspaper"],
                ["微信公众号"] = ["微信公众号", "公众号", "微信", "wechat"],
                ["视频号"] = ["视频号", "video"],
                ["微博"] = ["微博", "weibo"],
                ["其他"] = ["其他", "other"],
            },
            ["grade"] = new Dictionary<string, string[]>
            {
                ["好"] = ["好", "优秀"],
                ["较好"] = ["较好", "良好"],
                ["一般"] = ["一般"],
                ["差"] = ["差", "较差"],
            },
        };

    /// <summary>The key under which a spelling is matched: lower-case, no white space.</summary>
    public static string MatchKey(string text) =>
        new string(TextNormalizer.FoldWidth(text).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
}
