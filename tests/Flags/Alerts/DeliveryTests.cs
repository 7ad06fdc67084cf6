using System.Diagnostics;
using System.Text.Json;
using Analytics.Flags.Alerts;
using Analytics.Warehouse;
using Analytics.Tests.Support;

namespace Analytics.Tests.Flags.Alerts;

public class DeliveryTests
{
    private static readonly Alert Sample = new(1, "open", "B0104:2026-10", "B0104", "陶瓷美术学院学生第二党支部", "陶瓷美术学院党总支", "2026-10", "2026-10", 1,
        ["规则预警"], 0.98, 0.03, "lagging-test", ["attendance", "meetings"],
        ["组织生活出勤率仅36%", "近三个月“三会一课”按期完成率33%，低于警戒线70%（同类支部中位数91%）"], ["支部委员会（2026年10月）"],
        [new Measure("补开未按期召开的会议", new DateOnly(2026, 12, 9))]);

    private static AlertOptions Fast(int retries = 3) => new() { Retries = retries, BackoffMilliseconds = 10 };

    private static List<string> Attempts(TempWarehouse w) =>
        w.Strings("select channel || '#' || attempt || ':' || succeeded from ops.alert_deliveries order by attempt");

    [Fact]
    public async Task Webhook_PostsAWecomMarkdownMessage_ToARealListener()
    {
        using var w = new TempWarehouse();
        using var server = new LoopbackHttpServer(200);
        using var http = new HttpClient();
        var options = Fast();
        options.Webhook = new WebhookOptions { Url = server.Url, Format = "wecom" };

        var deliveries = await new AlertDispatcher(w.Connection, AlertDispatcher.Channels(options, http), options, w.Clock).DeliverAsync([Sample]);

        Assert.True(deliveries.Single().Succeeded);
        using var body = JsonDocument.Parse(server.Bodies.Single());
        Assert.Equal("markdown", body.RootElement.GetProperty("msgtype").GetString());
        var content = body.RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        Assert.Contains("陶瓷美术学院学生第二党支部", content);
        Assert.Contains("- 组织生活出勤率仅36%", content);
    }

    [Theory]
    [InlineData("dingtalk", "/markdown/title")]
    [InlineData("slack", "/text")]
    [InlineData("custom", "/payload/branch")]
    public async Task Webhook_OtherFormats(string format, string pointer)
    {
        using var w = new TempWarehouse();
        using var server = new LoopbackHttpServer(200);
        using var http = new HttpClient();
        var options = Fast();
        options.Webhook = new WebhookOptions { Url = server.Url, Format = format, Template = """{"payload": {"branch": {{branch_name}}, "score": {{score}}}}""" };

        await new AlertDispatcher(w.Connection, AlertDispatcher.Channels(options, http), options, w.Clock).DeliverAsync([Sample]);

        var element = JsonDocument.Parse(server.Bodies.Single()).RootElement;
        foreach (var part in pointer.Trim('/').Split('/')) element = element.GetProperty(part);
        Assert.Contains("陶瓷美术学院学生第二党支部", element.GetString());
    }

    [Fact]
    public async Task Webhook_ThatFailsTwice_IsRetriedWithEveryAttemptStored()
    {
        using var w = new TempWarehouse();
        using var server = new LoopbackHttpServer(500, 503, 200);
        using var http = new HttpClient();
        var options = Fast();
        options.Webhook = new WebhookOptions { Url = server.Url, Format = "slack" };

        var delivery = (await new AlertDispatcher(w.Connection, AlertDispatcher.Channels(options, http), options, w.Clock).DeliverAsync([Sample])).Single();

        Assert.Equal((true, 3), (delivery.Succeeded, delivery.Attempts));
        Assert.Equal(["webhook:slack#1:false", "webhook:slack#2:false", "webhook:slack#3:true"], Attempts(w));
        Assert.Contains("HTTP 500", w.Strings("select detail from ops.alert_deliveries where attempt = 1").Single());
    }

    [Fact]
    public async Task DeadEndpoint_DoesNotThrow_OrHoldThePipeline_AndTheOtherChannelsStillDeliver()
    {
        using var w = new TempWarehouse();
        using var http = new HttpClient();
        var options = Fast(retries: 2);
        options.FilePath = Path.Combine(w.Root, "alerts", "alerts.jsonl");
        options.Webhook = new WebhookOptions { Url = $"http://127.0.0.1:{LoopbackHttpServer.FreePort()}/nobody-listens", TimeoutSeconds = 2 };
        var watch = Stopwatch.StartNew();

        var deliveries = await new AlertDispatcher(w.Connection, AlertDispatcher.Channels(options, http), options, w.Clock).DeliverAsync([Sample]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}"); // a hang detector: retries back off in milliseconds here
        Assert.Equal([("file", true), ("webhook:wecom", false)], deliveries.Select(d => (d.Channel, d.Succeeded)));
        Assert.Equal(3L, w.Scalar<long>("select count(*) from ops.alert_deliveries where channel = 'webhook:wecom' and not succeeded"));
        Assert.Contains("\"branch_id\":\"B0104\"", File.ReadAllText(options.FilePath));
    }

    [Fact]
    public async Task Email_ReachesARealSmtpServer_InChinese()
    {
        using var w = new TempWarehouse();
        using var smtp = new LoopbackSmtpServer();
        using var http = new HttpClient();
        var options = Fast();
        options.Email = new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, To = ["organiser@jdzu.example"], From = "analytics@jdzu.example" };

        var delivery = (await new AlertDispatcher(w.Connection, AlertDispatcher.Channels(options, http), options, w.Clock).DeliverAsync([Sample])).Single();

        Assert.True(delivery.Succeeded, delivery.LastError);
        var message = smtp.Messages().Single();
        Assert.Equal("【窑火红】支部预警：陶瓷美术学院学生第二党支部（2026年10月）", message.Subject);
        Assert.Contains("近三个月“三会一课”按期完成率33%，低于警戒线70%", message.TextBody);
        Assert.Equal("organiser@jdzu.example", message.To.Mailboxes.Single().Address);
    }
}
