namespace Widget.Web.Reactions;

public static class ReactionsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetReactions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReactionOptions>().BindConfiguration(ReactionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReactionRateLimiter>();
        builder.Services.AddScoped<ReactionService>();
        return builder;
    }
}
