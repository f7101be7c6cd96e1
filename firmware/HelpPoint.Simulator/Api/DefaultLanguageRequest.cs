namespace HelpPoint.Simulator.Api;

/// <summary>The body of <c>POST /api/devices/{id}/default-language</c>: <c>{"lang":"ar"}</c>.</summary>
public sealed record DefaultLanguageRequest(string? Lang);
