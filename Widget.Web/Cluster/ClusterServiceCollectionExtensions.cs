using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Widget.Core.Presence;
using Widget.Web.Calls;
using Widget.Web.Posting;
using Widget.Web.Presence;
using Widget.Web.Realtime;
using Widget.Web.Together;
using Widget.Web.Viewing;
using SignalRRedisOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace Widget.Web.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// With Redis configured, the SignalR backplane runs over it and readiness checks it; without it
    /// nothing here is registered and a single node needs only Postgres.
    /// </summary>
    public static WebApplicationBuilder AddWidgetCluster(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Redis");
        builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section)
            .PostConfigure(o => o.Configuration = string.IsNullOrWhiteSpace(connectionString) ? o.Configuration : connectionString)
            .ValidateDataAnnotations()
            .Validate(o => o.NodeHeartbeat * 2 <= o.NodeTimeout, "Redis:NodeTimeout must be at least twice Redis:NodeHeartbeat.")
            .ValidateOnStart();
        var configuration = string.IsNullOrWhiteSpace(connectionString)
            ? builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"]
            : connectionString;
        if (string.IsNullOrWhiteSpace(configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSignalR().AddStackExchangeRedis();
        // The backplane with this node's own groups beside it, so a node keeps taking connections while Redis is away.
        builder.Services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        builder.Services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
        builder.Services.RemoveAll(typeof(HubLifetimeManager<>));
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(FallbackHubLifetimeManager<>));
        builder.Services.AddSingleton<CutOffConnections>();
        builder.Services.AddHostedService<CutOffReconnector>();
        builder.Services.AddOptions<SignalRRedisOptions>().Configure<RedisConnection, IOptions<RedisOptions>>((backplane, redis, own) =>
        {
            backplane.Configuration.ChannelPrefix = RedisChannel.Literal(own.Value.ChannelPrefix);
            backplane.ConnectionFactory = _ => Task.FromResult(redis.Multiplexer);
        });
        // Presence across nodes; the hub's presence wiring takes whichever IPresenceStore is registered.
        builder.Services.AddSingleton<RedisPresenceStore>();
        builder.Services.AddSingleton<IPresenceStore>(services => services.GetRequiredService<RedisPresenceStore>());
        builder.Services.AddHostedService<PresenceHeartbeat>();
        // Posting limits across nodes, with the node's own buckets as the fallback while Redis is away.
        builder.Services.AddSingleton<LocalPostingRateLimiter>();
        builder.Services.AddSingleton<IPostingRateLimiter, RedisPostingRateLimiter>();
        // Hub connections per client address across nodes, with the node's own counts as the fallback.
        builder.Services.AddSingleton<RedisHubConnectionCounter>();
        builder.Services.AddSingleton<IHubConnectionCounter>(services => services.GetRequiredService<RedisHubConnectionCounter>());
        builder.Services.AddHostedService<HubConnectionCountsHeartbeat>();
        // Calls span nodes: members in Redis, kept alive by each node's heartbeat.
        builder.Services.AddSingleton<RedisCallDirectory>();
        builder.Services.AddSingleton<ICallDirectory>(services => services.GetRequiredService<RedisCallDirectory>());
        builder.Services.AddHostedService<CallDirectoryHeartbeat>();
        // A ring started on one node is answered on whichever node the callee's widget is connected to.
        builder.Services.AddSingleton<LocalCallRings>();
        builder.Services.AddSingleton<ICallRings, RedisCallRings>();
        // A visitor asks on one node and a moderator lets them in on another.
        builder.Services.AddSingleton<LocalCallAdmissions>();
        builder.Services.AddSingleton<ICallAdmissions, RedisCallAdmissions>();
        // Each node seats its own connections; a ban or a moderator on any node takes people out on every node.
        builder.Services.AddSingleton<RedisCallEvictions>();
        builder.Services.AddSingleton<ICallEvictions>(services => services.GetRequiredService<RedisCallEvictions>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisCallEvictions>());
        // A browsing session is joined on one node and relayed to on another; every node hears who left it.
        builder.Services.AddSingleton<RedisTogetherStore>();
        builder.Services.AddSingleton<ITogetherStore>(services => services.GetRequiredService<RedisTogetherStore>());
        builder.Services.AddHostedService<TogetherHeartbeat>();
        builder.Services.AddSingleton<RedisTogetherChanges>();
        builder.Services.AddSingleton<ITogetherChanges>(services => services.GetRequiredService<RedisTogetherChanges>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisTogetherChanges>());
        // Widget pages are cached on each node; a change drops them on all.
        builder.Services.AddSingleton<RedisPageCacheEvictions>();
        builder.Services.AddSingleton<IPageCacheEvictions>(services => services.GetRequiredService<RedisPageCacheEvictions>());
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisPageCacheEvictions>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, [Hosting.HealthEndpoints.ReadyTag]);
        return builder;
    }
}
