namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// embed.js keeps the bubble behind a closed shadow root so that host pages cannot reach in; a test page opens
/// every shadow root instead (as an init script, before embed.js runs), so that locators can find the bubble.
/// </summary>
public static class ShadowRoots
{
    public const string OpenAll = """
        const attachShadow = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { return attachShadow.call(this, { ...init, mode: 'open' }); };
        """;
}
