using Microsoft.AspNetCore.SignalR;
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
            hub.AddFilter<TransientErrorHubFilter>();
            hub.AddFilter<SessionHubFilter>();
        });
        builder.Services.AddSingleton<PostHtmlRenderer>();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSingleton<PostChanges>();
        builder.Services.AddScoped<CatchUpReader>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments(LiveHub.Path), branch => branch.UseMiddleware<HubOriginGuard>());
        app.MapHub<LiveHub>(LiveHub.Path, connection => connection.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
