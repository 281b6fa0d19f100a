using Widget.Web.Hosting;

namespace Widget.Web.Viewing;

/// <summary>Who may frame a widget: any site, or only the owner's list (and our own configurator).</summary>
public static class WidgetCsp
{
    public static string For(IReadOnlyList<string> allowedDomains) =>
        SecurityHeaders.BasePolicy + (allowedDomains.Count == 0
            ? "frame-ancestors *"
            : "frame-ancestors 'self' " + string.Join(' ', allowedDomains.Select(EveryPortUnlessGiven)));

    // A webmaster who writes a host means the host: in CSP a host without a port is only its scheme's default port.
    private static string EveryPortUnlessGiven(string domain) =>
        domain[(domain.IndexOf("//", StringComparison.Ordinal) + 1)..].Contains(':', StringComparison.Ordinal) ? domain : domain + ":*";
}
