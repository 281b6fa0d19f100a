using System.Collections.Concurrent;
using System.Net;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// Keeps every answer a client received, with its <c>Location</c> exactly as sent: HttpClient would parse it
/// its own way, and a test of redirects needs what a browser gets.
/// </summary>
public sealed class RedirectLog(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<Hop> hops = new();

    public IReadOnlyCollection<Hop> Hops => hops;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var location = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.ToString() : null;
        hops.Enqueue(new Hop(request.RequestUri!, response.StatusCode, location));
        return response;
    }

    public sealed record Hop(Uri Request, HttpStatusCode Status, string? Location);
}
