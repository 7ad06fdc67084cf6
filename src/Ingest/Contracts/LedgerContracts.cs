namespace Analytics.Ingest.Contracts;

/// <summary>The input file contracts of DESIGN.md ("Input files"), one per ledger kind.</summary>
public static class LedgerContracts
{
    private static readonly ReferenceSpec AnyUnit = new(LedgerKind.OrgUnits);

    public static LedgerContract OrgUnits { get; } = new(LedgerKind.OrgUnits, "org_units", "org_units", "org_units",
    [
        new("unit_id", "组织编号", ColumnType.Id, Required: true),
        new("unit_name", "组织名称", ColumnType.Text, Required: true),
        new("unit_type", "组织类型", ColumnType.Choice, Required: true, ValueSet: "unit_type"),
        new("parent_id", "上级组织编号", ColumnType.Id, References: AnyUnit),
        new("category", "支部类别", ColumnType.Choice, ValueSet: "branch_category"),
        new("established_on", "成立日期", ColumnType.Date),
        new("dissolved_on", "撤销日期", ColumnType.Date, MayBeFuture: true),
        new("party_groups", "党小组数", ColumnType.Count),
    ], ["unit_id"]) { ChineseName = "组织架构" };

    public static LedgerContract Members { get; } = new(LedgerKind.Members, "members", "members", "memberships",
    [
        new("member_id", "党员编号", ColumnType.Id, Required: true),
        new("name", "姓名", ColumnType.Text, Required: true),
        new("member_type", "人员类别", ColumnType.Choice, Required: true, ValueSet: "member_type"),
        new("branch_id", "所在支部编号", ColumnType.Id, Required: true, References: new(LedgerKind.OrgUnits, "branch")),
        new("valid_from", "转入日期", ColumnType.Date, Required: true),
        new("valid_to", "转出日期", ColumnType.Date, MayBeFuture: true),
        new("status", "党员状态", ColumnType.Choice, ValueSet: "member_status"),
        new("gender", "性别", ColumnType.Choice, ValueSet: "gender"),
        new("joined_party_on", "入党日期", ColumnType.Date),
    ], ["member_id", "valid_from"]) { ChineseName = "党员名册" };

    public static LedgerContract Activities { get; } = new(LedgerKind.Activities, "activities", "activities", "activities",
    [
        new("activity_id", "活动编号", ColumnType.Id, Required: true),
        new("unit_id", "组织编号", ColumnType.Id, Required: true, References: AnyUnit),
        new("held_on", "活动日期", ColumnType.Date, Required: true),
        new("activity_type", "活动类型", ColumnType.ActivityTypes, Required: true),
        new("title", "活动名称", ColumnType.Text),
        new("brand_project", "品牌项目", ColumnType.Text),
        new("participants", "参与人数", ColumnType.Count),
        new("external_audience", "校外受众人数", ColumnType.Count),
        new("partner", "合作单位", ColumnType.Text),
        new("hours", "时长", ColumnType.Decimal),
    ], ["activity_id"]) { ChineseName = "活动台账" };

    public static LedgerContract Attendance { get; } = new(LedgerKind.Attendance, "attendance", "attendance", "attendance",
    [
        new("activity_id", "活动编号", ColumnType.Id, Required: true, References: new(LedgerKind.Activities)),
        new("member_id", "党员编号", ColumnType.Id, Required: true, References: new(LedgerKind.Members)),
        new("status", "出勤状态", ColumnType.Choice, Required: true, ValueSet: "attendance_status"),
    ], ["activity_id", "member_id"]) { ChineseName = "签到表" };

    public static LedgerContract Pledges { get; } = new(LedgerKind.Pledges, "pledges", "pledges", "pledges",
    [
        new("member_id", "党员编号", ColumnType.Id, Required: true, References: new(LedgerKind.Members)),
        new("programme", "工程", ColumnType.Choice, Required: true, ValueSet: "programme"),
        new("year", "年度", ColumnType.Year, Required: true),
        new("item", "承诺事项", ColumnType.PledgeItem, Required: true),
        new("pledged_on", "承诺日期", ColumnType.Date),
        new("completed_on", "完成日期", ColumnType.Date),
        new("evidence", "佐证材料", ColumnType.Text),
        new("review", "审核状态", ColumnType.Choice, ValueSet: "review"),
    ], ["member_id", "programme", "year", "item"]) { ChineseName = "七一八一承诺" };

    public static LedgerContract Publicity { get; } = new(LedgerKind.Publicity, "publicity", "publicity", "publicity",
    [
        new("item_id", "稿件编号", ColumnType.Id, Required: true),
        new("unit_id", "组织编号", ColumnType.Id, Required: true, References: AnyUnit),
        new("published_on", "发布日期", ColumnType.Date, Required: true),
        new("channel", "渠道", ColumnType.Choice, Required: true, ValueSet: "channel"),
        new("title", "标题", ColumnType.Text),
        new("url", "链接", ColumnType.Text),
        new("reads", "阅读量", ColumnType.Count),
        new("likes", "点赞数", ColumnType.Count),
    ], ["item_id"]) { ChineseName = "宣传稿件" };

    public static LedgerContract Evaluations { get; } = new(LedgerKind.Evaluations, "evaluations", "evaluations", "evaluations",
    [
        new("unit_id", "组织编号", ColumnType.Id, Required: true, References: AnyUnit),
        new("year", "年度", ColumnType.Year, Required: true),
        new("grade", "评议等次", ColumnType.Choice, Required: true, ValueSet: "grade"),
    ], ["unit_id", "year"]) { ChineseName = "述职评议" };

    /// <summary>All contracts in load order (a ledger's references load before it).</summary>
    public static IReadOnlyList<LedgerContract> All { get; } =
        [OrgUnits, Members, Activities, Attendance, Pledges, Publicity, Evaluations];

    public static LedgerContract For(LedgerKind kind) => All.Single(c => c.Kind == kind);
}
