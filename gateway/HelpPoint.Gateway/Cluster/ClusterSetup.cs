using HelpPoint.Gateway.Storage;

namespace HelpPoint.Gateway.Cluster;

/// <summary>Registers who owns which branch: every branch here, or (external broker + PostgreSQL) leases among gateways.</summary>
public static class ClusterSetup
{
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration, bool externalBroker)
    {
        services.Configure<ClusterOptions>(configuration.GetSection(ClusterOptions.Section));
        services.AddSingleton<ClusterKey>();
        services.AddSingleton<DeviceMessageForwarder>();
        services.AddHttpClient(ForwardToOwner.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? "sqlite";
        if (externalBroker && string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<BranchLeases>();
            services.AddSingleton<IBranchOwnership>(sp => sp.GetRequiredService<BranchLeases>());
            services.AddHostedService(sp => sp.GetRequiredService<BranchLeases>());
        }
        else
        {
            services.AddSingleton<IBranchOwnership, EveryBranchHere>();
        }

        return services;
    }
}
