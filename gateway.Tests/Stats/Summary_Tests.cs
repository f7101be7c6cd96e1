using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>The daily summary as a page and as e-mail, sent on schedule through a fake SMTP server on loopback.</summary>
[TestClass]
public sealed class Summary_Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static Task<TestGateway> StartWithSmtpAsync(FakeSmtpServer smtp) => StatsGateway.StartAsync(
        "sqlite",
        "--Smtp:Host=127.0.0.1", $"--Smtp:Port={smtp.Port}", "--Smtp:Security=none", "--Smtp:From=helppoint@library.test",
        "--Summary:SendAt=07:00", "--Summary:CheckEvery=00:01:00", "--Summary:DashboardUrl=https://helppoint.library.test/manager/");

    [TestMethod]
    public async Task The_previous_days_summary_is_mailed_to_the_branchs_managers_after_seven_once()
    {
        await using var smtp = new FakeSmtpServer();
        await using var gw = await StartWithSmtpAsync(smtp);
        await StatsSeed.KnownDayAsync(gw);
        await StatsSeed.StaffAsync(gw, "kim", "Kim", StaffRole.Manager, "kim-password-1", ["known"], email: "kim@library.test");
        await StatsSeed.StaffAsync(gw, "lee", "Lee", StaffRole.Manager, "lee-password-1", ["known"]);
        await StatsSeed.StaffAsync(gw, "noa", "Noa", StaffRole.Manager, "noa-password-1", ["elsewhere"], email: "noa@library.test");

        // The check at start (16:40 on the 18th) may already have mailed the 17th, depending on whether kim existed by then;
        // this test is about the 18th.
        List<ReceivedMail> Of18th() => smtp.Messages.Where(m => m.Subject.EndsWith("Wed 18 Nov", StringComparison.Ordinal)).ToList();

        // 06:59 the next morning: not yet.
        gw.Clock().SetUtcNow(DateTimeOffset.Parse("2026-11-19T05:59:00Z"));
        await Task.Delay(300);
        Assert.AreEqual(0, Of18th().Count);

        gw.Clock().SetUtcNow(DateTimeOffset.Parse("2026-11-19T06:01:00Z"));
        var deadline = DateTime.UtcNow + Bound;
        while (Of18th().Count == 0 && DateTime.UtcNow < deadline)
        {
            await smtp.WaitForAsync(smtp.Messages.Count + 1, TimeSpan.FromMilliseconds(200));
        }

        Assert.AreEqual(1, Of18th().Count, "no summary e-mail for the 18th");
        var mail = Of18th()[0];
        CollectionAssert.AreEqual(new[] { "kim@library.test" }, mail.To.ToArray());
        Assert.AreEqual("helppoint@library.test", mail.From);
        Assert.AreEqual("HelpPoint Known library: 12 requests on Wed 18 Nov", mail.Subject);
        var text = mail.Part("text/plain")!;
        StringAssert.Contains(text, "Known library — Wednesday 18 November 2026");
        StringAssert.Contains(text, "Requests                            12");
        StringAssert.Contains(text, "40 %");
        StringAssert.Contains(text, "2 min / 3 min 20 s");
        StringAssert.Contains(text, "https://helppoint.library.test/manager/#day/known/2026-11-18");
        var html = mail.Part("text/html")!;
        StringAssert.Contains(html, "<tr data-key=\"requests\"><th>Requests</th><td class=\"day\">12</td><td class=\"week\">0</td></tr>");
        StringAssert.Contains(html, "<style>");

        // Later checks the same morning send nothing more.
        var before = smtp.Messages.Count;
        gw.Clock().Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(500);
        Assert.AreEqual(before, smtp.Messages.Count);
    }

    [TestMethod]
    public async Task A_manager_can_send_a_summary_now_and_learns_who_has_no_address()
    {
        await using var smtp = new FakeSmtpServer();
        await using var gw = await StartWithSmtpAsync(smtp);
        await StatsSeed.KnownDayAsync(gw);
        await StatsSeed.StaffAsync(gw, "kim", "Kim", StaffRole.Manager, "kim-password-1", ["known"], email: "kim@library.test");
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var response = await manager.PostAsync("/api/v1/stats/summary/send?branch=known&date=2026-11-18", null);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual(1, result.GetProperty("recipients").GetInt32());
        CollectionAssert.AreEqual(new[] { "manager" }, result.GetProperty("managersWithoutEmail").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.IsTrue(await smtp.WaitForAsync(1, Bound));
        Assert.IsTrue(smtp.Messages.Any(m => m.Subject == "HelpPoint Known library: 12 requests on Wed 18 Nov" && m.To.SequenceEqual(["kim@library.test"])));
    }

    [TestMethod]
    public async Task Without_smtp_sending_is_refused_with_a_reason()
    {
        await using var gw = await StatsGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var response = await manager.PostAsync("/api/v1/stats/summary/send?branch=demo", null);

        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "not configured");
    }

    [TestMethod]
    public async Task The_summary_page_has_the_key_figures_the_week_before_and_an_hour_chart()
    {
        await using var gw = await StatsGateway.StartAsync();
        await StatsSeed.KnownDayAsync(gw);
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var html = await manager.GetStringAsync("/api/v1/stats/summary?branch=known&date=2026-11-18&format=html");
        var json = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/summary?branch=known&date=2026-11-18");
        var yesterday = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/summary?branch=known");

        StringAssert.Contains(html, "<article class=\"summary\" data-testid=\"summary\" data-branch=\"known\" data-date=\"2026-11-18\">");
        StringAssert.Contains(html, "<svg class=\"summary-chart\"");
        StringAssert.Contains(html, "data-hour=\"9\" data-value=\"2\"");
        StringAssert.Contains(html, "data-testid=\"summary-busiest\">09:00</strong>");
        Assert.AreEqual(12, json.GetProperty("day").GetProperty("total").GetInt32());
        Assert.AreEqual("2026-11-11", json.GetProperty("weekBefore").GetProperty("date").GetString());
        Assert.AreEqual("2026-11-17", yesterday.GetProperty("day").GetProperty("date").GetString(), "the default is yesterday in the branch's time zone");
    }
}
