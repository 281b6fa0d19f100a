using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Widget.Core.Posts;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Components;

/// <summary>The renderer behind every live push lives as long as the process, so it must not keep what it rendered.</summary>
public sealed class PostHtmlRendererTests
{
    [Fact]
    public async Task RenderedPosts_AreNotKeptByTheRenderer()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new PostHtmlRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

        var (html, rendered) = await RenderAsync(renderer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Contains("rendered once, then let go", html, StringComparison.Ordinal);
        Assert.False(rendered.IsAlive, "The renderer still holds a post it rendered and sent.");
    }

    // Not inlined, so no local of the test method keeps the post alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(string Html, WeakReference Post)> RenderAsync(PostHtmlRenderer renderer)
    {
        var post = new Post(7, 1, "Ann", "rendered once, then let go", DateTimeOffset.UnixEpoch, "news", ["news"]);
        return (await renderer.RenderAsync(post), new WeakReference(post));
    }
}
