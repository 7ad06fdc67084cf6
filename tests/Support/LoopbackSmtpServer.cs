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

    public int Port { get; }

    public LoopbackSmtpServer()
    {
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(_maildir, folder));
        // A port found free may be taken before the server binds it (by a test's own outgoing connection): the server
        // then exits, and another port is tried. Only a server that greets as SMTP (220) counts as started.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackHttpServer.FreePort();
            _process = Start(Port);
            if (Greets(_process, Port)) return;
            var error = _process.HasExited ? _process.StandardError.ReadToEnd() : "no SMTP greeting within 15 s";
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
            if (attempt == 5)
                throw new InvalidOperationException(
                    "The SMTP test server did not start: install Debian's python3-aiosmtpd (.ci/run does). " + error);
        }
    }

    private Process Start(int port)
    {
        const string python = "/usr/bin/python3"; // Debian's own: the one that sees python3-aiosmtpd
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir })
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start /usr/bin/python3 -m aiosmtpd.");
    }

    /// <summary>Whether this process answers on the port with an SMTP greeting, waiting up to 15 s for it to listen.</summary>
    private static bool Greets(Process process, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                client.ReceiveTimeout = 5000;
                using var reader = new StreamReader(client.GetStream());
                return reader.ReadLine()?.StartsWith("220", StringComparison.Ordinal) == true && !process.HasExited;
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
                Thread.Sleep(100);
            }
        }
        return false;
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
