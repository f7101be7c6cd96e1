using HelpPoint.Simulator.Api;
using HelpPoint.Simulator.Devices;
using Microsoft.Extensions.FileProviders;

namespace HelpPoint.Simulator;

/// <summary>Runs virtual help points with a web page at / and an HTTP API at /api/devices.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);

        SimulatorSettings settings;
        try
        {
            settings = SimulatorSettings.From(builder.Configuration);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("helppoint-simulator: " + e.Message);
            return 2;
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(SimulatorSettings.DefaultUrl);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => new SimulatorFleet(settings.DeviceOptions(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatorFleet>());

        WebApplication app = builder.Build();

        var page = new EmbeddedFileProvider(typeof(Program).Assembly, "HelpPoint.Simulator.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.MapDevices();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            string url = app.Urls.FirstOrDefault() ?? SimulatorSettings.DefaultUrl;
            Console.WriteLine($"HelpPoint simulator: open {url}/ in a browser");
            Console.WriteLine($"  {settings.Devices.Count} virtual help point(s): {string.Join(", ", settings.Devices)}");
            Console.WriteLine($"  MQTT broker {settings.MqttHost}:{settings.MqttPort}, data in {Path.GetFullPath(settings.DataPath)}");
        });

        app.Run();
        return 0;
    }
}
