using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Widget.Core.Posts;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Components;

/// <summary>The renderer behind every live push lives as long as the process: it must not keep what it
/// rendered, mix up renderings that overlap, or stop working after one fails.</summary>
public sealed class PostHtmlRendererTests
{
    [Fact]
    public async Task RenderedPosts_AreNotKeptByTheRenderer()
    {
        await using var services = new ServiceCollection().AddOptions().BuildServiceProvider();
        await using var renderer = new PostHtmlRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

        var (html, rendered) = await RenderAsync(renderer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Contains("rendered once, then let go", html, StringComparison.Ordinal);
        Assert.False(rendered.IsAlive, "The renderer still holds a post it rendered and sent.");
    }

    [Fact]
    public async Task PostsRenderedAtOnce_EachGetTheirOwnMarkup()
    {
        await using var services = new ServiceCollection().AddOptions().BuildServiceProvider();
        await using var renderer = new PostHtmlRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

        var posts = Enumerable.Range(1, 200)
            .Select(id => new Post(id, 1, "Ann", $"post number {id} here", DateTimeOffset.UnixEpoch, "news", ["news"]))
            .ToList();
        var html = await Task.WhenAll(posts.Select(post => Task.Run(() => renderer.RenderAsync(post))));

        for (var i = 0; i < posts.Count; i++)
        {
            Assert.Contains($"data-post-id=\"{posts[i].Id}\"", html[i], StringComparison.Ordinal);
            Assert.Contains($"post number {posts[i].Id} here", html[i], StringComparison.Ordinal);
            Assert.Single(html[i].Split("<article").Skip(1));
        }
    }

    [Fact]
    public async Task AComponentThatFails_LeavesTheRendererWorking()
    {
        await using var services = new ServiceCollection().AddOptions().BuildServiceProvider();
        await using var renderer = new PostHtmlRenderer(services.GetRequiredService<IServiceScopeFactory>(), NullLoggerFactory.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderAsync<FailingComponent>(new Dictionary<string, object?>()));
        var html = await renderer.RenderAsync(new Post(8, 1, "Ann", "still rendering", DateTimeOffset.UnixEpoch, "news", ["news"]));

        Assert.Contains("still rendering", html, StringComparison.Ordinal);
    }

    private sealed class FailingComponent : IComponent
    {
        public void Attach(RenderHandle renderHandle) { }

        public Task SetParametersAsync(ParameterView parameters) => throw new InvalidOperationException("broken component");
    }

    // Not inlined, so no local of the test method keeps the post alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(string Html, WeakReference Post)> RenderAsync(PostHtmlRenderer renderer)
    {
        var post = new Post(7, 1, "Ann", "rendered once, then let go", DateTimeOffset.UnixEpoch, "news", ["news"]);
        return (await renderer.RenderAsync(post), new WeakReference(post));
    }
}
