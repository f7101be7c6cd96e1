namespace HelpPoint.Gateway.Storage;

/// <summary>The kept aggregate of a folded day (its raw requests deleted by retention), as a JSON document per branch and day.</summary>
public sealed class StoredDayAggregate
{
    public required string Branch { get; init; }

    public required DateOnly Day { get; init; }

    /// <summary>Requests the day had (also inside the payload; a column so that totals can be checked without parsing).</summary>
    public int Total { get; set; }

    /// <summary><see cref="Domain.Stats.DayAggregate.Format"/> of the payload.</summary>
    public int Format { get; set; }

    /// <summary>The <see cref="Domain.Stats.DayAggregate"/> as JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset FoldedAt { get; set; }
}
