using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Widget.Web.Posting;

public static class PostingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetPosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PostingOptions>().BindConfiguration(PostingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        // One node counts in memory; AddWidgetCluster registers the Redis limiter first when nodes share one.
        builder.Services.TryAddSingleton<LocalPostingRateLimiter>();
        builder.Services.TryAddSingleton<IPostingRateLimiter>(services => services.GetRequiredService<LocalPostingRateLimiter>());
        builder.Services.AddScoped<PostingService>();
        builder.Services.AddScoped<PostEditing>();
        return builder;
    }
}
