namespace Widget.Core.Sites;

public enum WidgetTheme
{
    /// <summary>Follows the visitor's system setting.</summary>
    Auto,
    Light,
    Dark,
}
