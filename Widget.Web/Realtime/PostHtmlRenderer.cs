using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Widget.Core.Posts;
using Widget.Web.Viewing;

namespace Widget.Web.Realtime;

/// <summary>
/// Renders a post with the very component the widget page uses, so the markup pushed live and the
/// markup served in the page have one source, encoded by Razor.
/// </summary>
public sealed class PostHtmlRenderer(HtmlRenderer renderer)
{
    public Task<string> RenderAsync(Post post) =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PostView.Post)] = post });
            var output = await renderer.RenderComponentAsync<PostView>(parameters);
            return output.ToHtmlString();
        });
}
