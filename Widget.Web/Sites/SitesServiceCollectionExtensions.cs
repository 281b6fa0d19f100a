namespace Widget.Web.Sites;

public static class SitesServiceCollectionExtensions
{
    public static WebApplicationBuilder AddWidgetSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ChannelHandover>();
        return builder;
    }
}
