using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpPoint.Domain.Staff;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Stats;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>The statistics endpoints over real HTTP, on SQLite and on PostgreSQL: the same data must give the same figures on both.</summary>
[TestClass]
public sealed class StatsApi_Tests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [TestMethod]
    [DataRow("sqlite")]
    [DataRow("postgres")]
    public async Task The_known_day_gives_the_hand_worked_figures_on_both_databases(string provider)
    {
        await using var gw = await StatsGateway.StartAsync(provider);
        await StatsSeed.KnownDayAsync(gw);
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var json = await manager.GetStringAsync("/api/v1/stats/daily?branch=known&date=2026-11-18");

        var figures = JsonSerializer.Deserialize<JsonElement>(json);
        Assert.AreEqual("known", figures.GetProperty("branch").GetString());
        Assert.AreEqual("2026-11-18", figures.GetProperty("date").GetString());
        Assert.AreEqual("Europe/Stockholm", figures.GetProperty("timeZone").GetString());
        Assert.AreEqual(24, figures.GetProperty("hoursInDay").GetInt32());
        Assert.IsFalse(figures.GetProperty("folded").GetBoolean());
        KnownDay.AssertFigures(Read(json));
        KnownDay.AssertHostsByName(Read(json));
    }

    [TestMethod]
    public async Task The_daily_csv_keeps_its_first_rows_and_adds_the_new_figures()
    {
        await using var gw = await StatsGateway.StartAsync();
        await StatsSeed.KnownDayAsync(gw);
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var response = await manager.GetAsync("/api/v1/stats/daily?branch=known&date=2026-11-18&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        StringAssert.StartsWith(csv, "metric,key,value\n\"branch\",\"\",\"known\"\n\"date\",\"\",2026-11-18\n\"total\",\"\",12\n\"category\",\"bankid\",4\n");
        foreach (var row in new[]
        {
            "\"hour\",\"09\",2\n", "\"state\",\"done\",6\n", "\"language\",\"none\",1\n", "\"device\",\"known-hp-1\",6\n", "\"host\",\"Sara\",5\n", "\"wait_s\",\"median\",120\n", "\"wait_s\",\"p90\",200\n",
            "\"handling_s\",\"median\",240\n", "\"handling_s\",\"p90\",900\n", "\"feedback\",\"happy\",3\n", "\"target\",\"share\",0.4\n", "\"count\",\"escalated\",2\n",
            "\"count\",\"unstaffed\",1\n", "\"count\",\"cancelled\",2\n", "\"count\",\"expired\",1\n", "\"outcome\",\"no-show\",1\n", "\"category_hour\",\"bankid@09\",2\n",
        })
        {
            StringAssert.Contains(csv, row);
        }
    }

    [TestMethod]
    public async Task A_range_adds_up_its_days_and_lists_each_day_with_percentiles_over_the_whole_range()
    {
        await using var gw = await TestGateway.StartAsync();
        await StatsSeed.RequestsAsync(gw, MonthSeed.Requests());
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        var seeded = MonthSeed.Requests().Select(x => x.Request).ToList();

        var range = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/range?branch=demo&from=2026-10-01&to=2026-10-31");
        var csv = await manager.GetStringAsync("/api/v1/stats/range?branch=demo&from=2026-10-01&to=2026-10-31&format=csv");

        Assert.AreEqual(seeded.Count, range.GetProperty("total").GetInt32());
        var days = range.GetProperty("days").EnumerateArray().ToList();
        Assert.AreEqual(31, days.Count);
        Assert.AreEqual(seeded.Count(r => r.LocalDay.Day == 25), days[24].GetProperty("total").GetInt32(), "the DST day is one day like the others");
        foreach (var category in HelpPoint.Domain.Requests.Categories.All)
        {
            Assert.AreEqual(seeded.Count(r => r.Category == category), range.GetProperty("byCategory").GetProperty(category).GetInt32(), category);
        }

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.AreEqual(1 + 31 + 1, lines.Length, "header, 31 days, total");
        StringAssert.StartsWith(lines[0], "date,total,bankid,swish,print,email,phone,forms,other,wait_median_s");
        StringAssert.StartsWith(lines[1], $"2026-10-01,{seeded.Count(r => r.LocalDay.Day == 1)},");
        StringAssert.StartsWith(lines[^1], $"\"total\",{seeded.Count},");
    }

    [TestMethod]
    public async Task Branches_compare_side_by_side_and_a_manager_sees_only_their_own()
    {
        await using var gw = await StatsGateway.StartAsync();
        await StatsSeed.KnownDayAsync(gw);
        await StatsSeed.BranchAsync(gw, "other", "Other library");
        await StatsSeed.StaffAsync(gw, "kim", "Kim", StaffRole.Manager, "kim-password-1", ["known", "other"]);
        using var kim = await gw.SignInAsync("kim", "kim-password-1");

        var compared = await kim.GetFromJsonAsync<JsonElement>("/api/v1/stats/compare?from=2026-11-18&to=2026-11-18");
        var branches = await kim.GetFromJsonAsync<JsonElement>("/api/v1/stats/branches");
        var forbidden = await kim.GetAsync("/api/v1/stats/daily?branch=demo&date=2026-11-18");

        CollectionAssert.AreEqual(new[] { "known", "other" }, compared.EnumerateArray().Select(b => b.GetProperty("branch").GetString()).ToArray());
        Assert.AreEqual(12, compared[0].GetProperty("total").GetInt32());
        Assert.AreEqual(0, compared[1].GetProperty("total").GetInt32());
        CollectionAssert.AreEqual(new[] { "known", "other" }, branches.EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual(HttpStatusCode.Forbidden, forbidden.StatusCode);
        StringAssert.Contains((await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), "not one of yours");
    }

    [TestMethod]
    public async Task Request_rows_are_anonymised_and_show_host_names_only_to_roles_allowed()
    {
        await using var gw = await StatsGateway.StartAsync("sqlite", "--Stats:HostNamesFor=admin");
        await StatsSeed.KnownDayAsync(gw);
        await StatsSeed.StaffAsync(gw, "root", "Root", StaffRole.Admin, "root-password-1");
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        using var admin = await gw.SignInAsync("root", "root-password-1");

        var managerCsv = await manager.GetStringAsync("/api/v1/stats/requests?branch=known&from=2026-11-18&to=2026-11-18");
        var adminCsv = await admin.GetStringAsync("/api/v1/stats/requests?branch=known&from=2026-11-18&to=2026-11-18");
        var managerDay = await manager.GetFromJsonAsync<JsonElement>("/api/v1/stats/daily?branch=known&date=2026-11-18");

        var lines = managerCsv.TrimEnd('\n').Split('\n');
        Assert.AreEqual(13, lines.Length);
        Assert.AreEqual("date,pressed,hour,device,category,lang,state,outcome,wait_s,handling_s,within_target,escalated,unstaffed,offers,declines,feedback,host", lines[0]);
        Assert.AreEqual("2026-11-18,\"09:05:00\",9,\"known-hp-1\",\"bankid\",\"sv\",\"done\",\"helped\",30,300,true,false,false,1,0,\"happy\",\"Host A\"", lines[1]);
        Assert.IsFalse(managerCsv.Contains("known-hp-1-0000", StringComparison.Ordinal), "no request ids");
        Assert.IsFalse(managerCsv.Contains("Sara", StringComparison.Ordinal));
        Assert.IsTrue(managerDay.GetProperty("byHost").TryGetProperty("Host A", out _));
        StringAssert.Contains(adminCsv, ",\"happy\",\"Sara\"\n");
    }

    [TestMethod]
    [DataRow("/api/v1/stats/daily?branch=Known", 400, "branch must match")]
    [DataRow("/api/v1/stats/daily?branch=nowhere", 404, "unknown branch")]
    [DataRow("/api/v1/stats/daily?branch=demo&date=18-11-2026", 400, "yyyy-MM-dd")]
    [DataRow("/api/v1/stats/daily?branch=demo&format=xml", 400, "format")]
    [DataRow("/api/v1/stats/range?branch=demo&from=2026-11-18&to=2026-11-01", 400, "from must not be after to")]
    [DataRow("/api/v1/stats/range?branch=demo&from=2024-01-01&to=2026-11-01", 400, "at most 366 days")]
    [DataRow("/api/v1/stats/compare?branches=demo,nowhere", 404, "unknown branch")]
    [DataRow("/api/v1/stats/requests?branch=demo&from=2026-01-01&to=2026-03-01", 400, "at most 31 days")]
    [DataRow("/api/v1/stats/summary?branch=demo&format=pdf", 400, "format")]
    public async Task Bad_input_gets_a_problem_with_a_sentence(string path, int status, string detail)
    {
        await using var gw = await TestGateway.StartAsync();
        using var manager = await gw.SignInAsync("manager", "demo-manager");

        var response = await manager.GetAsync(path);

        Assert.AreEqual(status, (int)response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), detail);
    }

    [TestMethod]
    [DataRow("/api/v1/stats/branches")]
    [DataRow("/api/v1/stats/range?branch=demo")]
    [DataRow("/api/v1/stats/compare")]
    [DataRow("/api/v1/stats/requests?branch=demo")]
    [DataRow("/api/v1/stats/summary?branch=demo")]
    [DataRow("/api/v1/alerts")]
    public async Task Statistics_need_a_manager(string path)
    {
        await using var gw = await TestGateway.StartAsync();
        using var anonymous = gw.Client();
        using var host = await gw.SignInAsync("host1", "1111");

        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await host.GetAsync(path)).StatusCode);
    }

    /// <summary>Reads the daily JSON back into figures (the record's shape is the API's).</summary>
    private static StatsFigures Read(string json)
    {
        var e = JsonSerializer.Deserialize<JsonElement>(json);
        Dictionary<string, int> Map(string name) => e.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        double? Num(string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();
        return new StatsFigures
        {
            Total = e.GetProperty("total").GetInt32(),
            ByCategory = Map("byCategory"),
            ByHour = e.GetProperty("byHour").EnumerateArray().Select(x => x.GetInt32()).ToList(),
            ByCategoryHour = e.GetProperty("byCategoryHour").EnumerateObject()
                .ToDictionary(p => p.Name, p => (IReadOnlyList<int>)p.Value.EnumerateArray().Select(x => x.GetInt32()).ToList()),
            ByState = Map("byState"),
            ByLanguage = Map("byLanguage"),
            ByDevice = Map("byDevice"),
            ByHost = Map("byHost"),
            Hosts = e.GetProperty("hosts").Deserialize<List<HostFigures>>(Json)!,
            WaitMedianS = Num("waitMedianS"),
            WaitP90S = Num("waitP90S"),
            HandlingMedianS = Num("handlingMedianS"),
            HandlingP90S = Num("handlingP90S"),
            WaitCount = e.GetProperty("waitCount").GetInt32(),
            HandlingCount = e.GetProperty("handlingCount").GetInt32(),
            Feedback = Map("feedback"),
            Outcomes = Map("outcomes"),
            TargetAcceptS = e.GetProperty("targetAcceptS").GetInt32(),
            WithinTarget = e.GetProperty("withinTarget").GetInt32(),
            TargetEligible = e.GetProperty("targetEligible").GetInt32(),
            WithinTargetShare = Num("withinTargetShare"),
            Escalated = e.GetProperty("escalated").GetInt32(),
            Unstaffed = e.GetProperty("unstaffed").GetInt32(),
            Cancelled = e.GetProperty("cancelled").GetInt32(),
            Expired = e.GetProperty("expired").GetInt32(),
            Done = e.GetProperty("done").GetInt32(),
            Offers = e.GetProperty("offers").GetInt32(),
            Declines = e.GetProperty("declines").GetInt32(),
            OfferTimeouts = e.GetProperty("offerTimeouts").GetInt32(),
            Releases = e.GetProperty("releases").GetInt32(),
        };
    }
}
