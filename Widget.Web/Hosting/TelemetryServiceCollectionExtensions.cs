using System.Net;
using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;

namespace Widget.Web.Hosting;

public static class TelemetryServiceCollectionExtensions
{
    public const string MetricsPath = "/metrics";

    private static readonly string[] AspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
    ];

    private static readonly IPNetwork[] PrivateNetworks =
    [
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("fc00::/7"),
    ];

    /// <summary>
    /// Metrics through OpenTelemetry: ASP.NET Core's own (requests, Kestrel, SignalR connections) and
    /// <see cref="WidgetMetrics"/>. Logs stay on the console logger; <c>Logging:Console:FormatterName=json</c>
    /// makes them one JSON object a line with the message template's named values as fields.
    /// </summary>
    public static WebApplicationBuilder AddWidgetTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<WidgetMetrics>();
        builder.Services.AddSignalR(hub => hub.AddFilter<ConnectionMetricsHubFilter>());
        // ASP.NET Core's own meters, listened to directly: the instrumentation package would add a
        // middleware frame that every open widget's WebSocket request keeps for its whole life.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([WidgetMetrics.MeterName, .. AspNetCoreMeters])
            // Listening to Blazor's render-batch timing makes every static render await a cancelled
            // task and so throw (one TaskCanceledException per page view and per live post, found
            // in a profile of the benchmark); the widget's renders are measured by its own figures.
            .AddView(instrument => instrument.Meter.Name.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                ? MetricStreamConfiguration.Drop
                : null)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Scrapes from loopback and private networks only, unless configured otherwise; others get a 404.</summary>
    public static WebApplication MapWidgetMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (options.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                http => http.Request.Path == MetricsPath && (options.AllowPublicScrape || IsPrivate(http.Connection.RemoteIpAddress)));
        }

        return app;
    }

    private static bool IsPrivate(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || PrivateNetworks.Any(network => network.Contains(address));
    }
}
