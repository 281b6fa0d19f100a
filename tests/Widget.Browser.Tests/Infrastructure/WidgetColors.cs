namespace Widget.Browser.Tests.Infrastructure;

/// <summary>The colours a reader of the widget sees, as the browser computed them.</summary>
public sealed record WidgetColors
{
    private const string Script = """
        root => {
          const style = (selector) => getComputedStyle(root.querySelector(selector));
          return {
            Background: getComputedStyle(root).backgroundColor,
            Text: style('.post-text').color,
            Muted: style('.post-time').color,
            ButtonText: style('.signin-button').color,
            ButtonBackground: style('.signin-button').backgroundColor,
          };
        }
        """;

    // Settable because Playwright builds evaluation results through a parameterless constructor.
    public string Background { get; init; } = "";

    public string Text { get; init; } = "";

    public string Muted { get; init; } = "";

    public string ButtonText { get; init; } = "";

    public string ButtonBackground { get; init; } = "";

    public static Task<WidgetColors> ReadAsync(EmbeddedWidget widget)
    {
        ArgumentNullException.ThrowIfNull(widget);
        return widget.EvaluateAsync<WidgetColors>(Script);
    }
}
