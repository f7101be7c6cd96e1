using HelpPoint.Gateway.Notifications.Channels.Ntfy;
using HelpPoint.Gateway.Notifications.Channels.Sms;
using HelpPoint.Gateway.Notifications.Channels.WebPush;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>Registers the delivery channels, in the order the dispatcher tries them (fallbacks last).</summary>
public static class NotificationChannelsSetup
{
    public static IServiceCollection AddNotificationChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddHttpClient(DeliveryDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IHostAddresses, DnsHostAddresses>();
        services.AddSingleton<PushEndpointGuard>();

        // Web Push goes to addresses that signed-in users choose: its client connects only through the guard, and directly
        // (a proxy would hide the address the guard must see).
        services.AddHttpClient(PushEndpointGuard.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<PushEndpointGuard>().ConnectAsync,
                UseProxy = false,
                AllowAutoRedirect = false,
            });
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<NotificationKeys>();
        services.AddSingleton<NotificationTexts>();
        services.AddSingleton<OfferActionTokens>();
        services.AddSingleton<IDeliveryChannel, WebPushChannel>();
        services.AddSingleton<IDeliveryChannel, NtfyChannel>();
        services.AddSingleton<IDeliveryChannel, SmsChannel>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        return services;
    }
}
