namespace HelpPoint.Domain.Stats;

/// <summary>
/// What a range's figures are computed from: the request rows (without their event tallies) and each day's event totals, which
/// also carry what the log adds to the rows' own escalation flag and state.
/// </summary>
public sealed record FigureInputs(IReadOnlyList<StatsRow> Rows, IReadOnlyDictionary<DateOnly, EventTotals> Events);
