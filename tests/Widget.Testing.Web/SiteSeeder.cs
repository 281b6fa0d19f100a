using Microsoft.Extensions.DependencyInjection;
using Widget.Core.Sites;
using Widget.Core.Tags;
using Widget.Data.Sites;

namespace Widget.Testing;

/// <summary>Claims and configures a site the way the configurator does, through the service's own store.</summary>
public static class SiteSeeder
{
    public static async Task ClaimAsync(IServiceProvider services, string tag, long ownerId, SiteSettings settings, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SiteStore>();
        if (await store.ClaimAsync(Tag.Parse(tag), ownerId, ct) != ClaimResult.Claimed || !await store.SaveAsync(Tag.Parse(tag), ownerId, settings, ct))
        {
            throw new InvalidOperationException($"#{tag} could not be claimed and set up for user {ownerId}.");
        }
    }
}
