using System.Net.Http.Headers;

namespace Widget.Cluster.Tests.Infrastructure;

internal static class ClusterApi
{
    /// <summary>An HTTP client for one node, calling the API with a bearer token as an app would.</summary>
    public static HttpClient For(WidgetNode node, string token)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
