using HelpPoint.Simulator.Api;
using HelpPoint.Simulator.Devices;
using Microsoft.Extensions.FileProviders;

namespace HelpPoint.Simulator;

/// <summary>Builds the simulator's web host: the page at /, the API at /api/devices and /api/boards, the virtual devices as a hosted service.</summary>
public static class SimulatorHost
{
    /// <summary>The host for these command-line arguments (not yet started).</summary>
    /// <exception cref="FormatException">An option is malformed; the message names it.</exception>
    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        SimulatorSettings settings = SimulatorSettings.From(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(SimulatorSettings.DefaultUrl);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new SimulatorFleet(settings.DeviceOptions(), settings.BoardOptions(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorFleet>());

        WebApplication app = builder.Build();

        var page = new EmbeddedFileProvider(typeof(SimulatorHost).Assembly, "HelpPoint.Simulator.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapDevices();
        app.MapBoards();
        return app;
    }
}
