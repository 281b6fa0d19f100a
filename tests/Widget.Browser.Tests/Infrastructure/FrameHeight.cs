using System.Globalization;
using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>How tall embed.js made a widget's iframe, against the height the widget itself asked for.</summary>
public sealed record FrameHeight
{
    // Waits (polling on animation frames) until the frame is exactly the height the widget last
    // reported, clamped to the container's limits, and taller than `above`.
    private const string Fitted = """
        ([frame, min, max, above]) => {
          const reported = window.reportedHeights.get(frame.contentWindow);
          if (reported === undefined) return null;
          const height = frame.getBoundingClientRect().height;
          const wanted = Math.round(Math.min(max, Math.max(min, reported)));
          return Math.abs(height - wanted) <= 1 && height > above ? { Frame: height, Reported: reported } : null;
        }
        """;

    // Settable because Playwright builds evaluation results through a parameterless constructor.
    public double Frame { get; init; }

    public double Reported { get; init; }

    /// <summary>The frame's height once it follows what its widget reported and exceeds <paramref name="above"/>.</summary>
    public static async Task<FrameHeight> WaitForFitAsync(IPage page, ILocator iframe, double above = 0)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(iframe);
        var element = await iframe.ElementHandleAsync();
        try
        {
            var result = await page.WaitForFunctionAsync(
                Fitted, new object[] { element, EmbedSnippets.MinHeight, EmbedSnippets.MaxHeight, above });
            return await result.JsonValueAsync<FrameHeight>();
        }
        catch (TimeoutException)
        {
            var box = await iframe.BoundingBoxAsync();
            var reported = await iframe.EvaluateAsync<double?>("f => window.reportedHeights.get(f.contentWindow) ?? null");
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The frame is {box?.Height} px tall, its widget reported {reported} px, and the test waited for more than {above} px."));
        }
    }
}
