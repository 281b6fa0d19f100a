namespace Widget.Core.Sites;

/// <summary>The language of the widget's own labels; posts are shown as written.</summary>
public enum WidgetLanguage
{
    En,
    Ru,
}
