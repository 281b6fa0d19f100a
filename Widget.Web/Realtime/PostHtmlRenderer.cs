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
    private readonly ILoggerFactory loggers;

    /// <summary>Components resolve scoped services; one scope serves every rendering.</summary>
    public PostHtmlRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        scope = scopes.CreateAsyncScope();
        this.loggers = loggers;
    }

    public Task<string> RenderAsync(Post post) =>
        RenderAsync<PostView>(new Dictionary<string, object?> { [nameof(PostView.Post)] = post });

    /// <summary>Another part of a post, such as its reaction counts, from its own component.</summary>
    /// <remarks>A renderer keeps every root component it rendered until it is disposed, so each
    /// rendering has its own: one renderer for the life of the process would keep every post ever sent.</remarks>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
