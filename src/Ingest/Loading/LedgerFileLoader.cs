using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Loading;

/// <summary>
/// Loads one recognised ledger file, all or nothing: its text is staged, then in one transaction every row is checked
/// set-wise as it goes into core.*, where only the valid rows arrive, with their lineage (rows of earlier files with
/// the same natural key move to history.*); the rest are quarantined and the counts recorded.
/// </summary>
public sealed class LedgerFileLoader(DuckDBConnection connection, TimeProvider clock, string workDir)
{

    /// <summary>Loads one ledger of a file (the file, or one sheet of a workbook); on a <see cref="LedgerFormatException"/> nothing of it is left in the warehouse.</summary>
    public FileOutcome Load(LedgerPart part, DateOnly today, Action<string>? phase = null)
    {
        var file = part.File;
        var header = part.Header.Match;
        var contract = header.Contract;
        var started = clock.GetUtcNow();
        var timings = new Dictionary<string, double>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var current = "";
        void Phase(string name)
        {
            if (current.Length > 0) timings[current] = watch.Elapsed.TotalSeconds;
            watch.Restart();
            current = name;
            if (name != "done") phase?.Invoke(name);
        }
        var inTransaction = false;
        try
        {
            // The file's text is staged before the transaction: it only reads the file into temp tables, and DuckDB
            // scans a temp table made inside a transaction (its local storage) several times slower.
            Phase("staging");
            var staged = file.Format switch
            {
                LedgerFormat.Csv => CsvStager.Stage(connection, part, workDir),
                LedgerFormat.Xlsx or LedgerFormat.Xls => SheetStager.Stage(connection, part),
                LedgerFormat.Json => JsonStager.Stage(connection, file, header),
                _ => throw new ArgumentOutOfRangeException(nameof(part)),
            };
            Phase("layout");
            var layoutRows = LayoutRowsSql.Separate(connection, staged, contract, part.Header.ExampleRowNos);

            // The typed view and its value maps are made before the transaction, on temp tables that stay fast to scan.
            Phase("mapping values");
            var validation = new ValidationSql(contract, staged.StageColumns.ToHashSet(), today);
            foreach (var statement in validation.Statements(SpellingsOf)) connection.Execute(statement);

            // An explicit transaction rather than InTransaction: the commit is timed as a phase of its own (bench ingest).
            connection.Execute("begin transaction");
            inTransaction = true;
            Phase("loading");
            var fileId = connection.Scalar<long>("select nextval('ops.file_id_seq')");
            var loadedAt = clock.GetUtcNow();
            var columns = ValidationSql.WarehouseColumns(contract).Select(SqlExtensions.Identifier).ToList();
            var columnList = string.Join(", ", columns);
            var core = $"core.{contract.CoreTable}";
            var coreHadRows = connection.Scalar<bool>($"select exists (select 1 from {core})");
            // The rows are checked as they go into core, in one pass: core is the one durable copy of each row, with its
            // lineage (file and row), and the archived file is the raw record. Not kept in the file's order (each row
            // carries its row number): an order-keeping insert copies the part-filled row group DuckDB's CSV reader ends
            // at each buffer into core (the large tier's attendance: 226 row groups where 203 do), and the next
            // checkpoint that follows a write merges them, 1.5-1.8 s charged to whatever writes next.
            connection.Execute("set preserve_insertion_order = false");
            CheckedRows checkedRows;
            try
            {
                checkedRows = CheckedRows.Run(connection, keepValid => $"""
                    insert into {core} ({columnList}, _file_id, _row_no, _updated_at)
                    select {columnList}, ?, row_no, ? from ({validation.CheckedTyped}) where {keepValid}
                    """, staged.RowsStaged - layoutRows, fileId, loadedAt);
            }
            finally
            {
                connection.Execute("reset preserve_insertion_order");
            }
            checkedRows.WriteTo(connection);
            if (checkedRows.InvalidRowNos.Count > 0)
                foreach (var statement in validation.Hits()) connection.Execute(statement);
            var anyRepeatedKey = checkedRows.RepeatedKeyHashes.Count > 0;
            if (anyRepeatedKey)
                foreach (var statement in validation.Duplicates(fileId)) connection.Execute(statement);
            if (coreHadRows) Supersede(contract, fileId);

            if (connection.Scalar<bool>("select exists (select 1 from hits)"))
                connection.Execute("""
                    insert into ops.quarantine (file_id, file_name, row_no, column_name, raw_value, reason_code, reason, raw_row,
                        quarantined_at, reason_zh, fix_zh, sheet_name)
                    select ?, ?, h.row_no, h.column_name, h.raw_value, h.reason_code, h.reason, to_json(s), ?, h.reason_zh, h.fix_zh, ?
                    from hits as h join (select * from stage where row_no in (select row_no from hits)) as s on s.row_no = h.row_no
                    order by h.row_no, h.column_name
                    """, fileId, file.FileName, loadedAt, part.SheetName);
            var malformed = QuarantineReasons.Of(QuarantineReasons.MalformedRow);
            foreach (var reject in staged.Rejects)
                connection.Execute("""
                    insert into ops.quarantine (file_id, file_name, row_no, column_name, raw_value, reason_code, reason, raw_row,
                        quarantined_at, reason_zh, fix_zh, sheet_name)
                    values (?, ?, ?, null, ?, 'malformed_row', ?, null, ?, ?, ?, ?)
                    """, fileId, file.FileName, reject.RowNo, reject.RawText, reject.Reason, loadedAt,
                    $"第{reject.RowNo}行{malformed.Meaning}", malformed.Fix, part.SheetName);
            RecordSkippedRows(fileId, part.Header.Above, layoutRows > 0, anyRepeatedKey);

            var loaded = connection.Scalar<long>($"select count(*) from {core} where _file_id = ?", fileId);
            var quarantined = connection.Scalar<long>("select count(distinct row_no) from hits") + staged.Rejects.Count;
            var read = staged.RowsStaged - layoutRows + staged.Rejects.Count;
            var duplicates = read - loaded - quarantined;
            var ignored = header.IgnoredHeaders.Where(h => h.Length > 0).ToList();
            connection.Execute("""
                insert into ops.ingested_files (file_id, file_name, content_hash, kind, format, encoding, status, rows_read, rows_loaded,
                    rows_quarantined, duplicates_skipped, ignored_columns, message, archived_to, started_at, finished_at, sheet_name)
                values (?, ?, ?, ?, ?, ?, 'loaded', ?, ?, ?, ?, ?, null, null, ?, ?, ?)
                """, fileId, file.FileName, file.ContentHash, contract.Name, Format(file), file.Encoding,
                read, loaded, quarantined, duplicates, ignored.Count == 0 ? null : string.Join(", ", ignored), started, clock.GetUtcNow(),
                part.SheetName);
            Phase("committing");
            connection.Execute("commit");
            inTransaction = false;
            Phase("done");
            var notes = new List<string>();
            if (ignored.Count > 0) notes.Add("ignored columns: " + string.Join(", ", ignored));
            var skipped = part.Header.Above.Count + layoutRows;
            if (skipped > 0) notes.Add($"{skipped} layout row(s) skipped (title, totals, signatures or a template's example)");
            return new FileOutcome(file.FileName, FileStatus.Loaded, contract.Name, Format(file), file.Encoding,
                read, loaded, quarantined, duplicates,
                notes.Count == 0 ? null : string.Join("; ", notes), null, fileId) { PhaseSeconds = timings, SheetName = part.SheetName };
        }
        catch
        {
            if (inTransaction) connection.Execute("rollback");
            throw;
        }
        finally
        {
            DropTemps();
        }
    }

    /// <summary>
    /// The rows of earlier files whose keys this file brings again leave core for history.* (with their lineage):
    /// core holds each key's latest row, and core with history every row ever loaded (the view raw.*).
    /// </summary>
    private void Supersede(LedgerContract contract, long fileId)
    {
        var core = $"core.{contract.CoreTable}";
        var keyMatch = string.Join(" and ", contract.Key.Select(k => $"c.{SqlExtensions.Identifier(k)} = f.{SqlExtensions.Identifier(k)}"));
        var keys = string.Join(", ", contract.Key.Select(SqlExtensions.Identifier));
        var fileKeys = $"(select {keys} from {core} where _file_id = {fileId})";
        connection.Execute($"""
            insert into history.{contract.CoreTable}
            select c.* from {core} as c semi join {fileKeys} as f on {keyMatch}
            where c._file_id <> {fileId}
            """);
        connection.Execute($"delete from {core} as c using {fileKeys} as f where {keyMatch} and c._file_id <> {fileId}");
    }

    private IReadOnlyList<ValidationSql.Spelling> SpellingsOf(string table, int limit) =>
        connection.Query($"select raw, txt, canonical from {table} order by raw limit {limit}",
            r => new ValidationSql.Spelling(r.GetString(0), r.GetStringOrNull(1), r.GetStringOrNull(2)));

    public static string Format(ProbedFile file) => file.Format.ToString().ToLowerInvariant();

    /// <summary>Layout rows (above the header, totals, examples) and exact duplicates, each by row, so that nothing is unaccounted for.</summary>
    private void RecordSkippedRows(long fileId, IReadOnlyList<LayoutRow> above, bool anyLayoutBelow, bool anyRepeatedKey)
    {
        if (above.Count > 0)
        {
            using var appender = connection.CreateAppender("ops", "skipped_rows");
            foreach (var row in above)
                appender.CreateRow().AppendValue(fileId).AppendValue(row.RowNo).AppendValue(LayoutRow.KindCode(row.Kind)).AppendValue(row.Text).EndRow();
        }
        if (anyLayoutBelow)
            connection.Execute("insert into ops.skipped_rows select ?, row_no, kind, row_text from layout_rows order by row_no", fileId);
        if (anyRepeatedKey)
            connection.Execute("insert into ops.duplicate_rows select ?, row_no, first_row_no from exact_duplicates order by row_no", fileId);
    }

    /// <summary>
    /// Every temp table and view a file's load made (staging, checks, duplicates) goes with it, whatever made it:
    /// only the value map the connection keeps for every file (<see cref="SqlFunctions"/>) stays. Run in a finally,
    /// so a failure here must not hide the load's own error.
    /// </summary>
    private void DropTemps()
    {
        try
        {
            var scratch = connection.Query("""
                select 'view', view_name from duckdb_views() where temporary and not internal
                union all
                select 'table', table_name from duckdb_tables() where temporary and table_name <> ?
                """, r => (Kind: r.GetString(0), Name: r.GetString(1)), SqlFunctions.ValueMap);
            foreach (var (kind, name) in scratch.OrderBy(o => o.Kind == "view" ? 0 : 1))
                connection.Execute($"drop {kind} if exists {SqlExtensions.Identifier(name)}");
        }
        catch (DuckDBException)
        {
            // The connection is failing already: the load's error says why.
        }
    }
}
