using System.Text;
using Widget.Core.Sites;

namespace Widget.Web.Viewing;

/// <summary>A site's colours and custom CSS as one stylesheet, linked after the widget's own.</summary>
public static class SiteStylesheet
{
    public static string Render(SiteSettings settings)
    {
        var css = new StringBuilder();
        // Doubling the class outranks the theme rules, so chosen colours hold in light and dark alike.
        css.Append(".widget.widget{");
        Append(css, "--widget-accent", settings.AccentColor);
        Append(css, "--widget-bg", settings.BackgroundColor);
        Append(css, "--widget-text", settings.TextColor);
        css.Append("}\n");
        // CSS saved before the check grew stricter is served only if it would be accepted today.
        if (CustomCss.Problem(settings.CustomCss) is null)
        {
            css.Append(settings.CustomCss);
        }

        return css.ToString();
    }

    private static void Append(StringBuilder css, string property, string? color)
    {
        if (color is not null && HexColor.IsValid(color))
        {
            css.Append(property).Append(':').Append(color).Append(';');
        }
    }
}
