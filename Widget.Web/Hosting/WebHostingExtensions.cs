namespace Widget.Web.Hosting;

public static class WebHostingExtensions
{
    public static WebApplicationBuilder AddWidgetPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
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
        app.MapStaticAssets();
        return app;
    }
}
