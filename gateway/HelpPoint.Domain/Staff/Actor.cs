namespace HelpPoint.Domain.Staff;

/// <summary>The signed-in staff user on whose behalf an operation runs.</summary>
public sealed record Actor(string UserName, string DisplayName, StaffRole Role)
{
    public bool IsManagerOrAdmin => Role is StaffRole.Manager or StaffRole.Admin;

    /// <summary>Roles that take requests from the queue.</summary>
    public bool HelpsVisitors => Role is StaffRole.Host or StaffRole.Desk;
}
