using System.Text;
using Analytics.Ingest.Feedback;
using Analytics.Ingest.Loading;
using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Ingest;

/// <summary>An unreadable file gets a clear reason naming what was expected, moves aside, and the others still load.</summary>
public class RejectionTests
{
    [Theory]
    [InlineData("notes.csv", "序号,备注\n1,见附件\n", "matches no ledger kind")]
    [InlineData("members.csv", "member_id,name,branch_id\nM1,张三,B01\n", "closest is members, which also needs member_type [人员类别], valid_from [转入日期]")]
    [InlineData("dup.csv", "activity_id,活动编号,unit_id,held_on,activity_type\n", "several columns mean 'activity_id'")]
    [InlineData("data.json", "{\"member_id\": \"M1\"}", "must be an array of objects")]
    [InlineData("broken.json", "[{\"member_id\": \"M1\",", "not valid JSON")]
    [InlineData("empty.csv", "", "empty")]
    public void UnreadableFile_IsRejectedWithItsReason_AndTheOthersLoad(string name, string content, string expected)
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv", Ledgers.OrgUnits);
        w.WriteInbox(name, content);

        var outcomes = w.Ingest();

        var rejected = outcomes.Single(o => o.FileName == name);
        Assert.Equal(FileStatus.Rejected, rejected.Status);
        Assert.Contains(expected, rejected.Message);
        Assert.True(File.Exists(Path.Combine(w.Options.RejectedDir, name)));
        Assert.Contains(expected, File.ReadAllText(Path.Combine(w.Options.RejectedDir, name + ".reason.txt")));
        // The organiser's list beside it says why in Chinese.
        var list = File.ReadAllText(Path.Combine(w.Options.RejectedDir, Path.GetFileNameWithoutExtension(name) + FeedbackWriter.Suffix + ".csv"));
        Assert.Contains("本文件未能导入：", list);
        Assert.Equal(1, w.Scalar<long>("select count(*) from ops.ingested_files where status = 'rejected'"));
        Assert.Equal(FileStatus.Loaded, outcomes.Single(o => o.FileName == "o.csv").Status);
        Assert.Equal(3, w.Scalar<long>("select count(*) from core.org_units"));
    }

    [Fact]
    public void RunKilledAfterRecordingARejection_AndBeforeTheMove_IsNotRecordedTwice()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("notes.csv", "序号,备注\n1,见附件\n");
        // What a run killed between the record and the move leaves: the record, and the file still in the inbox.
        var hash = Analytics.Ingest.Reading.FileProbe.Probe(w.Inbox("notes.csv")).ContentHash;
        w.Connection.Execute("""
            insert into ops.ingested_files values (nextval('ops.file_id_seq'), 'notes.csv', ?, null, 'csv', 'utf-8', 'rejected',
                0, 0, 0, 0, null, 'the header matches no ledger kind', ?, now(), now(), null)
            """, hash, Path.Combine(w.Options.RejectedDir, "notes.csv"));

        var outcome = w.Ingest().Single();

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.True(File.Exists(Path.Combine(w.Options.RejectedDir, "notes.csv")));
        Assert.Equal(1, w.Scalar<long>("select count(*) from ops.ingested_files where status = 'rejected'"));
    }

    [Fact]
    public void BrokenXlsx_IsRejectedAsUnreadableWorkbook()
    {
        using var w = new TempWarehouse();
        // Starts like a zip (so it is taken for XLSX) but is cut short.
        File.WriteAllBytes(w.Inbox("台账.xlsx"), [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 1, 2, 3]);

        var outcome = w.Ingest().Single();

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains("XLSX", outcome.Message);
    }

    [Fact]
    public void TextInNoEncodingLedgersUse_IsRejectedNamingTheExpectedEncodings()
    {
        using var w = new TempWarehouse();
        // 0xFF is invalid in UTF-8 and cannot start a GB18030 character.
        File.WriteAllBytes(w.Inbox("bad.csv"), [.. Encoding.ASCII.GetBytes("unit_id,unit_name,unit_type\nC01,"), 0xFF, 0xFF, 0x0A]);

        var outcome = w.Ingest().Single();

        Assert.Equal(FileStatus.Rejected, outcome.Status);
        Assert.Contains("UTF-8 or GB18030", outcome.Message);
    }

    [Fact]
    public void PartialDownloadsAndLockFiles_AreLeftAlone()
    {
        using var w = new TempWarehouse();
        w.WriteInbox("o.csv.part", Ledgers.OrgUnits);
        w.WriteInbox("~$台账.xlsx", "lock");

        Assert.Empty(w.Ingest());
        Assert.True(File.Exists(w.Inbox("o.csv.part")));
    }
}
