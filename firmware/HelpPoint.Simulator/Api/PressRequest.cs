namespace HelpPoint.Simulator.Api;

/// <summary>The body of <c>POST /api/devices/{id}/press</c>: <c>{"category":"bankid","lang":"sv"}</c>.</summary>
public sealed record PressRequest(string? Category, string? Lang);
