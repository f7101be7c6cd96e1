using HelpPoint.Gateway;
using HelpPoint.Gateway.Admin;

// "users …" and "branches …" administer the data directory and exit; anything else runs the server.
if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args, Console.In, Console.Out, Console.Error);
}

await GatewayHost.Build(args).RunAsync();
return 0;

/// <summary>Entry point; the application is assembled in <see cref="GatewayHost"/>.</summary>
public partial class Program;
