namespace HelpPoint.Gateway.Notifications;

/// <summary>One event for staff live views: a type (<c>request</c>, <c>queue</c>…), the branch it concerns, and its JSON-serialisable data.</summary>
public sealed record StaffEvent(long Id, string Type, string Branch, object Data);
