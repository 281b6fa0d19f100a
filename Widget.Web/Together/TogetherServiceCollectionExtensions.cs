using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Widget.Web.Realtime;

namespace Widget.Web.Together;

public static class TogetherServiceCollectionExtensions
{
    /// <summary>The largest message a together client may send: a cursor is well under a kilobyte.</summary>
    public const int MaxMessageBytes = 4 * 1024;

    public static WebApplicationBuilder AddWidgetTogether(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TogetherOptions>().BindConfiguration(TogetherOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<TogetherFormOptions>().BindConfiguration(TogetherFormOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FormBudget>();
        // With Redis, AddWidgetCluster has registered the store and the changes that every node sees.
        builder.Services.TryAddSingleton<ITogetherStore, LocalTogetherStore>();
        builder.Services.AddSingleton<TogetherChanges>();
        builder.Services.TryAddSingleton<ITogetherChanges>(services => services.GetRequiredService<TogetherChanges>());
        builder.Services.AddSingleton<TogetherConnections>();
        builder.Services.AddSingleton<TogetherSessions>();
        builder.Services.AddSingleton<SessionExits>();
        builder.Services.AddSingleton<SessionLines>();
        builder.Services.AddSingleton<TogetherEvictor>();
        builder.Services.AddSingleton<PageRooms>();
        builder.Services.AddSingleton<CursorRelay>();
        builder.Services.AddSingleton<TogetherCallLimit>();
        builder.Services.AddSingleton<TogetherStoreOutage>();
        builder.Services.AddScoped<TogetherDoor>();
        builder.Services.AddSignalR().AddHubOptions<TogetherHub>(hub =>
        {
            hub.MaximumReceiveMessageSize = MaxMessageBytes;
            hub.AddFilter<HubArgumentGuard>();
            hub.AddFilter<TogetherCallLimit>();
            hub.AddFilter<TogetherStoreOutage>();
        });
        return builder;
    }

    /// <summary>Behind the same Origin check and per-address connection cap as the live hub.</summary>
    public static WebApplication MapTogetherHub(this WebApplication app)
    {
        app.UseWhen(TogetherHub.Serves, branch => branch.UseMiddleware<HubOriginGuard>().UseMiddleware<HubConnectionLimit>());
        app.MapHub<TogetherHub>(TogetherHub.Path, connection => connection.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
