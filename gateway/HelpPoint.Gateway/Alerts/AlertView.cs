using HelpPoint.Domain.Fleet;

namespace HelpPoint.Gateway.Alerts;

/// <summary>An alert as the API and the live feed show it.</summary>
public sealed record AlertView(long Id, string Branch, string Device, string Kind, string Message, DateTimeOffset? Since, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, bool Open)
{
    public static AlertView From(FleetAlert a) => new(a.Id, a.Branch, a.Device, a.Kind, a.Message, a.Since, a.RaisedAt, a.ClearedAt, a.IsOpen);
}
