using HelpPoint.Gateway;

await GatewayHost.Build(args).RunAsync();

/// <summary>Entry point; the application is assembled in <see cref="GatewayHost"/>.</summary>
public partial class Program;
