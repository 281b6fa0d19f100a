using Widget.Web.Hosting;

namespace Widget.Web.Viewing;

/// <summary>Who may frame a widget: any site, or only the owner's list (and our own configurator).</summary>
public static class WidgetCsp
{
    public static string For(IReadOnlyList<string> allowedDomains) =>
        SecurityHeaders.BasePolicy + (allowedDomains.Count == 0
            ? "frame-ancestors *"
            : "frame-ancestors 'self' " + string.Join(' ', allowedDomains));
}
