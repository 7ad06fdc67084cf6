using System.Globalization;
using Analytics.Ingest.Contracts;
using static Analytics.Warehouse.SqlExtensions;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Builds the set-wise SQL that turns the text in <c>stage</c> into typed rows (the view <c>typed</c>), checks every row
/// as it is loaded (<see cref="CheckedTyped"/>, filtered by <see cref="CheckedRows"/>), lists every broken rule of the rows that
/// failed as a hit (<c>hits</c>: row, column, raw value, reason), and, once the valid rows are in core, separates
/// exact duplicates and conflicting keys among the rows whose key hash repeats.
/// One definition of validity for every container format: a row is loaded exactly when no check holds for it.
/// </summary>
public sealed class ValidationSql(LedgerContract contract, IReadOnlyCollection<string> stagedColumns, DateOnly today)
{
    private static string Txt(string column) => Identifier(column + "__txt");
    /// <summary>Longest identifier and free text a ledger may hold; longer values are pasting accidents or attacks.</summary>
    public const int MaxIdLength = 64, MaxTextLength = 4000;
    private const string IdPattern = @"[\p{L}\p{N}][\p{L}\p{N}_.\-]*";

    private static bool IsText(ColumnSpec c) => c.Type is ColumnType.Id or ColumnType.Text;
    /// <summary>The normalised text of a column: for ids and free text it is the value itself, not a second copy.</summary>
    private static string TextOf(ColumnSpec c) => IsText(c) ? Identifier(c.Name) : Txt(c.Name);
    private static string Col(string column) => Identifier(column);
    private string TodayLiteral => $"date '{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    /// <summary>A rule: the condition that breaks it (over <c>typed as t</c>) and the statement listing its hits among the suspects.</summary>
    private sealed record RowCheck(string Condition, string Hits);

    /// <summary>
    /// The statements that define <c>typed</c> (and <c>hits</c>, empty). Then <see cref="CheckedTyped"/> checks every row
    /// in the pass that loads it, and when some broke a rule (listed in <c>kf_invalid</c>) <see cref="Hits"/> says what is wrong with them.
    /// </summary>
    /// <param name="spellingsOf">Up to the number given of the rows (raw, txt, canonical) of a spelling table the statements so far made.</param>
    public IEnumerable<string> Statements(Func<string, int, IReadOnlyList<Spelling>> spellingsOf)
    {
        foreach (var statement in TypedView(spellingsOf)) yield return statement;
        yield return "create or replace temp table hits (row_no bigint, column_name varchar, raw_value varchar, reason_code varchar, reason varchar, reason_zh varchar, fix_zh varchar)";
    }

    /// <summary>Every row of <c>typed</c> with its key hash and whether it is valid (breaks no rule): what <see cref="CheckedRows"/> filters.</summary>
    public string CheckedTyped => $"select *, {KeyHash} as key_hash, {Valid(Checks().ToList())} as valid from typed as t";

    /// <summary>The rows that broke a rule, as <see cref="CheckedRows"/> found them.</summary>
    public const string InvalidRows = "kf_invalid";

    /// <summary>The key hashes more than one valid row shares, as <see cref="CheckedRows"/> found them.</summary>
    public const string RepeatedKeys = "kf_repeated_keys";

    /// <summary>The rows that broke a rule (<c>suspects</c>), then every broken rule of each as a hit: each rule looks only at those few rows.</summary>
    public IEnumerable<string> Hits()
    {
        yield return $"create or replace temp table suspects as select * from typed where row_no in (select row_no from {InvalidRows})";
        foreach (var check in Checks()) yield return "insert into hits " + check.Hits;
    }

    // A condition that is null (a comparison with an empty value) does not hold, as in the hit's own where clause.
    private static string Valid(IReadOnlyList<RowCheck> checks) =>
        checks.Count == 0 ? "true" : $"not coalesce({string.Join("\n        or ", checks.Select(c => $"({c.Condition})"))}, false)";

    private static bool IsChoice(ColumnSpec c) => c.Type is ColumnType.Choice or ColumnType.PledgeItem;
    private static string Raw(string column) => Identifier(column + "__raw");

    /// <summary>The normalised text of a raw value: ids and codes lose full-width forms, free text keeps its punctuation.</summary>
    private static string Clean(ColumnSpec c, string source) => c.Type == ColumnType.Text ? $"kf_clean_text({source})" : $"kf_clean_id({source})";

    /// <summary>One distinct spelling of a choice column: as written, normalised, and the value it means (null: none).</summary>
    public sealed record Spelling(string Raw, string? Txt, string? Canonical);

    /// <summary>Up to this many spellings a choice column is mapped by a <c>case</c> (no join over the file's rows).</summary>
    private const int MaxSpellingsInline = 32;

    private IEnumerable<string> TypedView(Func<string, int, IReadOnlyList<Spelling>> spellingsOf)
    {
        // A column of millions of rows holds a handful of spellings: each choice column's distinct spellings are
        // normalised and mapped once (one pass over the rows for them all), then mapped by a case (a handful) or joined on.
        var choices = contract.Columns.Where(IsChoice).ToList();
        var inline = new Dictionary<string, IReadOnlyList<Spelling>>();
        string Source(ColumnSpec c) => stagedColumns.Contains(c.Name) ? "s." + Col(c.Name) : "cast(null as varchar)";
        if (choices.Count > 0)
        {
            var sets = string.Join(", ", choices.Select(c => $"({Raw(c.Name)})"));
            yield return $"""
                create or replace temp table kf_spellings as
                select {string.Join(", ", choices.Select(c => $"{Source(c)} as {Raw(c.Name)}"))}
                from stage as s
                group by grouping sets ({sets})
                """;
            foreach (var c in choices)
            {
                var set = c.Type == ColumnType.PledgeItem ? "pledge_item" : c.ValueSet!;
                var table = Identifier("vm_" + c.Name);
                yield return $"""
                    create or replace temp table {table} as
                    select d.raw, d.txt, m.canonical
                    from (select raw, kf_clean_id(raw) as txt from (select distinct {Raw(c.Name)} as raw from kf_spellings where {Raw(c.Name)} is not null)) as d
                    left join kf_value_map as m on m.set_name = {Literal(set)} and m.match_key = kf_key(d.txt)
                    """;
                // The statement above has run by the time this iterator resumes.
                var spellings = spellingsOf(table, MaxSpellingsInline + 1);
                if (spellings.Count <= MaxSpellingsInline && spellings.All(sp => InlineSafe(sp.Raw)))
                    inline[c.Name] = spellings;
            }
        }
        if (contract.Columns.Any(c => c.Type == ColumnType.ActivityTypes))
        {
            var types = Source(contract.Column("activity_type"));
            yield return $"""
                create or replace temp table kf_types as
                with parts as (
                    select row_no, trim(unnest(string_split_regex(kf_clean_id({types}), '[、/;；，,]'))) as part
                    from stage as s where kf_clean_id({types}) is not null
                )
                select p.row_no,
                    list_sort(list_distinct(list(vm.canonical) filter (where vm.canonical is not null))) as activity_types,
                    list(p.part) filter (where vm.canonical is null and p.part <> '') as unknown_types
                from parts as p
                left join kf_value_map as vm on vm.set_name = 'activity_type' and vm.match_key = kf_key(p.part)
                group by p.row_no
                """;
        }

        // Choice columns carry their raw text through t: they are mapped by the tables above.
        var texts = contract.Columns.Select(c => IsChoice(c) ? $"{Source(c)} as {Raw(c.Name)}" : $"{Clean(c, Source(c))} as {TextOf(c)}");
        var joins = new List<string>();
        var typed = contract.Columns.Select(c =>
        {
            var t = "t." + TextOf(c);
            switch (c.Type)
            {
                case ColumnType.Date: return $"kf_date({t}) as {Col(c.Name)}";
                case ColumnType.Count: return $"try_cast(replace({t}, ',', '') as bigint) as {Col(c.Name)}";
                case ColumnType.Year: return $"try_cast(regexp_replace({t}, '年$', '') as integer) as {Col(c.Name)}";
                case ColumnType.Decimal: return $"try_cast({t} as decimal(8,2)) as {Col(c.Name)}";
                case ColumnType.Choice or ColumnType.PledgeItem when inline.TryGetValue(c.Name, out var spellings):
                    // A handful of spellings (出席/请假/缺席 over 25M rows): a case per row is cheaper than a join.
                    return $"{Mapped(c, spellings, sp => sp.Txt)} as {Txt(c.Name)}, {Mapped(c, spellings, sp => sp.Canonical)} as {Col(c.Name)}";
                case ColumnType.Choice:
                case ColumnType.PledgeItem:
                    var alias = Identifier("vm_" + c.Name);
                    joins.Add($"left join {alias} on {alias}.raw = t.{Raw(c.Name)}");
                    return $"{alias}.txt as {Txt(c.Name)}, {alias}.canonical as {Col(c.Name)}";
                case ColumnType.ActivityTypes:
                    joins.Add("left join kf_types as kt on kt.row_no = t.row_no");
                    return "coalesce(kt.activity_types, []) as activity_types, kt.unknown_types";
                default: return null;
            }
        }).OfType<string>().ToList();
        var rawColumns = choices.Select(c => Raw(c.Name)).ToList();
        var tColumns = rawColumns.Count == 0 ? "t.*" : $"t.* exclude ({string.Join(", ", rawColumns)})";
        yield return $"""
            create or replace temp view typed as
            with t as (
                select s.row_no, {string.Join(",\n        ", texts)}
                from stage as s
            )
            select {tColumns}{string.Concat(typed.Select(x => ",\n    " + x))}
            from t
            {string.Join("\n", joins)}
            """;
    }

    /// <summary>A choice column's raw text mapped by a <c>case</c> over its spellings (no match: null, as the join gives).</summary>
    private static string Mapped(ColumnSpec c, IReadOnlyList<Spelling> spellings, Func<Spelling, string?> value)
    {
        var raw = $"t.{Raw(c.Name)}";
        var whens = spellings.Where(sp => value(sp) is not null).Select(sp => $"when {Literal(sp.Raw)} then {Literal(value(sp)!)}").ToList();
        return whens.Count == 0 ? "cast(null as varchar)" : $"case {raw} {string.Join(" ", whens)} end";
    }

    /// <summary>A spelling written into SQL as a literal: no control characters (a NUL would end the statement's text).</summary>
    private static bool InlineSafe(string raw) => raw.All(ch => !char.IsControl(ch));

    /// <summary>The warehouse columns of a ledger, in contract order (activity_type becomes the list activity_types).</summary>
    public static IEnumerable<string> WarehouseColumns(LedgerContract contract) =>
        contract.Columns.Select(c => c.Type == ColumnType.ActivityTypes ? "activity_types" : c.Name);

    /// <summary>A column as an organiser's message names it: its Chinese header in quotes.</summary>
    private static string Zh(ColumnSpec c) => $"“{c.ChineseName}”";

    /// <summary>A value as a message quotes it, cut at 80 characters (SQL expression).</summary>
    private static string Quoted(string expression) =>
        $"'“' || left({expression}, 80) || case when length({expression}) > 80 then '…' else '' end || '”'";

    /// <summary>"第12行" in front of a Chinese reason (SQL expression over row_no).</summary>
    private static string RowZh(string rowNo = "row_no") => $"'第' || {rowNo} || '行'";

    private IEnumerable<RowCheck> Checks()
    {
        foreach (var c in contract.Columns)
        {
            var txt = TextOf(c);
            var col = Col(c.Name);
            var label = Literal(c.ToString());
            var zh = Literal(Zh(c));
            // One hit: English for operators, the Chinese problem and fix for the organiser who keeps the ledger.
            RowCheck Hit(string code, string reasonExpr, string reasonZhExpr, string fixZhExpr, string where) => new(where,
                $"select row_no, {Literal(c.Name)}, {txt}, '{code}', {reasonExpr}, {RowZh()} || {reasonZhExpr}, {fixZhExpr} from suspects where {where}");

            if (c.Required)
                yield return Hit(QuarantineReasons.MissingRequired, $"'required value ' || {label} || ' is empty'",
                    $"{zh} || '未填写'", Literal($"{Zh(c)}是必填项，请补填"), $"{txt} is null");

            switch (c.Type)
            {
                // Identifiers a ledger defines (its own key, not a reference) become the warehouse's keys: they must
                // look like identifiers. References need no rule: an id that is not known is quarantined as unknown.
                case ColumnType.Id when c.References is null && contract.Key.Contains(c.Name):
                    yield return Hit(QuarantineReasons.BadId,
                        $"'''' || left({txt}, 80) || case when length({txt}) > 80 then '…' else '' end || ''' in ' || {label} || ' is not an identifier (letters, digits, _ . -, at most {MaxIdLength} characters)'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不是有效的编号'",
                        Literal($"编号只能由字母、数字和 _ . - 组成，不超过{MaxIdLength}个字符，如 C01B02"),
                        $"{txt} is not null and (length({txt}) > {MaxIdLength} or not regexp_full_match({txt}, '{IdPattern}'))");
                    break;
                case ColumnType.Text:
                    yield return Hit(QuarantineReasons.TooLong,
                        $"{label} || ' is ' || length({txt}) || ' characters long (at most {MaxTextLength})'",
                        $"{zh} || '有' || length({txt}) || '个字，超过上限{MaxTextLength}字'",
                        Literal($"请精简到{MaxTextLength}字以内；详细材料请作为佐证材料另行报送"), $"length({txt}) > {MaxTextLength}");
                    break;
                case ColumnType.Date:
                    yield return Hit(QuarantineReasons.BadDate,
                        $"'''' || {txt} || ''' in ' || {label} || ' is not a date (expected 2026-03-05, 2026/3/5, 2026年3月5日 or an Excel serial number)'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不是有效日期'",
                        Literal("请按 2026-03-05、2026/3/5 或 2026年3月5日 的格式填写，或在 Excel 中设为日期格式"),
                        $"{txt} is not null and {col} is null");
                    if (!c.MayBeFuture)
                        yield return Hit(QuarantineReasons.FutureDate,
                            $"{label} || ' ' || strftime({col}, '%Y-%m-%d') || ' is in the future (today is {today:yyyy-MM-dd})'",
                            $"{zh} || '为' || strftime({col}, '%Y-%m-%d') || '，晚于报送当天（{today:yyyy-MM-dd}）'",
                            Literal("请核对日期是否填错；尚未发生的事项请在发生后再报送"), $"{col} > {TodayLiteral}");
                    break;
                case ColumnType.Count or ColumnType.Decimal:
                    yield return Hit(QuarantineReasons.BadNumber, $"'''' || {txt} || ''' in ' || {label} || ' is not a number'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不是数字'",
                        Literal(c.Type == ColumnType.Count ? "请只填写阿拉伯数字，如 12，不要带“人”“次”等单位" : "请只填写数字，如 1.5，不要带单位"),
                        $"{txt} is not null and {col} is null");
                    yield return Hit(QuarantineReasons.NegativeCount, $"{label} || ' is negative (' || {txt} || ')'",
                        $"{zh} || '为负数（' || {txt} || '）'", Literal("请填写 0 或正数"), $"{col} < 0");
                    break;
                case ColumnType.Year:
                    yield return Hit(QuarantineReasons.BadYear,
                        $"'''' || {txt} || ''' in ' || {label} || ' is not a year between 1921 and {today.Year + 1}'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不是有效年度'",
                        Literal($"请填写四位数的年份，如 {today.Year}"),
                        $"{txt} is not null and ({col} is null or {col} not between 1921 and {today.Year + 1})");
                    break;
                case ColumnType.Choice:
                    var expected = string.Join("、", ValueSets.All[c.ValueSet!].Keys);
                    yield return Hit(QuarantineReasons.UnknownValue,
                        $"'''' || {txt} || ''' is not a known ' || {label} || ' (expected {expected})'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不在可选值中'",
                        Literal($"请从下拉列表中选择：{expected}"),
                        $"{txt} is not null and {col} is null");
                    break;
                case ColumnType.ActivityTypes:
                    yield return Hit(QuarantineReasons.UnknownActivityType,
                        $"'unknown activity type ' || array_to_string(list_transform(unknown_types, x -> '''' || x || ''''), ', ') || ' (not in the activity type catalogue)'",
                        $"{zh} || '中的' || array_to_string(list_transform(unknown_types, x -> '“' || x || '”'), '、') || '不在活动类型目录中'",
                        Literal("请按目录填写活动类型（如 主题党日、党课、志愿服务，见模板的下拉列表）；一次活动算几类时用“、”分隔"),
                        "len(unknown_types) > 0");
                    break;
                case ColumnType.PledgeItem:
                    yield return Hit(QuarantineReasons.UnknownPledgeItem,
                        $"'''' || {txt} || ''' is not a pledge item of the catalogue (expected T1–T7 for 七一工程, S1–S7 for 八一工程, or the item''s text)'",
                        $"{zh} || '填写为' || {Quoted(txt)} || '，不是七一工程或八一工程的承诺事项'",
                        Literal("请填写事项编号（七一工程 T1–T7，八一工程 S1–S7）或事项原文，见模板的下拉列表"),
                        $"{txt} is not null and {col} is null");
                    // Correlated on two columns of a handful of values each: DuckDB joins their few distinct pairs.
                    yield return new RowCheck(
                        "t.programme is not null and exists (select 1 from core.pledge_item_catalogue as pc where pc.item = t.item and pc.programme <> t.programme)",
                        $"""
                        select t.row_no, 'item', t.{txt}, '{QuarantineReasons.PledgeItemProgramme}',
                            'item ' || t.item || ' belongs to ' || pc.programme || ', not ' || t.programme,
                            {RowZh("t.row_no")} || '承诺事项 ' || t.item || ' 属于' || pc.programme || '，与“工程”所填的' || t.programme || '不符',
                            '教工党员填七一工程（T1–T7），学生党员填八一工程（S1–S7）；请更正“工程”或“承诺事项”'
                        from suspects as t join core.pledge_item_catalogue as pc on pc.item = t.item
                        where t.programme is not null and pc.programme <> t.programme
                        """);
                    break;
            }

            if (c.References is { } reference)
                foreach (var check in ReferenceChecks(c, reference)) yield return check;
        }

        foreach (var check in CrossColumnChecks()) yield return check;
    }

    private IEnumerable<RowCheck> ReferenceChecks(ColumnSpec c, ReferenceSpec reference)
    {
        var txt = TextOf(c);
        var col = Col(c.Name);
        // "not in" a list, not a correlated "not exists": DuckDB would first find the distinct values of the column
        // (hundreds of thousands of activity ids in an attendance file) to decorrelate it.
        RowCheck Unknown(string code, string noun, string known, string key, string ledger, string ledgerZh, string fixZh)
        {
            var condition = $"t.{col} is not null and t.{col} not in (select k.{key} from {known} as k where k.{key} is not null)";
            return new RowCheck(condition, $"""
                select t.row_no, {Literal(c.Name)}, t.{txt}, '{code}',
                    'unknown {noun} '''' || t.{col} || '''' in ' || {Literal(c.ToString())} || ' (not in the {ledger} ledger)',
                    {RowZh("t.row_no")} || {Literal(Zh(c))} || '填写为' || {Quoted("t." + col)} || '，{ledgerZh}中没有这个编号',
                    {Literal(fixZh)}
                from suspects as t
                where {condition}
                """);
        }

        switch (reference.Target)
        {
            case LedgerKind.OrgUnits:
                // An org-units file may name parents defined further down the same file.
                yield return Unknown(QuarantineReasons.UnknownUnit, "organisation", contract.Kind == LedgerKind.OrgUnits
                    ? "(select unit_id from core.org_units union all select unit_id from typed where unit_id is not null)"
                    : "core.org_units", "unit_id", "org-units", "组织架构台账",
                    "请核对组织编号（见模板的下拉列表）；新成立的组织请先报送组织架构台账");
                if (reference.RequiredUnitType is { } unitType)
                    yield return new RowCheck(
                        $"t.{col} in (select u.unit_id from core.org_units as u where u.unit_type <> {Literal(unitType)})",
                        $"""
                        select t.row_no, {Literal(c.Name)}, t.{txt}, '{QuarantineReasons.NotABranch}',
                            'organisation '''' || t.{col} || '''' in ' || {Literal(c.ToString())} || ' is a ' || u.unit_type || ', not a {unitType}',
                            {RowZh("t.row_no")} || {Literal(Zh(c))} || '填写的 ' || t.{col} || '（' || u.unit_name || '）不是党支部',
                            '党员应编入党支部：请填写其所在党支部的编号，而不是党总支或学院的编号'
                        from suspects as t join core.org_units as u on u.unit_id = t.{col}
                        where u.unit_type <> {Literal(unitType)}
                        """);
                break;
            case LedgerKind.Members:
                yield return Unknown(QuarantineReasons.UnknownMember, "member", "core.memberships", "member_id", "members", "党员名册",
                    "请核对党员编号；新转入的党员请先报送党员名册");
                break;
            case LedgerKind.Activities:
                yield return Unknown(QuarantineReasons.UnknownActivity, "activity", "core.activities", "activity_id", "activities", "活动台账",
                    "请核对活动编号；请先（或同时）报送这次活动的活动台账");
                break;
        }
    }

    private IEnumerable<RowCheck> CrossColumnChecks()
    {
        if (contract.Kind == LedgerKind.Members)
            yield return new RowCheck("valid_to <= valid_from", $"""
                select row_no, 'valid_to', "valid_to__txt", '{QuarantineReasons.BadPeriod}',
                    'valid_to [转出日期] ' || strftime(valid_to, '%Y-%m-%d') || ' is not after valid_from [转入日期] ' || strftime(valid_from, '%Y-%m-%d'),
                    {RowZh()} || '“转出日期”' || strftime(valid_to, '%Y-%m-%d') || '不晚于“转入日期”' || strftime(valid_from, '%Y-%m-%d'),
                    '转出日期应晚于转入日期：请核对两个日期；尚未转出的党员“转出日期”留空'
                from suspects where valid_to <= valid_from
                """);
        if (contract.Kind == LedgerKind.Pledges)
            yield return new RowCheck("completed_on < pledged_on", $"""
                select row_no, 'completed_on', "completed_on__txt", '{QuarantineReasons.BadPeriod}',
                    'completed_on [完成日期] ' || strftime(completed_on, '%Y-%m-%d') || ' is before pledged_on [承诺日期] ' || strftime(pledged_on, '%Y-%m-%d'),
                    {RowZh()} || '“完成日期”' || strftime(completed_on, '%Y-%m-%d') || '早于“承诺日期”' || strftime(pledged_on, '%Y-%m-%d'),
                    '完成日期不能早于承诺日期：请核对两个日期'
                from suspects where completed_on < pledged_on
                """);
    }

    private string KeyHash => $"hash({string.Join(", ", contract.Key.Select(Col))})";

    /// <summary>
    /// Of the file's loaded rows, those whose key repeats are grouped by it: one content → the first row stays and
    /// the rest are exact duplicates (listed in <c>exact_duplicates</c>); several contents → every row of the key
    /// goes to <c>hits</c> (which one is right is a person's call). Both kinds leave core.
    /// </summary>
    public IEnumerable<string> Duplicates(long fileId)
    {
        var core = $"core.{contract.CoreTable}";
        var keyCols = contract.Key.Select(Col).ToList();
        var key = string.Join(", ", keyCols);
        var warehouseCols = WarehouseColumns(contract).Select(Col).ToList();
        var nonKey = WarehouseColumns(contract).Where(c => !contract.Key.Contains(c)).Select(Col).ToList();
        var content = nonKey.Count == 0 ? "0" : $"hash(struct_pack({string.Join(", ", nonKey.Select(n => $"{n} := {n}"))}))";
        yield return $"""
            create or replace temp table good as
            select _row_no as row_no, {string.Join(", ", warehouseCols)}, {content} as content_hash
            from {core}
            where _file_id = {fileId} and {KeyHash} in (select key_hash from {RepeatedKeys})
            """;
        // min = max of the content hashes ⇔ one content (hash collisions aside); cheaper than count(distinct).
        yield return $"""
            create or replace temp table key_groups as
            select {key}, count(*) as n_rows, min(row_no) as first_row_no, min(content_hash) <> max(content_hash) as is_conflict
            from good group by {key}
            """;
        var keyText = string.Join(" || ', ' || ", contract.Key.Select(k => $"'{k}=' || cast(g.{Col(k)} as varchar)"));
        var keyValues = string.Join(" || ', ' || ", contract.Key.Select(k => $"cast(g.{Col(k)} as varchar)"));
        var keyZh = string.Join("、", contract.Key.Select(k => $"“{contract.Column(k).ChineseName}”"));
        var partition = string.Join(", ", keyCols.Select(k => "good." + k));
        var join = string.Join(" and ", keyCols.Select(k => $"g.{k} = good.{k}"));
        yield return $"""
            insert into hits
            select good.row_no, {Literal(string.Join(", ", contract.Key))}, {keyValues}, '{QuarantineReasons.DuplicateKey}',
                'the key (' || {keyText} || ') has different content in rows ' ||
                string_agg(cast(good.row_no as varchar), ', ' order by good.row_no) over (partition by {partition}),
                {RowZh("good.row_no")} || '与第 ' ||
                string_agg(cast(good.row_no as varchar), '、' order by good.row_no) over (partition by {partition}) ||
                ' 行的{keyZh}相同（' || {keyValues} || '），但其余内容不同',
                {Literal($"同一{keyZh}只能对应一条记录：请保留正确的一行，更正或删除其余各行后重新报送这几行")}
            from (select * from key_groups where is_conflict) as g
            join good on {join}
            """;
        // Exact copies are skipped, not lost: each is listed with the row it repeats.
        yield return $"""
            create or replace temp table exact_duplicates as
            select good.row_no, g.first_row_no
            from (select * from key_groups where not is_conflict and n_rows > 1) as g
            join good on {join}
            where good.row_no <> g.first_row_no
            """;
        yield return $"""
            delete from {core}
            where _file_id = {fileId}
              and _row_no in (select row_no from good where row_no not in (select first_row_no from key_groups where not is_conflict))
            """;
    }
}
