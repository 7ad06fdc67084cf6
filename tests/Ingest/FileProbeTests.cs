using System.Text;
using Analytics.Ingest.Contracts;
using Analytics.Ingest.Reading;

namespace Analytics.Tests.Ingest;

public class FileProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kfr-probe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>ASCII up to <paramref name="offset"/>, then the given text: puts a character exactly where the probe's reads split.</summary>
    private static byte[] At(int offset, string text)
    {
        var head = Encoding.ASCII.GetBytes("unit_id,unit_name,unit_type\n");
        var filler = Enumerable.Repeat((byte)'x', offset - head.Length).ToArray();
        filler[^1] = (byte)'\n';
        return [.. head, .. filler, .. Encoding.UTF8.GetBytes(text)];
    }

    [Theory]
    [InlineData(1 << 20)]       // 窑 starts right at the second read
    [InlineData((1 << 20) - 1)] // its first byte ends the first read, two continue in the second
    [InlineData((1 << 20) - 2)] // two bytes in the first read, one in the second
    public void Utf8CharacterAcrossTheReadBoundary_IsStillUtf8(int offset)
    {
        var probed = FileProbe.Probe(Write(At(offset, "窑火红\n")));
        Assert.Equal(("utf-8", LedgerFormat.Csv), (probed.Encoding, probed.Format));
    }

    [Fact]
    public void Gb18030Text_IsRecognised()
    {
        var probed = FileProbe.Probe(Write(FileProbe.Gb18030Strict.GetBytes("组织编号,组织名称,组织类型\nC01,陶瓷美术学院,党总支\n")));
        Assert.Equal("gb18030", probed.Encoding);
    }

    [Fact]
    public void TruncatedUtf8AtTheEnd_IsNotTakenForUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("unit_id\n窑");
        var probed = FileProbe.Probe(Write(bytes[..^1]));
        Assert.NotEqual("utf-8", probed.Encoding);
    }

    [Fact]
    public void ContentHash_DependsOnBytesOnly()
    {
        var a = FileProbe.Probe(Write(Encoding.UTF8.GetBytes("unit_id\nC01\n")));
        var b = FileProbe.Probe(Write(Encoding.UTF8.GetBytes("unit_id\nC01\n")));
        var c = FileProbe.Probe(Write(Encoding.UTF8.GetBytes("unit_id\nC02\n")));
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Equal(64, a.ContentHash.Length);
    }

    [Fact]
    public void OldBinaryXls_IsRecognisedFromItsBytes()
    {
        Assert.Equal(LedgerFormat.Xls, FileProbe.Probe(Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])).Format);
    }
}
