using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>The site claim and hand-over endpoints, called with a signed-in user's token.</summary>
internal static class SiteApi
{
    public static async Task<HttpResponseMessage> ClaimAsync(WidgetApp app, string accessToken, string tag, CancellationToken ct)
    {
        using var api = Client(app, accessToken);
        return await api.PostAsync($"/api/tags/{tag}/site", content: null, ct);
    }

    public static async Task<HttpResponseMessage> HandOverAsync(
        WidgetApp app, string accessToken, string tag, long newOwnerId, CancellationToken ct)
    {
        using var api = Client(app, accessToken);
        return await api.PutAsJsonAsync($"/api/tags/{tag}/site/owner", new { userId = newOwnerId }, ct);
    }

    private static HttpClient Client(WidgetApp app, string accessToken)
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }
}
