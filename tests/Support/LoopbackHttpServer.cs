using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that answers each request with the next scripted status and keeps the bodies.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;
    private readonly Task _loop;

    public string Url { get; }
    public List<string> Bodies { get; } = [];

    public LoopbackHttpServer(params int[] statuses)
    {
        _statuses = new Queue<int>(statuses);
        Url = $"{StartOnAFreePort(_listener)}hook?key=secret-robot-key";
        _loop = Task.Run(Serve);
    }

    /// <summary>Starts the listener on a free port of 127.0.0.1 and returns its base URL. A port found free may be taken
    /// before the listener binds it (by a test's own outgoing connection): another is tried.</summary>
    public static string StartOnAFreePort(HttpListener listener)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            listener.Prefixes.Clear();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return url;
            }
            catch (HttpListenerException) when (attempt < 5) { }
        }
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                body = await reader.ReadToEndAsync();
            lock (Bodies) Bodies.Add(body);
            context.Response.StatusCode = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            context.Response.Close();
        }
    }

    // Close alone: on Linux, Stop then Close unregisters the prefix twice, and the second time the managed listener
    // binds the port again to look it up, which fails with "Address already in use" while the port's closed
    // connections are still in TIME_WAIT.
    public void Dispose() => _listener.Close();
}
