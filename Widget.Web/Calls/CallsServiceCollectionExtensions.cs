using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Widget.Web.Realtime;

namespace Widget.Web.Calls;

public static class CallsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetCalls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.RingWindow >= o.RingTimeout, "Calls:RingWindow must be at least Calls:RingTimeout.")
            .Validate(o => o.JoinRequestWindow >= o.JoinRequestTimeout, "Calls:JoinRequestWindow must be at least Calls:JoinRequestTimeout.")
            .ValidateOnStart();
        builder.Services.AddSignalR().AddHubOptions<CallHub>(hub => hub.AddFilter<HubArgumentGuard>());
        builder.Services.AddSingleton<CallRooms>();
        // With Redis, AddWidgetCluster has registered the directory that spans the nodes.
        builder.Services.TryAddSingleton<ICallDirectory, LocalCallDirectory>();
        builder.Services.AddSingleton<CallRateLimit>();
        builder.Services.AddSingleton<TurnCredentials>();
        builder.Services.AddSingleton<CallEvictor>();
        builder.Services.AddScoped<CallModeration>();
        // With Redis, AddWidgetCluster has registered the rings that every node sees.
        builder.Services.TryAddSingleton<ICallRings, LocalCallRings>();
        builder.Services.AddSingleton<DirectRings>();
        builder.Services.AddScoped<DirectCallRules>();
        builder.Services.AddSingleton<SessionCalls>();
        builder.Services.AddSingleton<SessionCallWatchers>();
        // With Redis, AddWidgetCluster has registered the requests and admissions that every node sees.
        builder.Services.TryAddSingleton<ICallAdmissions, LocalCallAdmissions>();
        builder.Services.AddSingleton<JoinRequestEnds>();
        builder.Services.AddScoped<CallDoor>();
        // With Redis, AddWidgetCluster has registered the evictions that reach every node.
        builder.Services.TryAddSingleton<ICallEvictions>(services => services.GetRequiredService<CallEvictor>());
        return builder;
    }

    /// <summary>The same guards as the live hub's: browsers from other sites' pages refused, connections per address capped.</summary>
    public static WebApplication MapCallHub(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<RealtimeOptions>>().Value;
        app.UseWhen(CallHub.Serves, branch => branch.UseMiddleware<HubOriginGuard>().UseMiddleware<HubConnectionLimit>());
        app.MapHub<CallHub>(CallHub.Path, connection =>
        {
            connection.CloseOnAuthenticationExpiration = true;
            connection.TransportSendTimeout = options.SlowConsumerTimeout;
            connection.TransportMaxBufferSize = options.SendBufferBytes;
        });
        return app;
    }
}
