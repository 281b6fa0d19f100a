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

    public string AccentColor { get; set; } = "#2458d6";

    public string BackgroundColor { get; set; } = "#ffffff";

    public string TextColor { get; set; } = "#1d2127";

    public WidgetTheme Theme { get; set; }

    public WidgetLanguage Language { get; set; }

    public string CustomCss { get; set; } = "";

    /// <summary>One domain per line.</summary>
    public string AllowedDomains { get; set; } = "";

    public static SiteSettingsForm From(SiteSettings settings) => new()
    {
        Title = settings.Title,
        Width = settings.Width,
        Height = settings.Height,
        CustomColors = settings.AccentColor is not null,
        AccentColor = settings.AccentColor ?? "#2458d6",
        BackgroundColor = settings.BackgroundColor ?? "#ffffff",
        TextColor = settings.TextColor ?? "#1d2127",
        Theme = settings.Theme,
        Language = settings.Language,
        CustomCss = settings.CustomCss,
        AllowedDomains = string.Join('\n', settings.AllowedDomains),
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
        };
        var errors = settings.Validate().ToDictionary();
        if (badDomains.Count > 0)
        {
            errors[nameof(AllowedDomains)] = [$"Not a domain: {string.Join(", ", badDomains)}. Use example.com, *.example.com or localhost:3000."];
        }

        return (settings, errors);
    }
}
