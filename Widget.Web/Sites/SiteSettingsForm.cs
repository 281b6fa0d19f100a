using Widget.Core.Sites;
using Widget.Core.Text;

namespace Widget.Web.Sites;

/// <summary>The configurator's editable copy of a site's settings, in the shapes form fields bind to.</summary>
public sealed class SiteSettingsForm
{
    public string Title { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public bool CustomColors { get; set; }

    public string AccentColor { get; set; } = Light.Accent;

    public string BackgroundColor { get; set; } = Light.Background;

    public string TextColor { get; set; } = Light.Text;

    public WidgetTheme Theme { get; set; }

    public WidgetLanguage Language { get; set; }

    public string CustomCss { get; set; } = "";

    public CallsMode Calls { get; set; }

    /// <summary>One domain per line.</summary>
    public string AllowedDomains { get; set; } = "";

    public bool BrowseTogether { get; set; }

    public bool ShowVisitors { get; set; }

    public string PrivateSelector { get; set; } = "";

    // The widget stylesheet's own palettes, so that own colours start from what the chosen theme shows.
    private static readonly (string Accent, string Background, string Text) Light = ("#2458d6", "#ffffff", "#1d2127");
    private static readonly (string Accent, string Background, string Text) Dark = ("#7aa7ff", "#17191d", "#e7e9ec");

    /// <summary>Own colours, just switched on, begin as the chosen theme's.</summary>
    public void StartColorsFromTheme() =>
        (AccentColor, BackgroundColor, TextColor) = Theme == WidgetTheme.Dark ? Dark : Light;

    /// <summary>The contrast of text and of buttons on the background, as the preview shows them.</summary>
    public (double Text, double Accent) Contrast =>
        (ColorContrast.Ratio(TextColor, BackgroundColor), ColorContrast.Ratio(AccentColor, BackgroundColor));

    public static SiteSettingsForm From(SiteSettings settings) => new()
    {
        Title = settings.Title,
        Width = settings.Width,
        Height = settings.Height,
        CustomColors = settings.AccentColor is not null,
        AccentColor = settings.AccentColor ?? Light.Accent,
        BackgroundColor = settings.BackgroundColor ?? Light.Background,
        TextColor = settings.TextColor ?? Light.Text,
        Theme = settings.Theme,
        Language = settings.Language,
        CustomCss = settings.CustomCss,
        AllowedDomains = string.Join('\n', settings.AllowedDomains),
        BrowseTogether = settings.BrowseTogether,
        ShowVisitors = settings.ShowVisitors,
        PrivateSelector = settings.PrivateSelector,
        Calls = settings.Calls,
    };

    /// <summary>The settings this form describes, and what is wrong with them (empty when they can be saved).</summary>
    public (SiteSettings Settings, IReadOnlyDictionary<string, string[]> Errors) ToSettings()
    {
        var domains = new List<string>();
        var badDomains = new List<string>();
        foreach (var line in AllowedDomains.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (AllowedDomain.TryNormalize(line, out var domain))
            {
                domains.Add(domain);
            }
            else
            {
                badDomains.Add(line);
            }
        }

        var settings = new SiteSettings
        {
            Title = UserText.Line(Title),
            Width = Width,
            Height = Height,
            AccentColor = CustomColors ? AccentColor : null,
            BackgroundColor = CustomColors ? BackgroundColor : null,
            TextColor = CustomColors ? TextColor : null,
            Theme = Theme,
            Language = Language,
            CustomCss = CustomCss,
            AllowedDomains = domains.Distinct().ToArray(),
            BrowseTogether = BrowseTogether,
            ShowVisitors = ShowVisitors,
            PrivateSelector = PrivateSelector.Trim(),
            Calls = Calls,
        };
        var errors = settings.Validate().ToDictionary();
        if (badDomains.Count > 0)
        {
            errors[nameof(AllowedDomains)] = [$"Not a domain: {string.Join(", ", badDomains)}. Use example.com, *.example.com or localhost:3000."];
        }

        return (settings, errors);
    }
}
