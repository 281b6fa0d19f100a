using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>The webmaster's pages: prerendered on the server, then made interactive by a Blazor circuit.</summary>
internal static class BlazorPages
{
    /// <summary>
    /// Waits until the circuit has attached handlers to <paramref name="selector"/>. A prerendered page
    /// looks the same before that, and a click then submits the static form instead of running the handler.
    /// Blazor keeps an element's handlers under a property named _blazorEvents_N.
    /// </summary>
    public static Task WaitUntilInteractiveAsync(IPage page, string selector) =>
        page.WaitForFunctionAsync(
            "selector => { const e = document.querySelector(selector); return e && Object.keys(e).some((k) => k.startsWith('_blazorEvents_')); }",
            selector);
}
