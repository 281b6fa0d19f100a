namespace Widget.Core.Sites;

/// <summary>How a site's widget looks and where it may be embedded. Colours left null follow the theme.</summary>
public sealed record SiteSettings
{
    public const int MaxTitleLength = 80;
    public const int MinWidth = 240;
    public const int MaxWidth = 1200;
    public const int MinHeight = 200;
    public const int MaxHeight = 1600;

    public string Title { get; init; } = "";

    public int Width { get; init; } = 360;

    public int Height { get; init; } = 480;

    public string? AccentColor { get; init; }

    public string? BackgroundColor { get; init; }

    public string? TextColor { get; init; }

    public WidgetTheme Theme { get; init; } = WidgetTheme.Auto;

    public WidgetLanguage Language { get; init; } = WidgetLanguage.En;

    public string CustomCss { get; init; } = "";

    /// <summary>Empty: any site may embed the widget.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>Signed-in visitors may invite others to see their cursors on the host page. Off unless the owner turns it on.</summary>
    public bool BrowseTogether { get; init; }

    /// <summary>Signed-in visitors who opt in appear to others on the same page as pods following their mouse. Off unless the owner turns it on.</summary>
    public bool ShowVisitors { get; init; }

    /// <summary>A CSS selector of page parts whose fields "Browse together" never shares; empty: only those private by kind.</summary>
    public string PrivateSelector { get; init; } = "";

    /// <summary>Off unless the owner turns calls on: a call asks visitors for their camera and microphone.</summary>
    public CallsMode Calls { get; init; } = CallsMode.Off;

    public bool HasCustomStyle =>
        AccentColor is not null || BackgroundColor is not null || TextColor is not null || CustomCss.Length > 0;

    /// <summary>Field name to messages; empty when the settings can be saved as they are.</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Title.Length > MaxTitleLength)
        {
            errors[nameof(Title)] = [$"The title can be at most {MaxTitleLength} characters."];
        }

        if (Width is < MinWidth or > MaxWidth)
        {
            errors[nameof(Width)] = [$"The width must be between {MinWidth} and {MaxWidth} pixels."];
        }

        if (Height is < MinHeight or > MaxHeight)
        {
            errors[nameof(Height)] = [$"The height must be between {MinHeight} and {MaxHeight} pixels."];
        }

        foreach (var (name, value) in new[] { (nameof(AccentColor), AccentColor), (nameof(BackgroundColor), BackgroundColor), (nameof(TextColor), TextColor) })
        {
            if (value is not null && !HexColor.IsValid(value))
            {
                errors[name] = ["Use a colour like #1a73e8."];
            }
        }

        if (!errors.ContainsKey(nameof(BackgroundColor)))
        {
            foreach (var (name, color, what) in new[] { (nameof(TextColor), TextColor, "Text"), (nameof(AccentColor), AccentColor, "The accent (button)") })
            {
                if (color is not null && BackgroundColor is not null && !errors.ContainsKey(name)
                    && ColorContrast.Ratio(color, BackgroundColor) is var ratio and < ColorContrast.MinimumRatio)
                {
                    errors[name] = [$"{what} on the background has a contrast of {ColorContrast.Format(ratio)}; at least 4.5:1 keeps it readable (WCAG AA)."];
                }
            }
        }

        if (!Enum.IsDefined(Theme) || !Enum.IsDefined(Language))
        {
            errors[nameof(Theme)] = ["Unknown theme or language."];
        }

        if (!Enum.IsDefined(Calls))
        {
            errors[nameof(Calls)] = ["Unknown choice for calls."];
        }

        if (Sites.CustomCss.Problem(CustomCss) is { } cssProblem)
        {
            errors[nameof(CustomCss)] = [cssProblem];
        }

        if (Sites.PrivateSelector.Problem(PrivateSelector) is { } selectorProblem)
        {
            errors[nameof(PrivateSelector)] = [selectorProblem];
        }

        if (AllowedDomains.Count > AllowedDomain.MaxCount)
        {
            errors[nameof(AllowedDomains)] = [$"List at most {AllowedDomain.MaxCount} domains."];
        }
        else if (AllowedDomains.FirstOrDefault(d => !AllowedDomain.TryNormalize(d, out var n) || n != d) is { } bad)
        {
            errors[nameof(AllowedDomains)] = [$"'{bad}' is not a domain like example.com, *.example.com or localhost:3000."];
        }

        return errors;
    }
}
