namespace Widget.Web.Posting;

public static class PostingServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetPosting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PostingOptions>().BindConfiguration(PostingOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PostingRateLimiter>();
        builder.Services.AddScoped<PostingService>();
        builder.Services.AddScoped<PostEditing>();
        return builder;
    }
}
