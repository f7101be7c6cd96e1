namespace HelpPoint.Simulator.Api;

/// <summary>The body of <c>POST /api/devices/{id}/feedback</c>: <c>{"score":3}</c>.</summary>
public sealed record FeedbackRequest(int? Score);
