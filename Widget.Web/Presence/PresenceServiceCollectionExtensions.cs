using Microsoft.Extensions.DependencyInjection.Extensions;
using Widget.Core.Presence;

namespace Widget.Web.Presence;

public static class PresenceServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetPresence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        // One node counts in memory; AddWidgetCluster registers the Redis store first when nodes share one.
        builder.Services.TryAddSingleton<IPresenceStore, InMemoryPresenceStore>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddSingleton<TypingThrottle>();
        builder.Services.AddHostedService<PresenceFlusher>();
        return builder;
    }
}
