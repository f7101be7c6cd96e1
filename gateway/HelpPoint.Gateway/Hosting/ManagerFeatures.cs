using HelpPoint.Domain.Fleet;
using HelpPoint.Domain.Stats;
using HelpPoint.Gateway.Alerts;
using HelpPoint.Gateway.Devices;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Stats;
using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Hosting;

/// <summary>
/// The branch manager's side of the gateway in one place: statistics and retention, the daily summary e-mail, fleet health and its
/// alerts, device provisioning. <see cref="GatewayHost"/> calls these two methods.
/// </summary>
public static class ManagerFeatures
{
    public static IServiceCollection AddManagerFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StatsOptions>(configuration.GetSection(StatsOptions.Section));
        services.Configure<SummaryOptions>(configuration.GetSection(SummaryOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<FleetWatchOptions>(configuration.GetSection(FleetWatchOptions.Section));
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.Section));

        services.AddSingleton<IStatsStore, EfStatsStore>();
        services.AddSingleton<IFleetAlertStore, EfFleetAlertStore>();
        services.AddSingleton<EfContactStore>();
        services.AddSingleton<EfProvisioningStore>();

        if (configuration.GetValue(StatsOptions.Section + ":" + nameof(StatsOptions.CacheClosedDays), true))
        {
            services.AddSingleton<DayCache>();
        }

        services.AddSingleton<StatsService>();
        services.AddSingleton<StatsAccess>();
        services.AddSingleton<FleetWatch>();
        services.AddSingleton<ProvisioningService>();
        services.AddSingleton<SmtpMailer>();

        // Alert delivery: every registered sink gets every alert. Web Push, ntfy and SMS join here as more IAlertSink registrations.
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertSink, FeedAlertSink>();
        services.AddSingleton<IAlertSink, EmailAlertSink>();
        services.AddSingleton<IAlertSink, PhoneAlertSink>();
        services.AddSingleton<IAlertSink, LogAlertSink>();
        services.AddSingleton<IAlertNotifier, AlertDispatcher>();
        services.AddSingleton<ThrottleAlerts>();

        services.AddHostedService<DemoHistoryStartup>();
        services.AddSingleton<DailySummaryMailer>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<DailySummaryMailer>());
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        services.AddHostedService<FleetWatchService>();
        return services;
    }

    public static RouteGroupBuilder MapManagerApis(this RouteGroupBuilder api)
    {
        api.MapDevicesApi();
        api.MapStatsApi();
        api.MapAlertsApi();
        return api;
    }
}
