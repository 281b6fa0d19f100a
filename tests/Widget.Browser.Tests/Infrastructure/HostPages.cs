using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Widget.Browser.Tests.Infrastructure.HostPages))]

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// The webmasters' sites: HTML pages that tests register, served on 127.0.0.1, a site of its own
/// that is not the widget's localhost. The same server also answers as <see cref="OtherSiteHost"/>.
/// </summary>
public sealed class HostPages : IAsyncLifetime
{
    /// <summary>
    /// A second site on the same server. Chromium resolves every *.localhost name to loopback itself,
    /// treats it as secure like 127.0.0.1, and keeps it a site apart from both 127.0.0.1 and localhost.
    /// </summary>
    public const string OtherSiteHost = "webmaster-b.localhost";

    private readonly ConcurrentDictionary<string, string> pages = new();
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> sites = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication? server;
    private int port;

    /// <summary>Serves <paramref name="html"/> at a new path and returns its address on 127.0.0.1.</summary>
    public Uri Add(string html)
    {
        var path = $"/{Guid.NewGuid():N}.html";
        pages[path] = html;
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");
    }

    /// <summary>
    /// Serves <paramref name="files"/> (by path) as a site of its own on a new *.localhost name, so that pages may link
    /// to each other by absolute paths, and returns the site's root. A path not among them is answered with the file
    /// at its first segment, as a single-page app's server answers each of its routes.
    /// </summary>
    public Uri AddSite(IReadOnlyDictionary<string, string> files)
    {
        var host = $"site-{Guid.NewGuid():N}.localhost";
        sites[host] = files;
        return new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    /// <summary>The same page, as the other site serves it.</summary>
    public static Uri OnOtherSite(Uri page) => new UriBuilder(page) { Host = OtherSiteHost }.Uri;

    /// <summary>The webmaster's paste and nothing else: no script of ours runs on the host page.</summary>
    public static string IframeSnippet(Uri widget, int width = 360, int height = 480) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>A webmaster's page</title></head>
        <body>
        <iframe src="{widget}" width="{width}" height="{height}" title="Chat"></iframe>
        </body>
        </html>
        """;

    public async ValueTask InitializeAsync()
    {
        // The empty builder reads no configuration, so nothing copied beside the tests can add endpoints.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server = builder.Build();
        server.Run(ServeAsync);
        await server.StartAsync(TestContext.Current.CancellationToken);
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        port = new Uri(address).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            // Not the run's token: a cancelled run must still close the port.
            await server.StopAsync(CancellationToken.None);
            await server.DisposeAsync();
        }
    }

    private Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if (sites.TryGetValue(http.Request.Host.Host, out var site))
        {
            path = site.ContainsKey(path) ? path : "/" + path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        }

        var files = site ?? pages;
        if (!files.TryGetValue(path, out var body))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        http.Response.ContentType = path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8";
        return http.Response.WriteAsync(body, http.RequestAborted);
    }
}
