namespace HelpPoint.Gateway.Notifications;

/// <summary>
/// One event for staff live views: a type (<c>request</c>, <c>queue</c>, <c>offer</c>…), the branch it concerns, its
/// JSON-serialisable data, and the users it is for (empty: everyone watching the branch).
/// </summary>
public sealed record StaffEvent(long Id, string Type, string Branch, object Data, IReadOnlyList<string> Users)
{
    public bool IsFor(string user) => Users.Count == 0 || Users.Contains(user, StringComparer.Ordinal);
}
