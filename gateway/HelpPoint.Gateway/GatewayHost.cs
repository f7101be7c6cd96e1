using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Common;
using HelpPoint.Domain.Devices;
using HelpPoint.Domain.Duty;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Routing;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Branches;
using HelpPoint.Gateway.Cluster;
using HelpPoint.Gateway.Devices;
using HelpPoint.Gateway.Duty;
using HelpPoint.Gateway.Health;
using HelpPoint.Gateway.Hosting;
using HelpPoint.Gateway.Mqtt;
using HelpPoint.Gateway.Notifications;
using HelpPoint.Gateway.Notifications.Channels;
using HelpPoint.Gateway.Requests;
using HelpPoint.Gateway.Requests.Engine;
using HelpPoint.Gateway.Routing;
using HelpPoint.Gateway.Stats;
using HelpPoint.Gateway.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;

namespace HelpPoint.Gateway;

/// <summary>Builds the gateway: services by feature, then endpoints by feature. Used by <c>Program</c> and by the tests.</summary>
public static class GatewayHost
{
    /// <param name="args">Command line, ASP.NET style plus <c>--demo</c>.</param>
    /// <param name="configureServices">Lets tests replace services (a fake clock) after the defaults are registered.</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        // "--demo" is a flag, not a key=value pair, so it is taken out before ASP.NET reads the command line.
        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (demo)
        {
            builder.Configuration["Demo"] = "true";
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));

        // Storage adapters.
        services.AddSingleton<DbFactory>();
        services.AddSingleton<IRequestStore, EfRequestStore>();
        services.AddSingleton<IBranchStore, EfBranchStore>();
        services.AddSingleton<IDeviceStore, EfDeviceStore>();
        services.AddSingleton<IStaffStore, EfStaffStore>();
        services.AddSingleton<IDutyStore, EfDutyStore>();
        services.AddSingleton<IRosterStore, EfRosterStore>();

        // Domain settings and the branch engines.
        var routing = new RoutingSettings();
        if (builder.Configuration.GetValue<double?>("Routing:InactivityPromptMinutes") is { } prompt)
        {
            routing.InactivityPrompt = TimeSpan.FromMinutes(prompt);
        }

        if (builder.Configuration.GetValue<double?>("Routing:InactivityGraceMinutes") is { } grace)
        {
            routing.InactivityGrace = TimeSpan.FromMinutes(grace);
        }

        services.AddSingleton(routing);
        services.AddSingleton<StoreChanges>();
        services.AddSingleton<IEventLog, EfEventLog>();
        services.AddSingleton<BranchEngines>();
        services.AddSingleton<RosterService>();
        services.AddSingleton<RosterClock>();
        services.AddSingleton<DeviceService>();
        var multiInstance = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>()?.IsExternal == true;
        services.AddCluster(builder.Configuration, multiInstance);

        // Notifications and MQTT.
        services.AddSingleton<EventHub>();
        services.AddSingleton<StaffEventBus>();
        services.AddSingleton<IAnnouncer, Announcer>();
        services.AddNotificationChannels(builder.Configuration);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<DeviceDirectory>();
        services.AddSingleton<DeviceMessageHandler>();
        services.AddSingleton<DeviceStateRepublisher>();
        var external = multiInstance;
        if (external)
        {
            services.AddSingleton<ExternalBrokerConnection>();
            services.AddSingleton<ExternalBrokerClient>();
            services.AddSingleton<IMqttPublisher>(sp => sp.GetRequiredService<ExternalBrokerConnection>());
        }
        else
        {
            services.AddSingleton<EmbeddedBroker>();
            services.AddSingleton<EmbeddedBrokerPublisher>();
            services.AddSingleton<IMqttPublisher>(sp => sp.GetRequiredService<EmbeddedBrokerPublisher>());
        }

        // Start order matters: schema first, then the broker (or the connection to it), then re-announcing state to devices.
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<HelpPoint.Gateway.Storage.Sqlite.SqliteCheckpointer>();
        if (external)
        {
            services.AddHostedService(sp => sp.GetRequiredService<ExternalBrokerClient>());
        }
        else
        {
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.AddHostedService<ResumeStartup>();
        services.AddHostedService<RoutingTicker>();

        // HTTP.
        services.AddSingleton<SessionService>();
        services.AddSingleton<BranchAccess>();
        services.AddSingleton<SignInThrottle>();
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddHelpPointAuthorization();
        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddManagerFeatures(builder.Configuration);

        configureServices?.Invoke(services);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseCookieAntiForgery();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ForwardToOwner>();

        app.MapOpenApi();
        app.MapHealthApi();
        app.MapClusterIngest();
        var api = app.MapGroup("/api/v1");
        api.MapSessionApi();
        api.MapDutyApi();
        api.MapBranchesApi();
        api.MapRequestsApi();
        api.MapEventsApi();
        api.MapManagerApis();
        api.MapChannelsApi();
        api.MapStaffSessionsApi();
        return app;
    }
}
