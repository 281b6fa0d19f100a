using Microsoft.Extensions.DependencyInjection;
using Widget.Core.Posts;
using Widget.Core.Tags;
using Widget.Data.Posts;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>
/// A signed-in user whose posts go straight through the service's own writer: pages and feeds are
/// tested with more posts than the rate limit lets one user send.
/// </summary>
public sealed class Author(WidgetApp app, long id, string name)
{
    public long Id => id;

    public string Name => name;

    public static async Task<Author> SignInAsync(WidgetApp app, CancellationToken ct)
    {
        using var visitor = new Visitor(app, Visitor.NewLogin());
        var token = await visitor.SignInAsync(ct);
        return new Author(app, token.User.Id, token.User.Name);
    }

    /// <param name="shadow">Stored as under a shadow ban.</param>
    public async Task<StoredPost> PostAsync(string tag, string text, CancellationToken ct, DateTimeOffset? at = null, bool shadow = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<PostWriter>();
        return await writer.StoreAsync(NewPost.Create(id, Guid.NewGuid(), Tag.Parse(tag), text), at ?? DateTimeOffset.UtcNow, shadow, ct);
    }
}
