using Microsoft.AspNetCore.Components;
using Widget.Core.Posts;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Renders a post with the very component the widget page uses, so the markup pushed live and the
/// markup served in the page have one source, encoded by Razor.
/// </summary>
public sealed class PostHtmlRenderer : IAsyncDisposable
{
    private readonly AsyncServiceScope scope;
    private readonly ReusableHtmlRenderer renderer;

    /// <summary>Components resolve scoped services; one scope serves every rendering.</summary>
    public PostHtmlRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        scope = scopes.CreateAsyncScope();
        renderer = new ReusableHtmlRenderer(scope.ServiceProvider, loggers);
    }

    public Task<string> RenderAsync(Post post) =>
        RenderAsync<PostView>(new Dictionary<string, object?> { [nameof(PostView.Post)] = post });

    /// <summary>Another part of a post, such as its reaction counts, from its own component.</summary>
    /// <remarks>Renderings queue on the one renderer's dispatcher; a post's takes tens of microseconds.</remarks>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(() => renderer.RenderAsync(typeof(TComponent), ParameterView.FromDictionary(parameters)));

    public async ValueTask DisposeAsync()
    {
#pragma warning disable BL0006 // Disposing is declared on Blazor's renderer base; see ReusableHtmlRenderer.
        await renderer.DisposeAsync();
#pragma warning restore BL0006
        await scope.DisposeAsync();
    }
}
