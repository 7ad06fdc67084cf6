using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Analytics.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (package python3-aiosmtpd, installed by .ci/run) storing every
/// message in a maildir, read back with MimeKit.
/// </summary>
public sealed class LoopbackSmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly string _maildir = Directory.CreateTempSubdirectory("kfr-maildir-").FullName;

    public int Port { get; } = LoopbackHttpServer.FreePort();

    public LoopbackSmtpServer()
    {
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(_maildir, folder));
        const string python = "/usr/bin/python3"; // Debian's own: the one that sees python3-aiosmtpd
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException(
                    "The SMTP test server did not start: install Debian's python3-aiosmtpd (.ci/run does). " + _process.StandardError.ReadToEnd());
            }
        }
    }

    public List<MimeMessage> Messages() =>
        Directory.Exists(Path.Combine(_maildir, "new"))
            ? Directory.GetFiles(Path.Combine(_maildir, "new")).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }
}
