using HelpPoint.Simulator.Devices;

namespace HelpPoint.Simulator;

/// <summary>Runs virtual help points and ticket displays with a web page at / and an HTTP API at /api.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = SimulatorHost.Build(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine("helppoint-simulator: " + e.Message);
            return 2;
        }

        SimulatorSettings settings = app.Services.GetRequiredService<SimulatorSettings>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            string url = app.Urls.FirstOrDefault() ?? SimulatorSettings.DefaultUrl;
            Console.WriteLine($"HelpPoint simulator: open {url}/ in a browser");
            Console.WriteLine($"  {settings.Devices.Count} virtual help point(s): {string.Join(", ", settings.Devices)}");
            if (settings.Boards.Count > 0)
            {
                Console.WriteLine($"  {settings.Boards.Count} virtual ticket display(s): {string.Join(", ", settings.Boards)}");
            }

            Console.WriteLine($"  MQTT broker {settings.MqttHost}:{settings.MqttPort}, data in {Path.GetFullPath(settings.DataPath)}");
        });

        app.Run();
        return 0;
    }
}
