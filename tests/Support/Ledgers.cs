namespace Analytics.Tests.Support;

/// <summary>Small hand-made ledgers the ingest tests build on: one college with two branches and three members.</summary>
public static class Ledgers
{
    public const string OrgUnits = """
        组织编号,组织名称,组织类型,上级组织编号,支部类别,成立日期,党小组数
        C01,陶瓷美术学院党总支,党总支,,,2015-09-01,
        B01,陶瓷美术学院教工党支部,党支部,C01,教工,2015-09-01,2
        B02,陶瓷美术学院学生第一党支部,党支部,C01,学生,2016-03-01,0
        """;

    public const string Members = """
        member_id,name,member_type,branch_id,valid_from,valid_to,status
        M001,张三,教工,B01,2020-01-01,,正式党员
        M002,李四,学生,B02,2024-09-01,2026-07-01,预备党员
        M003,王五,学生,B02,2025-03-01,,正式党员
        """;

    public const string Activities = """
        活动编号,组织编号,活动日期,活动类型,活动名称,参与人数
        A001,B01,2026-03-05,支部党员大会、主题党日,三月主题党日,12
        A002,B02,2026/3/6,党课,专题党课,8
        A003,C01,2026年3月7日,志愿服务,社区志愿服务,
        """;
}
