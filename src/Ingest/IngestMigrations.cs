using Analytics.Warehouse;

namespace Analytics.Ingest;

/// <summary>
/// Ingest's part of the warehouse schema, as forward-only migrations: core.* holds the current state of each ledger
/// by natural key (each row with its lineage) and the catalogues; history.* the rows later files replaced; the views
/// raw.* every row ever loaded; ops.ingested_files and ops.quarantine record what ingest did. Versions are numbered
/// in the one history shared with the other stages.
/// </summary>
public static class IngestMigrations
{
    private const string Lineage = """
        _file_id bigint not null,
        _file_name varchar not null,
        _content_hash varchar not null,
        _row_no bigint not null,
        _loaded_at timestamptz not null
        """;

    private const string CoreLineage = """
        _file_id bigint not null,
        _row_no bigint not null,
        _updated_at timestamptz not null
        """;

    private static string OrgUnitColumns => """
        unit_id varchar not null,
        unit_name varchar not null,
        unit_type varchar not null,
        parent_id varchar,
        category varchar,
        established_on date,
        dissolved_on date,
        party_groups integer,
        """;

    private static string MembershipColumns => """
        member_id varchar not null,
        name varchar not null,
        member_type varchar not null,
        branch_id varchar not null,
        valid_from date not null,
        valid_to date,
        status varchar,
        gender varchar,
        joined_party_on date,
        """;

    private static string ActivityColumns => """
        activity_id varchar not null,
        unit_id varchar not null,
        held_on date not null,
        activity_types varchar[] not null,
        title varchar,
        brand_project varchar,
        participants integer,
        external_audience integer,
        partner varchar,
        hours decimal(8,2),
        """;

    private static string AttendanceColumns => """
        activity_id varchar not null,
        member_id varchar not null,
        status varchar not null,
        """;

    private static string PledgeColumns => """
        member_id varchar not null,
        programme varchar not null,
        year integer not null,
        item varchar not null,
        pledged_on date,
        completed_on date,
        evidence varchar,
        review varchar,
        """;

    private static string PublicityColumns => """
        item_id varchar not null,
        unit_id varchar not null,
        published_on date not null,
        channel varchar not null,
        title varchar,
        url varchar,
        reads bigint,
        likes bigint,
        """;

    private static string EvaluationColumns => """
        unit_id varchar not null,
        year integer not null,
        grade varchar not null,
        """;

    private static string RawAndCore(string name, string columns, string coreName) => $"""
        create table raw.{name} ({columns}
        {Lineage});
        create table core.{coreName} ({columns}
        {CoreLineage});
        """;

    /// <summary>The ledgers as (raw name, columns, core name).</summary>
    private static readonly (string Raw, string Columns, string Core)[] Ledgers =
    [
        ("org_units", OrgUnitColumns, "org_units"), ("members", MembershipColumns, "memberships"),
        ("activities", ActivityColumns, "activities"), ("attendance", AttendanceColumns, "attendance"),
        ("pledges", PledgeColumns, "pledges"), ("publicity", PublicityColumns, "publicity"),
        ("evaluations", EvaluationColumns, "evaluations"),
    ];

    private static IEnumerable<string> ColumnNames(string columns) =>
        columns.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.Split(' ')[0]);

    /// <summary>
    /// One durable copy of each row: history.* takes the rows a later file replaced (moved from raw, which held a
    /// second copy of every row in core), and raw.* becomes the view of every row ever loaded, core and history
    /// together, with the lineage it always had.
    /// </summary>
    private static string OneCopyOfEachRow() => "create schema if not exists history;\n" + string.Join("\n", Ledgers.Select(l =>
    {
        var columns = string.Join(", ", ColumnNames(l.Columns).Select(c => "r." + c));
        return $"""
            create table history.{l.Core} ({l.Columns}
            {CoreLineage});
            insert into history.{l.Core}
            select {columns}, r._file_id, r._row_no, r._loaded_at
            from raw.{l.Raw} as r
            where not exists (select 1 from core.{l.Core} as c where c._file_id = r._file_id and c._row_no = r._row_no);
            drop table raw.{l.Raw};
            create view raw.{l.Raw} as
            select {columns}, r._file_id, f.file_name as _file_name,
                f.content_hash as _content_hash, r._row_no, r._updated_at as _loaded_at
            from (select * from core.{l.Core} union all select * from history.{l.Core}) as r
            join ops.ingested_files as f on f.file_id = r._file_id;
            """;
    }));

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "schemas raw, core and ops; ledger tables; ingest bookkeeping", $"""
            create schema if not exists raw;
            create schema if not exists core;
            create schema if not exists ops;

            {string.Join("\n", Ledgers.Select(l => RawAndCore(l.Raw, l.Columns, l.Core)))}

            -- A member's attributes are those of their latest membership row; history stays in core.memberships.
            create view core.members as
            select member_id, name, member_type, status, gender, joined_party_on
            from (
                select *, row_number() over (partition by member_id order by valid_from desc, _file_id desc) as rn
                from core.memberships
            )
            where rn = 1;

            create table core.activity_type_catalogue (
                activity_type varchar not null primary key,
                type_group varchar not null
            );
            create table core.pledge_item_catalogue (
                item varchar not null primary key,
                programme varchar not null,
                item_text varchar not null
            );
            create table core.org_life_rules (
                rule_id varchar not null primary key,
                activity_type varchar not null,
                period varchar not null,
                min_count integer not null,
                applies_to varchar not null,
                source varchar
            );

            create sequence ops.file_id_seq start 1;
            create table ops.ingested_files (
                file_id bigint not null primary key,
                file_name varchar not null,
                content_hash varchar not null,
                kind varchar,
                format varchar,
                encoding varchar,
                status varchar not null,          -- loaded | rejected
                rows_read bigint not null,
                rows_loaded bigint not null,
                rows_quarantined bigint not null,
                duplicates_skipped bigint not null,
                ignored_columns varchar,
                message varchar,
                archived_to varchar,
                started_at timestamptz not null,
                finished_at timestamptz not null
            );
            create table ops.quarantine (
                file_id bigint not null,
                file_name varchar not null,
                row_no bigint not null,
                column_name varchar,
                raw_value varchar,
                reason_code varchar not null,
                reason varchar not null,
                raw_row json,
                quarantined_at timestamptz not null
            );
            """),
        new(2, "scoring parameters (composite weights, grade bands) as catalogue data", """
            create table core.scoring_parameters (
                name varchar not null primary key,
                value double not null,
                description varchar not null
            );
            """),
        new(7, "academic calendar, early-warning rules and remediation measures as catalogue data", """
            create table core.academic_calendar (
                month_of_year integer not null primary key,
                break_name varchar not null,
                note varchar
            );
            create table core.warning_rules (
                rule_id varchar not null primary key,
                label varchar not null,
                line double not null,
                breach varchar not null,            -- below | at_least
                min_concerned integer,              -- and at least this many meetings missed or members absent
                from_month_of_year integer not null,
                categories varchar[] not null,      -- empty: every branch category
                topic varchar not null,
                reasoning varchar
            );
            create table core.remediation_measures (
                topic varchar not null primary key,
                measure varchar not null,
                days integer not null
            );
            """),
        new(9, "branch categories: which owe 七一/八一 pledges; a warning rule's line may be empty (the grade band's)", """
            alter table core.warning_rules alter column line drop not null;
            create table core.branch_categories (
                category varchar not null primary key,
                owes_pledges boolean not null,
                note varchar
            );
            """),
        new(10, "a pledge item's due month and a warning rule that caps the grade, as catalogue data", """
            alter table core.pledge_item_catalogue add column due_month_of_year integer;
            alter table core.warning_rules add column caps_grade boolean default false;
            """),
        new(11, "ledgers as organisers keep them: the sheet of a workbook, skipped layout rows, exact duplicates by row, reasons in Chinese, reporting deadlines", """
            alter table ops.ingested_files add column sheet_name varchar;
            alter table ops.quarantine add column reason_zh varchar;
            alter table ops.quarantine add column fix_zh varchar;
            alter table ops.quarantine add column sheet_name varchar;
            -- Rows that are layout, not records: titles and 填表单位 lines above the header, 合计 and 填表人 lines
            -- below the records, a template's example row. Kept so that nothing a file held goes unaccounted for.
            create table ops.skipped_rows (
                file_id bigint not null,
                row_no bigint not null,
                kind varchar not null,            -- above_header | footer | example
                row_text varchar
            );
            -- Exact copies of an earlier row of the same file: counted in duplicates_skipped, listed here by row.
            create table ops.duplicate_rows (
                file_id bigint not null,
                row_no bigint not null,
                first_row_no bigint not null
            );
            create table core.ledger_deadlines (
                kind varchar not null primary key,
                label varchar not null,
                is_monthly boolean not null,
                due_day integer,
                note varchar
            );
            """),
        new(12, "one durable copy of each row: history.* for replaced rows, raw.* a view of core and history", OneCopyOfEachRow()),
        new(13, "the catalogues' content hash beside their copy in core, so that an unchanged catalogue is not rewritten", """
            create table core.catalogue_version (
                content_hash varchar not null,
                written_at timestamptz not null
            );
            """),
    ];
}
