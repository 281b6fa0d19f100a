using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;

namespace Widget.Web.Realtime;

/// <summary>
/// A static HTML renderer that removes each root component as soon as its HTML is written, so one
/// renderer lives as long as the process. A renderer otherwise keeps every root it rendered, and a
/// new renderer per post was 3.7 KB of the 25 KB of garbage a post made (its batch builder,
/// dispatcher and component tables, built afresh each time).
/// </summary>
/// <remarks>Blazor flags the renderer's protected members as internals that may change between
/// releases (BL0006); a framework upgrade may need this class to follow.</remarks>
#pragma warning disable BL0006
internal sealed class ReusableHtmlRenderer(IServiceProvider services, ILoggerFactory loggers)
    : StaticHtmlRenderer(services, loggers)
{
    /// <summary>Written, read and cleared on the dispatcher with no await between, so renderings share it.</summary>
    private readonly StringWriter output = new();

    /// <summary>Must run on <see cref="StaticHtmlRenderer.Dispatcher"/>.</summary>
    public async Task<string> RenderAsync(Type componentType, ParameterView parameters)
    {
        var componentId = AssignRootComponentId(InstantiateComponent(componentType));
        try
        {
            await RenderRootComponentAsync(componentId, parameters);
            WriteComponentHtml(componentId, output);
            return output.ToString();
        }
        finally
        {
            output.GetStringBuilder().Clear();
            RemoveRootComponent(componentId);
        }
    }
}
#pragma warning restore BL0006
