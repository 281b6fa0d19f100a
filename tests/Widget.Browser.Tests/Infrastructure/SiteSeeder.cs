using Microsoft.Extensions.DependencyInjection;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Sites;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>Claims and configures a site the way the configurator does, through the service's own store.</summary>
internal static class SiteSeeder
{
    public static async Task ClaimAsync(WidgetApp app, string tag, long ownerId, SiteSettings settings, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SiteStore>();
        Assert.Equal(ClaimResult.Claimed, await store.ClaimAsync(Tag.Parse(tag), ownerId, ct));
        Assert.True(await store.SaveAsync(Tag.Parse(tag), ownerId, settings, ct));
    }
}
