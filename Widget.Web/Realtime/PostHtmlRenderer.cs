using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
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
    private readonly HtmlRenderer renderer;

    /// <summary>Components resolve scoped services; one scope lives as long as this renderer.</summary>
    public PostHtmlRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        scope = scopes.CreateAsyncScope();
        renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
    }

    public Task<string> RenderAsync(Post post) =>
        RenderAsync<PostView>(new Dictionary<string, object?> { [nameof(PostView.Post)] = post });

    /// <summary>Another part of a post, such as its reaction counts, from its own component.</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync();
        await scope.DisposeAsync();
    }
}
