using Microsoft.AspNetCore.Http.HttpResults;

namespace Widget.Web.Hosting;

public static class StatsEndpoint
{
    public const string Path = "/_stats";

    /// <summary>
    /// Off unless <c>Diagnostics:ExposeStats</c> is true, and then only answered on a loopback
    /// connection: the figures say nothing secret but are nobody else's business.
    /// </summary>
    public static WebApplication MapStatsEndpoint(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Diagnostics:ExposeStats"))
        {
            app.MapGet(Path, GetStats);
        }

        return app;
    }

    public static Results<Ok<ProcessStats>, NotFound> GetStats(HttpContext http, bool collect = false)
    {
        if (http.Connection.RemoteIpAddress is not { } address || !System.Net.IPAddress.IsLoopback(address))
        {
            return TypedResults.NotFound();
        }

        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        return TypedResults.Ok(ProcessStats.Now());
    }
}
