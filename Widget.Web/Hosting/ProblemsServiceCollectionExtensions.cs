namespace Widget.Web.Hosting;

public static class ProblemsServiceCollectionExtensions
{
    /// <summary>Every refusal and failure is answered as problem details with a detail, in every environment.</summary>
    public static WebApplicationBuilder AddWidgetProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Complete);
        // Otherwise only Development throws for an unreadable body, and Production answers a bare 400 that
        // says nothing of what was wrong; thrown, both reach BadRequestHandler.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<UnexpectedErrorHandler>();
        return builder;
    }
}
