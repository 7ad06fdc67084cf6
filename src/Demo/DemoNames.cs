namespace Analytics.Demo;

/// <summary>The fixed vocabulary of the demo: colleges of 景德镇学院 and their 一院一品 projects, names, partners.</summary>
internal static class DemoNames
{
    /// <summary>College id, name, brand project (一院一品), whether it is mostly engineering (for 卓越工程师/科技特派员).</summary>
    public static readonly (string Id, string Name, string Brand)[] Colleges =
    [
        ("C01", "陶瓷美术学院", "窑火丹青"),
        ("C02", "设计艺术学院", "匠心设计"),
        ("C03", "外国语学院", "旅游外语服务"),
        ("C04", "马克思主义学院", "红色微党课"),
        ("C05", "机械电子工程学院", "卓越工程师"),
        ("C06", "信息工程学院", "科技特派员"),
        ("C07", "人文学院", "瓷都文博讲解"),
        ("C08", "旅游与经济管理学院", "校地合作助振兴"),
        ("C09", "教育学院", "春风帮学"),
        ("C10", "体育学院", "阳光体育进社区"),
        ("C11", "北汽集团昌河汽车学院", "红旗车间"),
        ("C12", "北京通航直升机学院", "蓝天筑梦"),
    ];

    public const string OfficeCollegeId = "C13";
    public const string OfficeCollegeName = "机关党委";

    public static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
         "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
         "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金"];

    public static readonly string[] GivenChars =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
         "刚", "桂", "文", "华", "红", "玉", "建", "国", "志", "晨", "瓷", "景", "雅", "宇", "欣", "怡", "浩", "然", "思", "嘉",
         "子", "佳", "梓", "睿", "博", "昊", "琳", "婷", "倩", "雪", "鑫", "悦", "鹏", "辉", "晶", "蕾", "彤", "航", "翔", "源"];

    public static readonly string[] Partners =
        ["景德镇市昌江区人民政府", "景德镇陶瓷文化旅游集团", "浮梁县瑶里镇", "景德镇市图书馆", "中国陶瓷博物馆", "江西昌河汽车有限责任公司",
         "景德镇市第一中学", "珠山区新厂街道", "乐平市塔前镇", "景德镇市中医院", "御窑厂国家考古遗址公园", "陶溪川文创街区"];

    public static readonly string[] ChannelNames = ["学校网站", "微信公众号", "视频号", "报纸", "微博", "其他"];
}
