using System.Text.Json;
using System.Text.RegularExpressions;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Tests.Support;
using HelpPoint.Simulator.Devices;
using Microsoft.Playwright;

namespace HelpPoint.Gateway.Tests.Browser;

/// <summary>
/// The IT-host phone app (a PWA) in real Chromium at 390x844 against a real gateway and a simulated help point: the whole
/// path from a press to "done", with the device checked at every step; the live queue surviving a network loss; two hosts
/// racing; the service worker's push handler; accessibility by axe-core. Screenshots go to bin/…/screenshots.
/// </summary>
[TestClass]
public sealed class PhoneApp_Tests
{
    private const string Id = "demo-hp-1-000001";

    [TestMethod]
    public async Task A_press_reaches_the_phone_and_is_accepted_walked_to_and_done_while_the_help_point_follows_every_step()
    {
        await using var gw = await TestGateway.StartAsync();
        using var helpPoint = StartHelpPoint(gw);
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");
        await page.GetByTestId("ui-lang").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("Sign in");
        await Chromium.ScreenshotAsync(page, "phone-1-sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the sign-in screen");

        await SignInAsync(page, "host1", "1111", "Sara");
        await page.GetByTestId("lang-ar").CheckAsync();
        await Chromium.ScreenshotAsync(page, "phone-2-duty");
        await page.GetByTestId("duty-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On duty at demo");
        await Chromium.ScreenshotAsync(page, "phone-2b-on-duty");

        // The visitor presses BankID in Arabic: the offer arrives live, rings, and says what, who, where and how long.
        Assert.IsTrue(helpPoint.Press("bankid", "ar"), "the help point refused the press");
        var offer = page.GetByTestId("offer");
        await Assertions.Expect(offer).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("offer-ticket")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("offer-category")).ToHaveTextAsync("BankID");
        await Assertions.Expect(page.GetByTestId("offer-language")).ToHaveTextAsync("Arabic · العربية");
        await Assertions.Expect(page.GetByTestId("offer-device")).ToHaveTextAsync("demo-hp-1");
        await Assertions.Expect(page.GetByTestId("offer-waited")).ToHaveTextAsync(new Regex(@"^Waiting 0:0\d$"));
        await Assertions.Expect(page.GetByTestId("offer-icon")).ToHaveAttributeAsync("src", "icons/categories/bankid.svg");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-rang", "1");
        Assert.IsTrue(helpPoint.WaitForState("queued", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        await Chromium.ScreenshotAsync(page, "phone-3-offer");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the offer screen");

        // Accept, then a mistaken-tap undo: the request goes back to the queue, and the device shows it waiting again.
        await page.GetByTestId("offer-accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToBeVisibleAsync();
        Assert.IsTrue(helpPoint.WaitForState("assigned", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        Assert.AreEqual("Sara", helpPoint.Host);
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("You took ticket 1.");
        await page.GetByTestId("undo-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToHaveTextAsync("Ticket 1 is back in the queue.");
        Assert.IsTrue(helpPoint.WaitForState("queued", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");

        // Taken again from the queue: "On my way".
        await page.GetByTestId($"accept-{Id}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToContainTextAsync("On my way");
        await Assertions.Expect(page.GetByTestId("task-device")).ToHaveTextAsync("to demo-hp-1");
        Assert.IsTrue(helpPoint.WaitForState("assigned", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        await Chromium.ScreenshotAsync(page, "phone-4-on-my-way");

        // Done, with a corrected category and an outcome; then undone and done again.
        await page.GetByTestId("task-done").ClickAsync();
        await page.GetByTestId("done-category").SelectOptionAsync("print");
        await Chromium.ScreenshotAsync(page, "phone-5-done");
        await Accessibility.AssertNoSeriousViolationsAsync(page, "the done sheet");
        await page.GetByTestId("outcome-referred").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToBeHiddenAsync();
        Assert.IsTrue(helpPoint.WaitForState("done", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        await Assertions.Expect(page.GetByTestId("undo-text")).ToHaveTextAsync("Ticket 1 is done.");
        await page.GetByTestId("undo-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task")).ToBeVisibleAsync();
        Assert.IsTrue(helpPoint.WaitForState("assigned", TimeSpan.FromSeconds(5)), $"after undo the device state is {helpPoint.State}");
        await page.GetByTestId("task-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done-category")).ToHaveValueAsync("print");
        await page.GetByTestId("outcome-helped").ClickAsync();
        Assert.IsTrue(helpPoint.WaitForState("done", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");

        var stored = await gw.Get<IRequestStore>().FindAsync(Id);
        Assert.AreEqual((RequestState.Done, "helped", "print", "host1"), (stored!.State, stored.Outcome, stored.Category, stored.HostUser));
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task The_live_queue_comes_back_by_itself_after_a_network_loss_and_catches_up_on_what_it_missed()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");
        await SignInAsync(page, "host1", "1111", "Sara");
        await page.GetByTestId("duty-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("I tjänst på demo");
        await using var device = await gw.DeviceAsync();

        // The phone loses its network and the gateway drops the stream.
        await page.Context.SetOfflineAsync(true);
        Assert.AreEqual(1, gw.Get<EventHub>().Disconnect("host1"));
        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "off");
        await device.RequestAsync(1, "email", "so");
        await Task.Delay(500);
        await Assertions.Expect(page.GetByTestId($"request-{Id}")).ToHaveCountAsync(0);

        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "on");
        await Assertions.Expect(page.GetByTestId("offer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("offer-category")).ToHaveTextAsync("E-post");
        await Assertions.Expect(page.GetByTestId($"request-{Id}")).ToHaveAttributeAsync("data-offered", "me");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task A_host_takes_a_break_without_ending_the_shift_gets_no_offer_meanwhile_and_comes_back()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await Chromium.PhonePageAsync(gw.Http);

        // English from the first paint: choosing it in the picker races the app's own first load of its texts.
        await page.AddInitScriptAsync("localStorage.setItem('hp.uiLang', 'en')");
        await page.GotoAsync("/");
        await SignInAsync(page, "host1", "1111", "Sara");
        await Assertions.Expect(page.GetByTestId("pause-toggle")).ToBeHiddenAsync();
        await page.GetByTestId("duty-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On duty at demo");

        await page.GetByTestId("pause-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On a break at demo: no offers until you are back");
        await Assertions.Expect(page.GetByTestId("pause-toggle")).ToHaveTextAsync("Back from break");
        await using var device = await gw.DeviceAsync();
        await device.RequestAsync(1);
        await Assertions.Expect(page.GetByTestId($"request-{Id}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("offer")).ToBeHiddenAsync();

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("pause-toggle")).ToHaveTextAsync("Back from break");
        await page.GetByTestId("pause-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On duty at demo");
        await Assertions.Expect(page.GetByTestId("offer")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"request-{Id}")).ToHaveAttributeAsync("data-offered", "me");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task Two_hosts_racing_for_one_request_see_one_winner_and_a_clear_message_for_the_other()
    {
        await using var gw = await TestGateway.StartAsync();
        using var helpPoint = StartHelpPoint(gw);
        var sara = await Chromium.PhonePageAsync(gw.Http);
        var yonas = await Chromium.PhonePageAsync(gw.Http);
        foreach (var (page, user, pin, name) in new[] { (sara, "host1", "1111", "Sara"), (yonas, "host2", "2222", "Yonas") })
        {
            await page.GotoAsync("/");
            await page.GetByTestId("ui-lang").SelectOptionAsync("en");
            await SignInAsync(page, user, pin, name);
            await page.GetByTestId("duty-toggle").ClickAsync();
            await Assertions.Expect(page.GetByTestId("duty-state")).ToHaveTextAsync("On duty at demo");
        }

        Assert.IsTrue(helpPoint.Press("phone", "sv"));
        await Assertions.Expect(sara.GetByTestId("offer")).ToBeVisibleAsync();
        var yonasAccept = yonas.GetByTestId($"accept-{Id}");
        await Assertions.Expect(yonasAccept).ToBeVisibleAsync();

        // Both tap at the same instant (the two pages share the browser's clock), so both requests are on their way
        // before either phone hears who won.
        var at = await sara.EvaluateAsync<double>("() => Date.now() + 300");
        await Task.WhenAll(
            sara.EvaluateAsync("at => setTimeout(() => document.querySelector('[data-testid=\"offer-accept\"]').click(), at - Date.now())", at),
            yonas.EvaluateAsync($"at => setTimeout(() => document.querySelector('[data-testid=\"accept-{Id}\"]').click(), at - Date.now())", at));

        Assert.IsTrue(helpPoint.WaitForState("assigned", TimeSpan.FromSeconds(5)), $"device state is {helpPoint.State}");
        var winner = helpPoint.Host;
        Assert.IsTrue(winner is "Sara" or "Yonas", winner);
        var (won, lost) = winner == "Sara" ? (sara, yonas) : (yonas, sara);
        await Assertions.Expect(won.GetByTestId("task")).ToBeVisibleAsync();
        await Assertions.Expect(lost.GetByTestId("notice")).ToHaveTextAsync($"Too late: {winner} already took ticket 1.");
        await Assertions.Expect(lost.GetByTestId("task")).ToBeHiddenAsync();
        await Assertions.Expect(lost.GetByTestId("offer")).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(lost, "phone-6-race-lost");
        await sara.Context.CloseAsync();
        await yonas.Context.CloseAsync();
    }

    [TestMethod]
    public async Task The_service_worker_shows_a_pushed_offer_with_an_accept_button_and_the_shell_opens_offline()
    {
        await using var gw = await TestGateway.StartAsync();
        var origin = gw.Http.ToString().TrimEnd('/');
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.Context.GrantPermissionsAsync(["notifications"], new BrowserContextGrantPermissionsOptions { Origin = origin });
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
            {
                if (!r.GetProperty("isDeleted").GetBoolean())
                {
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await page.GotoAsync("/");
        Assert.IsTrue(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => Boolean(r.active))"));
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The app is not on screen (the phone shows something else): the worker shows the system notification.
        await page.GotoAsync("about:blank");
        var request = new { id = "demo-hp-1-000007", ticket = "7", category = "bankid", state = "queued" };
        await DeliverPushAsync(cdp, origin, registrationId, new
        {
            kind = "offer",
            title = "BankID · ticket 7",
            body = "Arabic · demo-hp-1 · waiting 1 min",
            tag = "request-demo-hp-1-000007",
            acceptLabel = "Accept",
            urgent = true,
            request,
        });
        await page.GotoAsync(origin + "/");
        var shown = await WaitForNotificationsAsync(page, n => n.GetArrayLength() == 1);
        Assert.AreEqual("BankID · ticket 7", shown[0].GetProperty("title").GetString());
        Assert.AreEqual("Arabic · demo-hp-1 · waiting 1 min", shown[0].GetProperty("body").GetString());
        Assert.AreEqual("request-demo-hp-1-000007", shown[0].GetProperty("tag").GetString());
        Assert.AreEqual("accept", shown[0].GetProperty("actions")[0].GetString());
        Assert.AreEqual("demo-hp-1-000007", shown[0].GetProperty("requestId").GetString());
        Assert.IsTrue(shown[0].GetProperty("requireInteraction").GetBoolean());

        // The offer went to a colleague: the notification is replaced, without the Accept button.
        await page.GotoAsync("about:blank");
        await DeliverPushAsync(cdp, origin, registrationId, new
        {
            kind = "offer-withdrawn",
            title = "Ticket 7 went to a colleague",
            body = "No need to go.",
            tag = "request-demo-hp-1-000007",
            request,
        });
        await page.GotoAsync(origin + "/");
        shown = await WaitForNotificationsAsync(page, n => n.GetArrayLength() == 1 && n[0].GetProperty("title").GetString() == "Ticket 7 went to a colleague");
        Assert.AreEqual(0, shown[0].GetProperty("actions").GetArrayLength());

        // The installed shell opens without a network.
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "off");
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task The_app_is_installable_with_a_manifest_icons_a_service_worker_and_one_text_file_per_language()
    {
        await using var gw = await TestGateway.StartAsync();
        using var client = gw.Client();

        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.AreEqual("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
        Assert.AreEqual("standalone", json.GetProperty("display").GetString());
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var response = await client.GetAsync("/" + icon.GetProperty("src").GetString());
            Assert.IsTrue(response.IsSuccessStatusCode, icon.ToString());
            Assert.AreEqual(icon.GetProperty("type").GetString(), response.Content.Headers.ContentType?.MediaType);
        }

        Assert.IsTrue(json.GetProperty("icons").EnumerateArray().Any(i => i.GetProperty("purpose").GetString() == "maskable"));
        Assert.AreEqual("text/javascript", (await client.GetAsync("/sw.js")).Content.Headers.ContentType?.MediaType);
        var english = Keys(await client.GetStringAsync("/i18n/en.json"));
        foreach (var language in JsonDocument.Parse(await client.GetStringAsync("/i18n/index.json")).RootElement.EnumerateArray())
        {
            var code = language.GetProperty("code").GetString();
            Assert.IsTrue(english.SetEquals(Keys(await client.GetStringAsync($"/i18n/{code}.json"))), $"{code}.json has exactly the keys of en.json");
        }
    }

    [TestMethod]
    public async Task A_host_stays_signed_in_across_reloads_picks_a_language_and_a_manager_can_sign_a_lost_phone_out()
    {
        await using var gw = await TestGateway.StartAsync();
        var page = await Chromium.PhonePageAsync(gw.Http);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("Logga in");
        await page.GetByTestId("login-user").FillAsync("host1");
        await page.GetByTestId("login-secret").FillAsync("0000");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Fel användare eller PIN-kod.");

        await SignInAsync(page, "host2", "2222", "Yonas");
        await page.GetByTestId("ui-lang").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Sign out");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync("Yonas");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Sign out");
        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "on");

        // The phone is lost: a manager signs it out, and it goes back to the sign-in screen on its own.
        using var manager = await gw.SignInAsync("manager", "demo-manager");
        Assert.IsTrue((await manager.PostAsync("/api/v1/staff/host2/sign-out", null)).IsSuccessStatusCode);
        await Assertions.Expect(page.GetByTestId("login")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("login")).ToBeVisibleAsync();

        await SignInAsync(page, "host2", "2222", "Yonas");
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("login")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static VirtualHelpPoint StartHelpPoint(TestGateway gw)
    {
        var helpPoint = new VirtualHelpPoint(new VirtualHelpPointOptions
        {
            Branch = "demo",
            DeviceId = "demo-hp-1",
            Secret = "demo-secret",
            MqttPort = gw.MqttPort,
            DataPath = Path.Combine(gw.DataPath, "simulator"),
        });
        helpPoint.Start();
        Assert.IsTrue(helpPoint.WaitForConnected(TimeSpan.FromSeconds(10)), "the simulated help point did not connect");
        return helpPoint;
    }

    private static async Task SignInAsync(IPage page, string user, string pin, string name)
    {
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-secret").FillAsync(pin);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-live", "on");
    }

    private static Task DeliverPushAsync(ICDPSession cdp, string origin, string registrationId, object data) =>
        cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
        {
            ["origin"] = origin,
            ["registrationId"] = registrationId,
            ["data"] = JsonSerializer.Serialize(data),
        });

    private static async Task<JsonElement> WaitForNotificationsAsync(IPage page, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var shown = await page.EvaluateAsync<JsonElement>("""
                () => navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => list.map(n => ({
                  title: n.title, body: n.body, tag: n.tag, requireInteraction: n.requireInteraction,
                  actions: n.actions.map(a => a.action), requestId: n.data && n.data.requestId })))
                """);
            if (done(shown))
            {
                return shown;
            }

            Assert.IsTrue(DateTime.UtcNow < deadline, "notifications shown: " + shown);
            await Task.Delay(100);
        }
    }

    private static HashSet<string> Keys(string json) => JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
