namespace Widget.Web.Hosting;

public static class WebHostingExtensions
{
    public static WebApplicationBuilder AddWidgetPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        // Our own headers decide who may frame a page; antiforgery's SAMEORIGIN would break the widget.
        builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();
        return builder;
    }

    public static WebApplication UseWidgetPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>The interactive pages for webmasters and moderators.</summary>
    public static WebApplication MapWidgetAdminPages(this WebApplication app)
    {
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
