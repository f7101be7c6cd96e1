using HelpPoint.Domain.Requests;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>
/// A generated month at the demo branch (October 2026, which holds the autumn DST day): 4–8 requests a day by a fixed rule, so
/// that every total can be counted from the generated list itself.
/// </summary>
public static class MonthSeed
{
    public const string Branch = "demo";
    public static readonly DateOnly First = new(2026, 10, 1);
    public static readonly DateOnly Last = new(2026, 10, 31);
    private static readonly string[] Languages = ["sv", "en", "ar", "so"];
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static IReadOnlyList<(HelpRequest Request, List<RequestEvent> Events)> Requests()
    {
        var list = new List<(HelpRequest, List<RequestEvent>)>();
        var seq = 0;
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var n = 4 + (day.Day % 5);
            for (var j = 0; j < n; j++)
            {
                seq++;
                var device = j % 2 == 0 ? "demo-hp-1" : "demo-hp-2";
                var id = $"{device}-{900000 + seq:D6}";
                var localPress = day.ToDateTime(new TimeOnly(10, 0)).AddMinutes(37 * j);
                var pressed = new DateTimeOffset(localPress, Zone.GetUtcOffset(localPress));
                var kind = j % 6;
                var done = kind is not (4 or 5);
                var assigned = done ? pressed.AddSeconds(20 + (15 * j)) : (DateTimeOffset?)null;
                var host = !done ? null : j % 3 == 0 ? "host2" : "host1";
                var request = new HelpRequest
                {
                    Id = id,
                    Branch = Branch,
                    Device = device,
                    Category = Categories.All[(day.Day + j) % 7],
                    Lang = Languages[j % 4],
                    Ticket = (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    LocalDay = day,
                    PressedAt = pressed,
                    ReceivedAt = pressed,
                    State = kind == 5 ? RequestState.Cancelled : kind == 4 ? RequestState.Expired : RequestState.Done,
                    QueueKey = pressed.ToUnixTimeMilliseconds(),
                    HostUser = host,
                    HostName = host is null ? null : host == "host1" ? "Sara" : "Yonas",
                    AssignedAt = assigned,
                    FinishedAt = kind == 5 ? pressed.AddSeconds(30) : kind == 4 ? pressed.AddHours(1) : assigned!.Value.AddSeconds(180 + (60 * j)),
                    Escalated = kind == 4,
                    Feedback = done ? (j % 3) + 1 : null,
                    Outcome = done ? "helped" : null,
                };
                var events = new List<RequestEvent> { new() { RequestId = id, Branch = Branch, At = pressed, Kind = "created", Actor = device } };
                if (assigned is { } a)
                {
                    events.Add(new RequestEvent { RequestId = id, Branch = Branch, At = a, Kind = "accepted", Actor = host! });
                }

                list.Add((request, events));
            }
        }

        return list;
    }
}
