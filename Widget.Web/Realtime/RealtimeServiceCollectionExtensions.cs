using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Widget.Web.Auth;

namespace Widget.Web.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetRealtime(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RealtimeOptions.Section);
        builder.Services.AddOptions<RealtimeOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<RealtimeOptions>() ?? new RealtimeOptions();

        builder.Services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = options.MaxMessageBytes;
            hub.KeepAliveInterval = options.KeepAliveInterval;
            // First, so it sees what every other filter and the method throw.
            hub.AddFilter<HubCallLogFilter>();
            hub.AddFilter<TransientErrorHubFilter>();
            hub.AddFilter<SessionHubFilter>();
        })
        .AddHubOptions<LiveHub>(hub =>
        {
            // Our hub alone: Blazor's circuit hub sends null for parameters its signatures call non-nullable.
            hub.AddFilter<HubArgumentGuard>();
            hub.KeepAliveInterval = options.LiveKeepAliveInterval;
        });
        builder.Logging.AddFilter(HubCallLogFilter.DispatcherCategory, LogLevel.Critical);
        builder.Services.AddSingleton<PostHtmlRenderer>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddHostedService<OrderedFeed>();
        builder.Services.AddSingleton<LiveChannels>();
        builder.Services.AddSingleton<PostFanOut>();
        builder.Services.AddSingleton<PostChanges>();
        builder.Services.AddSingleton<OpenConnections>();
        builder.Services.AddHostedService<MemoryGiveBack>();
        builder.Services.AddScoped<CatchUpReader>();
        // One node counts in memory; AddWidgetCluster registers the Redis counter first when nodes share one.
        builder.Services.AddSingleton<LocalHubConnectionCounter>();
        builder.Services.TryAddSingleton<IHubConnectionCounter>(services => services.GetRequiredService<LocalHubConnectionCounter>());
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<RealtimeOptions>>().Value;
        app.UseWhen(LiveHub.Serves, branch => branch.UseMiddleware<HubOriginGuard>().UseMiddleware<HubConnectionLimit>());
        app.MapHub<LiveHub>(LiveHub.Path, connection =>
        {
            connection.CloseOnAuthenticationExpiration = true;
            // The slow-consumer bound. SignalR's heartbeat cancels a transport send (a WebSocket frame, an SSE
            // write, a long poll's response) that has waited this long and closes the connection, which releases
            // the writes queued behind it; what can queue meanwhile is the send buffer plus what arrives in the wait.
            connection.TransportSendTimeout = options.SlowConsumerTimeout;
            connection.TransportMaxBufferSize = options.SendBufferBytes;
        });
        return app;
    }
}
